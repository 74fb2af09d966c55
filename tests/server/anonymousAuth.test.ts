import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { AnonymousBotFrameworkAuthentication } from '../../src/server/anonymousAuth.js';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

/** The URL a connector client posts to (protected in its typings). */
const baseUri = (client: unknown) => (client as { baseUri?: string } | undefined)?.baseUri;
const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'test', conversation: { id: 'c1' }, serviceUrl }) as Activity;

describe('anonymous Bot Framework authentication', () => {
  it('reuses the outbound clients for the same service URL, and makes separate ones per URL', async () => {
    const auth = new AnonymousBotFrameworkAuthentication({});
    const connectorFor = async (url: string) => {
      const result = await auth.authenticateRequest(activity(url), '');
      return result.connectorFactory?.create(url, result.audience);
    };
    const a1 = await connectorFor('http://127.0.0.1:3978/');
    const a2 = await connectorFor('http://127.0.0.1:3978/');
    const b = await connectorFor('http://localhost:3979/');
    expect(a2).toBe(a1);
    expect(b).not.toBe(a1);
    expect(baseUri(a1)).toBe('http://127.0.0.1:3978/');
    expect(baseUri(b)).toBe('http://localhost:3979/');

    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:3978/'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  it('still gives every caller-named service URL its own client once it stops keeping them', async () => {
    const auth = new AnonymousBotFrameworkAuthentication({});
    for (let i = 0; i < 40; i++) {
      const url = `https://channel${i}.example/`;
      const result = await auth.authenticateRequest(activity(url), '');
      expect(baseUri(await result.connectorFactory?.create(url, result.audience))).toBe(url);
    }
  });
});

describe('replies POSTed to an allowed service URL (anonymous mode, no expectReplies)', () => {
  let running: RunningApp | undefined;
  const channels: Server[] = [];
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    for (const c of channels.splice(0)) {
      c.closeAllConnections(); // botbuilder keeps its connections alive
      await new Promise((resolve) => c.close(resolve));
    }
  });

  /** A fake channel on 127.0.0.1 that records the conversation id of every activity POSTed to it. */
  async function channel(): Promise<{ url: string; received: string[] }> {
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push((JSON.parse(body) as { conversation?: { id?: string } }).conversation?.id ?? '');
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: 'sent' }));
      });
    });
    channels.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
  }

  it('sends each conversation its replies at its own service URL', async () => {
    running = await startApp({ allowedServiceUrls: ['http://127.0.0.1:*'] });
    const [one, two] = [await channel(), await channel()];
    for (const [target, id] of [[one, 'conv-one'], [two, 'conv-two'], [one, 'conv-one']] as const) {
      const res = await fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'message', text: 'hello', channelId: 'test', conversation: { id }, from: { id: 'p' }, recipient: { id: 'bot' }, serviceUrl: target.url }),
      });
      expect(res.status).toBe(200);
    }
    expect(one.received.length).toBeGreaterThan(0);
    expect(new Set(one.received)).toEqual(new Set(['conv-one']));
    expect(new Set(two.received)).toEqual(new Set(['conv-two']));
  });
});
