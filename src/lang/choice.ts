/**
 * Recognises a typed language choice: "polski", "Polish", "pl", "العربية", "cymraeg", "welsh please".
 * Numbers from a shown menu are the dialog's job.
 */
import type { LangCode } from '../domain/types.js';
import type { Language } from './registry.js';
import { foldLatin } from './text.js';

/** Short codes ("pl", "so", "it") are also ordinary words, so they count only as the whole reply. */
const MAX_WORDS_FOR_NAME_IN_PHRASE = 4;

function norm(text: string): string {
  return foldLatin(text.normalize('NFKC'))
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function names(lang: Language): string[] {
  const english = lang.englishName.replace(/\s*\(.*\)\s*/, '');
  return [lang.endonym, lang.englishName, english, ...lang.aliases].map(norm).filter((n) => n.length > 0);
}

function tags(lang: Language): string[] {
  return [lang.code, lang.bcp47.toLowerCase(), lang.bcp47.toLowerCase().split('-')[0] ?? ''].filter((t) => t.length > 0);
}

const HAN = /\p{Script=Han}/u;

export function parseLanguageChoice(text: string, languages: readonly Language[]): LangCode | null {
  const reply = norm(text);
  if (reply === '') return null;
  const whole = languages.filter((l) => names(l).includes(reply) || tags(l).includes(reply.replace(/ /g, '-')));
  if (whole.length === 1) return whole[0]?.code ?? null;

  // "polish please", "in welsh", "我要中文": a name inside a short reply, only if exactly one language is named.
  if (reply.split(' ').length > MAX_WORDS_FOR_NAME_IN_PHRASE) return null;
  const padded = ` ${reply} `;
  const found = new Set<LangCode>();
  for (const lang of languages) {
    for (const name of names(lang)) {
      if (HAN.test(name) ? reply.includes(name) : padded.includes(` ${name} `)) found.add(lang.code);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}
