/**
 * Text shape for language detection: which writing systems a message uses and how much
 * real language it holds once numbers, postcodes, dates, phone and NHS numbers are set aside.
 * Pure; no patient text leaves this module.
 */

export const SCRIPTS = ['Latin', 'Arabic', 'Cyrillic', 'Han', 'Gurmukhi', 'Bengali', 'Gujarati', 'Tamil', 'Other'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

const SCRIPT_TESTS: ReadonlyArray<readonly [ScriptName, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Han', /\p{Script=Han}/u],
  ['Gurmukhi', /\p{Script=Gurmukhi}/u],
  ['Bengali', /\p{Script=Bengali}/u],
  ['Gujarati', /\p{Script=Gujarati}/u],
  ['Tamil', /\p{Script=Tamil}/u],
];

/** Scripts where one character is roughly one word: the unit count is the character count. */
const CHARACTER_SCRIPTS: ReadonlySet<ScriptName> = new Set(['Han']);

export interface TextShape {
  /** Word tokens in lower case (identifier-like chunks removed). */
  words: string[];
  /** Words, except that each Han character counts as one unit. */
  units: number;
  /** Letters (\p{L}) in the kept words. */
  letters: number;
  /** Units (words; Han characters) per script; a word belongs to the script of most of its letters. */
  byScript: Record<ScriptName, number>;
  /** Script with most units, or null when there are none. Ties go to the non-Latin script,
   * because English loanwords ("sick note") are common inside other languages' messages. */
  dominant: ScriptName | null;
  /** Every cased word starts with a capital: typical of a name or an address, not a sentence. */
  allTitleCase: boolean;
}

/** A whitespace chunk with a digit, @, / or : is an identifier (postcode, date, phone, email, URL), not language. */
const IDENTIFIER_CHUNK = /[\p{Nd}@/:]/u;
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
const LETTER = /\p{L}/gu;

function scriptOf(ch: string): ScriptName {
  // Fast path: Basic Latin to Latin Extended-B covers nearly all Latin-script patient text.
  if (ch.charCodeAt(0) < 0x250) return 'Latin';
  for (const [name, re] of SCRIPT_TESTS) if (re.test(ch)) return name;
  return 'Other';
}

/**
 * The letters of a WORD match when all of its characters are below U+0250 (scriptOf calls those
 * Latin), else 0. Below U+0250 a WORD match holds only letters and the ASCII apostrophe (no
 * combining marks; the curly apostrophe is above), so its letters are its other characters.
 */
function latinLetters(word: string): number {
  let apostrophes = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x250) return 0;
    if (c === 0x27) apostrophes += 1;
  }
  return word.length - apostrophes;
}

function emptyCounts(): Record<ScriptName, number> {
  return { Latin: 0, Arabic: 0, Cyrillic: 0, Han: 0, Gurmukhi: 0, Bengali: 0, Gujarati: 0, Tamil: 0, Other: 0 };
}

/**
 * A message's shape is asked for twice in a turn (which languages to screen it in, then detection):
 * the last one is kept, frozen, for the same text.
 */
let last: { text: string; shape: Readonly<TextShape> } | undefined;

export function shapeOf(text: string): Readonly<TextShape> {
  if (last?.text === text) return last.shape;
  const shape = measure(text);
  Object.freeze(shape.words);
  Object.freeze(shape.byScript);
  last = { text, shape: Object.freeze(shape) };
  return last.shape;
}

function measure(text: string): TextShape {
  const byScript = emptyCounts();
  const words: string[] = [];
  let units = 0;
  let letters = 0;
  let cased = 0;
  let titled = 0;
  for (const chunk of text.normalize('NFC').split(/\s+/u)) {
    if (chunk === '' || IDENTIFIER_CHUNK.test(chunk)) continue;
    for (const word of chunk.match(WORD) ?? []) {
      const latin = latinLetters(word);
      if (latin > 0) {
        // The common case, counted as the general path below counts it: every letter is Latin (scriptOf's fast path).
        letters += latin;
        units += 1;
        byScript.Latin += 1;
        const first = word.charAt(0);
        if (first.toLowerCase() !== first.toUpperCase()) {
          cased += 1;
          if (first === first.toUpperCase()) titled += 1;
        }
        words.push(word.toLowerCase());
        continue;
      }
      const perScript = emptyCounts();
      let han = 0;
      for (const ch of word.match(LETTER) ?? []) {
        const script = scriptOf(ch);
        perScript[script] += 1;
        letters += 1;
        if (CHARACTER_SCRIPTS.has(script)) han += 1;
      }
      if (!SCRIPTS.some((sc) => perScript[sc] > 0)) continue; // marks only: not a word
      units += han > 0 ? han : 1;
      if (han > 0) byScript.Han += han;
      const main = SCRIPTS.reduce((a, b) => (perScript[b] > perScript[a] ? b : a));
      if (han === 0 || main !== 'Han') byScript[main] += 1;
      const first = word.charAt(0);
      if (first.toLowerCase() !== first.toUpperCase()) {
        cased += 1;
        if (first === first.toUpperCase()) titled += 1;
      }
      words.push(word.toLowerCase());
    }
  }
  let dominant: ScriptName | null = null;
  for (const script of SCRIPTS) {
    const n = byScript[script];
    const beats = dominant === null || n > byScript[dominant] || (n === byScript[dominant] && dominant === 'Latin');
    if (n > 0 && beats) dominant = script;
  }
  return { words, units, letters, byScript, dominant, allTitleCase: cased > 0 && titled === cased };
}

/** Lower case, accents and Polish/Turkish special letters folded, for matching word lists typed without accents. */
export function foldLatin(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ł/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/’/g, "'");
}
