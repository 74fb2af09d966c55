import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { StoreLockedError, openLowdbStore } from '../../src/store/index.js';
import { T0, tempDir } from './helpers.js';

describe('data directory lock left by another host', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  const otherHostLock = async (ageMs: number) => {
    const file = join(dir, '.store.lock');
    await writeFile(file, JSON.stringify({ pid: 4242, host: 'container-killed-elsewhere', token: 'old', since: T0 }));
    const t = new Date(Date.now() - ageMs);
    await utimes(file, t, t);
    return file;
  };
  const open = (lockStaleAfterMs?: number) =>
    openLowdbStore({ dataDir: dir, retentionDays: 30, clock: fixedClock(T0), ...(lockStaleAfterMs !== undefined ? { lockStaleAfterMs } : {}) });

  it('takes over a lock from another host whose heartbeat stopped', async () => {
    const file = await otherHostLock(5 * 60_000);
    const store = await open();
    const content = JSON.parse(await readFile(file, 'utf8')) as { pid: number };
    expect(content.pid).toBe(process.pid);
    await store.close();
  });

  it('refuses a lock from another host with a recent heartbeat, saying how to override', async () => {
    await otherHostLock(5_000);
    const error: unknown = await open().catch((err: unknown) => err);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain('container-killed-elsewhere');
    expect((error as Error).message).toContain('DATA_LOCK_STALE_SECONDS');
  });

  it('takes over any lock when the stale age is set to 0 (the documented override)', async () => {
    await otherHostLock(0);
    const store = await open(0);
    await store.close();
  });

  it('keeps its own lock fresh while open, so another host does not take it over', async () => {
    const store = await open(3_000);
    const file = join(dir, '.store.lock');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    // The heartbeat beats every staleAfter/3 (1 s here, 10 s at most): wait for one beat.
    const deadline = Date.now() + 5_000;
    const { stat } = await import('node:fs/promises');
    while ((await stat(file)).mtimeMs < Date.now() - 30_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect((await stat(file)).mtimeMs).toBeGreaterThan(Date.now() - 30_000);
    await store.close();
  });
});
