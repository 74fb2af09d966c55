/**
 * PostgreSQL going away under the real server (src/index.ts in a child, tsx), through a TCP proxy
 * that refuses and cuts connections as a network cut, a restart or a failover does:
 *   - at start-up: /health answers, /ready is 503 saying it waits for the database, the store's
 *     retries with backoff are logged, and the server becomes ready once the database is back;
 *   - in the middle of a conversation: the patient is told to try again shortly ('dialog.error'),
 *     an emergency is still diverted, /ready is 503 with the reason, nothing of those turns is
 *     stored; once the database is back (the pool reconnects) the conversation resumes at its last
 *     completed turn and its request is stored once.
 * Skipped with a message without DATABASE_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopChild, waitReady, writePracticeConfig, type Child } from '../../bench/load/child.js';
import { ROUTINE_ANSWERS, ROUTINE_NEXT, send } from '../../bench/load/driver.js';
import { createTestDatabase, describePg, type TestDatabase } from '../store/pg.js';
import { startTcpProxy, type TcpProxy } from '../store/tcpProxy.js';

async function ready(child: Child): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${child.url}/ready`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function until(what: string, cond: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describePg('PostgreSQL down under the real server', () => {
  let db: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let child: Child | undefined;
  const dirs: string[] = [];
  afterEach(async () => {
    if (child) await stopChild(child, 'SIGKILL');
    child = undefined;
    await proxy?.close();
    await db?.drop();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('waits for it at start-up, apologises (and still diverts emergencies) while it is down, resumes once it is back', async () => {
    db = await createTestDatabase();
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(db.url).port || 5432));
    await proxy.cut();
    const url = new URL(db.url);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    // Trust authentication ignores it; it must never be logged.
    url.username = 'postgres';
    url.password = 'db-password-never-logged';
    const root = mkdtempSync(join(tmpdir(), 'gp-dbdown-'));
    dirs.push(root);
    child = await startServer({
      dataDir: join(root, 'data'),
      env: {
        DATABASE_URL: url.toString(),
        PRACTICE_CONFIG: writePracticeConfig(root, { routineDailyCapacity: null }),
        RATE_LIMIT_PER_MINUTE: '100000',
        LOG_LEVEL: 'info',
      },
    });
    const server = child;

    // Start-up with the database down: alive, not ready, and saying why.
    expect(await ready(server)).toEqual({ status: 503, body: { status: 'not-ready', store: false, reason: 'waiting for the database' } });
    await until('a logged retry', async () => server.stdout().includes('PostgreSQL not reachable yet; retrying'), 20_000);
    await proxy.restore();
    await waitReady(server, '/ready', 90_000);
    expect(server.stdout() + server.stderr()).not.toContain('db-password-never-logged');
    expect(server.stdout()).toContain(`127.0.0.1:${proxy.port}/${db.name}`);

    // A conversation up to the step after the description.
    const conversation = 'dbdown-1';
    let state = '';
    for (let i = 0; i < 6; i++) state = (await send(server.url, conversation, ROUTINE_ANSWERS[state] ?? 'hello')).state;
    expect(ROUTINE_NEXT[state]).toBeDefined();
    const before = await db.sql<{ updated_at: Date }>('SELECT updated_at FROM conversations WHERE id = $1', [`test:${conversation}`]);
    expect(before).toHaveLength(1);

    // The database goes away in the middle of it.
    await proxy.cut();
    const apology = await send(server.url, conversation, ROUTINE_ANSWERS[state] ?? '');
    expect([apology.status, apology.state]).toEqual([200, 'error']);
    expect(apology.texts.join('\n')).toMatch(/something went wrong/);
    // Emergencies are still diverted, in this conversation and in a new one.
    for (const id of [conversation, 'dbdown-2']) {
      const emergency = await send(server.url, id, 'my dad has collapsed and is not breathing');
      expect(emergency.status).toBe(200);
      expect(emergency.texts.join('\n')).toMatch(/Call 999 now/);
    }
    const down = await ready(server);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'not-ready', store: false, reason: expect.stringMatching(/store not writable/) as unknown });

    // Back: the pool reconnects, nothing of the turns above was stored, and the conversation
    // resumes at its last completed turn.
    await proxy.restore();
    await until('ready again', async () => (await ready(server)).status === 200, 30_000);
    const after = await db.sql<{ updated_at: Date }>('SELECT updated_at FROM conversations WHERE id = $1', [`test:${conversation}`]);
    expect(after).toEqual(before);
    expect(await db.sql('SELECT id FROM conversations WHERE id = $1', ['test:dbdown-2'])).toEqual([]);
    expect(await db.sql('SELECT id FROM requests')).toEqual([]);
    const resumed = await send(server.url, conversation, ROUTINE_ANSWERS[state] ?? '');
    expect(ROUTINE_NEXT[state]).toContain(resumed.state);
    state = resumed.state;
    for (let i = 0; i < 30 && state !== 'submitted'; i++) state = (await send(server.url, conversation, ROUTINE_ANSWERS[state] ?? '')).state;
    expect(state).toBe('submitted');
    expect(await db.sql<{ n: number }>('SELECT count(*)::int AS n FROM requests')).toEqual([{ n: 1 }]);
  }, 240_000);
});
