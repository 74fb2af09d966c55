import type { Activity } from 'botbuilder';
import type { ActivitySet } from './types.js';

/**
 * In-memory transcripts. Each conversation keeps its activities with a sequence number that is
 * also its watermark, a promise chain so its turns run one at a time and in order (botbuilder does
 * not serialise turns), and the listeners (sockets) that get every new activity.
 * Bounded: the least recently active conversation is dropped past `maxConversations`, and the oldest
 * activities past `maxActivities` (the watermark keeps counting, so clients never see a number reused).
 */
export type Listener = (set: ActivitySet) => void;

interface Stored {
  seq: number;
  activity: Partial<Activity>;
}

export class Conversation {
  private readonly log: Stored[] = [];
  private seq = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  lastActive: number;

  constructor(
    readonly id: string,
    private readonly maxActivities: number,
    now: number,
  ) {
    this.lastActive = now;
  }

  /** Runs `task` after every earlier task of this conversation, whatever their outcome. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  idle(): Promise<void> {
    return this.tail;
  }

  /** Gives each activity its id and watermark, stores it and tells the listeners. */
  append(activities: Partial<Activity>[]): ActivitySet {
    const added: Partial<Activity>[] = [];
    for (const a of activities) {
      this.seq += 1;
      const activity = { ...a, id: `${this.id}|${String(this.seq).padStart(7, '0')}` };
      this.log.push({ seq: this.seq, activity });
      added.push(activity);
    }
    if (this.log.length > this.maxActivities) this.log.splice(0, this.log.length - this.maxActivities);
    const set: ActivitySet = { activities: added, watermark: String(this.seq) };
    if (added.length > 0) for (const l of this.listeners) l(set);
    return set;
  }

  /** Activities after `watermark` (all of them when it is absent or not a number). */
  since(watermark: string | undefined): ActivitySet {
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return {
      activities: this.log.filter((s) => s.seq > after).map((s) => s.activity),
      watermark: String(this.seq),
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

export class ConversationStore {
  /** Map iteration order is insertion order; `touch` re-inserts, so the first entry is the least recent. */
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly maxConversations: number,
    private readonly maxActivities: number,
    private readonly onEvict: (conversation: Conversation) => void,
  ) {}

  get(id: string, now: number): Conversation | undefined {
    const c = this.conversations.get(id);
    if (c) this.touch(c, now);
    return c;
  }

  /** Returns the conversation and whether it was created just now. */
  getOrCreate(id: string, now: number): { conversation: Conversation; created: boolean } {
    const existing = this.get(id, now);
    if (existing) return { conversation: existing, created: false };
    const conversation = new Conversation(id, this.maxActivities, now);
    this.conversations.set(id, conversation);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) break;
      this.conversations.delete(oldest.id);
      this.onEvict(oldest);
    }
    return { conversation, created: true };
  }

  /** Forgets a conversation's transcript (erasure); true when it was held. */
  delete(id: string): boolean {
    return this.conversations.delete(id);
  }

  all(): Conversation[] {
    return [...this.conversations.values()];
  }

  get size(): number {
    return this.conversations.size;
  }

  private touch(c: Conversation, now: number): void {
    c.lastActive = now;
    this.conversations.delete(c.id);
    this.conversations.set(c.id, c);
  }
}
