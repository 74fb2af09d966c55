import { unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../../observability/logger.js';
import { idempotencyKeyFor } from '../outboxKey.js';
import type { Outbox, OutboxEntry } from '../types.js';
import { isObject, listDir, makeDir } from './fs-util.js';
import { JsonLinesWriter, readJsonLines } from './json-lines.js';
import { LowFile } from './low-file.js';
import { DAY_LOG_FILE, dayOf, deliveredDir, deliveredLogPath, outboxPath } from './paths.js';

/**
 * The outbox file (`outbox/outbox.json`) holds only pending and dead entries, so it stays small no
 * matter how much has been delivered. A delivery is first appended (fsync) to the day's delivered log
 * (`outbox/delivered/YYYY-MM-DD.jsonl`) and only then removed from the outbox file; if we crash in
 * between, start-up sees it in both and drops it from the outbox, so it is never delivered twice.
 * Delivered entries are kept in memory (small) so enqueue stays idempotent after compaction.
 */

interface OutboxFile {
  format: 1;
  entries: Record<string, OutboxEntry>;
}

const STATES: readonly string[] = ['pending', 'delivered', 'dead'];

function isOutboxEntry(value: unknown): value is OutboxEntry {
  return (
    isObject(value) &&
    typeof value.requestId === 'string' &&
    typeof value.idempotencyKey === 'string' &&
    typeof value.state === 'string' &&
    STATES.includes(value.state) &&
    typeof value.attempts === 'number' &&
    typeof value.nextAttemptAt === 'string' &&
    typeof value.createdAt === 'string'
  );
}

function isOutboxFile(value: unknown): value is OutboxFile {
  return isObject(value) && value.format === 1 && isObject(value.entries) && Object.values(value.entries).every(isOutboxEntry);
}

export { idempotencyKeyFor };

/** Error text is kept short: it is shown in the practice API and must not grow the file unbounded. */
const MAX_ERROR_LENGTH = 500;

/**
 * What is kept in memory per delivered request: numbers rather than the entry's strings, because
 * this map holds every delivered request within retention (~60 bytes each instead of ~400).
 * The full entry, lastError included, stays in the delivered log on disk.
 */
interface DeliveredFact {
  attempts: number;
  createdMs: number;
  nextMs: number;
  deliveredMs: number;
}

function entryOf(requestId: string, fact: DeliveredFact): OutboxEntry {
  return {
    requestId,
    idempotencyKey: idempotencyKeyFor(requestId),
    state: 'delivered',
    attempts: fact.attempts,
    nextAttemptAt: new Date(fact.nextMs).toISOString(),
    createdAt: new Date(fact.createdMs).toISOString(),
    deliveredAt: new Date(fact.deliveredMs).toISOString(),
  };
}

function byCreated(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.requestId < b.requestId ? -1 : 1;
}

export class LowdbOutbox implements Outbox {
  readonly #dataDir: string;
  readonly #file: LowFile<OutboxFile>;
  readonly #log: JsonLinesWriter;
  readonly #delivered = new Map<string, DeliveredFact>();
  /** Delivered log day → request ids in it (for pruning old logs). */
  readonly #deliveredDays = new Map<string, Set<string>>();
  readonly #delivering = new Set<string>();
  /** Claimed entries → when their lease runs out (ms). In memory: one process owns the folder. */
  readonly #leases = new Map<string, number>();

  private constructor(dataDir: string, file: LowFile<OutboxFile>, log: JsonLinesWriter) {
    this.#dataDir = dataDir;
    this.#file = file;
    this.#log = log;
  }

  static async open(options: { dataDir: string; logger?: Logger }): Promise<LowdbOutbox> {
    const path = outboxPath(options.dataDir);
    await makeDir(deliveredDir(options.dataDir));
    // Durable: an entry lost to a power cut would be a request never delivered.
    const file = await LowFile.open<OutboxFile>(path, { format: 1, entries: {} }, isOutboxFile, { durable: true });
    const outbox = new LowdbOutbox(options.dataDir, file, new JsonLinesWriter());
    await outbox.#loadDelivered(options.logger);
    await outbox.#compact();
    return outbox;
  }

  async enqueue(requestId: string, at: Date): Promise<void> {
    if (this.#file.data.entries[requestId] || this.#delivered.has(requestId)) return;
    const iso = at.toISOString();
    this.#file.data.entries[requestId] = {
      requestId,
      idempotencyKey: idempotencyKeyFor(requestId),
      state: 'pending',
      attempts: 0,
      nextAttemptAt: iso,
      createdAt: iso,
    };
    try {
      await this.#file.write();
    } catch (err) {
      delete this.#file.data.entries[requestId];
      throw err;
    }
  }

  async due(now: Date, limit: number): Promise<OutboxEntry[]> {
    const t = now.getTime();
    return Object.values(this.#file.data.entries)
      .filter((e) => e.state === 'pending' && Date.parse(e.nextAttemptAt) <= t)
      .sort(byCreated)
      .slice(0, Math.max(0, limit))
      .map((e) => structuredClone(e));
  }

  async claim(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const t = now.getTime();
    const free = (e: OutboxEntry): boolean => !((this.#leases.get(e.requestId) ?? -Infinity) > t);
    const claimed = Object.values(this.#file.data.entries)
      .filter((e) => e.state === 'pending' && Date.parse(e.nextAttemptAt) <= t && free(e))
      .sort(byCreated)
      .slice(0, Math.max(0, limit));
    for (const e of claimed) this.#leases.set(e.requestId, t + Math.max(0, leaseMs));
    return claimed.map((e) => structuredClone(e));
  }

  async markDelivered(requestId: string, at: Date): Promise<void> {
    this.#leases.delete(requestId);
    const entry = this.#file.data.entries[requestId];
    // Unknown, already delivered, or being recorded right now: nothing to record twice.
    if (!entry || this.#delivering.has(requestId)) return;
    this.#delivering.add(requestId);
    try {
      await this.#recordDelivered(entry, at);
    } finally {
      this.#delivering.delete(requestId);
    }
  }

  async #recordDelivered(entry: OutboxEntry, at: Date): Promise<void> {
    const requestId = entry.requestId;
    const delivered: OutboxEntry = {
      ...entry,
      state: 'delivered',
      attempts: entry.attempts + 1,
      deliveredAt: at.toISOString(),
    };
    const day = dayOf(at);
    // Durable record first; only then compact it out of the outbox file.
    await this.#log.append(deliveredLogPath(this.#dataDir, day), delivered);
    this.#rememberDelivered(delivered, day);
    if (this.#file.data.entries[requestId] === entry) delete this.#file.data.entries[requestId];
    await this.#file.write();
  }

  async markFailed(requestId: string, error: string, nextAttemptAt: Date | null): Promise<void> {
    this.#leases.delete(requestId);
    const entry = this.#file.data.entries[requestId];
    if (!entry || entry.state !== 'pending') return;
    entry.attempts += 1;
    entry.lastError = error.slice(0, MAX_ERROR_LENGTH);
    if (nextAttemptAt === null) entry.state = 'dead';
    else entry.nextAttemptAt = nextAttemptAt.toISOString();
    await this.#file.write();
  }

  async retry(requestId: string, at: Date): Promise<OutboxEntry | undefined> {
    const delivered = this.#delivered.get(requestId);
    if (delivered) return entryOf(requestId, delivered);
    const entry = this.#file.data.entries[requestId];
    if (!entry) return undefined;
    if (entry.state === 'dead') {
      this.#leases.delete(requestId);
      entry.state = 'pending';
      // A manual retry starts a fresh backoff schedule; lastError stays for the practice to see.
      entry.attempts = 0;
      entry.nextAttemptAt = at.toISOString();
      entry.retriedAt = at.toISOString();
      await this.#file.write();
    }
    return structuredClone(entry);
  }

  async list(state?: OutboxEntry['state']): Promise<OutboxEntry[]> {
    const live = Object.values(this.#file.data.entries);
    const delivered = (): OutboxEntry[] => [...this.#delivered].map(([id, fact]) => entryOf(id, fact));
    const all = state === 'delivered' ? delivered() : state ? live.filter((e) => e.state === state) : [...live, ...delivered()];
    return all.sort(byCreated).map((e) => structuredClone(e));
  }

  /** Current state for the retention sweep; undefined when the request was never enqueued. */
  stateOf(requestId: string): OutboxEntry['state'] | undefined {
    return this.#file.data.entries[requestId]?.state ?? (this.#delivered.has(requestId) ? 'delivered' : undefined);
  }

  /**
   * Deletes delivered logs of days before `cutoffDay` whose requests are all gone from the store, and
   * forgets those entries. Returns the number of files removed.
   */
  async pruneDelivered(cutoffDay: string, requestExists: (id: string) => boolean): Promise<number> {
    let removed = 0;
    for (const [day, ids] of [...this.#deliveredDays]) {
      if (day >= cutoffDay || [...ids].some(requestExists)) continue;
      await this.#log.idle();
      await unlink(deliveredLogPath(this.#dataDir, day)).catch(() => undefined);
      for (const id of ids) this.#delivered.delete(id);
      this.#deliveredDays.delete(day);
      removed += 1;
    }
    return removed;
  }

  /**
   * Removes every trace of these requests: their pending or dead entries, and their lines in the
   * delivered logs (each log rewritten without them). For erasure and for retention of dead letters.
   * Returns how many entries were removed.
   */
  async erase(requestIds: readonly string[]): Promise<number> {
    const ids = new Set(requestIds);
    let removed = 0;
    for (const id of ids) {
      this.#leases.delete(id);
      if (!this.#file.data.entries[id]) continue;
      delete this.#file.data.entries[id];
      removed += 1;
    }
    if (removed > 0) await this.#file.write();
    for (const [day, dayIds] of [...this.#deliveredDays]) {
      const here = [...ids].filter((id) => dayIds.has(id));
      if (here.length === 0) continue;
      await this.#log.rewrite(deliveredLogPath(this.#dataDir, day), (v) => !(isObject(v) && typeof v.requestId === 'string' && ids.has(v.requestId)));
      for (const id of here) {
        dayIds.delete(id);
        this.#delivered.delete(id);
        removed += 1;
      }
      if (dayIds.size === 0) this.#deliveredDays.delete(day);
    }
    return removed;
  }

  async idle(): Promise<void> {
    await Promise.all([this.#file.idle(), this.#log.idle()]);
  }

  async close(): Promise<void> {
    await this.idle();
    await this.#log.close();
  }

  #rememberDelivered(entry: OutboxEntry, day: string): void {
    const deliveredMs = Date.parse(entry.deliveredAt ?? entry.nextAttemptAt);
    this.#delivered.set(entry.requestId, {
      attempts: entry.attempts,
      createdMs: Date.parse(entry.createdAt),
      nextMs: Date.parse(entry.nextAttemptAt),
      deliveredMs,
    });
    let ids = this.#deliveredDays.get(day);
    if (!ids) {
      ids = new Set();
      this.#deliveredDays.set(day, ids);
    }
    ids.add(entry.requestId);
  }

  async #loadDelivered(logger?: Logger): Promise<void> {
    const dir = deliveredDir(this.#dataDir);
    for (const name of (await listDir(dir)).sort()) {
      const day = DAY_LOG_FILE.exec(name)?.[1];
      if (!day) continue;
      const path = deliveredLogPath(this.#dataDir, day);
      const { values, badLines } = await readJsonLines(path);
      if (badLines > 0) logger?.warn({ file: path, badLines }, 'skipped unreadable lines in delivered log (torn append after a crash?)');
      for (const v of values) if (isOutboxEntry(v)) this.#rememberDelivered(v, day);
    }
  }

  /** Drop outbox entries already recorded as delivered (a crash between the two steps of markDelivered). */
  async #compact(): Promise<void> {
    let changed = false;
    for (const id of Object.keys(this.#file.data.entries)) {
      if (this.#delivered.has(id)) {
        delete this.#file.data.entries[id];
        changed = true;
      }
    }
    if (changed) {
      await makeDir(dirname(this.#file.path));
      await this.#file.write();
    }
  }
}
