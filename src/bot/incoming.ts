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
