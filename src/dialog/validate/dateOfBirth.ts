/**
 * Dates of birth typed the British way (day first): 31/12/1980, 12/3/85, 31-12-80, 31.12.1980,
 * 1 March 1980, 12th march 85, March 12 1985, or ISO 1980-12-31. Month names in English, or in
 * the languages passed (from the platform's own locale data). Pure: "today" is passed in.
 * Returns ISO yyyy-mm-dd, or a reason; never a date in the future or more than 120 years ago.
 */
const MAX_AGE_YEARS = 120;

export type DobResult = { ok: true; iso: string } | { ok: false; reason: 'format' | 'future' | 'tooOld' };

export function parseDateOfBirth(input: string, today: Date, monthNames: ReadonlyMap<string, number> = ENGLISH_MONTHS): DobResult {
  const text = input.trim().toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/,/g, ' ').replace(/(^|\s)(of|the|de|del|di|du)(?=\s)/g, ' ')
    .replace(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/u, '$1-$2-$3')
    // Year first with the month's name ("1985 m. kovo 12 d.", "1985 March 12").
    .replace(/^(\d{4})\s*(?:m\.\s*|m\s+)?(\p{L}+)\.?\s+(\d{1,2})\s*(?:d\.?)?$/u, '$3 $2 $1').replace(/\s+/g, ' ').trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  const monthOf = (word: string): number | undefined => monthNames.get(word) ?? monthNames.get(word.slice(0, 3)) ?? ENGLISH_MONTHS.get(word.slice(0, 3));
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$/.exec(text))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th|er|e|o|º|af|il|ydd|fed|ed|eg|ain|\.)?(?:\s+of)?[\s\-/.]+(\p{L}+)\.?[\s\-/.]+(\d{2}|\d{4})$/u.exec(text))) {
    const month = monthOf(match[2] ?? '');
    if (month === undefined) return { ok: false, reason: 'format' };
    [d, m, y] = [Number(match[1]), month, Number(match[3])];
  } else if ((match = /^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{2}|\d{4})$/u.exec(text))) {
    const month = monthOf(match[1] ?? '');
    if (month === undefined) return { ok: false, reason: 'format' };
    [d, m, y] = [Number(match[2]), month, Number(match[3])];
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
  const oldest = Date.UTC(today.getUTCFullYear() - MAX_AGE_YEARS, today.getUTCMonth(), today.getUTCDate());
  if (date.getTime() < oldest) return { ok: false, reason: 'tooOld' };
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}

const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);

/** Month names (long, short, and the form used in a date) in a language, from Intl, folded like the input. */
export function monthNamesFor(tag: string): ReadonlyMap<string, number> {
  const names = new Map<string, number>();
  const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/\.$/, '');
  for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }] as const) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(tag, { ...options, timeZone: 'UTC' });
    } catch {
      return names;
    }
    for (let i = 0; i < 12; i++) {
      const part = format.formatToParts(new Date(Date.UTC(2026, i, 15))).find((p) => p.type === 'month')?.value;
      if (part && !/^\d+$/.test(part)) names.set(fold(part), i + 1);
    }
  }
  return names;
}

/** Whole years between an ISO birth date and `today` (fractional below 1 year, for babies). */
export function ageInYears(isoDob: string, today: Date): number {
  const dob = new Date(`${isoDob}T00:00:00Z`);
  const ms = today.getTime() - dob.getTime();
  const years = ms / (365.2425 * 24 * 3600 * 1000);
  return years < 1 ? Math.max(0, years) : Math.floor(years);
}
