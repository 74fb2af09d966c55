import type { AddressInfo } from 'node:net';
import type { ConnectionSettings } from '@microsoft/agents-hosting';
import restify from 'restify';
import type { Clock } from '../clock.js';
import { createConversationService, type ConversationService, type TurnObserver } from '../bot/conversationService.js';
import { createIntakeMachine } from '../dialog/machine/intakeMachine.js';
import { createLanguagePolicy } from '../dialog/languagePolicy.js';
import { createRenderer } from '../i18n/render.js';
import { createWordbook } from '../i18n/wordbook.js';
import { sharedRecognisers } from '../dialog/interpret/recognizersText.js';
import { localeToLang } from '../lang/locale.js';
import type { Logger } from '../observability/logger.js';
import type { PracticeConfig } from '../practice/config.js';
import { createPracticeStatusSource } from '../practice/statusSource.js';
import type { Store } from '../store/types.js';
import type { Content } from './content.js';
import { registerMessagesRoute } from './messagesRoute.js';
import { randomBytes } from 'node:crypto';
import { registerPracticeApi } from '../api/practice/index.js';
import { azureTokenSource, DirectLineError, i18nextLookup, localTokenSource, registerDirectLine, registerWebChat, type DirectLineHandle, type TranscriptStore } from '../directline/index.js';
import {
  createDeliveryWorker,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_MAX_DELAY_MS,
  deliveryHealth,
  queueMissingDeliveries,
  toFhirBundle,
  type DeliveryWorker,
} from '../handoff/index.js';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { accessLogHandler, requestIdHandler } from '../observability/requestId.js';
import { bodyParserOptions, limitedBodyReader, restifyErrorHandler } from '../security/body.js';
import { metricsAuthorized } from '../security/metricsAuth.js';
import { clientAddress, createAuthFailureLimiter, createRateLimiter } from '../security/rateLimit.js';
import { refuseUnroutableTarget } from '../security/requestTarget.js';
import { AZURE_BOT_SERVICE_URLS } from '../security/serviceUrlGuard.js';
import { connectionFromBotFramework } from './messages/agentsConfig.js';
import { TIERS, type IntakeRequest, type Tier } from '../domain/types.js';
import { dayBounds } from '../practice/hours.js';
import { auditClosures } from '../practice/closureAudit.js';
import { createTranslate } from '../i18n/translate.js';
import { registerHoursRoute } from './hours/route.js';
import { registerInbox } from '../inbox/index.js';

export interface AppOptions {
  /** The practice file, loaded and validated (loadPracticeConfig). */
  config: PracticeConfig;
  /** dialogs/ and locales/, loaded and validated (loadContent). */
  content: Content;
  /**
   * The store, opened by the composition root (lowdb or PostgreSQL). The app owns it from here:
   * `close()` flushes and closes it.
   */
  store: Store;
  /**
   * Where the self-hosted Direct Line keeps transcripts so a reload after a restart (or on another
   * process, with a shared store) shows them; memory only when absent.
   */
  transcripts?: TranscriptStore;
  clock: Clock;
  logger: Logger;
  /**
   * MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId (see
   * botFrameworkConfig in src/config/env.ts); {} = anonymous. Mapped to an Agents SDK connection.
   */
  botFramework?: Record<string, string>;
  /**
   * An Agents SDK connection given whole, instead of `botFramework` (another authority or
   * credential type; tests point it at a local issuer and token sidecar on 127.0.0.1).
   */
  agentsConnection?: ConnectionSettings;
  maxBodyBytes?: number;
  /**
   * serviceUrl prefixes replies may be POSTed to. Anonymous: [] = expectReplies only. With an app
   * id: [] = Azure Bot Service's channels (AZURE_BOT_SERVICE_URLS).
   */
  allowedServiceUrls?: string[];
  rateLimit?: { perConversationPerMinute: number; perIpPerMinute: number };
  /** With an app id: failed authentications per client address per minute before /api/messages answers 429 (default 20). */
  authFailuresPerIpPerMinute?: number;
  trustProxyHops?: number;
  metricsToken?: string;
  /** Signs self-hosted Direct Line tokens; random per process when not given. */
  directLineSecret?: string;
  /** Longest a Direct Line conversation's tokens can be refreshed for, from its first token (default 24 h). */
  directLineTokenMaxSeconds?: number;
  /** Azure Direct Line secret: when set the web chat uses Azure's Direct Line instead of ours. */
  azureDirectLineSecret?: string;
  /** Overrides of the practice file's webhook (PRACTICE_WEBHOOK_URL / _SECRET). */
  webhook?: { url?: string; secret?: string };
  /** Overrides the practice file's retentionDays for web chat transcripts (the store is given its own). */
  retentionDays?: number;
  /** How often the delivery worker looks at the outbox; 0 = do not start it (tests run it by hand). */
  deliveryIntervalMs?: number;
  /**
   * How long a request is retried before it is dead-lettered (default 72 h) and the longest wait
   * between two attempts (default 15 min): DELIVERY_MAX_AGE_HOURS and DELIVERY_MAX_WAIT_MINUTES.
   */
  delivery?: { maxAgeMs?: number; maxWaitMs?: number };
  metrics?: Metrics;
  observer?: TurnObserver;
  /** Most conversations whose statechart actor stays running between turns (default 1,000; 0 = none). */
  liveConversations?: number;
  /** How often the practice inbox's live queue looks for new requests (default 2 s). */
  inboxPollMs?: number;
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
  /** Anonymous mode: no app id configured (local use, the web chat's own channel, the Agents Playground). */
  anonymous: boolean;
  listen(port: number, host: string): Promise<number>;
  /** Stop taking requests, finish turns in flight, flush storage. */
  close(): Promise<void>;
}

/** A readiness probe answers within this even when the database hangs (a probe's own timeout is often 1–5 s). */
const READY_CHECK_MS = 2000;

/** `promise`, or `fallback` if it has not settled within `ms`. */
function withinMs<T>(ms: number, promise: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Wires the bot and its HTTP surface from what the composition root (src/index.ts) built: the
 * configuration, the content and the store. Creates no folders and opens no files or connections.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { clock, logger, config, content, store } = options;
  const retentionDays = options.retentionDays ?? config.retentionDays;
  await auditClosures(config, clock.now(), store.audit, logger);
  const metrics = options.metrics ?? createMetrics();
  const idleMs = config.idleTimeoutMinutes * 60_000;
  metrics.setActiveConversationsSource(() => store.conversations.countActiveSince(new Date(clock.now().getTime() - idleMs)));
  metrics.setDemandTodaySource(async () => {
    const today = dayBounds(config, clock.now());
    const counts = await Promise.all(TIERS.map((t) => store.requests.countSubmitted(today.start, today.end, [t])));
    return Object.fromEntries(TIERS.map((t, i) => [t, counts[i] ?? 0])) as Record<Tier, number>;
  });
  const englishText = (key: string) => content.i18n.t(key, { lng: 'en' });
  const toBundle = (request: IntakeRequest) => toFhirBundle(request, { practiceOds: config.odsCode, englishText });

  const offered = config.languagesOffered.filter((code) => content.languages.some((l) => l.code === code));
  const machine = createIntakeMachine({
    content: content.intake,
    triage: content.triage,
    words: createWordbook(content.resources, content.languages),
    language: createLanguagePolicy(content.languages, content.languages.map((l) => l.code)),
    languagesOffered: offered.length > 0 ? offered : ['eng'],
    recognisers: sharedRecognisers(),
  });
  const service = createConversationService({
    machine,
    store,
    clock,
    render: createRenderer(content.i18n, content.languages),
    practiceStatus: createPracticeStatusSource(config, clock, store.requests, logger, store.demandFeed),
    localeToLang: (locale) => localeToLang(locale, content.languages),
    idleMs,
    deliveryEnabled: Boolean((options.webhook?.url ?? config.webhook?.url) && (options.webhook?.secret ?? config.webhook?.secret)),
    logger,
    ...(options.liveConversations !== undefined ? { liveConversations: options.liveConversations } : {}),
    observer: options.observer ?? {
      turn: (seconds, outcome) => metrics.observeTurn(outcome, seconds),
      requestStored: (tier) => metrics.requestStored(tier),
      repeated: () => metrics.repeatedActivity(),
    },
  });

  const botFramework = options.botFramework ?? {};
  const connection = options.agentsConnection ?? (botFramework.MicrosoftAppId ? connectionFromBotFramework(botFramework) : undefined);
  const anonymous = !connection?.clientId;
  const errorText = () => content.i18n.t('dialog.error', { lng: 'en' });
  const allowedServiceUrls = options.allowedServiceUrls?.length ? options.allowedServiceUrls : anonymous ? [] : [...AZURE_BOT_SERVICE_URLS];
  // Loaded only with an app id: anonymous use (local, web chat, simulator) runs without the SDK.
  const authenticated =
    connection && !anonymous
      ? (await import('./messages/authenticated.js')).createAuthenticatedChannel({ connection, allowedServiceUrls, logger, errorText })
      : undefined;

  const server = restify.createServer({ name: 'gp-intake-bot', handleUncaughtExceptions: false });
  server.pre(refuseUnroutableTarget);
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024;
  // Bodies are at most MAX_BODY_BYTES: a request still arriving after 30 s is a slow-body attack
  // holding a socket, not a patient (Node's default would wait 5 minutes).
  server.server.requestTimeout = 30_000;  server.pre(requestIdHandler(logger));
  server.pre(accessLogHandler(logger));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  // JSON only: no multipart uploads to temp files, no URL-encoded forms.
  server.use(limitedBodyReader(maxBodyBytes));
  server.use(restify.plugins.jsonBodyParser({ ...bodyParserOptions(maxBodyBytes), bodyReader: true }));
  server.on('restifyError', restifyErrorHandler(logger, (r) => metrics.rejected(r.status === 413 ? 'body_too_large' : 'bad_request')));

  let closing = false;
  let closed: Promise<void> | undefined;
  server.get('/health', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  metrics.setDeliverySource(() => deliveryHealth(store.outbox, clock.now()));
  server.get('/ready', async (_req, res) => {
    const writable = !closing && (await withinMs(READY_CHECK_MS, store.checkWritable().catch(() => false), false));
    // Deliveries are detail, not readiness: patients can still be served while the practice is down.
    const delivery = writable ? await withinMs(READY_CHECK_MS, deliveryHealth(store.outbox, clock.now()).catch(() => undefined), undefined) : undefined;
    // A fixed phrase, never the error: /ready is public and a driver's message can name hosts and users.
    const reason = closing ? 'shutting down' : 'store not writable (database down or data folder unwritable)';
    res.send(writable ? 200 : 503, {
      status: writable ? 'ready' : 'not-ready',
      store: writable,
      config: true,
      ...(writable ? {} : { reason }),
      ...(delivery ? { delivery } : {}),
    });
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
  const rateLimit = options.rateLimit ?? { perConversationPerMinute: 30, perIpPerMinute: 120 };
  const trustProxyHops = options.trustProxyHops ?? 0;
  const limiter = createRateLimiter(rateLimit);
  registerMessagesRoute(server, {
    service,
    logger,
    metrics,
    isClosing: () => closing,
    allowedServiceUrls,
    limiter,
    trustProxyHops,
    errorReply: () => ({ type: 'message', text: errorText() }),
    ...(authenticated ? { authenticated, authFailures: createAuthFailureLimiter(options.authFailuresPerIpPerMinute ?? 20) } : {}),
  });

  // The self-hosted Direct Line channel reaches the same conversation service in-process.
  // Its address budget is its own (same size as /api/messages'), so polling does not spend the
  // budget of a patient's messages on another channel.
  const directLineAddresses = createRateLimiter(rateLimit);
  const directLine = registerDirectLine(server, {
    // `forgotten` (a conversation ended with nothing sent) makes the channel drop its transcript too.
    runTurn: (activity) => service.respond(activity),
    // The same per-conversation limit as /api/messages, asked before the activity is stored.
    admit: async (conversationId) => {
      const limited = await limiter.check({ conversationId: `directline:${conversationId}` });
      if (!limited) return undefined;
      metrics.rejected('rate_limit_conversation');
      return new DirectLineError(429, 'TooManyRequests', limited.message);
    },
    addressLimit: {
      allow: async (req) => {
        const limited = await directLineAddresses.check({ ip: clientAddress(req, trustProxyHops) ?? 'unknown' });
        if (limited) metrics.rejected('rate_limit_ip');
        return !limited;
      },
    },
    secret: options.directLineSecret ?? randomBytes(32).toString('base64url'),
    ...(options.directLineTokenMaxSeconds ? { maxTokenLifetimeSeconds: options.directLineTokenMaxSeconds } : {}),
    clock,
    logger,
    // So a reload after a restart shows the conversation (with a DIRECTLINE_SECRET that survives it).
    ...(options.transcripts ? { transcripts: options.transcripts } : {}),
  });
  registerWebChat(server, {
    lookup: i18nextLookup(content.i18n),
    practice: { name: config.name, phone: config.phone },
    tokenSource: options.azureDirectLineSecret ? azureTokenSource({ secret: options.azureDirectLineSecret }) : localTokenSource(directLine),
    ...(options.azureDirectLineSecret ? { domain: 'https://directline.botframework.com/v3/directline' } : {}),
    clock,
    logger,
    trustProxyHops,
    languages: content.languages.map((l) => l.bcp47).filter((tag) => content.resources[tag]),
  });
  registerHoursRoute(server, {
    config,
    clock,
    t: createTranslate(content.i18n),
    languages: content.languages.map((l) => l.bcp47).filter((tag) => content.resources[tag]),
  });
  registerPracticeApi(server, {
    store,
    clock,
    logger,
    apiKeys: config.apiKeys,
    toBundle,
    calendar: config,
    // Erasure waits for the conversation's turn in flight and drops the Direct Line transcript
    // (memory and its stored copy: a file in DATA_DIR/directline, or rows in PostgreSQL) before the store's data.
    conversationGate: (id, erase) =>
      service.withConversation(id, async () => {
        if (id.startsWith('directline:')) await directLine.forget(id.slice('directline:'.length));
        return erase();
      }),
  });
  const inbox = registerInbox(server, { store, clock, logger, config: config.inbox, practiceName: config.name, timeZone: config.timeZone, toBundle, english: englishText, ...(options.inboxPollMs ? { pollMs: options.inboxPollMs } : {}) });

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
      webhook: {
        url: webhookUrl,
        secret: webhookSecret,
        timeoutMs: config.webhook?.timeoutMs ?? 5000,
        maxAgeMs: options.delivery?.maxAgeMs ?? DEFAULT_MAX_AGE_MS,
        maxDelayMs: options.delivery?.maxWaitMs ?? DEFAULT_MAX_DELAY_MS,
      },
    });
    if (config.webhook?.maxAttempts !== undefined) {
      logger.warn('webhook.maxAttempts in the practice file is no longer used: deliveries are retried until DELIVERY_MAX_AGE_HOURS');
    }
    // A request stored but never queued (a crash between the two) is queued now, before the first run.
    try {
      const queued = await queueMissingDeliveries(store, clock);
      if (queued > 0) logger.warn({ requests: queued }, 'queued stored requests the outbox did not have');
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'checking stored requests against the outbox failed; the next start-up tries again');
    }
    const interval = options.deliveryIntervalMs ?? 5000;
    if (interval > 0) delivery.start(interval);
  } else {
    logger.warn('no practice webhook configured: requests are kept in the outbox and shown by the practice API');
  }

  // Retention (see Store.sweep), and journal compaction by age when no write triggers it.
  // Web chat transcripts follow the store's verdict: when it refuses a clock far ahead, they are kept too.
  const sweep = () =>
    (async () => {
      const removed = await store.sweep(clock.now());
      const transcripts = removed.skipped ? 0 : await directLine.sweep(new Date(clock.now().getTime() - retentionDays * 86_400_000));
      return { ...removed, transcripts };
    })().then(
      (removed) => logger.info(removed, 'retention sweep'),
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
    close() {
      // One shutdown however many callers ask (SIGTERM during a fatal-fault shutdown waits for the same).
      closed ??= (async () => {
        closing = true;
        clearInterval(sweepTimer);
        // Stop accepting connections first; the callback comes once open ones (streams included) end.
        const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
        await delivery?.stop();
        await directLine.close();
        // Live inbox streams would hold the server's close open.
        inbox.close();
        await serverClosed;
        await service.drain();
        await store.flush();
        await store.close();
      })();
      return closed;
    },
  };
}
