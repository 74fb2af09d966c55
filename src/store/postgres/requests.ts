import type pg from 'pg';
import type { IntakeRequest, PracticeWork, RequestStatus, Tier } from '../../domain/types.js';
import type { RequestQuery, RequestStore } from '../types.js';
import { inTransaction, withoutNul, toJsonb, type Queryable } from './db.js';
import { insertRequest } from './rows.js';
import type { Logger } from '../../observability/logger.js';

export class PgRequestStore implements RequestStore {
  private readonly db: Queryable;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger?: Logger,
    /** Told of each request newly stored (see PgDemandFeed). */
    private readonly stored: (request: IntakeRequest) => void = () => undefined,
  ) {
    this.db = withoutNul(pool);
  }

  async put(request: IntakeRequest): Promise<{ created: boolean }> {
    const created = await insertRequest(this.db, request);
    if (created) this.stored(request);
    return { created };
  }

  async get(id: string): Promise<IntakeRequest | undefined> {
    const { rows } = await this.db.query<{ request: IntakeRequest }>('SELECT request FROM requests WHERE id = $1', [id]);
    return rows[0]?.request;
  }

  async list(query: RequestQuery): Promise<{ total: number; items: IntakeRequest[] }> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (query.status !== undefined) where.push(`status = $${values.push(query.status)}`);
    if (query.urgency !== undefined) where.push(`tier = $${values.push(query.urgency)}`);
    if (query.since !== undefined) where.push(`submitted_at >= $${values.push(query.since)}`);
    const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const limit = Math.max(0, Math.floor(query.limit));
    const offset = Math.max(0, Math.floor(query.offset));
    const [count, page] = await Promise.all([
      this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM requests ${filter}`, values),
      this.db.query<{ request: IntakeRequest }>(
        `SELECT request FROM requests ${filter} ORDER BY tier_rank DESC, submitted_at, id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
        [...values, limit, offset],
      ),
    ]);
    return { total: count.rows[0]?.n ?? 0, items: page.rows.map((r) => r.request) };
  }

  async setStatus(id: string, status: RequestStatus, by: string, at: Date): Promise<IntakeRequest | undefined> {
    const { rows } = await this.db.query<{ request: IntakeRequest }>(
      `UPDATE requests SET status = $2,
         request = jsonb_set(jsonb_set(request, '{status}', to_jsonb($2::text)), '{statusHistory}',
                   coalesce(request->'statusHistory', '[]'::jsonb) || jsonb_build_array(jsonb_build_object('status', $2::text, 'by', $3::text, 'at', $4::text)))
       WHERE id = $1 RETURNING request`,
      [id, status, by, at.toISOString()],
    );
    return rows[0]?.request;
  }

  /** One transaction: the row is read FOR UPDATE, so concurrent changes (any process) apply one after the other. */
  updateWork(id: string, change: (work: PracticeWork) => PracticeWork): Promise<IntakeRequest | undefined> {
    return inTransaction(
      this.pool,
      async (tx) => {
        const client = withoutNul(tx);
        const { rows } = await client.query<{ request: IntakeRequest }>('SELECT request FROM requests WHERE id = $1 FOR UPDATE', [id]);
        const current = rows[0]?.request;
        if (!current) return undefined;
        const updated: IntakeRequest = { ...current, work: change(current.work ?? { notes: [], regrades: [] }) };
        await client.query('UPDATE requests SET request = $2 WHERE id = $1', [id, toJsonb(updated)]);
        return updated;
      },
      this.logger,
    );
  }

  async countSubmitted(from: Date, to: Date, tiers: readonly Tier[]): Promise<number> {
    if (!(to.getTime() > from.getTime()) || tiers.length === 0) return 0;
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM requests
       WHERE kind = 'request' AND submitted_at >= $1 AND submitted_at < $2 AND tier = ANY($3::text[])`,
      [from, to, [...tiers]],
    );
    return rows[0]?.n ?? 0;
  }
}
