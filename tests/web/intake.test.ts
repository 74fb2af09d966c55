import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, expectNoAxeViolations, launch, tabTo, transcript } from './browser.js';
import { startRealBot, type RealBotServer } from './realBot.js';

/**
 * The real intake bot (createApp, demo practice, English) through our Direct Line channel and chat,
 * in Chromium, with the keyboard only: choices by Shift+Tab then Enter or Space, typed answers with
 * Enter. axe runs at every step.
 */
let srv: RealBotServer;
let browser: Browser;

describeBrowser('intake in the web chat, keyboard only, against the real bot', () => {
  beforeAll(async () => {
    srv = await startRealBot();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  async function open(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${srv.url}/chat`);
    await page.locator('#log .msg-bot').first().waitFor();
    // Start as a keyboard user would: Tab from the top of the page into the message box.
    await tabTo(page, 'Type your answer');
    return { context, page };
  }

  async function botCount(page: Page): Promise<number> {
    return page.locator('#log .msg-bot').count();
  }

  async function waitForReply(page: Page, before: number): Promise<string> {
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg-bot').length > n, before);
    // The reply can show before the answer to our POST is back; the page ignores Enter until then.
    await page.waitForFunction(() => !document.body.classList.contains('sending'));
    return (await page.locator('#log .msg-bot .msg-text').last().textContent()) ?? '';
  }

  let step = 0;
  /** Reaches the choice button with Shift+Tab from the message box and presses it with Enter or Space. */
  async function choose(page: Page, name: string, key: 'Enter' | 'Space' = step % 2 ? 'Space' : 'Enter'): Promise<string> {
    step += 1;
    await expectNoAxeViolations(page, `before choosing "${name}"`);
    const before = await botCount(page);
    await tabTo(page, name, { back: true });
    await page.keyboard.press(key);
    const reply = await waitForReply(page, before);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('input');
    return reply;
  }

  async function type(page: Page, text: string): Promise<string> {
    await expectNoAxeViolations(page, 'before typing');
    const before = await botCount(page);
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    return waitForReply(page, before);
  }

  test('a routine request from greeting to consent, with a screenshot for the README', async () => {
    const { context, page } = await open();
    // What the page posts: a tapped button is a postBack (its code), typed words are not (hazard H24).
    const posted: [string, boolean][] = [];
    page.on('request', (r) => {
      if (r.method() !== 'POST' || !/\/activities$/.test(r.url())) return;
      const a = JSON.parse(r.postData() ?? '{}') as { text?: string; channelData?: { postBack?: boolean } };
      posted.push([a.text ?? '', a.channelData?.postBack === true]);
    });
    expect(await transcript(page)).toEqual([expect.stringContaining('This is not for emergencies')]);
    expect(await choose(page, 'A new health problem')).toContain('in your own words');
    // The emergency check (issue 15), then the area picker (after every check).
    expect(await type(page, 'My knee has been sore and stiff')).toContain('Is any of these happening now?');
    expect(await choose(page, 'No, none of these')).toContain('Which part of the body');
    // "Something else" lists the hidden emergencies (H52), then asks the general red-flag questions (issue 15 round 8).
    expect(await choose(page, 'Something else')).toContain('Do you have any of these?');
    expect(await choose(page, 'No')).toContain('very sleepy');
    expect(await choose(page, 'No')).toContain('poison');
    // Round 20: a second list of signs that are easy to miss (H86), then the urgent check, asked last (H85).
    expect(await choose(page, 'No')).toContain('easy to miss');
    expect(await choose(page, 'No')).toContain('Is any of these true?');
    // Round 22: the self-care check, asked after the urgent check of a new problem no rule has placed (H89).
    expect(await choose(page, 'No')).toContain('Is your problem one of these?');
    expect(await choose(page, 'No')).toContain('How long');
    await choose(page, 'A few days');
    await choose(page, 'Getting worse');
    await choose(page, 'Not at all');
    await choose(page, 'Advice from the team');
    expect(await choose(page, 'Me')).toContain('full name');
    await type(page, 'Alex Example');
    await type(page, '14/03/1980');
    expect(await choose(page, 'Skip')).toContain('postcode');
    await type(page, 'LS1 4AP');
    await type(page, '0113 496 0001');
    await choose(page, 'Phone call');
    expect(await choose(page, 'Morning')).toContain('check your answers');
    // The README's screenshot: written when missing or asked for, so test runs do not churn the committed file.
    if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync('docs/screenshot-chat.png')) {
      mkdirSync('docs', { recursive: true });
      await page.setViewportSize({ width: 390, height: 844 }); // a phone, as most patients see it
      await page.screenshot({ path: 'docs/screenshot-chat.png' });
    }
    expect(await choose(page, 'It is right')).toContain('Can we send this');
    const done = await choose(page, 'Yes');
    expect(done).toMatch(/Your request has been sent\. Your reference is [A-Z0-9]{3}-[A-Z0-9]{3}\./);
    expect(done).toContain('call 999');
    expect(posted).toEqual(expect.arrayContaining([['need.new', true], ['Alex Example', false], ['yes', true]]));
    await expectNoAxeViolations(page, 'submitted');
    // Each bot message is in the log once, and nothing was announced twice.
    const log = await transcript(page);
    expect(new Set(log.filter((l) => l.startsWith('bot:'))).size).toBe(log.filter((l) => l.startsWith('bot:')).length);
    await context.close();
  }, 180_000);

  test('diverts to 999 when chest pain spreads to the arm, and the banner still shows 999 and 111', async () => {
    const { context, page } = await open();
    await choose(page, 'A new health problem');
    const reply = await type(page, 'crushing chest pain spreading to my left arm');
    expect(reply).toMatch(/^Call 999 now\./);
    expect(reply).toContain('will not send a request');
    await expect(page.getByRole('link', { name: '999' }).getAttribute('href')).resolves.toBe('tel:999');
    await expect(page.getByRole('link', { name: '111', exact: true }).getAttribute('href')).resolves.toBe('tel:111');
    await expectNoAxeViolations(page, 'emergency diversion');
    await context.close();
  }, 60_000);
});
