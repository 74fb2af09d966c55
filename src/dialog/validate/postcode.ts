/** UK postcode shape (not whether it exists). Returns the normalised form "SW1A 1AA" or null. */
const POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

export function normalisePostcode(input: string): string | null {
  const m = POSTCODE.exec(input.trim().toUpperCase().replace(/\s+/g, ' '));
  return m ? `${m[1]} ${m[2]}` : null;
}
