import { DateTime } from 'luxon';

/**
 * Times said the way people say them: "today at 2pm", "tomorrow at 8:30am", "Monday at 8:30am".
 * Built from Intl (via luxon) for the given BCP-47 locale, so other languages get their own words,
 * word order and clock style without new code. `now` is passed in because "today" depends on it.
 */

/**
 * Building an Intl formatter costs tens of µs (a closed practice's reply says two times); one per
 * locale, time zone and style is kept. Locales and zones come from our own configuration.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
function kept<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key) as F | undefined;
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** English practices: a bare "en"/"eng" should read as British English (day before month). */
function resolveLocale(locale: string): string {
  const [canonical] = Intl.getCanonicalLocales(locale);
  return canonical === 'en' || canonical === undefined ? 'en-GB' : canonical;
}

function isEnglish(locale: string): boolean {
  return locale === 'en' || locale.startsWith('en-');
}

/** "8:30am", "2pm": English speech drops ":00" and the space before am/pm. */
function englishTime(t: DateTime, locale: string): string {
  const timeZone = t.zoneName ?? undefined;
  const format = kept(`time\u0000${locale}\u0000${timeZone}`, () =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      // hour12:true picks en-GB's h11 cycle and says noon as "0pm"; h12 gives "12pm".
      hourCycle: 'h12',
    }),
  );
  const parts = format.formatToParts(t.toJSDate());
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const minute = part('minute');
  const period = part('dayPeriod').toLowerCase().replace(/[\s.]/g, '');
  return `${part('hour')}${minute === '00' ? '' : `:${minute}`}${period}`;
}

function localTime(t: DateTime, locale: string): string {
  if (isEnglish(locale)) return englishTime(t, locale);
  return t.setLocale(locale).toLocaleString({ hour: 'numeric', minute: '2-digit' });
}

/**
 * The locale's own word between a date and a time (" at " in English, " am " in Welsh, a space in
 * Polish), taken from Intl's full date-and-time pattern rather than written per language here.
 */
function dateTimeJoiner(t: DateTime, locale: string): string {
  const timeZone = t.zoneName ?? undefined;
  const format = kept(`full\u0000${locale}\u0000${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'full', timeStyle: 'short' }));
  const parts = format.formatToParts(t.toJSDate());
  const hourAt = parts.findIndex((p) => p.type === 'hour');
  const before = hourAt > 0 ? parts[hourAt - 1] : undefined;
  return before?.type === 'literal' ? before.value : ' ';
}

export function sayWhen(iso: string, timeZone: string, locale: string, now: Date): string {
  const loc = resolveLocale(locale);
  const t = DateTime.fromISO(iso, { zone: timeZone });
  if (!t.isValid) throw new Error(`sayWhen: not an ISO date-time: ${iso}`);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  // Whole local days between the dates; rounding absorbs the 23- and 25-hour days of clock changes.
  const days = Math.round(t.startOf('day').diff(today, 'days').days);

  let day: string;
  if (days === 0 || days === 1) {
    day = kept(`relative\u0000${loc}`, () => new Intl.RelativeTimeFormat(loc, { numeric: 'auto' })).format(days, 'day');
  } else if (days > 1 && days < 7) {
    day = t.setLocale(loc).toLocaleString({ weekday: 'long' });
  } else {
    const sameYear = t.year === today.year;
    day = t.setLocale(loc).toLocaleString(
      sameYear
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    );
  }
  // en-GB writes "Monday, 4 January"; people say it without the comma.
  if (isEnglish(loc)) day = day.replace(/^(\p{L}+), /u, '$1 ');
  return `${day}${dateTimeJoiner(t, loc)}${localTime(t, loc)}`;
}

/**
 * A date said as a day: "Tuesday 9 December" (with the year when it is not this year's), in the
 * locale's own words and order. For "by the end of {{day}}", where the time is the practice's
 * working day end and is not said.
 */
export function sayDay(iso: string, timeZone: string, locale: string, now: Date): string {
  const loc = resolveLocale(locale);
  // `now` matters only through its year there. The day is said on many turns of a conversation (the
  // reply-by promise): each (day, zone, locale, year) is worked out once. No patient data is in the key.
  const key = `${iso}\u0000${timeZone}\u0000${loc}\u0000${DateTime.fromJSDate(now, { zone: timeZone }).year}`;
  let said = saidDays.get(key);
  if (said === undefined) {
    said = dayOf(iso, timeZone, loc, now);
    if (saidDays.size >= 1000) saidDays.clear();
    saidDays.set(key, said);
  }
  return said;
}
const saidDays = new Map<string, string>();

function dayOf(iso: string, timeZone: string, loc: string, now: Date): string {
  const t = DateTime.fromISO(iso, { zone: timeZone });
  if (!t.isValid) throw new Error(`sayDay: not an ISO date-time: ${iso}`);
  const sameYear = t.year === DateTime.fromJSDate(now, { zone: timeZone }).year;
  const day = t
    .setLocale(loc)
    .toLocaleString(sameYear ? { weekday: 'long', day: 'numeric', month: 'long' } : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return isEnglish(loc) ? day.replace(/^(\p{L}+), /u, '$1 ') : day;
}

/** A wall-clock time 'HH:MM' said in the locale ("8am", "6:30pm" in English; "08:00" in Polish). */
export function sayClock(hhmm: string, locale: string): string {
  const loc = resolveLocale(locale);
  const [h, m] = hhmm.split(':').map(Number);
  // 24:00 is said as midnight's 00:00 on any clock.
  const t = DateTime.fromObject({ year: 2026, month: 1, day: 5, hour: (h ?? 0) % 24, minute: m ?? 0 }, { zone: 'UTC' });
  return localTime(t, loc);
}

/** Weekday names in the locale, Monday first. */
export function weekdayNames(locale: string): string[] {
  const loc = resolveLocale(locale);
  // 5 January 2026 was a Monday.
  return Array.from({ length: 7 }, (_, i) => DateTime.fromObject({ year: 2026, month: 1, day: 5 + i }, { zone: 'UTC' }).setLocale(loc).toLocaleString({ weekday: 'long' }));
}
