import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import restify from 'restify';
import type { Clock } from '../clock.js';
import { createConversationService, type ConversationService, type TurnObserver } from '../bot/conversationService.js';
import { createIntakeMachine } from '../dialog/machine/intakeMachine.js';
import { createLanguagePolicy } from '../dialog/languagePolicy.js';
import { createRenderer } from '../i18n/render.js';
import { createWordbook } from '../i18n/wordbook.js';
import { localeToLang } from '../lang/locale.js';
import type { Logger } from '../observability/logger.js';
import { loadPracticeConfig, type PracticeConfig } from '../practice/config.js';
import { createPracticeStatusSource } from '../practice/statusSource.js';
import { openLowdbStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { loadContent, type Content } from './content.js';
import { registerMessagesRoute } from './messagesRoute.js';

export interface AppOptions {
  dataDir: string;
  practiceConfigPath: string;
  /** Folder holding dialogs/ and locales/ (the project root). */
  contentRoot: string;
  clock: Clock;
  logger: Logger;
  /** Exactly the keys botbuilder reads (see botFrameworkConfig in src/config/env.ts); {} = anonymous. */
  botFramework?: Record<string, string>;
  maxBodyBytes?: number;
  observer?: TurnObserver;
}

export interface App {
  server: restify.Server;
  service: ConversationService;
  store: Store;
  config: PracticeConfig;
  content: Content;
  /** Anonymous mode: no Bot Framework app id configured (local use and the Emulator). */
  anonymous: boolean;
  listen(port: number, host: string): Promise<number>;
  /** Stop taking requests, finish turns in flight, flush storage. */
  close(): Promise<void>;
}

/** Builds the whole bot from configuration paths. `src/index.ts` reads the environment and calls this. */
export async function createApp(options: AppOptions): Promise<App> {
  const { clock, logger } = options;
  const config = loadPracticeConfig(options.practiceConfigPath);
  const content = loadContent(options.contentRoot);
  mkdirSync(options.dataDir, { recursive: true });
  const store = await openLowdbStore({ dataDir: options.dataDir, retentionDays: config.retentionDays, clock, logger });

  const offered = config.languagesOffered.filter((code) => content.languages.some((l) => l.code === code));
  const machine = createIntakeMachine({
    content: content.intake,
    triage: content.triage,
    words: createWordbook(content.resources, content.languages),
    language: createLanguagePolicy(content.languages, content.languages.map((l) => l.code)),
    languagesOffered: offered.length > 0 ? offered : ['eng'],
  });
  const service = createConversationService({
    machine,
    store,
    clock,
    render: createRenderer(content.i18n, content.languages),
    practiceStatus: createPracticeStatusSource(config, clock, store.requests, logger),
    localeToLang: (locale) => localeToLang(locale, content.languages),
    idleMs: config.idleTimeoutMinutes * 60_000,
    logger,
    ...(options.observer ? { observer: options.observer } : {}),
  });

  const botFramework = options.botFramework ?? {};
  const anonymous = !botFramework.MicrosoftAppId;
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication(botFramework, new ConfigurationServiceClientCredentialFactory(botFramework)),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error.message }, 'turn failed');
    await context.sendActivity({ type: 'message', text: content.i18n.t('dialog.error', { lng: 'en' }) });
  };

  const server = restify.createServer({ name: 'gp-intake-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: options.maxBodyBytes ?? 64 * 1024 }));

  let closing = false;
  server.get('/health', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/ready', async (_req, res) => {
    const writable = !closing && (await store.checkWritable().catch(() => false));
    res.send(writable ? 200 : 503, { status: writable ? 'ready' : 'not-ready', store: writable, config: true });
  });
  registerMessagesRoute(server, { adapter, service, logger, isClosing: () => closing });

  return {
    server,
    service,
    store,
    config,
    content,
    anonymous,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      }),
    async close() {
      if (closing) return;
      closing = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.drain();
      await store.flush();
      await store.close();
    },
  };
}
