/**
 * Direct Line memory and limit bounds on the real app (issue 13, items 3, 4 and 7): a refused
 * activity leaves no trace, `value` is bounded, every /v3/directline request spends from an
 * address budget, sockets are capped, tokens cannot be refreshed for ever, and /chat/token keys
 * its limit on the client address behind a proxy.
 */
import WebSocket from 'ws';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

type Json = Record<string, unknown>;

describe('Direct Line bounds on the real app', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running.close();
    removeDir(running.dataDir);
  });

  async function call(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
      ...(method === 'GET' ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body ?? {}) }),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Json };
  }

  async function conversation(headers: Record<string, string> = {}) {
    const t = (await (await fetch(`${running.url}/chat/token`, { method: 'POST', headers })).json()) as { token: string };
    const c = await call('POST', '/v3/directline/conversations', t.token, { locale: 'en-GB' }, headers);
    expect(c.status).toBe(201);
    return { id: String(c.json.conversationId), token: String(c.json.token), streamUrl: String(c.json.streamUrl) };
  }

  it('keeps no trace of an activity the rate limit refused', async () => {
    running = await startApp({ rateLimit: { perConversationPerMinute: 3, perIpPerMinute: 1000 } });
    const c = await conversation();
    const statuses: number[] = [];
    for (const text of ['hello', 'one', 'two', 'three', 'four']) {
      statuses.push((await call('POST', `/v3/directline/conversations/${c.id}/activities`, c.token, { type: 'message', text })).status);
    }
    expect(statuses).toContain(429);
    const all = await call('GET', `/v3/directline/conversations/${c.id}/activities`, c.token);
    const fromUser = (all.json.activities as { from?: { role?: string }; text?: string }[]).filter((a) => a.from?.role === 'user');
    expect(fromUser.map((a) => a.text)).toEqual(['hello', 'one', 'two', 'three', 'four'].filter((_, i) => statuses[i] === 200));
  });

  it('refuses a value nested too deep or too large with 400, and takes a button value', async () => {
    running = await startApp();
    const c = await conversation();
    const path = `/v3/directline/conversations/${c.id}/activities`;
    const deep = `{"type":"message","value":${'['.repeat(2000)}1${']'.repeat(2000)}}`;
    expect((await call('POST', path, c.token, deep)).status).toBe(400);
    expect((await call('POST', path, c.token, { type: 'message', value: { note: 'x'.repeat(900), more: 'y'.repeat(900), again: 'z'.repeat(900), last: 'w'.repeat(900), end: 'v'.repeat(900) } })).status).toBe(400);
    expect((await call('POST', path, c.token, { type: 'message', value: { code: 'need.new' } })).status).toBe(200);
  });

  it('limits each client address on every /v3/directline route, polling included', async () => {
    running = await startApp({ rateLimit: { perConversationPerMinute: 1000, perIpPerMinute: 6 } });
    const c = await conversation(); // 1 request (POST /conversations)
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call('GET', `/v3/directline/conversations/${c.id}/activities`, c.token)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('refuses new activities whole once the channel is stopping (SIGTERM or a fatal fault)', async () => {
    running = await startApp();
    const c = await conversation();
    await running.app.directLine.close();
    const r = await call('POST', `/v3/directline/conversations/${c.id}/activities`, c.token, { type: 'message', text: 'hello' });
    expect(r.status).toBe(503);
    const all = await call('GET', `/v3/directline/conversations/${c.id}/activities`, c.token);
    expect((all.json.activities as { text?: string }[]).some((a) => a.text === 'hello')).toBe(false);
  });

  it('caps the open streams of one conversation', async () => {
    running = await startApp();
    const c = await conversation();
    const open = (url: string) =>
      new Promise<WebSocket | number>((resolve) => {
        const ws = new WebSocket(url);
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', () => resolve(-1));
      });
    const sockets: WebSocket[] = [];
    const results: (number | 'open')[] = [];
    for (let i = 0; i < 5; i++) {
      // Each streamUrl is fresh, as DirectLineJS asks for one per connection.
      const again = await call('GET', `/v3/directline/conversations/${c.id}`, c.token);
      const r = await open(String(again.json.streamUrl));
      if (typeof r === 'number') results.push(r);
      else {
        sockets.push(r);
        results.push('open');
      }
    }
    for (const ws of sockets) ws.close();
    expect(results).toEqual(['open', 'open', 'open', 'open', 429]);
  });

  it('stops refreshing a conversation\'s tokens at the longest lifetime from its first token', async () => {
    running = await startApp({ directLineTokenMaxSeconds: 3600 });
    const c = await conversation();
    const refresh = (token: string) => call('POST', '/v3/directline/tokens/refresh', token);
    running.clock.advance(25 * 60_000);
    const r1 = await refresh(c.token);
    expect(r1.status).toBe(200);
    running.clock.advance(25 * 60_000); // 50 minutes in
    const r2 = await refresh(String(r1.json.token));
    expect(r2.status).toBe(200);
    expect(r2.json.expires_in).toBe(600); // cut to the hour, not another 30 minutes
    running.clock.advance(11 * 60_000); // 61 minutes in
    const r3 = await refresh(String(r2.json.token));
    expect(r3.status).toBe(403);
    expect((r3.json.error as Json).code).toBe('TokenExpired');
  });

  it('keys the /chat/token limit on the client address behind a proxy (TRUST_PROXY_HOPS)', async () => {
    running = await startApp({ trustProxyHops: 1 });
    const token = (address: string) => fetch(`${running.url}/chat/token`, { method: 'POST', headers: { 'X-Forwarded-For': address } }).then((r) => r.status);
    const first: number[] = [];
    for (let i = 0; i < 31; i++) first.push(await token('203.0.113.7'));
    expect(first.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(first[30]).toBe(429);
    // Another patient behind the same proxy still gets a chat.
    expect(await token('198.51.100.20')).toBe(200);
  });
});
