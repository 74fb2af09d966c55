import type { LiveConversation } from '../dialog/turn.js';
import type { AnsweredActivity } from '../store/types.js';

/** A conversation's running actor plus what the stored record holds beside the snapshot. */
export interface LiveEntry {
  live: LiveConversation;
  createdAt: string;
  /** The stored record's updatedAt when the actor was kept: on a shared store, used only while they match. */
  updatedAt: string;
  answered: AnsweredActivity[];
}

/**
 * The most recently used conversations' actors, kept running between turns so a turn skips parsing
 * and restoring the snapshot it has just stored. Only a cache: an entry is added only after its
 * snapshot is safely stored, and a conversation missing here is restored from the store as usual.
 * Bounded (least recently used go first) so memory does not grow with the number of conversations.
 */
export class LiveConversations {
  readonly #entries = new Map<string, LiveEntry>();

  constructor(private readonly max: number) {}

  /** Removes and returns the entry: the turn that takes it owns its actor until it puts it back. */
  take(key: string): LiveEntry | undefined {
    const entry = this.#entries.get(key);
    if (entry) this.#entries.delete(key);
    return entry;
  }

  put(key: string, entry: LiveEntry): void {
    this.#entries.get(key)?.live.actor.stop();
    this.#entries.delete(key);
    if (this.max <= 0) {
      entry.live.actor.stop();
      return;
    }
    this.#entries.set(key, entry);
    while (this.#entries.size > this.max) {
      const oldest = this.#entries.entries().next();
      if (oldest.done) break;
      oldest.value[1].live.actor.stop();
      this.#entries.delete(oldest.value[0]);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
