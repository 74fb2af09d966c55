import { mkdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConversationRecord, ConversationStore } from '../types.js';
import { LowFileCache } from './file-cache.js';
import { isObject, listDir } from './fs-util.js';
import { errorCode } from './errors.js';
import { KeyedMutex } from './keyed-mutex.js';
import { readCheckedJson } from './low-file.js';
import { HASH_FILE, conversationPath, conversationsDir, hashId } from './paths.js';

/**
 * One small file per conversation, so a turn's write costs the same however many conversations are
 * stored. An in-memory map hash → updatedAt (rebuilt at start-up) answers countActiveSince and the
 * retention sweep without opening files.
 */

interface ConversationFile {
  format: 1;
  record: ConversationRecord | null;
}

function isConversationRecord(value: unknown): value is ConversationRecord {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.machineVersion === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.updatedAt === 'string' &&
    'snapshot' in value
  );
}

function isConversationFile(value: unknown): value is ConversationFile {
  return isObject(value) && value.format === 1 && (value.record === null || isConversationRecord(value.record));
}

function timeOf(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`ConversationRecord.${field} is not an ISO date-time`);
  return ms;
}

export interface ConversationStoreOptions {
  dataDir: string;
  /** Most file instances kept open in memory; older idle ones are dropped and re-read on demand. */
  cacheSize?: number;
}

export class LowdbConversationStore implements ConversationStore {
  readonly #dataDir: string;
  readonly #cache: LowFileCache<ConversationFile>;
  readonly #mutex = new KeyedMutex();
  /** sha256(id) → updatedAt (ms). */
  readonly #updatedAt = new Map<string, number>();
  readonly #madeDirs = new Set<string>();

  private constructor(options: ConversationStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#cache = new LowFileCache<ConversationFile>(() => ({ format: 1, record: null }), isConversationFile, options.cacheSize ?? 1000);
  }

  /** Opens the store and reads every conversation file once to rebuild the index (fails on a bad file). */
  static async open(options: ConversationStoreOptions): Promise<LowdbConversationStore> {
    const store = new LowdbConversationStore(options);
    await store.#scan();
    return store;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const hash = hashId(id);
    const record = await this.#cache.use(conversationPath(this.#dataDir, hash), (f) => f.data.record);
    // Copy out so callers cannot change stored state without put().
    return record && record.id === id ? structuredClone(record) : undefined;
  }

  async put(record: ConversationRecord): Promise<void> {
    if (!isConversationRecord(record)) throw new TypeError('Not a ConversationRecord');
    const updatedAt = timeOf(record.updatedAt, 'updatedAt');
    timeOf(record.createdAt, 'createdAt');
    const hash = hashId(record.id);
    const path = conversationPath(this.#dataDir, hash);
    const copy = structuredClone(record);
    await this.#mutex.run(hash, async () => {
      await this.#ensureDir(dirname(path));
      await this.#cache.use(path, async (f) => {
        f.data = { format: 1, record: copy };
        await f.write();
      });
      this.#updatedAt.set(hash, updatedAt);
    });
  }

  async delete(id: string): Promise<void> {
    await this.#deleteHash(hashId(id));
  }

  async countActiveSince(since: Date): Promise<number> {
    const from = since.getTime();
    let n = 0;
    for (const t of this.#updatedAt.values()) if (t >= from) n += 1;
    return n;
  }

  /** Deletes conversations last updated before `cutoffMs`; returns how many. */
  async sweep(cutoffMs: number): Promise<number> {
    const stale = [...this.#updatedAt].filter(([, t]) => t < cutoffMs).map(([hash]) => hash);
    let deleted = 0;
    for (const hash of stale) {
      // Re-check inside deleteHash's lock: a turn may have touched it since we listed it.
      if (await this.#deleteHash(hash, cutoffMs)) deleted += 1;
    }
    return deleted;
  }

  idle(): Promise<void> {
    return this.#cache.idle();
  }

  get count(): number {
    return this.#updatedAt.size;
  }

  async #deleteHash(hash: string, onlyIfOlderThan?: number): Promise<boolean> {
    const path = conversationPath(this.#dataDir, hash);
    return this.#mutex.run(hash, async () => {
      const t = this.#updatedAt.get(hash);
      if (onlyIfOlderThan !== undefined && (t === undefined || t >= onlyIfOlderThan)) return false;
      await this.#cache.use(path, (f) => f.idle());
      this.#cache.drop(path);
      try {
        await unlink(path);
      } catch (err) {
        if (errorCode(err) !== 'ENOENT') throw err;
      }
      this.#updatedAt.delete(hash);
      return t !== undefined;
    });
  }

  async #ensureDir(dir: string): Promise<void> {
    if (this.#madeDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.#madeDirs.add(dir);
  }

  async #scan(): Promise<void> {
    const root = conversationsDir(this.#dataDir);
    const files: { hash: string; path: string }[] = [];
    for (const prefix of await listDir(root)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      this.#madeDirs.add(join(root, prefix));
      for (const name of await listDir(join(root, prefix))) {
        // Dot files (steno's `.x.json.tmp` left by a kill -9) are never read.
        const match = HASH_FILE.exec(name);
        if (match?.[1]) files.push({ hash: match[1], path: join(root, prefix, name) });
      }
    }
    for (const { hash, path } of files) {
      const file = readCheckedJson(path, isConversationFile);
      if (file.record) this.#updatedAt.set(hash, timeOf(file.record.updatedAt, 'updatedAt'));
    }
  }
}
