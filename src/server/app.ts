import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
import { AnonymousBotFrameworkAuthentication } from './anonymousAuth.js';
import { registerMessagesRoute } from './messagesRoute.js';
import { randomBytes } from 'node:crypto';
import { registerPracticeApi } from '../api/practice/index.js';
import { azureTokenSource, DirectLineError, fileTranscripts, i18nextLookup, localTokenSource, registerDirectLine, registerWebChat, type DirectLineHandle } from '../directline/index.js';
import { createDeliveryWorker, toFhirBundle, type DeliveryWorker } from '../handoff/index.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { accessLogHandler, requestIdHandler } from '../observability/requestId.js';
import { bodyParserOptions, restifyErrorHandler } from '../security/body.js';
import { metricsAuthorized } from '../security/metricsAuth.js';
import { createRateLimiter } from '../security/rateLimit.js';
import type { IntakeRequest } from '../domain/types.js';

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
  /** serviceUrl prefixes replies may be POSTed to in anonymous mode; [] = expectReplies only. */
  allowedServiceUrls?: string[];
  rateLimit?: { perConversationPerMinute: number; perIpPerMinute: number };
  trustProxyHops?: number;
  metricsToken?: string;
  /** Signs self-hosted Direct Line tokens; random per process when not given. */
  directLineSecret?: string;
  /** Azure Direct Line secret: when set the web chat uses Azure's Direct Line instead of ours. */
  azureDirectLineSecret?: string;
  /** Overrides of the practice file's webhook (PRACTICE_WEBHOOK_URL / _SECRET). */
  webhook?: { url?: string; secret?: string };
  retentionDays?: number;
  /** How often the delivery worker looks at the outbox; 0 = do not start it (tests run it by hand). */
  deliveryIntervalMs?: number;
  metrics?: Metrics;
  observer?: TurnObserver;
  /** Most conversations whose statechart actor stays running between turns (default 1,000; 0 = none). */
  liveConversations?: number;
  /** How often the retention sweep runs (default every 6 hours; it also runs at start-up). */
  sweepIntervalMs?: number;
}

export interface App {
  server: restify.Server;
  service: ConversationService;
  store: Store;
  metrics: Metrics;
  directLine: DirectLineHandle;
  /** Present when a webhook is configured. */
  delivery?: DeliveryWorker;
  toBundle: (request: IntakeRequest) => ReturnType<typeof toFhirBundle>;
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
  const retentionDays = options.retentionDays ?? config.retentionDays;
  const store = await openLowdbStore({ dataDir: options.dataDir, retentionDays, clock, logger });
  const metrics = options.metrics ?? createMetrics();
  const idleMs = config.idleTimeoutMinutes * 60_000;
  metrics.setActiveConversationsSource(() => store.conversations.countActiveSince(new Date(clock.now().getTime() - idleMs)));
  const englishText = (key: string) => content.i18n.t(key, { lng: 'en' });
  const toBundle = (request: IntakeRequest) => toFhirBundle(request, { practiceOds: config.odsCode, englishText });

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
    idleMs,
    deliveryEnabled: Boolean((options.webhook?.url ?? config.webhook?.url) && (options.webhook?.secret ?? config.webhook?.secret)),
    logger,
    ...(options.liveConversations !== undefined ? { liveConversations: options.liveConversations } : {}),
    observer: options.observer ?? {
      turn: (seconds, outcome) => metrics.observeTurn(outcome, seconds),
      requestStored: (tier) => metrics.requestStored(tier),
    },
  });

  const botFramework = options.botFramework ?? {};
  const anonymous = !botFramework.MicrosoftAppId;
  const adapter = new CloudAdapter(
    anonymous
      ? new AnonymousBotFrameworkAuthentication(botFramework)
      : new ConfigurationBotFrameworkAuthentication(botFramework, new ConfigurationServiceClientCredentialFactory(botFramework)),
  );
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error.name }, 'turn failed'); // never the message: it may quote patient text
    await context.sendActivity({ type: 'message', text: content.i18n.t('dialog.error', { lng: 'en' }) });
  };

  const server = restify.createServer({ name: 'gp-intake-bot', handleUncaughtExceptions: false });
  server.pre(requestIdHandler(logger));
  server.pre(accessLogHandler(logger));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: no multipart uploads to temp files, no URL-encoded forms.
  server.use(restify.plugins.jsonBodyParser(bodyParserOptions(options.maxBodyBytes ?? 64 * 1024)));
  server.on('restifyError', restifyErrorHandler(logger, (r) => metrics.rejected(r.status === 413 ? 'body_too_large' : 'bad_request')));

  let closing = false;
  server.get('/health', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.get('/ready', async (_req, res) => {
    const writable = !closing && (await store.checkWritable().catch(() => false));
    res.send(writable ? 200 : 503, { status: writable ? 'ready' : 'not-ready', store: writable, config: true });
  });
  server.get('/metrics', async (req, res) => {
    if (!metricsAuthorized(req.header('authorization'), options.metricsToken)) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const { contentType, body } = await metrics.render();
    res.setHeader('Content-Type', contentType);
    res.sendRaw(200, body);
  });
  const limiter = createRateLimiter(options.rateLimit ?? { perConversationPerMinute: 30, perIpPerMinute: 120 });
  registerMessagesRoute(server, {
    adapter,
    service,
    logger,
    metrics,
    isClosing: () => closing,
    anonymous,
    allowedServiceUrls: options.allowedServiceUrls ?? [],
    limiter,
    trustProxyHops: options.trustProxyHops ?? 0,
  });

  // The self-hosted Direct Line channel reaches the same conversation service in-process.
  const directLine = registerDirectLine(server, {
    runTurn: async (activity) => {
      // The same per-conversation limit as /api/messages (the address limit is on /chat/token).
      const limited = await limiter.check({ conversationId: `directline:${activity.conversation?.id ?? ''}` });
      if (limited) {
        metrics.rejected('rate_limit_conversation');
        throw new DirectLineError(429, 'TooManyRequests', limited.message);
      }
      return service.handle(activity);
    },
    secret: options.directLineSecret ?? randomBytes(32).toString('base64url'),
    clock,
    logger,
    // So a reload after a restart shows the conversation (with a DIRECTLINE_SECRET that survives it).
    transcripts: fileTranscripts(join(options.dataDir, 'directline')),
  });
  registerWebChat(server, {
    lookup: i18nextLookup(content.i18n),
    practice: { name: config.name, phone: config.phone },
    tokenSource: options.azureDirectLineSecret ? azureTokenSource({ secret: options.azureDirectLineSecret }) : localTokenSource(directLine),
    ...(options.azureDirectLineSecret ? { domain: 'https://directline.botframework.com/v3/directline' } : {}),
    clock,
    logger,
    languages: content.languages.map((l) => l.bcp47).filter((tag) => content.resources[tag]),
  });
  registerPracticeApi(server, { store, clock, logger, apiKeys: config.apiKeys, toBundle });

  const webhookUrl = options.webhook?.url ?? config.webhook?.url;
  const webhookSecret = options.webhook?.secret ?? config.webhook?.secret;
  let delivery: DeliveryWorker | undefined;
  if (webhookUrl && webhookSecret) {
    delivery = createDeliveryWorker({
      store,
      clock,
      logger,
      toBundle,
      onAttempt: (outcome) => {
        metrics.delivery(outcome === 'delivered' ? 'success' : 'failure');
        if (outcome === 'retrying') metrics.deliveryRetry();
        if (outcome === 'dead') metrics.deadLetter();
      },
      webhook: { url: webhookUrl, secret: webhookSecret, timeoutMs: config.webhook?.timeoutMs ?? 5000, maxAttempts: config.webhook?.maxAttempts ?? 8 },
    });
    const interval = options.deliveryIntervalMs ?? 5000;
    if (interval > 0) delivery.start(interval);
  } else {
    logger.warn('no practice webhook configured: requests are kept in the outbox and shown by the practice API');
  }

  // Retention: delete idle conversations and delivered or closed requests older than retentionDays.
  const sweep = () =>
    Promise.all([store.sweep(clock.now()), directLine.sweep(new Date(clock.now().getTime() - retentionDays * 86_400_000))]).then(
      ([removed, transcripts]) => logger.info({ ...removed, transcripts }, 'retention sweep'),
      (err: unknown) => logger.error({ err: (err as Error).name }, 'retention sweep failed'),
    );
  const sweepTimer = setInterval(() => void sweep(), options.sweepIntervalMs ?? 6 * 3600_000);
  sweepTimer.unref();
  void sweep();

  return {
    server,
    service,
    store,
    metrics,
    directLine,
    ...(delivery ? { delivery } : {}),
    toBundle,
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
      clearInterval(sweepTimer);
      await delivery?.stop();
      await directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.drain();
      await store.flush();
      await store.close();
    },
  };
}
