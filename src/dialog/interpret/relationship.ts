import type { Lexicon } from './lexicon.js';
import { quantityAt } from './numbers.js';
import { findPhrase, tokenise } from './tokens.js';

/**
 * "I'm his mum", "I am her dad": the relationship is the speaker's to the patient, so the patient is
 * the speaker's child (and "I'm her son": the patient is a parent). English only; partners and others
 * read the same either way.
 */
const INVERSE: Readonly<Record<string, string>> = { 'rel.parent': 'rel.child', 'rel.child': 'rel.parent' };
function speaksAs(tokens: readonly string[], at: number): boolean {
  const owner = tokens[at - 1];
  if (owner !== 'his' && owner !== 'her' && owner !== 'their') return false;
  // "I'm" / "I am" / "I m" right before the owner, as whole words ("him his mum" is not "I'm his mum").
  const before = tokens.slice(Math.max(0, at - 3), at - 1);
  const last = before.at(-1);
  return last === 'im' || (before.at(-2) === 'i' && (last === 'am' || last === 'm'));
}

/** Under this age in years, "my 3 year old" is a child. */
const CHILD_UNDER_YEARS = 18;

/**
 * Who someone is to the patient, from "my mum", "for my son", "my 3 year old", "my wife": a
 * relationship code (rel.child, rel.partner, rel.parent, rel.other), or null.
 */
export function readRelationship(text: string, lex: Lexicon): string | null {
  const tokens = tokenise(text);
  if (tokens.length === 0) return null;
  // Words typed exactly first ("draugei" is a friend, not a typo of "draugė").
  for (const exact of [true, false]) {
    for (const r of lex.relations) {
      const at = findPhrase(tokens, r.tokens, 0, exact);
      if (at >= 0) return speaksAs(tokens, at) ? (INVERSE[r.code] ?? r.code) : r.code;
    }
  }
  for (const p of lex.ageOld) {
    const at = findPhrase(tokens, p);
    if (at <= 0) continue;
    // The age just before "year old" (units other than years are always a child).
    const q = quantityAt(tokens, at - 1, lex);
    // Without a number it is not an age ("pour moi" is not "N mois").
    if (!q) continue;
    const isYears = /^(year|yr|an|ans|anni|años|anos|lat|yas)/.test(p[0] ?? '');
    if (!isYears || q.value < CHILD_UNDER_YEARS) return 'rel.child';
  }
  return null;
}
