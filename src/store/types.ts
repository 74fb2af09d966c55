import type { IntakeRequest, PracticeWork, RequestStatus, Tier } from '../domain/types.js';

/**
 * The storage seam. lowdb (./lowdb/) is the embedded default; PostgreSQL (./postgres/) replaces it
 * when several processes share one database. All methods are async and must be safe to call
 * concurrently for different keys; turns of one conversation are serialised by `Store.turn()`.
 */

export interface ConversationRecord {
  id: string;
  /** Statechart version the snapshot was taken with; an older version restarts politely. */
  machineVersion: string;
  /** XState persisted snapshot (JSON-safe). */
  snapshot: unknown;
  createdAt: string;
  updatedAt: string;
  /**
   * The most recent messages this conversation has taken (by activity key) and the replies each
   * produced, oldest first. Written in the same record as the snapshot, so the two always agree:
   * a repeat of one of these messages is answered with its replies and changes nothing.
   */
  answered?: AnsweredActivity[];
}

export interface AnsweredActivity {
  /** `activityKey()` of the message (src/bot/incoming.ts). */
  key: string;
  /** The activities sent back for it (JSON-safe). */
  replies: unknown[];
}

export interface PutOptions {
  /**
   * No earlier version of this record may survive on storage, not even as bytes awaiting reuse by
   * the storage engine (e.g. the record now holds less personal data than before). Resolves once the
   * record is stored; the earlier versions are removed promptly after, and `Store.flush()` waits for it.
   */
  forgetEarlier?: boolean;
}

export interface ConversationStore {
  get(id: string): Promise<ConversationRecord | undefined>;
  put(record: ConversationRecord, options?: PutOptions): Promise<void>;
  delete(id: string): Promise<void>;
  /** Number of conversations updated at or after `since` (for metrics). */
  countActiveSince(since: Date): Promise<number>;
}

export interface RequestQuery {
  status?: RequestStatus;
  urgency?: Tier;
  /** Only requests submitted at or after this time. */
  since?: Date;
  /** Sorted by urgency (emergency first) then age (oldest first). */
  limit: number;
  offset: number;
}

export interface RequestStore {
  /** Idempotent by `request.id`: storing the same id twice keeps one copy. */
  put(request: IntakeRequest): Promise<{ created: boolean }>;
  get(id: string): Promise<IntakeRequest | undefined>;
  list(query: RequestQuery): Promise<{ total: number; items: IntakeRequest[] }>;
  setStatus(id: string, status: RequestStatus, by: string, at: Date): Promise<IntakeRequest | undefined>;
  /**
   * Replaces the practice's work on a request with `change(current)`, atomically for that request
   * (a database implements it in one transaction, reading the row FOR UPDATE). Undefined when absent.
   */
  updateWork(id: string, change: (work: PracticeWork) => PracticeWork): Promise<IntakeRequest | undefined>;
  /** Count of kind 'request' with the given tiers submitted in [from, to) — for daily capacity. */
  countSubmitted(from: Date, to: Date, tiers: readonly Tier[]): Promise<number>;
}

export interface OutboxEntry {
  requestId: string;
  /** Idempotency key sent with every attempt (stable across retries and restarts). */
  idempotencyKey: string;
  state: 'pending' | 'delivered' | 'dead';
  attempts: number;
  nextAttemptAt: string;
  createdAt: string;
  /** When a person last moved it back from the dead letters; the age limit counts from here. */
  retriedAt?: string;
  lastError?: string;
  deliveredAt?: string;
}

export interface Outbox {
  /** Idempotent by requestId. */
  enqueue(requestId: string, at: Date): Promise<void>;
  /** Pending entries whose nextAttemptAt <= now, oldest first (a read: claims nothing). */
  due(now: Date, limit: number): Promise<OutboxEntry[]>;
  /**
   * What a delivery worker calls: like `due()`, but each entry returned is leased to the caller
   * until `now + leaseMs` (or until markDelivered/markFailed/retry), and no other claim, on any
   * process, returns it meanwhile. PostgreSQL claims with FOR UPDATE SKIP LOCKED, so two processes'
   * workers never take one entry; a worker killed mid-delivery leaves its lease to run out.
   */
  claim(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  markDelivered(requestId: string, at: Date): Promise<void>;
  markFailed(requestId: string, error: string, nextAttemptAt: Date | null): Promise<void>;
  /** Moves a dead letter back to pending for an immediate attempt. */
  retry(requestId: string, at: Date): Promise<OutboxEntry | undefined>;
  list(state?: OutboxEntry['state']): Promise<OutboxEntry[]>;
}

export interface AuditEntry {
  at: string;
  /** Who: the API key's name, 'bot', or 'system'. */
  actor: string;
  action: string;
  requestId?: string;
  detail?: Record<string, string | number | boolean>;
}

export interface AuditLog {
  /** Append-only. */
  append(entry: AuditEntry): Promise<void>;
  read(requestId?: string): Promise<AuditEntry[]>;
}

/** What to erase: one request, or one conversation (the store key, `<channelId>:<conversation id>`). */
export type ErasureTarget = { requestId: string } | { conversationId: string };

export interface ErasureReport {
  /** The conversation whose snapshot was erased, when one was stored. */
  conversationId?: string;
  /** Requests erased (with their delivery entries). */
  requestIds: string[];
}

export interface SweepResult {
  conversations: number;
  requests: number;
  /** Audit lines removed (older than the audit retention). */
  auditLines: number;
  /** Set when the sweep deleted nothing on purpose, e.g. 'clock-ahead'. */
  skipped?: string;
}

/** What one turn stores, all together (see TurnSession.commit). */
export interface TurnWrite {
  conversation: ConversationRecord;
  options?: PutOptions;
  /** The requests the turn produced; idempotent by id (an id already stored is left as it is). */
  requests: readonly IntakeRequest[];
  /** Set when delivery is enabled: each request of kind 'request' is queued at this time, once (idempotent). */
  enqueueAt?: Date;
  /**
   * The task does nothing after this commit that can fail: PostgreSQL then ends the transaction with
   * these writes (COMMIT in the same round trip) instead of when the task resolves, so a task that
   * throws afterwards no longer undoes them. Atomicity is the same either way. lowdb ignores it.
   */
  last?: boolean;
  /**
   * The audit line(s) for one request this commit newly created; only those are stored. Not called for
   * ids already stored, except in a presumed commit (TurnOptions), which asks for every request's lines first.
   */
  audit: (request: IntakeRequest) => AuditEntry | readonly AuditEntry[];
}

export interface TurnCommit {
  /** Ids of the requests this commit newly created (in `requests` order). */
  created: string[];
  /** Ids this commit newly queued for delivery (already queued or delivered ones are not listed). */
  enqueued: string[];
}

/** What a shared store tells practice/demand.ts: the requests this process stored, and a bounded look at the rest. */
export interface DemandFeed {
  /** Up to `limit` ids of kind 'request' with these tiers submitted in [from, to), any order (one query). */
  submittedIds(from: Date, to: Date, tiers: readonly Tier[], limit: number): Promise<string[]>;
  /** `listener` gets each request this process newly stores, once it is committed. Returns an unsubscribe. */
  onStored(listener: (request: IntakeRequest) => void): () => void;
}

/** How a turn may begin (see Store.turn). */
export interface TurnOptions {
  /**
   * The `updatedAt` of the record the caller already holds a running copy of (a kept actor). A shared
   * store may then skip the read: the task first runs with `session.presumed` set, and its commit
   * stores only if the stored record still has this `updatedAt` (checked under the conversation's
   * lock, in the same round trip as the writes). If it does not (another process took a turn, or the
   * conversation was erased), nothing of that run is kept and the task runs again as usual, with the
   * record read under the lock. lowdb ignores it.
   */
  expectUpdatedAt?: string;
}

/** One conversation's turn, run with the conversation locked (other turns of it, on any process, wait). */
export interface TurnSession {
  /**
   * The stored record, read inside the lock. When `presumed`, it was not read: only its `updatedAt`
   * is known (the caller's `expectUpdatedAt`), and reading anything else from it is an error.
   */
  readonly record: ConversationRecord | undefined;
  /**
   * True on a shared store's first run of a turn given `expectUpdatedAt`: the task must use its own
   * copy, and may be run a second time (not presumed) if that copy turns out to be stale; the first
   * run's writes are then not stored, and whatever it changed in memory must be discarded.
   */
  readonly presumed?: boolean;
  /**
   * Writes everything the turn produced. PostgreSQL: in the turn's one transaction, committed when
   * the task resolves (nothing is stored if the task or the commit throws), or with the writes when
   * `write.last` is set. lowdb: written at once,
   * the snapshot alongside the requests it carries, so one lost to a crash between the writes is
   * stored again from the snapshot on load (the caller replays it). Call at most once per session.
   */
  commit(write: TurnWrite): Promise<TurnCommit>;
}

export interface Store {
  /**
   * Runs `task` holding this conversation's lock (other turns of it wait, on every process sharing
   * the store); on PostgreSQL inside one transaction, rolled back if `task` throws.
   */
  turn<T>(conversationId: string, task: (session: TurnSession) => Promise<T>, options?: TurnOptions): Promise<T>;
  /**
   * True when several processes may share this store (PostgreSQL): an in-memory copy of a
   * conversation must be checked against `record.updatedAt` before use. A shared store's commit is
   * also atomic, so a loaded snapshot never carries a request the store lacks (no replay needed).
   */
  readonly shared: boolean;
  conversations: ConversationStore;
  requests: RequestStore;
  outbox: Outbox;
  audit: AuditLog;
  /**
   * On a shared store (PostgreSQL): what practice/demand.ts needs to know today's demand without a
   * query per turn. Absent on the embedded store, whose count is in memory.
   */
  readonly demandFeed?: DemandFeed;
  /** Can we write? (for /ready) */
  checkWritable(): Promise<boolean>;
  /**
   * Retention: deletes conversations idle, and delivered/closed requests submitted, longer than the
   * retention period; dead letters and never-closed requests after their own (longer) periods; audit
   * lines older than the audit retention. Refuses (skipped: 'clock-ahead') when `now` is far ahead
   * of everything stored and the sweep would delete most of it: a clock set wrong, not old data.
   */
  sweep(now: Date): Promise<SweepResult>;
  /**
   * Erases one request, or one conversation, everywhere the store holds it: the conversation
   * snapshot (including every earlier version, physically), the request record(s) and their delivery
   * entries. Erasing a request also erases the conversation it came from (its snapshot carries the
   * same details, and would otherwise store the request again); erasing a conversation erases every
   * request it produced. Resolves once the data is gone from disk; undefined when nothing was stored.
   * Writes no audit entry (the caller knows who asked).
   */
  erase(target: ErasureTarget): Promise<ErasureReport | undefined>;
  /** Flush pending writes (graceful shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
