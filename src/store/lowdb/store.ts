import { chmod, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../observability/logger.js';
import { RETENTION_DEFAULTS, type RetentionPeriods } from '../retention.js';
import type { ErasureReport, ErasureTarget, Store, SweepResult, TurnSession } from '../types.js';
import { JsonLinesAuditLog } from './audit.js';
import { JournalConversationStore } from './conversations.js';
import { acquireDataDirLock, type DataDirLock } from './data-lock.js';
import { StoreClosedError } from './errors.js';
import { DIR_MODE, FILE_MODE, makeDir } from './fs-util.js';
import { LowdbOutbox } from './outbox.js';
import { DAY_MS, dayOf } from './paths.js';
import { LowdbRequestStore } from './requests.js';
import { KeyedLock, lowdbSession } from './turn.js';

export { RETENTION_DEFAULTS, type RetentionPeriods };

export interface LowdbStoreOptions {
  dataDir: string;
  /** Conversations idle, and delivered/closed requests submitted, longer than this are deleted by sweep(). */
  retentionDays: number;
  retention?: Partial<RetentionPeriods>;
  /** Dead lines in the conversation journal are compacted away once this old (default 24 h). */
  compactAfterMs?: number;
  /** A data directory lock without a heartbeat for this long is taken over (default 60 s; 0 = any). */
  lockStaleAfterMs?: number;
  /**
   * The sweep refuses to run when the clock is further than this ahead of the newest stored record
   * and it would delete more than half of what is stored (default 7 days): a clock set wrong.
   */
  maxClockLeadMs?: number;
  clock: Clock;
  logger?: Logger;
}

const DEFAULT_MAX_CLOCK_LEAD_MS = 7 * DAY_MS;

/** The composed embedded store: owns the directory lock and the sub-stores, and runs retention. */
export class LowdbStore implements Store {
  /** One process owns the folder: nobody else writes it behind our back. */
  readonly shared = false;
  #closed = false;
  readonly #retention: RetentionPeriods;
  readonly #turns = new KeyedLock();

  private constructor(
    private readonly options: LowdbStoreOptions,
    private readonly lock: DataDirLock,
    readonly conversations: JournalConversationStore,
    readonly requests: LowdbRequestStore,
    readonly outbox: LowdbOutbox,
    readonly audit: JsonLinesAuditLog,
  ) {
    this.#retention = { ...RETENTION_DEFAULTS, ...options.retention };
  }

  static async open(options: LowdbStoreOptions): Promise<LowdbStore> {
    if (!(options.retentionDays > 0)) throw new RangeError('retentionDays must be a positive number');
    for (const [name, days] of Object.entries(options.retention ?? {})) {
      if (!(days > 0)) throw new RangeError(`retention.${name} must be a positive number`);
    }
    const started = Date.now();
    // Owner only, also for a folder an earlier version (or the operator) created with a wider mode:
    // files inside that are still 0644 are then out of other users' reach.
    await makeDir(options.dataDir);
    await chmod(options.dataDir, DIR_MODE);
    const { dataDir, logger, clock } = options;
    const lock = await acquireDataDirLock(dataDir, clock, {
      ...(options.lockStaleAfterMs !== undefined ? { staleAfterMs: options.lockStaleAfterMs } : {}),
      ...(logger ? { logger } : {}),
    });
    const opening = JournalConversationStore.open({
      dataDir,
      now: () => clock.now().getTime(),
      ...(options.compactAfterMs !== undefined ? { maxGarbageAgeMs: options.compactAfterMs } : {}),
      ...(logger ? { logger } : {}),
    });
    try {
      const [conversations, requests, outbox] = await Promise.all([opening, LowdbRequestStore.open({ dataDir, logger }), LowdbOutbox.open({ dataDir, logger })]);
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

  turn<T>(conversationId: string, task: (session: TurnSession) => Promise<T>): Promise<T> {
    return this.#turns.run(conversationId, async () => {
      this.#assertOpen();
      const record = await this.conversations.getLazily(conversationId);
      return task(lowdbSession(this, record));
    });
  }

  async checkWritable(): Promise<boolean> {
    if (this.#closed) return false;
    const probe = join(this.options.dataDir, `.ready-probe-${process.pid}`);
    try {
      await writeFile(probe, this.options.clock.now().toISOString(), { mode: FILE_MODE });
      await unlink(probe);
      return true;
    } catch {
      return false;
    }
  }

  async sweep(now: Date): Promise<SweepResult> {
    this.#assertOpen();
    const t = now.getTime();
    const cutoff = t - this.options.retentionDays * DAY_MS;
    const deadCutoff = t - this.#retention.deadLetterDays * DAY_MS;
    // An open request is never deleted before a finished one would be.
    const openCutoff = t - Math.max(this.#retention.openRequestDays, this.options.retentionDays) * DAY_MS;
    const auditCutoff = t - this.#retention.auditDays * DAY_MS;
    const ids = this.requests
      .submittedBefore(Math.max(cutoff, deadCutoff, openCutoff))
      .filter((e) => {
        const state = this.outbox.stateOf(e.id);
        if (state === 'dead') return e.submittedMs < deadCutoff;
        const finished = state === 'delivered' || (state === undefined && (e.kind === 'emergency-diversion' || e.status === 'closed'));
        // Anything still owed to the practice, or read through the API and left open, gets the longer period.
        return e.submittedMs < (finished ? cutoff : openCutoff);
      })
      .map((e) => e.id);
    const auditDays = await this.audit.days();
    const auditCutoffDay = dayOf(auditCutoff);

    const skipped = this.#clockAhead(t, {
      doomed: this.conversations.countBefore(cutoff) + ids.length + auditDays.filter((d) => d < auditCutoffDay).length,
      stored: this.conversations.count + this.requests.count + auditDays.length,
      newestAudit: auditDays.at(-1),
    });
    if (skipped) return { conversations: 0, requests: 0, auditLines: 0, skipped };

    const conversations = await this.conversations.sweep(cutoff);
    const requests = await this.requests.remove(ids);
    await this.outbox.erase(ids.filter((id) => this.outbox.stateOf(id) !== 'delivered'));
    await this.outbox.pruneDelivered(dayOf(cutoff), (id) => this.requests.has(id));
    const auditLines = await this.audit.trim(auditCutoff);
    // The age rule needs no write to trigger it: a quiet practice's deletions still leave the files.
    this.conversations.journal.compactIfDue();
    this.options.logger?.info({ conversations, requests, auditLines }, 'retention sweep done');
    return { conversations, requests, auditLines };
  }

  /**
   * 'clock-ahead' when `now` is far ahead of the newest stored record and the sweep would delete
   * most of what is stored: a host booted with its clock years ahead would otherwise delete
   * everything. After a genuine long pause the first new conversation makes the next sweep run.
   */
  #clockAhead(now: number, counts: { doomed: number; stored: number; newestAudit: string | undefined }): string | undefined {
    const times = [this.conversations.newest(), this.requests.newest(), counts.newestAudit && Date.parse(counts.newestAudit) + DAY_MS - 1];
    const newest = Math.max(...times.filter((x): x is number => typeof x === 'number'));
    if (!Number.isFinite(newest)) return undefined;
    const leadMs = now - newest;
    if (leadMs <= (this.options.maxClockLeadMs ?? DEFAULT_MAX_CLOCK_LEAD_MS) || counts.doomed * 2 <= counts.stored) return undefined;
    this.options.logger?.error(
      { clockLeadDays: Math.round(leadMs / DAY_MS), wouldDelete: counts.doomed, stored: counts.stored },
      'retention sweep skipped: the clock is far ahead of everything stored and the sweep would delete most of it; check the host clock',
    );
    return 'clock-ahead';
  }

  async erase(target: ErasureTarget): Promise<ErasureReport | undefined> {
    this.#assertOpen();
    let conversationId: string;
    let requestIds: string[];
    if ('requestId' in target) {
      const entry = this.requests.entryOf(target.requestId);
      if (!entry) return undefined;
      conversationId = entry.conversationId;
      requestIds = [entry.id];
    } else {
      conversationId = target.conversationId;
      requestIds = this.requests.idsOfConversation(conversationId);
    }
    const hasConversation = await this.conversations.has(conversationId);
    if (!hasConversation && requestIds.length === 0) return undefined;
    // The snapshot first: it carries its requests, and one left behind would store them again.
    if (hasConversation) await this.conversations.erase(conversationId);
    await this.requests.remove(requestIds);
    await this.outbox.erase(requestIds);
    this.options.logger?.info({ requests: requestIds.length, conversation: hasConversation }, 'erased on request');
    return { ...(hasConversation ? { conversationId } : {}), requestIds };
  }

  async flush(): Promise<void> {
    await this.#turns.idle();
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
