import { z } from 'zod';

/**
 * Whether the description clearly says a child is older than a young baby ("my 2 year old", "mi hijo
 * de 3 años", "18 month old"), per language, from dialogs/safety/statedAge.json. Used only to ask one
 * confirming question ("Is your baby under 8 weeks old?") before the emergency check's baby line
 * diverts (emergencyCheck.json lines.child_baby.confirm.askFromAgeMonths); the line is never hidden.
 * A misread age would send a young baby to that question, and a carer who then taps "no" to urgent
 * instead of 999, so the reading is lopsided on purpose:
 * - older only from an explicit age with a years or months word and its context ("{n} year old",
 *   "tiene {n} años"); durations ("for 2 years") are not in the patterns;
 * - only a child's age (below `childUnderYears`): an adult's own age ("I'm 24 years old") says nothing;
 * - never on doubt: any `young` match in any text (a baby word, a week word in any form, "days old",
 *   "born", an age in months under 3) means the age is not read at all.
 * Pattern syntax: `{n}` is a number (digits of any script, or the language's number words); a word
 * ending in `*` may go on ("week*" is week, weeks, weekly; "هفت*" is هفته, هفتشه); a space may be
 * missing in the text ("6wks").
 */

const PatternSchema = z.string().trim().min(1);
const AgedPatternSchema = PatternSchema.refine((p) => p.includes('{n}'), { message: 'an age pattern holds {n} where the number goes' });
const LanguageSchema = z
  .object({
    /** Number words read as {n} besides digits ("two" -> 2), lower case. */
    numbers: z.record(z.string().min(1), z.number().int().min(0).max(30)).default({}),
    /** An age in years, with its years word and context ("{n} year old", "{n} yaşında"). */
    years: z.array(AgedPatternSchema).min(1),
    /** An age in months, with its context ("{n} month old", "de {n} meses"): under 3 it is young. */
    months: z.array(AgedPatternSchema).default([]),
    /** Any of these in any text (a baby word, any week word, "days old", "born") means no age is read. */
    young: z.array(PatternSchema).min(1),
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
  months: RegExp[];
  young: RegExp[];
  numbers: Record<string, number>;
}

/** Other scripts' digits as ASCII (Arabic-Indic, Persian, Devanagari, Bengali, Gurmukhi, Gujarati, Tamil). */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0be6];

/** Lower case, one form of letters and digits, hyphens and zero-width joiners as spaces: text and patterns alike. */
export function normaliseForAge(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  for (const zero of DIGIT_ZEROS) out = out.replace(new RegExp(`[${String.fromCharCode(zero)}-${String.fromCharCode(zero + 9)}]`, 'gu'), (d) => String(d.charCodeAt(0) - zero));
  return out
    .replace(/[يى]/gu, 'ی')
    .replace(/ك/gu, 'ک')
    .replace(/[ةۃ]/gu, 'ه')
    .replace(/[\u064b-\u065f\u0670]/gu, '')
    .replace(/[\u200c\u200d]/gu, ' ')
    .replace(/[-‐‑–—_'’]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Word edges only where the script separates words with spaces (not Han). */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\d]/u;
const LETTERS = '[\\p{L}\\p{M}]*';

function toRegExp(pattern: string, numberWords: readonly string[]): RegExp {
  const p = normaliseForAge(pattern);
  const number = ['\\d{1,3}', ...numberWords.map(escape)].join('|');
  const word = (w: string): string => (w.endsWith('*') ? `${escape(w.slice(0, -1))}${LETTERS}` : escape(w));
  const body = p
    .split('{n}')
    .map((part) => part.trim().split(' ').filter(Boolean).map(word).join('\\s*'))
    .join(`\\s*(${number})\\s*`);
  // Before a leading number: no digit (and no letter where words are spaced; Han writes 我儿子两岁 with none).
  const bare = p.replace(/\*/g, '');
  const next = bare.replace('{n}', '').trimStart().charAt(0);
  const before = SPACED.test(bare.charAt(0)) || (bare.startsWith('{n}') && SPACED.test(next)) ? '(?<![\\p{L}\\p{N}\\p{M}])' : bare.startsWith('{n}') ? '(?<!\\p{N})' : '';
  const after = p.endsWith('*') ? '' : SPACED.test(bare.charAt(bare.length - 1)) || bare.endsWith('{n}') ? '(?![\\p{L}\\p{N}\\p{M}])' : '';
  return new RegExp(`${before}${body}${after}`, 'gu');
}

/** What the texts say of a child's age: young (or in doubt), older than `months`, or nothing. */
export type StatedAge = { kind: 'young' } | { kind: 'months'; months: number } | { kind: 'none' };

/** Compiles the patterns once; the result reads the texts (English is always read too). */
export function compileStatedAge(def: StatedAgeDef | undefined, childUnderYears: number) {
  const byLang = new Map<string, Compiled>();
  for (const [lang, l] of Object.entries(def?.languages ?? {})) {
    const numbers = Object.fromEntries(Object.entries(l.numbers).map(([w, n]) => [normaliseForAge(w), n]));
    const words = Object.keys(numbers).sort((a, b) => b.length - a.length);
    byLang.set(lang, {
      numbers,
      years: l.years.map((p) => toRegExp(p, words)),
      months: l.months.map((p) => toRegExp(p, words)),
      young: l.young.map((p) => toRegExp(p, words)),
    });
  }
  const valueOf = (c: Compiled, raw: string): number | undefined => (/^\d+$/.test(raw) ? Number(raw) : c.numbers[raw]);
  return (texts: readonly { text: string; lang: string }[]): StatedAge => {
    const ages: number[] = [];
    for (const { text, lang } of texts) {
      const t = normaliseForAge(text);
      for (const code of new Set(['eng', lang])) {
        const c = byLang.get(code);
        if (!c) continue;
        if (c.young.some((re) => new RegExp(re.source, re.flags).test(t))) return { kind: 'young' };
        for (const re of c.months) {
          for (const m of t.matchAll(re)) {
            const n = valueOf(c, m[1] ?? '');
            if (n === undefined) continue;
            // An age in months under 3 is a young baby's: nothing is read (never on doubt).
            if (n < 3) return { kind: 'young' };
            if (n < childUnderYears * 12) ages.push(n);
          }
        }
        for (const re of c.years) {
          for (const m of t.matchAll(re)) {
            const n = valueOf(c, m[1] ?? '');
            // Ages of 0 and from childUnderYears (an adult's own age) say nothing of the child.
            if (n !== undefined && n >= 1 && n < childUnderYears) ages.push(n * 12);
          }
        }
      }
    }
    return ages.length > 0 ? { kind: 'months', months: Math.min(...ages) } : { kind: 'none' };
  };
}
