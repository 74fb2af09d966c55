import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { describeBrowser, launch } from '../web/browser.js';
import { startChatServer } from './webchatServer.js';
import type { EchoServer } from './echoServer.js';

/**
 * Microsoft's own client, botframework-directlinejs 0.15.8, unchanged, against our channel. It needs
 * XMLHttpRequest (rxjs 5 DOM ajax), which Node lacks (Node 22 has a WebSocket client, 20 had neither), so it runs in Chromium: its
 * UMD bundle is served to a page on our origin and drives a conversation by WebSocket and by polling.
 */
const require = createRequire(import.meta.url);
const bundle = readFileSync(require.resolve('botframework-directlinejs/dist/directline.js'), 'utf8');

let srv: EchoServer;
let browser: Browser;

describeBrowser('official DirectLineJS client against our channel', () => {
  beforeAll(async () => {
    srv = await startChatServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  for (const webSocket of [true, false]) {
    test(`a conversation works with webSocket: ${webSocket}`, async () => {
      // A real page of our origin (a route-fulfilled one counts as public, and Chromium's Local Network
      // Access checks then block its socket to 127.0.0.1). CSP bypassed only to inject the test bundle.
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const sockets: string[] = [];
      await page.goto(`${srv.url}/chat`);
      await page.locator('#log .msg-bot').first().waitFor();
      page.on('websocket', (ws) => sockets.push(ws.url()));
      await page.addScriptTag({ content: bundle });
      const texts = await page.evaluate(async (useSocket) => {
        const { token } = (await (await fetch('/chat/token', { method: 'POST' })).json()) as { token: string };
        type Dl = { activity$: { subscribe(f: (a: { text?: string; from: { id: string } }) => void): void }; postActivity(a: object): { subscribe(next: (id: string) => void, err: (e: unknown) => void): void } };
        const DirectLine = (window as unknown as { DirectLine: { DirectLine: new (o: object) => Dl } }).DirectLine.DirectLine;
        const dl = new DirectLine({ token, domain: `${location.origin}/v3/directline`, webSocket: useSocket, pollingInterval: 200 });
        const seen: string[] = [];
        dl.activity$.subscribe((a) => seen.push(a.text ?? ''));
        await new Promise<void>((resolve, reject) => dl.postActivity({ type: 'message', text: 'hello', from: { id: 'someone' } }).subscribe(() => resolve(), reject));
        for (let i = 0; i < 100 && !seen.includes('echo: hello'); i++) await new Promise((r) => setTimeout(r, 50));
        return seen;
      }, webSocket);
      expect(texts).toEqual(['Hello. This is not for emergencies.', 'hello', 'echo: hello']);
      expect(sockets.length > 0).toBe(webSocket);
      await context.close();
    });
  }
});
