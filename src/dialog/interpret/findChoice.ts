import { findPhrase, phraseTokens, tokenise, tokensClose } from './tokens.js';

/** One way of saying a choice: its title or a synonym, in some language. */
export interface ChoicePhrase {
  code: string;
  text: string;
}

export type ChoiceMatch = { kind: 'one'; code: string } | { kind: 'two'; codes: [string, string] } | { kind: 'none' };

/**
 * Which offered choice a typed answer names, by tokens rather than whole phrases (the idea of
 * botbuilder-dialogs' findChoices, with partial matches): word order and typos do not matter, and a
 * distinctive part of a title is enough ("new problem" for "A new health problem", "fit note").
 *
 * A choice is a candidate when the answer holds one of its phrases whole, or a word that only this
 * choice's phrases have (words shared by several choices tell nothing apart). A word right after a
 * negator ("not worse") does not count. One candidate is the answer; two that are equally good are
 * returned for a short question naming both.
 */
/** Each content word of our phrases with the choices that use it, and each choice's words, in first-use order. */
interface WordIndex {
  owners: ReadonlyMap<string, ReadonlySet<string>>;
  wordsOf: ReadonlyMap<string, readonly string[]>;
}
/** By phrase list and filler set (both built once and never changed: stepAnswer's phrasesFor, the lexicon's filler). */
const wordIndexes = new WeakMap<readonly ChoicePhrase[], WeakMap<ReadonlySet<string>, WordIndex>>();
function wordIndexOf(phrases: readonly ChoicePhrase[], filler: ReadonlySet<string>): WordIndex {
  let byFiller = wordIndexes.get(phrases);
  if (!byFiller) wordIndexes.set(phrases, (byFiller = new WeakMap()));
  let index = byFiller.get(filler);
  if (index) return index;
  const owners = new Map<string, Set<string>>();
  const wordsOf = new Map<string, string[]>();
  for (const p of phrases) {
    const tokens = phraseTokens(p.text);
    const kept = tokens.filter((t) => !filler.has(t));
    for (const w of kept.length > 0 ? kept : tokens) {
      if (filler.has(w)) continue;
      let set = owners.get(w);
      if (!set) owners.set(w, (set = new Set()));
      set.add(p.code);
      const list = wordsOf.get(p.code) ?? [];
      if (!list.includes(w)) list.push(w);
      wordsOf.set(p.code, list);
    }
  }
  byFiller.set(filler, (index = { owners, wordsOf }));
  return index;
}

export function findChoice(
  text: string,
  phrases: readonly ChoicePhrase[],
  filler: ReadonlySet<string>,
  negators: ReadonlySet<string>,
  /** A negator turns round a word after filler words too ("not a lot", "not in the afternoon"). */
  negationSpansFiller = false,
): ChoiceMatch {
  const typed = tokenise(text);
  if (typed.length === 0) return { kind: 'none' };
  const content = (tokens: readonly string[]) => {
    const kept = tokens.filter((t) => !filler.has(t));
    return kept.length > 0 ? kept : tokens;
  };
  // Whole phrases said in the answer win outright, longest first (so "not at all" beats "at all"); a
  // phrase inside a longer one said is not counted, nor one right after a negator ("not worse").
  // A negator right before a word turns it round; with negationSpansFiller, also with only filler
  // between ("not a lot", "not in the afternoon"). Not where a bare "no" starts another answer
  // ("no, my chest" at the emergency check names a sign): tokens have lost the comma.
  const negatedAt = (i: number) => {
    for (let k = i - 1; k >= 0; k--) {
      const t = typed[k] as string;
      if (negators.has(t)) return true;
      if (!negationSpansFiller || !filler.has(t)) return false;
    }
    return false;
  };
  const found: { code: string; start: number; end: number }[] = [];
  for (const p of phrases) {
    const tokens = phraseTokens(p.text);
    for (let at = findPhrase(typed, tokens); at >= 0; at = findPhrase(typed, tokens, at + 1)) {
      if (negatedAt(at) && !negators.has(tokens[0] as string)) continue;
      found.push({ code: p.code, start: at, end: at + tokens.length });
    }
  }
  const kept = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
  const wholeCodes = [...new Set(kept.sort((x, y) => y.end - y.start - (x.end - x.start)).map((f) => f.code))];
  if (wholeCodes.length === 1) return { kind: 'one', code: wholeCodes[0] as string };
  if (wholeCodes.length >= 2) return { kind: 'two', codes: [wholeCodes[0] as string, wholeCodes[1] as string] };

  const negated = new Set<number>();
  typed.forEach((t, i) => {
    if (!negators.has(t) && negatedAt(i)) negated.add(i);
  });
  const said = content(typed).filter((t) => !negators.has(t));
  const saidAt = (t: string) => typed.findIndex((x) => x === t);

  const { owners, wordsOf } = wordIndexOf(phrases, filler);
  const score = new Map<string, number>();
  for (const [code, words] of wordsOf) {
    let s = 0;
    for (const w of words) {
      const distinctive = (owners.get(w)?.size ?? 0) === 1;
      const hit = said.some((t) => tokensClose(t, w) && !negated.has(saidAt(t)));
      if (hit) s += distinctive ? 1 : 0.25;
    }
    const anyDistinctive = words.some((w) => (owners.get(w)?.size ?? 0) === 1 && said.some((t) => tokensClose(t, w) && !negated.has(saidAt(t))));
    if (anyDistinctive) score.set(code, s);
  }
  const ranked = [...score].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return { kind: 'none' };
  if (!second || first[1] - second[1] >= 0.75) return { kind: 'one', code: first[0] };
  return { kind: 'two', codes: [first[0], second[0]] };
}
