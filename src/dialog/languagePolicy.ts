import type { LangCode } from '../domain/types.js';
import { detectLanguage } from '../lang/detect.js';
import { parseLanguageChoice } from '../lang/choice.js';
import type { Language } from '../lang/registry.js';
import { createScreeningLanguages } from '../lang/screeningLanguages.js';
import type { LanguagePolicy } from './machine/deps.js';

/**
 * The dialog's view of language detection: offer a switch only on a long, confident message in a
 * supported language the patient has not declined. Short replies never switch (see src/lang/detect.ts).
 */
export function createLanguagePolicy(languages: readonly Language[], supported: readonly LangCode[]): LanguagePolicy {
  return {
    screeningLanguages: createScreeningLanguages(languages, supported),
    suggestSwitch(text, current, declined) {
      const found = detectLanguage(text, { current, supported });
      const sure = found.longEnough && (found.confidence === 'high' || found.reason === 'lexicon');
      if (!sure || found.lang === null || found.lang === current || declined.includes(found.lang)) return null;
      return found.lang;
    },
    parseChoice(text, offered) {
      return parseLanguageChoice(text, languages.filter((l) => offered.includes(l.code)));
    },
  };
}
