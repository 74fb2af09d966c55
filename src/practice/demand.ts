import { TIERS, type IntakeRequest } from '../domain/types.js';
import type { DemandFeed, RequestStore } from '../store/types.js';

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
/** On a shared store: how stale other processes' requests may be in a day not (yet) busy. */
export const SHARED_REFRESH_MS = 5_000;

export interface DemandCounterOptions {
  /** A busy day is counted again after this long (default BUSY_RECHECK_MS). */
  recheckMs?: number;
  /** A shared store's feed (PostgreSQL): counted as createSharedDemandCounter says, not on every call. */
  feed?: DemandFeed;
  /** With a feed: a day not busy is looked at again after this long (default SHARED_REFRESH_MS). */
  refreshMs?: number;
}

export function createDemandCounter(
  requests: Pick<RequestStore, 'countSubmitted'>,
  threshold: number,
  options: DemandCounterOptions = {},
): DemandCounter {
  const recheckMs = options.recheckMs ?? BUSY_RECHECK_MS;
  if (options.feed) return createSharedDemandCounter(options.feed, threshold, recheckMs, options.refreshMs ?? SHARED_REFRESH_MS);
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

/** A request this process stored, as the counter keeps it. */
interface Own {
  submittedMs: number;
  /** Order of announcement, to tell those a look at the store may not have seen. */
  seq: number;
}

interface Look {
  start: number;
  /** When (the caller's clock) the look was taken. */
  at: number;
  /** The own-announcement sequence when the query was sent: later ones may be missing from `ids`. */
  seqBefore: number;
  ids: ReadonlySet<string>;
  /** The store alone had at least `threshold` (so `ids` stopped there). */
  full: boolean;
}

/**
 * On a store several processes share (PostgreSQL), counting the day's requests on every turn would
 * be a query per turn. Instead, this process's own stored requests are counted as they are committed
 * (exactly: the request that reaches the threshold shows on the next turn), and the store is looked
 * at for everyone else's at most every `refreshMs` (every `recheckMs` once busy, when only an erasure
 * can change the answer), fetching at most `threshold` of the day's ids. Own requests and the ids
 * the store returned are merged by id, so a request is never counted twice whichever the store's
 * look saw; an own request announced before a look was sent and missing from it was erased. A new
 * day or a clock that moves back looks afresh. Concurrent calls share one look in flight.
 */
function createSharedDemandCounter(feed: DemandFeed, threshold: number, recheckMs: number, refreshMs: number): DemandCounter {
  const own = new Map<string, Own>();
  let seq = 0;
  feed.onStored((request: IntakeRequest) => {
    if (request.kind !== 'request' || !TIERS.includes(request.triage.tier)) return;
    const submittedMs = Date.parse(request.submittedAt);
    if (Number.isFinite(submittedMs)) own.set(request.id, { submittedMs, seq: (seq += 1) });
  });
  let look: Look | undefined;
  let inFlight: { start: number; at: number; look: Promise<Look> } | undefined;

  const lookAt = (day: { start: Date; end: Date }, at: number): Promise<Look> => {
    const start = day.start.getTime();
    if (inFlight && inFlight.start === start && inFlight.at <= at) return inFlight.look;
    const seqBefore = seq;
    const mine = {
      start,
      at,
      look: feed.submittedIds(day.start, day.end, TIERS, threshold).then((ids): Look => ({ start, at, seqBefore, ids: new Set(ids), full: ids.length >= threshold })),
    };
    inFlight = mine;
    const done = () => {
      if (inFlight === mine) inFlight = undefined;
    };
    mine.look.then(done, done);
    return mine.look;
  };

  const countWith = (l: Look, day: { start: Date; end: Date }): number => {
    const from = day.start.getTime();
    const to = day.end.getTime();
    let n = l.ids.size;
    for (const [id, o] of own) {
      // Earlier days' own requests are of no further use (a look at an earlier day sees them in the store).
      if (o.submittedMs < from) own.delete(id);
      else if (o.submittedMs < to && o.seq > l.seqBefore && !l.ids.has(id)) n += 1;
    }
    return n;
  };

  return {
    async busy(day, now) {
      const t = now.getTime();
      const start = day.start.getTime();
      let l = look;
      const fresh = (x: Look | undefined): x is Look =>
        x !== undefined && x.start === start && t >= x.at && t - x.at < (x.full ? recheckMs : refreshMs);
      if (!fresh(l)) {
        l = await lookAt(day, t);
        // Keep the latest look: concurrent calls may finish out of order.
        if (!look || look.start !== start || look.at <= l.at) look = l;
      }
      return l.full || countWith(l, day) >= threshold;
    },
  };
}
