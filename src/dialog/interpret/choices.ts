import type { LangCode } from '../../domain/types.js';
import type { Wordbook } from '../wordbook.js';
import { fold, foldPhrase } from './normalise.js';

/**
 * Match a typed reply to one of the offered choice codes: its number in the list, the code itself
 * (what buttons send), its title or a synonym in the patient's language or in English.
 * Returns null when nothing, or more than one choice, matches.
 */
export function matchChoice(text: string, choices: readonly string[], lang: LangCode, words: Wordbook): string | null {
  const raw = text.trim();
  if (choices.includes(raw)) return raw;
  const typed = fold(raw);
  if (typed === '') return null;
  if (/^\d{1,2}$/.test(typed)) {
    const n = Number(typed);
    return n >= 1 && n <= choices.length ? (choices[n - 1] ?? null) : null;
  }
  const langs = lang === 'eng' ? ['eng'] : [lang, 'eng'];
  const matches = new Set<string>();
  for (const code of choices) {
    for (const l of langs) {
      const title = words.choiceTitle(l, code);
      const candidates = [...(title ? [title] : []), ...words.choiceSynonyms(l, code)];
      if (candidates.some((c) => foldPhrase(c) === typed)) matches.add(code);
    }
  }
  if (matches.size === 1) return [...matches][0] ?? null;
  return null;
}
