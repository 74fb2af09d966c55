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
  return word.replace(/(\p{L})\1+/gu, '$1');
}

/**
 * A deliberately small stemmer: enough to make "breathe/breathing/breath" and "dropped/drooping"
 * meet, never so aggressive that short words merge ("fitting" stays apart from "fit").
 */
export function stem(word: string): string {
  const cut = (n: number): string | undefined => {
    const s = word.slice(0, -n);
    return s.length >= 4 ? s : undefined;
  };
  if (word.length > 5 && word.endsWith('ing')) return cut(3) ?? word;
  if (word.length > 4 && word.endsWith('ed')) return cut(2) ?? word;
  if (word.length > 5 && word.endsWith('es')) return cut(2) ?? word;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('e')) return cut(1) ?? word;
  return word;
}

/** Turns one clause into tokens, expanding text-speak ("cnt" -> "cant", "bcos" -> "because"). */
export function tokenise(clause: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  const out: Token[] = [];
  for (const w of clause.split(' ')) {
    if (w.length === 0) continue;
    const expanded = textSpeak.get(w) ?? textSpeak.get(collapseRepeats(w)) ?? [w];
    for (const e of expanded) {
      const raw = collapseRepeats(e);
      out.push({ word: e, raw, stem: stem(raw) });
    }
  }
  return out;
}

/** Normalises a cue or trigger phrase the same way as patient text, as a list of raw words. */
export function phraseWords(phrase: string, textSpeak: ReadonlyMap<string, string[]>): Token[] {
  return splitClauses(phrase).flatMap((c) => tokenise(c, textSpeak));
}
