/**
 * Bounded typo tolerance: optimal-string-alignment (Damerau-Levenshtein) distance <= 1.
 * Candidates come from a deletion index (SymSpell idea), so screening never compares a word
 * against the whole vocabulary.
 */

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    // adjacent transposition
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A word of length L has L deletions of length L-1: L² characters, so only short words get here. */
function deletions(word: string): string[] {
  const out: string[] = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Minimum length (after stemming) before a word may match with one edit; short words must be exact. */
export const FUZZY_MIN_LENGTH = 5;

/**
 * What a one-letter edit may never cross, per language (lexicon `negationInfixes`, `notTypos`).
 * Turkish negates a verb from inside it: "görmüyor" (does not see) is "görüyor" (sees) with one "m"
 * added, so a typo reading would flip the meaning; Gujarati "દીકરી" (daughter) is one letter from
 * "દીકરો" (son).
 */
export interface FuzzyGuard {
  /** Letters that, inserted into a word, negate it (normalised: "miyor", "muyor"). */
  negationInfixes?: readonly string[];
  /** Groups of (stemmed) words that are never typos of each other. */
  notTypos?: readonly (readonly string[])[];
}

/**
 * True when a and b (within one edit) differ by a negation infix: the longer word is the shorter one
 * with the infix's first letter inserted where the infix begins ("gormuyor" / "goruyor").
 */
export function flipsNegation(a: string, b: string, infixes: readonly string[]): boolean {
  if (infixes.length === 0 || Math.abs(a.length - b.length) !== 1) return false;
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  for (const f of infixes) {
    for (let at = long.indexOf(f); at >= 0; at = long.indexOf(f, at + 1)) {
      if (long.slice(0, at) + long.slice(at + 1) === short) return true;
    }
  }
  return false;
}

export class FuzzyVocabulary {
  private readonly infixes: readonly string[];
  /** Word -> the words it must never be read as by one edit. */
  private readonly apart = new Map<string, Set<string>>();

  constructor(guard: FuzzyGuard = {}) {
    this.infixes = guard.negationInfixes ?? [];
    for (const group of guard.notTypos ?? []) {
      for (const w of group) {
        const set = this.apart.get(w) ?? new Set<string>();
        for (const o of group) if (o !== w) set.add(o);
        this.apart.set(w, set);
      }
    }
  }

  /** A one-edit reading that the language forbids (a negation flipped, a listed minimal pair). */
  private forbidden(text: string, vocab: string): boolean {
    return this.apart.get(text)?.has(vocab) === true || flipsNegation(text, vocab, this.infixes);
  }

  private readonly exact = new Map<string, number>();
  private readonly byDeletion = new Map<string, number[]>();
  private readonly words: string[] = [];
  /** Length of the longest vocabulary word: a text word longer by two or more matches nothing. */
  private longest = 0;
  /** Memo of text word -> vocabulary ids; patients reuse the same words, so this stays small. */
  private readonly memo = new Map<string, readonly number[]>();
  /** Characters of deletion keys built by `lookup` so far: its cost, which tests bound. */
  lookupWork = 0;

  /** Adds a vocabulary word and returns its id. */
  add(word: string): number {
    const known = this.exact.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.exact.set(word, id);
    this.longest = Math.max(this.longest, word.length);
    if (word.length >= FUZZY_MIN_LENGTH) {
      for (const d of deletions(word)) {
        const list = this.byDeletion.get(d);
        if (list) list.push(id);
        else this.byDeletion.set(d, [id]);
      }
    }
    return id;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  /** Vocabulary ids this text word may stand for (exact first, then within one edit). */
  lookup(word: string): readonly number[] {
    // Nothing is within one edit of a word this long, and its deletion keys would cost length²
    // (a 16,000-letter word took 0.7 s). Not memoised either: the memo should not hold it.
    if (word.length > this.longest + 1) return [];
    const hit = this.memo.get(word);
    if (hit) return hit;
    const ids = new Set<number>();
    const exact = this.exact.get(word);
    if (exact !== undefined) ids.add(exact);
    if (word.length >= FUZZY_MIN_LENGTH) {
      this.lookupWork += word.length * word.length;
      for (const d of deletions(word)) {
        for (const id of this.byDeletion.get(d) ?? []) {
          const other = this.words[id] ?? '';
          if (!ids.has(id) && withinOneEdit(word, other) && !this.forbidden(word, other)) ids.add(id);
        }
      }
    }
    const result = [...ids];
    if (this.memo.size > 50_000) this.memo.clear(); // bound memory on a long-running server
    this.memo.set(word, result);
    return result;
  }

  /** The id of a word added exactly as given, if it was. */
  idOf(word: string): number | undefined {
    return this.exact.get(word);
  }

  /** True when the text word equals the vocabulary word without any edit. */
  isExact(word: string, id: number): boolean {
    return this.words[id] === word;
  }
}
