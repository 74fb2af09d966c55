import type { IntakeRequest, PracticeWork, RequestStatus, Tier } from '../domain/types.js';

/**
 * The storage seam. lowdb (./lowdb/) is the embedded default; a server database can replace it
 * by implementing these interfaces. All methods are async and must be safe to call concurrently
 * for different keys; callers serialise turns of one conversation themselves.
 */

export interface ConversationRecord {
  id: string;
  /** Statechart version the snapshot was taken with; an older version restarts politely. */
  machineVersion: string;
  /** XState persisted snapshot (JSON-safe). */
  snapshot: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationStore {
  get(id: string): Promise<ConversationRecord | undefined>;
  put(record: ConversationRecord): Promise<void>;
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
  lastError?: string;
  deliveredAt?: string;
}

export interface Outbox {
  /** Idempotent by requestId. */
  enqueue(requestId: string, at: Date): Promise<void>;
  /** Pending entries whose nextAttemptAt <= now, oldest first. */
  due(now: Date, limit: number): Promise<OutboxEntry[]>;
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

export interface Store {
  conversations: ConversationStore;
  requests: RequestStore;
  outbox: Outbox;
  audit: AuditLog;
  /** Can we write? (for /ready) */
  checkWritable(): Promise<boolean>;
  /** Delete conversations idle and delivered/closed requests older than the retention period. */
  sweep(now: Date): Promise<{ conversations: number; requests: number }>;
  /** Flush pending writes (graceful shutdown). */
  flush(): Promise<void>;
  close(): Promise<void>;
}
