import restify from 'restify';
import type { Activity } from '../../src/bot/activity.js';
import { pino, type Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileTranscripts, registerDirectLine, type BotTurn, type DirectLineHandle, type TranscriptStore } from '../../src/directline/index.js';
import type { Clock } from '../../src/clock.js';
import { systemClock } from '../../src/clock.js';

/**
 * A restify server with the Direct Line channel and an echo bot standing in for the real one
 * (a test double for protocol tests only). The echo offers two choices so the widget can be driven.
 */
export const SECRET = 'test-secret-test-secret-test-secret-0123';

export interface EchoServer {
  url: string;
  server: restify.Server;
  directLine: DirectLineHandle;
  turns: Partial<Activity>[];
  close(): Promise<void>;
}

export interface EchoOptions {
  clock?: Clock;
  maxMessageChars?: number;
  delayMs?: number;
  maxSockets?: number;
  /** Transcripts kept in `<dataDir>/directline` (so a second server on the same folder picks them up). */
  dataDir?: string;
  maxActivitiesPerConversation?: number;
  maxTranscriptBytes?: number;
  logger?: Logger;
  setup?: (s: restify.Server, dl: DirectLineHandle) => void;
  /** Another transcript store (e.g. PostgreSQL); takes precedence over `dataDir`. */
  transcripts?: TranscriptStore;
}

export async function startEchoServer(opts: EchoOptions = {}): Promise<EchoServer> {
  const server = restify.createServer({ handleUpgrades: false });
  const turns: Partial<Activity>[] = [];
  // 'forget…' ends the conversation with nothing kept, as a patient declining consent does; 'forget quietly' with no reply.
  const runTurn = async (activity: Partial<Activity>): Promise<BotTurn> => {
    const forgotten = activity.type === 'message' && activity.text?.startsWith('forget') === true;
    return { replies: activity.text === 'forget quietly' ? [] : await reply(activity), ...(forgotten ? { forgotten } : {}) };
  };
  const reply = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    turns.push(activity);
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (activity.type === 'conversationUpdate') {
      return [{ type: 'message', text: 'Hello. This is not for emergencies.', channelData: { intake: { state: 'greeting', locale: 'en-GB' } }, suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Start', value: 'start' }, { type: 'imBack', title: 'Help', value: 'help' }] } }];
    }
    if (activity.type === 'trace') return [];
    const text = activity.text ?? '';
    // 'flaky' fails the first time (the channel answers 502), as a bot that trips over once would.
    if (text === 'flaky' && !turns.some((t, i) => i < turns.length - 1 && t.text === 'flaky')) throw new Error('bot failed');
    const locale = text.startsWith('ar:') ? 'ar' : text.startsWith('cy:') ? 'cy' : 'en-GB';
    return [
      { type: 'trace', text: 'debug' },
      { type: 'message', text: `echo: ${text}`, channelData: { intake: { state: 'echo', locale } }, suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Yes', value: 'yes' }, { type: 'imBack', title: 'No', value: 'no' }] } },
    ];
  };
  const logger = opts.logger ?? pino({ level: 'silent' });
  const directLine = registerDirectLine(server, {
    runTurn,
    secret: SECRET,
    clock: opts.clock ?? systemClock,
    logger,
    maxMessageChars: opts.maxMessageChars,
    ...(opts.maxSockets ? { maxSockets: opts.maxSockets } : {}),
    ...(opts.transcripts ? { transcripts: opts.transcripts } : opts.dataDir ? { transcripts: fileTranscripts(join(opts.dataDir, 'directline')) } : {}),
    ...(opts.maxActivitiesPerConversation ? { maxActivitiesPerConversation: opts.maxActivitiesPerConversation } : {}),
    ...(opts.maxTranscriptBytes ? { maxTranscriptBytes: opts.maxTranscriptBytes } : {}),
  });
  opts.setup?.(server, directLine);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    directLine,
    turns,
    close: async () => {
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Json = Record<string, unknown>;

/**
 * One Direct Line HTTP call: `base` is the server's URL (with `/v3/directline` when `path` leaves it
 * out); a string body is sent as it is (for malformed JSON), anything else as JSON.
 */
export async function callDirectLine(base: string, method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: Json }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : {} };
}
