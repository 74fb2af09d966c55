import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { EchoServer } from '../directline/echoServer.js';
import { startChatServer } from '../directline/webchatServer.js';
import { describeBrowser, expectNoAxeViolations, launch, tabTo, transcript } from './browser.js';

/**
 * The widget in real Chromium against our Direct Line channel and the echo bot (a stand-in for the
 * intake bot; the full intake runs in intake.test.ts). Keyboard only: no clicks.
 */
let srv: EchoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describeBrowser('web chat in Chromium (echo bot)', () => {
  beforeAll(async () => {
    // The page allows more than the channel, so the channel's 413 path is what the page reports.
    srv = await startChatServer({ maxMessageChars: 300, pageMaxMessageChars: 400 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function openChat(path = '/chat'): Promise<Page> {
    context = await browser.newContext();
    page = await context.newPage();
    // A step that hangs fails at that step, well inside the test's own time.
    page.setDefaultTimeout(10_000);
    await page.goto(`${srv.url}${path}`);
    await page.locator('#log .msg-bot').first().waitFor();
    return page;
  }

  test('greets, shows the emergency banner first, and passes axe', async () => {
    await openChat();
    const banner = page.getByRole('region', { name: 'This chat is not for emergencies' });
    await expect(banner.getByRole('link', { name: '999' }).getAttribute('href')).resolves.toBe('tel:999');
    await expect(banner.getByRole('link', { name: '111', exact: true }).getAttribute('href')).resolves.toBe('tel:111');
    const log = page.getByRole('log');
    await expect(log.getAttribute('aria-live')).resolves.toBe('polite');
    expect(await transcript(page)).toEqual(['bot: Hello. This is not for emergencies.']);
    await expect(page.getByRole('group', { name: 'Choose an answer' }).getByRole('button').allTextContents()).resolves.toEqual(['Start', 'Help']);
    await expectNoAxeViolations(page, 'greeting');
    await context.close();
  });

  // Three turns, Tab walks and two axe scans in real Chromium: the budget of the other multi-turn browser tests
  // (intake.test.ts, mobile.test.ts). It once ran past jest's 30 s default in CI (about 1.3 s alone; cause not found):
  // with the page's 10 s step timeout, a step that hangs now fails by name instead.
  test('keyboard only: a choice with Enter, another with Space, typed text with Enter; each message once', async () => {
    await openChat();
    await tabTo(page, 'Start');
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: start' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('input');
    await tabTo(page, 'No', { back: true });
    await page.keyboard.press('Space');
    await page.locator('#log .msg-bot', { hasText: 'echo: no' }).waitFor();
    await page.keyboard.type('my knee hurts');
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: my knee hurts' }).waitFor();
    expect(await transcript(page)).toEqual([
      'bot: Hello. This is not for emergencies.',
      'user: Start',
      'bot: echo: start',
      'user: No',
      'bot: echo: no',
      'user: my knee hurts',
      'bot: echo: my knee hurts',
    ]);
    await expectNoAxeViolations(page, 'after three turns');
    await context.close();
  }, 60_000);

  test('patient and bot text is shown as text, never markup', async () => {
    await openChat();
    await page.locator('#input').focus();
    await page.keyboard.type('<img src=x onerror="window.pwned=1">');
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: <img' }).waitFor();
    await expect(page.locator('#log img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await context.close();
  });

  test('sets lang and dir per message from channelData.intake.locale (Arabic is right-to-left)', async () => {
    await openChat();
    await page.locator('#input').focus();
    await page.keyboard.type('ar: مرحبا');
    await page.keyboard.press('Enter');
    const reply = page.locator('#log .msg-bot .msg-text', { hasText: 'echo: ar:' });
    await reply.waitFor();
    await expect(reply.getAttribute('lang')).resolves.toBe('ar');
    await expect(reply.getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('#log .msg-bot .msg-text').first().getAttribute('dir')).resolves.toBe('ltr');
    await context.close();
  });

  test('an oversized message gets a clear error and the text stays to be shortened', async () => {
    await openChat();
    const long = 'a'.repeat(301);
    await page.locator('#input').focus();
    await page.keyboard.insertText(long);
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await page.waitForFunction(() => document.getElementById('error')?.textContent !== '');
    await expect(alert.textContent()).resolves.toBe('Your message is too long. Please shorten it to 400 characters or fewer, then send it again.');
    await expect(page.locator('#input').inputValue()).resolves.toBe(long);
    await expect(page.locator('#log .msg-failed').count()).resolves.toBe(1);
    // Over the page's own limit: refused before sending, text kept.
    await page.locator('#input').fill('b'.repeat(401));
    await page.keyboard.press('Enter');
    await expect(page.locator('#input').inputValue()).resolves.toBe('b'.repeat(401));
    await expect(page.locator('#log .msg-user').count()).resolves.toBe(1);
    await context.close();
  });

  test('when the bot fails (502) the message waits with Try again, and is sent again with the same id', async () => {
    await openChat();
    const ids: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/activities$/.test(r.url())) ids.push((JSON.parse(r.postData() ?? '{}') as { channelData?: { clientActivityID?: string } }).channelData?.clientActivityID ?? '');
    });
    await page.locator('#input').focus();
    await page.keyboard.type('flaky');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('error')?.textContent !== '');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Your message was not sent. Please try again, or call the practice on 01632 960000.');
    await expect(page.locator('#send').getAttribute('aria-disabled')).resolves.toBe('true');
    await expectNoAxeViolations(page, 'bot failed');
    await tabTo(page, 'Try again', { back: true });
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: flaky' }).waitFor();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(await transcript(page)).toEqual(['bot: Hello. This is not for emergencies.', 'user: flaky', 'bot: echo: flaky']);
    await expect(page.locator('#send').getAttribute('aria-disabled')).resolves.toBe('false');
    await context.close();
  });

  test('when the socket drops it polls, then reconnects, with nothing lost or shown twice', async () => {
    await openChat();
    const polls: string[] = [];
    page.on('request', (r) => r.method() === 'GET' && /\/activities(\?|$)/.test(r.url()) && polls.push(r.url()));
    await page.evaluate(() => (window as unknown as { gpChat: { dropSocket(): void } }).gpChat.dropSocket());
    await page.locator('#input').focus();
    for (const word of ['one', 'two']) {
      await page.keyboard.type(word);
      await page.keyboard.press('Enter');
      await page.locator('#log .msg-bot', { hasText: `echo: ${word}` }).waitFor();
    }
    expect(polls.length).toBeGreaterThan(0); // the answers came by polling while the socket was down
    // The socket comes back (about a second later) and replays from the watermark: still no duplicates.
    await page.waitForFunction(() => document.body.dataset.status === 'connected');
    await page.keyboard.type('three');
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: three' }).waitFor();
    await page.waitForTimeout(1500);
    expect(await transcript(page)).toEqual([
      'bot: Hello. This is not for emergencies.',
      'user: one',
      'bot: echo: one',
      'user: two',
      'bot: echo: two',
      'user: three',
      'bot: echo: three',
    ]);
    await context.close();
  });

  test('reflows at 320 px wide (and so at 400% zoom of 1280 px) without sideways scrolling', async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    page = await context.newPage();
    await page.goto(`${srv.url}/chat`);
    await page.locator('#log .msg-bot').first().waitFor();
    await page.locator('#input').focus();
    await page.keyboard.type('a long description without many breaks: pneumonoultramicroscopicsilicovolcanoconiosis and more');
    await page.keyboard.press('Enter');
    await page.locator('#log .msg-bot', { hasText: 'echo: a long' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
    await expectNoAxeViolations(page, '320 px');
    await context.close();
  });
});
