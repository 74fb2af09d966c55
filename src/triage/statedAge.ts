import { z } from 'zod';

/**
 * A child's age in years as the description states it ("my 2 year old", "she is 4 years old"), per
 * language, from dialogs/safety/statedAge.json. Used only to leave out the emergency check's
 * age-bound line (the baby line) the way a known date of birth does, so it is conservative:
 * - only explicit ages with a years word (durations such as "for 2 years" are not in the patterns);
 * - only a child's age (below `childUnderYears`): an adult's own age says nothing of the child;
 * - never on doubt: any sign of a baby in the same texts ("baby", "6 weeks old") means no age.
 */

const PatternSchema = z.string().trim().min(2).includes('{n}', { message: 'an age pattern holds {n} where the number goes' });
const LanguageSchema = z
  .object({
    /** Number words read as {n} besides digits ("two" -> 2), lower case. */
    numbers: z.record(z.string().min(1), z.number().int().min(0).max(20)).default({}),
    /** An age in years: each pattern holds {n} and a years word ("{n} year old", "{n} yaşında"). */
    years: z.array(PatternSchema).min(1),
    /** Any of these (a baby word, an age in weeks or months) means the age is in doubt: none is read. */
    young: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

export const StatedAgeSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    languages: z.record(z.string().regex(/^[a-z]{3}$/), LanguageSchema),
  })
  .strict();
export type StatedAgeDef = z.infer<typeof StatedAgeSchema>;

interface Compiled {
  years: RegExp[];
  young: RegExp[];
  numbers: Record<string, number>;
}

/** Other scripts' digits as ASCII (Arabic-Indic, Persian, Bengali, Gurmukhi, Gujarati, Tamil). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x09e6, 0x0a66, 0x0ae6, 0x0be6];

/** Lower case, one form of letters and digits, hyphens as spaces: text and patterns alike. */
export function normaliseForAge(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  for (const zero of DIGIT_ZEROS) out = out.replace(new RegExp(`[${String.fromCharCode(zero)}-${String.fromCharCode(zero + 9)}]`, 'gu'), (d) => String(d.charCodeAt(0) - zero));
  return out
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک')
    .replace(/[\u200c\u200d]/gu, ' ')
    .replace(/[-‐‑–—_'’]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word edges only where the script separates words with spaces (not Han). */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\d]/u;

function toRegExp(pattern: string, numberWords: readonly string[]): RegExp {
  const p = normaliseForAge(pattern);
  const number = ['\\d{1,3}', ...numberWords.map(escape)].join('|');
  const body = p
    .split('{n}')
    .map((part) => part.split(' ').map(escape).join('\\s*'))
    .join(`(${number})`);
  // Before a leading number: no digit (and no letter where words are spaced; Han writes 我儿子两岁 with none).
  const next = p.replace('{n}', '').trimStart().charAt(0);
  const before = SPACED.test(p.charAt(0)) || (p.startsWith('{n}') && SPACED.test(next)) ? '(?<![\\p{L}\\p{N}\\p{M}])' : p.startsWith('{n}') ? '(?<!\\p{N})' : '';
  const after = SPACED.test(p.charAt(p.length - 1)) || p.endsWith('{n}') ? '(?![\\p{L}\\p{N}\\p{M}])' : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

/** Compiles the patterns once; the result reads the stated age of a child from the texts, or undefined. */
export function compileStatedAge(def: StatedAgeDef | undefined, childUnderYears: number) {
  const byLang = new Map<string, Compiled>();
  for (const [lang, l] of Object.entries(def?.languages ?? {})) {
    const numbers = Object.fromEntries(Object.entries(l.numbers).map(([w, n]) => [normaliseForAge(w), n]));
    const words = Object.keys(numbers).sort((a, b) => b.length - a.length);
    byLang.set(lang, {
      numbers,
      years: l.years.map((p) => toRegExp(p, words)),
      young: l.young.map((p) => toRegExp(p, words)),
    });
  }
  return (texts: readonly { text: string; lang: string }[]): number | undefined => {
    const ages: number[] = [];
    for (const { text, lang } of texts) {
      const t = normaliseForAge(text);
      // English is always read too: patients mix English words into other languages.
      for (const code of new Set(['eng', lang])) {
        const c = byLang.get(code);
        if (!c) continue;
        if (c.young.some((re) => new RegExp(re.source, re.flags).test(t))) return undefined;
        for (const re of c.years) {
          for (const m of t.matchAll(re)) {
            const raw = m[1] ?? '';
            const n = /^\d+$/.test(raw) ? Number(raw) : c.numbers[raw];
            if (n !== undefined && n < childUnderYears) ages.push(n);
          }
        }
      }
    }
    return ages.length > 0 ? Math.min(...ages) : undefined;
  };
}
