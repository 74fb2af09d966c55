/**
 * Two real server processes (src/index.ts in children, tsx) on one fresh PostgreSQL database, the
 * turns of many conversations sent to either at random, and SIGKILL of one of them in the middle of
 * the load (then restarted on the same port). Proves, across processes:
 *   - every conversation resumes at its last completed turn, whichever process takes the next turn
 *     (a kept statechart actor is never used once the other process has moved the conversation on);
 *   - a turn in flight on the killed process, retried on the other with the same activity id, is
 *     either answered with the replies it already produced or taken now, never taken twice;
 *   - every consented request is stored once (one row, one 'request.stored' audit line) and delivered
 *     once (one Idempotency-Key at a real HMAC-checking receiver on 127.0.0.1), the two processes'
 *     delivery workers sharing the outbox.
 * Skipped with a message without DATABASE_URL (CI's .ci/run sets it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, stopChild, waitReady, writePracticeConfig, type Child } from '../../bench/load/child.js';
import { prng, ROUTINE_ANSWERS, ROUTINE_NEXT, send, type Reply } from '../../bench/load/driver.js';
import { idempotencyKeyFor } from '../../src/store/outboxKey.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { INVALID_TEXTS, waitFor } from '../support/faults.js';
import { createTestDatabase, describePg, type TestDatabase } from '../store/pg.js';

const SECRET = 'multi-process-webhook-secret-0123456789';
const SEED = Number(process.env.FAULT_SEED ?? 20261206);
const N = 24;


interface Conv {
  id: string;
  /** Last state whose reply the driver received. */
  state: string;
  /** Activities sent so far; each turn has its own activity id `<id>-<n>`, a retry re-uses it. */
  sent: number;
  requestId?: string;
  /** Turns whose reply came from the process other than the one that took the turn before. */
  switches: number;
  retriedElsewhere: number;
}

describePg('two server processes on one PostgreSQL database', () => {
  let db: TestDatabase | undefined;
  let receiver: Receiver | undefined;
  const children: Child[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) await stopChild(c, 'SIGKILL');
    await receiver?.close();
    receiver = undefined;
    await db?.drop();
    db = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('turns sent to either at random, one SIGKILLed mid-load: every conversation resumes, every request stored and delivered once', async () => {
    console.log(`multi-process test seed ${SEED} (FAULT_SEED=${SEED} to reproduce the choices and think times)`);
    const rand = prng(SEED);
    db = await createTestDatabase();
    const root = mkdtempSync(join(tmpdir(), 'gp-multi-'));
    dirs.push(root);
    receiver = await startReceiver({ secret: SECRET });
    const rcv = receiver;
    const env = {
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
      RETENTION_DAYS: '3650',
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '6',
      DIRECTLINE_SECRET: 'multi-process-directline-secret-0123456789',
      PRACTICE_WEBHOOK_URL: rcv.url,
      PRACTICE_WEBHOOK_SECRET: SECRET,
      PRACTICE_CONFIG: writePracticeConfig(root, { routineDailyCapacity: null }),
    };
    // Each process gets its own (unused) DATA_DIR: with DATABASE_URL nothing is kept there.
    // /health answers while start-up waits for the database: ready is /ready.
    const start = async (name: string, port?: number) => {
      const child = await startServer({ dataDir: join(root, name), env, ...(port ? { port } : {}) }, 90_000);
      children.push(child);
      await waitReady(child, '/ready', 90_000);
      return child;
    };
    // One at a time: the second finds the schema migrated (and the migration lock shows no error).
    const servers: (Child | undefined)[] = [await start('a'), undefined];
    servers[1] = await start('b');
    const alive = () => servers.filter((c): c is Child => c !== undefined && c.proc.exitCode === null && c.proc.signalCode === null);

    const convs: Conv[] = Array.from({ length: N }, (_, i) => ({ id: `multi-${SEED}-${i}`, state: '', sent: 0, switches: 0, retriedElsewhere: 0 }));
    const fast = new Set(convs.slice(0, 4));
    let turns = 0;

    /** One turn, to a random live process; a turn cut off by the kill is retried (same activity id) on another. */
    const turn = async (c: Conv, previous: Child | undefined): Promise<{ reply: Reply; by: Child }> => {
      const answer = ROUTINE_ANSWERS[c.state];
      if (answer === undefined) throw new Error(`${c.id}: no answer for state '${c.state}'`);
      c.sent += 1;
      const activityId = `${c.id}-${c.sent}`;
      for (let attempt = 0; attempt < 20; attempt++) {
        const choices = alive();
        const by = choices[Math.floor(rand() * choices.length)];
        if (!by) throw new Error('no server alive');
        try {
          const reply = await send(by.url, c.id, answer, undefined, activityId);
          if (previous && by !== previous) c.switches += 1;
          return { reply, by };
        } catch {
          // Refused or reset by the kill: the same activity again, on whichever process is alive.
          c.retriedElsewhere += 1;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      throw new Error(`${c.id}: no process answered ${activityId}`);
    };

    const drive = async (c: Conv) => {
      let previous: Child | undefined;
      for (let step = 0; step < 40 && c.state !== 'submitted'; step++) {
        const { reply, by } = await turn(c, previous);
        previous = by;
        const expected = ROUTINE_NEXT[c.state] ?? [];
        // Resumed at the last completed turn: the answer to the step it was at moves it to the next step.
        expect([c.id, c.state, reply.status, reply.state, expected.includes(reply.state)]).toEqual([c.id, c.state, 200, reply.state, true]);
        expect([c.id, INVALID_TEXTS.filter((t) => reply.texts.some((x) => x.includes(t)))]).toEqual([c.id, []]);
        c.state = reply.state;
        if (reply.requestId) c.requestId = reply.requestId;
        turns += 1;
        // A few conversations run fast, so some are sent (and delivered) before the kill.
        await new Promise((r) => setTimeout(r, fast.has(c) ? rand() * 20 : 50 + rand() * 250));
      }
    };

    let failure: unknown;
    const load = Promise.all(convs.map((c) => drive(c))).catch((err: unknown) => {
      failure = err;
    });
    // SIGKILL one process once a third of the turns are done and a request is sent (most mid-intake).
    const totalTurns = N * (Object.keys(ROUTINE_ANSWERS).length - 1);
    const sentOne = () => convs.some((c) => c.state === 'submitted');
    await waitFor('a third of the turns and a request sent', () => failure !== undefined || (turns >= totalTurns / 3 && sentOne()), 120_000);
    if (failure) throw failure;
    const victimIndex = rand() < 0.5 ? 0 : 1;
    const victim = servers[victimIndex];
    if (!victim) throw new Error('no victim');
    victim.proc.kill('SIGKILL');
    expect((await victim.exited).signal).toBe('SIGKILL');
    const killedAt = turns;
    const submittedAtKill = convs.filter((c) => c.state === 'submitted').length;
    const deliveredAtKill = rcv.stored.size;
    // Restarted on the same port while the load goes on against the survivor.
    servers[victimIndex] = await start(victimIndex === 0 ? 'a2' : 'b2', victim.port);
    await load;
    if (failure) throw failure;

    const switches = convs.reduce((n, c) => n + c.switches, 0);
    const retried = convs.reduce((n, c) => n + c.retriedElsewhere, 0);
    console.log(`kill after ${killedAt} of ${turns} turns (${submittedAtKill} submitted, ${deliveredAtKill} delivered then); ${switches} turns moved between processes; ${retried} sends retried after the kill`);
    expect(killedAt).toBeGreaterThan(0);
    expect(submittedAtKill).toBeGreaterThanOrEqual(1);
    expect(submittedAtKill).toBeLessThan(N);
    expect(switches).toBeGreaterThan(N);
    const ids = convs.map((c) => c.requestId ?? '');
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(N);

    // Delivered once each: one stored entry per idempotency key, by the two processes' workers together.
    await waitFor(`${N} deliveries`, () => rcv.stored.size >= N, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    expect(new Set(rcv.stored.keys())).toEqual(new Set(ids.map(idempotencyKeyFor)));
    expect(rcv.attempts.every((a) => a.signatureValid)).toBe(true);
    const repeated = rcv.attempts.length - rcv.stored.size;
    console.log(`deliveries: ${rcv.stored.size} unique keys, ${rcv.attempts.length} attempts (${repeated} repeated with the same key: a lease left by the kill)`);
    // Only a delivery in flight at the kill may be repeated (its lease runs out); none otherwise.
    expect(repeated).toBeLessThanOrEqual(1);

    // Stored once each, read straight from the database.
    const requests = await db.sql<{ id: string; kind: string }>('SELECT id, kind FROM requests');
    expect(requests.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(requests.every((r) => r.kind === 'request')).toBe(true);
    const stored = await db.sql<{ request_id: string; n: number }>(
      `SELECT request_id, count(*)::int AS n FROM audit WHERE entry->>'action' = 'request.stored' GROUP BY request_id`,
    );
    expect(stored.map((r) => [r.request_id, r.n]).sort()).toEqual([...ids].sort().map((id) => [id, 1]));
    const outbox = await db.sql<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM outbox GROUP BY state');
    expect(outbox).toEqual([{ state: 'delivered', n: N }]);
    const conversations = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM conversations WHERE id LIKE 'test:multi-%'`);
    expect(conversations[0]?.n).toBe(N);

    for (const c of children.splice(0)) await stopChild(c, 'SIGTERM');
  }, 300_000);
});
