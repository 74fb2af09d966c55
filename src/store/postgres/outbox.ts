import type pg from 'pg';
import type { Outbox, OutboxEntry } from '../types.js';
import { withoutNul, type Queryable } from './db.js';
import { OUTBOX_COLUMNS, insertOutbox, outboxEntryOf, type OutboxRow } from './rows.js';

/** Error text is kept short: it is shown in the practice API (as in the embedded store). */
const MAX_ERROR_LENGTH = 500;

/**
 * The outbox table is shared by the delivery workers of every process. `claim()` takes due rows with
 * FOR UPDATE SKIP LOCKED and leases them in the same statement, so two workers never take one row,
 * and a row stays out of other claims until it is marked or its lease runs out (a killed worker).
 */
export class PgOutbox implements Outbox {
  private readonly db: Queryable;

  constructor(pool: pg.Pool) {
    this.db = withoutNul(pool);
  }

  async enqueue(requestId: string, at: Date): Promise<void> {
    await insertOutbox(this.db, requestId, at);
  }

  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE state = 'pending' AND next_attempt_at <= $1
       ORDER BY created_at, request_id LIMIT $2`,
      [now, Math.max(0, Math.floor(limit))],
    );
    return rows.map(outboxEntryOf);
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `WITH picked AS (
         SELECT request_id FROM outbox
         WHERE state = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
         ORDER BY created_at, request_id LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET lease_until = $3 FROM picked WHERE o.request_id = picked.request_id
       RETURNING ${OUTBOX_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}`,
      [now, Math.max(0, Math.floor(limit)), new Date(now.getTime() + Math.max(0, leaseMs))],
    );
    return rows.map(outboxEntryOf).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.requestId < b.requestId ? -1 : 1));
  }

  async markDelivered(requestId: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = $2, lease_until = NULL
       WHERE request_id = $1 AND state <> 'delivered'`,
      [requestId, at],
    );
  }

  async markFailed(requestId: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    await this.db.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2, lease_until = NULL,
         state = CASE WHEN $3::timestamptz IS NULL THEN 'dead' ELSE state END,
         next_attempt_at = coalesce($3::timestamptz, next_attempt_at)
       WHERE request_id = $1 AND state = 'pending'`,
      [requestId, error.slice(0, MAX_ERROR_LENGTH), nextAttemptAt],
    );
  }

  async retry(requestId: string, at: Date): Promise<OutboxEntry | undefined> {
    // A manual retry starts a fresh backoff schedule; lastError stays for the practice to see.
    await this.db.query(
      `UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = $2, retried_at = $2, lease_until = NULL
       WHERE request_id = $1 AND state = 'dead'`,
      [requestId, at],
    );
    const { rows } = await this.db.query<OutboxRow>(`SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE request_id = $1`, [requestId]);
    return rows[0] && outboxEntryOf(rows[0]);
  }

  async list(state?: OutboxEntry['state']): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE $1::text IS NULL OR state = $1 ORDER BY created_at, request_id`,
      [state ?? null],
    );
    return rows.map(outboxEntryOf);
  }
}
