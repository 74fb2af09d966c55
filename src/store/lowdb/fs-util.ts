import { closeSync, fchmodSync, fdatasync, fsyncSync, openSync, renameSync, writeSync, writevSync } from 'node:fs';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { StoreFileError, errorCode } from './errors.js';

/**
 * Every file the store creates is readable by its owner only, and every folder enterable by its
 * owner only, whatever the process umask: the data is patients' health details. The modes are
 * passed when creating (so a file is never briefly wider) and set again where an existing file or
 * folder is reused (a umask can only narrow a mode, never widen it).
 */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** mkdir -p with DIR_MODE for each folder created, and the folder itself set to DIR_MODE. */
export async function makeDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: DIR_MODE });
  await chmod(dir, DIR_MODE);
}

/** Directory entries, or [] when the directory does not exist yet. Errors name the directory. */
export async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if (errorCode(err) === 'ENOENT') return [];
    throw StoreFileError.from(dir, err);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes all of `data` at the file's current position (or its end, for a file opened to append),
 * synchronously: an append goes to the page cache in microseconds, whereas under load each
 * asynchronous step waits for a whole turn of a busy event loop. Only syncs need to be asynchronous.
 */
export function writeAll(fd: number, data: Buffer): void {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
}

/**
 * Writes `chunks` in order at the file's current position, synchronously (see writeAll): one writev
 * for the lot when the kernel takes it all, the rest written piece by piece when it does not.
 */
export function writeChunks(fd: number, chunks: readonly Buffer[]): void {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  let done = chunks.length > 0 ? writevSync(fd, chunks as Buffer[]) : 0;
  if (done === total) return;
  for (const chunk of chunks) {
    if (done >= chunk.length) {
      done -= chunk.length;
      continue;
    }
    writeAll(fd, done > 0 ? chunk.subarray(done) : chunk);
    done = 0;
  }
}

/**
 * fsync a folder, so files created, renamed or deleted in it survive a power cut. Synchronous: under
 * load the fsync takes ~0.2 ms, while an asynchronous one waits its turn in the busy event loop
 * (~10 ms at 50 concurrent), which made every consent turn the slowest turn.
 */
export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const fdatasyncAsync = promisify(fdatasync);

/**
 * Replaces `path` with `text` atomically: the whole text to `.<name>.tmp`, then rename over the
 * target, so a reader or a `kill -9` sees the old file or the new one, never a mixture. With
 * `durable`, the temp file is fdatasynced before the rename and the folder after it, so a replace
 * that has resolved survives a power cut. Used by lowdb files and by every rewrite of a JSON Lines
 * file (retention trims, erasure). Write, rename and folder fsync are synchronous: under load each
 * takes ~0.2 ms, whereas each asynchronous step waits its turn in a busy event loop (~10 ms at 50
 * concurrent); only the data fdatasync is worth a wait.
 */
export async function replaceFile(path: string, text: string | readonly Buffer[], durable: boolean): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp`);
  await writeNewFile(tmp, typeof text === 'string' ? [Buffer.from(text, 'utf8')] : text, durable);
  renameSync(tmp, path);
  if (durable) syncDir(dirname(path));
}

/**
 * Writes `chunks` as the whole of `path` (created or truncated, mode 0600), fdatasynced before it
 * resolves when `durable`: the first half of every atomic replace (replaceFile, the request log's
 * rewrite, the request partitions' migration).
 */
export async function writeNewFile(path: string, chunks: readonly Buffer[], durable = true): Promise<void> {
  const fd = openSync(path, 'w', FILE_MODE);
  try {
    // A temp file left by a crash keeps its old mode when reopened: set it.
    fchmodSync(fd, FILE_MODE);
    writeChunks(fd, chunks);
    if (durable) await fdatasyncAsync(fd);
  } finally {
    closeSync(fd);
  }
}
