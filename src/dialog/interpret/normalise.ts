/**
 * Fold typed input for comparison: case, accents, punctuation and spacing do not matter. Only
 * accents (Latin, Greek, Cyrillic) and Arabic-script short vowels are dropped: in Indic scripts the
 * combining marks are the vowels, and dropping them would make different words the same
 * (Punjabi "husband" and "son").
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u0652\u0670]/g, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{M}\p{N}?]+/gu, ' ')
    .trim();
}

/** fold() for our own fixed phrases (titles, synonyms, commands), computed once each. */
const folded = new Map<string, string>();
export function foldPhrase(phrase: string): string {
  let f = folded.get(phrase);
  if (f === undefined) {
    f = fold(phrase);
    if (folded.size < 50_000) folded.set(phrase, f);
  }
  return f;
}
