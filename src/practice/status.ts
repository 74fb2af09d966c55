import type { Clock } from '../clock.js';
import type { Tier } from '../domain/types.js';
import type { RequestStore } from '../store/types.js';
import type { PracticeConfig } from './config.js';
import { closesAt, dayBounds, isOpen, nextOpening, openAtOrAfter } from './hours.js';
import type { PracticeStatus } from './types.js';

/** Tiers that use up the daily routine capacity; urgent and emergency requests never do. */
export const CAPACITY_TIERS: readonly Tier[] = ['routine', 'selfcare'];

export type StatusConfig = Pick<
  PracticeConfig,
  'name' | 'phone' | 'timeZone' | 'openingHours' | 'closures' | 'bankHolidays' | 'routineDailyCapacity' | 'outOfHoursRoutine'
>;

/**
 * The practice's state at this moment. Computed afresh on every call from the clock and the store,
 * so nothing can go stale across a day boundary or a clock change.
 */
export async function getPracticeStatus(
  config: StatusConfig,
  clock: Clock,
  requests: Pick<RequestStore, 'countSubmitted'>,
): Promise<PracticeStatus> {
  const now = clock.now();
  const open = isOpen(config, now);
  const status: PracticeStatus = {
    name: config.name,
    phone: config.phone,
    timeZone: config.timeZone,
    open,
    routineFull: false,
    outOfHoursRoutine: config.outOfHoursRoutine,
  };
  if (open) {
    const end = closesAt(config, now);
    if (end) status.closesAt = end.toISOString();
  } else {
    const next = nextOpening(config, now);
    if (next) status.nextOpenAt = next.toISOString();
  }

  const capacity = config.routineDailyCapacity;
  if (capacity !== null) {
    const today = dayBounds(config, now);
    const used = await requests.countSubmitted(today.start, today.end, CAPACITY_TIERS);
    // Capacity is reached at the exact count: with capacity 40, the 40th request fills the day.
    if (used >= capacity) {
      status.routineFull = true;
      const reopens = openAtOrAfter(config, today.end);
      if (reopens) status.routineReopensAt = reopens.toISOString();
    }
  }
  return status;
}
