import type { Lexicon } from './lexicon.js';
import { tokenise, tokensClose } from './tokens.js';

export type NumberPick = { kind: 'index'; n: number } | { kind: 'outOfRange'; n: number } | { kind: 'none' };

/**
 * A choice picked by its number in the list: "2", "2.", "number 2", "the 2nd", "option two", "the
 * second one". Only when the answer is nothing but the number (and filler words), so "3 days" is
 * left to the duration reader.
 */
export function pickByNumber(text: string, count: number, lex: Lexicon): NumberPick {
  const tokens = tokenise(text).filter((t) => !lex.filler.has(t));
  const values: number[] = [];
  for (const t of tokens) {
    const digits = /^(\d{1,3})(?:st|nd|rd|th|e|er|º|ª|\.)?$/.exec(t);
    if (digits) values.push(Number(digits[1]));
    else if (lex.numbers.has(t)) values.push(lex.numbers.get(t) as number);
    else return { kind: 'none' };
  }
  // "the second one": the trailing "one" is a pronoun, not a number.
  if (values.length === 2 && values[1] === 1) values.pop();
  if (values.length !== 1) return { kind: 'none' };
  const n = values[0] as number;
  return n >= 1 && n <= count ? { kind: 'index', n } : { kind: 'outOfRange', n };
}

/** A quantity at the start of `tokens[i..]`: digits, a number word or phrase ("a couple of"); with how many tokens it took. */
export function quantityAt(tokens: readonly string[], i: number, lex: Lexicon): { value: number; length: number } | null {
  const t = tokens[i];
  if (t === undefined) return null;
  const digits = /^(\d+(?:[.,]5)?)$/.exec(t);
  if (digits) return { value: Number((digits[1] as string).replace(',', '.')), length: 1 };
  for (const p of lex.numberPhrases) {
    if (p.tokens.every((pt, k) => tokens[i + k] === pt)) return { value: p.value, length: p.tokens.length };
  }
  const n = lex.numbers.get(t) ?? longNumberLike(t, lex);
  return n === undefined ? null : { value: n, length: 1 };
}

/** Number words of six letters or more, by lexicon: only these are read through a typo ("qulache" settimane, "câetva" luni). */
const longNumbers = new WeakMap<Lexicon, readonly (readonly [string, number])[]>();
const LONG = 6;
function longNumberLike(t: string, lex: Lexicon): number | undefined {
  if (t.length < LONG) return undefined;
  let long = longNumbers.get(lex);
  if (!long) longNumbers.set(lex, (long = [...lex.numbers].filter(([w]) => w.length >= LONG)));
  return long.find(([w]) => tokensClose(t, w))?.[1];
}
