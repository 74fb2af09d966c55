import type { IntakeRequest } from '../../domain/types.js';
import type { OutboxEntry } from '../types.js';
import { idempotencyKeyFor } from '../outboxKey.js';
import { iso, withoutNul, toJsonb, type Queryable } from './db.js';


export interface OutboxRow {
  request_id: string;
  idempotency_key: string;
  state: OutboxEntry['state'];
  attempts: number;
  next_attempt_at: Date;
  created_at: Date;
  retried_at: Date | null;
  last_error: string | null;
  delivered_at: Date | null;
}

export const OUTBOX_COLUMNS = 'request_id, idempotency_key, state, attempts, next_attempt_at, created_at, retried_at, last_error, delivered_at';

export function outboxEntryOf(row: OutboxRow): OutboxEntry {
  const retriedAt = iso(row.retried_at);
  const deliveredAt = iso(row.delivered_at);
  return {
    requestId: row.request_id,
    idempotencyKey: row.idempotency_key,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at) ?? '',
    createdAt: iso(row.created_at) ?? '',
    ...(retriedAt ? { retriedAt } : {}),
    ...(row.last_error !== null ? { lastError: row.last_error } : {}),
    ...(deliveredAt ? { deliveredAt } : {}),
  };
}

/**
 * Inserts a request unless its id is stored; true when this call created it. The columns are copies
 * of what is queried; the JSONB is the request itself.
 */
export async function insertRequest(db: Queryable, request: IntakeRequest): Promise<boolean> {
  const { rowCount } = await withoutNul(db).query(
    `INSERT INTO requests (id, conversation_id, kind, status, tier, created_at, submitted_at, respond_by, request)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (id) DO NOTHING`,
    [
      request.id,
      request.conversationId,
      request.kind,
      request.status,
      request.triage.tier,
      request.createdAt,
      request.submittedAt,
      request.respondBy ?? null,
      toJsonb(request),
    ],
  );
  return rowCount === 1;
}

/** Queues a request for delivery unless it is queued (or was delivered); true when this call queued it. */
export async function insertOutbox(db: Queryable, requestId: string, at: Date): Promise<boolean> {
  const { rowCount } = await withoutNul(db).query(
    `INSERT INTO outbox (request_id, idempotency_key, state, attempts, next_attempt_at, created_at)
     VALUES ($1, $2, 'pending', 0, $3, $3)
     ON CONFLICT (request_id) DO NOTHING`,
    [requestId, idempotencyKeyFor(requestId), at],
  );
  return rowCount === 1;
}
