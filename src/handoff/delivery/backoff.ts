/**
 * Exponential backoff with "full jitter": wait a uniformly random time in [0, min(cap, base * 2^n)).
 * Jitter spreads retries from many requests so a receiver coming back up is not hit all at once.
 * `random` is injectable so tests can pin the schedule.
 */
export function backoffDelayMs(attemptsSoFar: number, opts: { baseMs: number; capMs: number; random: () => number }): number {
  const ceiling = Math.min(opts.capMs, opts.baseMs * 2 ** Math.min(attemptsSoFar, 30));
  return Math.floor(Math.min(Math.max(opts.random(), 0), 1) * ceiling);
}
