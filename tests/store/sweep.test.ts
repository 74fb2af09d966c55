import { open, conversation, request, tempDir } from './helpers.js';

const DAY = 86_400_000;
const NOW = new Date('2026-04-30T12:00:00.000Z');
const daysAgo = (n: number): string => new Date(NOW.getTime() - n * DAY).toISOString();

describe('lowdb store retention sweep', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('deletes idle conversations and finished old requests, and keeps everything still owed', async () => {
    const store = await open(dir, 30);
    await store.conversations.put(conversation('idle', daysAgo(31)));
    await store.conversations.put(conversation('recent', daysAgo(29)));

    const old = daysAgo(40);
    await store.requests.put(request('delivered', { submittedAt: old }));
    await store.requests.put(request('closed', { submittedAt: old, status: 'closed' }));
    await store.requests.put(request('diversion', { submittedAt: old, kind: 'emergency-diversion', tier: 'emergency' }));
    await store.requests.put(request('pending', { submittedAt: old }));
    await store.requests.put(request('dead', { submittedAt: old }));
    await store.requests.put(request('closed-but-pending', { submittedAt: old, status: 'closed' }));
    await store.requests.put(request('open-not-enqueued', { submittedAt: old, status: 'in-progress' }));
    await store.requests.put(request('recent-delivered', { submittedAt: daysAgo(5) }));
    for (const id of ['delivered', 'pending', 'dead', 'closed-but-pending', 'recent-delivered']) await store.outbox.enqueue(id, new Date(old));
    await store.outbox.markDelivered('delivered', new Date(old));
    await store.outbox.markDelivered('recent-delivered', new Date(daysAgo(5)));
    await store.outbox.markFailed('dead', 'HTTP 400', null);

    // 'dead' goes too: a dead letter is kept 30 days after submission by default.
    expect(await store.sweep(NOW)).toEqual({ conversations: 1, requests: 4, auditLines: 0 });

    expect(await store.conversations.get('idle')).toBeUndefined();
    expect(await store.conversations.get('recent')).toBeDefined();
    const left = (await store.requests.list({ limit: 100, offset: 0 })).items.map((r) => r.id).sort();
    expect(left).toEqual(['closed-but-pending', 'open-not-enqueued', 'pending', 'recent-delivered']);
    await store.close();

    // The deletions are on disk, not only in memory.
    const reopened = await open(dir, 30);
    expect(await reopened.conversations.get('idle')).toBeUndefined();
    expect((await reopened.requests.list({ limit: 100, offset: 0 })).total).toBe(4);
    expect(await reopened.requests.get('delivered')).toBeUndefined();
    expect(await reopened.outbox.list('dead')).toHaveLength(0);
    expect(await reopened.sweep(NOW)).toEqual({ conversations: 0, requests: 0, auditLines: 0 });
    await reopened.close();
  });

  it('removes an emptied day partition and its old delivered log', async () => {
    const store = await open(dir, 30);
    // A current conversation: without anything recent the sweep would take the clock for wrong.
    await store.conversations.put(conversation('current', daysAgo(0)));
    await store.requests.put(request('r1', { submittedAt: daysAgo(40) }));
    await store.outbox.enqueue('r1', new Date(daysAgo(40)));
    await store.outbox.markDelivered('r1', new Date(daysAgo(40)));
    await store.sweep(NOW);
    await store.close();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(`${dir}/requests`)).toEqual([]);
    expect(await readdir(`${dir}/outbox/delivered`)).toEqual([]);
  });
});
