import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import type { Clock } from '../../src/clock.js';
import { fileTranscripts } from '../../src/directline/index.js';
import type { Logger } from '../../src/observability/logger.js';
import { loadPracticeConfig } from '../../src/practice/config.js';
import { createApp, type App, type AppOptions } from '../../src/server/app.js';
import { loadContent } from '../../src/server/content.js';
import { openLowdbStore, type LowdbStoreOptions } from '../../src/store/index.js';
import { projectRoot } from './dialog.js';

/** What tests give to build an app the way src/index.ts does with the embedded store. */
export type EmbeddedAppOptions = Omit<AppOptions, 'config' | 'content' | 'store' | 'transcripts'> & {
  dataDir: string;
  practiceConfigPath: string;
  /** Folder holding dialogs/ and locales/ (the project root). */
  contentRoot: string;
  /** Retention beyond retentionDays, journal compaction by age, and the data directory lock. */
  storage?: Pick<LowdbStoreOptions, 'retention' | 'compactAfterMs' | 'lockStaleAfterMs'>;
  clock: Clock;
  logger: Logger;
};

/**
 * The app on the embedded store in `dataDir`, composed as src/index.ts composes it without
 * DATABASE_URL: practice file and content first (a bad one stops before any file is touched), then
 * the lowdb store (which creates the folder), Direct Line transcripts in `dataDir/directline`.
 */
export async function createEmbeddedApp(options: EmbeddedAppOptions): Promise<App> {
  const { dataDir, practiceConfigPath, contentRoot, storage, ...rest } = options;
  const config = loadPracticeConfig(practiceConfigPath);
  const content = loadContent(contentRoot);
  const store = await openLowdbStore({
    dataDir,
    retentionDays: options.retentionDays ?? config.retentionDays,
    clock: options.clock,
    logger: options.logger,
    ...storage,
  });
  try {
    return await createApp({ ...rest, config, content, store, transcripts: fileTranscripts(join(dataDir, 'directline')) });
  } catch (err) {
    await store.close();
    throw err;
  }
}

export interface RunningApp {
  app: App;
  url: string;
  dataDir: string;
  logs: string[];
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** A Wednesday morning in March: the demo practice is open. */
export const OPEN_TIME = '2026-03-04T10:00:00Z';

/** The real app on 127.0.0.1 with a temp data folder; logs are captured so tests can read them. */
export async function startApp(options: Partial<EmbeddedAppOptions> & { dataDir?: string; clockAt?: string } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gp-intake-'));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const clock = fixedClock(options.clockAt ?? OPEN_TIME);
  const app = await createEmbeddedApp({
    practiceConfigPath: join(projectRoot, 'config', 'practice.demo.json'),
    contentRoot: projectRoot,
    logger: pino({ level: 'debug' }, sink),
    deliveryIntervalMs: 0,
    ...options,
    dataDir,
    clock,
  });
  const port = await app.listen(0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    logs,
    clock,
    close: async () => {
      await app.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface BotReply {
  status: number;
  activities: { text?: string; suggestedActions?: { actions: { value: unknown }[] }; channelData?: { intake?: Record<string, unknown> } }[];
  body: unknown;
}

/** POST one activity to /api/messages with deliveryMode expectReplies. */
export async function post(url: string, activity: Record<string, unknown>): Promise<BotReply> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channelId: 'test', from: { id: 'patient' }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies', ...activity }),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  const activities = (body as { activities?: BotReply['activities'] })?.activities ?? [];
  return { status: res.status, activities, body };
}

export function sayTo(url: string, conversationId: string) {
  return async (text: string) => {
    const reply = await post(url, { type: 'message', text, conversation: { id: conversationId } });
    return { ...reply, text: reply.activities.map((a) => a.text ?? '').join('\n'), intake: reply.activities.at(-1)?.channelData?.intake ?? {} };
  };
}

/** POST a JSON body with a bearer token (Direct Line calls); the JSON answer, or {} when there is none. */
export async function postWithToken(base: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}
