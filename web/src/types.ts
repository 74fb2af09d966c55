/** What the server renders into the page (#chat-config) for the client. Shared with src/directline/webchat. */
export interface ChatConfig {
  /** Where to get a Direct Line token: our server's /chat/token. */
  tokenUrl: string;
  /** Direct Line base URL: ours ('/v3/directline') or Azure's. */
  domain: string;
  /** Page language (BCP-47), also sent as the conversation's locale. */
  locale: string;
  maxMessageChars: number;
  /** Embedded in a practice's page (the panel asks to close on Escape). */
  embedded: boolean;
  texts: ChatTexts;
}

export interface ChatTexts {
  you: string;
  bot: string;
  connecting: string;
  connected: string;
  reconnecting: string;
  failed: string;
  sendFailed: string;
  /** Contains {{max}}. */
  tooLong: string;
  ended: string;
  /** The network dropped: the message is kept and sent when it is back. */
  offline: string;
  /** A saved conversation was shown again after a reload. */
  restored: string;
  /** After "end and clear". */
  cleared: string;
}

/** The parts of a Direct Line activity the widget reads. Everything else is ignored. */
export interface WireActivity {
  id?: string;
  type?: string;
  text?: string;
  locale?: string;
  from?: { id?: string; role?: string };
  channelData?: { clientActivityID?: string; postBack?: boolean; intake?: { locale?: string } };
  suggestedActions?: { actions?: WireAction[] };
}

export interface WireAction {
  type?: string;
  title?: string;
  value?: unknown;
}

export interface ActivitySet {
  activities?: WireActivity[];
  watermark?: string;
}
