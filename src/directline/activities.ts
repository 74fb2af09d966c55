import type { Activity, ChannelAccount } from '../bot/activity.js';
import { z } from 'zod';
import { DirectLineError } from './errors.js';

/**
 * What a client may put in an activity. Everything else is dropped: the server sets ids, time,
 * channel, conversation and sender (from the token), so a client can neither spoof the user nor
 * point the bot at a serviceUrl. Attachments keep only their type and name; the bot declines them.
 */
const ACCEPTED_TYPES = new Set(['message', 'event']);
const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/**
 * `value` is what a button sends (`{ code: 'yes' }` or a string). It is kept in the transcript and
 * sent to every socket, so it is bounded: JSON of at most four levels, twenty items a level and
 * 4 KiB. zod's record also drops `__proto__` keys, so the copy we keep is a plain object.
 */
export const MAX_VALUE_BYTES = 4096;
const scalar = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
function jsonUpTo(depth: number): z.ZodType<unknown> {
  if (depth === 0) return scalar;
  const inner = jsonUpTo(depth - 1);
  return z.union([
    scalar,
    z.array(inner).max(20),
    z.record(z.string().max(64), inner).refine((o) => Object.keys(o).length <= 20, { error: 'too many keys' }),
  ]);
}
export const ActivityValueSchema = jsonUpTo(4).refine((v) => Buffer.byteLength(JSON.stringify(v)) <= MAX_VALUE_BYTES, {
  error: `larger than ${MAX_VALUE_BYTES} bytes`,
});

export interface Party {
  conversationId: string;
  userId: string;
  botId: string;
  now: Date;
}

export function userActivity(body: Record<string, unknown>, party: Party, maxChars: number): Partial<Activity> {
  const type = body.type;
  if (typeof type !== 'string' || !ACCEPTED_TYPES.has(type)) {
    throw new DirectLineError(400, 'BadArgument', 'Activity type must be "message" or "event"');
  }
  const text = body.text;
  if (text !== undefined && typeof text !== 'string') throw new DirectLineError(400, 'BadArgument', 'text must be a string');
  if (typeof text === 'string' && [...text].length > maxChars) {
    throw new DirectLineError(413, 'MessageTooLong', `The message is longer than ${maxChars} characters`);
  }
  const activity: Partial<Activity> = {
    type,
    timestamp: party.now,
    channelId: 'directline',
    conversation: { id: party.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: party.userId, name: '', role: 'user' },
    recipient: { id: party.botId, name: '', role: 'bot' },
  };
  if (typeof text === 'string') activity.text = text;
  if (typeof body.locale === 'string' && BCP47.test(body.locale)) activity.locale = body.locale;
  if (body.value !== undefined) {
    const value = ActivityValueSchema.safeParse(body.value);
    if (!value.success) throw new DirectLineError(400, 'BadArgument', 'value must be small JSON (4 levels, 4 KiB at most)');
    activity.value = value.data;
  }
  if (type === 'event' && typeof body.name === 'string') activity.name = body.name.slice(0, 100);
  const clientActivityID = clientId(body.channelData);
  if (clientActivityID) activity.channelData = { clientActivityID };
  if (Array.isArray(body.attachments)) {
    activity.attachments = body.attachments.slice(0, 10).map((a: unknown) => {
      const o = typeof a === 'object' && a !== null ? (a as Record<string, unknown>) : {};
      return {
        contentType: typeof o.contentType === 'string' ? o.contentType.slice(0, 100) : 'application/octet-stream',
        ...(typeof o.name === 'string' ? { name: o.name.slice(0, 200) } : {}),
      };
    });
  }
  return activity;
}

/** The conversationUpdate a Direct Line channel sends when a conversation starts, so the bot can greet. */
export function conversationStart(party: Party, locale: string | undefined): Partial<Activity> {
  const user: ChannelAccount = { id: party.userId, name: '', role: 'user' };
  const bot: ChannelAccount = { id: party.botId, name: '', role: 'bot' };
  return {
    type: 'conversationUpdate',
    timestamp: party.now,
    channelId: 'directline',
    conversation: { id: party.conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: user,
    recipient: bot,
    membersAdded: [bot, user],
    ...(locale && BCP47.test(locale) ? { locale } : {}),
  };
}

/** Fills what the adapter leaves out of expectReplies and drops debug traces (never shown to patients). */
export function botReplies(replies: Partial<Activity>[], party: Party, replyToId: string | undefined): Partial<Activity>[] {
  return replies
    .filter((r) => r.type !== 'trace')
    .map((r) => ({
      ...r,
      timestamp: r.timestamp ?? party.now,
      channelId: 'directline',
      conversation: { id: party.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: r.from?.id ? r.from : { id: party.botId, name: '', role: 'bot' },
      recipient: { id: party.userId, name: '', role: 'user' },
      ...(replyToId ? { replyToId } : {}),
      serviceUrl: undefined,
    }));
}

function clientId(channelData: unknown): string | undefined {
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const v = (channelData as Record<string, unknown>).clientActivityID;
  return typeof v === 'string' && v.length <= 100 ? v : undefined;
}
