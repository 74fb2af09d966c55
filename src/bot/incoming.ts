import { z } from 'zod';

/** The parts of an incoming activity the bot reads. Anything else is ignored. */
export const IncomingActivitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(256).optional(),
  channelId: z.string().min(1).max(128),
  conversation: z.object({ id: z.string().min(1).max(512) }),
  from: z.object({ id: z.string().min(1).max(512) }).optional(),
  recipient: z.object({ id: z.string().max(512) }).optional(),
  text: z.string().optional(),
  value: z.unknown().optional(),
  locale: z.string().max(64).optional(),
  // A serviceUrl that is not a string is refused here with a 400 (botbuilder answered it with a 500).
  serviceUrl: z.string().max(2048).optional(),
  attachments: z.array(z.unknown()).optional(),
  membersAdded: z.array(z.object({ id: z.string() })).optional(),
  // Only channelData.clientActivityID (activityKey) and channelData.postBack (isTapped) are read; channels put anything else here.
  channelData: z.unknown().optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;

/** Largest message we read; longer text is cut (screening still sees the first part). */
export const MAX_TEXT_CHARS = 20_000;

/** What the patient said: typed text, or the code a button sent as `value`. */
export function messageText(activity: IncomingActivity): string {
  if (activity.text && activity.text.trim() !== '') return activity.text.slice(0, MAX_TEXT_CHARS);
  const v = activity.value;
  if (typeof v === 'string') return v.slice(0, MAX_TEXT_CHARS);
  if (v && typeof v === 'object' && 'code' in v && typeof v.code === 'string') return v.code.slice(0, 200);
  return activity.text ?? '';
}

/**
 * Whether the patient tapped a button rather than typed: the button's code came as `value` (a string
 * or `{ code }`), or the channel marked the message as a postBack (`channelData.postBack`, what
 * Microsoft Web Chat and our own web chat set). A tapped "no" is the code "no"; a typed one is read
 * as words of the conversation's language (Polish "no" is "yeah").
 */
export function isTapped(activity: IncomingActivity): boolean {
  const v = activity.value;
  if (typeof v === 'string' && v.trim() !== '') return true;
  if (v && typeof v === 'object' && 'code' in v && typeof v.code === 'string') return true;
  const data = activity.channelData;
  return typeof data === 'object' && data !== null && 'postBack' in data && data.postBack === true;
}

/**
 * What identifies one message across retries, for answering a repeat with the replies already given
 * (conversationService). Web Chat's `channelData.clientActivityID` first: a client re-POSTing the
 * same message after a lost response gets a new activity id from Direct Line but keeps that one.
 * Otherwise the activity id, which a channel keeps when it retries a delivery. Undefined when the
 * activity carries neither: such a message cannot be told from a new one and is always applied.
 */
export function activityKey(activity: IncomingActivity): string | undefined {
  const data = activity.channelData;
  if (typeof data === 'object' && data !== null && 'clientActivityID' in data) {
    const client = data.clientActivityID;
    if (typeof client === 'string' && client.length > 0 && client.length <= 256) return `client:${client}`;
  }
  return activity.id ? `id:${activity.id}` : undefined;
}

type ActivityParse = ReturnType<typeof IncomingActivitySchema.safeParse>;

/**
 * IncomingActivitySchema.safeParse with a fast path for the usual activity: fields of the right
 * kinds and lengths are copied as zod copies them (the same object, key for key, unknown fields
 * left out); anything else goes to zod itself, so a refusal and its message are zod's. Every
 * message of every turn comes through here, and zod took about 2% of a turn's CPU.
 */
export function parseIncomingActivity(raw: unknown): ActivityParse {
  const fast = quickActivity(raw);
  return fast ? { success: true, data: fast } : IncomingActivitySchema.safeParse(raw);
}

const isString = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * The parsed activity when `raw` plainly conforms (a JSON body), else undefined (zod decides). An
 * optional field is copied when its key is there, even holding undefined, as zod does.
 */
function quickActivity(raw: unknown): IncomingActivity | undefined {
  if (!isPlain(raw)) return undefined;
  const { type, id, channelId, conversation, from, recipient, text, locale, serviceUrl, attachments, membersAdded } = raw;
  if (!isString(type, 1, 64) || !isString(channelId, 1, 128)) return undefined;
  if (!isPlain(conversation) || !isString(conversation.id, 1, 512)) return undefined;
  const out = { type } as IncomingActivity;
  if ('id' in raw) {
    if (id !== undefined && !isString(id, 0, 256)) return undefined;
    out.id = id;
  }
  out.channelId = channelId;
  out.conversation = { id: conversation.id };
  if ('from' in raw) {
    if (from !== undefined && !(isPlain(from) && isString(from.id, 1, 512))) return undefined;
    out.from = from && { id: from.id as string };
  }
  if ('recipient' in raw) {
    if (recipient !== undefined && !(isPlain(recipient) && isString(recipient.id, 0, 512))) return undefined;
    out.recipient = recipient && { id: recipient.id as string };
  }
  if ('text' in raw) {
    if (text !== undefined && typeof text !== 'string') return undefined;
    out.text = text;
  }
  if ('value' in raw) out.value = raw.value;
  if ('locale' in raw) {
    if (locale !== undefined && !isString(locale, 0, 64)) return undefined;
    out.locale = locale;
  }
  if ('serviceUrl' in raw) {
    if (serviceUrl !== undefined && !isString(serviceUrl, 0, 2048)) return undefined;
    out.serviceUrl = serviceUrl;
  }
  if ('attachments' in raw) {
    if (attachments !== undefined && !Array.isArray(attachments)) return undefined;
    out.attachments = attachments && [...(attachments as unknown[])];
  }
  if ('membersAdded' in raw) {
    if (membersAdded !== undefined && !Array.isArray(membersAdded)) return undefined;
    if (membersAdded) {
      const members: { id: string }[] = [];
      for (const m of membersAdded as unknown[]) {
        if (!isPlain(m) || typeof m.id !== 'string') return undefined;
        members.push({ id: m.id });
      }
      out.membersAdded = members;
    } else out.membersAdded = undefined;
  }
  if ('channelData' in raw) out.channelData = raw.channelData;
  return out;
}
