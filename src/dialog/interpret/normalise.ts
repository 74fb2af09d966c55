/** Fold typed input for comparison: case, accents, punctuation and spacing do not matter. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
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
