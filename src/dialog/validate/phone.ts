/**
 * UK phone numbers as people type them: 07700 900123, +44 7700 900123, (020) 7946 0000, 0044...
 * Returns the national format digits ("07700900123") or null.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s().-]/g, '');
  if (digits.startsWith('+44')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0044')) digits = '0' + digits.slice(4);
  if (digits.startsWith('00')) return null;
  return /^0[1-37]\d{8,9}$/.test(digits) ? digits : null;
}
