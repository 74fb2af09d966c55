/**
 * Composition root: environment → configuration and content → store → bot → server.
 * Everything else receives its dependencies; only this file reads process.env and handles signals.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { systemClock } from './clock.js';
import { botFrameworkConfig, describeEnv, envWarnings, parseEnv } from './config/env.js';
import { createLogger } from './observability/logger.js';
import { loadPracticeConfig } from './practice/config.js';
import { createApp } from './server/app.js';
import { loadContent } from './server/content.js';
import { installFatalPolicy } from './server/fatalPolicy.js';
import { sharedRecognisers } from './dialog/interpret/recognizersText.js';
import { startStartupProbe } from './server/startupProbe.js';
import { openEmbeddedStorage, openPostgresStorage, type Storage } from './storage.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), process.argv[1]?.includes('/dist/') ? '../..' : '..');

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: env.logLevel });
  for (const warning of envWarnings(env)) logger.warn(warning);
  // Installed before anything can fail asynchronously; pointed at the app once it exists.
  const fatal = installFatalPolicy({ logger, graceMs: env.fatalGraceSeconds * 1000 });

  // Files first: a bad practice file or content stops start-up before any storage is touched.
  const config = loadPracticeConfig(resolve(env.practiceConfig));
  const content = loadContent(projectRoot);
  const retentionDays = env.retentionDays ?? config.retentionDays;
  const storageOptions = { env, retentionDays, clock: systemClock, logger };
  // PostgreSQL may be down at start-up: the store retries with backoff (logging each try) while the
  // port answers /health 200 and /ready 503 with the reason, so probes see why; until the app listens.
  const probe = env.databaseUrl ? await startStartupProbe(env.port, env.host, 'waiting for the database') : undefined;
  let storage: Storage;
  try {
    storage = env.databaseUrl ? await openPostgresStorage(storageOptions) : await openEmbeddedStorage(storageOptions);
  } catch (err) {
    await probe?.close();
    throw err;
  }
  probe?.setReason('starting');

  const app = await createApp({
    config,
    content,
    store: storage.store,
    transcripts: storage.transcripts,
    clock: systemClock,
    logger,
    botFramework: botFrameworkConfig(env.bot),
    maxBodyBytes: env.maxBodyBytes,
    allowedServiceUrls: env.allowedServiceUrls,
    rateLimit: env.rateLimit,
    trustProxyHops: env.trustProxyHops,
    ...(env.metricsToken ? { metricsToken: env.metricsToken } : {}),
    directLineSecret: env.directLine.secret,
    ...(env.azureDirectLineSecret ? { azureDirectLineSecret: env.azureDirectLineSecret } : {}),
    webhook: env.webhook,
    delivery: { maxAgeMs: env.delivery.maxAgeHours * 3600_000, maxWaitMs: env.delivery.maxWaitMinutes * 60_000 },
    retentionDays,
    directLineTokenMaxSeconds: env.directLineTokenMaxHours * 3600,
  }).catch(async (err: unknown) => {
    await probe?.close();
    await storage.store.close().catch(() => undefined);
    await storage.release();
    throw err;
  });
  const shutdown = () => app.close().finally(() => storage.release());
  fatal.setShutdown(shutdown);
  // Typed answers are read with Microsoft Recognizers-Text: build its models before the first patient waits for them.
  sharedRecognisers().warm();
  await probe?.close();
  const port = await app.listen(env.port, env.host);
  logger.info({ ...describeEnv(env), port, practice: app.config.odsCode }, 'gp-intake-bot listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing turns in flight and flushing storage');
    shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  // Start-up errors name the file and field at fault; they carry no patient data.
  console.error(`gp-intake-bot failed to start: ${(err as Error).message}`);
  process.exit(1);
});
