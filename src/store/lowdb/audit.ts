import type { Logger } from '../../observability/logger.js';
import type { AuditEntry, AuditLog } from '../types.js';
import { isObject, listDir, makeDir } from './fs-util.js';
import { JsonLinesWriter, readJsonLines } from './json-lines.js';
import { DAY_LOG_FILE, auditDir, auditLogPath, dayOf } from './paths.js';

/**
 * Append-only audit log as JSON Lines, one file per UTC day of the entry (`audit/YYYY-MM-DD.jsonl`).
 * Not lowdb on purpose: an append must cost the same on the last day of the year as on the first (see
 * json-lines.ts), and must never rewrite earlier entries. The one exception is retention: lines older
 * than the audit retention are trimmed, whole day files deleted and the boundary day rewritten with
 * the store's durable replace.
 */

function isAuditEntry(value: unknown): value is AuditEntry {
  return isObject(value) && typeof value.at === 'string' && typeof value.actor === 'string' && typeof value.action === 'string';
}

export class JsonLinesAuditLog implements AuditLog {
  readonly #writer: JsonLinesWriter;
  #dirMade: Promise<void> | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly logger?: Logger,
  ) {
    // An entry is in the file when append resolves (it survives the process dying); the fsync
    // follows in the background, so a patient's consent does not wait for the disk a second time.
    this.#writer = new JsonLinesWriter({
      waitForSync: false,
      onSyncError: (err, file) => this.logger?.error({ err: (err as Error).message, file }, 'audit log fsync failed'),
    });
  }

  async append(entry: AuditEntry): Promise<void> {
    if (!isAuditEntry(entry)) throw new TypeError('Not an AuditEntry');
    const day = dayOf(entry.at);
    // One promise for every caller: entries appended together (a request's lines) keep their order
    // even while the folder is being made; a failed attempt is tried again by the next append.
    this.#dirMade ??= makeDir(auditDir(this.dataDir)).catch((err: unknown) => {
      this.#dirMade = undefined;
      throw err;
    });
    await this.#dirMade;
    await this.#writer.append(auditLogPath(this.dataDir, day), entry);
  }

  /** All entries (optionally for one request), oldest day first, in append order within a day. */
  async read(requestId?: string): Promise<AuditEntry[]> {
    await this.#writer.idle();
    const out: AuditEntry[] = [];
    for (const name of (await listDir(auditDir(this.dataDir))).sort()) {
      const day = DAY_LOG_FILE.exec(name)?.[1];
      if (!day) continue;
      const path = auditLogPath(this.dataDir, day);
      const { values, badLines } = await readJsonLines(path);
      if (badLines > 0) this.logger?.warn({ file: path, badLines }, 'skipped unreadable lines in audit log (torn append after a crash?)');
      for (const v of values) if (isAuditEntry(v) && (requestId === undefined || v.requestId === requestId)) out.push(v);
    }
    return out;
  }

  /** UTC days that have an audit file, oldest first. */
  async days(): Promise<string[]> {
    return (await listDir(auditDir(this.dataDir)))
      .flatMap((name) => DAY_LOG_FILE.exec(name)?.[1] ?? [])
      .sort();
  }

  /** Removes entries dated before `cutoffMs`; returns how many lines were removed. */
  async trim(cutoffMs: number): Promise<number> {
    const cutoffDay = dayOf(cutoffMs);
    let removed = 0;
    for (const day of await this.days()) {
      if (day > cutoffDay) break;
      // A line without a readable date on an old day is dropped with it; on the boundary day it is kept.
      const keep = day < cutoffDay ? () => false : (v: unknown) => !(isAuditEntry(v) && Date.parse(v.at) < cutoffMs);
      removed += await this.#writer.rewrite(auditLogPath(this.dataDir, day), keep);
    }
    return removed;
  }

  idle(): Promise<void> {
    return this.#writer.idle();
  }

  close(): Promise<void> {
    return this.#writer.close();
  }
}
