import i18next from 'i18next';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { systemClock } from '../../src/clock.js';
import { i18nextLookup, localTokenSource, registerWebChat } from '../../src/directline/index.js';
import { startEchoServer, type EchoServer } from './echoServer.js';

/** The echo server plus /chat, with texts from locales/en/webchat.json through a real i18next instance. */
export async function startChatServer(opts: { maxMessageChars?: number; pageMaxMessageChars?: number } = {}): Promise<EchoServer> {
  const i18n = i18next.createInstance();
  const en = JSON.parse(readFileSync(new URL('../../locales/en/webchat.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  await i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { translation: en } } });
  return startEchoServer({
    maxMessageChars: opts.maxMessageChars,
    setup: (server, directLine) =>
      registerWebChat(server, {
        lookup: i18nextLookup(i18n),
        practice: { name: 'Riverside Surgery', phone: '01632 960000' },
        tokenSource: localTokenSource(directLine),
        clock: systemClock,
        logger: pino({ level: 'silent' }),
        maxMessageChars: opts.pageMaxMessageChars ?? opts.maxMessageChars,
      }),
  });
}
