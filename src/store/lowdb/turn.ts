import type { AuditEntry, ConversationRecord, TurnCommit, TurnSession, TurnWrite } from '../types.js';
import type { JsonLinesAuditLog } from './audit.js';
import type { JournalConversationStore } from './conversations.js';
import type { LowdbOutbox } from './outbox.js';
import type { LowdbRequestStore } from './requests.js';

/** The sub-stores a turn writes to. */
export interface TurnParts {
  conversations: JournalConversationStore;
  requests: LowdbRequestStore;
  outbox: LowdbOutbox;
  audit: JsonLinesAuditLog;
}

/**
 * Runs tasks one at a time per key, in arrival order; different keys run concurrently. One process
 * owns a data folder (data-lock.ts), so an in-process lock is the conversation's lock.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  async idle(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()]);
  }
}

function linesOf(audit: AuditEntry | readonly AuditEntry[]): readonly AuditEntry[] {
  return Array.isArray(audit) ? audit : [audit as AuditEntry];
}

/**
 * Files have no transactions: the snapshot is written while the requests are stored (it carries
 * them, so a request lost to a crash between the writes is stored again from it on load), each new
 * request gets its audit line(s), and each kind 'request' is queued once. Every write is attempted;
 * the first failure is thrown once all have settled.
 */
async function commitTurn(parts: TurnParts, write: TurnWrite): Promise<TurnCommit> {
  const created: string[] = [];
  const enqueued: string[] = [];
  const audits: Promise<void>[] = [];
  const storeRequests = async (): Promise<unknown[]> => {
    const errors: unknown[] = [];
    for (const request of write.requests) {
      try {
        const result = await parts.requests.put(request);
        if (result.created) {
          created.push(request.id);
          for (const line of linesOf(write.audit(request))) audits.push(parts.audit.append(line));
        }
        if (write.enqueueAt && request.kind === 'request') {
          const queued = parts.outbox.stateOf(request.id) !== undefined;
          await parts.outbox.enqueue(request.id, write.enqueueAt);
          if (!queued) enqueued.push(request.id);
        }
      } catch (err) {
        errors.push(err);
      }
    }
    return errors;
  };
  const [saved, stored] = await Promise.allSettled([parts.conversations.put(write.conversation, write.options), storeRequests()]);
  const audited = await Promise.allSettled(audits);
  const errors = [
    ...(saved.status === 'rejected' ? [saved.reason] : []),
    ...(stored.status === 'fulfilled' ? stored.value : [stored.reason]),
    ...audited.flatMap((a) => (a.status === 'rejected' ? [a.reason] : [])),
  ];
  if (errors.length > 0) throw errors[0];
  return { created, enqueued };
}

/**
 * A session for one turn: the record as read under the lock (its text read there, parsed on first
 * use: see JournalConversationStore.getLazily), and a commit usable once.
 */
export function lowdbSession(parts: TurnParts, record: () => ConversationRecord | undefined): TurnSession {
  let committed = false;
  return {
    get record() {
      return record();
    },
    commit(write) {
      if (committed) return Promise.reject(new Error('a turn session commits once'));
      committed = true;
      return commitTurn(parts, write);
    },
  };
}
