import { Connection, SendError, type Credentials, type Status } from './connection.js';
import { appendMessage, choicesOf, localeOf, renderChoices } from './render.js';
import { followNewest } from './scroll.js';
import { clearSession, loadSession, saveSession, type SavedSession } from './session.js';
import type { ChatConfig, WireActivity } from './types.js';

/**
 * The /chat page's script. The server has rendered the page chrome and the texts; this wires the
 * log, the choice buttons and the composer to a Direct Line connection. No time limits anywhere:
 * a slow typist is never cut off (tokens refresh in the background).
 *
 * Sending: each message gets a clientActivityID when it is first sent and keeps it for every
 * retry, so the server can recognise a repeat; before a retry the page also looks at the
 * transcript, and a message that arrived there is not sent again. One message at a time: Send is
 * marked disabled (aria-disabled, so focus is never lost) while a message is on its way or waiting
 * for the network to come back.
 */
function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

interface Pending {
  id: string;
  value: string;
  typed: boolean;
  item: HTMLElement;
  /** The transcript has it (its echo came back): it reached the server, whatever became of the POST's answer. */
  arrived: boolean;
  /** HTTP status of the last failed try; 0 when no answer came at all. */
  failedWith?: number;
}

/** How long the typing dots stay after the bot has answered the post but its message has not come (polling). */
const TYPING_GRACE_MS = 3000;

function start(): void {
  const config = JSON.parse(byId('chat-config').textContent ?? '{}') as ChatConfig;
  const log = byId<HTMLDivElement>('log');
  const choices = byId<HTMLDivElement>('choices');
  const form = byId<HTMLFormElement>('composer');
  const input = byId<HTMLTextAreaElement>('input');
  const sendButton = byId<HTMLButtonElement>('send');
  const status = byId<HTMLParagraphElement>('status');
  const error = byId<HTMLParagraphElement>('error');
  const retryButton = byId<HTMLButtonElement>('retry');
  const typing = byId<HTMLParagraphElement>('typing');
  const endButton = byId<HTMLButtonElement>('end');
  const confirm = byId<HTMLDivElement>('end-confirm');
  const ended = byId<HTMLDivElement>('ended');
  const t = config.texts;
  const follow = followNewest(log);

  let session: SavedSession | undefined = loadSession(config.domain);
  let hintSeen = session?.hintSeen === true;
  let connection: Connection;
  let lastLang: string | undefined;
  let localIds = new Set<string>();
  let pending: Pending | undefined;
  let sending = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** The newest bot message's choices: a restored answer shows the title the patient tapped, not its code. */
  let lastChoices: { title: string; value: string }[] = [];

  /** What the status line says while all is well ("welcome back" after a reload, until the next message). */
  let note = '';
  const setStatus = (s: Status): void => {
    status.textContent = { connecting: t.connecting, connected: note, reconnecting: t.reconnecting, failed: t.failed, ended: t.ended }[s];
    document.body.dataset.status = s;
    if (s === 'ended') showEnded(t.ended);
  };

  const setTyping = (on: boolean): void => {
    clearTimeout(typingTimer);
    typing.hidden = !on;
  };

  const updateSend = (): void => {
    const busy = sending || pending !== undefined;
    sendButton.setAttribute('aria-disabled', String(busy));
    document.body.classList.toggle('sending', busy);
  };

  /**
   * After the patient's first message the header and banner can shrink (the CSS does so on small
   * screens only), and the hint has been read. Screens 640 px high or less (a small phone, a phone on
   * its side, a zoomed laptop) have no room for the full banner, so there they are compact from the start.
   */
  let talked = false;
  const short = typeof matchMedia === 'function' ? matchMedia('(max-height: 40em)') : undefined;
  const applyCompact = (): void => {
    document.body.classList.toggle('compact', talked || short?.matches === true);
  };
  short?.addEventListener?.('change', applyCompact);
  applyCompact();
  const exchanged = (): void => {
    talked = true;
    applyCompact();
    if (!hintSeen) {
      hintSeen = true;
      if (session) saveSession({ ...session, hintSeen });
    }
    document.body.classList.add('hint-seen');
  };
  if (hintSeen) document.body.classList.add('hint-seen');
  endButton.hidden = false; // needs the script, so the page leaves it hidden

  const onActivity = (a: WireActivity, history: boolean): void => {
    const mine = a.from?.role === 'user' || (a.from?.id !== undefined && a.from.id === connection.userId);
    if (mine) {
      const cid = a.channelData?.clientActivityID;
      // Our own message comes back on the stream; we showed it when it was sent.
      if (cid && localIds.has(cid)) {
        if (pending?.id === cid) pending.arrived = true;
        return;
      }
      if (a.type === 'message' && a.text) {
        const text = a.text;
        appendMessage(log, 'user', t.you, lastChoices.find((c) => c.value === text)?.title ?? text, lastLang);
        lastChoices = [];
        renderChoices(choices, [], undefined, () => undefined);
        exchanged();
        if (!history) follow.newest();
      }
      return;
    }
    if (a.type === 'endOfConversation') return setStatus('ended');
    if (a.type === 'typing') {
      setTyping(true);
      return;
    }
    if (a.type !== 'message') return;
    const lang = localeOf(a);
    if (lang) lastLang = lang;
    if (a.text) {
      setTyping(false);
      appendMessage(log, 'bot', t.bot, a.text, lang);
    }
    lastChoices = choicesOf(a);
    renderChoices(choices, lastChoices, lang, (c, e) => {
      // The button goes away with its question, so focus needs a new home: the message box for
      // keyboards and mice; the log on touch screens, where the box would pop the keyboard up.
      const keyboardOrMouse = e.detail === 0 || matchMedia('(pointer: fine)').matches;
      (keyboardOrMouse ? input : log).focus({ preventScroll: true });
      void send(c.value, c.title);
    });
    if (!history) follow.newest();
  };

  const onCredentials = (c: Credentials): void => {
    session = { domain: config.domain, conversationId: c.conversationId, token: c.token, hintSeen };
    saveSession(session);
  };

  async function connect(saved: SavedSession | undefined): Promise<void> {
    // A restored transcript is not read out message by message: the live region is quiet while
    // it is filled, and one status line says the chat is back.
    if (saved) log.setAttribute('aria-live', 'off');
    connection = new Connection(config.domain, config.tokenUrl, config.locale, { onActivity, onStatus: setStatus, onCredentials });
    const how = await connection.start(saved);
    log.setAttribute('aria-live', 'polite');
    if (how === 'resumed') {
      note = t.restored;
      status.textContent = note;
      follow.newest(false);
    } else if (how === 'new') {
      setTyping(log.childElementCount === 0); // the greeting is on its way
    }
  }

  function delivered(): void {
    if (!pending) return;
    pending.item.classList.remove('msg-pending');
    pending = undefined;
    error.textContent = '';
    retryButton.hidden = true;
    updateSend();
  }

  /** Shows the patient's words at once; sends them with a clientActivityID kept for every retry. */
  async function send(value: string, shown: string, typed = false): Promise<void> {
    if (sending || pending) return;
    if (note) {
      note = '';
      if (document.body.dataset.status === 'connected') status.textContent = '';
    }
    const id = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    localIds.add(id);
    const item = appendMessage(log, 'user', t.you, shown, lastLang);
    pending = { id, value, typed, item, arrived: false };
    renderChoices(choices, [], undefined, () => undefined);
    exchanged();
    follow.newest();
    await attempt();
  }

  async function attempt(): Promise<void> {
    const p = pending;
    if (!p || sending) return;
    p.arrived = false;
    sending = true;
    updateSend();
    error.textContent = '';
    retryButton.hidden = true;
    setTyping(true);
    try {
      // A tapped button is a postBack (as Microsoft Web Chat marks it): its code, not words to read.
      await connection.post({ type: 'message', text: p.value, channelData: p.typed ? { clientActivityID: p.id } : { clientActivityID: p.id, postBack: true } });
      delivered();
      typingTimer = setTimeout(() => setTyping(false), TYPING_GRACE_MS);
    } catch (err) {
      const code = err instanceof SendError ? err.status : 0;
      // No answer, but the message is in the transcript: the bot's reply is on its way there too.
      if (code === 0 && p.arrived) {
        delivered();
        return;
      }
      setTyping(false);
      p.failedWith = code;
      if (code === 0 || code === 429 || code >= 500) {
        // Kept, to be sent again (same id) by the Retry button or when the network is back.
        p.item.classList.add('msg-pending');
        error.textContent = code === 0 ? t.offline : t.sendFailed;
        retryButton.hidden = false;
      } else {
        p.item.classList.add('msg-failed');
        error.textContent = code === 413 ? t.tooLong.replace('{{max}}', String(config.maxMessageChars)) : t.sendFailed;
        if (p.typed && !input.value) input.value = p.value;
        pending = undefined;
      }
    } finally {
      sending = false;
      updateSend();
    }
  }

  async function retry(): Promise<void> {
    const p = pending;
    if (!p || sending) return;
    if (p.failedWith === 0) {
      // The last try got no answer: if the transcript has the message, it got through; do not send it again.
      await connection.catchUp().catch(() => undefined);
      if (p.arrived) {
        delivered();
        return;
      }
    }
    // After an error answer (the bot failed, or too many messages) the turn did not happen: send again, same id.
    await attempt();
  }

  function showEnded(text: string): void {
    clearSession();
    session = undefined;
    connection.close();
    setTyping(false);
    pending = undefined;
    updateSend();
    error.textContent = '';
    retryButton.hidden = true;
    renderChoices(choices, [], undefined, () => undefined);
    ended.hidden = false;
    byId('ended-text').textContent = text; // after showing it, so the status is announced
    form.hidden = true;
    endButton.hidden = true;
  }

  /** "End and clear": the transcript is deleted on the server, the screen and the tab's storage emptied. */
  async function endAndClear(): Promise<void> {
    confirm.hidden = true;
    await connection.discard();
    log.replaceChildren();
    localIds = new Set();
    status.textContent = '';
    talked = false;
    applyCompact();
    showEnded(t.cleared);
    byId<HTMLButtonElement>('start-again').focus();
  }

  function startAgain(): void {
    ended.hidden = true;
    form.hidden = false;
    endButton.hidden = false;
    log.replaceChildren();
    localIds = new Set();
    lastLang = undefined;
    talked = false;
    applyCompact();
    input.focus();
    void connect(undefined);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (sending || pending) return; // the text stays in the box until this one is through
    const text = input.value.trim();
    if (!text) return;
    // Checked here too so a long description is never sent and never lost: it stays in the box.
    if ([...text].length > config.maxMessageChars) {
      error.textContent = t.tooLong.replace('{{max}}', String(config.maxMessageChars));
      return;
    }
    input.value = '';
    void send(text, text, true);
  });
  // Enter sends, Shift+Enter starts a new line (the hint under the box says so).
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  retryButton.addEventListener('click', () => void retry());
  window.addEventListener('online', () => void retry());
  endButton.addEventListener('click', () => {
    confirm.hidden = false;
    byId('end-question').focus();
  });
  const keepChatting = (): void => {
    confirm.hidden = true;
    endButton.focus();
  };
  byId('end-no').addEventListener('click', keepChatting);
  confirm.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // not the embed's "close the panel"
    keepChatting();
  });
  byId('end-yes').addEventListener('click', () => void endAndClear());
  byId('start-again').addEventListener('click', startAgain);
  if (config.embedded) {
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') window.parent.postMessage({ type: 'gp-chat:close' }, '*');
    });
  }
  // For tests and diagnostics.
  (window as unknown as { gpChat?: { dropSocket(): void } }).gpChat = { dropSocket: () => connection.dropSocket() };
  void connect(session);
}

start();
