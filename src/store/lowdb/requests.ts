import { unlink } from 'node:fs/promises';
import type { IntakeRequest, PracticeWork, RequestStatus, Tier } from '../../domain/types.js';
import type { RequestQuery, RequestStore } from '../types.js';
import { LowFileCache } from './file-cache.js';
import { isObject, listDir, makeDir } from './fs-util.js';
import { errorCode } from './errors.js';
import { readCheckedJson } from './low-file.js';
import { PARTITION_FILE, dayOf, requestPartitionOf, requestPartitionPath, requestsDir } from './paths.js';
import { RequestIndex, compareForPractice, indexEntryOf, type IndexEntry } from './request-index.js';

/**
 * Requests are partitioned by UTC day of submission (`requests/YYYY-MM-DD.json`). A write rewrites
 * only that day's file, so its cost follows the day's volume, never the total stored. The index in
 * memory (request-index.ts) answers list/count/sweep; partitions are opened only for the rows needed.
 */

interface Partition {
  format: 1;
  requests: Record<string, IntakeRequest>;
}

function isRequestLike(value: unknown): value is IntakeRequest {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.submittedAt === 'string' &&
    typeof value.status === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.triage) &&
    typeof value.triage.tier === 'string' &&
    Array.isArray(value.statusHistory)
  );
}

function isPartition(value: unknown): value is Partition {
  return isObject(value) && value.format === 1 && isObject(value.requests) && Object.values(value.requests).every(isRequestLike);
}

/**
 * Each request's bytes in its partition file (`"<id>":<json>`), kept while the object lives. Requests
 * in a partition are never changed in place (setStatus stores a new object), so cached bytes are
 * always current. A shard rewrite then serializes only what is new and hands the file's bytes to one
 * writev, instead of stringifying every request of the day and building the whole text again: the
 * same file, a fraction of the CPU and none of the garbage.
 */
const bytesOf = new WeakMap<IntakeRequest, Buffer>();
const OPEN = Buffer.from('{"format":1,"requests":{');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}}');

function serializePartition(partition: Partition): Buffer[] {
  const chunks: Buffer[] = [OPEN];
  for (const [id, request] of Object.entries(partition.requests)) {
    let bytes = bytesOf.get(request);
    if (bytes === undefined) {
      const text = `${JSON.stringify(id)}:${JSON.stringify(request)}`;
      // Its own memory, not a slice of Node's shared 8 KB pool: a kept slice would keep its whole slab.
      bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, 'utf8'));
      bytes.write(text, 'utf8');
      bytesOf.set(request, bytes);
    }
    if (chunks.length > 1) chunks.push(COMMA);
    chunks.push(bytes);
  }
  chunks.push(CLOSE);
  return chunks;
}

export class LowdbRequestStore implements RequestStore {
  readonly #dataDir: string;
  readonly #cache: LowFileCache<Partition>;
  readonly #index = new RequestIndex();
  /** put() calls in flight by id, so concurrent puts of one id store it once. */
  readonly #inFlight = new Map<string, Promise<void>>();
  #dirMade = false;

  private constructor(dataDir: string, cacheSize: number) {
    this.#dataDir = dataDir;
    this.#cache = new LowFileCache<Partition>(() => ({ format: 1, requests: {} }), isPartition, cacheSize, {
      stringify: serializePartition,
      // A consented request is fsynced before the patient is told it was sent.
      durable: true,
    });
  }

  static async open(options: { dataDir: string; cacheSize?: number }): Promise<LowdbRequestStore> {
    // 16 shards a day: keep two days' partitions open, or a busy day would re-read a shard on most puts.
    const store = new LowdbRequestStore(options.dataDir, options.cacheSize ?? 32);
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
    for (let pending = this.#inFlight.get(request.id); pending; pending = this.#inFlight.get(request.id)) {
      await pending.catch(() => undefined);
    }
    if (this.#index.get(request.id)) return { created: false };
    if (!isRequestLike(request)) throw new TypeError('Not an IntakeRequest');
    const day = requestPartitionOf(request.id, request.submittedAt);
    const copy = structuredClone(request);
    const insert = this.#insert(copy, day);
    this.#inFlight.set(request.id, insert);
    try {
      await insert;
    } finally {
      this.#inFlight.delete(request.id);
    }
    return { created: true };
  }

  async get(id: string): Promise<IntakeRequest | undefined> {
    await this.#inFlight.get(id)?.catch(() => undefined);
    const entry = this.#index.get(id);
    if (!entry) return undefined;
    const found = await this.#cache.use(requestPartitionPath(this.#dataDir, entry.day), (f) => f.data.requests[id]);
    return found && structuredClone(found);
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
    const items = await this.#load(page);
    return { total: matches.length, items };
  }

  async setStatus(id: string, status: RequestStatus, by: string, at: Date): Promise<IntakeRequest | undefined> {
    const changed = await this.#replace(id, (current) => ({ ...current, status, statusHistory: [...current.statusHistory, { status, by, at: at.toISOString() }] }));
    const entry = this.#index.get(id);
    if (changed && entry) entry.status = status;
    return changed;
  }

  async updateWork(id: string, change: (work: PracticeWork) => PracticeWork): Promise<IntakeRequest | undefined> {
    return this.#replace(id, (current) => ({ ...current, work: change(structuredClone(current.work ?? { notes: [], regrades: [] })) }));
  }

  /** Writes a changed copy of a stored request; a new object, never a change in place (see bytesOf). */
  async #replace(id: string, next: (current: IntakeRequest) => IntakeRequest): Promise<IntakeRequest | undefined> {
    await this.#inFlight.get(id)?.catch(() => undefined);
    const entry = this.#index.get(id);
    if (!entry) return undefined;
    return this.#cache.use(requestPartitionPath(this.#dataDir, entry.day), async (f) => {
      const current = f.data.requests[id];
      if (!current) return undefined;
      const request = next(current);
      f.data.requests[id] = request;
      await f.write();
      return structuredClone(request);
    });
  }

  async countSubmitted(from: Date, to: Date, tiers: readonly Tier[]): Promise<number> {
    const fromMs = from.getTime();
    const toMs = to.getTime();
    if (!(toMs > fromMs)) return 0;
    let n = 0;
    // Only the partitions overlapping [from, to) are looked at, so this stays cheap with a big history.
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

  /** Removes requests by id, one rewrite per partition; deletes a partition file once empty. */
  async remove(ids: readonly string[]): Promise<number> {
    const byDay = new Map<string, string[]>();
    for (const id of ids) {
      const entry = this.#index.get(id);
      if (!entry) continue;
      byDay.set(entry.day, [...(byDay.get(entry.day) ?? []), id]);
    }
    let removed = 0;
    for (const [day, dayIds] of byDay) {
      const path = requestPartitionPath(this.#dataDir, day);
      const empty = await this.#cache.use(path, async (f) => {
        for (const id of dayIds) {
          delete f.data.requests[id];
          this.#index.remove(id);
          removed += 1;
        }
        const isEmpty = Object.keys(f.data.requests).length === 0;
        if (!isEmpty) await f.write();
        else await f.idle();
        return isEmpty;
      });
      if (empty) {
        this.#cache.drop(path);
        await unlink(path).catch((err: unknown) => {
          if (errorCode(err) !== 'ENOENT') throw err;
        });
      }
    }
    return removed;
  }

  idle(): Promise<void> {
    return this.#cache.idle();
  }

  async #insert(request: IntakeRequest, day: string): Promise<void> {
    if (!this.#dirMade) {
      await makeDir(requestsDir(this.#dataDir));
      this.#dirMade = true;
    }
    await this.#cache.use(requestPartitionPath(this.#dataDir, day), async (f) => {
      f.data.requests[request.id] = request;
      this.#index.add(indexEntryOf(request, day));
      try {
        await f.write();
      } catch (err) {
        // Not durable: take it back out so a retry of put() stores it properly.
        delete f.data.requests[request.id];
        this.#index.remove(request.id);
        throw err;
      }
    });
  }

  async #load(page: readonly IndexEntry[]): Promise<IntakeRequest[]> {
    const byDay = new Map<string, IndexEntry[]>();
    for (const e of page) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
    const found = new Map<string, IntakeRequest>();
    for (const [day, entries] of byDay) {
      await this.#cache.use(requestPartitionPath(this.#dataDir, day), (f) => {
        for (const e of entries) {
          const r = f.data.requests[e.id];
          if (r) found.set(e.id, structuredClone(r));
        }
      });
    }
    return page.flatMap((e) => found.get(e.id) ?? []);
  }

  async #scan(): Promise<void> {
    const dir = requestsDir(this.#dataDir);
    const days = (await listDir(dir)).flatMap((name) => PARTITION_FILE.exec(name)?.[1] ?? []);
    if (days.length > 0) this.#dirMade = true;
    // Parsed partitions are dropped straight after indexing: only the index stays in memory.
    for (const day of days) {
      const partition = readCheckedJson(requestPartitionPath(this.#dataDir, day), isPartition);
      for (const request of Object.values(partition.requests)) this.#index.add(indexEntryOf(request, day));
    }
  }
}
