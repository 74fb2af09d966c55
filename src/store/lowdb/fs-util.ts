import { writeSync } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
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

/** fsync a folder, so files created or renamed in it survive a power cut. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
