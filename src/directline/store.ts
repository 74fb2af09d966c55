import type { Activity } from 'botbuilder';
import type { ActivitySet } from './types.js';

/**
 * In-memory transcripts. Each conversation keeps its activities with a sequence number that is
 * also its watermark, a promise chain so its turns run one at a time and in order (botbuilder does
 * not serialise turns), and the listeners (sockets) that get every new activity.
 * Bounded: the least recently active conversation is dropped past `maxConversations`, and the oldest
 * activities past `maxActivities` or past `maxBytes` of JSON (the watermark keeps counting, so
 * clients never see a number reused). Dropping the oldest rather than refusing the conversation:
 * the transcript here is only a replay buffer for clients that reconnect; the conversation's state
 * lives in the bot's store, so a patient mid-intake is never cut off, and a client that was
 * connected already has what was dropped.
 */
export interface TranscriptLimits {
  maxConversations: number;
  maxActivities: number;
  maxBytes: number;
  /** Bytes over all conversations; past it the least recently active conversations are dropped. */
  maxTotalBytes: number;
}

export type Listener = (set: ActivitySet) => void;

interface Stored {
  seq: number;
  activity: Partial<Activity>;
  bytes: number;
}

export class Conversation {
  private readonly log: Stored[] = [];
  private seq = 0;
  private bytes = 0;
  private tail: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  lastActive: number;

  constructor(
    readonly id: string,
    private readonly limits: Pick<TranscriptLimits, 'maxActivities' | 'maxBytes'>,
    now: number,
    /** Told of every change in this transcript's size, so the store can keep a total. */
    private readonly onBytes: (delta: number) => void = () => undefined,
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
    const before = this.bytes;
    for (const a of activities) {
      this.seq += 1;
      const activity = { ...a, id: `${this.id}|${String(this.seq).padStart(7, '0')}` };
      const bytes = Buffer.byteLength(JSON.stringify(activity));
      this.log.push({ seq: this.seq, activity, bytes });
      this.bytes += bytes;
      added.push(activity);
    }
    // The newest activity always stays, however large, so a client can read what was just posted.
    while (this.log.length > 1 && (this.log.length > this.limits.maxActivities || this.bytes > this.limits.maxBytes)) {
      this.bytes -= this.log.shift()?.bytes ?? 0;
    }
    if (this.bytes !== before) this.onBytes(this.bytes - before);
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

  /** Bytes of activity JSON held (what the transcript cap counts). */
  get transcriptBytes(): number {
    return this.bytes;
  }
}

export class ConversationStore {
  /** Map iteration order is insertion order; `touch` re-inserts, so the first entry is the least recent. */
  private readonly conversations = new Map<string, Conversation>();
  private totalBytes = 0;

  constructor(
    private readonly limits: TranscriptLimits,
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
    const conversation = new Conversation(id, this.limits, now, (delta) => {
      // An evicted conversation may still finish a turn; it no longer counts.
      if (this.conversations.get(id) !== conversation) return;
      this.totalBytes += delta;
      this.shed(conversation);
    });
    this.conversations.set(id, conversation);
    this.shed(conversation);
    return { conversation, created: true };
  }

  /** Drops the least recently active conversations (never `keep`) while over either bound. */
  private shed(keep: Conversation): void {
    for (const oldest of this.conversations.values()) {
      if (this.conversations.size <= this.limits.maxConversations && this.totalBytes <= this.limits.maxTotalBytes) break;
      if (oldest === keep) continue;
      this.conversations.delete(oldest.id);
      this.totalBytes -= oldest.transcriptBytes;
      this.onEvict(oldest);
    }
  }

  get bytes(): number {
    return this.totalBytes;
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
