import type { Activity } from '../bot/activity.js';

/**
 * Where the channel keeps transcripts so that a reload, or a server restart, can show the patient
 * what was said (Direct Line's GET activities with a watermark). The bot's own state is stored
 * elsewhere; this is only what the page shows. `fileTranscripts` is the embedded default; a
 * database can implement the same five methods. Without a store, transcripts live in memory only.
 */
export interface TranscriptEntry {
  /** The activity's sequence number in its conversation, which is also its watermark. */
  seq: number;
  activity: Partial<Activity>;
}

export interface TranscriptStore {
  /** The conversation's entries in order, or undefined when none are stored. */
  load(conversationId: string): Promise<TranscriptEntry[] | undefined>;
  /** Adds entries after the stored ones (same order as given). */
  append(conversationId: string, entries: TranscriptEntry[]): Promise<void>;
  /**
   * Replaces everything stored for the conversation, atomically (to keep the size bounded, and to
   * drop a conversation's details once it ended with nothing kept). With `durable`, the old content
   * is gone for good once the promise resolves (it survives a power cut).
   */
  replace(conversationId: string, entries: TranscriptEntry[], options?: { durable?: boolean }): Promise<void>;
  remove(conversationId: string): Promise<void>;
  /** Deletes transcripts not written to since `before` (the retention period); returns how many. */
  sweep(before: Date): Promise<number>;
}
