import { readFileSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { StoreFileError } from './errors.js';
import { replaceFile } from './fs-util.js';

/**
 * The only module that imports lowdb. It adds what lowdb leaves out:
 * - a bad file (invalid JSON, wrong shape, unreadable) is reported by name and the instance is never
 *   created, so lowdb's defaults can never be written over it;
 * - writes are coalesced per file *before* stringifying: lowdb stringifies on every write() call,
 *   even one a later write makes pointless, which costs CPU on bigger files;
 * - idle() so flush() can wait for every pending write;
 * - durable writes. A write is lowdb's pattern, whole file to `.<name>.tmp` then rename (atomic
 *   across kill -9), done here so it can be fsynced: with `durable` the temp file is fdatasynced
 *   before the rename and the folder after it, so a write that has resolved survives a power cut.
 *   The file itself is written synchronously (a shard is a few hundred kB at most; see writeAll).
 * - a file's text may come as chunks written in order (one writev), so a serializer can reuse the
 *   bytes of records it wrote before instead of building the whole text again.
 */

export type Guard<T> = (value: unknown) => value is T;
/** Turns a file's data into its JSON text (compact): one string, or chunks whose bytes in order are the text. */
export type Stringify<T> = (data: T) => string | readonly Buffer[];

class CheckedJSONFile<T> implements Adapter<T> {
  readonly #inner: DataFile<T>;
  constructor(
    readonly path: string,
    readonly guard: Guard<T>,
    private readonly stringify: Stringify<T>,
    private readonly durable: boolean,
  ) {
    // lowdb only reads through it: writes go through write() below.
    this.#inner = new DataFile<T>(path, { parse: JSON.parse, stringify: (data: T) => JSON.stringify(data) });
  }

  async read(): Promise<T | null> {
    let data: T | null;
    try {
      data = await this.#inner.read();
    } catch (err) {
      throw StoreFileError.from(this.path, err);
    }
    if (data === null) return null;
    if (!this.guard(data)) throw new StoreFileError(this.path, 'corrupt', 'unexpected content');
    return data;
  }

  write(data: T): Promise<void> {
    return replaceFile(this.path, this.stringify(data), this.durable);
  }
}

export class LowFile<T> {
  #queued: Promise<void> | null = null;
  #chain: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    readonly db: Low<T>,
  ) {}

  /** Reads the file (absent → defaults). Throws StoreFileError, and returns no instance, on a bad file. */
  static async open<T>(
    path: string,
    defaults: T,
    guard: Guard<T>,
    options: { stringify?: Stringify<T>; durable?: boolean } = {},
  ): Promise<LowFile<T>> {
    // Compact JSON: lowdb's JSONFile pretty-prints, which doubles the stringify cost of every rewrite
    // and the file size. `jq . file` shows a file indented.
    const stringify = options.stringify ?? ((data: T) => JSON.stringify(data));
    const db = new Low<T>(new CheckedJSONFile<T>(path, guard, stringify, options.durable ?? false), defaults);
    await db.read();
    return new LowFile(path, db);
  }

  get data(): T {
    return this.db.data;
  }

  set data(value: T) {
    this.db.data = value;
  }

  /**
   * Persist the current data. Callers mutate `data` synchronously and then await this. Every call made
   * before the queued write starts shares it, so a burst of mutations costs one stringify and one
   * rename; a call made while a write is in flight queues exactly one more.
   */
  write(): Promise<void> {
    if (this.#queued) return this.#queued;
    const queued = this.#chain.then(() => {
      this.#queued = null;
      return this.db.write();
    });
    this.#queued = queued;
    this.#chain = queued.catch(() => undefined);
    return queued;
  }

  /** Resolves when no write is queued or in flight. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.#chain;
      await seen;
    } while (seen !== this.#chain);
  }
}

/**
 * Read and check a JSON file without keeping a lowdb instance, for the start-up index scans. Sync on
 * purpose: nothing else runs during start-up, and for many small files a sync read is several times
 * faster than going through libuv's 4-thread pool.
 */
export function readCheckedJson<T>(path: string, guard: Guard<T>): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw StoreFileError.from(path, err);
  }
  if (!guard(parsed)) throw new StoreFileError(path, 'corrupt', 'unexpected content');
  return parsed;
}
