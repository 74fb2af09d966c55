import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { EchoServer } from '../directline/echoServer.js';
import { startChatServer } from '../directline/webchatServer.js';
import { describeBrowser, expectNoAxeViolations, launch } from './browser.js';

/** The one-line embed on a practice website (another origin), used with the keyboard only. */
let srv: EchoServer;
let host: Server;
let hostUrl: string;
let browser: Browser;

describeBrowser('embed snippet on a practice website', () => {
  beforeAll(async () => {
    srv = await startChatServer();
    host = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="en"><head><title>Riverside Surgery</title></head><body><main><h1>Riverside Surgery</h1><p>Welcome.</p></main>
<script src="${srv.url}/chat/embed.js" data-title="Ask the surgery" data-colour="#330072" data-lang="en" async></script></body></html>`);
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
    hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
    await srv?.close();
  });

  test('launcher opens the chat panel, Escape closes it and focus returns to the launcher', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(hostUrl);
    const launcher = page.getByRole('button', { name: 'Ask the surgery' });
    await launcher.waitFor();
    await expect(launcher.getAttribute('aria-expanded')).resolves.toBe('false');
    await expectNoAxeViolations(page, 'host page with launcher');

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Ask the surgery');
    await page.keyboard.press('Enter');
    const frame = page.frameLocator('iframe[title="Ask the surgery"]');
    await frame.locator('#log .msg-bot').first().waitFor();
    // data-title labels the launcher and the frame on the practice's own site; the page heading
    // inside comes from the practice file only (issue 13: no words from the URL on the practice page).
    await expect(frame.locator('h1').textContent()).resolves.toBe('Contact Riverside Surgery');
    await expect(frame.getByRole('link', { name: '999' }).getAttribute('href')).resolves.toBe('tel:999');
    // The launcher hides while the panel is open (so it is out of the accessibility tree).
    await expect(page.locator('button[aria-controls="gp-chat-panel"]').getAttribute('aria-expanded')).resolves.toBe('true');

    // Into the chat with Tab, answer by typing, then Escape from inside the frame.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 12; i++) {
      const inInput = await frame.locator('#input').evaluate((el) => el === document.activeElement);
      if (inInput) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('hello from the panel');
    await page.keyboard.press('Enter');
    await frame.locator('#log .msg-bot', { hasText: 'echo: hello from the panel' }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('gp-chat-panel')?.hidden === true);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Ask the surgery');
    await context.close();
  });
});
