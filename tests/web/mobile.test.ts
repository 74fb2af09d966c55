import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describeBrowser, expectNoAxeViolations, launch, transcript } from './browser.js';
import { startRealBot, type RealBotServer } from './realBot.js';

/**
 * The web chat on phones, against the real intake bot: the newest message in view after every
 * reply, the transcript's share of the screen, a reload (also across a server restart) that keeps
 * the conversation, offline then online, and "end and clear". axe runs at every step.
 */
const SECRET = 'mobile-test-directline-secret-0123456789';
let dataDir: string;
let srv: RealBotServer;
let browser: Browser;

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const SMALL_PHONE: BrowserContextOptions = { viewport: { width: 320, height: 568 }, isMobile: true, hasTouch: true };
/** A 1280×800 laptop window at 200% zoom: 640×400 CSS pixels drawn at twice the density. */
const ZOOM_200: BrowserContextOptions = { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 };
const LANDSCAPE: BrowserContextOptions = { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true };

describeBrowser('the web chat on a phone (real bot)', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'webchat-mobile-'));
    srv = await startRealBot({ dataDir, directLineSecret: SECRET });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // Every node the log ever gains or loses, to check each message is added once and never changed.
    await page.addInitScript(() => {
      const w = window as unknown as { logAdds: number; logRemovals: number; typingShown: number };
      w.logAdds = 0;
      w.logRemovals = 0;
      w.typingShown = 0;
      document.addEventListener('DOMContentLoaded', () => {
        new MutationObserver((records) => {
          for (const r of records) {
            if (r.target === document.getElementById('log')) {
              w.logAdds += r.addedNodes.length;
              w.logRemovals += r.removedNodes.length;
            } else if (r.target === document.getElementById('typing') && !(r.target as HTMLElement).hidden) {
              w.typingShown += 1;
            } else if (r.type === 'characterData' || (r.type === 'childList' && (r.target as Element).closest?.('#log'))) {
              w.logRemovals += 1; // a message changed after it was added
            }
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden'] });
      });
    });
    await page.goto(`${srv.url}/chat`);
    await page.locator('#log .msg-bot').first().waitFor();
    return { context, page };
  }

  /**
   * The last message's box lies inside the log's visible (client) box; one taller than the log (the
   * long greeting on a small screen) starts at the top of it, so it is read from its beginning.
   */
  const IN_VIEW = (): boolean => {
    const log = document.getElementById('log')!;
    const last = log.lastElementChild?.getBoundingClientRect();
    if (!last) return false;
    const top = log.getBoundingClientRect().top + log.clientTop;
    const bottom = top + log.clientHeight;
    if (last.height > log.clientHeight) return last.top <= top + 12 && last.top >= top - 1;
    return last.top >= top - 1 && last.bottom <= bottom + 1;
  };
  const newestInView = (page: Page): Promise<boolean> => page.evaluate(IN_VIEW);

  /** After a reply: the newest message comes into view (smoothly, so within a second), then axe. */
  async function expectNewestInView(page: Page, label: string): Promise<void> {
    await page.waitForFunction(IN_VIEW, undefined, { timeout: 3000 }).catch(() => undefined);
    const inView = await newestInView(page);
    if (!inView) console.log(`newest message not in view: ${label}`);
    expect(inView).toBe(true);
    await expectNoAxeViolations(page, label);
  }

  async function reply(page: Page, act: () => Promise<void>): Promise<string> {
    const before = await page.locator('#log .msg-bot').count();
    await act();
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg-bot').length > n, before);
    // The reply can show (pushed over the socket) before the answer to our POST is back; until then the
    // page is still sending and ignores Enter, as it should. On a busy machine that gap is long enough
    // for the next step to type into it, so wait for it as a patient would.
    await page.waitForFunction(() => !document.body.classList.contains('sending'));
    return (await page.locator('#log .msg-bot .msg-text').last().textContent()) ?? '';
  }

  const tap = (page: Page, name: string) => reply(page, () => page.getByRole('button', { name, exact: true }).click());
  const type = (page: Page, text: string) =>
    reply(page, async () => {
      await page.locator('#input').fill(text);
      await page.locator('#input').press('Enter');
    });

  /** The log's height as a share of the viewport. */
  const share = (page: Page) => page.evaluate(() => document.getElementById('log')!.getBoundingClientRect().height / window.innerHeight);

  /** Every visible button and the 999/111 links are at least 44×44 CSS pixels. */
  async function expectTapTargets(page: Page): Promise<void> {
    const small = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, .emergency-short a'))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0)
        .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
        .map(({ el, r }) => `${el.textContent} ${r.width}x${r.height}`),
    );
    expect(small).toEqual([]);
  }

  /** 999 and 111 are on screen and can be tapped (nothing covers them). */
  async function expectEmergencyNumbersVisible(page: Page): Promise<void> {
    for (const name of ['999', '111']) {
      const link = page.getByRole('link', { name, exact: true });
      await expect(link.isVisible()).resolves.toBe(true);
      await expect(link.getAttribute('href')).resolves.toBe(`tel:${name}`);
      const hit = await link.evaluate((a) => {
        const r = a.getBoundingClientRect();
        const onTop = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.bottom <= window.innerHeight && (onTop === a || a.contains(onTop));
      });
      expect(hit).toBe(true);
    }
  }

  async function intake(page: Page, label: string): Promise<void> {
    const steps: [string, () => Promise<string>, RegExp?][] = [
      ['A new health problem', () => tap(page, 'A new health problem'), /in your own words/],
      // The emergency check (issue 15), then the area picker (after every check).
      ['description', () => type(page, 'My knee has been sore and stiff'), /is any of these happening now/i],
      ['No, none of these', () => tap(page, 'No, none of these'), /Which part of the body/],
      // "Something else" lists the hidden emergencies first (H52), then the general red-flag questions (very
      // unwell, took too much) before the follow-ups.
      ['Something else', () => tap(page, 'Something else'), /Do you have any of these\?/],
      ['No (hidden emergencies)', () => tap(page, 'No'), /very sleepy/],
      ['No (very unwell)', () => tap(page, 'No'), /poison/],
      ['No (took too much)', () => tap(page, 'No'), /easy to miss/],
      // Round 20: a second list of signs that are easy to miss (H86), then the urgent check, asked last (H85).
      ['No (easy to miss)', () => tap(page, 'No'), /Is any of these true\?/],
      ['No (urgent check)', () => tap(page, 'No'), /Is your problem one of these\?/],
      // Round 22: the self-care check, asked after the urgent check of a new problem no rule has placed (H89).
      ['No (self-care check)', () => tap(page, 'No'), /How long/],
      ['A few days', () => tap(page, 'A few days')],
      ['Getting worse', () => tap(page, 'Getting worse')],
      ['Not at all', () => tap(page, 'Not at all')],
      ['Advice from the team', () => tap(page, 'Advice from the team')],
      ['Me', () => tap(page, 'Me'), /full name/],
      ['name', () => type(page, 'Alex Example')],
    ];
    await expectNewestInView(page, `${label}: greeting`);
    await expectEmergencyNumbersVisible(page);
    for (const [name, step, expected] of steps) {
      const text = await step();
      if (expected) expect(text).toMatch(expected);
      await expectNewestInView(page, `${label}: after "${name}"`);
      // After the first exchange: compact header and banner, the hint gone, room for the conversation.
      expect(await share(page)).toBeGreaterThanOrEqual(0.4);
      await expectEmergencyNumbersVisible(page);
      await expectTapTargets(page);
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    }
    await expect(page.locator('#input-hint').isVisible()).resolves.toBe(false);
    // Each message was added to the live region once and never changed or removed.
    const counts = await page.evaluate(() => {
      const w = window as unknown as { logAdds: number; logRemovals: number; typingShown: number };
      return { adds: w.logAdds, removals: w.logRemovals, typing: w.typingShown, messages: document.querySelectorAll('#log .msg').length };
    });
    expect(counts.adds).toBe(counts.messages);
    expect(counts.removals).toBe(0);
    expect(counts.typing).toBeGreaterThan(0); // the typing dots showed while the bot worked
    const log = await transcript(page);
    const bots = log.filter((l) => l.startsWith('bot:'));
    expect(new Set(bots).size).toBe(bots.length);
  }

  test('390×844: the newest message is in view after every reply, the transcript has at least 40% of the screen', async () => {
    const { context, page } = await open(PHONE);
    const before = await share(page);
    await intake(page, '390x844');
    console.log(`390x844: transcript share ${before.toFixed(2)} before the first exchange, ${(await share(page)).toFixed(2)} after`);
    // Tapping a choice on a touch screen leaves focus off the message box (no keyboard popping up);
    // typing keeps it there.
    await page.locator('#input').fill('');
    await page.locator('#input').focus();
    await type(page, '14/03/1980');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('input');
    await context.close();
  }, 120_000);

  test('320×568 with reduced motion: in view at once after every reply, and at least 40% of the screen', async () => {
    const { context, page } = await open({ ...SMALL_PHONE, reducedMotion: 'reduce' });
    await tap(page, 'A new health problem');
    // No smooth scrolling: in view two frames after the reply is shown.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await newestInView(page)).toBe(true);
    await type(page, 'My knee has been sore and stiff');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await newestInView(page)).toBe(true);
    for (const name of ['No, none of these', 'Something else', 'No', 'No', 'No', 'No', 'No', 'No', 'A few days', 'Getting worse', 'Not at all']) {
      await tap(page, name);
      await expectNewestInView(page, `320x568: after "${name}"`);
      expect(await share(page)).toBeGreaterThanOrEqual(0.4);
      await expectEmergencyNumbersVisible(page);
      await expectTapTargets(page);
    }
    console.log(`320x568: transcript share ${(await share(page)).toFixed(2)}`);
    await context.close();
  }, 120_000);

  test('200% zoom (1280×800 at 200%): the same intake, in view after every reply, at least 40% of the screen', async () => {
    const { context, page } = await open(ZOOM_200);
    await intake(page, '200% zoom');
    console.log(`200% zoom: transcript share ${(await share(page)).toFixed(2)}`);
    await context.close();
  }, 120_000);

  test('landscape phone (844×390): in view after every reply, at least 40% of the screen', async () => {
    const { context, page } = await open(LANDSCAPE);
    for (const [name, act] of [
      ['A new health problem', () => tap(page, 'A new health problem')],
      ['description', () => type(page, 'A rash on my arm for two days')],
    ] as const) {
      await act();
      await expectNewestInView(page, `landscape: after "${name}"`);
      expect(await share(page)).toBeGreaterThanOrEqual(0.4);
      await expectEmergencyNumbersVisible(page);
      await expectTapTargets(page);
    }
    console.log(`landscape 844x390: transcript share ${(await share(page)).toFixed(2)}`);
    await context.close();
  }, 60_000);

  test('a reload mid-intake shows the same messages and continues, also after a server restart', async () => {
    const { context, page } = await open(PHONE);
    await tap(page, 'A new health problem');
    await type(page, 'My knee has been sore and stiff');
    await tap(page, 'No, none of these');
    await tap(page, 'Something else');
    for (let i = 0; i < 6; i++) await tap(page, 'No'); // the two lists, very unwell, took too much, the urgent check, the self-care check
    await tap(page, 'A few days');
    const before = await transcript(page);

    // Kept in sessionStorage only: nothing in localStorage, nothing in the URL.
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: localStorage.length, url: location.href }));
    expect(stored.session).toEqual(['gp-chat-session']);
    expect(stored.local).toBe(0);
    expect(stored.url).toBe(`${srv.url}/chat`);
    const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('gp-chat-session'))) ?? '{}') as { conversationId: string; token: string };
    expect(JSON.stringify(saved)).not.toContain('knee'); // no patient text in the browser's storage

    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg').length >= n, before.length);
    expect(await transcript(page)).toEqual(before);
    await expect(page.locator('#status').textContent()).resolves.toBe('Welcome back. Your chat is below.');
    await expectNewestInView(page, 'after reload');
    expect(await share(page)).toBeGreaterThanOrEqual(0.4);
    await tap(page, 'Getting worse');
    const afterReload = await transcript(page);
    expect(afterReload.slice(0, before.length)).toEqual(before);
    expect(afterReload).toHaveLength(before.length + 2);

    // The server stops and another starts on the same data folder (and port, so the page's origin).
    const port = Number(new URL(srv.url).port);
    await srv.close();
    srv = await startRealBot({ dataDir, directLineSecret: SECRET, port });
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg').length >= n, afterReload.length);
    expect(await transcript(page)).toEqual(afterReload);
    await expectNewestInView(page, 'after restart');
    const next = await tap(page, 'Not at all');
    expect(next).not.toMatch(/Hello/); // the intake carries on, not a new greeting
    expect(await transcript(page)).toHaveLength(afterReload.length + 2);
    await context.close();
  }, 120_000);

  test('offline then online: the message waits, then is sent once, with the same clientActivityID', async () => {
    const { context, page } = await open(PHONE);
    await tap(page, 'A new health problem');
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/activities$/.test(r.url())) posts.push((JSON.parse(r.postData() ?? '{}') as { channelData?: { clientActivityID?: string } }).channelData?.clientActivityID ?? '');
    });

    await context.setOffline(true);
    await page.locator('#input').fill('My ankle is swollen');
    await page.locator('#input').press('Enter');
    await page.waitForFunction(() => document.getElementById('error')?.textContent !== '');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('You are offline. We will send your message when you are back online.');
    await expect(page.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#send').getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(page.locator('#log .msg-user.msg-pending').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'offline, message waiting');
    // Send again while offline: nothing new is sent or shown.
    await page.locator('#input').fill('second');
    await page.locator('#input').press('Enter');
    await expect(page.locator('#log .msg-user').count()).resolves.toBe(2);
    await expect(page.locator('#input').inputValue()).resolves.toBe('second');

    const bots = await page.locator('#log .msg-bot').count();
    await context.setOffline(false);
    await page.waitForFunction((n) => document.querySelectorAll('#log .msg-bot').length > n, bots);
    await page.waitForFunction(() => !document.body.classList.contains('sending')); // the POST's own answer (see reply())
    await expect(page.locator('#log .msg-bot .msg-text').last().textContent()).resolves.toMatch(/is any of these happening now/i);
    await expect(page.locator('#log .msg-pending').count()).resolves.toBe(0);
    await expect(page.locator('#error').textContent()).resolves.toBe('');
    await expect(page.locator('#send').getAttribute('aria-disabled')).resolves.toBe('false');
    await expectNewestInView(page, 'back online');

    // Once on the screen and once in the server's transcript; every attempt carried the same id.
    expect((await transcript(page)).filter((l) => l === 'user: My ankle is swollen')).toHaveLength(1);
    const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('gp-chat-session'))) ?? '{}') as { conversationId: string; token: string };
    const res = await fetch(`${srv.url}/v3/directline/conversations/${saved.conversationId}/activities`, { headers: { Authorization: `Bearer ${saved.token}` } });
    const server = (await res.json()) as { activities: { text?: string; from?: { role?: string } }[] };
    expect(server.activities.filter((a) => a.from?.role === 'user' && a.text === 'My ankle is swollen')).toHaveLength(1);
    expect(posts.length).toBeGreaterThanOrEqual(2); // the offline try and the one that got through
    expect(new Set(posts).size).toBe(1);
    await context.close();
  }, 60_000);

  test('a lost answer: the message reached the server but the answer to its POST was lost; it is not sent again', async () => {
    const { context, page } = await open(PHONE);
    await tap(page, 'A new health problem');
    let posts = 0;
    await page.route('**/v3/directline/conversations/*/activities', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      if (posts > 1) return route.continue();
      await route.fetch(); // the server takes the message and answers; the phone never hears back
      await route.abort('connectionreset');
    });
    await type(page, 'My wrist hurts when I lift things');
    await page.waitForFunction(() => document.querySelectorAll('#log .msg-pending').length === 0);
    await page.waitForTimeout(300); // room for a second POST, were one coming
    expect(posts).toBe(1);
    await expect(page.locator('#error').textContent()).resolves.toBe('');
    expect((await transcript(page)).filter((l) => l === 'user: My wrist hurts when I lift things')).toHaveLength(1);
    await expectNoAxeViolations(page, 'after a lost answer');
    await context.close();
  }, 60_000);

  test('end and clear: confirms, deletes the transcript, empties the screen and the tab storage; start again begins anew', async () => {
    const { context, page } = await open(PHONE);
    await tap(page, 'A new health problem');
    const saved = JSON.parse((await page.evaluate(() => sessionStorage.getItem('gp-chat-session'))) ?? '{}') as { conversationId: string };
    const file = join(dataDir, 'directline', `${createHash('sha256').update(saved.conversationId).digest('hex')}.jsonl`);
    expect(existsSync(file)).toBe(true);

    await page.getByRole('button', { name: 'End and clear' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('end-question');
    await expectNoAxeViolations(page, 'end and clear: confirm');
    await page.getByRole('button', { name: 'No, keep chatting' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('end');
    await expect(page.locator('#log .msg').count()).resolves.toBe(3);

    await page.getByRole('button', { name: 'End and clear' }).click();
    await page.getByRole('button', { name: 'Yes, end and clear' }).click();
    await page.getByRole('button', { name: 'Start again' }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('start-again');
    await expect(page.locator('#ended-text').textContent()).resolves.toBe('Your chat has ended. We cleared it from this screen.');
    await expect(page.locator('#log .msg').count()).resolves.toBe(0);
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
    expect(existsSync(file)).toBe(false);
    await expectEmergencyNumbersVisible(page);
    await expectNoAxeViolations(page, 'ended and cleared');

    // A reload now starts a new conversation (nothing to resume).
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.locator('#log .msg-bot').first().waitFor();
    await expect(page.locator('#log .msg').count()).resolves.toBe(1);
    const fresh = JSON.parse((await page.evaluate(() => sessionStorage.getItem('gp-chat-session'))) ?? '{}') as { conversationId: string };
    expect(fresh.conversationId).not.toBe(saved.conversationId);
    await context.close();
  }, 60_000);
});
