import { afterEach, beforeEach, expect, test } from '@jest/globals';
import type pg from 'pg';
import { systemClock } from '../../src/clock.js';
import { pgTranscripts } from '../../src/directline/pgTranscripts.js';
import { createPostgresStore } from '../../src/store/index.js';
import { createPool } from '../../src/store/postgres/db.js';
import { createTestDatabase, describePg, type TestDatabase } from '../store/pg.js';
import { callDirectLine, SECRET, startEchoServer, type EchoServer, type Json } from './echoServer.js';

/**
 * Direct Line transcripts in PostgreSQL: a web chat whose next request lands on another server
 * (the first one gone: a failover or a rolling deploy) is read back there with the same activities,
 * ids and watermark, and carries on without a second greeting. Real database, real HTTP.
 */
let db: TestDatabase;
let pool: pg.Pool;
const servers: EchoServer[] = [];

describePg('Direct Line transcripts in PostgreSQL', () => {
  beforeEach(async () => {
    db = await createTestDatabase();
    // The schema comes with the store's migrations (003 holds the transcripts).
    await (await createPostgresStore({ connectionString: db.url, retentionDays: 30, clock: systemClock })).close();
    pool = createPool({ connectionString: db.url, max: 2 });
  });
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    await pool.end();
    await db.drop();
  });

  const start = async (): Promise<EchoServer> => {
    const s = await startEchoServer({ transcripts: pgTranscripts(pool) });
    servers.push(s);
    return s;
  };
  const call = (srv: EchoServer, method: string, path: string, token: string, body?: unknown) => callDirectLine(`${srv.url}/v3/directline`, method, path, token, body);
  const texts = (json: Json) => (json.activities as { text?: string }[]).map((a) => a.text ?? '');

  test('another server reads the chat back with its watermark and carries on; no second greeting', async () => {
    const first = await start();
    const gen = await call(first, 'POST', '/tokens/generate', SECRET);
    const conv = await call(first, 'POST', '/conversations', gen.json.token as string, { locale: 'en-GB' });
    const { conversationId, token } = conv.json as { conversationId: string; token: string };
    await call(first, 'POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'my knee hurts' });
    const before = await call(first, 'GET', `/conversations/${conversationId}/activities`, token);
    expect(before.json.watermark).toBe('3');
    await first.close();
    servers.splice(servers.indexOf(first), 1);

    const second = await start();
    const after = await call(second, 'GET', `/conversations/${conversationId}/activities`, token);
    expect(after.json).toEqual(before.json);
    expect(second.turns).toEqual([]);
    const posted = await call(second, 'POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'since Monday' });
    expect(posted.json.id).toBe(`${conversationId}|0000004`);
    const since = await call(second, 'GET', `/conversations/${conversationId}/activities?watermark=3`, token);
    expect(texts(since.json)).toEqual(['since Monday', 'echo: since Monday']);
    expect(since.json.watermark).toBe('5');
    expect(await db.sql('SELECT seq FROM directline_transcripts WHERE conversation_id = $1 ORDER BY seq', [conversationId])).toEqual(
      [1, 2, 3, 4, 5].map((seq) => ({ seq })),
    );
  });

  test('replace, remove and retention', async () => {
    const t = pgTranscripts(pool);
    const entry = (seq: number) => ({ seq, activity: { type: 'message', text: `m${seq}` } });
    await t.append('c1', [entry(1), entry(2)]);
    await t.append('c2', [entry(1)]);
    await t.replace('c1', [entry(3)], { durable: true });
    expect(await t.load('c1')).toEqual([entry(3)]);
    await t.remove('c2');
    expect(await t.load('c2')).toBeUndefined();
    await t.append('c3', [entry(1)]);
    await db.sql(`UPDATE directline_transcripts SET written_at = now() - interval '31 days' WHERE conversation_id = 'c1'`);
    expect(await t.sweep(new Date(Date.now() - 30 * 86_400_000))).toBe(1);
    expect(await t.load('c1')).toBeUndefined();
    expect(await t.load('c3')).toEqual([entry(1)]);
  });
});
