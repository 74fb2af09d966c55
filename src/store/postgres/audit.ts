import type pg from 'pg';
import type { AuditEntry, AuditLog } from '../types.js';
import { withoutNul, toJsonb, type Queryable } from './db.js';

/** Appends audit lines in one statement (in the caller's transaction when given a client). */
export async function insertAudit(db: Queryable, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const values: unknown[] = [];
  const tuples = entries.map((e) => `($${values.push(e.at)}, $${values.push(e.requestId ?? null)}, $${values.push(toJsonb(e))})`);
  await withoutNul(db).query(`INSERT INTO audit (at, request_id, entry) VALUES ${tuples.join(', ')}`, values);
}

/** Append-only (a trigger refuses updates); lines are read back in the order they were appended. */
export class PgAuditLog implements AuditLog {
  private readonly db: Queryable;

  constructor(pool: pg.Pool) {
    this.db = withoutNul(pool);
  }

  append(entry: AuditEntry): Promise<void> {
    return insertAudit(this.db, [entry]);
  }

  async read(requestId?: string): Promise<AuditEntry[]> {
    const { rows } =
      requestId === undefined
        ? await this.db.query<{ entry: AuditEntry }>('SELECT entry FROM audit ORDER BY seq')
        : await this.db.query<{ entry: AuditEntry }>('SELECT entry FROM audit WHERE request_id = $1 ORDER BY seq', [requestId]);
    return rows.map((r) => r.entry);
  }
}
