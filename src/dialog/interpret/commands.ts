import type { LangCode } from '../../domain/types.js';
import { COMMANDS, type Command, type Wordbook } from '../wordbook.js';
import { fold, foldPhrase } from './normalise.js';

/**
 * Each language's command phrases, folded, to the first command (in COMMANDS order) that has it:
 * built once per wordbook and language (the phrases are fixed), so a turn looks its text up once
 * per language instead of folding and comparing every phrase of every command.
 */
const phraseIndex = new WeakMap<Wordbook, Map<LangCode, ReadonlyMap<string, number>>>();

function indexOf(words: Wordbook, lang: LangCode): ReadonlyMap<string, number> {
  let byLang = phraseIndex.get(words);
  if (!byLang) phraseIndex.set(words, (byLang = new Map()));
  let index = byLang.get(lang);
  if (!index) {
    const built = new Map<string, number>();
    COMMANDS.forEach((command, i) => {
      for (const p of words.commandPhrases(lang, command)) {
        const folded = foldPhrase(p);
        if (!built.has(folded)) built.set(folded, i);
      }
    });
    byLang.set(lang, (index = built));
  }
  return index;
}

/** A global command typed on its own ("help", "start again"), in the patient's language or English. */
export function matchCommand(text: string, lang: LangCode, words: Wordbook): Command | null {
  const typed = fold(text);
  if (typed === '' || typed.length > 40) return null;
  // The first command in COMMANDS order named in either language, as a scan of both would find.
  let first = Infinity;
  for (const l of lang === 'eng' ? ['eng'] : [lang, 'eng']) first = Math.min(first, indexOf(words, l).get(typed) ?? Infinity);
  return Number.isFinite(first) ? (COMMANDS[first] ?? null) : null;
}
