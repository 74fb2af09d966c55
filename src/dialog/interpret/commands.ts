import type { LangCode } from '../../domain/types.js';
import { COMMANDS, type Command, type Wordbook } from '../wordbook.js';
import { fold, foldPhrase } from './normalise.js';

/** A global command typed on its own ("help", "start again"), in the patient's language or English. */
export function matchCommand(text: string, lang: LangCode, words: Wordbook): Command | null {
  const typed = fold(text);
  if (typed === '' || typed.length > 40) return null;
  const langs = lang === 'eng' ? ['eng'] : [lang, 'eng'];
  for (const command of COMMANDS) {
    for (const l of langs) {
      if (words.commandPhrases(l, command).some((p) => foldPhrase(p) === typed)) return command;
    }
  }
  return null;
}
