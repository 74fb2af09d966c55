import { DateTime } from 'luxon';
import { isBankHoliday } from './bank-holidays.js';
import { CORE_HOURS, WEEKDAYS, minutesOf, type ExceptionalClosure, type PracticeConfig } from './config.js';

/**
 * Opening hours as pure functions of the configuration and an instant. All calendar reasoning is
 * done in the practice's own time zone with luxon, so "08:00" means 08:00 on the wall clock on
 * both sides of a clock change. Inputs and outputs are plain Dates (instants).
 */

export type HoursConfig = Pick<PracticeConfig, 'openingHours' | 'timeZone' | 'exceptionalClosures' | 'bankHolidays'>;
type CalendarConfig = Pick<HoursConfig, 'timeZone' | 'exceptionalClosures' | 'bankHolidays'>;

interface Interval {
  start: DateTime;
  end: DateTime;
}

interface ClosureSpan {
  start: number;
  end: number;
  closure: ExceptionalClosure;
}

/** Closures as instants, worked out once per configuration (the list never changes while running). */
const closureSpans = new WeakMap<readonly ExceptionalClosure[], ClosureSpan[]>();
function spansOf(config: CalendarConfig): ClosureSpan[] {
  let spans = closureSpans.get(config.exceptionalClosures);
  if (!spans) {
    spans = config.exceptionalClosures.map((closure) => ({
      start: DateTime.fromISO(closure.from, { zone: config.timeZone }).toMillis(),
      end: DateTime.fromISO(closure.until, { zone: config.timeZone }).toMillis(),
      closure,
    }));
    closureSpans.set(config.exceptionalClosures, spans);
  }
  return spans;
}

/** The exceptional closure in force at `instant`, if any (start inclusive, end exclusive). */
export function closureAt(config: CalendarConfig, instant: Date): { closure: ExceptionalClosure; until: Date } | null {
  const t = instant.getTime();
  const hit = spansOf(config).find((s) => s.start <= t && t < s.end);
  if (!hit) return null;
  // Closures that touch or overlap run on as one: the route reopens when the last of them ends.
  let end = hit.end;
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of spansOf(config)) {
      if (s.start <= end && s.end > end) {
        end = s.end;
        grew = true;
      }
    }
  }
  return { closure: hit.closure, until: new Date(end) };
}

/** `intervals` with every closure cut out of them. */
function withoutClosures(config: CalendarConfig, intervals: Interval[]): Interval[] {
  let out = intervals;
  for (const s of spansOf(config)) {
    const next: Interval[] = [];
    for (const iv of out) {
      if (s.end <= iv.start.toMillis() || s.start >= iv.end.toMillis()) {
        next.push(iv);
        continue;
      }
      if (s.start > iv.start.toMillis()) next.push({ start: iv.start, end: DateTime.fromMillis(s.start, { zone: config.timeZone }) });
      if (s.end < iv.end.toMillis()) next.push({ start: DateTime.fromMillis(s.end, { zone: config.timeZone }), end: iv.end });
    }
    out = next;
  }
  return out;
}

/** How far ahead to look for an opening: a year covers any realistic run of closures. */
const HORIZON_DAYS = 400;

function local(config: HoursConfig, instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: config.timeZone });
}

/** Is this local date a bank holiday the practice observes (shut all day)? */
function isHoliday(config: CalendarConfig, day: DateTime): boolean {
  return config.bankHolidays.observe && isBankHoliday(config.bankHolidays.region, day.toISODate() ?? '');
}

/**
 * The wall-clock time `hhmm` on local day `day`. Building from wall-clock minutes (not by adding
 * minutes to midnight) keeps 08:00 at 08:00 on the 23- and 25-hour days; 24:00 is the next day's start.
 */
export function wallClock(day: DateTime, hhmm: string): DateTime {
  const m = minutesOf(hhmm);
  if (m === 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 });
}

/** Opening intervals of one local day (`day` is its start of day), as instants, closures cut out. */
function intervalsOn(config: HoursConfig, day: DateTime): Interval[] {
  if (isHoliday(config, day)) return [];
  const weekday = WEEKDAYS[day.weekday - 1];
  const ranges = weekday ? config.openingHours[weekday] : [];
  return withoutClosures(config, ranges.map((r) => ({ start: wallClock(day, r.open), end: wallClock(day, r.close) })));
}

/** Core hours of a local day (`day` is its start of day): none at weekends and on bank holidays. */
export function coreHoursOn(config: CalendarConfig, day: DateTime): Interval | null {
  if (day.weekday > 5 || isHoliday(config, day)) return null;
  return { start: wallClock(day, CORE_HOURS.open), end: wallClock(day, CORE_HOURS.close) };
}

/** Inside core hours (08:00 inclusive to 18:30 exclusive on a working weekday), closures or not. */
export function isCoreHours(config: CalendarConfig, instant: Date): boolean {
  const t = DateTime.fromJSDate(instant, { zone: config.timeZone });
  const core = coreHoursOn(config, t.startOf('day'));
  return core !== null && core.start <= t && t < core.end;
}

/**
 * A working day: a weekday that is not a bank holiday and whose core hours are not all taken by
 * exceptional closures. Reply-by times count these days.
 */
export function isWorkingDay(config: CalendarConfig, day: DateTime): boolean {
  const core = coreHoursOn(config, day);
  return core !== null && withoutClosures(config, [core]).length > 0;
}

/** Open at `instant`? Opening time is inclusive, closing time exclusive (open at 08:00, closed at 18:30). */
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

/** The local wall-clock time at `instant` as written in the practice file: YYYY-MM-DDTHH:MM. */
export function localWallClock(config: Pick<HoursConfig, 'timeZone'>, instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: config.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
