import type { Activity } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { systemClock } from '../../src/clock.js';
import { i18nextLookup, localTokenSource, registerDirectLine, registerWebChat, type DirectLineHandle } from '../../src/directline/index.js';
import { createApp, type App } from '../../src/server/app.js';

/**
 * The real bot (createApp with the demo practice) with our channel and chat mounted on its server.
 * runTurn posts to the app's own /api/messages with deliveryMode 'expectReplies', so every turn goes
 * through botbuilder's CloudAdapter exactly as a Bot Framework channel's would, and the replies come
 * back in the body. (The composition root may call the adapter in-process instead; the path is the same.)
 */
export interface RealBotServer {
  url: string;
  app: App;
  directLine: DirectLineHandle;
  close(): Promise<void>;
}

export async function startRealBot(): Promise<RealBotServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'webchat-realbot-'));
  const logger = pino({ level: 'silent' });
  const app = await createApp({ dataDir, practiceConfigPath: 'config/practice.demo.json', contentRoot: process.cwd(), clock: systemClock, logger });
  let base = '';
  const runTurn = async (activity: Partial<Activity>): Promise<Partial<Activity>[]> => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...activity, deliveryMode: 'expectReplies' }),
    });
    if (!res.ok) throw new Error(`bot answered ${res.status}`);
    const body = (await res.json()) as { activities?: Partial<Activity>[] };
    return body.activities ?? [];
  };
  const directLine = registerDirectLine(app.server, { runTurn, secret: 'real-bot-test-secret-0123456789abcdef', clock: systemClock, logger });
  registerWebChat(app.server, {
    lookup: i18nextLookup(app.content.i18n),
    practice: { name: app.config.name, phone: app.config.phone },
    tokenSource: localTokenSource(directLine),
    clock: systemClock,
    logger,
  });
  const port = await app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    app,
    directLine,
    close: async () => {
      await directLine.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
