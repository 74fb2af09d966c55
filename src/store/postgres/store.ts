import type pg from 'pg';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../observability/logger.js';
import { StoreClosedError } from '../lowdb/errors.js';
import { RETENTION_DEFAULTS, type RetentionPeriods } from '../retention.js';
import type { ConversationRecord, ErasureReport, ErasureTarget, Store, SweepResult, TurnOptions, TurnSession } from '../types.js';
import { PgAuditLog } from './audit.js';
import { waitForDatabase, type ConnectRetry } from './connect.js';
import { PgConversationStore, hourOf } from './conversations.js';
import { PgDemandFeed } from './demandFeed.js';
import { lazyRecord, presumedRecord } from './lazyRecord.js';
import { LOCKS, LOCK_NAMESPACE, checkout, createPool, describeDatabase, inTransaction, isConnectionLost, withoutNul, safeMessage } from './db.js';
import { migrate, type Migration } from './migrate.js';
import { PgOutbox } from './outbox.js';
import { PgRequestStore } from './requests.js';
import { Slots } from './slots.js';
import { PgTurnSession } from './turn.js';

const DAY_MS = 86_400_000;
/** A presumed turn found its copy stale (nothing stored): run it again the usual way. */
const STALE = Symbol('stale');
const DEFAULT_MAX_CLOCK_LEAD_MS = 7 * DAY_MS;

export interface PostgresStoreOptions {
  /** postgres://user@host:5432/database (DATABASE_URL). */
  connectionString: string;
  retentionDays: number;
  retention?: Partial<RetentionPeriods>;
  /** See LowdbStoreOptions.maxClockLeadMs (default 7 days). */
  maxClockLeadMs?: number;
  clock: Clock;
  logger?: Logger;
  /** Connections in the pool (default 10, at least 2). */
  poolSize?: number;
  /** Start-up retries while the database is down (default: 10 tries, 0.5 s doubling to 10 s). */
  connect?: ConnectRetry;
  /** The schema migrations (default: the files in ./migrations/). */
  migrations?: readonly Migration[];
  /**
   * After an erasure or a `forgetEarlier` put, VACUUM the tables touched so dead row versions are
   * pruned promptly rather than at autovacuum's pace (default true; see README: PostgreSQL).
   */
  vacuumAfterErase?: boolean;
}

type VacuumTable = 'conversations' | 'requests' | 'outbox';

/** At least 2: a turn holds one connection, and what its task queries needs another. */
function poolSizeOf(options: PostgresStoreOptions): number {
  return Math.max(2, Math.floor(options.poolSize ?? 10));
}

/**
 * The store on PostgreSQL, shared by any number of processes: turns are serialised per conversation
 * by a transaction-scoped advisory lock, delivery workers claim outbox rows with SKIP LOCKED, and one
 * process at a time sweeps. Open it with createPostgresStore().
 */
export class PostgresStore implements Store {
  readonly shared = true;
  readonly conversations: PgConversationStore;
  readonly requests: PgRequestStore;
  readonly outbox: PgOutbox;
  readonly audit: PgAuditLog;
  readonly demandFeed: PgDemandFeed;
  readonly database: string;
  readonly #retention: RetentionPeriods;
  /**
   * A turn holds a connection while its task runs, and a task may query through the pool (capacity
   * counts): at most poolSize - 2 turns hold one at a time, so other queries always find a connection.
   */
  readonly #turnSlots: Slots;
  readonly #vacuum = { pending: new Set<VacuumTable>(), running: Promise.resolve() };
  #closed = false;

  private constructor(
    /**
     * The connection pool, for other parts kept in the same database (e.g. web chat transcripts):
     * their tables come as further migrations in ./migrations/. Do not end it; close() does.
     */
    readonly pool: pg.Pool,
    private readonly options: PostgresStoreOptions,
  ) {
    this.database = describeDatabase(options.connectionString);
    this.#retention = { ...RETENTION_DEFAULTS, ...options.retention };
    this.#turnSlots = new Slots(Math.max(1, poolSizeOf(options) - 2));
    this.conversations = new PgConversationStore(pool, (table) => this.#vacuumSoon([table]));
    this.demandFeed = new PgDemandFeed(withoutNul(pool));
    this.requests = new PgRequestStore(pool, options.logger, (request) => this.demandFeed.publish([request]));
    this.outbox = new PgOutbox(pool);
    this.audit = new PgAuditLog(pool);
  }

  /**
   * Connects (retrying with backoff while the database is down), migrates the schema, and resolves
   * with the store; rejects with StoreUnavailableError after the retry budget, or MigrationError.
   */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    if (!(options.retentionDays > 0)) throw new RangeError('retentionDays must be a positive number');
    for (const [name, days] of Object.entries(options.retention ?? {})) {
      if (!(days > 0)) throw new RangeError(`retention.${name} must be a positive number`);
    }
    const pool = createPool({ connectionString: options.connectionString, max: poolSizeOf(options), ...(options.logger ? { logger: options.logger } : {}) });
    const database = describeDatabase(options.connectionString);
    try {
      await waitForDatabase(pool, database, options.connect, options.logger);
      const { applied, version } = await migrate(pool, { ...(options.migrations ? { migrations: options.migrations } : {}), ...(options.logger ? { logger: options.logger } : {}) });
      options.logger?.info({ database, schemaVersion: version, migrationsApplied: applied.length }, 'PostgreSQL store opened');
      return new PostgresStore(pool, options);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
  }

  async turn<T>(conversationId: string, task: (session: TurnSession) => Promise<T>, options: TurnOptions = {}): Promise<T> {
    this.#assertOpen();
    const expected = options.expectUpdatedAt;
    if (expected !== undefined) {
      const presumed = await this.#turnSlots.run(() => this.#presumedTurn(conversationId, task, expected));
      if (presumed !== STALE) {
        if (presumed.forgetEarlier) this.#vacuumSoon(['conversations']);
        return presumed.result;
      }
    }
    const outcome = await this.#turnSlots.run(async () => {
      const { client, release, record } = await this.#beginTurn(conversationId);
      let broken: Error | undefined;
      let session: PgTurnSession | undefined;
      let committed = false;
      try {
        session = new PgTurnSession(client, record);
        const result = await task(session);
        // A commit the task started (even one it did not wait for, or whose error it caught) must
        // have succeeded: COMMIT of an aborted transaction would silently roll back.
        const { forgetEarlier } = await session.written();
        // A commit with `last` has ended the transaction already (COMMIT sent with its writes).
        if (!session.ended) await client.query('COMMIT');
        committed = true;
        return { result, forgetEarlier };
      } catch (err) {
        if (!session?.ended) {
          await client.query('ROLLBACK').catch((e: unknown) => {
            broken = e instanceof Error ? e : new Error(String(e));
          });
        }
        throw err;
      } finally {
        release(broken);
        // Committed (here, or by a `last` commit before the task failed): tell demand counters.
        if (session && (session.ended || committed)) this.demandFeed.publish(session.stored);
      }
    });
    if (outcome.forgetEarlier) this.#vacuumSoon(['conversations']);
    return outcome.result;
  }

  /**
   * A turn on the caller's own copy (TurnOptions): no read, so a plain turn is one round trip (its
   * commit begins, locks, checks the stored updatedAt, writes and commits). STALE when the copy was
   * not current, nothing having been stored: the caller runs the turn again the usual way. A task
   * that commits nothing (a repeat answered again) stands only if the copy is current.
   */
  async #presumedTurn<T>(conversationId: string, task: (session: TurnSession) => Promise<T>, updatedAt: string): Promise<{ result: T; forgetEarlier: boolean } | typeof STALE> {
    const lease = await checkout(this.pool, this.options.logger);
    const session = new PgTurnSession(lease.client, presumedRecord(updatedAt), { conversationId, updatedAt });
    let broken: Error | undefined;
    let committed = false;
    try {
      const result = await task(session);
      if (!session.committing) {
        const { rows } = await withoutNul(lease.client).query('SELECT 1 FROM conversations WHERE id = $1 AND updated_at = $2::timestamptz', [conversationId, updatedAt]);
        return rows.length > 0 ? { result, forgetEarlier: false } : STALE;
      }
      const { forgetEarlier } = await session.written();
      if (!session.ended) await lease.client.query('COMMIT');
      committed = true;
      return { result, forgetEarlier };
    } catch (err) {
      if (session.began && !session.ended) {
        await lease.client.query('ROLLBACK').catch((e: unknown) => {
          broken = e instanceof Error ? e : new Error(String(e));
        });
      }
      if (session.stale) return STALE;
      // A pooled connection found dead (a restart, a failover): run again the usual way, which opens a new one.
      if (isConnectionLost(err)) {
        broken ??= err as Error;
        return STALE;
      }
      throw err;
    } finally {
      lease.release(broken);
      if (session.ended || committed) this.demandFeed.publish(session.stored);
    }
  }

  /**
   * One round trip: BEGIN, the conversation's lock (every process takes the same one, so its turns
   * run one at a time), then the read. Each statement of a multi-statement query takes its own
   * snapshot, so the read sees what the turn before committed while we waited for the lock. A pooled
   * connection found dead (after a restart or failover) is dropped and the turn begins once more on
   * a new one (again, up to the pool's size: they may all be dead): nothing had happened yet.
   */
  async #beginTurn(conversationId: string): Promise<Awaited<ReturnType<typeof checkout>> & { record: ConversationRecord | undefined }> {
    for (let attempt = 1; ; attempt += 1) {
      const lease = await checkout(this.pool, this.options.logger);
      try {
        const key = lease.client.escapeLiteral(conversationId.replaceAll('\u0000', '\ufffd'));
        const results: unknown = await lease.client.query(
          `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0)); SELECT record->>'updatedAt' AS updated, record::text AS record FROM conversations WHERE id = ${key}`,
        );
        const read = (Array.isArray(results) ? results.at(-1) : results) as pg.QueryResult<{ updated: string | null; record: string }> | undefined;
        const row = read?.rows[0];
        // Parsed only if the turn reads more than updatedAt (see lazyRecord).
        return { ...lease, record: row ? lazyRecord(row.record, row.updated) : undefined };
      } catch (err) {
        const lost = isConnectionLost(err);
        if (!lost) await lease.client.query('ROLLBACK').catch(() => undefined);
        lease.release(lost ? (err as Error) : undefined);
        // In a failover every idle connection dies at once: each try drops one, so a pool's worth of
        // tries always reaches a new connection.
        if (!lost || attempt > poolSizeOf(this.options)) throw err;
      }
    }
  }

  /** Writable: reachable, and not a standby in recovery (after a failover, until the pool reaches the new primary). */
  async checkWritable(): Promise<boolean> {
    if (this.#closed) return false;
    const ask = async (): Promise<boolean> => {
      // Again on a connection found dead (the pool drops it; idle ones die together in a failover).
      for (let attempt = 1; ; attempt += 1) {
        try {
          const { rows } = await this.pool.query<{ writable: boolean }>('SELECT NOT pg_is_in_recovery() AS writable');
          return rows[0]?.writable === true;
        } catch (err) {
          if (!isConnectionLost(err) || attempt >= 3) return false;
        }
      }
    };
    const probe = ask();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 3_000);
    });
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async sweep(now: Date): Promise<SweepResult> {
    this.#assertOpen();
    const t = now.getTime();
    const cutoff = new Date(t - this.options.retentionDays * DAY_MS);
    const deadCutoff = new Date(t - this.#retention.deadLetterDays * DAY_MS);
    // An open request is never deleted before a finished one would be.
    const openCutoff = new Date(t - Math.max(this.#retention.openRequestDays, this.options.retentionDays) * DAY_MS);
    const auditCutoff = new Date(t - this.#retention.auditDays * DAY_MS);
    const { logger } = this.options;
    const result = await inTransaction(
      this.pool,
      async (client): Promise<SweepResult> => {
        const { rows: locked } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [LOCK_NAMESPACE, LOCKS.sweep]);
        if (!locked[0]?.ok) return { conversations: 0, requests: 0, auditLines: 0, skipped: 'running-elsewhere' };
        // A first sweep over a large backlog may take longer than the pool's statement limit.
        await client.query('SET LOCAL statement_timeout = 0');
        const { rows: doomedRows } = await client.query<{ id: string }>(
          `SELECT r.id FROM requests r LEFT JOIN outbox o ON o.request_id = r.id
           WHERE r.submitted_at < GREATEST($1::timestamptz, $2::timestamptz, $3::timestamptz) AND r.submitted_at < CASE
             WHEN o.state = 'dead' THEN $2::timestamptz
             WHEN o.state = 'delivered' OR (o.state IS NULL AND (r.kind = 'emergency-diversion' OR r.status = 'closed')) THEN $1::timestamptz
             ELSE $3::timestamptz END`,
          [cutoff, deadCutoff, openCutoff],
        );
        const ids = doomedRows.map((r) => r.id);
        const skipped = await this.#clockAhead(client, t, cutoff, auditCutoff, ids.length);
        if (skipped) return { conversations: 0, requests: 0, auditLines: 0, skipped };
        const conversations = (await client.query(`DELETE FROM conversations WHERE updated_hour <= ${hourOf('$1')} AND updated_at < $1`, [cutoff])).rowCount ?? 0;
        await client.query('DELETE FROM outbox WHERE request_id = ANY($1::text[])', [ids]);
        // Outbox rows go with their request (here and in erase), delivered ones included.
        const requests = (await client.query('DELETE FROM requests WHERE id = ANY($1::text[])', [ids])).rowCount ?? 0;
        const auditLines = (await client.query('DELETE FROM audit WHERE at < $1', [auditCutoff])).rowCount ?? 0;
        return { conversations, requests, auditLines };
      },
      logger,
    );
    if (result.skipped === 'running-elsewhere') logger?.info('retention sweep skipped: another process is sweeping');
    else if (!result.skipped) logger?.info({ conversations: result.conversations, requests: result.requests, auditLines: result.auditLines }, 'retention sweep done');
    return result;
  }

  /**
   * 'clock-ahead' when `now` is far ahead of the newest stored record and the sweep would delete
   * most of what is stored (the same rule as the embedded store: conversations, requests and audit days).
   */
  async #clockAhead(client: pg.PoolClient, now: number, cutoff: Date, auditCutoff: Date, doomedRequests: number): Promise<string | undefined> {
    // The newest times first (three index look-ups); the counts are needed only when the clock is far ahead.
    const { rows: newestRows } = await client.query<{ conversation: Date | null; request: Date | null; audit: Date | null }>(
      `SELECT (SELECT max(updated_at) FROM conversations WHERE updated_hour = (SELECT max(updated_hour) FROM conversations)) AS conversation, (SELECT max(submitted_at) FROM requests) AS request,
              (SELECT max(at) FROM audit) AS audit`,
    );
    const n = newestRows[0];
    // Audit lines count by day, as the embedded store's day files do: the newest day counts to its end.
    const auditDayEnd = n?.audit ? Math.floor(n.audit.getTime() / DAY_MS) * DAY_MS + DAY_MS - 1 : undefined;
    const times = [n?.conversation?.getTime(), n?.request?.getTime(), auditDayEnd];
    const newest = Math.max(...times.filter((x): x is number => typeof x === 'number'));
    if (!Number.isFinite(newest)) return undefined;
    const leadMs = now - newest;
    if (leadMs <= (this.options.maxClockLeadMs ?? DEFAULT_MAX_CLOCK_LEAD_MS)) return undefined;
    const { rows } = await client.query<{ conversations: number; stale: number; requests: number; audit_days: number; old_audit_days: number }>(
      `SELECT
         (SELECT count(*)::int FROM conversations) AS conversations,
         (SELECT count(*)::int FROM conversations WHERE updated_hour <= ${hourOf('$1')} AND updated_at < $1) AS stale,
         (SELECT count(*)::int FROM requests) AS requests,
         d.days AS audit_days, d.old_days AS old_audit_days
       FROM (SELECT count(DISTINCT day)::int AS days, (count(DISTINCT day) FILTER (WHERE day < ($2::timestamptz AT TIME ZONE 'UTC')::date))::int AS old_days
             FROM (SELECT (at AT TIME ZONE 'UTC')::date AS day FROM audit) a) d`,
      [cutoff, auditCutoff],
    );
    const s = rows[0];
    if (!s) return undefined;
    const doomed = s.stale + doomedRequests + s.old_audit_days;
    const stored = s.conversations + s.requests + s.audit_days;
    if (doomed * 2 <= stored) return undefined;
    this.options.logger?.error(
      { clockLeadDays: Math.round(leadMs / DAY_MS), wouldDelete: doomed, stored },
      'retention sweep skipped: the clock is far ahead of everything stored and the sweep would delete most of it; check the host clock',
    );
    return 'clock-ahead';
  }

  /**
   * One transaction, holding the conversation's turn lock (a turn in flight cannot store it again).
   * The rows are DELETEd; PostgreSQL frees their bytes when the table is vacuumed, which this store
   * asks for straight after (flush() waits for it). See README: PostgreSQL, erasure.
   */
  async erase(target: ErasureTarget): Promise<ErasureReport | undefined> {
    this.#assertOpen();
    const report = await inTransaction(
      this.pool,
      async (tx): Promise<ErasureReport | undefined> => {
        const client = withoutNul(tx);
        let conversationId: string;
        if ('requestId' in target) {
          const { rows } = await client.query<{ conversation_id: string }>('SELECT conversation_id FROM requests WHERE id = $1', [target.requestId]);
          if (!rows[0]) return undefined;
          conversationId = rows[0].conversation_id;
        } else {
          conversationId = target.conversationId;
        }
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [conversationId]);
        const requestIds =
          'requestId' in target
            ? (await client.query<{ id: string }>('SELECT id FROM requests WHERE id = $1 FOR UPDATE', [target.requestId])).rows.map((r) => r.id)
            : (await client.query<{ id: string }>('SELECT id FROM requests WHERE conversation_id = $1 FOR UPDATE', [conversationId])).rows.map((r) => r.id);
        const hadConversation = ((await client.query('DELETE FROM conversations WHERE id = $1', [conversationId])).rowCount ?? 0) > 0;
        if (!hadConversation && requestIds.length === 0) return undefined;
        await client.query('DELETE FROM outbox WHERE request_id = ANY($1::text[])', [requestIds]);
        await client.query('DELETE FROM requests WHERE id = ANY($1::text[])', [requestIds]);
        return { ...(hadConversation ? { conversationId } : {}), requestIds };
      },
      this.options.logger,
    );
    if (report) {
      this.#vacuumSoon(['conversations', 'requests', 'outbox']);
      this.options.logger?.info({ requests: report.requestIds.length, conversation: report.conversationId !== undefined }, 'erased on request');
    }
    return report;
  }

  /** Waits for any vacuum asked for by an erasure or a forgetting put. Writes themselves are committed when they resolve. */
  async flush(): Promise<void> {
    await this.#turnSlots.idle();
    for (let running = this.#vacuum.running; ; running = this.#vacuum.running) {
      await running;
      if (running === this.#vacuum.running && this.#vacuum.pending.size === 0) return;
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.flush();
    await this.pool.end();
  }

  /** VACUUMs the tables soon, one run at a time, coalescing requests that arrive meanwhile. */
  #vacuumSoon(tables: readonly VacuumTable[]): void {
    if (this.options.vacuumAfterErase === false || this.#closed) return;
    const v = this.#vacuum;
    const before = v.pending.size;
    for (const table of tables) v.pending.add(table);
    if (before > 0) return; // a run is already queued and will take these too
    v.running = v.running.then(async () => {
      const run = [...v.pending];
      v.pending.clear();
      if (run.length === 0) return;
      let lease: Awaited<ReturnType<typeof checkout>> | undefined;
      let broken: Error | undefined;
      try {
        lease = await checkout(this.pool, this.options.logger);
        // VACUUM cannot run inside a transaction block; it takes no lock that blocks reads or writes.
        await lease.client.query('SET statement_timeout = 0');
        await lease.client.query(`VACUUM ${run.join(', ')}`);
        await lease.client.query('RESET statement_timeout');
      } catch (err) {
        broken = err instanceof Error ? err : new Error(String(err));
        this.options.logger?.warn({ err: safeMessage(err), tables: run }, 'VACUUM after erasure failed; autovacuum will free the space later');
      } finally {
        lease?.release(broken);
      }
    });
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

export function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  return PostgresStore.open(options);
}
