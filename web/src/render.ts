import type { WireAction, WireActivity } from './types.js';

/**
 * DOM building for messages and choices. Patient and bot text only ever goes in through
 * textContent, never innerHTML. Each message is appended once and never changed afterwards, so
 * the log's live region announces it exactly once (a failed send only gains a class and a note
 * outside the log). Scrolling is scroll.ts's job.
 */
const RTL = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ckb', 'yi', 'dv']);

export function dirOf(tag: string): 'rtl' | 'ltr' {
  return RTL.has(tag.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

export function localeOf(a: WireActivity): string | undefined {
  const tag = a.channelData?.intake?.locale ?? a.locale;
  return typeof tag === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(tag) ? tag : undefined;
}

export function appendMessage(log: HTMLElement, who: 'bot' | 'user', speaker: string, text: string, lang: string | undefined): HTMLElement {
  const item = document.createElement('div');
  item.className = `msg msg-${who}`;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = `${speaker}: `;
  const body = document.createElement('p');
  body.className = 'msg-text';
  body.textContent = text;
  if (lang) {
    body.lang = lang;
    body.dir = dirOf(lang);
  } else {
    body.dir = 'auto';
  }
  item.append(label, body);
  log.append(item);
  return item;
}

/** Only actions that send a message back (imBack/postBack/messageBack) are choices; others are ignored. */
export function choicesOf(a: WireActivity): { title: string; value: string }[] {
  const actions: WireAction[] = a.suggestedActions?.actions ?? [];
  return actions
    .filter((x) => x.type === undefined || x.type === 'imBack' || x.type === 'postBack' || x.type === 'messageBack')
    .map((x) => ({ title: String(x.title ?? x.value ?? ''), value: typeof x.value === 'string' ? x.value : String(x.title ?? '') }))
    .filter((x) => x.title !== '' && x.value !== '');
}

export function renderChoices(
  group: HTMLElement,
  choices: { title: string; value: string }[],
  lang: string | undefined,
  onChoose: (c: { title: string; value: string }, e: MouseEvent) => void,
): void {
  group.replaceChildren();
  for (const c of choices) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'choice';
    b.textContent = c.title;
    if (lang) {
      b.lang = lang;
      b.dir = dirOf(lang);
    }
    b.addEventListener('click', (e) => onChoose(c, e));
    group.append(b);
  }
  group.hidden = choices.length === 0;
}
