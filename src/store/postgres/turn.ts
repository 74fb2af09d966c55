import type pg from 'pg';
import type { AuditEntry, ConversationRecord, TurnCommit, TurnSession, TurnWrite } from '../types.js';
import { insertAudit } from './audit.js';
import { withoutNul } from './db.js';
import { upsertConversation } from './conversations.js';
import { insertOutbox, insertRequest } from './rows.js';

function linesOf(audit: AuditEntry | readonly AuditEntry[]): readonly AuditEntry[] {
  return Array.isArray(audit) ? audit : [audit as AuditEntry];
}

/**
 * A turn's session on PostgreSQL: the record was read inside the turn's transaction after its
 * advisory lock, and commit() writes snapshot, requests, outbox rows and audit lines in that same
 * transaction (the store COMMITs once the task resolves).
 */
export class PgTurnSession implements TurnSession {
  #commit: Promise<TurnCommit> | undefined;
  #forget = false;

  constructor(
    private readonly client: pg.PoolClient,
    readonly record: ConversationRecord | undefined,
  ) {}

  commit(write: TurnWrite): Promise<TurnCommit> {
    if (this.#commit) return Promise.reject(new Error('a turn session commits once'));
    this.#forget = write.options?.forgetEarlier === true;
    this.#commit = this.#write(write);
    // Handled here as well, so a task that drops the promise cannot crash the process; turn() rethrows it.
    this.#commit.catch(() => undefined);
    return this.#commit;
  }

  /** Settles once the commit's statements have run; rejects if any failed (the transaction is then aborted). */
  async written(): Promise<{ forgetEarlier: boolean }> {
    await this.#commit;
    return { forgetEarlier: this.#forget };
  }

  async #write(write: TurnWrite): Promise<TurnCommit> {
    const client = withoutNul(this.client);
    await upsertConversation(client, write.conversation);
    const created: string[] = [];
    const enqueued: string[] = [];
    const audit: AuditEntry[] = [];
    for (const request of write.requests) {
      if (await insertRequest(client, request)) {
        created.push(request.id);
        audit.push(...linesOf(write.audit(request)));
      }
      if (write.enqueueAt && request.kind === 'request' && (await insertOutbox(client, request.id, write.enqueueAt))) enqueued.push(request.id);
    }
    await insertAudit(client, audit);
    return { created, enqueued };
  }
}
