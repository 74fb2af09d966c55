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

