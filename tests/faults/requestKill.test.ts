/**
 * kill -9 in the middle of the request store's writes (a child process writing without pause, killed
 * twice, the second run appending after whatever the first left): every put and status change that
 * had resolved is there after a restart, and every request is stored once.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../bench/load/child.js';
import { LowdbRequestStore } from '../../src/store/lowdb/requests.js';
import { request } from '../store/helpers.js';

/** Runs the writer until `puts` puts have resolved, then SIGKILLs it; returns what it printed. */
function writeThenKill(dataDir: string, from: number, puts: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'tests', 'support', 'requestWriter.ts')], {
    cwd: projectRoot,
    env: { ...process.env, DATA_DIR: dataDir, WRITER_FROM: String(from) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let seen = 0;
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  child.stdout.on('data', (c: Buffer) => {
    const text = c.toString('utf8');
    out += text;
    seen += text.split('\n').filter((l) => l.startsWith('put ')).length;
    if (seen >= puts) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited ${code ?? signal}: ${err}`));
      // A line cut short by the kill was not fully printed: only whole lines count.
      else resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('request store under kill -9', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'request-kill-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('keeps every put and status change that resolved, each request once, across two kills', async () => {
    const printed = [...(await writeThenKill(dir, 0, 400)), ...(await writeThenKill(dir, 100_000, 400))];
    const puts = printed.filter((l) => l.startsWith('put ')).map((l) => l.slice(4));
    const changes = printed.filter((l) => l.startsWith('status ')).map((l) => l.split(' '));
    expect(puts.length).toBeGreaterThanOrEqual(800);
    expect(changes.length).toBeGreaterThan(10);

    const store = await LowdbRequestStore.open({ dataDir: dir });
    const all = await store.list({ limit: 10_000, offset: 0 });
    const ids = all.items.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.total).toBe(store.count);
    for (const id of puts) expect(store.has(id)).toBe(true);
    for (const [, id, by] of changes) expect((await store.get(id ?? ''))?.statusHistory.map((h) => h.by)).toContain(by);
    // Stored once: a put of any of them again stores nothing.
    for (const id of puts.slice(0, 50)) expect(await store.put(request(id))).toEqual({ created: false });
    await store.idle();
  }, 120_000);
});
