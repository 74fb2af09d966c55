import { randomUUID } from 'node:crypto';
import { open, readFile, realpath, stat, unlink, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../observability/logger.js';
import { StoreLockedError, errorCode } from './errors.js';
import { FILE_MODE } from './fs-util.js';

/**
 * One process per data directory: lowdb has no inter-process locking, and two writers on one file
 * lose updates. An O_EXCL lock file holding our pid and host, with a heartbeat: the holder sets the
 * file's modification time every HEARTBEAT_MS. A lock is stale, and taken over with a warning, when
 * its pid is gone on this host, or when its heartbeat is older than `staleAfterMs` on any host (a
 * container killed on another host, or a pid reused after a reboot). The heartbeat is wall-clock time
 * between processes, so it uses the system clock, never the injected one (a test's fixed clock in one
 * process would make its lock look months old to another). proper-lockfile is not used: it
 * only looks at the age, so a restart straight after kill -9 on the same host would wait.
 * Known gap: two processes starting at the same instant over a stale lock can both take it over.
 */

const heldInThisProcess = new Set<string>();
const HEARTBEAT_MS = 10_000;
export const DEFAULT_LOCK_STALE_MS = 60_000;

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

export interface LockOptions {
  /** A lock whose heartbeat is older than this is stale (default 60 s; 0 takes over any lock). */
  staleAfterMs?: number;
  logger?: Logger;
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

/** Creates the lock file (O_EXCL) and returns it open, or undefined when it exists. */
async function tryCreate(file: string, content: LockContent): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'wx', FILE_MODE);
  } catch (err) {
    if (errorCode(err) === 'EEXIST') return undefined;
    throw err;
  }
  await handle.writeFile(JSON.stringify(content));
  return handle;
}

/** Why the existing lock may be taken over, or undefined when it must be respected. */
async function staleReason(file: string, holder: LockContent | undefined, me: LockContent, staleAfterMs: number): Promise<string | undefined> {
  if (!holder) return 'unreadable lock file';
  // Our own pid in an old lock means a previous life of this process slot (e.g. pid 1 in a container).
  if (holder.host === me.host && (holder.pid === me.pid || !isAlive(holder.pid))) return 'its process is gone';
  const ageMs = Date.now() - (await stat(file)).mtimeMs;
  if (staleAfterMs === 0 || ageMs > staleAfterMs) return `no heartbeat for ${Math.round(ageMs / 1000)} s`;
  return undefined;
}

export async function acquireDataDirLock(dataDir: string, clock: Clock, options: LockOptions = {}): Promise<DataDirLock> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_LOCK_STALE_MS;
  const dir = await realpath(dataDir);
  const file = join(dir, '.store.lock');
  if (heldInThisProcess.has(dir)) throw new StoreLockedError(file, 'this process already has a store open on it');
  const content: LockContent = { pid: process.pid, host: hostname(), token: randomUUID(), since: clock.now().toISOString() };

  let handle = await tryCreate(file, content);
  if (!handle) {
    const holder = await readHolder(file);
    const reason = await staleReason(file, holder, content, staleAfterMs);
    if (!reason) {
      const who = holder ? `pid ${holder.pid} on host ${holder.host}` : 'another process';
      throw new StoreLockedError(
        file,
        `held by ${who}, whose heartbeat is under ${Math.round(staleAfterMs / 1000)} s old. If that process is gone, ` +
          'start again once the heartbeat is older (DATA_LOCK_STALE_SECONDS), or set DATA_LOCK_STALE_SECONDS=0 for one start to take it over now',
      );
    }
    options.logger?.warn({ lockFile: file, holderPid: holder?.pid, holderHost: holder?.host, reason }, 'taking over a stale data directory lock');
    await unlink(file).catch(() => undefined);
    handle = await tryCreate(file, content);
    if (!handle) throw new StoreLockedError(file, 'another process took the lock while starting');
  }
  heldInThisProcess.add(dir);

  const lockHandle = handle;
  let warned = false;
  const heartbeat = setInterval(() => {
    const t = new Date();
    void lockHandle
      .stat()
      .then(async (s) => {
        if (s.nlink === 0) {
          if (!warned) options.logger?.error({ lockFile: file }, 'the data directory lock was removed or taken over by another process');
          warned = true;
          return;
        }
        await lockHandle.utimes(t, t);
      })
      .catch(() => undefined);
  }, Math.min(HEARTBEAT_MS, Math.max(1000, staleAfterMs / 3)));
  heartbeat.unref();

  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      heldInThisProcess.delete(dir);
      await lockHandle.close().catch(() => undefined);
      const holder = await readHolder(file);
      if (holder?.token === content.token) await unlink(file).catch(() => undefined);
    },
  };
}
