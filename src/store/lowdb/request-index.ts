import { TIER_RANK, type IntakeRequest, type RequestStatus, type Tier } from '../../domain/types.js';

/**
 * What the request store keeps in memory for every stored request: enough to filter, sort, count and
 * sweep without opening files, find a conversation's requests for erasure, and read the request's
 * current line from its day file. About 250 bytes a request, so 100,000 requests cost ~25 MB.
 */
export interface IndexEntry {
  id: string;
  /** The conversation (store key) the request came from. */
  conversationId: string;
  /** Its day file: UTC day of submittedAt. */
  day: string;
  tier: Tier;
  kind: IntakeRequest['kind'];
  status: RequestStatus;
  submittedMs: number;
  /** Where its current line starts in the day file, and the line's length without its newline. */
  offset: number;
  length: number;
}

export function indexEntryOf(request: IntakeRequest, day: string, offset: number, length: number): IndexEntry {
  return {
    id: request.id,
    conversationId: request.conversationId,
    day,
    tier: request.triage.tier,
    kind: request.kind,
    status: request.status,
    submittedMs: Date.parse(request.submittedAt),
    offset,
    length,
  };
}

export class RequestIndex {
  readonly #byId = new Map<string, IndexEntry>();
  readonly #byDay = new Map<string, Set<string>>();

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): IndexEntry | undefined {
    return this.#byId.get(id);
  }

  /** Adds an entry, or replaces the one with its id. */
  add(entry: IndexEntry): void {
    if (this.#byId.get(entry.id)?.day !== entry.day) this.remove(entry.id);
    this.#byId.set(entry.id, entry);
    let ids = this.#byDay.get(entry.day);
    if (!ids) {
      ids = new Set();
      this.#byDay.set(entry.day, ids);
    }
    ids.add(entry.id);
  }

  remove(id: string): void {
    const entry = this.#byId.get(id);
    if (!entry) return;
    this.#byId.delete(id);
    const ids = this.#byDay.get(entry.day);
    ids?.delete(id);
    if (ids?.size === 0) this.#byDay.delete(entry.day);
  }

  entries(): IterableIterator<IndexEntry> {
    return this.#byId.values();
  }

  /** Entries on the UTC days from `fromDay` to `toDay` inclusive: only those days are looked at. */
  *onDays(fromDay: string, toDay: string): Generator<IndexEntry> {
    for (const [day, ids] of this.#byDay) {
      if (day < fromDay || day > toDay) continue;
      for (const id of ids) {
        const entry = this.#byId.get(id);
        if (entry) yield entry;
      }
    }
  }
}

/** Urgency (emergency first), then oldest first, then id so pages are stable. */
export function compareForPractice(a: IndexEntry, b: IndexEntry): number {
  return TIER_RANK[b.tier] - TIER_RANK[a.tier] || a.submittedMs - b.submittedMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
