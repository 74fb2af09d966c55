import type pg from 'pg';
import type { IntakeRequest } from '../../domain/types.js';
import { idempotencyKeyFor } from '../outboxKey.js';
import type { AuditEntry, ConversationRecord, TurnCommit, TurnSession, TurnWrite } from '../types.js';
import { toJsonb } from './db.js';

function linesOf(audit: AuditEntry | readonly AuditEntry[]): readonly AuditEntry[] {
  return Array.isArray(audit) ? audit : [audit as AuditEntry];
}

/**
 * A string as an SQL literal, for the turn's statements sent as one simple query (parameters cannot
 * be used in a multi-statement query). The E'' form reads the same whatever standard_conforming_strings
 * says: every backslash and quote is escaped. U+0000 becomes U+FFFD, as `withoutNul` does for parameters.
 */
export function literal(value: string): string {
  const text = value.includes('\u0000') ? value.replaceAll('\u0000', '\ufffd') : value;
  return `E'${text.replace(/[\\']/g, '\\$&')}'`;
}

const time = (value: string | Date | undefined | null): string =>
  value === undefined || value === null ? 'NULL::timestamptz' : `${literal(value instanceof Date ? value.toISOString() : value)}::timestamptz`;

/** The conversation's upsert (the JSONB is the record; the times are copied out for queries). */
function upsertSql(record: ConversationRecord): string {
  return `INSERT INTO conversations (id, record, created_at, updated_at)
    VALUES (${literal(record.id)}, ${literal(toJsonb(record))}::jsonb, ${time(record.createdAt)}, ${time(record.updatedAt)})
    ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`;
}

function requestTuple(r: IntakeRequest): string {
  return `(${literal(r.id)}, ${literal(r.conversationId)}, ${literal(r.kind)}, ${literal(r.status)}, ${literal(r.triage.tier)}, ${time(r.createdAt)}, ${time(r.submittedAt)}, ${time(r.respondBy)}, ${literal(toJsonb(r))}::jsonb)`;
}

/** The conversation's update when its stored `updatedAt` is still `expected` (no row: nothing updated). */
function updateIfSql(record: ConversationRecord, expected: string): string {
  return `UPDATE conversations SET record = ${literal(toJsonb(record))}::jsonb, created_at = ${time(record.createdAt)}, updated_at = ${time(record.updatedAt)}
    WHERE id = ${literal(record.id)} AND updated_at = ${time(expected)} RETURNING id`;
}

/** The advisory lock every turn of the conversation takes (the same key as the store's read). */
export function turnLockSql(conversationId: string): string {
  return `SELECT pg_advisory_xact_lock(hashtextextended(${literal(conversationId)}, 0))`;
}

/** A presumed commit found the stored record changed since the caller's copy: nothing was stored. */
export class StaleTurnError extends Error {
  constructor() {
    super('the conversation changed since the copy this turn ran on; the turn runs again');
    this.name = 'StaleTurnError';
  }
}

function auditSql(entries: readonly AuditEntry[]): string {
  const tuples = entries.map((e) => `(${time(e.at)}, ${e.requestId === undefined ? 'NULL' : literal(e.requestId)}, ${literal(toJsonb(e))}::jsonb)`);
  return `INSERT INTO audit (at, request_id, entry) VALUES ${tuples.join(', ')}`;
}

/**
 * A turn's session on PostgreSQL: the record was read inside the turn's transaction after its
 * advisory lock, and commit() writes snapshot, requests, outbox rows and audit lines in that same
 * transaction (the store COMMITs once the task resolves; with `write.last`, in the same round trip
 * as the writes). A turn with no request is one statement; with requests, one statement for the
 * snapshot, requests and outbox rows, and one for the audit lines of those newly created (the audit
 * callback is only called for those).
 */
export class PgTurnSession implements TurnSession {
  #commit: Promise<TurnCommit> | undefined;
  #forget = false;
  #ended = false;
  #began: boolean;
  #stale = false;
  readonly #stored: IntakeRequest[] = [];
  readonly presumed: boolean;

  /**
   * With `presumed`, nothing has been sent yet: the record was not read (only its `updatedAt` is
   * known) and the commit begins the transaction, takes the lock and stores only if the stored record
   * still has that `updatedAt`, all in one round trip (see TurnOptions).
   */
  constructor(
    private readonly client: pg.PoolClient,
    readonly record: ConversationRecord | undefined,
    private readonly presumedFrom?: { conversationId: string; updatedAt: string },
  ) {
    this.presumed = presumedFrom !== undefined;
    this.#began = !this.presumed;
  }

  /** True once the transaction has begun (always, unless presumed and not yet committed). */
  get began(): boolean {
    return this.#began;
  }

  /** True when a presumed commit found the stored record changed: nothing was stored. */
  get stale(): boolean {
    return this.#stale;
  }

  /** True once commit() was called. */
  get committing(): boolean {
    return this.#commit !== undefined;
  }

  /** True once commit() has also ended the transaction (COMMIT succeeded with the writes). */
  get ended(): boolean {
    return this.#ended;
  }

  /** The requests this session newly stored (committed once the transaction is). */
  get stored(): readonly IntakeRequest[] {
    return this.#stored;
  }

  commit(write: TurnWrite): Promise<TurnCommit> {
    if (this.#commit) return Promise.reject(new Error('a turn session commits once'));
    this.#forget = write.options?.forgetEarlier === true;
    this.#commit = this.#write(write);
    // Handled here as well, so a task that drops the promise cannot crash the process; turn() rethrows it.
    this.#commit.catch(() => undefined);
    return this.#commit;
  }

  /** Settles once the commit's statements have run; rejects if any failed (the transaction is then aborted). */
  async written(): Promise<{ forgetEarlier: boolean }> {
    await this.#commit;
    return { forgetEarlier: this.#forget };
  }

  async #write(write: TurnWrite): Promise<TurnCommit> {
    if (this.presumedFrom) return this.#writePresumed(write, this.presumedFrom);
    const end = write.last === true;
    const requests = write.requests.filter((r, i) => write.requests.findIndex((x) => x.id === r.id) === i);
    const upsert = upsertSql(write.conversation);
    if (requests.length === 0) {
      await this.client.query(end ? `${upsert}; COMMIT` : upsert);
      this.#ended = end;
      return { created: [], enqueued: [] };
    }
    const queued = write.enqueueAt ? requests.filter((r) => r.kind === 'request') : [];
    const at = write.enqueueAt ? time(write.enqueueAt) : '';
    const outbox =
      queued.length > 0
        ? `INSERT INTO outbox (request_id, idempotency_key, state, attempts, next_attempt_at, created_at)
           VALUES ${queued.map((r) => `(${literal(r.id)}, ${literal(idempotencyKeyFor(r.id))}, 'pending', 0, ${at}, ${at})`).join(', ')}
           ON CONFLICT (request_id) DO NOTHING RETURNING request_id AS id`
        : 'SELECT NULL::text AS id WHERE false';
    const { rows } = await this.client.query<{ what: 'created' | 'enqueued'; id: string }>(
      `WITH conv AS (${upsert}),
         req AS (INSERT INTO requests (id, conversation_id, kind, status, tier, created_at, submitted_at, respond_by, request)
                 VALUES ${requests.map(requestTuple).join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id),
         box AS (${outbox})
       SELECT 'created' AS what, id FROM req UNION ALL SELECT 'enqueued', id FROM box`,
    );
    const createdIds = new Set(rows.filter((r) => r.what === 'created').map((r) => r.id));
    const enqueuedIds = new Set(rows.filter((r) => r.what === 'enqueued').map((r) => r.id));
    const created = requests.filter((r) => createdIds.has(r.id));
    const audit = created.flatMap((r) => linesOf(write.audit(r)));
    const statements = [...(audit.length > 0 ? [auditSql(audit)] : []), ...(end ? ['COMMIT'] : [])];
    if (statements.length > 0) await this.client.query(statements.join('; '));
    this.#ended = end;
    this.#stored.push(...created);
    return { created: created.map((r) => r.id), enqueued: queued.filter((r) => enqueuedIds.has(r.id)).map((r) => r.id) };
  }

  /**
   * One round trip: BEGIN, the conversation's lock, then one statement that updates the conversation
   * only if its stored `updatedAt` is still the presumed one, and stores the requests, outbox rows and
   * audit lines only if it did (audit lines only for requests newly created, in the order given), then
   * COMMIT with `write.last`. The update is a statement after the lock, so it sees what a turn that
   * held the lock before committed. No row updated: nothing was written, and StaleTurnError is thrown.
   */
  async #writePresumed(write: TurnWrite, from: { conversationId: string; updatedAt: string }): Promise<TurnCommit> {
    const end = write.last === true;
    const requests = write.requests.filter((r, i) => write.requests.findIndex((x) => x.id === r.id) === i);
    if (end && requests.length === 0) return this.#updateAlone(write.conversation, from);
    const parts = [`conv AS (${updateIfSql(write.conversation, from.updatedAt)})`];
    const selects = [`SELECT 'updated' AS what, id FROM conv`];
    const queued = write.enqueueAt ? requests.filter((r) => r.kind === 'request') : [];
    if (requests.length > 0) {
      parts.push(`req AS (INSERT INTO requests (id, conversation_id, kind, status, tier, created_at, submitted_at, respond_by, request)
        SELECT * FROM (VALUES ${requests.map(requestTuple).join(', ')}) AS v WHERE EXISTS (SELECT 1 FROM conv)
        ON CONFLICT (id) DO NOTHING RETURNING id)`);
      selects.push(`SELECT 'created', id FROM req`);
      // Each line with the request it belongs to: stored only if that request was newly created.
      const lines = requests.flatMap((r) => linesOf(write.audit(r)).map((e) => ({ owner: r.id, e })));
      if (lines.length > 0) {
        const tuples = lines.map(({ owner, e }, i) => `(${i}, ${literal(owner)}, ${time(e.at)}, ${e.requestId === undefined ? 'NULL' : literal(e.requestId)}, ${literal(toJsonb(e))}::jsonb)`);
        parts.push(`aud AS (INSERT INTO audit (at, request_id, entry)
          SELECT a.at, a.request_id, a.entry FROM (VALUES ${tuples.join(', ')}) AS a (n, owner, at, request_id, entry)
          WHERE a.owner IN (SELECT id FROM req) ORDER BY a.n)`);
      }
    }
    if (queued.length > 0 && write.enqueueAt) {
      const at = time(write.enqueueAt);
      parts.push(`box AS (INSERT INTO outbox (request_id, idempotency_key, state, attempts, next_attempt_at, created_at)
        SELECT * FROM (VALUES ${queued.map((r) => `(${literal(r.id)}, ${literal(idempotencyKeyFor(r.id))}, 'pending', 0, ${at}, ${at})`).join(', ')}) AS v
        WHERE EXISTS (SELECT 1 FROM conv) ON CONFLICT (request_id) DO NOTHING RETURNING request_id AS id)`);
      selects.push(`SELECT 'enqueued', id FROM box`);
    }
    const statements = ['BEGIN', turnLockSql(from.conversationId), `WITH ${parts.join(',\n')}\n${selects.join(' UNION ALL ')}`, ...(end ? ['COMMIT'] : [])];
    this.#began = true;
    const results: unknown = await this.client.query(statements.join('; '));
    const written = (Array.isArray(results) ? results[2] : undefined) as pg.QueryResult<{ what: 'updated' | 'created' | 'enqueued'; id: string }> | undefined;
    const rows = written?.rows ?? [];
    this.#ended = end;
    if (!rows.some((r) => r.what === 'updated')) {
      this.#stale = true;
      throw new StaleTurnError();
    }
    const createdIds = new Set(rows.filter((r) => r.what === 'created').map((r) => r.id));
    const enqueuedIds = new Set(rows.filter((r) => r.what === 'enqueued').map((r) => r.id));
    const created = requests.filter((r) => createdIds.has(r.id));
    this.#stored.push(...created);
    return { created: created.map((r) => r.id), enqueued: queued.filter((r) => enqueuedIds.has(r.id)).map((r) => r.id) };
  }

  /**
   * The commonest turn (a kept actor, no request, nothing after it): one prepared statement on its
   * own, so its own transaction, with the values as parameters (parsed and planned once per
   * connection, no literal to scan). The lock is taken inside it, before the row is changed; the
   * row it read may be older than the lock (the statement's snapshot comes first), but an update
   * of a row another transaction changed and committed meanwhile re-checks the condition on the
   * newest version (READ COMMITTED), so a turn committed elsewhere while we waited makes it stale.
   */
  async #updateAlone(record: ConversationRecord, from: { conversationId: string; updatedAt: string }): Promise<TurnCommit> {
    const noNul = (v: string): string => (v.includes('\u0000') ? v.replaceAll('\u0000', '\ufffd') : v);
    const { rows } = await this.client.query<{ id: string }>({
      name: 'gp-turn-update',
      text: `UPDATE conversations SET record = $2::jsonb, created_at = $3::timestamptz, updated_at = $4::timestamptz
             WHERE id = $5 AND updated_at = $6::timestamptz AND (SELECT pg_advisory_xact_lock(hashtextextended($1, 0))) IS NOT NULL
             RETURNING id`,
      values: [noNul(from.conversationId), toJsonb(record), record.createdAt, record.updatedAt, noNul(record.id), from.updatedAt],
    });
    // Committed (or, stale, nothing to commit) as the statement ended: no transaction is left open.
    this.#ended = true;
    if (rows.length === 0) {
      this.#stale = true;
      throw new StaleTurnError();
    }
    return { created: [], enqueued: [] };
  }
}
