import { randomUUID } from 'node:crypto';
import { readFile, realpath, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../clock.js';
import { StoreLockedError, errorCode } from './errors.js';

/**
 * One process per data directory: lowdb has no inter-process locking, and two writers on one file
 * lose updates. An O_EXCL lock file holding our pid, checked for liveness, is used rather than
 * proper-lockfile because proper-lockfile only detects staleness by mtime age (10 s by default): a
 * restart straight after kill -9 would be refused. Here a lock whose pid is gone is taken over at once.
 * Known gap: two processes starting at the same instant over a stale lock can both take it over.
 */

const heldInThisProcess = new Set<string>();

interface LockContent {
  pid: number;
  host: string;
  token: string;
  since: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): Promise<void>;
}

function isLockContent(value: unknown): value is LockContent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errorCode(err) === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockContent | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return isLockContent(parsed) ? parsed : undefined;
  } catch {
    // Empty or half-written lock (a crash between create and write): treat as stale.
    return undefined;
  }
}

async function tryCreate(file: string, content: LockContent): Promise<boolean> {
  try {
    await writeFile(file, JSON.stringify(content), { flag: 'wx' });
    return true;
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return false;
    throw err;
  }
}

export async function acquireDataDirLock(dataDir: string, clock: Clock): Promise<DataDirLock> {
  const dir = await realpath(dataDir);
  const file = join(dir, '.store.lock');
  if (heldInThisProcess.has(dir)) throw new StoreLockedError(file, 'this process already has a store open on it');
  const content: LockContent = { pid: process.pid, host: hostname(), token: randomUUID(), since: clock.now().toISOString() };

  if (!(await tryCreate(file, content))) {
    const holder = await readHolder(file);
    if (holder && holder.host !== content.host) {
      throw new StoreLockedError(file, `held by pid ${holder.pid} on host ${holder.host}; remove the lock file only if that process is gone`);
    }
    // Our own pid in an old lock means a previous life of this process slot (e.g. pid 1 in a container).
    if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new StoreLockedError(file, `another process (pid ${holder.pid}) is using it`);
    }
    await unlink(file).catch(() => undefined);
    if (!(await tryCreate(file, content))) throw new StoreLockedError(file, 'another process took the lock while starting');
  }
  heldInThisProcess.add(dir);

  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      heldInThisProcess.delete(dir);
      const holder = await readHolder(file);
      if (holder?.token === content.token) await unlink(file).catch(() => undefined);
    },
  };
}
