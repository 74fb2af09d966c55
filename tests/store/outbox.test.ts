import { open, tempDir } from './helpers.js';

const at = (iso: string): Date => new Date(iso);

describe('lowdb outbox', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('enqueues once per request with a stable idempotency key', async () => {
    const store = await open(dir);
    await Promise.all([store.outbox.enqueue('r1', at('2026-03-02T09:00:00Z')), store.outbox.enqueue('r1', at('2026-03-02T09:05:00Z'))]);
    const [entry] = await store.outbox.list();
    expect(await store.outbox.list()).toHaveLength(1);
    expect(entry).toMatchObject({ requestId: 'r1', state: 'pending', attempts: 0, nextAttemptAt: '2026-03-02T09:00:00.000Z' });
    await store.close();

    const reopened = await open(dir);
    await reopened.outbox.enqueue('r1', at('2026-03-02T10:00:00Z'));
    const again = await reopened.outbox.list();
    expect(again).toHaveLength(1);
    expect(again[0]?.idempotencyKey).toBe(entry?.idempotencyKey);
    await reopened.close();
  });

  it('returns due entries oldest first, backs off failures and dead-letters', async () => {
    const store = await open(dir);
    await store.outbox.enqueue('b', at('2026-03-02T09:01:00Z'));
    await store.outbox.enqueue('a', at('2026-03-02T09:00:00Z'));
    await store.outbox.enqueue('later', at('2026-03-02T12:00:00Z'));
    expect((await store.outbox.due(at('2026-03-02T10:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['a', 'b']);
    expect((await store.outbox.due(at('2026-03-02T10:00:00Z'), 1)).map((e) => e.requestId)).toEqual(['a']);

    await store.outbox.markFailed('a', 'HTTP 503', at('2026-03-02T10:05:00Z'));
    expect((await store.outbox.due(at('2026-03-02T10:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['b']);
    await store.outbox.markFailed('b', 'timeout', null);
    expect(await store.outbox.list('dead')).toEqual([expect.objectContaining({ requestId: 'b', state: 'dead', attempts: 1, lastError: 'timeout' })]);
    expect((await store.outbox.due(at('2026-03-02T11:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['a']);
    await store.close();
  });

  it('survives a reopen: pending, dead and delivered entries and their state', async () => {
    const store = await open(dir);
    await store.outbox.enqueue('p', at('2026-03-02T09:00:00Z'));
    await store.outbox.enqueue('d', at('2026-03-02T09:00:00Z'));
    await store.outbox.enqueue('ok', at('2026-03-02T09:00:00Z'));
    await store.outbox.markFailed('p', 'HTTP 500', at('2026-03-02T09:10:00Z'));
    await store.outbox.markFailed('d', 'HTTP 400', null);
    await store.outbox.markDelivered('ok', at('2026-03-02T09:01:00Z'));
    await store.close();

    const reopened = await open(dir);
    expect(await reopened.outbox.list('pending')).toEqual([expect.objectContaining({ requestId: 'p', attempts: 1, nextAttemptAt: '2026-03-02T09:10:00.000Z' })]);
    expect(await reopened.outbox.list('dead')).toEqual([expect.objectContaining({ requestId: 'd' })]);
    expect(await reopened.outbox.list('delivered')).toEqual([
      expect.objectContaining({ requestId: 'ok', state: 'delivered', attempts: 1, deliveredAt: '2026-03-02T09:01:00.000Z' }),
    ]);
    // A delivered request is never queued again, even though it left the outbox file.
    await reopened.outbox.enqueue('ok', at('2026-03-02T11:00:00Z'));
    expect(await reopened.outbox.due(at('2026-03-02T12:00:00Z'), 10)).toEqual([expect.objectContaining({ requestId: 'p' })]);
    await reopened.close();
  });

  it('moves a dead letter back to pending for an immediate attempt', async () => {
    const store = await open(dir);
    await store.outbox.enqueue('r1', at('2026-03-02T09:00:00Z'));
    await store.outbox.markFailed('r1', 'HTTP 410', null);
    const retried = await store.outbox.retry('r1', at('2026-03-02T15:00:00Z'));
    expect(retried).toMatchObject({ state: 'pending', attempts: 0, nextAttemptAt: '2026-03-02T15:00:00.000Z', lastError: 'HTTP 410' });
    expect((await store.outbox.due(at('2026-03-02T15:00:00Z'), 10)).map((e) => e.requestId)).toEqual(['r1']);
    expect(await store.outbox.retry('unknown', at('2026-03-02T15:00:00Z'))).toBeUndefined();
    await store.outbox.markDelivered('r1', at('2026-03-02T15:00:01Z'));
    expect(await store.outbox.retry('r1', at('2026-03-02T16:00:00Z'))).toMatchObject({ state: 'delivered' });
    expect(await store.outbox.due(at('2026-03-02T16:00:00Z'), 10)).toEqual([]);
    await store.close();
  });

  it('keeps only pending and dead entries in the outbox file', async () => {
    const store = await open(dir);
    await store.outbox.enqueue('r1', at('2026-03-02T09:00:00Z'));
    await store.outbox.markDelivered('r1', at('2026-03-02T09:00:05Z'));
    await store.close();
    const { readFile } = await import('node:fs/promises');
    expect(JSON.parse(await readFile(`${dir}/outbox/outbox.json`, 'utf8'))).toEqual({ format: 1, entries: {} });
    expect(await readFile(`${dir}/outbox/delivered/2026-03-02.jsonl`, 'utf8')).toContain('"requestId":"r1"');
  });
});
