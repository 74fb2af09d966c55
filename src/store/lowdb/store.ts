import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../observability/logger.js';
import type { Store } from '../types.js';
import { JsonLinesAuditLog } from './audit.js';
import { JournalConversationStore } from './conversations.js';
import { acquireDataDirLock, type DataDirLock } from './data-lock.js';
import { StoreClosedError } from './errors.js';
import { LowdbOutbox } from './outbox.js';
import { DAY_MS, dayOf } from './paths.js';
import { LowdbRequestStore } from './requests.js';

export interface LowdbStoreOptions {
  dataDir: string;
  /** Conversations idle, and delivered/closed requests submitted, longer than this are deleted by sweep(). */
  retentionDays: number;
  clock: Clock;
  logger?: Logger;
}

/** The composed embedded store: owns the directory lock and the sub-stores, and runs retention. */
export class LowdbStore implements Store {
  #closed = false;

  private constructor(
    private readonly options: LowdbStoreOptions,
    private readonly lock: DataDirLock,
    readonly conversations: JournalConversationStore,
    readonly requests: LowdbRequestStore,
    readonly outbox: LowdbOutbox,
    readonly audit: JsonLinesAuditLog,
  ) {}

  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
    if (!(options.retentionDays > 0)) throw new RangeError('retentionDays must be a positive number');
    const started = Date.now();
    await mkdir(options.dataDir, { recursive: true });
    const lock = await acquireDataDirLock(options.dataDir, options.clock);
    const { dataDir, logger } = options;
    const opening = JournalConversationStore.open({ dataDir, ...(logger ? { logger } : {}) });
    try {
      const [conversations, requests, outbox] = await Promise.all([opening, LowdbRequestStore.open({ dataDir }), LowdbOutbox.open({ dataDir, logger })]);
      const store = new LowdbStore(options, lock, conversations, requests, outbox, new JsonLinesAuditLog(dataDir, logger));
      logger?.info(
        { conversations: conversations.count, requests: requests.count, startupMs: Date.now() - started },
        'lowdb store opened',
      );
      return store;
    } catch (err) {
      // Never leave the directory locked, or the journal's files open, when a part failed (e.g. a corrupt file).
      await opening.then((c) => c.close()).catch(() => undefined);
      await lock.release();
      throw err;
    }
  }

  async checkWritable(): Promise<boolean> {
    if (this.#closed) return false;
    const probe = join(this.options.dataDir, `.ready-probe-${process.pid}`);
    try {
      await writeFile(probe, this.options.clock.now().toISOString());
      await unlink(probe);
      return true;
    } catch {
      return false;
    }
  }

  async sweep(now: Date): Promise<{ conversations: number; requests: number }> {
    this.#assertOpen();
    const cutoff = now.getTime() - this.options.retentionDays * DAY_MS;
    const conversations = await this.conversations.sweep(cutoff);
    const ids = this.requests
      .submittedBefore(cutoff)
      .filter((e) => {
        const state = this.outbox.stateOf(e.id);
        // Anything still owed to the practice, or dead-lettered for a person to look at, is kept.
        if (state === 'pending' || state === 'dead') return false;
        return state === 'delivered' || e.kind === 'emergency-diversion' || e.status === 'closed';
      })
      .map((e) => e.id);
    const requests = await this.requests.remove(ids);
    await this.outbox.pruneDelivered(dayOf(cutoff), (id) => this.requests.has(id));
    this.options.logger?.info({ conversations, requests }, 'retention sweep done');
    return { conversations, requests };
  }

  async flush(): Promise<void> {
    await Promise.all([this.conversations.idle(), this.requests.idle(), this.outbox.idle(), this.audit.idle()]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.flush();
    await Promise.all([this.conversations.close(), this.audit.close(), this.outbox.close()]);
    await this.lock.release();
  }

  #assertOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}
