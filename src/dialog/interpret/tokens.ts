import { fold } from './normalise.js';

/**
 * Typed text as folded tokens (see fold): words split on spaces, and each character of scripts
 * written without spaces (Chinese, Japanese) as its own token, so phrases match inside sentences.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const word of fold(text).split(' ')) {
    if (word === '' || word === '?') continue;
    const bare = word.replace(/\?/g, '');
    if (bare === '') continue;
    if (UNSPACED.test(bare)) {
      // Keep runs of other characters (digits, Latin) together; split the unspaced script per character.
      for (const part of bare.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu) ?? []) out.push(part);
    } else out.push(bare);
  }
  return out;
}

/** tokenise() for our own fixed phrases, computed once each. */
const cache = new Map<string, readonly string[]>();
export function phraseTokens(phrase: string): readonly string[] {
  let t = cache.get(phrase);
  if (t === undefined) {
    t = tokenise(phrase);
    if (cache.size < 100_000) cache.set(phrase, t);
  }
  return t;
}

/** phraseTokens(phrase).join(' '), computed once each: typed answers are compared with it word for word. */
const joined = new Map<string, string>();
export function phraseWords(phrase: string): string {
  let j = joined.get(phrase);
  if (j === undefined) {
    j = phraseTokens(phrase).join(' ');
    if (joined.size < 100_000) joined.set(phrase, j);
  }
  return j;
}

/**
 * Whether a typed token is close enough to one of ours: the same; a typo (one edit, two in long
 * words, first letter right); or the same stem with another ending (inflected languages: "tygodnie"
 * and "tygodni", "weeks" and "week"). Short words must be exact: "no" is not "not".
 */
const ALPHABETIC = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+$/u;

export function tokensClose(typed: string, ours: string): boolean {
  if (typed === ours) return true;
  // Every rule below wants the same first letter, but for an Arabic proclitic written onto the typed
  // word: most pairs end here, before any regular expression runs.
  if (typed.charCodeAt(0) !== ours.charCodeAt(0) && !PROCLITIC_FIRST.has(typed.charCodeAt(0))) return false;
  const ts = shapeOf(typed);
  const os = shapeOf(ours);
  // Arabic writes "and", "for", "with" and "the" onto the word: "لأمي" (for my mum) is "أمي".
  if (ts.arabicBare !== null && os.arabicBare !== null) {
    const bare = ts.arabicBare;
    if (bare !== typed && (bare === ours || bare === os.arabicBare)) return true;
  }
  const short = Math.min(typed.length, ours.length);
  if (short < 3) return false;
  if (ts.digits || os.digits) return false;
  // Abjads and abugidas pack a word into few letters: one letter apart is often another word
  // (Persian "worse" and "better"), so only long words there get typo tolerance.
  if (!os.alphabetic) return short >= 6 && typed[0] === ours[0] && Math.abs(typed.length - ours.length) <= 1 && editDistance(typed, ours, 1) <= 1;
  // "does" is not "doesnt": a negative ending makes another word.
  if (isWordWith(typed, ours, 'nt') || isWordWith(ours, typed, 'nt')) return false;
  // Turkish says "not" inside the verb: "düzelmiyor" (is not getting better) is not "düzeliyor", "düzelmedi" not "düzeldi".
  if (withoutNegativeSuffix(typed) === ours || withoutNegativeSuffix(ours) === typed) return false;
  if (isWordWith(typed, ours, 's') || isWordWith(ours, typed, 's')) return true;
  const stemDiff = Math.abs(typed.length - ours.length);
  if ((typed.startsWith(ours) || ours.startsWith(typed)) && ((short >= 5 && stemDiff <= 3) || (short >= 4 && stemDiff <= 2))) return true;
  // One letter apart is another word too often below five letters ("para" and "papa"); there only
  // the last letter may be wrong ("dayz").
  if (short === 4) return typed.length === ours.length && typed.slice(0, 3) === ours.slice(0, 3);
  if (short < 4 || typed[0] !== ours[0]) return false;
  const limit = short >= 7 ? 2 : 1;
  if (Math.abs(typed.length - ours.length) > limit) return false;
  return editDistance(typed, ours, limit) <= limit;
}

/**
 * A Turkish verb without its negative "-m-" ("düzelmiyor" → "düzeliyor", "düzelmedi" → "düzeldi"); other words as they are.
 * tokensClose runs for every typed word against every phrase word: the `includes` tests skip both regular
 * expressions for words that cannot match them (no "yor", no "mad"/"med").
 */
const withoutNegativeSuffix = (word: string): string => {
  let out = word.includes('yor') ? word.replace(/m([ıiuü])yor/u, '$1yor') : word;
  if (out.includes('mad') || out.includes('med')) out = out.replace(/m[ae](d[ıiuü])/u, '$1');
  return out;
};

/** `word` is `stem` followed by `ending` (without building the string). */
const isWordWith = (word: string, stem: string, ending: string): boolean =>
  word.length === stem.length + ending.length && word.endsWith(ending) && word.startsWith(stem);

/** What tokensClose asks of a word, worked out once per word (our words, and short typed ones). */
interface Shape {
  /** An Arabic-script word without its proclitic (itself when it has none); null for other scripts. */
  arabicBare: string | null;
  digits: boolean;
  alphabetic: boolean;
}
const shapes = new Map<string, Shape>();
function shapeOf(word: string): Shape {
  let s = shapes.get(word);
  if (s === undefined) {
    s = { arabicBare: ARABIC.test(word) ? withoutProclitic(word) : null, digits: /^\d+$/.test(word), alphabetic: ALPHABETIC.test(word) };
    // Typed words are the patient's: only short ones are kept, and only so many.
    if (word.length <= 40 && shapes.size < 100_000) shapes.set(word, s);
  }
  return s;
}

const ARABIC = /^[\u0620-\u064a\u066e-\u06d3]+$/u;
/** Longest first; what is left must still be a word of three letters or more. */
const PROCLITICS = ['وال', 'بال', 'فال', 'کال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل'];
/** The letters a proclitic starts with. */
const PROCLITIC_FIRST: ReadonlySet<number> = new Set(PROCLITICS.map((p) => p.charCodeAt(0)));
function withoutProclitic(word: string): string {
  // Arabic letters are one UTF-16 unit each: the length is the number of letters.
  for (const p of PROCLITICS) if (word.startsWith(p) && word.length - p.length >= 3) return word.slice(p.length);
  return word;
}

/** Damerau-Levenshtein distance (adjacent swaps count once), giving up above `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m] ?? limit + 1;
}

/**
 * Where the phrase's tokens occur together, in order, in the typed tokens (each close enough, or
 * the same when `exact`); -1 when they do not.
 */
export function findPhrase(typed: readonly string[], phrase: readonly string[], from = 0, exact = false): number {
  if (phrase.length === 0) return -1;
  // No comparison closure: this runs for every phrase of a lexicon on every reading.
  outer: for (let i = from; i + phrase.length <= typed.length; i++) {
    for (let k = 0; k < phrase.length; k++) {
      const a = typed[i + k] ?? '';
      const b = phrase[k] ?? '';
      if (exact ? a !== b : !tokensClose(a, b)) continue outer;
    }
    return i;
  }
  return -1;
}
