import type { Activity } from 'botbuilder';
import type { TranscriptEntry, TranscriptStore } from './transcripts.js';
import type { ActivitySet } from './types.js';

/**
 * In-memory transcripts. Each conversation keeps its activities with a sequence number that is
 * also its watermark, a promise chain so its turns run one at a time and in order (botbuilder does
 * not serialise turns), and the listeners (sockets) that get every new activity.
 * Bounded: the least recently active conversation is dropped past `maxConversations`, and the oldest
 * activities past `maxActivities` (the watermark keeps counting, so clients never see a number reused).
 * With a TranscriptStore every append is also written there, in order, and a conversation that is
 * not in memory (a restart, or dropped as least recent) is read back from it with its watermark.
 */
export type Listener = (set: ActivitySet) => void;

export interface Persistence {
  transcripts: TranscriptStore;
  /** A failed write: the conversation carries on from memory (logged by the caller, without content). */
  onError: (err: unknown) => void;
}

export class Conversation {
  private readonly log: TranscriptEntry[];
  private seq: number;
  private tail: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  /** Lines in the stored file; past twice the bound it is rewritten with what memory holds. */
  private storedLines: number;
  private readonly listeners = new Set<Listener>();
  /** True until the channel has greeted it: a conversation new to memory and to the store. */
  private fresh: boolean;
  lastActive: number;

  constructor(
    readonly id: string,
    private readonly maxActivities: number,
    now: number,
    private readonly persistence?: Persistence,
    restored?: TranscriptEntry[],
  ) {
    this.lastActive = now;
    this.fresh = restored === undefined;
    this.log = (restored ?? []).slice(-maxActivities);
    this.seq = (restored ?? []).reduce((n, e) => Math.max(n, e.seq), 0);
    this.storedLines = restored?.length ?? 0;
  }

  /** True once, for a conversation nobody has seen before (so it is greeted exactly once). */
  takeFresh(): boolean {
    const was = this.fresh;
    this.fresh = false;
    return was;
  }

  /** Resolves when everything appended so far has been handed to the transcript store. */
  saved(): Promise<void> {
    return this.saving;
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
    const added: TranscriptEntry[] = [];
    for (const a of activities) {
      this.seq += 1;
      const entry = { seq: this.seq, activity: { ...a, id: `${this.id}|${String(this.seq).padStart(7, '0')}` } };
      this.log.push(entry);
      added.push(entry);
    }
    if (this.log.length > this.maxActivities) this.log.splice(0, this.log.length - this.maxActivities);
    if (added.length > 0) this.persist(added);
    const set: ActivitySet = { activities: added.map((e) => e.activity), watermark: String(this.seq) };
    if (added.length > 0) for (const l of this.listeners) l(set);
    return set;
  }

  private persist(added: TranscriptEntry[]): void {
    const p = this.persistence;
    if (!p) return;
    this.storedLines += added.length;
    const compact = this.storedLines > 2 * this.maxActivities;
    const kept = compact ? [...this.log] : added;
    if (compact) this.storedLines = kept.length;
    this.saving = this.saving
      .then(() => (compact ? p.transcripts.replace(this.id, kept) : p.transcripts.append(this.id, kept)))
      .catch(p.onError);
  }

  /** Activities after `watermark` (all of them when it is absent or not a number). */
  since(watermark: string | undefined): ActivitySet {
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return {
      activities: this.log.filter((e) => e.seq > after).map((e) => e.activity),
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
  /** Reads from the transcript store in progress, so two requests for one id share one read. */
  private readonly loading = new Map<string, Promise<Conversation | undefined>>();

  constructor(
    private readonly maxConversations: number,
    private readonly maxActivities: number,
    private readonly onEvict: (conversation: Conversation) => void,
    private readonly persistence?: Persistence,
  ) {}

  get(id: string, now: number): Conversation | undefined {
    const c = this.conversations.get(id);
    if (c) this.touch(c, now);
    return c;
  }

  /** In memory, or read back from the transcript store; undefined when neither has it. */
  find(id: string, now: number): Promise<Conversation | undefined> {
    const existing = this.get(id, now);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.restore(id, now).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /** The conversation, created when neither memory nor the store has it (then `takeFresh()` is true once). */
  async getOrCreate(id: string, now: number): Promise<Conversation> {
    return (await this.find(id, now)) ?? this.get(id, now) ?? this.add(new Conversation(id, this.maxActivities, now, this.persistence));
  }

  /** Forgets a conversation in memory and in the store ("end and clear"). */
  async remove(id: string): Promise<void> {
    const c = this.conversations.get(id);
    if (c) {
      this.conversations.delete(id);
      this.onEvict(c);
      await c.saved();
    }
    await this.persistence?.transcripts.remove(id);
  }

  /** Drops from memory conversations idle since `before` (their stored transcripts are swept by the store). */
  dropIdle(before: number): number {
    let n = 0;
    for (const c of [...this.conversations.values()]) {
      if (c.lastActive >= before) continue;
      this.conversations.delete(c.id);
      this.onEvict(c);
      n += 1;
    }
    return n;
  }

  private async restore(id: string, now: number): Promise<Conversation | undefined> {
    const entries = await this.persistence?.transcripts.load(id);
    if (entries === undefined) return undefined;
    return this.get(id, now) ?? this.add(new Conversation(id, this.maxActivities, now, this.persistence, entries));
  }

  private add(conversation: Conversation): Conversation {
    this.conversations.set(conversation.id, conversation);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.values().next().value;
      if (!oldest) break;
      this.conversations.delete(oldest.id);
      this.onEvict(oldest);
    }
    return conversation;
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
