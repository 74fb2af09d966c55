/**
 * Anonymous mode without expectReplies: our own code POSTs each reply to the activity's serviceUrl
 * (only one on ALLOWED_SERVICE_URLS), at the Bot Connector API's address, as botbuilder did.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { removeDir, startApp, type RunningApp } from '../support/app.js';

interface Received {
  path: string;
  body: Record<string, unknown>;
}

describe('replies POSTed to an allowed service URL (anonymous mode, no expectReplies)', () => {
  let running: RunningApp | undefined;
  const channels: Server[] = [];
  afterEach(async () => {
    await running?.close().catch(() => undefined);
    if (running) removeDir(running.dataDir);
    for (const c of channels.splice(0)) {
      c.closeAllConnections(); // fetch keeps its connections alive
      await new Promise((resolve) => c.close(resolve));
    }
  });

  /** A fake channel on 127.0.0.1 that records every activity POSTed to it, answering `status`. */
  async function channel(status = 200): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ id: 'sent' }));
      });
    });
    channels.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, received };
  }

  const send = (activity: Record<string, unknown>) =>
    fetch(`${running!.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channelId: 'test', from: { id: 'p', name: 'P' }, recipient: { id: 'bot', name: 'B' }, ...activity }),
    });

  it('sends each conversation its replies at its own service URL', async () => {
    running = await startApp({ allowedServiceUrls: ['http://127.0.0.1:*'] });
    const [one, two] = [await channel(), await channel()];
    for (const [target, id] of [[one, 'conv-one'], [two, 'conv-two'], [one, 'conv-one']] as const) {
      const res = await send({ type: 'message', text: 'hello', conversation: { id }, serviceUrl: target.url });
      expect(res.status).toBe(200);
    }
    expect(one.received.length).toBeGreaterThan(0);
    expect(new Set(one.received.map((r) => (r.body.conversation as { id: string }).id))).toEqual(new Set(['conv-one']));
    expect(new Set(two.received.map((r) => (r.body.conversation as { id: string }).id))).toEqual(new Set(['conv-two']));
  });

  it('replies to the activity at the Bot Connector address, from the bot to the patient, and answers 200 with no body', async () => {
    running = await startApp({ allowedServiceUrls: ['http://127.0.0.1:*'] });
    const target = await channel();
    const res = await send({ type: 'message', id: 'in/1', text: 'hello', conversation: { id: 'conv:a' }, serviceUrl: target.url });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(target.received.map((r) => r.path)).toEqual(target.received.map(() => '/v3/conversations/conv%3Aa/activities/in%2F1'));
    expect(target.received[0]?.body).toMatchObject({
      type: 'message',
      channelId: 'test',
      serviceUrl: target.url,
      conversation: { id: 'conv:a' },
      from: { id: 'bot', name: 'B' },
      recipient: { id: 'p', name: 'P' },
      replyToId: 'in/1',
      channelData: { intake: { state: 'need' } },
    });
    // Without an id there is nothing to reply to: the replies go to the conversation.
    await send({ type: 'message', text: 'hello', conversation: { id: 'conv-b' }, serviceUrl: target.url });
    expect(target.received.at(-1)?.path).toBe('/v3/conversations/conv-b/activities');
  });

  it('answers 500 when the channel refuses a reply, and 501 to an invoke (no invoke response)', async () => {
    running = await startApp({ allowedServiceUrls: ['http://127.0.0.1:*'] });
    const down = await channel(503);
    expect((await send({ type: 'message', text: 'hello', conversation: { id: 'conv-down' }, serviceUrl: down.url })).status).toBe(500);
    const up = await channel();
    expect((await send({ type: 'invoke', name: 'x', conversation: { id: 'conv-invoke' }, serviceUrl: up.url })).status).toBe(501);
  });
});
