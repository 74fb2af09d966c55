import type { Activity } from '../bot/activity.js';
import type { TranscriptEntry, TranscriptStore } from './transcripts.js';
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
 * With a TranscriptStore every append is also written there, in order, and a conversation that is
 * not in memory (a restart, or dropped as least recent) is read back from it with its watermark,
 * under the same bounds as one that never left memory.
 */
export interface TranscriptLimits {
  maxConversations: number;
  maxActivities: number;
  maxBytes: number;
  /** Bytes over all conversations; past it the least recently active conversations are dropped. */
  maxTotalBytes: number;
}

export type Listener = (set: ActivitySet) => void;

export interface Persistence {
  transcripts: TranscriptStore;
  /** A failed write: the conversation carries on from memory (logged by the caller, without content). */
  onError: (err: unknown) => void;
}

interface Stored extends TranscriptEntry {
  bytes: number;
}

const sizeOf = (activity: Partial<Activity>): number => Buffer.byteLength(JSON.stringify(activity));
const entryOf = ({ seq, activity }: Stored): TranscriptEntry => ({ seq, activity });
/** How many answered clientActivityIDs are kept: the bot's window (20 messages); a repeat comes within seconds. */
const ANSWERED = 20;

export class Conversation {
  private readonly log: Stored[];
  private seq: number;
  private bytes: number;
  private tail: Promise<void> = Promise.resolve();
  private saving: Promise<void> = Promise.resolve();
  /** Lines and bytes in the stored file; past twice a bound it is rewritten with what memory holds. */
  private storedLines: number;
  private storedBytes: number;
  /** Set by erasure or "end and clear": nothing more is written to the transcript store. */
  private discarded = false;
  private readonly listeners = new Set<Listener>();
  /** clientActivityID → id of the user activity whose turn was answered (the last ANSWERED). */
  private readonly answeredIds = new Map<string, string>();
  /** True until the channel has greeted it: a conversation new to memory and to the store. */
  private fresh: boolean;
  lastActive: number;

  constructor(
    readonly id: string,
    private readonly limits: Pick<TranscriptLimits, 'maxActivities' | 'maxBytes'>,
    now: number,
    /** Told of every change in this transcript's size, so the store can keep a total. */
    private readonly onBytes: (delta: number) => void = () => undefined,
    private readonly persistence?: Persistence,
    restored?: TranscriptEntry[],
  ) {
    this.lastActive = now;
    this.fresh = restored === undefined;
    this.log = (restored ?? []).map((e) => ({ seq: e.seq, activity: e.activity, bytes: sizeOf(e.activity) }));
    this.seq = this.log.reduce((n, e) => Math.max(n, e.seq), 0);
    this.bytes = this.log.reduce((n, e) => n + e.bytes, 0);
    this.storedLines = this.log.length;
    this.storedBytes = this.bytes;
    this.answeredFrom(this.log);
    this.trim();
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

  /** Resolves once no turn is queued and every write has finished (turns queued meanwhile included). */
  async settled(): Promise<void> {
    for (;;) {
      const tail = this.tail;
      const saving = this.saving;
      await tail;
      await saving;
      if (tail === this.tail && saving === this.saving) return;
    }
  }

  /** Writes nothing more to the transcript store (queued writes are skipped). */
  discard(): void {
    this.discarded = true;
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

  /**
   * Gives each activity its id and watermark, stores it and tells the listeners. With
   * `forgetEarlier` (the conversation ended with nothing kept) every earlier activity is dropped
   * first, in memory and in the transcript store, which is rewritten durably with only these. The
   * watermark keeps counting, so no client sees a number reused (the caller passes at least one
   * activity: an empty transcript would be read back after a restart as counting from zero).
   */
  append(activities: Partial<Activity>[], { forgetEarlier = false }: { forgetEarlier?: boolean } = {}): ActivitySet {
    const added: Stored[] = [];
    const before = this.bytes;
    if (forgetEarlier) {
      this.log.length = 0;
      this.bytes = 0;
    }
    for (const a of activities) {
      this.seq += 1;
      const activity = { ...a, id: `${this.id}|${String(this.seq).padStart(7, '0')}` };
      const entry = { seq: this.seq, activity, bytes: sizeOf(activity) };
      this.log.push(entry);
      this.bytes += entry.bytes;
      added.push(entry);
    }
    this.trim();
    if (this.bytes !== before) this.onBytes(this.bytes - before);
    if (forgetEarlier) this.persistAll(true);
    else if (added.length > 0) this.persist(added);
    const set: ActivitySet = { activities: added.map((e) => e.activity), watermark: String(this.seq) };
    if (added.length > 0) for (const l of this.listeners) l(set);
    return set;
  }

  /** The id the first POST of `clientId` got, once its turn was answered. */
  answered(clientId: string): string | undefined {
    return this.answeredIds.get(clientId);
  }

  rememberAnswered(clientId: string, id: string): void {
    this.answeredIds.delete(clientId);
    this.answeredIds.set(clientId, id);
    for (const oldest of this.answeredIds.keys()) {
      if (this.answeredIds.size <= ANSWERED) break;
      this.answeredIds.delete(oldest);
    }
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

  /** The newest activity always stays, however large, so a client can read what was just posted. */
  private trim(): void {
    while (this.log.length > 1 && (this.log.length > this.limits.maxActivities || this.bytes > this.limits.maxBytes)) {
      this.bytes -= this.log.shift()?.bytes ?? 0;
    }
  }

  /**
   * After a restart, a user activity with a clientActivityID that a reply answers counts as answered,
   * so a client re-posting it gets the same id and the transcript is not written twice.
   */
  private answeredFrom(entries: Stored[]): void {
    const replied = new Set(entries.map((e) => e.activity.replyToId).filter((id): id is string => typeof id === 'string'));
    for (const { activity } of entries) {
      const clientId = (activity.channelData as { clientActivityID?: unknown } | undefined)?.clientActivityID;
      if (typeof clientId === 'string' && typeof activity.id === 'string' && replied.has(activity.id)) this.rememberAnswered(clientId, activity.id);
    }
  }

  private persist(added: Stored[]): void {
    const p = this.persistence;
    if (!p || this.discarded) return;
    this.storedLines += added.length;
    this.storedBytes += added.reduce((n, e) => n + e.bytes, 0);
    // The file keeps at most about twice what memory may hold, so reading it back stays bounded too.
    const compact = this.storedLines > 2 * this.limits.maxActivities || this.storedBytes > 2 * this.limits.maxBytes;
    if (compact) this.persistAll(false);
    else this.queueWrite((t) => t.append(this.id, added.map(entryOf)));
  }

  /** Replaces the stored transcript with what memory holds; `durable` once details must be gone. */
  private persistAll(durable: boolean): void {
    if (!this.persistence || this.discarded) return;
    const kept = this.log.map(entryOf);
    this.storedLines = this.log.length;
    this.storedBytes = this.bytes;
    this.queueWrite((t) => t.replace(this.id, kept, { durable }));
  }

  /** Writes run one at a time, in order; none once the conversation is discarded. */
  private queueWrite(write: (transcripts: TranscriptStore) => Promise<void>): void {
    const p = this.persistence;
    if (!p) return;
    this.saving = this.saving
      .then(() => (this.discarded ? undefined : write(p.transcripts)))
      .catch(p.onError);
  }
}

export class ConversationStore {
  /** Map iteration order is insertion order; `touch` re-inserts, so the first entry is the least recent. */
  private readonly conversations = new Map<string, Conversation>();
  private totalBytes = 0;
  /** Reads from the transcript store in progress, so two requests for one id share one read. */
  private readonly loading = new Map<string, Promise<Conversation | undefined>>();
  /**
   * Dropped from memory while a turn or a write may still run: reading the conversation back waits
   * for them, so the file it reads is complete and the watermark is never handed out twice.
   */
  private readonly retiring = new Map<string, Conversation>();

  constructor(
    private readonly limits: TranscriptLimits,
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
    return (await this.find(id, now)) ?? this.get(id, now) ?? this.add(id, now);
  }

  /**
   * Forgets a conversation in memory and in the transcript store (erasure, "end and clear"): its
   * sockets close, nothing more of it is written, and its stored transcript is deleted.
   */
  async remove(id: string): Promise<void> {
    // A read in progress would put the transcript back in memory after it is gone.
    await this.loading.get(id)?.catch(() => undefined);
    const c = this.conversations.get(id);
    if (c) this.drop(c);
    const held = [c, this.retiring.get(id)].filter((x): x is Conversation => x !== undefined);
    this.retiring.delete(id);
    for (const x of held) x.discard();
    // A write already under way finishes first, so the file is not written again once removed.
    await Promise.all(held.map((x) => x.saved()));
    await this.persistence?.transcripts.remove(id);
  }

  /** Drops from memory conversations idle since `before` (their stored transcripts are swept by the store). */
  dropIdle(before: number): number {
    let n = 0;
    for (const c of [...this.conversations.values()]) {
      if (c.lastActive >= before) continue;
      this.drop(c);
      n += 1;
    }
    return n;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  all(): Conversation[] {
    return [...this.conversations.values(), ...this.retiring.values()];
  }

  get size(): number {
    return this.conversations.size;
  }

  private async restore(id: string, now: number): Promise<Conversation | undefined> {
    if (!this.persistence) return undefined;
    await this.retiring.get(id)?.settled();
    const entries = await this.persistence.transcripts.load(id);
    if (entries === undefined) return undefined;
    return this.get(id, now) ?? this.add(id, now, entries);
  }

  private add(id: string, now: number, restored?: TranscriptEntry[]): Conversation {
    const conversation: Conversation = new Conversation(
      id,
      this.limits,
      now,
      (delta) => {
        // A conversation dropped from memory may still finish a turn; it no longer counts.
        if (this.conversations.get(id) !== conversation) return;
        this.totalBytes += delta;
        this.shed(conversation);
      },
      this.persistence,
      restored,
    );
    this.conversations.set(id, conversation);
    this.totalBytes += conversation.transcriptBytes;
    this.shed(conversation);
    return conversation;
  }

  /** Drops the least recently active conversations (never `keep`) while over either bound. */
  private shed(keep: Conversation): void {
    for (const oldest of [...this.conversations.values()]) {
      if (this.conversations.size <= this.limits.maxConversations && this.totalBytes <= this.limits.maxTotalBytes) break;
      if (oldest !== keep) this.drop(oldest);
    }
  }

  /** Out of memory (a stored transcript stays); its sockets are closed by `onEvict`. */
  private drop(c: Conversation): void {
    this.conversations.delete(c.id);
    this.totalBytes -= c.transcriptBytes;
    this.onEvict(c);
    if (!this.persistence) return;
    this.retiring.set(c.id, c);
    void c.settled().then(() => {
      if (this.retiring.get(c.id) === c) this.retiring.delete(c.id);
    });
  }

  private touch(c: Conversation, now: number): void {
    c.lastActive = now;
    this.conversations.delete(c.id);
    this.conversations.set(c.id, c);
  }
}
