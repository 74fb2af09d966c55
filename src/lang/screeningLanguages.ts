import type { LangCode } from '../domain/types.js';
import { detectLanguage } from './detect.js';
import type { Language } from './registry.js';
import { shapeOf, type ScriptName } from './text.js';

const ISO_SCRIPT: Record<ScriptName, string | null> = {
  Latin: 'Latn', Arabic: 'Arab', Cyrillic: 'Cyrl', Han: 'Hans', Gurmukhi: 'Guru', Bengali: 'Beng', Gujarati: 'Gujr', Tamil: 'Taml', Other: null,
};

/** Below this many words language detection is a guess, so a red flag could hide in any language of the script. */
const SHORT_WORDS = 6;

/**
 * Which languages' red-flag lexicons to screen a message with. Screening must not depend on language
 * detection being right ("nie oddycha" is too short to detect, but it is an emergency):
 *   - always the conversation's language and English;
 *   - every supported language written in a script the message uses, when the message is short;
 *   - the detected language (at any confidence) when it is long enough to detect.
 */
export function createScreeningLanguages(languages: readonly Language[], supported: readonly LangCode[]) {
  const byScript = new Map<string, LangCode[]>();
  for (const l of languages) {
    if (!supported.includes(l.code)) continue;
    byScript.set(l.script, [...(byScript.get(l.script) ?? []), l.code]);
  }
  return function screeningLanguages(text: string, current: LangCode): LangCode[] {
    const langs = new Set<LangCode>([current, 'eng']);
    const shape = shapeOf(text);
    if (shape.units < SHORT_WORDS) {
      for (const [script, units] of Object.entries(shape.byScript) as [ScriptName, number][]) {
        const iso = units > 0 ? ISO_SCRIPT[script] : null;
        for (const code of iso ? (byScript.get(iso) ?? []) : []) langs.add(code);
      }
    } else {
      const found = detectLanguage(text, { current, supported });
      if (found.lang) langs.add(found.lang);
      // A long message mostly in one script may still carry a phrase in another ("sick note" in Punjabi).
      const dominant = shape.dominant;
      for (const [script, units] of Object.entries(shape.byScript) as [ScriptName, number][]) {
        if (units === 0 || script === dominant || script === 'Latin') continue;
        const iso = ISO_SCRIPT[script];
        for (const code of iso ? (byScript.get(iso) ?? []) : []) langs.add(code);
      }
    }
    return [...langs];
  };
}
