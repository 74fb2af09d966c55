import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { callDirectLine, SECRET, startEchoServer, type EchoServer, type Json } from './echoServer.js';

/**
 * A turn the bot reports as `forgotten` (the conversation ended with nothing kept) leaves only its
 * replies in the channel's transcript, in memory and in the file; the open stream stays open and
 * the watermark keeps counting, across a restart too. Real files, real sockets.
 */
let dataDir: string;
let srv: EchoServer | undefined;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'dl-forgotten-'));
});
afterEach(async () => {
  await srv?.close();
  srv = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

interface Shown {
  type?: string;
  text?: string;
  from?: { role?: string };
}
const call = (method: string, path: string, token: string, body?: unknown) => callDirectLine(`${srv!.url}/v3/directline`, method, path, token, body);
const transcriptDir = () => join(dataDir, 'directline');
const fileText = () => readdirSync(transcriptDir()).map((f) => readFileSync(join(transcriptDir(), f), 'utf8')).join('');

/** A stream socket whose frames can be awaited (resolves once `n` frames have come). */
function openStream(url: string): Promise<{ ws: WebSocket; frames: Json[]; closed: () => boolean; frame: (n: number) => Promise<Json[]> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const frames: Json[] = [];
    const waiting: { n: number; done: (f: Json[]) => void }[] = [];
    let isClosed = false;
    ws.on('message', (d) => {
      frames.push(JSON.parse(String(d)) as Json);
      for (const w of waiting.filter((x) => frames.length >= x.n)) w.done(frames);
    });
    ws.on('close', () => (isClosed = true));
    ws.on('open', () =>
      resolve({
        ws,
        frames,
        closed: () => isClosed,
        frame: (n) => (frames.length >= n ? Promise.resolve(frames) : new Promise((done) => waiting.push({ n, done }))),
      }),
    );
    ws.on('error', reject);
  });
}

async function start(): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  srv = await startEchoServer({ dataDir });
  const gen = await call('POST', '/tokens/generate', SECRET);
  const conv = await call('POST', '/conversations', gen.json.token as string, { locale: 'en-GB' });
  return conv.json as { conversationId: string; token: string; streamUrl: string };
}

describe('a turn that forgot the conversation', () => {
  test('keeps only its replies in memory and in the file; the stream stays open and the watermark counts on', async () => {
    const { conversationId, token, streamUrl } = await start();
    const path = `/conversations/${conversationId}/activities`;
    const stream = await openStream(streamUrl);
    await stream.frame(1);
    await call('POST', path, token, { type: 'message', text: 'Ada Quintessa Lovegrove' });
    expect(fileText()).toContain('Ada Quintessa Lovegrove');
    const before = await call('GET', path, token);
    expect(before.json.watermark).toBe('3');

    await call('POST', path, token, { type: 'message', text: 'forget it' });
    expect(fileText()).not.toContain('Ada Quintessa');
    expect(fileText()).not.toContain('"text":"forget it"');
    expect(statSync(join(transcriptDir(), readdirSync(transcriptDir())[0]!)).mode & 0o777).toBe(0o600);
    const after = await call('GET', path, token);
    expect(after.json.watermark).toBe('5');
    expect((after.json.activities as Shown[]).map((a) => a.text)).toEqual(['echo: forget it']);
    expect((await call('GET', `${path}?watermark=3`, token)).json).toEqual(after.json);

    // The open page got the turn as it happened, and its socket carries on.
    const frames = await stream.frame(5);
    expect(frames.slice(3)).toMatchObject([{ watermark: '4', activities: [{ text: 'forget it' }] }, { watermark: '5', activities: [{ text: 'echo: forget it' }] }]);
    await call('POST', path, token, { type: 'message', text: 'hello again' });
    expect((await stream.frame(7)).slice(5)).toMatchObject([{ watermark: '6' }, { watermark: '7', activities: [{ text: 'echo: hello again' }] }]);
    expect(stream.closed()).toBe(false);
    stream.ws.close();

    // A restart reads back what was kept, never the forgotten activities, and counts on from 7.
    await srv!.close();
    srv = await startEchoServer({ dataDir });
    const reread = await call('GET', path, token);
    expect(reread.json.watermark).toBe('7');
    expect((reread.json.activities as Shown[]).map((a) => a.text)).toEqual(['echo: forget it', 'hello again', 'echo: hello again']);
  });

  test('with no reply to keep, a bare event holds the watermark across a restart', async () => {
    const { conversationId, token } = await start();
    const path = `/conversations/${conversationId}/activities`;
    await call('POST', path, token, { type: 'message', text: 'Ada Quintessa Lovegrove' });
    await call('POST', path, token, { type: 'message', text: 'forget quietly' });
    expect(fileText()).not.toContain('Ada Quintessa');
    const after = await call('GET', path, token);
    expect(after.json.watermark).toBe('5');
    expect((after.json.activities as Shown[]).map((a) => [a.type, a.from?.role])).toEqual([['event', 'bot']]);

    await srv!.close();
    srv = await startEchoServer({ dataDir });
    const posted = await call('POST', path, token, { type: 'message', text: 'hello' });
    expect(posted.json.id).toBe(`${conversationId}|0000006`);
  });
});
