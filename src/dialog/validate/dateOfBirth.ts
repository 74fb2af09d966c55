/**
 * Dates of birth typed the British way (day first): 31/12/1980, 31-12-80, 31.12.1980, 1 March 1980,
 * or ISO 1980-12-31. Pure: "today" is passed in. Returns ISO yyyy-mm-dd, or a reason.
 */
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DobResult = { ok: true; iso: string } | { ok: false; reason: 'format' | 'future' };

export function parseDateOfBirth(input: string, today: Date): DobResult {
  const text = input.trim().toLowerCase();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(text))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\s+(\d{2}|\d{4})$/.exec(text))) {
    const month = MONTHS.indexOf((match[2] ?? '').slice(0, 3));
    if (month < 0) return { ok: false, reason: 'format' };
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else {
    return { ok: false, reason: 'format' };
  }
  if (y < 100) {
    // Two-digit years: the most recent year not in the future.
    const century = Math.floor(today.getUTCFullYear() / 100) * 100;
    y = century + y > today.getUTCFullYear() ? century - 100 + y : century + y;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, reason: 'format' };
  if (date.getTime() > today.getTime()) return { ok: false, reason: 'future' };
  if (today.getUTCFullYear() - y > 125) return { ok: false, reason: 'format' };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

/** Whole years between an ISO birth date and `today` (fractional below 1 year, for babies). */
export function ageInYears(isoDob: string, today: Date): number {
  const dob = new Date(`${isoDob}T00:00:00Z`);
  const ms = today.getTime() - dob.getTime();
  const years = ms / (365.2425 * 24 * 3600 * 1000);
  return years < 1 ? Math.max(0, years) : Math.floor(years);
}
