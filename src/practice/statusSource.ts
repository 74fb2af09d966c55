import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { DemandFeed, RequestStore } from '../store/types.js';
import type { PracticeConfig } from './config.js';
import { createDemandCounter } from './demand.js';
import { DateTime } from 'luxon';
import { closesAt, closureAt, coreHoursOn, dayBounds, isOpen, nextOpening, wallClock } from './hours.js';
import { replyByAt, type ReplyBy } from './replyBy.js';
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
  /** The urgent cut-off of this local day (epoch ms). */
  cutOff: number;
  /** Reply-by times, kept while `replyByFrom <= t < replyByUntil` (see replyByIn). */
  replyBy?: ReplyBy;
  replyByFrom?: number;
  replyByUntil?: number;
}

/**
 * Practice status for a turn at `now`. The opening-hours part is kept until the next open/close
 * boundary (time zone arithmetic is the costliest part of a turn); reply-by times are kept inside that
 * span until the next instant they can change (core hours start or end, the urgent cut-off), so a
 * cut-off between two boundaries is exact, and a clock that moves back recomputes everything (the
 * caches only serve instants inside the span they were computed for). Today's demand is counted as
 * ./demand.ts says (a busy day is re-counted every 30 s, not every turn; on a shared store
 * this process's own requests are counted as stored and the store looked at every 5 s).
 * It never throws: if the store cannot count today's demand, the day is simply not "busy".
 */
export function createPracticeStatusSource(
  config: StatusConfig,
  _clock: Clock,
  requests: Pick<RequestStore, 'countSubmitted'>,
  logger: Logger,
  /** A shared store's demand feed (`store.demandFeed`): demand is then not counted on every turn (./demand.ts). */
  feed?: DemandFeed,
): (now: Date) => Promise<PracticeStatus> {
  let hours: HoursAt | undefined;
  const demand = config.busyDayThreshold === null ? null : createDemandCounter(requests, config.busyDayThreshold, feed ? { feed } : {});

  const hoursAt = (now: Date): HoursAt => {
    const t = now.getTime();
    if (hours && t >= hours.computedAt && t < hours.validUntil) return hours;
    const open = isOpen(config, now);
    const boundary = open ? closesAt(config, now) : nextOpening(config, now);
    const day = dayBounds(config, now);
    const closure = closureAt(config, now);
    const localDay = DateTime.fromJSDate(day.start, { zone: config.timeZone });
    const core = coreHoursOn(config, localDay);
    hours = {
      computedAt: t,
      validUntil: Math.min(t + RECHECK_MS, boundary?.getTime() ?? Infinity, day.end.getTime(), closure?.until.getTime() ?? Infinity),
      open,
      ...(boundary ? (open ? { closesAt: boundary.toISOString() } : { nextOpenAt: boundary.toISOString() }) : {}),
      ...(closure ? { closure: { until: closure.until.toISOString() } } : {}),
      day,
      core: core ? { start: core.start.toMillis(), end: core.end.toMillis() } : null,
      cutOff: wallClock(localDay, config.replyBy.urgentCutOff).toMillis(),
    };
    return hours;
  };

  /**
   * Reply-by times at `now`, from the span's cache when `now` is inside the stretch they were worked
   * out for. Inside one hours span the practice's open state, closure and local day do not change, so
   * the answer of replyByAt can only change where core hours start or end or at the urgent cut-off
   * (an exceptional closure starting inside core hours ends the open span, since core hours are open).
   */
  const replyByIn = (h: HoursAt, now: Date): ReplyBy => {
    const t = now.getTime();
    if (h.replyBy && h.replyByFrom !== undefined && h.replyByUntil !== undefined && h.replyByFrom <= t && t < h.replyByUntil) return h.replyBy;
    // Shared by every turn in the stretch: frozen, so no turn can change another's.
    const replyBy = Object.freeze(replyByAt(config, now));
    const changes = [h.core?.start, h.core?.end, h.cutOff].filter((x): x is number => x !== undefined && x > t);
    h.replyBy = replyBy;
    h.replyByFrom = t;
    h.replyByUntil = Math.min(h.validUntil, ...changes);
    return replyBy;
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
      replyBy: replyByIn(h, now),
      ...(h.closesAt ? { closesAt: h.closesAt } : {}),
      ...(h.nextOpenAt ? { nextOpenAt: h.nextOpenAt } : {}),
      ...(h.closure ? { closure: h.closure } : {}),
    };
    if (demand === null) return status;
    try {
      status.busyToday = await demand.busy(h.day, now);
    } catch (err) {
      logger.error({ err: (err as Error).name }, 'practice status without demand: counting requests failed');
    }
    return status;
  };
}
