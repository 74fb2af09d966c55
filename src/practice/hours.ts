import { DateTime } from 'luxon';
import { isBankHoliday } from './bank-holidays.js';
import { WEEKDAYS, minutesOf, type PracticeConfig } from './config.js';

/**
 * Opening hours as pure functions of the configuration and an instant. All calendar reasoning is
 * done in the practice's own time zone with luxon, so "08:30" means 08:30 on the wall clock on
 * both sides of a clock change. Inputs and outputs are plain Dates (instants).
 */

export type HoursConfig = Pick<PracticeConfig, 'openingHours' | 'timeZone' | 'closures' | 'bankHolidays'>;

interface Interval {
  start: DateTime;
  end: DateTime;
}

/** How far ahead to look for an opening: a year covers any realistic run of closures. */
const HORIZON_DAYS = 400;

function local(config: HoursConfig, instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: config.timeZone });
}

/** Is the practice shut all day on this local date (closure, or bank holiday it observes)? */
function isClosedDay(config: HoursConfig, day: DateTime): boolean {
  const iso = day.toISODate() ?? '';
  if (config.closures.some((c) => c.date === iso)) return true;
  return config.bankHolidays.observe && isBankHoliday(config.bankHolidays.region, iso);
}

/** Opening intervals of one local day (`day` is its start of day), as instants. */
function intervalsOn(config: HoursConfig, day: DateTime): Interval[] {
  if (isClosedDay(config, day)) return [];
  const weekday = WEEKDAYS[day.weekday - 1];
  const ranges = weekday ? config.openingHours[weekday] : [];
  // Building from wall-clock minutes (not by adding minutes to midnight) keeps 08:30 at 08:30 on the
  // 23- and 25-hour days; 24:00 is the next day's start of day.
  const at = (hhmm: string): DateTime => {
    const m = minutesOf(hhmm);
    if (m === 24 * 60) return day.plus({ days: 1 }).startOf('day');
    return day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 });
  };
  return ranges.map((r) => ({ start: at(r.open), end: at(r.close) }));
}

/** Open at `instant`? Opening time is inclusive, closing time exclusive (open 08:30, closed 18:00). */
export function isOpen(config: HoursConfig, instant: Date): boolean {
  const t = local(config, instant);
  return intervalsOn(config, t.startOf('day')).some((i) => i.start <= t && t < i.end);
}

/**
 * Opening periods from the local day before `instant` onwards, with touching ranges merged (a
 * 24:00 close followed by a 00:00 open is one period, not a closing and a reopening).
 */
function* periodsAround(config: HoursConfig, instant: Date): Generator<Interval> {
  let day = local(config, instant).startOf('day').minus({ days: 1 });
  let pending: Interval | undefined;
  for (let n = 0; n < HORIZON_DAYS; n++, day = day.plus({ days: 1 }).startOf('day')) {
    for (const iv of intervalsOn(config, day)) {
      if (pending && +pending.end === +iv.start) {
        pending = { start: pending.start, end: iv.end };
      } else {
        if (pending) yield pending;
        pending = iv;
      }
    }
  }
  if (pending) yield pending;
}

/**
 * When the practice next opens after `instant`: the start of the next opening period beginning
 * after it. Null when nothing opens within a year (never open, or open without a break).
 */
export function nextOpening(config: HoursConfig, instant: Date): Date | null {
  for (const p of periodsAround(config, instant)) {
    if (+p.start > +instant) return p.start.toJSDate();
  }
  return null;
}

/** When the current opening period ends, if open at `instant` (null if closed or never closes). */
export function closesAt(config: HoursConfig, instant: Date): Date | null {
  for (const p of periodsAround(config, instant)) {
    if (+p.start <= +instant && +instant < +p.end) {
      // A period cut off by the look-ahead horizon has no real end.
      const horizon = local(config, instant).plus({ days: HORIZON_DAYS - 2 });
      return p.end < horizon ? p.end.toJSDate() : null;
    }
    if (+p.start > +instant) return null;
  }
  return null;
}

/** First instant at or after `instant` when the practice is open. */
export function openAtOrAfter(config: HoursConfig, instant: Date): Date | null {
  return isOpen(config, instant) ? instant : nextOpening(config, instant);
}

/** Start (inclusive) and end (exclusive) of the practice-local calendar day containing `instant`. */
export function dayBounds(config: Pick<HoursConfig, 'timeZone'>, instant: Date): { start: Date; end: Date } {
  const t = DateTime.fromJSDate(instant, { zone: config.timeZone });
  return { start: t.startOf('day').toJSDate(), end: t.plus({ days: 1 }).startOf('day').toJSDate() };
}
