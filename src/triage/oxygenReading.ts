import { z } from 'zod';
import type { LangCode } from '../domain/types.js';
import { foldForAge } from './statedAge.js';

/**
 * A blood oxygen (pulse oximeter) reading the patient states ("my sats are 91", "SpO2 90%", "血氧88",
 * "oksijenim 89"), read with the words of dialogs/safety/oxygenReading.json (hazard H90). One pass over
 * the text makes tokens and finds the language's words among them; each number is then judged by the
 * words around it. No regular expression runs over the text beyond the shared folding, so long or
 * hostile text costs time in proportion to its length.
 */

const Words = z.array(z.string().min(1)).default([]);
const LanguageOxygenSchema = z
  .object({
    $comment: z.string().optional(),
    /** Words that name the oxygen level or the device ("sats", "SpO2", "the finger thing"). */
    oxygen: z.array(z.string().min(1)).min(1),
    /** Words that label a number as something else (pulse, heart rate, battery, sure, age, ...). */
    other: Words,
    /** Words that date a number's clause in the past ("last week", "yesterday"), either side. */
    past: Words,
    /** Words before a number that make it no reading ("if", "target"). */
    hypothetical: Words,
    /** Words that set a number's clause now ("now", "today"); the nearer of a past and a now word wins. */
    now: Words,
    /** Words right before a number that deny it ("not 90"). */
    negation: Words,
    /** Words right after a number that deny it ("90 değil"). */
    negationAfter: Words,
    below: Words,
    belowAfter: Words,
    above: Words,
    aboveAfter: Words,
  })
  .strict();
export const OxygenReadingSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.number().int().positive(),
    /** The smallest and largest number read as a reading (anything else is not a percentage of oxygen). */
    lowest: z.number().int().min(1),
    highest: z.number().int().max(100),
    /** The rule each band raises: the first band (by atOrBelow, ascending) the reading falls in. */
    bands: z
      .array(z.object({ atOrBelow: z.number().int(), ruleId: z.string().regex(/^rf\.[a-z0-9_.]+$/) }).strict())
      .min(1),
    languages: z.record(z.string().regex(/^[a-z]{3}$/), LanguageOxygenSchema),
  })
  .strict();
export type OxygenReadingDef = z.infer<typeof OxygenReadingSchema>;
type LanguageOxygenDef = z.infer<typeof LanguageOxygenSchema>;

const KINDS = ['oxygen', 'other', 'past', 'hypothetical', 'now', 'negation', 'negationAfter', 'below', 'belowAfter', 'above', 'aboveAfter'] as const;
type Kind = (typeof KINDS)[number];

/** How far (in words; a Han character is half a word) a label may stand before / after its number. */
const REACH_BEFORE = 6;
const REACH_AFTER = 1;
/** How many tokens after a number a postposed comparison ("90'ın altında", "90以下") may stand. */
const COMPARE_AFTER = 2;

const enum T {
  Word,
  Number,
  Comma,
  Stop,
}
interface Tokens {
  kind: T[];
  text: string[];
  value: number[];
  /** Weight for reach: a Han character is half a word. */
  weight: number[];
}

const HAN = /\p{Script=Han}/u;
const LETTER = /[\p{L}\p{M}]/u;
const STOPS = new Set(['.', '!', '?', ';', '\n', '\r', '。', '！', '？', '؟', '۔', '।', '॥', '…']);
const COMMAS = new Set([',', '،', '、', '，', '؛']);

/** The shared folding (accents, Arabic letter forms, digits of every script to 0-9), plus dotless i and ł. */
function fold(text: string): string {
  return foldForAge(text).replace(/ı/g, 'i').replace(/ł/g, 'l');
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** One pass: words (letters, marks, digits after letters), numbers (with one decimal part), commas and stops. */
function tokenise(folded: string): Tokens {
  const out: Tokens = { kind: [], text: [], value: [], weight: [] };
  const push = (kind: T, text: string, value = Number.NaN, weight = 1): void => {
    out.kind.push(kind);
    out.text.push(text);
    out.value.push(value);
    out.weight.push(weight);
  };
  const chars = Array.from(folded);
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (isDigit(c)) {
      let j = i;
      while (j < chars.length && isDigit(chars[j] as string)) j++;
      let end = j;
      if ((chars[j] === '.' || chars[j] === ',') && j + 1 < chars.length && isDigit(chars[j + 1] as string)) {
        end = j + 1;
        while (end < chars.length && isDigit(chars[end] as string)) end++;
      }
      const text = chars.slice(i, end).join('');
      push(T.Number, text, Number(text.replace(',', '.')));
      i = end;
    } else if (HAN.test(c)) {
      push(T.Word, c, Number.NaN, 0.5);
      i++;
    } else if (LETTER.test(c)) {
      let j = i;
      while (j < chars.length && !HAN.test(chars[j] as string) && (LETTER.test(chars[j] as string) || isDigit(chars[j] as string))) j++;
      const word = chars.slice(i, j).join('');
      // "sats90" is a word and a number; "spo2", "o2" and "sp02" stay one word.
      const digits = /\d+$/.exec(word)?.[0] ?? '';
      if (digits.length >= 2 && digits[0] !== '0' && digits.length < word.length) {
        push(T.Word, word.slice(0, -digits.length));
        push(T.Number, digits, Number(digits));
      } else push(T.Word, word);
      i = j;
    } else {
      if (STOPS.has(c)) push(T.Stop, c);
      else if (COMMAS.has(c)) push(T.Comma, c);
      i++;
    }
  }
  return out;
}

/** One word of a phrase: matched whole, or by its start (`x*`), its end (`*x`) or anywhere (`*x*`). */
interface PhraseWord {
  text: string;
  start: boolean;
  end: boolean;
}
interface Phrase {
  kind: Kind;
  words: PhraseWord[];
  /** Letters written out: among phrases matching at one place, the most specific wins. */
  size: number;
}
export interface CompiledOxygenLanguage {
  byFirst: Map<string, Phrase[]>;
  /** Phrases whose first word is matched by its start or end (few): tried at every word. */
  loose: Phrase[];
}

function compilePhrase(kind: Kind, phrase: string): Phrase {
  const words: PhraseWord[] = [];
  for (const piece of phrase.trim().split(/\s+/)) {
    const start = piece.endsWith('*');
    const end = piece.startsWith('*');
    const parts = tokenise(fold(piece.replace(/\*/g, ''))).text;
    parts.forEach((text, i) => words.push({ text, start: start && i === parts.length - 1, end: end && i === 0 }));
  }
  if (words.length === 0) throw new Error(`${kind}: "${phrase}" has no word`);
  return { kind, words, size: words.reduce((n, w) => n + w.text.length, 0) };
}

/** One language's words, indexed by first word; throws (naming the word) when a word holds nothing to match. */
export function compileOxygenLanguage(def: LanguageOxygenDef): CompiledOxygenLanguage {
  const byFirst = new Map<string, Phrase[]>();
  const loose: Phrase[] = [];
  for (const kind of KINDS) {
    for (const p of def[kind]) {
      const phrase = compilePhrase(kind, p);
      const first = phrase.words[0] as PhraseWord;
      if (first.start || first.end) loose.push(phrase);
      else byFirst.set(first.text, [...(byFirst.get(first.text) ?? []), phrase]);
    }
  }
  return { byFirst, loose };
}

function wordMatches(w: PhraseWord, token: string): boolean {
  if (w.start && w.end) return token.includes(w.text);
  if (w.start) return token.startsWith(w.text);
  if (w.end) return token.endsWith(w.text);
  return token === w.text;
}

interface Mark {
  kind: Kind;
  start: number;
  end: number;
}

/** The language's words found in the tokens, left to right, the most specific at each place; none overlap. */
function findMarks(tokens: Tokens, lang: CompiledOxygenLanguage): Mark[] {
  const marks: Mark[] = [];
  const n = tokens.text.length;
  let i = 0;
  while (i < n) {
    if (tokens.kind[i] === T.Comma || tokens.kind[i] === T.Stop) {
      i++;
      continue;
    }
    let best: { phrase: Phrase; end: number } | undefined;
    const tryPhrase = (phrase: Phrase): void => {
      const len = phrase.words.length;
      if (i + len > n) return;
      for (let k = 0; k < len; k++) {
        if (tokens.kind[i + k] !== T.Word && tokens.kind[i + k] !== T.Number) return;
        if (!wordMatches(phrase.words[k] as PhraseWord, tokens.text[i + k] as string)) return;
      }
      if (!best || len > best.phrase.words.length || (len === best.phrase.words.length && phrase.size > best.phrase.size)) {
        best = { phrase, end: i + len - 1 };
      }
    };
    for (const phrase of lang.byFirst.get(tokens.text[i] as string) ?? []) tryPhrase(phrase);
    for (const phrase of lang.loose) tryPhrase(phrase);
    if (best) {
      marks.push({ kind: best.phrase.kind, start: i, end: best.end });
      i = best.end + 1;
    } else i++;
  }
  return marks;
}

/** A reading read from the words. */
export interface OxygenReading {
  /** The reading as read (one under the number after "below"). */
  value: number;
  /** The rule of the band it falls in. */
  ruleId: string;
}

interface Reader {
  def: OxygenReadingDef;
  tokens: Tokens;
  marks: Mark[];
  /** The mark covering each token, or -1. */
  markAt: Int32Array;
  /** Reach weight of the words before each token (a prefix sum), for distances in one step. */
  cum: Float64Array;
  /** First and last token of each token's clause (between commas or stops), and first of its sentence. */
  clauseLo: Int32Array;
  clauseHi: Int32Array;
  sentenceLo: Int32Array;
}

/** How many tokens a label search looks at, at most (runs of commas carry no weight). */
const SCAN_MAX = 40;

const LABELS: ReadonlySet<Kind> = new Set(['oxygen', 'other']);

/** Weighted distance between two tokens of one clause (the words strictly between them). */
function gap(r: Reader, from: number, to: number): number {
  return (r.cum[to] as number) - (r.cum[from + 1] as number);
}

/** The nearest label before (within the sentence) and after (within the clause): oxygen or not. Ties go to the one before. */
function labelledOxygen(r: Reader, at: number): boolean {
  let before: { kind: Kind; d: number } | undefined;
  for (let i = at - 1, d = 0; i >= 0 && d <= REACH_BEFORE && at - i <= SCAN_MAX; i--) {
    if (r.tokens.kind[i] === T.Stop) break;
    const m = r.marks[r.markAt[i] as number];
    if (m && LABELS.has(m.kind)) {
      before = { kind: m.kind, d };
      break;
    }
    if (r.tokens.kind[i] !== T.Comma) d += r.tokens.weight[i] as number;
  }
  let after: { kind: Kind; d: number } | undefined;
  for (let i = at + 1, d = 0; i < r.tokens.kind.length && d <= REACH_AFTER && i - at <= SCAN_MAX; i++) {
    if (r.tokens.kind[i] === T.Stop || r.tokens.kind[i] === T.Comma) break;
    const m = r.marks[r.markAt[i] as number];
    if (m && LABELS.has(m.kind)) {
      after = { kind: m.kind, d };
      break;
    }
    d += r.tokens.weight[i] as number;
  }
  const nearest = !after || (before && before.d <= after.d) ? before : after;
  return nearest?.kind === 'oxygen';
}

/** Whether the number is dated in the past or said as a hypothesis: the nearest time word in its clause decides, else the nearest earlier in its sentence. */
function notNow(r: Reader, at: number): boolean {
  const lo = r.clauseLo[at] as number;
  const hi = r.clauseHi[at] as number;
  let best: { d: number; past: boolean } | undefined;
  for (const m of r.marks) {
    if (m.end < lo || m.start > hi || m.start === at) continue;
    const past = m.kind === 'past' || (m.kind === 'hypothetical' && m.end < at);
    if (!past && m.kind !== 'now') continue;
    const d = m.end < at ? gap(r, m.end, at) : gap(r, at, m.start);
    // A tie goes to "now": a reading said now must not be lost.
    if (!best || d < best.d || (d === best.d && !past)) best = { d, past };
  }
  if (best) return best.past;
  const sentenceStart = r.sentenceLo[at] as number;
  for (let i = r.marks.length - 1; i >= 0; i--) {
    const m = r.marks[i] as Mark;
    if (m.end >= lo || m.start < sentenceStart) continue;
    if (m.kind === 'now') return false;
    if (m.kind === 'past' || m.kind === 'hypothetical') return true;
  }
  return false;
}

/** The mark right before (adjacent) or up to `within` tokens after the number, of one of the kinds. */
function markBefore(r: Reader, at: number, kinds: readonly Kind[]): Mark | undefined {
  const m = r.marks[r.markAt[at - 1] ?? -1];
  return m && kinds.includes(m.kind) ? m : undefined;
}
function markAfter(r: Reader, at: number, kinds: readonly Kind[], within: number): Mark | undefined {
  for (let i = at + 1; i <= at + within && i < r.tokens.kind.length; i++) {
    const k = r.tokens.kind[i];
    if (k === T.Stop || k === T.Comma) return undefined;
    const m = r.marks[r.markAt[i] as number];
    if (m && kinds.includes(m.kind)) return m;
  }
  return undefined;
}

/** The reading the number at `at` states, or undefined when it states none. */
function readingAt(r: Reader, at: number): number | undefined {
  const value = r.tokens.value[at] as number;
  if (!(value >= r.def.lowest && value <= r.def.highest)) return undefined;
  if (r.markAt[at] !== -1) return undefined;
  if (!labelledOxygen(r, at)) return undefined;
  if (markBefore(r, at, ['negation']) || markAfter(r, at, ['negationAfter'], 1)) return undefined;
  const above = markBefore(r, at, ['above']) ?? markAfter(r, at, ['aboveAfter'], COMPARE_AFTER);
  if (above) {
    // "above 90" is a lower bound, not a reading; "can't get it above 90" is at most 90.
    const lo = r.clauseLo[at] as number;
    if (!r.marks.some((m) => m.kind === 'negation' && m.start >= lo && m.end < above.start)) return undefined;
  }
  if (notNow(r, at)) return undefined;
  const below = markBefore(r, at, ['below']) ?? markAfter(r, at, ['belowAfter'], COMPARE_AFTER);
  return below ? value - 1 : value;
}

/** Every oxygen reading the text states in this language, each with its band's rule. */
export function readOxygen(text: string, def: OxygenReadingDef, lang: CompiledOxygenLanguage): OxygenReading[] {
  const tokens = tokenise(fold(text));
  if (!tokens.kind.includes(T.Number)) return [];
  const marks = findMarks(tokens, lang);
  if (!marks.some((m) => m.kind === 'oxygen')) return [];
  const markAt = new Int32Array(tokens.kind.length).fill(-1);
  marks.forEach((m, k) => {
    for (let i = m.start; i <= m.end; i++) markAt[i] = k;
  });
  const n = tokens.kind.length;
  const cum = new Float64Array(n + 1);
  const clauseLo = new Int32Array(n);
  const clauseHi = new Int32Array(n);
  const sentenceLo = new Int32Array(n);
  for (let i = 0, c = 0, s = 0; i < n; i++) {
    const k = tokens.kind[i];
    cum[i + 1] = (cum[i] as number) + (k === T.Word || k === T.Number ? (tokens.weight[i] as number) : 0);
    clauseLo[i] = c;
    sentenceLo[i] = s;
    if (k === T.Comma || k === T.Stop) c = i + 1;
    if (k === T.Stop) s = i + 1;
  }
  for (let i = n - 1, c = n - 1; i >= 0; i--) {
    const k = tokens.kind[i];
    if (k === T.Comma || k === T.Stop) c = i - 1;
    clauseHi[i] = c;
  }
  const r: Reader = { def, tokens, marks, markAt, cum, clauseLo, clauseHi, sentenceLo };
  const bands = [...def.bands].sort((a, b) => a.atOrBelow - b.atOrBelow);
  const out: OxygenReading[] = [];
  tokens.kind.forEach((k, at) => {
    if (k !== T.Number) return;
    const value = readingAt(r, at);
    const band = value === undefined ? undefined : bands.find((b) => value <= b.atOrBelow);
    if (value !== undefined && band) out.push({ value, ruleId: band.ruleId });
  });
  return out;
}

/** Every reading in one text, read in its language and English (patients mix "sats" into every language). */
export function oxygenReadingsOf(
  text: string,
  langs: readonly LangCode[],
  def: OxygenReadingDef,
  compiled: (lang: LangCode) => CompiledOxygenLanguage | undefined,
): OxygenReading[] {
  const all: OxygenReading[] = [];
  for (const lang of new Set<LangCode>(['eng', ...langs])) {
    const c = compiled(lang);
    if (c) all.push(...readOxygen(text, def, c));
  }
  return all;
}
