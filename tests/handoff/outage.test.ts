import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRoutine } from '../../bench/load/driver.js';
import { hashApiKey } from '../../src/api/practice/index.js';
import { systemClock } from '../../src/clock.js';
import { createLogger } from '../../src/observability/logger.js';
import { openLowdbStore } from '../../src/store/index.js';
import { idempotencyKeyFor } from '../../src/store/lowdb/outbox.js';
import { projectRoot } from '../support/dialog.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { emergencyDiversion, routineRequest, urgentRequest } from './fixtures.js';

/**
 * Delivery through the real app with its default settings, a real receiver on 127.0.0.1 and the
 * app's injected clock: time is moved by hand and the worker run by hand, so an afternoon or three
 * days pass in a second and nothing depends on the machine's speed.
 */
const SECRET = 'outage-test-webhook-secret-0123';
const KEY = 'outage-test-practice-key-0123456789';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('delivery that waits out an outage (real app, real receiver)', () => {
  let receiver: Receiver;
  const apps: RunningApp[] = [];
  const dirs: string[] = [];
  beforeEach(async () => {
    receiver = await startReceiver({ secret: SECRET });
  });
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.close().catch(() => undefined);
    await receiver.close();
    for (const d of dirs.splice(0)) removeDir(d);
  });

  /** The demo practice with a practice API key, written to a temp folder. */
  function practiceFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'gp-outage-config-'));
    dirs.push(dir);
    const config = JSON.parse(readFileSync(join(projectRoot, 'config', 'practice.demo.json'), 'utf8')) as Record<string, unknown>;
    config.apiKeys = [{ name: 'ops', sha256: hashApiKey(KEY), scopes: ['read', 'write'] }];
    const path = join(dir, 'practice.json');
    writeFileSync(path, JSON.stringify(config));
    return path;
  }

  async function start(dataDir?: string): Promise<RunningApp> {
    const a = await startApp({
      practiceConfigPath: practiceFile(),
      webhook: { url: receiver.url, secret: SECRET },
      clockAt: '2026-11-25T12:00:00.000Z',
      ...(dataDir ? { dataDir } : {}),
    });
    apps.push(a);
    if (!dataDir) dirs.push(a.dataDir);
    return a;
  }

  async function ready(a: RunningApp) {
    const res = await fetch(`${a.url}/ready`);
    return (await res.json()) as { status: string; delivery?: { pending: number; oldestPendingSeconds: number; deadLetters: number } };
  }

  async function gauge(a: RunningApp, name: string): Promise<number> {
    const text = await (await fetch(`${a.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    return Number(line?.split(' ')[1]);
  }

  /** Moves the clock in `step` and runs the worker after each step, until `until` has passed. */
  async function pass(a: RunningApp, span: number, step: number): Promise<void> {
    for (let t = 0; t < span; t += step) {
      a.clock.advance(step);
      await a.app.delivery?.runOnce();
    }
  }

  /** Longest wait the worker scheduled between two attempts, from the audit log. */
  async function longestWait(a: RunningApp): Promise<number> {
    const retries = (await a.app.store.audit.read()).filter((e) => e.action === 'delivery.attempt' && e.detail?.outcome === 'retry');
    return Math.max(...retries.map((e) => Date.parse(String(e.detail?.nextAttemptAt)) - Date.parse(e.at)));
  }

  it('delivers every request once and dead-letters none when the practice system is down for an afternoon', async () => {
    const a = await start();
    await receiver.down();
    const ids: string[] = [];
    for (const c of ['pm-1', 'pm-2', 'pm-3']) ids.push((await runRoutine(a.url, c)).requestId ?? '');
    expect(ids.every(Boolean)).toBe(true);

    // 13:00 to 17:30 with the receiver refusing connections; the worker looks every minute.
    await pass(a, 4.5 * HOUR, MINUTE);
    expect(receiver.stored.size).toBe(0);
    const during = await ready(a);
    expect(during.status).toBe('ready');
    expect(during.delivery).toEqual({ pending: 3, oldestPendingSeconds: 4.5 * 3600, deadLetters: 0 });
    expect(await gauge(a, 'gp_intake_delivery_oldest_pending_seconds')).toBe(4.5 * 3600);

    await receiver.up();
    await pass(a, 20 * MINUTE, MINUTE);
    expect(new Set(receiver.stored.keys())).toEqual(new Set(ids.map(idempotencyKeyFor)));
    expect([...receiver.stored.values()].map((s) => s.count)).toEqual([1, 1, 1]);
    expect(await a.app.store.outbox.list('dead')).toEqual([]);
    expect(await a.app.store.outbox.list('pending')).toEqual([]);
    expect((await ready(a)).delivery).toEqual({ pending: 0, oldestPendingSeconds: 0, deadLetters: 0 });
    // Waits grew to the 15-minute cap and never past it.
    const longest = await longestWait(a);
    expect(longest).toBeGreaterThan(5 * MINUTE);
    expect(longest).toBeLessThanOrEqual(15 * MINUTE);
  });

  it('dead-letters at the 72-hour age limit, not before, and the practice API re-sends dead letters in bulk', async () => {
    const a = await start();
    await receiver.down();
    const ids = [(await runRoutine(a.url, 'wk-1')).requestId ?? '', (await runRoutine(a.url, 'wk-2')).requestId ?? ''];
    await pass(a, 71.5 * HOUR, 15 * MINUTE);
    expect((await ready(a)).delivery).toMatchObject({ pending: 2, deadLetters: 0 });
    await pass(a, 1.5 * HOUR, 15 * MINUTE);
    expect((await ready(a)).delivery).toEqual({ pending: 0, oldestPendingSeconds: 0, deadLetters: 2 });
    expect(await gauge(a, 'gp_intake_dead_letters')).toBe(2);

    await receiver.up();
    const call = (body: unknown, key = KEY) =>
      fetch(`${a.url}/api/practice/deliveries/dead/resend`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await call({ requestIds: [] })).status).toBe(400);
    expect((await call({ queuedSince: '2026-11-26T00:00:00Z', queuedBefore: '2026-11-25T00:00:00Z' })).status).toBe(400);
    expect((await call({}, 'wrong-key-0123456789')).status).toBe(401);
    const one = await call({ requestIds: [ids[0]] });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ resent: 1, skipped: 0, remaining: 0 });
    const rest = (await (await call({})).json()) as { resent: number; items: { requestId: string; state: string }[] };
    expect(rest.resent).toBe(1);
    expect(rest.items.map((e) => [e.requestId, e.state])).toEqual([[ids[1], 'pending']]);
    await a.app.delivery?.runOnce();
    expect(new Set(receiver.stored.keys())).toEqual(new Set(ids.map(idempotencyKeyFor)));
    const audit = await a.app.store.audit.read();
    expect(audit.filter((e) => e.action === 'deliveries.resend').map((e) => [e.actor, e.detail?.resent])).toEqual([
      ['ops', 1],
      ['ops', 1],
    ]);
    expect(audit.filter((e) => e.action === 'delivery.retry' && e.detail?.bulk === true).map((e) => e.requestId)).toEqual(ids);
  });

  it('queues at start-up a stored request the outbox never got (a crash between the two), and nothing else', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gp-outage-'));
    dirs.push(dataDir);
    const store = await openLowdbStore({ dataDir, retentionDays: 3650, clock: systemClock, logger: createLogger({ level: 'silent' }) });
    const lost = routineRequest({ id: 'req-lost-0001', reference: 'LOST0001' });
    const closed = urgentRequest({ id: 'req-closed-0001', reference: 'CLOS0001' });
    const diversion = emergencyDiversion({ id: 'req-999-0001', reference: 'EMER0001' });
    for (const r of [lost, closed, diversion]) await store.requests.put(r);
    await store.requests.setStatus(closed.id, 'closed', 'reception', new Date('2026-11-25T10:00:00Z'));
    await store.close();

    const a = await start(dataDir);
    expect(await a.app.delivery?.runOnce()).toMatchObject({ delivered: 1, dead: 0 });
    expect([...receiver.stored.keys()]).toEqual([idempotencyKeyFor(lost.id)]);
    expect(a.logs.join('')).toContain('queued stored requests the outbox did not have');
    await a.close();
    apps.splice(apps.indexOf(a), 1);

    // Delivered is known to the outbox: a second start-up queues nothing again.
    const b = await start(dataDir);
    await b.app.delivery?.runOnce();
    expect(receiver.attempts).toHaveLength(1);
    expect((await b.app.store.audit.read(lost.id)).filter((e) => e.action === 'delivery.enqueued')).toHaveLength(1);
  });
});
