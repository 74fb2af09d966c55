import { TIERS } from '../domain/types.js';
import type { RequestStore } from '../store/types.js';

/**
 * Whether today's demand has reached the practice's busyDayThreshold, without counting today's
 * requests on every turn (on a busy day that count walked thousands of index entries per turn: 5% of
 * the server's CPU under load; on PostgreSQL it would be a query per turn).
 *
 * Demand only grows during a day, except when a request is erased: so once a day is busy it stays
 * busy, and is only counted again after `recheckMs` (an erasure is seen within that time). A day not
 * (yet) busy is counted on every call, so the request that reaches the threshold shows at once. A new
 * local day, or a clock that moves back, always counts afresh. Concurrent calls for the same day share
 * one count in flight.
 */
export interface DemandCounter {
  /** True when requests submitted in [day.start, day.end) reach the threshold. Throws when counting fails. */
  busy(day: { start: Date; end: Date }, now: Date): Promise<boolean>;
}

export const BUSY_RECHECK_MS = 30_000;

export function createDemandCounter(
  requests: Pick<RequestStore, 'countSubmitted'>,
  threshold: number,
  recheckMs = BUSY_RECHECK_MS,
): DemandCounter {
  /** The last day found busy, and when it was counted. */
  let busyDay: { start: number; countedAt: number } | undefined;
  let inFlight: { start: number; at: number; count: Promise<number> } | undefined;

  const count = (day: { start: Date; end: Date }, at: number): Promise<number> => {
    const start = day.start.getTime();
    if (inFlight && inFlight.start === start && inFlight.at <= at) return inFlight.count;
    const mine = { start, at, count: requests.countSubmitted(day.start, day.end, TIERS) };
    inFlight = mine;
    const done = () => {
      if (inFlight === mine) inFlight = undefined;
    };
    mine.count.then(done, done);
    return mine.count;
  };

  return {
    async busy(day, now) {
      const t = now.getTime();
      const start = day.start.getTime();
      if (busyDay && busyDay.start === start && t >= busyDay.countedAt && t - busyDay.countedAt < recheckMs) return true;
      const n = await count(day, t);
      if (n >= threshold) {
        // Keep the latest count time: concurrent calls may finish out of order.
        if (!busyDay || busyDay.start !== start || busyDay.countedAt < t) busyDay = { start, countedAt: t };
        return true;
      }
      if (busyDay?.start === start) busyDay = undefined;
      return false;
    },
  };
}
