import { Connection, SendError, type Status } from './connection.js';
import { appendMessage, choicesOf, localeOf, renderChoices } from './render.js';
import type { ChatConfig, WireActivity } from './types.js';

/**
 * The /chat page's script. The server has rendered the page chrome and the texts; this wires the
 * log, the choice buttons and the composer to a Direct Line connection. No time limits anywhere:
 * a slow typist is never cut off (tokens refresh in the background).
 */
function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

function start(): void {
  const config = JSON.parse(byId('chat-config').textContent ?? '{}') as ChatConfig;
  const log = byId<HTMLDivElement>('log');
  const choices = byId<HTMLDivElement>('choices');
  const form = byId<HTMLFormElement>('composer');
  const input = byId<HTMLTextAreaElement>('input');
  const status = byId<HTMLParagraphElement>('status');
  const error = byId<HTMLParagraphElement>('error');
  const t = config.texts;

  let lastLang: string | undefined;
  const localIds = new Set<string>();
  let counter = 0;

  const setStatus = (s: Status): void => {
    status.textContent = { connecting: t.connecting, connected: '', reconnecting: t.reconnecting, failed: t.failed, ended: t.ended }[s];
    document.body.dataset.status = s;
  };

  const onActivity = (a: WireActivity): void => {
    const mine = a.from?.role === 'user' || (a.from?.id !== undefined && a.from.id === connection.userId);
    if (mine) {
      // Our own message comes back on the stream; we showed it when it was sent.
      if (a.channelData?.clientActivityID && localIds.has(a.channelData.clientActivityID)) return;
      if (a.type === 'message' && a.text) appendMessage(log, 'user', t.you, a.text, lastLang);
      return;
    }
    if (a.type === 'endOfConversation') return setStatus('ended');
    if (a.type !== 'message') return;
    const lang = localeOf(a);
    if (lang) lastLang = lang;
    if (a.text) appendMessage(log, 'bot', t.bot, a.text, lang);
    renderChoices(choices, choicesOf(a), lang, (c) => void send(c.value, c.title));
  };

  const connection = new Connection(config.domain, config.tokenUrl, config.locale, onActivity, setStatus);

  /** Shows the patient's words at once; on failure says why and puts typed text back to edit. */
  async function send(value: string, shown: string, typed = false): Promise<void> {
    error.textContent = '';
    const clientActivityID = `c${Date.now().toString(36)}${(counter++).toString(36)}`;
    localIds.add(clientActivityID);
    const item = appendMessage(log, 'user', t.you, shown, lastLang);
    renderChoices(choices, [], undefined, () => undefined);
    input.focus();
    try {
      await connection.post({ type: 'message', text: value, channelData: { clientActivityID } });
    } catch (err) {
      item.classList.add('msg-failed');
      const tooLong = err instanceof SendError && err.status === 413;
      error.textContent = tooLong ? t.tooLong.replace('{{max}}', String(config.maxMessageChars)) : t.sendFailed;
      if (typed) input.value = value;
    }
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
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
  if (config.embedded) {
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') window.parent.postMessage({ type: 'gp-chat:close' }, '*');
    });
  }
  (window as unknown as { gpChat?: Connection }).gpChat = connection;
  void connection.start();
}

start();
