import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

  it('never puts the raw conversation id in a path', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('secret-conversation-id'));
    await store.close();
    const names = (await readdir(join(dir, 'conversations'), { recursive: true })).join('\n');
    expect(names).not.toContain('secret-conversation-id');
    expect(names).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/m);
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

  it('writes the snapshot as JSON readable without the store', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1'));
    await store.flush();
    const [prefix] = await readdir(join(dir, 'conversations'));
    const [file] = await readdir(join(dir, 'conversations', prefix ?? ''));
    const parsed: unknown = JSON.parse(await readFile(join(dir, 'conversations', prefix ?? '', file ?? ''), 'utf8'));
    expect(parsed).toMatchObject({ format: 1, record: { id: 'c1' } });
    await store.close();
  });
});
