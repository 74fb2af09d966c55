import { closeSync, openSync, readFileSync } from 'node:fs';
import type { IntakeRequest, PracticeWork, RequestStatus, Tier } from '../../domain/types.js';
import type { Logger } from '../../observability/logger.js';
import type { RequestQuery, RequestStore } from '../types.js';
import { StoreFileError, errorCode } from './errors.js';
import { listDir, makeDir } from './fs-util.js';
import { DAY_LOG_FILE, PARTITION_FILE, dayOf, requestDayPath, requestsDir } from './paths.js';
import { decodeRequestLine, encodeRequestLine, isRequestLike, migratePartitions, scanDayFile } from './request-files.js';
import { RequestIndex, compareForPractice, indexEntryOf, type IndexEntry } from './request-index.js';
import { DayLogs, readLineFrom, rewriteKeeping } from './request-log.js';

/**
 * Requests live in one append-only file per UTC day of submission (`requests/YYYY-MM-DD.jsonl`, see
 * request-log.ts): a put or a status change appends the request's new line and fdatasyncs it, so it
 * costs O(request) whatever the day holds. The index in memory (request-index.ts) answers
 * list/count/sweep and knows where each request's current line is; a read is one pread of it.
 * A day file is rewritten with only its current lines when its dead lines (earlier versions) outweigh
 * the live ones, and at once when requests are removed (erasure, retention), so a removed request's
 * bytes are really gone. Files of the format before (lowdb partitions) are moved in at start-up.
 */

/** Dead bytes a day file may hold before a rewrite, beyond as many as its live bytes. */
const COMPACT_MIN_DEAD_BYTES = 256 * 1024;

interface DayBytes {
  /** The file's size, as far as this process wrote or read it. */
  size: number;
  /** Bytes of the lines the index points at, newlines included. */
  live: number;
}

export interface LowdbRequestStoreOptions {
  dataDir: string;
  logger?: Logger;
  /** Dead bytes a day file may hold beyond its live bytes before it is compacted (default 256 KiB). */
  compactMinDeadBytes?: number;
}

export class LowdbRequestStore implements RequestStore {
  readonly #dataDir: string;
  readonly #logger: Logger | undefined;
  readonly #minDead: number;
  readonly #index = new RequestIndex();
  readonly #logs: DayLogs;
  readonly #bytes = new Map<string, DayBytes>();
  readonly #compacting = new Set<string>();
  /** Per id: the end of its chain of puts and changes, so each reads what the one before wrote. */
  readonly #busy = new Map<string, Promise<void>>();
  #dirMade = false;

  private constructor(options: LowdbRequestStoreOptions) {
    this.#dataDir = options.dataDir;
    this.#logger = options.logger;
    this.#minDead = options.compactMinDeadBytes ?? COMPACT_MIN_DEAD_BYTES;
    this.#logs = new DayLogs((day) => this.#path(day));
  }

  static async open(options: LowdbRequestStoreOptions): Promise<LowdbRequestStore> {
    const store = new LowdbRequestStore(options);
    await store.#scan();
    return store;
  }

  get count(): number {
    return this.#index.size;
  }

  has(id: string): boolean {
    return this.#index.get(id) !== undefined;
  }

  async put(request: IntakeRequest): Promise<{ created: boolean }> {
    return this.#one(request.id, async () => {
      if (this.#index.get(request.id)) return { created: false };
      if (!isRequestLike(request)) throw new TypeError('Not an IntakeRequest');
      const day = dayOf(request.submittedAt);
      const line = encodeRequestLine(request);
      const entry = indexEntryOf(request, day, 0, line.length - 1);
      if (!this.#dirMade) {
        await makeDir(requestsDir(this.#dataDir));
        this.#dirMade = true;
      }
      // Into the index only once the line is on disk: a failed put leaves nothing to take back.
      await this.#logs.append(day, line, (offset) => {
        entry.offset = offset;
        this.#index.add(entry);
        const bytes = this.#bytesOf(day);
        bytes.live += line.length;
        bytes.size = Math.max(bytes.size, offset + line.length);
      });
      return { created: true };
    });
  }

  async get(id: string): Promise<IntakeRequest | undefined> {
    await this.#busy.get(id);
    const entry = this.#index.get(id);
    return entry && this.#readMany(entry.day, [entry])[0];
  }

  async list(query: RequestQuery): Promise<{ total: number; items: IntakeRequest[] }> {
    const since = query.since?.getTime();
    const matches: IndexEntry[] = [];
    for (const e of this.#index.entries()) {
      if (query.status !== undefined && e.status !== query.status) continue;
      if (query.urgency !== undefined && e.tier !== query.urgency) continue;
      if (since !== undefined && e.submittedMs < since) continue;
      matches.push(e);
    }
    matches.sort(compareForPractice);
    const offset = Math.max(0, Math.floor(query.offset));
    const limit = Math.max(0, Math.floor(query.limit));
    const page = matches.slice(offset, offset + limit);
    return { total: matches.length, items: this.#load(page) };
  }

  setStatus(id: string, status: RequestStatus, by: string, at: Date): Promise<IntakeRequest | undefined> {
    return this.#replace(id, (current) => ({ ...current, status, statusHistory: [...current.statusHistory, { status, by, at: at.toISOString() }] }));
  }

  updateWork(id: string, change: (work: PracticeWork) => PracticeWork): Promise<IntakeRequest | undefined> {
    return this.#replace(id, (current) => ({ ...current, work: change(structuredClone(current.work ?? { notes: [], regrades: [] })) }));
  }

  /** Appends a changed copy of a stored request; its earlier line becomes dead bytes. */
  #replace(id: string, next: (current: IntakeRequest) => IntakeRequest): Promise<IntakeRequest | undefined> {
    return this.#one(id, async () => {
      const entry = this.#index.get(id);
      if (!entry) return undefined;
      const [current] = this.#readMany(entry.day, [entry]);
      if (!current) return undefined;
      const request = next(current);
      const line = encodeRequestLine(request);
      await this.#logs.append(entry.day, line, (offset) => {
        const bytes = this.#bytesOf(entry.day);
        bytes.size = Math.max(bytes.size, offset + line.length);
        // Removal waits for changes in flight (remove()), so the entry is still the indexed one.
        bytes.live += line.length - (entry.length + 1);
        entry.offset = offset;
        entry.length = line.length - 1;
        entry.status = request.status;
      });
      this.#compactIfDue(entry.day);
      return request;
    });
  }

  async countSubmitted(from: Date, to: Date, tiers: readonly Tier[]): Promise<number> {
    const fromMs = from.getTime();
    const toMs = to.getTime();
    if (!(toMs > fromMs)) return 0;
    let n = 0;
    // Only the days overlapping [from, to) are looked at, so this stays cheap with a big history.
    for (const e of this.#index.onDays(dayOf(fromMs), dayOf(toMs - 1))) {
      if (e.kind === 'request' && e.submittedMs >= fromMs && e.submittedMs < toMs && tiers.includes(e.tier)) n += 1;
    }
    return n;
  }

  /** The index entry of a stored request (its conversation, status, submission time). */
  entryOf(id: string): Readonly<IndexEntry> | undefined {
    return this.#index.get(id);
  }

  /** Ids of the requests a conversation produced. */
  idsOfConversation(conversationId: string): string[] {
    return [...this.#index.entries()].filter((e) => e.conversationId === conversationId).map((e) => e.id);
  }

  /** Submission time of the most recent request (undefined when none is stored). */
  newest(): number | undefined {
    let newest: number | undefined;
    for (const e of this.#index.entries()) if (newest === undefined || e.submittedMs > newest) newest = e.submittedMs;
    return newest;
  }

  /** Index entries submitted before `cutoffMs` (retention candidates). */
  submittedBefore(cutoffMs: number): IndexEntry[] {
    return [...this.#index.entries()].filter((e) => e.submittedMs < cutoffMs);
  }

  /**
   * Removes requests by id: each day file concerned is rewritten with only the lines still current
   * (or deleted once empty) before this resolves, so no byte of a removed request is left in it.
   */
  async remove(ids: readonly string[]): Promise<number> {
    // A put or change in flight for one of them finishes first, so none can append it again after.
    for (let busy = ids.flatMap((id) => this.#busy.get(id) ?? []); busy.length > 0; busy = ids.flatMap((id) => this.#busy.get(id) ?? [])) {
      await Promise.all(busy);
    }
    const days = new Set<string>();
    let removed = 0;
    for (const id of ids) {
      const entry = this.#index.get(id);
      if (!entry) continue;
      this.#index.remove(id);
      this.#bytesOf(entry.day).live -= entry.length + 1;
      days.add(entry.day);
      removed += 1;
    }
    for (const day of days) await this.#logs.exclusive(day, () => this.#rewrite(day));
    return removed;
  }

  idle(): Promise<void> {
    return this.#logs.idle();
  }

  /** Runs one put or change of `id` after the ones before it. */
  #one<T>(id: string, task: () => Promise<T>): Promise<T> {
    const run = (this.#busy.get(id) ?? Promise.resolve()).then(task);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.#busy.set(id, tail);
    void tail.then(() => {
      if (this.#busy.get(id) === tail) this.#busy.delete(id);
    });
    return run;
  }

  #path(day: string): string {
    return requestDayPath(this.#dataDir, day);
  }

  #bytesOf(day: string): DayBytes {
    let bytes = this.#bytes.get(day);
    if (!bytes) this.#bytes.set(day, (bytes = { size: 0, live: 0 }));
    return bytes;
  }

  /** Compacts a day file in the background once its dead bytes outweigh its live ones (and a floor). */
  #compactIfDue(day: string): void {
    const bytes = this.#bytes.get(day);
    if (!bytes || this.#compacting.has(day) || bytes.size - bytes.live <= Math.max(bytes.live, this.#minDead)) return;
    this.#compacting.add(day);
    void this.#logs
      .exclusive(day, () => this.#rewrite(day))
      .catch((err: unknown) => this.#logger?.warn({ file: this.#path(day), code: errorCode(err) }, 'request day file compaction failed; retried after the next change'))
      .finally(() => this.#compacting.delete(day));
  }

  /** Rewrites a day file with the current line of each request still indexed; run via DayLogs.exclusive. */
  async #rewrite(day: string): Promise<void> {
    const path = this.#path(day);
    const live = [...this.#index.onDays(day, day)].sort((a, b) => a.offset - b.offset);
    let old = Buffer.alloc(0);
    if (live.length > 0) {
      try {
        old = readFileSync(path);
      } catch (err) {
        throw StoreFileError.from(path, err);
      }
      for (const e of live) if (old[e.offset + e.length] !== 0x0a) throw new StoreFileError(path, 'corrupt', 'a line is not where the index has it');
    }
    await rewriteKeeping(path, live, old, (offsets) => {
      let size = 0;
      live.forEach((e, i) => {
        e.offset = offsets[i] ?? 0;
        size += e.length + 1;
      });
      if (live.length === 0) this.#bytes.delete(day);
      else this.#bytes.set(day, { size, live: size });
    });
  }

  /** The requests at these entries of one day, read synchronously so no rewrite can come between. */
  #readMany(day: string, entries: readonly IndexEntry[]): IntakeRequest[] {
    const path = this.#path(day);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (err) {
      throw StoreFileError.from(path, err);
    }
    try {
      return entries.map((e) => decodeRequestLine(path, readLineFrom(fd, e), e.id));
    } finally {
      closeSync(fd);
    }
  }

  #load(page: readonly IndexEntry[]): IntakeRequest[] {
    const byDay = new Map<string, IndexEntry[]>();
    for (const e of page) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
    const found = new Map<string, IntakeRequest>();
    for (const [day, entries] of byDay) {
      const requests = this.#readMany(day, entries);
      entries.forEach((e, i) => {
        const r = requests[i];
        if (r) found.set(e.id, r);
      });
    }
    return page.flatMap((e) => found.get(e.id) ?? []);
  }

  async #scan(): Promise<void> {
    const dir = requestsDir(this.#dataDir);
    let names = await listDir(dir);
    const partitions = names.flatMap((name) => PARTITION_FILE.exec(name)?.[1] ?? []);
    if (partitions.length > 0) {
      const moved = await migratePartitions(this.#dataDir, partitions, (day) => this.#path(day));
      this.#logger?.info({ files: moved }, 'request partitions of the earlier format moved into day files');
      names = await listDir(dir);
    }
    if (names.length > 0) this.#dirMade = true;
    // Parsed requests are dropped straight after indexing: only the index stays in memory.
    for (const day of names.flatMap((name) => DAY_LOG_FILE.exec(name)?.[1] ?? [])) {
      const path = this.#path(day);
      const scanned = scanDayFile(path);
      if (scanned.badLines > 0) this.#logger?.warn({ file: path, badLines: scanned.badLines }, 'skipped unreadable lines in a request day file (torn append after a crash?)');
      for (const line of scanned.lines) this.#index.add(indexEntryOf(line.request, day, line.offset, line.length));
      let live = 0;
      for (const e of this.#index.onDays(day, day)) live += e.length + 1;
      this.#bytes.set(day, { size: scanned.size, live });
    }
    for (const day of this.#bytes.keys()) this.#compactIfDue(day);
  }
}
