import { chmod, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { open, conversation, request, tempDir, T0 } from './helpers.js';

describe('data file permissions', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let umask: number;
  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    // The widest umask there is: nothing the store creates may be readable by anyone else anyway.
    umask = process.umask(0);
  });
  afterEach(async () => {
    process.umask(umask);
    await cleanup();
  });

  it('creates every file 0600 and every folder 0700 whatever the umask, and narrows an existing data folder', async () => {
    await chmod(dir, 0o755);
    const data = join(dir, 'data');
    const store = await open(data);
    await store.conversations.put(conversation('c1'));
    await store.requests.put(request('r1'));
    await store.outbox.enqueue('r1', new Date(T0));
    await store.outbox.markDelivered('r1', new Date(T0));
    await store.requests.put(request('r2'));
    await store.outbox.enqueue('r2', new Date(T0));
    await store.audit.append({ at: T0, actor: 'bot', action: 'request.stored', requestId: 'r1' });
    await store.flush();

    const modes: Record<string, string> = {};
    const entries = await readdir(data, { withFileTypes: true, recursive: true });
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      modes[path.slice(data.length + 1)] = ((await stat(path)).mode & 0o777).toString(8);
    }
    modes['.'] = ((await stat(data)).mode & 0o777).toString(8);
    await store.close();

    expect(Object.keys(modes)).toEqual(expect.arrayContaining(['.store.lock', 'conversations', 'requests', 'outbox/outbox.json', 'outbox/delivered', 'audit']));
    const dirs = new Set(entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name).slice(data.length + 1)));
    for (const [path, mode] of Object.entries(modes)) expect([path, mode]).toEqual([path, dirs.has(path) || path === '.' ? '700' : '600']);

    // A data folder made by hand (or an older version) with a wider mode is narrowed at start-up.
    await chmod(data, 0o755);
    const again = await open(data);
    expect(((await stat(data)).mode & 0o777).toString(8)).toBe('700');
    await again.close();
  });
});
