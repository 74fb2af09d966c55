import { ConversationStore } from '../../src/directline/store.js';

/** The in-memory transcript is a replay buffer: bounded in bytes per conversation and in total. */
describe('Direct Line transcript bounds', () => {
  const big = (n: number) => ({ type: 'message', text: 'x'.repeat(n) });

  it('drops the oldest activities past the per-conversation byte cap; the watermark keeps counting', async () => {
    const store = new ConversationStore({ maxConversations: 10, maxActivities: 1000, maxBytes: 10_000, maxTotalBytes: 1e9 }, () => undefined);
    const conversation = await store.getOrCreate('c1', 0);
    for (let i = 0; i < 20; i++) conversation.append([big(1000)]);
    expect(conversation.transcriptBytes).toBeLessThanOrEqual(10_000);
    const all = conversation.since(undefined);
    expect(all.watermark).toBe('20');
    expect(all.activities.length).toBeLessThan(20);
    expect(all.activities.at(-1)?.id).toBe('c1|0000020');
    expect(store.bytes).toBe(conversation.transcriptBytes);
  });

  it('keeps the newest activity even when it alone is over the cap', async () => {
    const store = new ConversationStore({ maxConversations: 10, maxActivities: 1000, maxBytes: 100, maxTotalBytes: 1e9 }, () => undefined);
    const conversation = await store.getOrCreate('c1', 0);
    conversation.append([big(500)]);
    expect(conversation.since(undefined).activities).toHaveLength(1);
  });

  it('drops the least recently active conversations past the total byte cap, never the one being written', async () => {
    const evicted: string[] = [];
    const store = new ConversationStore({ maxConversations: 100, maxActivities: 1000, maxBytes: 1e9, maxTotalBytes: 25_000 }, (c) => evicted.push(c.id));
    const a = await store.getOrCreate('a', 0);
    a.append([big(10_000)]);
    for (const id of ['b', 'c']) (await store.getOrCreate(id, 0)).append([big(10_000)]);
    expect(evicted).toEqual(['a']);
    expect(store.bytes).toBeLessThanOrEqual(25_000);
    // An evicted conversation that finishes a late turn no longer counts.
    const before = store.bytes;
    a.append([big(10_000)]);
    expect(store.bytes).toBe(before);
    expect(store.all().map((c) => c.id)).toEqual(['b', 'c']);
  });
});
