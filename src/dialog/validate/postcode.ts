/** UK postcode shape (not whether it exists). Returns the normalised form "SW1A 1AA" or null. */
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;
const IN_TEXT = /(?:^|[^A-Z\d])([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})(?![A-Z\d])/;

/** Any case and spacing ("sw1a1aa", " m1  1ae ", "SW1A-1AA."), on its own or inside a short sentence. */
export function normalisePostcode(input: string): string | null {
  const text = input.trim().toUpperCase().replace(/[\s\-.,]+/g, ' ').trim();
  const m = POSTCODE.exec(text) ?? (text.length <= 60 ? IN_TEXT.exec(text) : null);
  return m ? `${m[1]} ${m[2]}` : null;
}
