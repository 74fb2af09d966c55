import { afterEach, describe, expect, test } from '@jest/globals';
import WebSocket from 'ws';
import { fixedClock } from '../../src/clock.js';
import { callDirectLine, SECRET, startEchoServer, type EchoServer, type Json } from './echoServer.js';

let srv: EchoServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const call = (method: string, path: string, token: string | undefined, body?: unknown) => callDirectLine(srv!.url, method, path, token, body);

async function startConversation(): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const gen = await call('POST', '/v3/directline/tokens/generate', SECRET);
  expect(gen.status).toBe(200);
  const conv = await call('POST', '/v3/directline/conversations', gen.json.token as string, { locale: 'en-GB' });
  expect(conv.status).toBe(201);
  expect(conv.json.conversationId).toBe(gen.json.conversationId);
  return conv.json as { conversationId: string; token: string; streamUrl: string };
}

function texts(json: Json): string[] {
  return (json.activities as { text?: string }[]).map((a) => a.text ?? '');
}

describe('Direct Line 3.0 REST', () => {
  test('a conversation by polling: tokens, start, greeting, post, watermarks', async () => {
    srv = await startEchoServer();
    const { conversationId, token, streamUrl } = await startConversation();
    expect(streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conversationId}/stream\\?t=`));

    const posted = await call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hello', from: { id: 'spoofed' }, serviceUrl: 'http://evil.example' });
    expect(posted.status).toBe(200);
    expect(posted.json.id).toMatch(new RegExp(`^${conversationId}\\|\\d{7}$`));

    const all = await call('GET', `/v3/directline/conversations/${conversationId}/activities`, token);
    expect(texts(all.json)).toEqual(['Hello. This is not for emergencies.', 'hello', 'echo: hello']);
    expect(all.json.watermark).toBe('3');
    const acts = all.json.activities as Json[];
    expect(acts[1]).toMatchObject({ id: posted.json.id, channelId: 'directline', from: { role: 'user' } });
    expect((acts[1]!.from as Json).id).toMatch(/^dl_/); // the token's user, not the spoofed one
    expect(acts[2]).toMatchObject({ replyToId: posted.json.id, from: { id: 'intake-bot' }, channelData: { intake: { locale: 'en-GB' } } });
    expect(srv.turns.map((t) => t.type)).toEqual(['conversationUpdate', 'message']);
    expect(srv.turns[1]).toMatchObject({ channelId: 'directline', conversation: { id: conversationId } });
    expect(srv.turns[1]!.serviceUrl).toBeUndefined();

    const later = await call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=2`, token);
    expect(texts(later.json)).toEqual(['echo: hello']);
    const none = await call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=3`, token);
    expect(none.json).toEqual({ activities: [], watermark: '3' });
  });

  test('turns of one conversation run one at a time, in order', async () => {
    srv = await startEchoServer({ delayMs: 30 });
    const { conversationId, token } = await startConversation();
    await Promise.all(['one', 'two', 'three'].map((text) => call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', text })));
    const all = await call('GET', `/v3/directline/conversations/${conversationId}/activities`, token);
    const t = texts(all.json).slice(1);
    // Each echo directly follows its own message, whatever order the posts arrived in.
    for (let i = 0; i < t.length; i += 2) expect(t[i + 1]).toBe(`echo: ${t[i]}`);
    expect(t).toHaveLength(6);
  });

  test('refresh gives a new token for the same conversation', async () => {
    const clock = fixedClock('2026-01-05T10:00:00Z');
    srv = await startEchoServer({ clock });
    const { conversationId, token } = await startConversation();
    clock.advance(1000 * 1000);
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json).toMatchObject({ conversationId, expires_in: 1800 });
    expect(refreshed.json.token).not.toBe(token);
    clock.advance(1000 * 1000); // old token now expired, the new one not
    expect((await call('GET', `/v3/directline/conversations/${conversationId}/activities`, token)).status).toBe(403);
    expect((await call('GET', `/v3/directline/conversations/${conversationId}/activities`, refreshed.json.token as string)).status).toBe(200);
  });

  test('reconnect returns a streamUrl carrying the watermark', async () => {
    srv = await startEchoServer();
    const { conversationId, token } = await startConversation();
    const re = await call('GET', `/v3/directline/conversations/${conversationId}?watermark=1`, token);
    expect(re.status).toBe(200);
    expect(re.json.streamUrl).toMatch(/\/stream\?watermark=1&t=/);
  });
});

describe('Direct Line bad input', () => {
  test('missing, forged and expired tokens are refused', async () => {
    const clock = fixedClock('2026-01-05T10:00:00Z');
    srv = await startEchoServer({ clock });
    const { conversationId, token } = await startConversation();
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    expect((await call('GET', path, undefined)).status).toBe(401);
    expect((await call('GET', path, 'not-a-jwt')).status).toBe(403);
    const [h, p] = token.split('.');
    expect((await call('GET', path, `${h}.${p}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(403);
    expect((await call('POST', '/v3/directline/tokens/generate', token)).status).toBe(403); // a token is not the secret
    clock.advance(1801 * 1000);
    const expired = await call('GET', path, token);
    expect(expired.status).toBe(403);
    expect(expired.json).toEqual({ error: { code: 'TokenExpired', message: 'Token has expired' } });
    expect((await call('POST', '/v3/directline/tokens/refresh', token)).status).toBe(403);
  });

  test("a token for conversation A can neither read nor post to B", async () => {
    srv = await startEchoServer();
    const a = await startConversation();
    const b = await startConversation();
    const read = await call('GET', `/v3/directline/conversations/${b.conversationId}/activities`, a.token);
    expect(read.status).toBe(403);
    expect(read.json).toMatchObject({ error: { code: 'WrongConversation' } });
    expect((await call('POST', `/v3/directline/conversations/${b.conversationId}/activities`, a.token, { type: 'message', text: 'x' })).status).toBe(403);
    expect((await call('GET', `/v3/directline/conversations/${b.conversationId}`, a.token)).status).toBe(403);
    const bAll = await call('GET', `/v3/directline/conversations/${b.conversationId}/activities`, b.token);
    expect(texts(bAll.json)).toEqual(['Hello. This is not for emergencies.']);
  });

  test('oversized messages get 413 with a clear error and are not stored', async () => {
    srv = await startEchoServer({ maxMessageChars: 100 });
    const { conversationId, token } = await startConversation();
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    const long = await call('POST', path, token, { type: 'message', text: 'x'.repeat(101) });
    expect(long.status).toBe(413);
    expect(long.json).toEqual({ error: { code: 'MessageTooLong', message: 'The message is longer than 100 characters' } });
    const huge = await call('POST', path, token, { type: 'message', text: 'ok', value: 'y'.repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(huge.json).toMatchObject({ error: { code: 'BodyTooLarge' } });
    expect(texts((await call('GET', path, token)).json)).toHaveLength(1);
  });

  test('invalid JSON, wrong types and uploads get a clear 400', async () => {
    srv = await startEchoServer();
    const { conversationId, token } = await startConversation();
    const path = `/v3/directline/conversations/${conversationId}/activities`;
    expect((await call('POST', path, token, '{nope')).json).toMatchObject({ error: { code: 'BadArgument' } });
    expect((await call('POST', path, token, { type: 'invoke' })).status).toBe(400);
    expect((await call('POST', path, token, { type: 'message', text: 5 })).status).toBe(400);
    expect((await call('POST', `/v3/directline/conversations/${conversationId}/upload`, token)).status).toBe(400);
  });
});

describe('Direct Line stream', () => {
  function open(url: string): Promise<{ ws: WebSocket; frames: Json[] }> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const frames: Json[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(String(d)) as Json));
      ws.on('open', () => resolve({ ws, frames }));
      ws.on('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.on('error', reject);
    });
  }
  const until = async (cond: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(cond()).toBe(true);
  };

  test('pushes what was missed, then every new activity as {activities, watermark} frames', async () => {
    srv = await startEchoServer();
    const { conversationId, token, streamUrl } = await startConversation();
    const { ws, frames } = await open(streamUrl);
    await until(() => frames.length >= 1);
    expect(frames[0]).toMatchObject({ watermark: '1', activities: [{ text: 'Hello. This is not for emergencies.' }] });
    await call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, { type: 'message', text: 'hi' });
    await until(() => frames.length >= 3);
    expect(frames.slice(1)).toMatchObject([{ watermark: '2', activities: [{ text: 'hi' }] }, { watermark: '3', activities: [{ text: 'echo: hi' }] }]);
    ws.close();

    const re = await call('GET', `/v3/directline/conversations/${conversationId}?watermark=2`, token);
    const again = await open(re.json.streamUrl as string);
    await until(() => again.frames.length >= 1);
    expect(again.frames[0]).toMatchObject({ watermark: '3', activities: [{ text: 'echo: hi' }] });
    again.ws.close();
  });

  test('refuses sockets without, or with a wrong, stream token', async () => {
    srv = await startEchoServer();
    const a = await startConversation();
    const b = await startConversation();
    const base = srv.url.replace('http', 'ws');
    await expect(open(`${base}/v3/directline/conversations/${a.conversationId}/stream`)).rejects.toThrow('status 401');
    await expect(open(`${base}/v3/directline/conversations/${a.conversationId}/stream?t=${a.token}`)).rejects.toThrow('status 403'); // REST token is not a stream token
    const bToken = new URL(b.streamUrl).searchParams.get('t');
    await expect(open(`${base}/v3/directline/conversations/${a.conversationId}/stream?t=${bToken}`)).rejects.toThrow('status 403');
  });
});
