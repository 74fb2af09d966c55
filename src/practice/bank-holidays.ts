import Holidays from 'date-holidays';

export type BankHolidayRegion = 'ENG' | 'SCT' | 'NIR';

/**
 * Bank holiday dates per UK region, from the maintained date-holidays data. Kept per region and year:
 * the set for a year never changes while the process runs, so this cache cannot go stale.
 */
const cache = new Map<string, ReadonlySet<string>>();

function holidaysIn(region: BankHolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const hd = new Holidays('GB', region);
    // date-holidays lists both a weekend original (Boxing Day on a Saturday) and its weekday
    // substitute; gov.uk's bank holiday is the substitute, so weekend dates are left out here and
    // a practice that opens at weekends keeps its weekend hours unless it lists a closure.
    dates = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .filter((iso) => {
          const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
          return day !== 0 && day !== 6;
        }),
    );
    cache.set(key, dates);
  }
  return dates;
}

/** Is the local calendar date `iso` (YYYY-MM-DD) a bank holiday in the region? */
export function isBankHoliday(region: BankHolidayRegion, iso: string): boolean {
  return holidaysIn(region, Number(iso.slice(0, 4))).has(iso);
}
