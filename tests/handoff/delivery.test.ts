import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import type { IntakeRequest } from '../../src/domain/types.js';
import { createDeliveryWorker, enqueueForDelivery, type WebhookConfig } from '../../src/handoff/delivery/index.js';
import { toFhirBundle } from '../../src/handoff/fhir/index.js';
import { createLogger } from '../../src/observability/logger.js';
import { openLowdbStore, type Store } from '../../src/store/index.js';
import { startReceiver, type Receiver } from '../support/receiver.js';
import { emergencyDiversion, englishText, routineRequest, urgentRequest } from './fixtures.js';

const SECRET = 'test-secret-please-change';
const logger = createLogger({ level: 'silent' });
const toBundle = (r: IntakeRequest) => toFhirBundle(r, { englishText });

let dir: string;
let store: Store;
let receiver: Receiver;
const clock = fixedClock('2026-11-25T10:00:00.000Z');

async function open(): Promise<Store> {
  return openLowdbStore({ dataDir: dir, retentionDays: 30, clock, logger });
}

function worker(over: Partial<WebhookConfig> = {}, random = () => 0.5) {
  return createDeliveryWorker({
    store,
    clock,
    logger,
    random,
    toBundle,
    // Generous default timeout: suites run in parallel on small CI boxes; hang tests set their own.
    webhook: { url: receiver.url, secret: SECRET, timeoutMs: 5000, maxAgeMs: 3_600_000, baseDelayMs: 1000, maxDelayMs: 60_000, ...over },
  });
}

async function submit(req: IntakeRequest): Promise<void> {
  await store.requests.put(req);
  await enqueueForDelivery(store, req, clock);
}

const entry = async (id: string) => (await store.outbox.list()).find((e) => e.requestId === id);

beforeEach(async () => {
  clock.set('2026-11-25T10:00:00.000Z');
  dir = await mkdtemp(join(tmpdir(), 'handoff-delivery-'));
  store = await open();
  receiver = await startReceiver({ secret: SECRET });
});

afterEach(async () => {
  await receiver.close();
  await store.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe('delivery worker against a real receiver and the real lowdb store', () => {
  it('delivers a request once, signed, as FHIR JSON with the outbox idempotency key, and audits it', async () => {
    const req = urgentRequest();
    await submit(req);
    const w = worker();
    expect(await w.runOnce()).toEqual({ attempted: 1, delivered: 1, retrying: 0, dead: 0 });
    const e = await entry(req.id);
    expect(e?.state).toBe('delivered');
    expect(receiver.attempts).toHaveLength(1);
    expect(receiver.attempts[0]).toMatchObject({ signatureValid: true, contentType: 'application/fhir+json', idempotencyKey: e?.idempotencyKey });
    const body = receiver.stored.get(e?.idempotencyKey ?? '')?.body as { resourceType: string; identifier: { value: string } };
    expect(body).toMatchObject({ resourceType: 'Bundle', identifier: { value: req.id } });
    // Already delivered: a second run (and a second worker) sends nothing.
    expect((await w.runOnce()).attempted).toBe(0);
    expect((await worker().runOnce()).attempted).toBe(0);
    expect(receiver.attempts).toHaveLength(1);
    const audit = await store.audit.read(req.id);
    expect(audit.map((a) => [a.action, a.detail?.outcome])).toEqual([
      ['delivery.enqueued', undefined],
      ['delivery.attempt', 'delivered'],
    ]);
  });

  it('concurrent runOnce calls share one run (no double POST)', async () => {
    await submit(routineRequest());
    const w = worker();
    await Promise.all([w.runOnce(), w.runOnce(), w.runOnce()]);
    expect(receiver.attempts).toHaveLength(1);
  });

  it('retries 5xx with exponential backoff and full jitter, then delivers', async () => {
    const req = routineRequest();
    await submit(req);
    receiver.setMode('fail');
    const w = worker({}, () => 0.5);
    const t0 = clock.now().getTime();
    expect((await w.runOnce()).retrying).toBe(1);
    let e = await entry(req.id);
    expect(e).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(Date.parse(e?.nextAttemptAt ?? '')).toBe(t0 + 500); // 0.5 * 1000 * 2^0
    expect((await w.runOnce()).attempted).toBe(0); // not due yet
    clock.advance(500);
    await w.runOnce();
    e = await entry(req.id);
    expect(Date.parse(e?.nextAttemptAt ?? '')).toBe(clock.now().getTime() + 1000); // 0.5 * 1000 * 2^1
    clock.advance(1000);
    await w.runOnce();
    e = await entry(req.id);
    expect(Date.parse(e?.nextAttemptAt ?? '')).toBe(clock.now().getTime() + 2000); // 2^2
    receiver.setMode('ok');
    clock.advance(2000);
    expect((await w.runOnce()).delivered).toBe(1);
    expect(receiver.stored.size).toBe(1);
    const outcomes = (await store.audit.read(req.id)).filter((a) => a.action === 'delivery.attempt').map((a) => a.detail?.outcome);
    expect(outcomes).toEqual(['retry', 'retry', 'retry', 'delivered']);
  });

  it('jitter is drawn from the injected random source, capped by maxDelayMs', async () => {
    const req = routineRequest();
    await submit(req);
    receiver.setMode('fail');
    const w = worker({ maxDelayMs: 1500 }, () => 0.999);
    for (let i = 0; i < 4; i++) {
      await w.runOnce();
      const e = await entry(req.id);
      expect(Date.parse(e?.nextAttemptAt ?? '') - clock.now().getTime()).toBeLessThanOrEqual(1500);
      clock.advance(1500);
    }
  });

  it.each([
    ['200 with a garbage body', 'garbage' as const, /unparsable body/],
    ['a hang (timeout)', 'hang' as const, /timeout after 300 ms/],
    ['a closed socket', 'close-socket' as const, /network error/],
  ])('treats %s as not delivered, retries, and the receiver ends with exactly one stored copy', async (_n, mode, error) => {
    const req = routineRequest();
    await submit(req);
    receiver.setMode(mode);
    const w = worker({ timeoutMs: 300 });
    expect((await w.runOnce()).retrying).toBe(1);
    expect((await entry(req.id))?.lastError).toMatch(error);
    receiver.setMode('ok');
    clock.advance(60_000);
    expect((await w.runOnce()).delivered).toBe(1);
    expect(receiver.stored.size).toBe(1);
    // With 'garbage' the receiver stored the first attempt too: the retry was deduplicated by key.
    if (mode === 'garbage') expect([...receiver.stored.values()][0]?.count).toBe(2);
  });

  it('treats a receiver that is down (connection refused) as retryable, and a slow one within the timeout as delivered', async () => {
    const req = routineRequest();
    await submit(req);
    await receiver.down();
    const w = worker({ timeoutMs: 3000 });
    expect((await w.runOnce()).retrying).toBe(1);
    expect((await entry(req.id))?.lastError).toMatch(/network error: ECONNREFUSED/);
    await receiver.up();
    receiver.setMode('slow', { slowMs: 300 });
    clock.advance(60_000);
    expect((await w.runOnce()).delivered).toBe(1);
  });

  it('a wrong secret is rejected by the receiver (401) and retried, never counted as delivered', async () => {
    const req = routineRequest();
    await submit(req);
    await worker({ secret: 'wrong' }).runOnce();
    expect(receiver.attempts[0]?.signatureValid).toBe(false);
    expect((await entry(req.id))?.lastError).toBe('HTTP 401');
    expect(receiver.stored.size).toBe(0);
  });

  it('retries until the age limit, then dead-letters and stops trying; a manual retry restarts the clock and delivers it', async () => {
    const req = routineRequest();
    await submit(req);
    receiver.setMode('fail');
    const w = worker({ maxAgeMs: 10 * 60_000, maxDelayMs: 60_000 });
    const outcomes: string[] = [];
    // One run a minute for 15 minutes: due every time (waits are capped at a minute).
    for (let i = 0; i < 15; i++) {
      const r = await w.runOnce();
      if (r.attempted) outcomes.push(r.dead ? 'dead' : 'retrying');
      clock.advance(60_000);
    }
    // Attempts at minutes 0..9 are retried; the first failure at or past 10 minutes is the last.
    expect(outcomes.filter((o) => o === 'retrying').length).toBeGreaterThanOrEqual(8);
    expect(outcomes.at(-1)).toBe('dead');
    const dead = await store.outbox.list('dead');
    expect(dead.map((e) => [e.requestId, e.lastError])).toEqual([[req.id, 'HTTP 503']]);
    const tries = receiver.attempts.length;
    clock.advance(3_600_000);
    expect((await w.runOnce()).attempted).toBe(0);
    expect(receiver.attempts).toHaveLength(tries);
    // Re-sent by a person long after the limit: it gets a fresh age limit, not an instant dead letter.
    await store.outbox.retry(req.id, clock.now());
    expect((await w.runOnce()).retrying).toBe(1);
    receiver.setMode('ok');
    clock.advance(60_000);
    expect((await w.runOnce()).delivered).toBe(1);
  });

  it('never delivers an emergency diversion: not enqueued, and refused if something enqueued it anyway', async () => {
    const req = emergencyDiversion();
    await store.requests.put(req);
    expect(await enqueueForDelivery(store, req, clock)).toEqual({ enqueued: false, reason: 'emergency-diversion' });
    expect(await store.outbox.list()).toEqual([]);
    await store.outbox.enqueue(req.id, clock.now()); // a wiring mistake elsewhere
    expect((await worker().runOnce()).dead).toBe(1);
    expect(receiver.attempts).toHaveLength(0);
    expect((await entry(req.id))?.lastError).toMatch(/emergency diversion/);
    expect((await store.audit.read(req.id)).map((a) => a.action)).toContain('delivery.not-enqueued');
  });

  it('recovers after a restart: close the store, reopen it, and a new worker delivers what was pending', async () => {
    const a = routineRequest({ id: 'req-a' });
    const b = urgentRequest({ id: 'req-b' });
    await submit(a);
    await submit(b);
    // First life: receiver answers garbage, so it STORES both but the worker cannot know.
    receiver.setMode('garbage');
    expect((await worker().runOnce()).retrying).toBe(2);
    await store.close();

    // Second life: new store instance on the same directory, new worker.
    store = await open();
    expect((await store.outbox.list('pending')).map((e) => e.requestId).sort()).toEqual(['req-a', 'req-b']);
    receiver.setMode('ok');
    clock.advance(60_000);
    expect((await worker().runOnce()).delivered).toBe(2);
    // Exactly once from the receiver's point of view: two keys, each stored once (second copy deduped).
    expect(receiver.stored.size).toBe(2);
    await store.close();

    store = await open();
    expect((await store.outbox.list('delivered')).length).toBe(2);
    expect((await worker().runOnce()).attempted).toBe(0);
    expect(receiver.attempts).toHaveLength(4);
  });

  it('start()/stop() deliver on a timer and stop cleanly', async () => {
    await submit(routineRequest());
    const w = worker();
    w.start(20);
    for (let i = 0; i < 100 && receiver.stored.size === 0; i++) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(receiver.stored.size).toBe(1);
  });
});
