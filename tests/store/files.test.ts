import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreFileError, StoreLockedError } from '../../src/store/index.js';
import { conversation, open, request, tempDir } from './helpers.js';

async function expectFileError(dir: string, file: string, problem: 'corrupt' | 'unreadable'): Promise<void> {
  const error: unknown = await open(dir).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(StoreFileError);
  expect(error).toMatchObject({ file, problem });
  expect((error as Error).message).toContain(file);
}

describe('lowdb store files, corruption and locking', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(() => cleanup());

  async function journalFile(): Promise<string> {
    const names = (await readdir(join(dir, 'conversations'))).filter((n) => n.endsWith('.jsonl')).sort();
    return join(dir, 'conversations', names.at(-1) ?? '');
  }

  it('refuses to start on a damaged conversation journal line, names the file and leaves it untouched', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1'));
    await store.conversations.put(conversation('c2'));
    await store.close();
    const file = await journalFile();
    const good = await readFile(file, 'utf8');
    // One changed character inside the first line: the line still parses as JSON, but its checksum fails.
    const damaged = good.replace('"q1"', '"q9"');
    await writeFile(file, damaged);

    await expectFileError(dir, file, 'corrupt');
    expect(await readFile(file, 'utf8')).toBe(damaged);
    // The failed open released the lock: once the file is repaired the store opens.
    await writeFile(file, good);
    const reopened = await open(dir);
    expect(await reopened.conversations.get('c1')).toEqual(conversation('c1'));
    await reopened.close();
  });

  it('skips a journal line cut short by a kill mid-write and keeps everything before it', async () => {
    const store = await open(dir);
    await store.conversations.put(conversation('c1'));
    await store.close();
    const file = await journalFile();
    const good = await readFile(file, 'utf8');
    const torn = `${good}[123,"${'a'.repeat(64)}",17`;
    await writeFile(file, torn);

    const reopened = await open(dir);
    expect(await reopened.conversations.get('c1')).toEqual(conversation('c1'));
    await reopened.conversations.put(conversation('c2'));
    await reopened.close();
    // The torn bytes were not touched: new lines went to a new segment.
    expect(await readFile(file, 'utf8')).toBe(torn);
    const again = await open(dir);
    expect(await again.conversations.get('c2')).toEqual(conversation('c2'));
    await again.close();
  });

  it.each([
    ['invalid JSON', '{"format":1,"requests":{'],
    ['an empty file', ''],
    ['JSON of the wrong shape', 'null'],
    ['a request missing its fields', '{"format":1,"requests":{"r1":{"id":"r1"}}}'],
  ])('refuses a request partition holding %s and never overwrites it', async (_what, content) => {
    await mkdir(join(dir, 'requests'), { recursive: true });
    const file = join(dir, 'requests', '2026-03-02.json');
    await writeFile(file, content);
    await expectFileError(dir, file, 'corrupt');
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('refuses a corrupt outbox file without overwriting it', async () => {
    await mkdir(join(dir, 'outbox'), { recursive: true });
    const file = join(dir, 'outbox', 'outbox.json');
    await writeFile(file, '[1, 2');
    await expectFileError(dir, file, 'corrupt');
    expect(await readFile(file, 'utf8')).toBe('[1, 2');
  });

  it('reports an unreadable data file by name', async () => {
    const file = join(dir, 'requests', '2026-03-02.json');
    await mkdir(file, { recursive: true }); // a directory where a partition should be: EISDIR
    await expectFileError(dir, file, 'unreadable');
  });

  it('ignores stale .tmp files left by a kill -9 during a write', async () => {
    const store = await open(dir);
    await store.requests.put(request('r1'));
    await store.close();
    await writeFile(join(dir, 'requests', '.2026-03-02.json.tmp'), '{"half":');

    const reopened = await open(dir);
    expect(await reopened.requests.get('r1')).toMatchObject({ id: 'r1' });
    await reopened.requests.put(request('r2'));
    await reopened.close();
  });

  it('finishes a delivery interrupted between the delivered log and the outbox rewrite', async () => {
    const store = await open(dir);
    await store.outbox.enqueue('r1', new Date('2026-03-02T09:00:00Z'));
    await store.close();
    const onDisk = JSON.parse(await readFile(join(dir, 'outbox', 'outbox.json'), 'utf8')) as { entries: Record<string, object> };
    const entry = onDisk.entries.r1;
    expect(entry).toBeDefined();
    await writeFile(join(dir, 'outbox', 'delivered', '2026-03-02.jsonl'), `${JSON.stringify({ ...entry, state: 'delivered', attempts: 1, deliveredAt: '2026-03-02T09:00:01.000Z' })}\n`);

    const reopened = await open(dir);
    expect(await reopened.outbox.due(new Date('2026-03-02T10:00:00Z'), 10)).toEqual([]);
    expect(await reopened.outbox.list()).toEqual([expect.objectContaining({ requestId: 'r1', state: 'delivered' })]);
    await reopened.close();
  });

  it('lets only one store open a data directory in this process, until it is closed', async () => {
    const store = await open(dir);
    await expect(open(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await store.close();
    const again = await open(dir);
    await again.close();
  });

  it('fails fast when another live process holds the directory, and takes over once it has gone', async () => {
    const other = spawn('sleep', ['30']);
    try {
      const pid = other.pid ?? 0;
      await writeFile(join(dir, '.store.lock'), JSON.stringify({ pid, host: (await import('node:os')).hostname(), token: 't', since: '' }));
      const error: unknown = await open(dir).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(StoreLockedError);
      expect((error as Error).message).toContain(`pid ${pid}`);
      expect((error as Error).message).toContain('.store.lock');
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
    const store = await open(dir);
    await store.close();
  });

  it('makes a second real process on the same directory fail with a clear error', async () => {
    const store = await open(dir);
    try {
      const script = `import { openLowdbStore } from './src/store/index.ts';
        openLowdbStore({ dataDir: process.argv[1], retentionDays: 30, clock: { now: () => new Date() } })
          .then(() => { console.log('OPENED'); process.exit(0); }, (e) => { console.log(e.name + ': ' + e.message); process.exit(3); });`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { cwd: process.cwd() });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(out).toContain('StoreLockedError');
      expect(out).toContain(`pid ${process.pid}`);
      expect(code).toBe(3);
    } finally {
      await store.close();
    }
  });
});
