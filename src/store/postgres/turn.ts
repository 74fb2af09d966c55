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
  readonly #stored: IntakeRequest[] = [];

  constructor(
    private readonly client: pg.PoolClient,
    readonly record: ConversationRecord | undefined,
  ) {}

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
}
