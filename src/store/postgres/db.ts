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
    // A server that vanished without a FIN (failover to another host) is noticed by TCP keepalive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // No statement waits for ever (a turn's lock included: the patient is told to try again), and a
    // process that stalls inside a transaction loses it, and the conversation's lock, after a minute.
    // Migrations, the sweep and VACUUM lift the statement limit for themselves.
    statement_timeout: 30_000,
    idle_in_transaction_session_timeout: 60_000,
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

/**
 * PostgreSQL text cannot hold U+0000, and JSONB refuses `\u0000` and lone surrogate escapes: hostile
 * input (a patient's message with a NUL) must not make a conversation unstorable. Both become U+FFFD
 * on the way in (the only change either store makes to what it is given).
 */
const BAD_JSON_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

export function toJsonb(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes('\\u') ? json.replace(BAD_JSON_ESCAPE, '$1\\ufffd') : json;
}

/** A Queryable whose string parameters never carry U+0000 (an id from a URL, say). */
export function withoutNul(db: Queryable): Queryable {
  return {
    query: (text, values) =>
      db.query(text, values?.map((v) => (typeof v === 'string' && v.includes('\u0000') ? v.replaceAll('\u0000', '\ufffd') : v))),
  };
}

const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

/**
 * The connection was lost (server restarted, failover, network cut), rather than the statement
 * failing: a pooled connection that died while idle fails its next statement this way, and the same
 * work on a fresh connection may well succeed.
 */
export function isConnectionLost(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  if (code !== undefined && CONNECTION_LOST.has(code)) return true;
  const message = 'message' in err && typeof err.message === 'string' ? err.message : '';
  return /Connection terminated|not queryable|connection error/i.test(message);
}

/** Advisory lock keys (the two-int form, so they never meet the one-bigint keys turns use). */
export const LOCK_NAMESPACE = 0x67707362; // 'gpsb'
export const LOCKS = { migrate: 1, sweep: 2 } as const;

/** Milliseconds of a timestamptz column (pg parses them to Date). */
export function iso(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
