/**
 * What the page keeps so a reload (or a phone that drops the tab) shows the same conversation:
 * the conversation id and its short-lived token, in sessionStorage only. sessionStorage belongs
 * to this tab and is gone when the tab closes, so on a shared computer the next person cannot
 * open it; never localStorage (it outlives the tab) and never the URL (it ends up in history and logs).
 * No patient text is kept here; the transcript is fetched from the server.
 */
export interface SavedSession {
  /** Direct Line base URL the conversation belongs to (ours or Azure's). */
  domain: string;
  conversationId: string;
  token: string;
  /** The patient has seen the answer hint once. */
  hintSeen?: boolean;
}

const KEY = 'gp-chat-session';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage blocked (e.g. some privacy settings in a third-party iframe)
  }
}

export function loadSession(domain: string): SavedSession | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    const s = raw ? (JSON.parse(raw) as Partial<SavedSession>) : undefined;
    if (s && s.domain === domain && typeof s.conversationId === 'string' && typeof s.token === 'string') {
      return { domain, conversationId: s.conversationId, token: s.token, hintSeen: s.hintSeen === true };
    }
  } catch {
    // Unreadable: start a new conversation.
  }
  return undefined;
}

export function saveSession(s: SavedSession): void {
  try {
    storage()?.setItem(KEY, JSON.stringify(s));
  } catch {
    // Full or blocked: the chat still works, only a reload starts again.
  }
}

export function clearSession(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing to clear.
  }
}
