import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { systemClock } from '../../src/clock.js';
import type { DirectLineHandle } from '../../src/directline/index.js';
import type { App } from '../../src/server/app.js';
import { createEmbeddedApp } from '../support/app.js';

/** The real bot (createApp with the demo practice), with the Direct Line channel and chat page it mounts. */
export interface RealBotServer {
  url: string;
  app: App;
  directLine: DirectLineHandle;
  close(): Promise<void>;
}

/**
 * `dataDir` and a fixed `directLineSecret` let a test stop the server and start another on the same
 * data (a restart; `port` keeps the page's origin, and so its sessionStorage): the folder is then
 * the caller's to delete.
 */
export async function startRealBot(opts: { dataDir?: string; directLineSecret?: string; port?: number } = {}): Promise<RealBotServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'webchat-realbot-'));
  const logger = pino({ level: 'silent' });
  const app = await createEmbeddedApp({
    dataDir,
    practiceConfigPath: 'config/practice.demo.json',
    contentRoot: process.cwd(),
    clock: systemClock,
    logger,
    ...(opts.directLineSecret ? { directLineSecret: opts.directLineSecret } : {}),
  });
  // createApp mounts our Direct Line channel and the chat page; the channel calls the bot in-process.
  const directLine = app.directLine;
  const port = await app.listen(opts.port ?? 0, '127.0.0.1');
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    app,
    directLine,
    close: async () => {
      await app.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
