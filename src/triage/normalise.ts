/**
 * Text normalisation shared by trigger phrases (at load time) and patient text (at screen time).
 * Both sides go through the same steps, so lossy steps (collapsing repeated letters, stemming)
 * cannot create a mismatch: "chesst", "bleeeding" and "breathing" meet their triggers half-way.
 */

/** Characters that end a clause: a negation or tense cue never reaches across them. */
const CLAUSE_PUNCT = /[.,;:!?()[\]{}\n\r\t–—"“”]+/;

export interface Token {
  /** The word as typed (after text-speak expansion); filler words are recognised on this. */
  word: string;
  /** After text-speak expansion and repeated-letter collapse; cue words are compared on this. */
  raw: string;
  /** `raw` lightly stemmed; trigger phrases are compared on this. */
  stem: string;
}

/** Lowercase, strip accents and apostrophes, keep letters/digits; clause punctuation is kept as a split point. */
export function splitClauses(text: string): string[] {
  const lower = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // "can't", "dad's", "I've" -> "cant", "dads", "ive": patients drop apostrophes anyway.
    .replace(/['’‘`]/g, '');
  return lower
    .split(CLAUSE_PUNCT)
    .map((c) => c.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    .filter((c) => c.length > 0);
}

/** "chesst" -> "chest", "pleeease" -> "please". Digits are left alone ("1000"). */
export function collapseRepeats(word: string): string {
  // Fast path (screening is hot): most words have no doubled code unit and no surrogate pair, and
  // then the regex below could not change them. Anything else goes through the regex unchanged.
  let prev = -1;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === prev || (c >= 0xd800 && c <= 0xdfff)) return word.replace(/(\p{L})\1+/gu, '$1');
    prev = c;
  }
  return word;
}

/**
 * A deliberately small stemmer: enough to make "breathe/breathing/breath" and "dropped/drooping"
 * meet, never so aggressive that short words merge ("fitting" stays apart from "fit").
 */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return cut(word, 3);
  if (word.length > 4 && word.endsWith('ed')) return cut(word, 2);
  if (word.length > 5 && word.endsWith('es')) return cut(word, 2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('e')) return cut(word, 1);
  return word;
}

/** `word` without its last n letters, unless that leaves fewer than 4 (then the word unchanged). */
function cut(word: string, n: number): string {
  const s = word.slice(0, -n);
  return s.length >= 4 ? s : word;
}

/** Turns one clause into tokens, expanding text-speak ("cnt" -> "cant", "bcos" -> "because"). */
export function tokenise(clause: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  const out: Token[] = [];
  for (const w of clause.split(' ')) {
    if (w.length === 0) continue;
    for (const t of wordTokens(w, textSpeak)) out.push(t);
  }
  return out;
}

/**
 * Tokens of one word, memoised per text-speak table: patients reuse the same words, and this is
 * the hot loop of screening. Tokens are never mutated by their readers, so sharing them is safe.
 */
const tokenMemo = new WeakMap<ReadonlyMap<string, string[]>, Map<string, readonly Token[]>>();
const TOKEN_MEMO_MAX = 50_000;

function wordTokens(w: string, textSpeak: ReadonlyMap<string, string[]>): readonly Token[] {
  let memo = tokenMemo.get(textSpeak);
  if (!memo) {
    memo = new Map();
    tokenMemo.set(textSpeak, memo);
  }
  const known = memo.get(w);
  if (known) return known;
  const expanded = textSpeak.get(w) ?? textSpeak.get(collapseRepeats(w)) ?? [w];
  const tokens = expanded.map((e): Token => {
    const raw = collapseRepeats(e);
    return { word: e, raw, stem: stem(raw) };
  });
  if (memo.size >= TOKEN_MEMO_MAX) memo.clear(); // bound memory on a long-running server
  memo.set(w, tokens);
  return tokens;
}

/** Normalises a cue or trigger phrase the same way as patient text, as a list of raw words. */
export function phraseWords(phrase: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  return splitClauses(phrase).flatMap((c) => tokenise(c, textSpeak));
}
