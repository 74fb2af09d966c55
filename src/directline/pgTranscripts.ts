import type { Activity } from '../bot/activity.js';
import type { TranscriptEntry, TranscriptStore } from './transcripts.js';

/** The little of a node-postgres pool this needs (pg.Pool has it). */
export interface SqlClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}
export interface SqlPool extends SqlClient {
  connect(): Promise<SqlClient & { release(err?: Error | boolean): void }>;
}

interface Row {
  seq: number;
  activity: Partial<Activity>;
}

/**
 * Transcripts in PostgreSQL (table `directline_transcripts`, migration 003), so a web chat whose
 * next request lands on another bot process (a failover, a rolling deploy) is read back there with
 * its activities and watermark. One row per activity; `written_at` is the database's clock, as a
 * file's mtime is the file system's. Conversations are served by one process at a time (the load
 * balancer keeps a conversation on one process: README, Several processes); this is what another
 * process reads when that one is gone, not a channel between live processes.
 */
export function pgTranscripts(pool: SqlPool): TranscriptStore {
  const insert = async (db: SqlClient, conversationId: string, entries: TranscriptEntry[]): Promise<void> => {
    if (entries.length === 0) return;
    // One statement for the lot: arrays of seq and activity, unnested in order.
    await db.query(
      `INSERT INTO directline_transcripts (conversation_id, seq, activity)
       SELECT $1, s, a FROM unnest($2::int[], $3::jsonb[]) AS t(s, a)
       ON CONFLICT (conversation_id, seq) DO UPDATE SET activity = EXCLUDED.activity, written_at = now()`,
      [conversationId, entries.map((e) => e.seq), entries.map((e) => JSON.stringify(e.activity))],
    );
  };

  return {
    async load(conversationId) {
      const { rows } = await pool.query('SELECT seq, activity FROM directline_transcripts WHERE conversation_id = $1 ORDER BY seq', [conversationId]);
      if (rows.length === 0) return undefined;
      return (rows as Row[]).map((r) => ({ seq: r.seq, activity: r.activity }));
    },

    append: (conversationId, entries) => insert(pool, conversationId, entries),

    async replace(conversationId, entries) {
      // A commit is durable whatever `durable` says (PostgreSQL's fsync at COMMIT): the old rows
      // are gone for any reader at once, and from the data files once VACUUM runs.
      const client = await pool.connect();
      let failed: Error | undefined;
      try {
        await client.query('BEGIN');
        await client.query('DELETE FROM directline_transcripts WHERE conversation_id = $1', [conversationId]);
        await insert(client, conversationId, entries);
        await client.query('COMMIT');
      } catch (err) {
        failed = err as Error;
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release(failed);
      }
    },

    async remove(conversationId) {
      await pool.query('DELETE FROM directline_transcripts WHERE conversation_id = $1', [conversationId]);
    },

    async sweep(before) {
      const { rows } = await pool.query(
        `WITH stale AS (
           SELECT conversation_id FROM directline_transcripts GROUP BY conversation_id HAVING max(written_at) < $1
         ), gone AS (
           DELETE FROM directline_transcripts t USING stale s WHERE t.conversation_id = s.conversation_id RETURNING t.conversation_id
         )
         SELECT count(DISTINCT conversation_id)::int AS n FROM gone`,
        [before],
      );
      return (rows[0] as { n?: number } | undefined)?.n ?? 0;
    },
  };
}
