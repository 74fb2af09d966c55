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
