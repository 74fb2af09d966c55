/** The fields of the incoming activity that address a reply, as the channel sent them (not re-parsed). */
export type IncomingBody = Record<string, unknown>;

/**
 * Addresses each reply to the conversation it answers, as the Bot Framework SDKs did
 * (applyConversationReference): same channel, service URL and conversation, from the bot to the
 * user, in reply to the incoming activity. The objects are the channel's own (extra fields such as a
 * Teams tenant id go back unchanged), so this reads the raw body rather than the parsed activity.
 */
export function addressReplies(replies: readonly object[], incoming: IncomingBody): Record<string, unknown>[] {
  const replyToId = replyTarget(incoming);
  return replies.map((reply: { locale?: unknown }) => ({
    ...reply,
    locale: reply.locale ?? incoming.locale,
    channelId: incoming.channelId,
    serviceUrl: incoming.serviceUrl,
    conversation: incoming.conversation,
    from: incoming.recipient,
    recipient: incoming.from,
    replyToId,
  }));
}

/**
 * The id a reply answers. Direct Line and Web Chat give a conversationUpdate an id the conversation
 * cannot be replied to, so replies to it are sent to the conversation instead (as the SDKs do).
 */
function replyTarget(incoming: IncomingBody): string | undefined {
  if (typeof incoming.id !== 'string' || incoming.id === '') return undefined;
  if (incoming.type === 'conversationUpdate' && (incoming.channelId === 'directline' || incoming.channelId === 'webchat')) return undefined;
  return incoming.id;
}

/**
 * An activity as JSON for the wire. The Agents SDK's Activity class keeps the channel in
 * `_channelId` behind a `channelId` accessor, which JSON.stringify leaves out; this puts it back
 * where channels read it (what the SDK's own toJsonString does, without a parse and a stringify).
 */
export function wireActivity(activity: object): Record<string, unknown> {
  const { _channelId, ...rest } = activity as Record<string, unknown>;
  // A sub-channel ("m365:copilot") travels in a ProductInfo entity, as toJsonString leaves it.
  return _channelId === undefined ? rest : { ...rest, channelId: _channelId };
}
