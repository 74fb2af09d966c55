import WebSocket from 'ws';
import { SECRET, startEchoServer, type EchoServer } from './echoServer.js';

/** Open streams are capped in all: past the cap a new socket gets 503 and is closed. */
describe('Direct Line stream cap', () => {
  let srv: EchoServer;
  afterEach(() => srv.close());

  async function streamUrl(): Promise<string> {
    const res = await fetch(`${srv.url}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${SECRET}` } });
    return ((await res.json()) as { streamUrl: string }).streamUrl;
  }

  const open = (url: string) =>
    new Promise<WebSocket | number>((resolve) => {
      const ws = new WebSocket(url);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });

  it('refuses a socket past the total cap with 503, and takes one again after a close', async () => {
    srv = await startEchoServer({ maxSockets: 2 });
    const a = await open(await streamUrl());
    const b = await open(await streamUrl());
    expect(a).toBeInstanceOf(WebSocket);
    expect(b).toBeInstanceOf(WebSocket);
    expect(await open(await streamUrl())).toBe(503);
    const closed = new Promise((r) => (a as WebSocket).once('close', r));
    (a as WebSocket).close();
    await closed;
    // The server sees the close a moment after the client: wait for it by retrying the open.
    let again: WebSocket | number = 503;
    for (let i = 0; i < 50 && again === 503; i++) again = await open(await streamUrl());
    expect(again).toBeInstanceOf(WebSocket);
    (again as WebSocket).close();
    (b as WebSocket).close();
  });
});
