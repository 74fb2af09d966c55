import type { Lexicon } from './lexicon.js';
import { findPhrase, tokenise } from './tokens.js';

export type YesNoReading = 'yes' | 'no' | 'unsure' | 'both' | 'none';

/** Beyond this many words an answer to a yes/no question is a story, not an answer (unless it starts with one). */
const MAX_ANSWER_WORDS = 12;

/**
 * Yes, no or not sure, as people type them: "yeah I think so", "no it isn't", "not really",
 * "definitely not", "nah", in the conversation's language or English. Longer phrases are read
 * first ("dont think so" before "think so"); an answer that says both ("no, yes") is 'both'.
 */
export function readYesNo(text: string, lex: Lexicon): YesNoReading {
  return readYesNoWords(text, lex).reading;
}

/**
 * Whether a text is nothing but a yes, a no or a not sure (with filler words): "no", "not sure",
 * "idk" are not names, but "Gia Rossi" ("già", Italian yes) is.
 */
export function isOnlyYesNo(text: string, lex: Lexicon): boolean {
  const r = readYesNoWords(text, lex);
  return r.reading !== 'none' && r.whole;
}

function readYesNoWords(text: string, lex: Lexicon): { reading: YesNoReading; whole: boolean } {
  const all = tokenise(text);
  if (all.length === 0) return { reading: 'none', whole: false };
  const tokens = all.length > MAX_ANSWER_WORDS ? all.slice(0, 3) : all;
  const used = new Array<boolean>(tokens.length).fill(false);
  const take = (phrases: readonly (readonly string[])[], exact: boolean): number => {
    let found = 0;
    for (const p of phrases) {
      let at = findPhrase(tokens, p, 0, exact);
      while (at >= 0) {
        if (p.every((_, k) => !used[at + k])) {
          for (let k = 0; k < p.length; k++) used[at + k] = true;
          found++;
        }
        at = findPhrase(tokens, p, at + 1, exact);
      }
    }
    return found;
  };
  // Longest phrases of every kind first, so "not sure" is unsure and "dont think so" is no.
  const kinds = [
    ...lex.unsure.map((p) => ({ p, kind: 'unsure' as const })),
    ...lex.no.map((p) => ({ p, kind: 'no' as const })),
    ...lex.yes.map((p) => ({ p, kind: 'yes' as const })),
  ].sort((a, b) => b.p.length - a.p.length);
  const counts = { yes: 0, no: 0, unsure: 0 };
  // Longest first; among phrases as long, words typed exactly before typos: "nemanau" (no) is not a
  // typo of "nežinau" (not sure), and "no estoy seugro" is still "no estoy seguro", not "no".
  for (let at = 0; at < kinds.length; ) {
    let end = at;
    while (end < kinds.length && (kinds[end] as (typeof kinds)[number]).p.length === (kinds[at] as (typeof kinds)[number]).p.length) end++;
    const group = kinds.slice(at, end);
    for (const exact of [true, false]) for (const { p, kind } of group) counts[kind] += take([p], exact);
    at = end;
  }
  // A bare negator ("not", "never") left over answers no.
  tokens.forEach((t, i) => {
    if (!used[i] && lex.negators.has(t)) counts.no++;
  });
  const whole = tokens.length === all.length && tokens.every((t, i) => used[i] || lex.negators.has(t) || lex.filler.has(t));
  // "not sure", said with a yes or a no or both ("maybe yes, maybe no"), is not sure.
  const reading: YesNoReading =
    counts.unsure > 0 ? 'unsure' : counts.yes > 0 && counts.no > 0 ? 'both' : counts.yes > 0 ? 'yes' : counts.no > 0 ? 'no' : 'none';
  return { reading, whole };
}
