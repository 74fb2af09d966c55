import type { Activity } from '../bot/activity.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../observability/logger.js';
import type { TranscriptStore } from './transcripts.js';

/**
 * What the bot made of one activity. `forgotten`: the conversation just ended with nothing kept
 * (the patient said no at consent, or stopped), so the channel drops its transcript too: every
 * earlier activity goes from memory and the transcript store, and only these replies stay.
 */
export interface BotTurn {
  replies: Partial<Activity>[];
  forgotten?: boolean;
}

/** How the channel reaches the bot: one activity in, the bot's replies out (expectReplies). */
export type RunTurn = (activity: Partial<Activity>) => Promise<BotTurn>;

export interface DirectLineDeps {
  runTurn: RunTurn;
  /** Signs tokens (HS256) and is accepted as a Bearer secret by server-side callers. At least 32 characters. */
  secret: string;
  clock: Clock;
  logger: Logger;
  /** Token lifetime. DirectLineJS refreshes at 15 minutes, so keep it above 900. Default 1800 (as Azure). */
  tokenTtlSeconds?: number;
  /** Longest message text accepted; longer → 413 MessageTooLong. Default 2000. */
  maxMessageChars?: number;
  /** Bounds of the in-memory transcript store. */
  maxConversations?: number;
  maxActivitiesPerConversation?: number;
  /** Bytes of activity JSON kept per conversation; past it the oldest activities are dropped. Default 256 KiB. */
  maxTranscriptBytes?: number;
  /** Bytes over all transcripts; past it the least recently active conversations are dropped. Default 64 MiB. */
  maxTotalTranscriptBytes?: number;
  /** Asked before a user activity is stored or reaches the bot (per-conversation rate limit). */
  admit?: (conversationId: string) => Promise<import('./errors.js').DirectLineError | undefined>;
  /** Open stream sockets in all (default 2,000) and per conversation (default 4). */
  maxSockets?: number;
  maxSocketsPerConversation?: number;
  /**
   * Longest a conversation's tokens can be refreshed for, counted from the first token (seconds).
   * Past it refresh answers 403 and the client must start a new conversation. Default 86,400 (24 h).
   */
  maxTokenLifetimeSeconds?: number;
  /** Per client address and minute on every /v3/directline request; undefined = no address limit. */
  addressLimit?: AddressLimit;
  /** Where transcripts are kept across restarts (e.g. `fileTranscripts(dir)`); memory only when absent. */
  transcripts?: TranscriptStore;
  /** Recipient id of user activities and sender id of bot replies that carry none. Default 'intake-bot'. */
  botId?: string;
  /**
   * Public base URL such as `https://practice.example`, used to build `streamUrl`. When absent the
   * URL is derived from the request's Host header and X-Forwarded-Proto.
   */
  publicUrl?: string;
}

/** Consumes one request for a client address; resolves false when the address is over its limit. */
export interface AddressLimit {
  allow(req: import('node:http').IncomingMessage): Promise<boolean>;
}

/** What `POST /tokens/generate`, `/tokens/refresh` and the widget's `/chat/token` return. */
export interface TokenResponse {
  conversationId: string;
  token: string;
  expires_in: number;
}

export interface ConversationResponse extends TokenResponse {
  streamUrl: string;
}

/** One frame of the stream and one page of polling. Watermark is a decimal string, as in Azure. */
export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

export interface DirectLineHandle {
  /** Mints a token for a new conversation, as `POST /tokens/generate` does (for the widget's token endpoint). */
  issueToken(): Promise<TokenResponse>;
  /** Drops a conversation's transcript from memory and from the transcript store, and closes its sockets (erasure). */
  forget(conversationId: string): Promise<void>;
  /** Retention: forgets transcripts not written to since `before`; resolves with how many. */
  sweep(before: Date): Promise<number>;
  /** Closes every socket and waits for turns in flight; call before `server.close()` on shutdown. */
  close(): Promise<void>;
}
