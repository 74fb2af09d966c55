import type { LangCode } from '../domain/types.js';
import { NO_WORDS, TypedWordsSchema, type TypedWords } from '../dialog/interpret/words.js';
import type { Command, Wordbook } from '../dialog/wordbook.js';
import type { Language } from '../lang/registry.js';
import { lookup, type Resources } from './resources.js';

/** The typed words the dialog recognises, read from locales/ once at start-up. */
export function createWordbook(resources: Resources, languages: readonly Language[]): Wordbook {
  const book = readWordbook(resources, languages);
  // Read every language's typed words now, so a bad list stops start-up naming its file.
  for (const l of languages) book.typedWords(l.code);
  // Every typed reply looks these up; the answers never change, so each is read once.
  const cache = new Map<string, unknown>();
  const memo = <T,>(key: string, read: () => T): T => {
    if (!cache.has(key)) cache.set(key, read());
    return cache.get(key) as T;
  };
  return {
    choiceTitle: (lang, code) => memo(`t|${lang}|${code}`, () => book.choiceTitle(lang, code)),
    choiceSynonyms: (lang, code) => memo(`s|${lang}|${code}`, () => book.choiceSynonyms(lang, code)),
    commandPhrases: (lang, command) => memo(`c|${lang}|${command}`, () => book.commandPhrases(lang, command)),
    languageNames: (code) => memo(`l|${code}`, () => book.languageNames(code)),
    typedWords: (lang) => memo(`w|${lang}`, () => book.typedWords(lang)),
    bcp47: (lang) => book.bcp47(lang),
  };
}

function readWordbook(resources: Resources, languages: readonly Language[]): Wordbook {
  const byCode = new Map(languages.map((l) => [l.code, l]));
  const tree = (lang: LangCode) => resources[byCode.get(lang)?.bcp47 ?? ''];
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
  return {
    choiceTitle(lang, code) {
      if (code.startsWith('lang.')) return byCode.get(code.slice(5))?.endonym;
      const v = lookup(tree(lang), `choice.${code}`);
      return typeof v === 'string' ? v : undefined;
    },
    choiceSynonyms(lang, code) {
      if (code.startsWith('lang.')) {
        const l = byCode.get(code.slice(5));
        return l ? [l.englishName, l.code, l.bcp47, ...l.aliases] : [];
      }
      return strings(lookup(tree(lang), `choiceSyn.${code}`));
    },
    commandPhrases(lang, command: Command) {
      return strings(lookup(tree(lang), `command.${command}`));
    },
    languageNames(code) {
      const l = byCode.get(code);
      return l ? [l.endonym, l.englishName, l.code, l.bcp47, ...l.aliases] : [];
    },
    bcp47: (lang) => byCode.get(lang)?.bcp47,
    typedWords(lang): TypedWords {
      const raw = lookup(tree(lang), 'understand.words');
      if (raw === undefined) return NO_WORDS;
      const parsed = TypedWordsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`locales/${byCode.get(lang)?.bcp47 ?? lang}/understand.json: understand.words.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      }
      return parsed.data;
    },
  };
}
