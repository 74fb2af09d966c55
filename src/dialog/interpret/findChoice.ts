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

/**
 * How far a negator reaches at a question of degree or preference (stepAnswer's DETAIL_STEPS), within
 * its clause (a comma, full stop or dash ends one: "no, it's getting worse"): over filler and over one
 * word that is no choice's ("not getting worse", "doesn't feel better"); and where the language puts
 * its negator after the word (Punjabi "ਠੀਕ ਨਹੀਂ ਹੋ ਰਿਹਾ", Persian "بهتر نمیشه", Turkish "iyi değil"),
 * backwards too. A word so negated names nothing: "not getting better" may be the same or worse.
 */
export interface NegationReach {
  after: boolean;
}

/** What NegationReach asks of a phrase list (findChoice): worked out once per list, filler and negators. */
interface NegationWords {
  /** Every content word of the phrases. */
  choice: readonly string[];
  /** Words of phrases said with a negator ("no change", "ਕੋਈ ਫ਼ਰਕ ਨਹੀਂ") that only such choices use ("change", not "better" of "no better no worse"). */
  saidNegated: readonly string[];
  /** One-word phrases of those choices ("niente"): a negation before them agrees with them. */
  concord: readonly string[];
}
const negationWords = new WeakMap<readonly ChoicePhrase[], WeakMap<ReadonlySet<string>, NegationWords>>();
function negationWordsOf(phrases: readonly ChoicePhrase[], filler: ReadonlySet<string>, negators: ReadonlySet<string>): NegationWords {
  let byNegators = negationWords.get(phrases);
  if (!byNegators) negationWords.set(phrases, (byNegators = new WeakMap()));
  let words = byNegators.get(negators);
  if (words) return words;
  const { owners } = wordIndexOf(phrases, filler);
  const negated = phrases.filter((p) => phraseTokens(p.text).some((t) => negators.has(t)));
  const negativeCodes = new Set(negated.map((p) => p.code));
  words = {
    choice: [...owners.keys()],
    saidNegated: [...owners].filter(([w, codes]) => [...codes].every((c) => negativeCodes.has(c)) && negated.some((p) => phraseTokens(p.text).includes(w))).map(([w]) => w),
    concord: phrases.filter((p) => negativeCodes.has(p.code) && phraseTokens(p.text).length === 1).map((p) => phraseTokens(p.text)[0] as string),
  };
  byNegators.set(negators, words);
  return words;
}

/** Where a clause ends inside a typed answer: a comma, full stop, semicolon, exclamation or question mark, or a dash between words. */
const CLAUSE_END = /[,.;!?，。；！？、،؛]+|\s[-–—]+\s/u;

/** The clause of each token of tokenise(text) (0, 1, ...); all 0 when the parts do not add up to the whole. */
function clausesOf(text: string, typed: readonly string[]): readonly number[] {
  const parts = text.split(CLAUSE_END).map((p) => tokenise(p));
  const ids = parts.flatMap((p, i) => p.map(() => i));
  return ids.length === typed.length && parts.flat().every((t, i) => t === typed[i]) ? ids : typed.map(() => 0);
}

export function findChoice(
  text: string,
  phrases: readonly ChoicePhrase[],
  filler: ReadonlySet<string>,
  negators: ReadonlySet<string>,
  /** A negator turns round a word after filler words too ("not a lot", "not in the afternoon"); with a reach, as NegationReach says. */
  negationSpansFiller: boolean | NegationReach = false,
): ChoiceMatch {
  const typed = tokenise(text);
  if (typed.length === 0) return { kind: 'none' };
  const reach = typeof negationSpansFiller === 'object' ? negationSpansFiller : null;
  const { owners, wordsOf } = wordIndexOf(phrases, filler);
  const clause = reach ? clausesOf(text, typed) : [];
  const words = reach ? negationWordsOf(phrases, filler, negators) : null;
  const closeToAny = (list: readonly string[] | undefined, t: string) => list !== undefined && list.some((w) => tokensClose(t, w));
  const choiceWord = (t: string) => closeToAny(words?.choice, t);
  const saidNegated = (t: string) => closeToAny(words?.saidNegated, t);
  const concord = (t: string) => closeToAny(words?.concord, t);
  /** With a reach: a negator from `i` in direction `dir` (-1 back, +1 on), in the clause, over filler and one other word. */
  const negatorFrom = (i: number, dir: -1 | 1): boolean => {
    let skipped = 0;
    for (let k = i + dir; k >= 0 && k < typed.length && clause[k] === clause[i]; k += dir) {
      const t = typed[k] as string;
      if (negators.has(t)) return true;
      if (filler.has(t)) continue;
      if (skipped++ > 0 || choiceWord(t)) return false;
    }
    return false;
  };
  const content = (tokens: readonly string[]) => {
    const kept = tokens.filter((t) => !filler.has(t));
    return kept.length > 0 ? kept : tokens;
  };
  // Whole phrases said in the answer win outright, longest first (so "not at all" beats "at all"); a
  // phrase inside a longer one said is not counted, nor one right after a negator ("not worse").
  // A negator right before a word turns it round; with negationSpansFiller, also with only filler
  // between ("not a lot", "not in the afternoon"). Not where a bare "no" starts another answer
  // ("no, my chest" at the emergency check names a sign): tokens have lost the comma.
  const negatedAt = (i: number, last = i) => {
    for (let k = i - 1; k >= 0 && (!reach || clause[k] === clause[i]); k--) {
      const t = typed[k] as string;
      if (negators.has(t)) return true;
      if (!negationSpansFiller || !filler.has(t)) break;
    }
    // Further, a word our own phrases say with a negation ("no change", "ਕੋਈ ਫ਼ਰਕ ਨਹੀਂ") is not turned round by one;
    // nor, from before, a word that alone is a choice said with negations too ("non mi cambia niente": nothing).
    const t = typed[i] as string;
    if (reach === null || saidNegated(t)) return false;
    return (!concord(t) && negatorFrom(i, -1)) || (reach.after && negatorFrom(last, 1));
  };
  const found: { code: string; start: number; end: number }[] = [];
  /** With a reach: the spans of phrases turned round ("not getting worse"); a phrase or word inside one is too ("worse"). */
  const negatedSpans: { start: number; end: number }[] = [];
  for (const p of phrases) {
    const tokens = phraseTokens(p.text);
    for (let at = findPhrase(typed, tokens); at >= 0; at = findPhrase(typed, tokens, at + 1)) {
      if (negatedAt(at, at + tokens.length - 1) && !negators.has(tokens[0] as string)) {
        if (reach && !tokens.some((t) => negators.has(t))) negatedSpans.push({ start: at, end: at + tokens.length });
        continue;
      }
      found.push({ code: p.code, start: at, end: at + tokens.length });
    }
  }
  const inNegated = (start: number, end: number) => negatedSpans.some((n) => n.start <= start && n.end >= end);
  if (negatedSpans.length > 0) for (let i = found.length - 1; i >= 0; i--) if (inNegated((found[i] as (typeof found)[number]).start, (found[i] as (typeof found)[number]).end)) found.splice(i, 1);
  const kept = found.filter((f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start));
  const wholeCodes = [...new Set(kept.sort((x, y) => y.end - y.start - (x.end - x.start)).map((f) => f.code))];
  if (wholeCodes.length === 1) return { kind: 'one', code: wholeCodes[0] as string };
  if (wholeCodes.length >= 2) return { kind: 'two', codes: [wholeCodes[0] as string, wholeCodes[1] as string] };

  const negated = new Set<number>();
  typed.forEach((t, i) => {
    if (!negators.has(t) && (negatedAt(i) || inNegated(i, i + 1))) negated.add(i);
  });
  const said = content(typed).filter((t) => !negators.has(t));
  const saidAt = (t: string) => typed.findIndex((x) => x === t);

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
