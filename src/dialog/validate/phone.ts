/**
 * UK phone numbers as people type them: 07700 900123, +44 7700 900123, +44 (0)7700 900123,
 * (020) 7946 0000, 0044 20 7946 0000, 07700-900-123, and inside a sentence ("it's 07700 900123").
 * Returns the national format digits ("07700900123") or null.
 */
export function normalisePhone(input: string): string | null {
  // The longest run of phone characters in the message.
  const runs = input.match(/\+?[\d][\d\s().\-/]{6,}\d/g) ?? [];
  const run = runs.sort((a, b) => b.length - a.length)[0];
  if (!run) return null;
  let digits = run.replace(/[\s().\-/]/g, '');
  if (digits.startsWith('+44')) digits = digits.slice(3);
  else if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (digits.startsWith('+') || digits.startsWith('00')) return null;
  else if (digits.startsWith('44') && digits.length === 12) digits = digits.slice(2);
  // "+44 (0)7700...": the trunk 0 in brackets after the country code.
  if (!digits.startsWith('0')) digits = `0${digits}`;
  return /^0[1-37]\d{8,9}$/.test(digits) ? digits : null;
}
