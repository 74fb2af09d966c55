import { closeSync, fsyncSync, openSync, writeSync, writevSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { StoreFileError, errorCode } from './errors.js';

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
