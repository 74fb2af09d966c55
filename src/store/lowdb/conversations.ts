import { rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../observability/logger.js';
import type { ConversationRecord, ConversationStore, PutOptions } from '../types.js';
import { StoreFileError, errorCode } from './errors.js';
import { isObject, listDir } from './fs-util.js';
import { conversationJsonParts } from './conversationJson.js';
import { Journal, type JournalOptions } from './journal.js';
import { readCheckedJson } from './low-file.js';
import { HASH_FILE, conversationsDir, hashId } from './paths.js';

/**
 * Conversation snapshots, rewritten on every turn, live in an append-only journal (journal.ts) keyed
 * by sha256(id): a turn appends one line, group-committed with the other turns in flight, so its cost
 * does not depend on how many conversations are stored. The raw id is only inside the value.
 */

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

interface LegacyConversationFile {
  format: 1;
  record: ConversationRecord | null;
}

function isLegacyFile(value: unknown): value is LegacyConversationFile {
  return isObject(value) && value.format === 1 && (value.record === null || isConversationRecord(value.record));
}

function timeOf(iso: string, field: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new TypeError(`ConversationRecord.${field} is not an ISO date-time`);
  return ms;
}

export interface ConversationStoreOptions extends Omit<JournalOptions, 'dir'> {
  dataDir: string;
  logger?: Logger;
}

export class JournalConversationStore implements ConversationStore {
  readonly #keys = new Map<string, string>();

  private constructor(
    readonly journal: Journal,
    private readonly logger?: Logger,
  ) {}

  /** Opens the journal (rebuilding its index) and moves in any conversation files of the old layout. */
  static async open(options: ConversationStoreOptions): Promise<JournalConversationStore> {
    const { dataDir, ...journalOptions } = options;
    const journal = await Journal.open({ ...journalOptions, dir: conversationsDir(dataDir) });
    const store = new JournalConversationStore(journal, options.logger);
    try {
      await store.#importLegacyFiles(dataDir, options.logger);
    } catch (err) {
      await journal.close();
      throw err;
    }
    return store;
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const json = await this.journal.get(this.#keyOf(id));
    return json === undefined ? undefined : this.#parse(id, json);
  }

  /**
   * As get(), but the stored text is parsed only when the returned function is first called (and
   * then once): a turn whose statechart was kept running never looks at the record it read, and
   * parsing a whole snapshot with its remembered replies was the biggest single cost of such a turn.
   * The text is read now, inside the caller's lock; a damaged line throws when parsed.
   */
  async getLazily(id: string): Promise<() => ConversationRecord | undefined> {
    const json = await this.journal.get(this.#keyOf(id));
    if (json === undefined) return () => undefined;
    let record: ConversationRecord | undefined;
    let parsed = false;
    return () => {
      if (!parsed) {
        record = this.#parse(id, json);
        parsed = true;
      }
      return record;
    };
  }

  /** sha256(id), remembered for the most recent ids: a turn reads and then writes its conversation. */
  #keyOf(id: string): string {
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = hashId(id);
      this.#keys.set(id, key);
      if (this.#keys.size > 2000) this.#keys.delete(this.#keys.keys().next().value as string);
    }
    return key;
  }

  #parse(id: string, json: string): ConversationRecord | undefined {
    // Parsed afresh on every read, so callers get their own copy and cannot change stored state.
    const record: unknown = JSON.parse(json);
    if (!isConversationRecord(record)) throw new StoreFileError(this.journal.dir, 'corrupt', 'a conversation line holds unexpected content');
    return record.id === id ? record : undefined;
  }

  async put(record: ConversationRecord, options: PutOptions = {}): Promise<void> {
    if (!isConversationRecord(record)) throw new TypeError('Not a ConversationRecord');
    const updatedAt = timeOf(record.updatedAt, 'updatedAt');
    timeOf(record.createdAt, 'createdAt');
    await this.journal.put(this.#keyOf(record.id), updatedAt, conversationJsonParts(record));
    if (options.forgetEarlier) {
      // In the background: the patient is not kept waiting for a compaction. flush() waits for it.
      this.journal.purge().catch((err: unknown) => this.logger?.error({ err: (err as Error).message }, 'journal purge failed; the next compaction retries'));
    }
  }

  async delete(id: string): Promise<void> {
    await this.journal.delete(hashId(id));
  }

  /** Whether a record is stored under `id` (erasure checks this before reporting "not found"). */
  async has(id: string): Promise<boolean> {
    return (await this.get(id)) !== undefined;
  }

  /**
   * Deletes the conversation and removes every line that ever held it from the journal files (a
   * compaction); resolves once they are gone from disk. Returns whether it was stored.
   */
  async erase(id: string): Promise<boolean> {
    const existed = await this.journal.delete(hashId(id));
    await this.journal.purge();
    return existed;
  }

  async countActiveSince(since: Date): Promise<number> {
    const from = since.getTime();
    let n = 0;
    for (const [, at] of this.journal.times()) if (at >= from) n += 1;
    return n;
  }

  /** Conversations last updated before `cutoffMs` (what sweep would delete). */
  countBefore(cutoffMs: number): number {
    let n = 0;
    for (const [, at] of this.journal.times()) if (at < cutoffMs) n += 1;
    return n;
  }

  /** Time of the most recent update of any conversation (undefined when none is stored). */
  newest(): number | undefined {
    let newest: number | undefined;
    for (const [, at] of this.journal.times()) if (newest === undefined || at > newest) newest = at;
    return newest;
  }

  /** Deletes conversations last updated before `cutoffMs`; returns how many. */
  async sweep(cutoffMs: number): Promise<number> {
    const stale = [...this.journal.times()].filter(([, at]) => at < cutoffMs).map(([key]) => key);
    const deleted = await Promise.all(stale.map((key) => this.journal.delete(key, cutoffMs)));
    return deleted.filter(Boolean).length;
  }

  idle(): Promise<void> {
    return this.journal.idle();
  }

  close(): Promise<void> {
    return this.journal.close();
  }

  get count(): number {
    return this.journal.count;
  }

  /**
   * Earlier versions kept one file per conversation (`conversations/<2 hex>/<sha256>.json`). Each is
   * read (a damaged one stops start-up, named and untouched), written to the journal unless the
   * journal already holds something as new, and deleted once the journal has it on disk.
   */
  async #importLegacyFiles(dataDir: string, logger: Logger | undefined): Promise<void> {
    const root = conversationsDir(dataDir);
    const folders = (await listDir(root)).filter((name) => /^[0-9a-f]{2}$/.test(name)).map((name) => join(root, name));
    if (folders.length === 0) return;
    const files: { hash: string; path: string }[] = [];
    const leftovers: string[] = [];
    for (const folder of folders) {
      for (const name of await listDir(folder)) {
        const match = HASH_FILE.exec(name);
        if (match?.[1]) files.push({ hash: match[1], path: join(folder, name) });
        // steno's `.x.json.tmp` left by a kill -9 mid-write: never read, removed with the folder.
        else if (name.startsWith('.') && name.endsWith('.tmp')) leftovers.push(join(folder, name));
      }
    }
    const current = new Map(this.journal.times());
    const writes: Promise<void>[] = [];
    for (const { hash, path } of files) {
      const record = readCheckedJson(path, isLegacyFile).record;
      if (!record) continue;
      const at = timeOf(record.updatedAt, 'updatedAt');
      if ((current.get(hash) ?? -1) < at) writes.push(this.journal.put(hash, at, JSON.stringify(record)));
    }
    await Promise.all(writes);
    for (const path of [...files.map((f) => f.path), ...leftovers]) await unlink(path);
    for (const folder of folders) {
      await rmdir(folder).catch((err: unknown) => {
        if (errorCode(err) !== 'ENOTEMPTY') throw err;
      });
    }
    logger?.info({ conversations: writes.length }, 'moved conversation files of the old layout into the journal');
  }
}
