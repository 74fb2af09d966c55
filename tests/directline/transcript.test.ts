import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileTranscripts } from '../../src/directline/fileTranscripts.js';
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

/** The same bounds hold for a transcript read back from the transcript store (after a restart, or dropped from memory). */
describe('Direct Line transcript bounds with a transcript store', () => {
  const big = (n: number) => ({ type: 'message', text: 'x'.repeat(n) });
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dl-bounds-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const persistence = () => ({ transcripts: fileTranscripts(dir), onError: (err: unknown) => { throw err; } });

  it('a conversation read back keeps to the byte cap and counts its bytes in the total', async () => {
    const before = new ConversationStore({ maxConversations: 10, maxActivities: 1000, maxBytes: 1e9, maxTotalBytes: 1e9 }, () => undefined, persistence());
    const written = await before.getOrCreate('c1', 0);
    for (let i = 0; i < 20; i++) written.append([big(1000)]);
    await written.saved();

    const after = new ConversationStore({ maxConversations: 10, maxActivities: 1000, maxBytes: 10_000, maxTotalBytes: 1e9 }, () => undefined, persistence());
    const restored = await after.getOrCreate('c1', 0);
    expect(restored.takeFresh()).toBe(false);
    expect(restored.transcriptBytes).toBeLessThanOrEqual(10_000);
    expect(restored.transcriptBytes).toBe(restored.since(undefined).activities.reduce((n, a) => n + Buffer.byteLength(JSON.stringify(a)), 0));
    expect(after.bytes).toBe(restored.transcriptBytes);
    const all = restored.since(undefined);
    expect(all.watermark).toBe('20');
    expect(all.activities.at(-1)?.id).toBe('c1|0000020');

    // Accounting carries on from there, and the file stays within about twice the cap.
    for (let i = 0; i < 30; i++) restored.append([big(1000)]);
    await restored.saved();
    expect(after.bytes).toBe(restored.transcriptBytes);
    expect(restored.transcriptBytes).toBeLessThanOrEqual(10_000);
    const [file] = readdirSync(dir);
    expect(statSync(join(dir, file!)).size).toBeLessThanOrEqual(2 * 10_000 + 2 * 1100);
  });

  it('a conversation dropped past the total cap is read back from its file with its watermark and counted again', async () => {
    const evicted: string[] = [];
    const store = new ConversationStore({ maxConversations: 100, maxActivities: 1000, maxBytes: 1e9, maxTotalBytes: 25_000 }, (c) => evicted.push(c.id), persistence());
    (await store.getOrCreate('a', 0)).append([big(10_000)]);
    for (const id of ['b', 'c']) (await store.getOrCreate(id, 0)).append([big(10_000)]);
    expect(evicted).toEqual(['a']);

    const a = await store.find('a', 1);
    expect(a?.since(undefined).watermark).toBe('1');
    expect(a?.takeFresh()).toBe(false);
    expect(evicted).toEqual(['a', 'b']);
    expect(store.bytes).toBe(store.all().reduce((n, c) => n + c.transcriptBytes, 0));
    expect(store.bytes).toBeLessThanOrEqual(25_000);
    expect(a?.append([big(10)]).watermark).toBe('2');
    // Every write handed to the transcript store finishes before the folder is removed (afterEach):
    // on a busy machine one still pending then failed with ENOENT.
    await Promise.all([a, ...store.all()].map((c) => c?.saved()));
  });

  it('remove deletes the stored transcript, and a turn finishing afterwards does not write it again', async () => {
    const store = new ConversationStore({ maxConversations: 10, maxActivities: 1000, maxBytes: 1e9, maxTotalBytes: 1e9 }, () => undefined, persistence());
    const c = await store.getOrCreate('c1', 0);
    c.append([big(100)]);
    await store.remove('c1');
    c.append([big(100)]); // a late reply of a turn that was in flight
    await c.saved();
    expect(readdirSync(dir)).toEqual([]);
    expect(store.bytes).toBe(0);
    expect(await store.find('c1', 0)).toBeUndefined();
  });
});
