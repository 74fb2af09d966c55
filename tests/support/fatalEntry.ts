/**
 * A tiny server entry for tests/server/fatalPolicy.test.ts: the real app and the real fatal-fault
 * policy of src/index.ts (the same installFatalPolicy and the same redacting logger), plus two
 * test-only routes that fault outside any request handler. These routes exist only in this file,
 * never in the product.
 */
import { join } from 'node:path';
import { fixedClock } from '../../src/clock.js';
import { createLogger } from '../../src/observability/logger.js';
import { createEmbeddedApp } from './app.js';
import { installFatalPolicy } from '../../src/server/fatalPolicy.js';
import { projectRoot } from '../../bench/load/child.js';

const logger = createLogger({ level: 'info' });
const fatal = installFatalPolicy({ logger, graceMs: Number(process.env.FATAL_GRACE_MS ?? 5000) });
const app = await createEmbeddedApp({
  dataDir: process.env.DATA_DIR ?? '',
  practiceConfigPath: join(projectRoot, 'config', 'practice.demo.json'),
  contentRoot: projectRoot,
  clock: fixedClock('2026-03-04T10:00:00Z'),
  logger,
  deliveryIntervalMs: 0,
});
fatal.setShutdown(() => app.close());

// Patient-like text in the fault, quoted and unquoted digits, as careless code might produce.
const FAULT_TEXT = 'could not read "my chest hurts and my arm is numb" for 943 476 5919 born 01/02/1950';
app.server.post('/test/throw', (_req, res, next) => {
  res.send(202, { ok: true });
  next();
  setTimeout(() => {
    throw new TypeError(FAULT_TEXT);
  }, 10);
});
app.server.post('/test/reject', (_req, res, next) => {
  res.send(202, { ok: true });
  next();
  setTimeout(() => void Promise.reject(new Error(FAULT_TEXT)), 10);
});
// A request still in flight when the fault happens: it must be answered before the exit.
app.server.get('/test/slow', (_req, res, next) => {
  logger.info('slow request received');
  setTimeout(() => {
    res.send(200, { finished: true });
    next();
  }, Number(process.env.SLOW_MS ?? 500));
});

const port = await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
logger.info({ port }, 'fatal-entry listening');
