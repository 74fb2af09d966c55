import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JournalConversationStore } from '../../src/store/lowdb/conversations.js';
import { hashId, legacyConversationPath } from '../../src/store/lowdb/paths.js';
import { conversation, open, T0, tempDir } from './helpers.js';

describe('lowdb conversation store', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('reads back a conversation after a restart', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('conv/with:odd chars?', T0, 'q3'));
    await store.close();

    const reopened = await open(dir);
    expect(await reopened.conversations.get('conv/with:odd chars?')).toEqual(conversation('conv/with:odd chars?', T0, 'q3'));
    expect(await reopened.conversations.get('unknown')).toBeUndefined();
    await reopened.close();
  });

  it('never puts the raw conversation id in a path or a file name', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('secret-conversation-id'));
    await store.close();
    const names = (await readdir(join(dir, 'conversations'), { recursive: true })).join('\n');
    expect(names).not.toContain('secret-conversation-id');
    expect(names).toMatch(/^journal-\d{8}\.jsonl$/m);
  });

  it('keeps the latest put and returns copies, not live objects', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1', T0, 'q1'));
    await store.conversations.put(conversation('c1', '2026-03-02T09:01:00.000Z', 'q2'));
    const got = await store.conversations.get('c1');
    expect(got?.snapshot).toEqual({ value: 'q2', context: { answers: [] } });
    if (got) got.machineVersion = 'mutated';
    expect((await store.conversations.get('c1'))?.machineVersion).toBe('1');
    await store.close();
  });

  it('reads lazily: the text as it was at the read, parsed once on first use', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1', T0, 'q1'));
    const conversations = store.conversations as JournalConversationStore;
    const read = await conversations.getLazily('c1');
    const missing = await conversations.getLazily('unknown');
    await store.conversations.put(conversation('c1', '2026-03-02T09:01:00.000Z', 'q2'));
    expect(read()).toEqual(conversation('c1', T0, 'q1'));
    expect(read()).toBe(read());
    expect(missing()).toBeUndefined();
    expect(await store.conversations.get('c1')).toEqual(conversation('c1', '2026-03-02T09:01:00.000Z', 'q2'));
    await store.close();
  });

  it('deletes a conversation, also across a restart', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1'));
    await store.conversations.delete('c1');
    expect(await store.conversations.get('c1')).toBeUndefined();
    await store.close();
    const reopened = await open(dir);
    expect(await reopened.conversations.get('c1')).toBeUndefined();
    expect(await reopened.conversations.countActiveSince(new Date(0))).toBe(0);
    await reopened.close();
  });

  it('counts conversations active since a time, including after a restart', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('old', '2026-03-01T09:00:00.000Z'));
    await store.conversations.put(conversation('new', '2026-03-02T09:00:00.000Z'));
    expect(await store.conversations.countActiveSince(new Date('2026-03-02T00:00:00.000Z'))).toBe(1);
    await store.close();
    const reopened = await open(dir);
    expect(await reopened.conversations.countActiveSince(new Date('2026-03-01T00:00:00.000Z'))).toBe(2);
    await reopened.close();
  });

  it('lands 100 concurrent puts to different conversations', async () => {
    const store = await open(dir);
    const ids = Array.from({ length: 100 }, (_, i) => `conv-${i}`);
    await Promise.all(ids.map((id) => store.conversations.put(conversation(id))));
    await store.close();
    const reopened = await open(dir);
    const got = await Promise.all(ids.map((id) => reopened.conversations.get(id)));
    expect(got.filter(Boolean)).toHaveLength(100);
    expect(await reopened.conversations.countActiveSince(new Date(0))).toBe(100);
    await reopened.close();
  });

  it('writes each snapshot as a line of JSON readable without the store', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1'));
    await store.close();
    const [file = ''] = await readdir(join(dir, 'conversations'));
    const lines = (await readFile(join(dir, 'conversations', file), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const [crc, key, at, record] = JSON.parse(lines[0] ?? '') as [number, string, number, unknown];
    expect(typeof crc).toBe('number');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(at).toBe(Date.parse(T0));
    expect(record).toEqual(conversation('c1'));
  });

  it('moves conversation files of the old layout into the journal, once', async () => {
    const hash = hashId('legacy-1');
    await mkdir(join(dir, 'conversations', hash.slice(0, 2)), { recursive: true });
    await writeFile(legacyConversationPath(dir, hash), JSON.stringify({ format: 1, record: conversation('legacy-1', T0, 'q7') }));
    await writeFile(join(dir, 'conversations', hash.slice(0, 2), `.${hash}.json.tmp`), '{"half":');
    const store = await open(dir);
    expect(await store.conversations.get('legacy-1')).toEqual(conversation('legacy-1', T0, 'q7'));
    await store.close();
    // The old files and their folder are gone; the journal alone holds the conversation.
    expect(await readdir(join(dir, 'conversations'))).toEqual([expect.stringMatching(/^journal-\d{8}\.jsonl$/)]);
    const reopened = await open(dir);
    expect(await reopened.conversations.get('legacy-1')).toEqual(conversation('legacy-1', T0, 'q7'));
    expect(await reopened.conversations.countActiveSince(new Date(0))).toBe(1);
    await reopened.close();
  });
});
