import type { LangCode } from '../domain/types.js';
import type { TypedWords } from './interpret/words.js';

export const COMMANDS = ['help', 'back', 'restart', 'stop', 'person', 'language'] as const;
export type Command = (typeof COMMANDS)[number];

/**
 * The words the dialog must recognise when typed: choice titles, their synonyms and the
 * global commands, per language. Built once from locales/ (see src/i18n/wordbookFromLocales.ts)
 * so the statechart stays pure and never touches i18next.
 */
export interface Wordbook {
  choiceTitle(lang: LangCode, code: string): string | undefined;
  choiceSynonyms(lang: LangCode, code: string): readonly string[];
  commandPhrases(lang: LangCode, command: Command): readonly string[];
  /** Names a language may be typed as (endonym, English name, tags), for "change language". */
  languageNames(code: LangCode): readonly string[];
  /** The words patients of this language type (locales/<lang>/understand.json); empty lists where none. */
  typedWords(lang: LangCode): TypedWords;
  /** The language's BCP 47 tag (for the platform's own month and weekday names). */
  bcp47(lang: LangCode): string | undefined;
}
