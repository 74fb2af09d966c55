import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { RequestStore } from '../store/types.js';
import { TIERS } from '../domain/types.js';
import type { PracticeConfig } from './config.js';
import { DateTime } from 'luxon';
import { closesAt, closureAt, coreHoursOn, dayBounds, isOpen, nextOpening } from './hours.js';
import { replyByAt } from './replyBy.js';
import type { PracticeStatus } from './types.js';

/** Opening hours change only at their boundaries; we look again at least this often anyway. */
const RECHECK_MS = 60_000;

export type StatusConfig = Pick<
  PracticeConfig,
  'name' | 'phone' | 'timeZone' | 'openingHours' | 'exceptionalClosures' | 'bankHolidays' | 'busyDayThreshold' | 'outOfHoursRoutine' | 'replyBy'
>;

interface HoursAt {
  computedAt: number;
  validUntil: number;
  open: boolean;
  closesAt?: string;
  nextOpenAt?: string;
  closure?: { until: string };
  day: { start: Date; end: Date };
  /** Core hours of this local day as epoch ms (none at weekends and on bank holidays). */
  core: { start: number; end: number } | null;
}

/**
 * Practice status for a turn at `now`. The opening-hours part is kept until the next open/close
 * boundary (time zone arithmetic is the costliest part of a turn); reply-by times and core hours are
 * worked out on every turn, so a cut-off between two boundaries is exact, and a clock that moves
 * back recomputes everything (the cache only serves instants inside the span it was computed for).
 * It never throws: if the store cannot count today's demand, the day is simply not "busy".
 */
export function createPracticeStatusSource(
  config: StatusConfig,
  _clock: Clock,
  requests: Pick<RequestStore, 'countSubmitted'>,
  logger: Logger,
): (now: Date) => Promise<PracticeStatus> {
  let hours: HoursAt | undefined;

  const hoursAt = (now: Date): HoursAt => {
    const t = now.getTime();
    if (hours && t >= hours.computedAt && t < hours.validUntil) return hours;
    const open = isOpen(config, now);
    const boundary = open ? closesAt(config, now) : nextOpening(config, now);
    const day = dayBounds(config, now);
    const closure = closureAt(config, now);
    const core = coreHoursOn(config, DateTime.fromJSDate(day.start, { zone: config.timeZone }));
    hours = {
      computedAt: t,
      validUntil: Math.min(t + RECHECK_MS, boundary?.getTime() ?? Infinity, day.end.getTime(), closure?.until.getTime() ?? Infinity),
      open,
      ...(boundary ? (open ? { closesAt: boundary.toISOString() } : { nextOpenAt: boundary.toISOString() }) : {}),
      ...(closure ? { closure: { until: closure.until.toISOString() } } : {}),
      day,
      core: core ? { start: core.start.toMillis(), end: core.end.toMillis() } : null,
    };
    return hours;
  };

  return async (now) => {
    const h = hoursAt(now);
    const status: PracticeStatus = {
      name: config.name,
      phone: config.phone,
      timeZone: config.timeZone,
      open: h.open,
      // During an exceptional closure nothing is queued: the patient is given the phone number instead.
      outOfHoursRoutine: config.outOfHoursRoutine === 'closed' || h.closure ? 'closed' : 'queue',
      coreHours: h.core !== null && h.core.start <= now.getTime() && now.getTime() < h.core.end,
      busyToday: false,
      replyBy: replyByAt(config, now),
      ...(h.closesAt ? { closesAt: h.closesAt } : {}),
      ...(h.nextOpenAt ? { nextOpenAt: h.nextOpenAt } : {}),
      ...(h.closure ? { closure: h.closure } : {}),
    };
    const threshold = config.busyDayThreshold;
    if (threshold === null) return status;
    try {
      status.busyToday = (await requests.countSubmitted(h.day.start, h.day.end, TIERS)) >= threshold;
    } catch (err) {
      logger.error({ err: (err as Error).name }, 'practice status without demand: counting requests failed');
    }
    return status;
  };
}
