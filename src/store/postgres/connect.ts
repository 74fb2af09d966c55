import type pg from 'pg';
import type { Logger } from '../../observability/logger.js';
import { safeMessage } from './db.js';

/** How long start-up keeps trying to reach the database, and how it waits between tries. */
export interface ConnectRetry {
  /** Tries in all (default 10). */
  attempts?: number;
  /** First wait (default 500 ms), doubled each time up to `maxDelayMs` (default 10 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits; inject in tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** The database could not be reached within the retry budget. Names where, never with a password. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    readonly database: string,
    readonly attempts: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`PostgreSQL at ${database} could not be reached after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Errors waiting cannot fix: wrong credentials (28xxx) or no such database (3D000). */
function isPermanent(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : '';
  return code.startsWith('28') || code === '3D000';
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens one connection (and gives it back), retrying with exponential backoff while the server is
 * unreachable or starting; rejects after the budget, or at once for wrong credentials or database.
 */
export async function waitForDatabase(pool: pg.Pool, database: string, retry: ConnectRetry = {}, logger?: Logger): Promise<void> {
  const attempts = Math.max(1, Math.floor(retry.attempts ?? 10));
  const base = Math.max(0, retry.baseDelayMs ?? 500);
  const cap = Math.max(base, retry.maxDelayMs ?? 10_000);
  const sleep = retry.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const client = await pool.connect();
      client.release();
      if (attempt > 1) logger?.info({ database, attempt }, 'PostgreSQL reachable');
      return;
    } catch (err) {
      if (attempt >= attempts || isPermanent(err)) throw new StoreUnavailableError(database, attempt, safeMessage(err), { cause: err });
      const waitMs = Math.min(cap, base * 2 ** (attempt - 1));
      logger?.warn({ database, attempt, attempts, retryInMs: waitMs, err: safeMessage(err) }, 'PostgreSQL not reachable yet; retrying');
      await sleep(waitMs);
    }
  }
}
