import type pg from 'pg';
import type { ConversationRecord, ConversationStore, PutOptions } from '../types.js';
import { withoutNul, toJsonb, type Queryable } from './db.js';

/** Upserts a conversation record (the JSONB is the record; the times are copied out for queries). */
export async function upsertConversation(db: Queryable, record: ConversationRecord): Promise<void> {
  await withoutNul(db).query(
    `INSERT INTO conversations (id, record, created_at, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET record = EXCLUDED.record, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
    [record.id, toJsonb(record), record.createdAt, record.updatedAt],
  );
}

/**
 * The hour a time falls in, as the generated column `conversations.updated_hour` computes it
 * (migration 005). Its index replaces one on `updated_at`, which changed every turn and so kept
 * every turn's update from being HOT: a query on `updated_at` narrows by this hour first.
 * `param` is an SQL expression of type timestamptz (a placeholder such as `$1`).
 */
export function hourOf(param: string): string {
  return `date_bin('1 hour', ${param}::timestamptz, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;
}

export async function readConversation(db: Queryable, id: string): Promise<ConversationRecord | undefined> {
  const { rows } = await withoutNul(db).query<{ record: ConversationRecord }>('SELECT record FROM conversations WHERE id = $1', [id]);
  return rows[0]?.record;
}

export class PgConversationStore implements ConversationStore {
  private readonly db: Queryable;

  constructor(
    private readonly pool: pg.Pool,
    /** Asks for the earlier row versions to be vacuumed away (see PostgresStore.vacuumSoon). */
    private readonly forget: (table: 'conversations') => void,
  ) {
    this.db = withoutNul(pool);
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return readConversation(this.db, id);
  }

  async put(record: ConversationRecord, options: PutOptions = {}): Promise<void> {
    await upsertConversation(this.db, record);
    if (options.forgetEarlier) this.forget('conversations');
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM conversations WHERE id = $1', [id]);
  }

  async countActiveSince(since: Date): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM conversations WHERE updated_hour >= ${hourOf('$1')} AND updated_at >= $1`,
      [since],
    );
    return rows[0]?.n ?? 0;
  }
}
