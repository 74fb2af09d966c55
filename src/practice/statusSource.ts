import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { RequestStore } from '../store/types.js';
import type { PracticeConfig } from './config.js';
import { closesAt, dayBounds, isOpen, nextOpening, openAtOrAfter } from './hours.js';
import { CAPACITY_TIERS } from './status.js';
import type { PracticeStatus } from './types.js';

/** Opening hours change only at their boundaries; we look again at least this often anyway. */
const RECHECK_MS = 60_000;

interface HoursAt {
  computedAt: number;
  validUntil: number;
  open: boolean;
  closesAt?: string;
  nextOpenAt?: string;
  day: { start: Date; end: Date };
  /** When routine requests are taken again if today is full (worked out once, when first needed). */
  reopensAt?: string | null;
}

/**
 * Practice status for a turn at `now`: the same answer as getPracticeStatus (status.ts), with the
 * opening-hours part kept until the next open/close boundary (time zone arithmetic is the costliest
 * part of a turn) and the day's capacity counted live on every turn, so "full" is exact.
 * It never throws: if the store cannot count, capacity is unknown (= not full), so an outage never
 * stops a turn, and never stops an emergency being diverted.
 */
export function createPracticeStatusSource(
  config: PracticeConfig,
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
    hours = {
      computedAt: t,
      validUntil: Math.min(t + RECHECK_MS, boundary?.getTime() ?? Infinity, day.end.getTime()),
      open,
      ...(boundary ? (open ? { closesAt: boundary.toISOString() } : { nextOpenAt: boundary.toISOString() }) : {}),
      day,
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
      routineFull: false,
      outOfHoursRoutine: config.outOfHoursRoutine,
      ...(h.closesAt ? { closesAt: h.closesAt } : {}),
      ...(h.nextOpenAt ? { nextOpenAt: h.nextOpenAt } : {}),
    };
    const capacity = config.routineDailyCapacity;
    if (capacity === null) return status;
    try {
      // Capacity is reached at the exact count: with capacity 40, the 40th request fills the day.
      if ((await requests.countSubmitted(h.day.start, h.day.end, CAPACITY_TIERS)) >= capacity) {
        status.routineFull = true;
        h.reopensAt ??= openAtOrAfter(config, h.day.end)?.toISOString() ?? null;
        if (h.reopensAt) status.routineReopensAt = h.reopensAt;
      }
    } catch (err) {
      logger.error({ err: (err as Error).name }, 'practice status without capacity: counting requests failed');
    }
    return status;
  };
}
