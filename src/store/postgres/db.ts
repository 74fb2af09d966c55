import pg from 'pg';
import type { Logger } from '../../observability/logger.js';

/** What both a pool and a checked-out client can do: run one statement. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/**
 * Where a connection string points, for messages: host, port and database, never the user's password
 * (nor the user, which some deployments treat as a secret too).
 */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const host = url.searchParams.get('host') ?? (url.hostname || 'localhost');
    const port = url.port || '5432';
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
    return `${host}:${port}/${database}`;
  } catch {
    return 'the database in DATABASE_URL (not a URL)';
  }
}

/** Error messages from the driver, with anything that looks like a connection string's password cut out. */
export function safeMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/(postgres(?:ql)?:\/\/[^:/@\s]*:)[^@\s]*@/gi, '$1***@');
}

export interface PoolOptions {
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** How long a connect may take before it fails (default 5 s). */
  connectionTimeoutMs?: number;
  logger?: Logger;
}

/**
 * A pool that never crashes the process: pg emits 'error' on the pool when an idle connection dies
 * (a failover, a restart, a network cut); the pool drops that client and the next query opens a new
 * connection. Unhandled, that event would be thrown.
 */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'gp-intake-bot',
    // A client that vanished without a FIN (failover to another host) is noticed by TCP keepalive.
    keepAlive: true,
  });
  const where = describeDatabase(options.connectionString);
  pool.on('error', (err) => {
    options.logger?.warn({ err: safeMessage(err), database: where }, 'an idle PostgreSQL connection failed; the pool will open a new one');
  });
  return pool;
}

/**
 * A checked-out client, with an 'error' listener for as long as it is out (pg removes the pool's own
 * listener meanwhile, so a connection that dies between two statements would otherwise crash the
 * process). `release(err)` destroys a broken client instead of returning it to the pool.
 */
export async function checkout(pool: pg.Pool, logger?: Logger): Promise<{ client: pg.PoolClient; release(err?: Error): void }> {
  const client = await pool.connect();
  let failed: Error | undefined;
  const onError = (err: Error): void => {
    failed = err;
    logger?.warn({ err: safeMessage(err) }, 'a PostgreSQL connection in use failed');
  };
  client.on('error', onError);
  let released = false;
  return {
    client,
    release(err?: Error) {
      if (released) return;
      released = true;
      client.removeListener('error', onError);
      client.release(err ?? failed);
    },
  };
}

/**
 * Runs `work` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it throws
 * (and the error is passed on). A client whose ROLLBACK fails is destroyed, not reused.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, logger?: Logger): Promise<T> {
  const { client, release } = await checkout(pool, logger);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw err;
  } finally {
    release(broken);
  }
}

/** Advisory lock keys (the two-int form, so they never meet the one-bigint keys turns use). */
export const LOCK_NAMESPACE = 0x67707362; // 'gpsb'
export const LOCKS = { migrate: 1, sweep: 2 } as const;

/** Milliseconds of a timestamptz column (pg parses them to Date). */
export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
