/**
 * The Bot Framework activity as it travels as JSON (Bot Framework / Agents protocol, v3 REST API):
 * the fields this bot reads or writes. Our own type, so nothing outside src/server/messages needs an
 * SDK; the SDK's Activity class keeps its channel id in `_channelId` and cannot be sent as it is.
 */

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: string;
  aadObjectId?: string;
}

export interface ConversationAccount {
  id: string;
  name?: string;
  isGroup?: boolean;
  conversationType?: string;
  tenantId?: string;
  role?: string;
}

export interface CardAction {
  type: string;
  title: string;
  value?: unknown;
  text?: string;
  displayText?: string;
  image?: string;
}

export interface SuggestedActions {
  to: string[];
  actions: CardAction[];
}

export interface Attachment {
  contentType: string;
  contentUrl?: string;
  content?: unknown;
  name?: string;
  thumbnailUrl?: string;
}

export interface Activity {
  type: string;
  id?: string;
  timestamp?: Date | string;
  localTimestamp?: Date | string;
  serviceUrl?: string;
  channelId: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: ConversationAccount;
  replyToId?: string;
  text?: string;
  textFormat?: string;
  locale?: string;
  inputHint?: string;
  suggestedActions?: SuggestedActions;
  attachments?: Attachment[];
  membersAdded?: ChannelAccount[];
  membersRemoved?: ChannelAccount[];
  entities?: Record<string, unknown>[];
  channelData?: unknown;
  value?: unknown;
  name?: string;
  deliveryMode?: string;
}
