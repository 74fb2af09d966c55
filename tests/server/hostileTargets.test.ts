/**
 * Request targets and Host headers Node's HTTP parser accepts but `new URL()` cannot parse, sent on a
 * raw socket to the real app. Each once threw inside a synchronous handler (the 'upgrade' listener, restify's
 * /chat handlers) and stopped the process; upgrades that matched nothing were never answered.
 */
import { rawRequest } from '../support/rawHttp.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

describe('hostile request targets', () => {
  let running: RunningApp;
  let port: number;
  beforeAll(async () => {
    running = await startApp();
    port = Number(new URL(running.url).port);
  });
  afterAll(async () => {
    await running.close();
    removeDir(running.dataDir);
  });

  const upgrade = (target: string) =>
    `GET ${target} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;

  async function healthy(): Promise<void> {
    const res = await fetch(`${running.url}/health`);
    expect(res.status).toBe(200);
  }

  it.each(['//', 'http://[::1', 'http://x:99999/', 'http://x:99999/v3/directline/conversations/abc/stream?t=x'])(
    'answers a WebSocket upgrade to %s and stays up',
    async (target) => {
      const r = await rawRequest(port, upgrade(target), { closeAfterResponse: false });
      expect(r.ended).toBe('closed');
      expect(r.status).toBeGreaterThanOrEqual(400);
      await healthy();
    },
  );

  it('answers an upgrade to a path nobody serves with 404 and closes the socket', async () => {
    const r = await rawRequest(port, upgrade('/chat'), { closeAfterResponse: false });
    expect(r).toMatchObject({ status: 404, ended: 'closed' });
  });

  it('refuses a stream upgrade without a token with 401 and closes the socket', async () => {
    const r = await rawRequest(port, upgrade('/v3/directline/conversations/abc/stream'), { closeAfterResponse: false });
    expect(r).toMatchObject({ status: 401, ended: 'closed' });
  });

  it.each(['http://x:99999/chat', 'http://x:99999/chat?title=x', 'http://x:99999/chat/assets/chat.js?v=1', 'http://[::1/chat', 'http://a_b/chat?lang=en'])(
    'serves the absolute-form target %s and stays up',
    async (target) => {
      const r = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(r.status).toBe(200);
      await healthy();
    },
  );

  it.each(['x:99999', '[::1', 'x:-1', 'a@b:c'])('serves a request whose Host header %s is no URL authority, and stays up', async (host) => {
    const r = await rawRequest(port, `GET /health HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(r.status).toBe(200);
    await healthy();
  });

  it('does not build a stream URL from an unparsable Host header', async () => {
    const token = (await (await fetch(`${running.url}/chat/token`, { method: 'POST' })).json()) as { token: string };
    const body = '{}';
    const r = await rawRequest(
      port,
      `POST /v3/directline/conversations HTTP/1.1\r\nHost: x:99999\r\nAuthorization: Bearer ${token.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(r.status).toBe(201);
    expect(r.response).toContain('ws://localhost/v3/directline/conversations/');
  });
});
