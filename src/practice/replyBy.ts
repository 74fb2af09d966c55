import { DateTime } from 'luxon';
import { CORE_HOURS, type PracticeConfig } from './config.js';
import { closureAt, coreHoursOn, isWorkingDay, wallClock } from './hours.js';

/**
 * Reply-by times under the GP contract (2026/27): urgent requests the same working day when they
 * arrive in core hours before the practice's cut-off, otherwise by the next working day's morning;
 * everything else by the end of the next working day. Worked out from the practice calendar in its
 * own zone (weekends, bank holidays, exceptional closures, clock changes). A pure function of `now`:
 * every answer is later than `now`, so a host clock that moves back can only move it back with it.
 */

export type ReplyByConfig = Pick<PracticeConfig, 'timeZone' | 'exceptionalClosures' | 'bankHolidays' | 'replyBy'>;

export interface ReplyBy {
  /** ISO instant by which an urgent request received now is answered. */
  urgent: string;
  /** True when that is today (received in core hours before the cut-off); otherwise 111 advice applies meanwhile. */
  urgentSameDay: boolean;
  /** ISO instant by which a routine or self-care request received now is answered: end of the next working day. */
  routine: string;
}

/** No run of closed days is longer than this; past it the configuration is wrong, not the calendar. */
const MAX_DAYS_AHEAD = 400;

function firstWorkingDay(config: ReplyByConfig, from: DateTime): DateTime {
  let day = from.startOf('day');
  for (let n = 0; n < MAX_DAYS_AHEAD; n++, day = day.plus({ days: 1 }).startOf('day')) {
    if (isWorkingDay(config, day)) return day;
  }
  throw new Error(`no working day within ${MAX_DAYS_AHEAD} days of ${from.toISODate() ?? ''}: check exceptionalClosures`);
}

/** The practice-local calendar day after `day` (a 23- or 25-hour day still moves one date on). */
const dayAfter = (day: DateTime): DateTime => day.startOf('day').plus({ days: 1 }).startOf('day');

/** What one practice-local day implies for requests received on it; the same for every instant of the day. */
interface DayPlan {
  /** Core hours of the day as epoch ms, when it is a working day. */
  core: { start: number; end: number } | null;
  cutOff: number;
  /** Urgent reply-by for a request received before core hours on this working day (its own morning). */
  ownMorning: string | null;
  /** Urgent reply-by otherwise: the next working day's morning. */
  nextMorning: string;
  routine: string;
}

/**
 * Plans per configuration and local date. Working one out takes a few hundred µs of time zone
 * arithmetic; a turn only needs a date lookup and three comparisons. Bounded: a busy practice
 * touches one or two dates a day.
 */
const plans = new WeakMap<ReplyByConfig, Map<string, DayPlan>>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const MAX_PLANS = 32;

function localDate(timeZone: string, now: Date): string {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(now); // en-CA writes YYYY-MM-DD
}

function morningOf(config: ReplyByConfig, day: DateTime): DateTime {
  const morning = wallClock(day, config.replyBy.urgentNextDayBy);
  const closed = closureAt(config, morning.toJSDate());
  return closed ? DateTime.fromJSDate(closed.until, { zone: config.timeZone }) : morning;
}

function planFor(config: ReplyByConfig, date: string): DayPlan {
  let byDate = plans.get(config);
  if (!byDate) plans.set(config, (byDate = new Map()));
  const kept = byDate.get(date);
  if (kept) return kept;
  const today = DateTime.fromISO(date, { zone: config.timeZone }).startOf('day');
  const working = isWorkingDay(config, today);
  const core = working ? coreHoursOn(config, today) : null;
  const next = firstWorkingDay(config, dayAfter(today));
  const plan: DayPlan = {
    core: core ? { start: core.start.toMillis(), end: core.end.toMillis() } : null,
    cutOff: wallClock(today, config.replyBy.urgentCutOff).toMillis(),
    ownMorning: core ? iso(morningOf(config, today)) : null,
    nextMorning: iso(morningOf(config, next)),
    routine: iso(wallClock(next, CORE_HOURS.close)),
  };
  if (byDate.size >= MAX_PLANS) byDate.clear();
  byDate.set(date, plan);
  return plan;
}

export function replyByAt(config: ReplyByConfig, now: Date): ReplyBy {
  const t = now.getTime();
  const plan = planFor(config, localDate(config.timeZone, now));
  const { core } = plan;
  const sameDay = core !== null && core.start <= t && t < core.end && t < plan.cutOff && closureAt(config, now) === null;
  if (sameDay) return { urgent: new Date(core.end).toISOString(), urgentSameDay: true, routine: plan.routine };
  // Before core hours on a working day, "the next working day's morning" is this morning.
  const urgent = core !== null && t < core.start && plan.ownMorning !== null ? plan.ownMorning : plan.nextMorning;
  return { urgent, urgentSameDay: false, routine: plan.routine };
}

const iso = (t: DateTime): string => t.toUTC().toISO() ?? '';

