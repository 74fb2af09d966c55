import { z } from 'zod';
import type { LangCode } from '../domain/types.js';

/**
 * The age a patient states in their own words ("my 2 year old", "mi hijo de 3 años", "我儿子2岁",
 * "my son (34)"), read with the patterns of dialogs/safety/statedAge.json. Only clear age statements:
 * each language's forms need an age word ("old", "aged", "años" after a child's word...), so
 * durations ("for 2 years", "3 weeks ago"), pregnancy weeks, doses, counts and temperatures are not
 * read. What a stated age may decide is the engine's (engine.ts agesOf): the date of birth always wins.
 */

export const AGE_UNITS = ['years', 'months', 'weeks', 'days'] as const;
export type AgeUnit = (typeof AGE_UNITS)[number];
const PER_YEAR: Readonly<Record<AgeUnit, number>> = { years: 1, months: 12, weeks: 52.18, days: 365.25 };
/** The largest number read in each unit (anything larger is not an age in that unit). */
const MAX_OF: Readonly<Record<AgeUnit, number>> = { years: 115, months: 36, weeks: 60, days: 90 };

const Words = z.array(z.string().min(1));
const FormSchema = z.union([
  z.string().min(1),
  z
    .object({
      form: z.string().min(1),
      /** The unit when the form has no {unit} placeholder (default years). */
      unit: z.enum(AGE_UNITS).optional(),
      /** The number when the form has no {n} ("roczny synek": 1 year). */
      value: z.number().positive().optional(),
    })
    .strict(),
]);
const LanguageAgeSchema = z
  .object({
    $comment: z.string().optional(),
    /** Number words (each a whole word, or the first part of a fused word: Polish "dwu|letni") to their value. */
    numbers: z.record(z.string().min(1), z.number().int().positive().max(120)).default({}),
    /** Words for a child or another person ("son", "hijo", "বাচ্চা"); at the end of a form they are stems ("syn" reads "synek"). */
    kin: Words.default([]),
    units: z.object(Object.fromEntries(AGE_UNITS.map((u) => [u, Words.default([])])) as Record<AgeUnit, z.ZodDefault<typeof Words>>).strict(),
    /** A word right before a match that makes it not an age ("más de 3 años": more than 3 years). */
    notAfter: Words.default([]),
    /** Words right after a form ending in {n} that make it not an age ("he is 38 degrees"; the units are added: "she's 32 weeks"). */
    notBefore: Words.default([]),
    /** Words right after any form that make it not an age ("پسرم ۲ ساله که": it has been 2 years that). */
    notFollowedBy: Words.default([]),
    /**
     * The forms, as templates: {n} a number (digits of any script, or a number word), {unit} a unit
     * word (its unit is the age's), {kin} a kinship word; a space stands for any spaces or hyphens
     * (or none); anything else is literal.
     */
    forms: z.array(FormSchema).min(1),
    /** False for a language written without spaces between words (Chinese): no word boundaries. */
    spaced: z.boolean().default(true),
  })
  .strict();
export const StatedAgeSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    /**
     * Whether a stated age in years (1 or more) may hide an age-bound check line (the baby line) before
     * the date of birth is given. Off: only the date of birth hides it (hazard H45, for the CSO).
     */
    hidesCheckLines: z.boolean().default(false),
    /**
     * Rules that say how long the problem has lasted (cx.long_weeks, cx.sc.long...): an age stated in
     * months, weeks or days ("my 7 month old") is not a duration, so these rules are read without it
     * (hazard H100); "for 7 months" is no age and still counts.
     */
    durationRules: z.array(z.string().min(1)).default([]),
    languages: z.record(z.string().regex(/^[a-z]{3}$|^[a-z]{3}-[A-Z][a-z]{3}$/), LanguageAgeSchema),
  })
  .strict();
export type StatedAgeDef = z.infer<typeof StatedAgeSchema>;
type LanguageAgeDef = z.infer<typeof LanguageAgeSchema>;

/** An age read from the patient's words. */
export interface StatedAge {
  years: number;
  /** The unit the patient wrote: only an age in years may hide anything (engine.ts agesOf). */
  unit: AgeUnit;
  /** Said of a kinship word ("my son (34)", "mi hijo de 3 años"), not perhaps of the writer ("I'm 34", "34 years old"). */
  ofKin: boolean;
}

/** Arabic-script letter variants folded to one form (as src/triage/normalise.ts does), digits of other scripts to 0-9. */
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0649': '\u064a', '\u06cc': '\u064a', '\u0643': '\u06a9', '\u0629': '\u0647', '\u06c1': '\u0647', '\u06c3': '\u0647', '\u06be': '\u0647',
};
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xae6, 0xbe6];
const OTHER_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0be6-\u0bef]/g;

/** Text and template words alike: NFKD, Latin and Cyrillic accents and Arabic marks dropped, lower case, one apostrophe. */
export function foldForAge(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]|\u0640|[\u064b-\u065f\u0670]/g, '')
    .replace(/[\u0649\u06cc\u0643\u0629\u06c1\u06c3\u06be]/g, (c) => ARABIC_FOLD[c] ?? c)
    .replace(OTHER_DIGITS, (c) => {
      const cp = c.codePointAt(0) as number;
      return String(cp - (DIGIT_ZEROS.find((zero) => cp >= zero && cp - zero < 10) as number));
    })
    .replace(/[’ʼ‘`´′]/g, "'")
    .replace(/[‐‑–—]/g, '-')
    // The Persian zero-width non-joiner ("هفته‌ام") is typed as a space just as often.
    .replace(/\u200c/g, ' ')
    .toLowerCase();
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const alternation = (words: readonly string[]): string =>
  [...new Set(words.map(foldForAge))].sort((a, b) => b.length - a.length).map(escape).join('|');
const SEP = "[\\s\\-']*";
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

interface CompiledForm {
  re: RegExp;
  unit: AgeUnit | undefined;
  value: number | undefined;
  /** The form ends with {n}: what follows the number is checked (notBefore). */
  endsWithNumber: boolean;
  /** The form ends with {kin}: the kinship word is a stem, no word boundary after it. */
  endsWithKin: boolean;
  /** The form names a kinship word: the age is that person's. */
  ofKin: boolean;
  /** What any match must contain (see `mayMatch`): literal pieces, and whether it needs a number, a unit or a kinship word. */
  needs: { literals: string[]; number: boolean; unit: boolean; kin: boolean };
}
export interface CompiledLanguageAge {
  forms: CompiledForm[];
  numbers: ReadonlyMap<string, number>;
  units: ReadonlyMap<string, AgeUnit>;
  notAfter: ReadonlySet<string>;
  notBefore: RegExp;
  /** notFollowedBy: checked after every form. */
  notBeforeWords: RegExp;
  spaced: boolean;
  /** Number, unit and kinship words as written in the folded text, for `mayMatch`. */
  numberWords: readonly string[];
  unitWords: readonly string[];
  kinWords: readonly string[];
}

/** One language's forms as regular expressions; throws (naming the form) when a form cannot be read. */
export function compileLanguageAge(def: LanguageAgeDef): CompiledLanguageAge {
  const numbers = new Map(Object.entries(def.numbers).map(([w, n]) => [foldForAge(w), n] as const));
  const units = new Map<string, AgeUnit>();
  for (const u of AGE_UNITS) for (const w of def.units[u]) units.set(foldForAge(w), u);
  const numberRe = `(?<n>\\d{1,3}${numbers.size > 0 ? `|${alternation([...numbers.keys()])}` : ''})`;
  const unitRe = units.size > 0 ? `(?<u>${alternation([...units.keys()])})` : '(?!)';
  const kinRe = def.kin.length > 0 ? `(?:${alternation(def.kin)})` : '(?!)';
  const forms = def.forms.map((f, i) => {
    const form = typeof f === 'string' ? { form: f } : f;
    const template = foldForAge(form.form).trim();
    const hasN = template.includes('{n}');
    const hasUnit = template.includes('{unit}');
    if (hasN === (form.value !== undefined)) throw new Error(`forms.${i} ("${form.form}"): give either {n} or a value`);
    if (hasUnit && form.unit !== undefined) throw new Error(`forms.${i} ("${form.form}"): give either {unit} or a unit`);
    const pieces = template.split(/(\{n\}|\{unit\}|\{kin\}|\s+)/).filter((p) => p !== '');
    const body = pieces
      .map((p) => (p === '{n}' ? numberRe : p === '{unit}' ? unitRe : p === '{kin}' ? kinRe : /^\s+$/.test(p) ? SEP : escape(p)))
      .join('');
    const leftover = /\{[a-z]*\}/.exec(template.replace(/\{(n|unit|kin)\}/g, ''));
    if (leftover) throw new Error(`forms.${i} ("${form.form}"): unknown placeholder ${leftover[0]}`);
    const endsWithKin = template.endsWith('{kin}');
    const before = def.spaced ? `(?<!${WORD_CHAR})` : '';
    const after = def.spaced && !endsWithKin ? `(?!${WORD_CHAR})` : '';
    return {
      re: new RegExp(`${before}${body}${after}`, 'gu'),
      unit: hasUnit ? undefined : (form.unit ?? 'years'),
      value: form.value,
      endsWithNumber: template.endsWith('{n}'),
      endsWithKin,
      ofKin: template.includes('{kin}'),
      needs: {
        literals: pieces.filter((p) => !/^(\{n\}|\{unit\}|\{kin\}|\s+)$/.test(p)),
        number: hasN,
        unit: hasUnit,
        kin: template.includes('{kin}'),
      },
    } satisfies CompiledForm;
  });
  const blockWords = [...def.notBefore, ...units.keys()];
  const boundary = def.spaced ? `(?!${WORD_CHAR})` : '';
  const notBefore = new RegExp(`^(?:\\s*(?:[.,:/]\\d|°|%)${blockWords.length > 0 ? `|${SEP}(?:${alternation(blockWords)})${boundary}` : ''})`, 'u');
  const notBeforeWords = def.notFollowedBy.length > 0 ? new RegExp(`^${SEP}(?:${alternation(def.notFollowedBy)})${boundary}`, 'u') : /(?!)/u;
  return {
    forms,
    numbers,
    units,
    notAfter: new Set(def.notAfter.map(foldForAge)),
    notBefore,
    notBeforeWords,
    spaced: def.spaced,
    numberWords: [...numbers.keys()],
    unitWords: [...units.keys()],
    kinWords: [...new Set(def.kin.map(foldForAge))],
  };
}

/**
 * What a folded text holds that forms need: any digit, number word, unit word, kinship word (each
 * looked for as a substring, as the forms' regular expressions would find them), worked out on demand.
 */
function textHas(folded: string, lang: CompiledLanguageAge): { number: () => boolean; unit: () => boolean; kin: () => boolean } {
  const once = (f: () => boolean): (() => boolean) => {
    let v: boolean | undefined;
    return () => (v ??= f());
  };
  const hasDigit = (): boolean => {
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    return false;
  };
  return {
    number: once(() => hasDigit() || lang.numberWords.some((w) => folded.includes(w))),
    unit: once(() => lang.unitWords.some((w) => folded.includes(w))),
    kin: once(() => lang.kinWords.some((w) => folded.includes(w))),
  };
}

/**
 * False when the form cannot match the folded text: a literal piece, or every number (digit or
 * number word), unit or kinship word the form needs, is missing from it. Only a shortcut: the form's
 * regular expression decides. V8 drops a regular expression's compiled code after two garbage
 * collections without a use and compiles it again on the next one (about 60 µs for a form with
 * Unicode word boundaries), and most forms of a language are used rarely, so a form that cannot
 * match is not run at all.
 */
function mayMatch(form: CompiledForm, folded: string, has: ReturnType<typeof textHas>): boolean {
  const { needs } = form;
  return needs.literals.every((l) => folded.includes(l)) && (!needs.number || has.number()) && (!needs.unit || has.unit()) && (!needs.kin || has.kin());
}

/** Every age stated in `text` in this language (several when the text names several people). */
export function readStatedAges(text: string, lang: CompiledLanguageAge, spans?: [start: number, end: number, unit: AgeUnit][]): StatedAge[] {
  const folded = foldForAge(text);
  const found: StatedAge[] = [];
  const has = textHas(folded, lang);
  for (const form of lang.forms) {
    if (!mayMatch(form, folded, has)) continue;
    for (const m of folded.matchAll(form.re)) {
      const start = m.index;
      const end = start + m[0].length;
      const rest = folded.slice(end);
      if (lang.notBeforeWords.test(rest) || (form.endsWithNumber && lang.notBefore.test(rest))) continue;
      const previous = /([\p{L}\p{M}]+)[\s\-']*$/u.exec(folded.slice(0, start))?.[1];
      if (previous !== undefined && lang.notAfter.has(previous)) continue;
      const n = m.groups?.['n'];
      const value = form.value ?? (n === undefined ? undefined : /^\d+$/.test(n) ? Number(n) : lang.numbers.get(n));
      const unitWord = m.groups?.['u'];
      const unit = form.unit ?? (unitWord === undefined ? undefined : lang.units.get(unitWord));
      if (value === undefined || unit === undefined || value > MAX_OF[unit]) continue;
      // "aged 0" or "0 years old" says nothing we can use.
      if (value === 0) continue;
      found.push({ years: value / PER_YEAR[unit], unit, ofKin: form.ofKin });
      spans?.push([start, end, unit]);
    }
  }
  return found;
}

/** Every age stated in one text, read in its language and English. */
export function statedAgesOf(text: string, textLang: LangCode, compiled: (lang: LangCode) => CompiledLanguageAge | undefined): StatedAge[] {
  const all: StatedAge[] = [];
  for (const lang of new Set<LangCode>(['eng', textLang])) {
    const c = compiled(lang);
    if (c) all.push(...readStatedAges(text, c));
  }
  return all;
}

/**
 * The text folded (foldForAge) with every age stated in months, weeks or days blanked out ("my 7 month
 * old" -> "my           "), read in its language and English; the folded text as it is when none is
 * stated. For the rules that say how long the problem has lasted (statedAge.json durationRules, H100).
 */
export function withoutYoungAges(text: string, textLang: LangCode, compiled: (lang: LangCode) => CompiledLanguageAge | undefined): string {
  const spans: [number, number, AgeUnit][] = [];
  for (const lang of new Set<LangCode>(['eng', textLang])) {
    const c = compiled(lang);
    if (c) readStatedAges(text, c, spans);
  }
  // Spans are UTF-16 offsets of the folded text (whole matches, so no pair is split): blank by code unit.
  const units = foldForAge(text).split('');
  for (const [start, end, unit] of spans) if (unit !== 'years') for (let i = start; i < end; i++) units[i] = ' ';
  return units.join('');
}
