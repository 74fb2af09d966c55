import { appendFile, readFile, unlink } from 'node:fs/promises';
import { open, tempDir } from './helpers.js';

describe('lowdb store audit log', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  it('appends entries and reads them back after a reopen, optionally for one request', async () => {
    const store = await open(dir);
    await store.audit.append({ at: '2026-03-02T09:00:00.000Z', actor: 'bot', action: 'request.stored', requestId: 'r1' });
    await store.audit.append({ at: '2026-03-02T09:05:00.000Z', actor: 'reception', action: 'request.read', requestId: 'r2' });
    await store.audit.append({ at: '2026-03-03T08:00:00.000Z', actor: 'dr-a', action: 'request.status', requestId: 'r1', detail: { to: 'closed' } });
    await store.close();

    const reopened = await open(dir);
    expect((await reopened.audit.read()).map((e) => e.action)).toEqual(['request.stored', 'request.read', 'request.status']);
    expect(await reopened.audit.read('r1')).toEqual([
      { at: '2026-03-02T09:00:00.000Z', actor: 'bot', action: 'request.stored', requestId: 'r1' },
      { at: '2026-03-03T08:00:00.000Z', actor: 'dr-a', action: 'request.status', requestId: 'r1', detail: { to: 'closed' } },
    ]);
    await reopened.close();
  });

  it('is append-only on disk: earlier lines are never rewritten', async () => {
    const store = await open(dir);
    await store.audit.append({ at: '2026-03-02T09:00:00.000Z', actor: 'bot', action: 'first' });
    const before = await readFile(`${dir}/audit/2026-03-02.jsonl`, 'utf8');
    await store.audit.append({ at: '2026-03-02T09:01:00.000Z', actor: 'bot', action: 'second' });
    const after = await readFile(`${dir}/audit/2026-03-02.jsonl`, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.trim().split('\n')).toHaveLength(2);
    await store.close();
  });

  it('skips a torn last line left by a crash and keeps appending on a fresh line', async () => {
    const store = await open(dir);
    await store.audit.append({ at: '2026-03-02T09:00:00.000Z', actor: 'bot', action: 'first' });
    await store.close();
    await appendFile(`${dir}/audit/2026-03-02.jsonl`, '{"at":"2026-03-02T09:0');

    const reopened = await open(dir);
    await reopened.audit.append({ at: '2026-03-02T09:02:00.000Z', actor: 'bot', action: 'after-crash' });
    expect((await reopened.audit.read()).map((e) => e.action)).toEqual(['first', 'after-crash']);
    await reopened.close();
  });

  it('starts a fresh file when the open one is deleted, and loses no later entry', async () => {
    const store = await open(dir);
    await store.audit.append({ at: '2026-03-02T09:00:00.000Z', actor: 'bot', action: 'before' });
    await unlink(`${dir}/audit/2026-03-02.jsonl`);
    await store.audit.append({ at: '2026-03-02T09:02:00.000Z', actor: 'bot', action: 'after-delete' });
    expect((await store.audit.read()).map((e) => e.action)).toEqual(['after-delete']);
    await store.close();
  });
});
