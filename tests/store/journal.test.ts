import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { JournalConversationStore } from '../../src/store/lowdb/conversations.js';
import { conversation, tempDir } from './helpers.js';

/**
 * The conversation journal on real files, with small segments and a low compaction floor so that
 * rotation and compaction happen within a few dozen puts.
 */
const SMALL = { maxSegmentBytes: 2048, minGarbageBytes: 1024 };
const at = (n: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, n)).toISOString();

describe('conversation journal', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  const segments = async () => (await readdir(join(dir, 'conversations'))).filter((n) => n.endsWith('.jsonl')).sort();

  it('compacts by itself: old segments go, the latest value of each conversation stays, across a restart', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    for (let round = 0; round < 40; round++) {
      await Promise.all(['a', 'b', 'c'].map((id) => store.put(conversation(id, at(round), `q${round}`))));
    }
    await store.idle();
    const { liveBytes, totalBytes } = store.journal.stats;
    // Without compaction 120 lines (~14 kB) would be on disk; garbage is kept below max(live, floor) + a segment.
    expect(totalBytes).toBeLessThan(liveBytes + SMALL.minGarbageBytes + SMALL.maxSegmentBytes + 1024);
    const names = await segments();
    expect(names[0]).not.toBe('journal-00000001.jsonl');
    await store.close();

    const reopened = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    for (const id of ['a', 'b', 'c']) expect(await reopened.get(id)).toEqual(conversation(id, at(39), 'q39'));
    expect(reopened.count).toBe(3);
    await reopened.close();
  });

  it('never brings a deleted conversation back after compaction and a restart', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    await store.put(conversation('gone', at(0)));
    await store.put(conversation('kept', at(0)));
    await store.delete('gone');
    for (let i = 1; i < 40; i++) await store.put(conversation('busy', at(i), `q${i}`));
    await store.journal.compact();
    expect(await store.get('gone')).toBeUndefined();
    await store.close();

    const reopened = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    expect(await reopened.get('gone')).toBeUndefined();
    expect(await reopened.get('kept')).toEqual(conversation('kept', at(0)));
    expect(await reopened.get('busy')).toEqual(conversation('busy', at(39), 'q39'));
    await reopened.close();
  });

  it('keeps the newest value of conversations written while a compaction runs', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir, ...SMALL, minGarbageBytes: 1e9 });
    const ids = Array.from({ length: 20 }, (_, i) => `c${i}`);
    for (let round = 0; round < 5; round++) await Promise.all(ids.map((id) => store.put(conversation(id, at(round), `q${round}`))));
    // Compaction and a new round of turns interleave: every put must win over its relocated old copy.
    const compaction = store.journal.compact();
    const writes = Promise.all(ids.map(async (id, i) => store.put(conversation(id, at(10 + (i % 3)), `new${i}`))));
    await Promise.all([compaction, writes]);
    for (const [i, id] of ids.entries()) expect(await store.get(id)).toEqual(conversation(id, at(10 + (i % 3)), `new${i}`));
    await store.close();

    const reopened = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    for (const [i, id] of ids.entries()) expect(await reopened.get(id)).toEqual(conversation(id, at(10 + (i % 3)), `new${i}`));
    await reopened.close();
  });

  it('reads conversations that are no longer cached from disk', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir, ...SMALL, cacheEntries: 2 });
    const ids = Array.from({ length: 12 }, (_, i) => `cold-${i}`);
    for (const id of ids) await store.put(conversation(id, at(1), id));
    for (const id of ids) expect(await store.get(id)).toEqual(conversation(id, at(1), id));
    expect((await segments()).length).toBeGreaterThan(1);
    await store.close();
  });

  it('sweeps only conversations idle before the cutoff, and not one a turn is writing', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir, ...SMALL });
    await store.put(conversation('old', at(0)));
    await store.put(conversation('touched', at(0)));
    await store.put(conversation('recent', at(30)));
    const turn = store.put(conversation('touched', at(40)));
    expect(await store.sweep(Date.parse(at(20)))).toBe(1);
    await turn;
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('touched')).toEqual(conversation('touched', at(40)));
    expect(await store.get('recent')).toBeDefined();
    await store.close();
  });

  it('lands 500 concurrent turns in far fewer writes than turns (group commit), each readable after', async () => {
    const store = await JournalConversationStore.open({ dataDir: dir });
    const ids = Array.from({ length: 500 }, (_, i) => `g${i}`);
    await Promise.all(ids.map((id) => store.put(conversation(id, at(2)))));
    expect(await segments()).toHaveLength(1);
    // The first put goes out alone; the rest queue behind it and go out together.
    expect(store.journal.stats.batches).toBeLessThanOrEqual(5);
    await store.close();
    const reopened = await JournalConversationStore.open({ dataDir: dir });
    expect(reopened.count).toBe(500);
    expect(await reopened.get('g499')).toEqual(conversation('g499', at(2)));
    await reopened.close();
  });
});
