import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { callDirectLine, SECRET, startEchoServer, type EchoOptions, type EchoServer, type Json } from './echoServer.js';

/**
 * Direct Line transcripts kept in the data folder: a page reloaded after a server restart gets the
 * same activities and watermark (GET activities), and the conversation carries on. Real files.
 */
let dataDir: string;
let srv: EchoServer | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dl-transcripts-'));
});
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

const call = (method: string, path: string, token: string, body?: unknown) => callDirectLine(`${srv!.url}/v3/directline`, method, path, token, body);
const texts = (json: Json) => (json.activities as { text?: string }[]).map((a) => a.text ?? '');
const transcriptDir = () => join(dataDir, 'directline');

async function start(opts: EchoOptions = {}): Promise<{ conversationId: string; token: string }> {
  srv = await startEchoServer({ dataDir, ...opts });
  const gen = await call('POST', '/tokens/generate', SECRET);
  const conv = await call('POST', '/conversations', gen.json.token as string, { locale: 'en-GB' });
  return conv.json as { conversationId: string; token: string };
}

async function restart(opts: EchoOptions = {}): Promise<void> {
  await srv!.close();
  srv = await startEchoServer({ dataDir, ...opts });
}

describe('transcripts in the data folder', () => {
  test('survive a restart: same activities, ids and watermark; no second greeting; the conversation continues', async () => {
    const { conversationId, token } = await start();
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'my knee hurts' });
    const before = await call('GET', `/conversations/${conversationId}/activities`, token);
    expect(before.json.watermark).toBe('3');

    await restart();
    const after = await call('GET', `/conversations/${conversationId}/activities`, token);
    expect(after.json).toEqual(before.json);
    expect(srv!.turns).toEqual([]); // not greeted again
    const since = await call('GET', `/conversations/${conversationId}/activities?watermark=2`, token);
    expect(texts(since.json)).toEqual(['echo: my knee hurts']);

    const posted = await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'since Monday' });
    expect(posted.json.id).toBe(`${conversationId}|0000004`);
    const all = await call('GET', `/conversations/${conversationId}/activities?watermark=3`, token);
    expect(texts(all.json)).toEqual(['since Monday', 'echo: since Monday']);
    expect(all.json.watermark).toBe('5');
  });

  test('files are 0600 in a 0700 folder, named by a hash (never the conversation id)', async () => {
    const { conversationId, token } = await start();
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hello' });
    expect(statSync(transcriptDir()).mode & 0o777).toBe(0o700);
    const files = readdirSync(transcriptDir());
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.jsonl$/);
    expect(files[0]).not.toContain(conversationId);
    expect(statSync(join(transcriptDir(), files[0]!)).mode & 0o777).toBe(0o600);
  });

  test('stay bounded: past twice the per-conversation limit the file is rewritten with the newest', async () => {
    const { conversationId, token } = await start({ maxActivitiesPerConversation: 4 });
    for (let i = 0; i < 6; i++) await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: `m${i}` });
    const file = join(transcriptDir(), readdirSync(transcriptDir())[0]!);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(8);
    await restart({ maxActivitiesPerConversation: 4 });
    const after = await call('GET', `/conversations/${conversationId}/activities`, token);
    expect(texts(after.json)).toEqual(['m4', 'echo: m4', 'm5', 'echo: m5']);
    expect(after.json.watermark).toBe('13');
  });

  test('a torn last line (a killed process) is skipped, the rest is shown', async () => {
    const { conversationId, token } = await start();
    await srv!.close();
    srv = undefined;
    const file = join(transcriptDir(), readdirSync(transcriptDir())[0]!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"seq":2,"activ`);
    srv = await startEchoServer({ dataDir });
    const after = await call('GET', `/conversations/${conversationId}/activities`, token);
    expect(texts(after.json)).toEqual(['Hello. This is not for emergencies.']);
  });

  test('DELETE (end and clear) removes the transcript; only the conversation token may', async () => {
    const { conversationId, token } = await start();
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hello' });
    expect((await call('DELETE', `/conversations/${conversationId}`, SECRET)).status).toBe(403);
    expect((await call('DELETE', `/conversations/${conversationId}`, token)).status).toBe(204);
    expect(readdirSync(transcriptDir())).toEqual([]);
    await restart();
    // The secret (server-side callers) finds nothing left.
    expect((await call('GET', `/conversations/${conversationId}/activities`, SECRET)).status).toBe(404);
  });

  test('retention: sweep deletes transcripts not written to within the period', async () => {
    const { conversationId, token } = await start();
    // A post is answered once its turn (and the greeting before it) is written.
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hello' });
    const file = join(transcriptDir(), readdirSync(transcriptDir())[0]!);
    const old = new Date(Date.now() - 31 * 86_400_000);
    utimesSync(file, old, old);
    expect(await srv!.directLine.sweep(new Date(Date.now() - 30 * 86_400_000))).toBe(1);
    expect(readdirSync(transcriptDir())).toEqual([]);
    await restart();
    expect((await call('GET', `/conversations/${conversationId}/activities`, SECRET)).status).toBe(404);
    expect(token).toBeTruthy();
  });

  test('a failed write is logged without the patient text and the chat carries on from memory', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(l) });
    writeFileSync(join(dataDir, 'directline'), 'not a folder');
    const { conversationId, token } = await start({ logger });
    const posted = await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'my secret knee' });
    expect(posted.status).toBe(200);
    expect(texts((await call('GET', `/conversations/${conversationId}/activities`, token)).json)).toContain('echo: my secret knee');
    expect(lines.join('')).toContain('transcript write failed');
    expect(lines.join('')).not.toContain('secret knee');
  });

  test('a re-posted clientActivityID already answered before a restart gets the same id and adds nothing', async () => {
    const { conversationId, token } = await start();
    const message = { type: 'message', text: 'my knee hurts', channelData: { clientActivityID: 'web-1' } };
    const first = await call('POST', `/conversations/${conversationId}/activities`, token, message);
    const before = await call('GET', `/conversations/${conversationId}/activities`, token);

    await restart();
    const again = await call('POST', `/conversations/${conversationId}/activities`, token, message);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    expect(srv!.turns).toEqual([]);
    expect((await call('GET', `/conversations/${conversationId}/activities`, token)).json).toEqual(before.json);
  });

  test('erasure (forget) deletes the transcript file as well as what memory holds', async () => {
    const { conversationId, token } = await start();
    await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'Wilhelmina knee' });
    expect(readdirSync(transcriptDir())).toHaveLength(1);
    await srv!.directLine.forget(conversationId);
    expect(readdirSync(transcriptDir())).toEqual([]);
    await restart();
    expect((await call('GET', `/conversations/${conversationId}/activities`, SECRET)).status).toBe(404);
  });

  test('shutdown refuses new messages and waits for the turn in flight to be written', async () => {
    const { conversationId, token } = await start({ delayMs: 300 });
    const inFlight = call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'slow one' });
    while (!srv!.turns.some((t) => t.text === 'slow one')) await new Promise((r) => setTimeout(r, 10));
    const closing = srv!.directLine.close();
    const refused = await call('POST', `/conversations/${conversationId}/activities`, token, { type: 'message', text: 'too late' });
    expect(refused.status).toBe(503);
    await closing;
    expect((await inFlight).status).toBe(200);
    const file = join(transcriptDir(), readdirSync(transcriptDir())[0]!);
    const stored = readFileSync(file, 'utf8');
    expect(stored).toContain('echo: slow one');
    expect(stored).not.toContain('too late');
  });
});
