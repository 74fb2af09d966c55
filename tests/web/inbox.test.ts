import { get } from 'node:http';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { forSomeoneElse, polishWithInterpreter, routineRequest } from '../handoff/fixtures.js';
import { Client, PASSWORDS, startInboxApp } from '../inbox/helpers.js';
import { describeBrowser, expectNoAxeViolations, launch, tabTo } from './browser.js';

/**
 * The practice inbox in real Chromium on the real app: a clinician signs in with the keyboard, a
 * request arriving while the queue is open appears without a reload, they open it, re-grade it,
 * mark it done and find the re-grade on the quality page; axe finds nothing at every step, and each
 * page fits 320 px and 200% zoom without sideways scrolling.
 */

let app: Awaited<ReturnType<typeof startInboxApp>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startInboxApp({ pollMs: 100 });
  // Submitted on the app clock's day, so the quality page's period holds them.
  const at = app.clock.now().toISOString();
  await app.app.store.requests.put(routineRequest({ submittedAt: at, respondBy: new Date(app.clock.now().getTime() - 3600_000).toISOString() }));
  await app.app.store.requests.put(polishWithInterpreter({ submittedAt: at }));
  await app.app.store.requests.put(forSomeoneElse({ submittedAt: at }));
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

/** Fits the width: nothing to scroll sideways (WCAG 1.4.10 reflow). */
async function expectReflow(p: Page, label: string): Promise<void> {
  for (const width of [320, 640]) {
    // 640 CSS px is a 1280 px window at 200% zoom.
    await p.setViewportSize({ width, height: 800 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) console.log(`${label}: ${overflow}px too wide at ${width}px`);
    expect(overflow).toBeLessThanOrEqual(0);
  }
  await p.setViewportSize({ width: 1024, height: 800 });
}

describeBrowser('practice inbox in Chromium', () => {
  test('sign in, a new request appears live, open it, re-grade it, mark it done, see it on the quality page', async () => {
    await page.goto(`${app.url}/inbox`);
    expect(new URL(page.url()).pathname).toBe('/inbox/signin');
    await expectNoAxeViolations(page, 'sign-in');
    await expectReflow(page, 'sign-in');

    // Keyboard only: skip link first, then the fields, then Enter.
    await tabTo(page, 'Skip to main content');
    await tabTo(page, 'Username');
    await page.keyboard.type('dr.cole');
    await tabTo(page, 'Password');
    await page.keyboard.type(PASSWORDS.clinician);
    await Promise.all([page.waitForURL(`${app.url}/inbox`), page.keyboard.press('Enter')]);
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('Overdue').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('Interpreter may be needed (Polish)').isVisible()).resolves.toBe(true);
    await expect(page.getByText('For someone else (My child)').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'queue');
    await expectReflow(page, 'queue');

    // A request arrives while the page is open.
    await app.app.store.requests.put(
      routineRequest({ id: 'req-live', reference: 'LIV-0001', patient: { name: 'Pat Live', dateOfBirth: '1990-01-01' }, submittedAt: app.clock.now().toISOString(), triage: { tier: 'urgent', disposition: 'gp_same_day', ruleIds: ['rf.breathing.now'], rules: [], rulesetVersion: 'test' } }),
    );
    await page.getByRole('link', { name: 'Pat Live' }).waitFor({ timeout: 10_000 });
    await expect(page.locator('#live').textContent()).resolves.toContain('A new request has arrived');
    // Most urgent first: the new urgent request is the first row.
    await expect(page.locator('#queue-rows tr').first().textContent()).resolves.toContain('Pat Live');
    await expectNoAxeViolations(page, 'queue after a live update');

    await tabTo(page, 'Pat Live');
    await Promise.all([page.waitForURL(/\/inbox\/requests\/req-live$/), page.keyboard.press('Enter')]);
    await expect(page.locator('.summary').textContent()).resolves.toMatch(/Pat Live, \d+, sent by the patient · A new health problem · Urgent · because: rf\.breathing\.now/);
    await expectNoAxeViolations(page, 'request');
    await expectReflow(page, 'request');

    // The print view hides navigation and the action forms.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.actions').isVisible()).resolves.toBe(false);
    await expect(page.locator('.summary').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // Re-grade with the keyboard only: a closed select takes type-ahead.
    await tabTo(page, 'Your tier');
    await page.keyboard.type('Rou');
    await tabTo(page, 'Reason (required)');
    await page.keyboard.type('Spoke to the patient: breathing normally.');
    await tabTo(page, 'Save re-grade');
    await Promise.all([page.waitForURL(/saved=regrade/), page.keyboard.press('Enter')]);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Re-grade saved.');
    await expect(page.locator('.summary').textContent()).resolves.toContain('Routine (bot said Urgent)');
    await expectNoAxeViolations(page, 'request after re-grade');

    await tabTo(page, 'New status');
    await page.keyboard.type('Do');
    await tabTo(page, 'Outcome (needed for done)');
    await page.keyboard.type('Adv');
    await tabTo(page, 'Save status');
    await Promise.all([page.waitForURL(/saved=status/), page.keyboard.press('Enter')]);
    await expect(page.getByText('Done – Advice given').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page, 'request after done');

    await tabTo(page, 'Triage quality');
    await Promise.all([page.waitForURL(/\/inbox\/quality/), page.keyboard.press('Enter')]);
    const overTriage = page.locator('dt', { hasText: 'Over-triage' }).locator('xpath=following-sibling::dd[1]');
    await expect(overTriage.textContent()).resolves.toContain('100.0% (1 of 1;');
    await expectNoAxeViolations(page, 'quality');
    await expectReflow(page, 'quality');
  }, 180_000);

  test('error states pass axe too: a failed sign-in, a request that does not exist, a refused change', async () => {
    const other = await browser.newContext();
    const p = await other.newPage();
    await p.goto(`${app.url}/inbox/signin`);
    await p.fill('#username', 'rita');
    await p.fill('#password', 'wrong password');
    await Promise.all([p.waitForLoadState('load'), p.getByRole('button', { name: 'Sign in' }).click()]);
    await expect(p.getByRole('alert').textContent()).resolves.toContain('The username or password is not right');
    await expect(p.locator('#password').getAttribute('aria-describedby')).resolves.toBe('signin-error');
    await expectNoAxeViolations(p, 'sign-in failed');
    await p.fill('#password', PASSWORDS.reception);
    await Promise.all([p.waitForURL(`${app.url}/inbox`), p.getByRole('button', { name: 'Sign in' }).click()]);
    const missing = await p.goto(`${app.url}/inbox/requests/does-not-exist`);
    expect(missing?.status()).toBe(404);
    await expectNoAxeViolations(p, 'not found');
    // Reception sees no re-grade form; a forged one is refused with a page that says why.
    await p.goto(`${app.url}/inbox/requests/req-0001`);
    await expect(p.getByText('Only a clinician can re-grade the urgency.').isVisible()).resolves.toBe(true);
    const [refused] = await Promise.all([
      p.waitForResponse((r) => r.url().endsWith('/regrade')),
      p.evaluate(() => {
        const token = (document.querySelector('input[name="_csrf"]') as HTMLInputElement).value;
        const form = document.createElement('form');
        form.method = 'post';
        form.action = location.pathname + '/regrade';
        for (const [name, value] of [['_csrf', token], ['tier', 'selfcare'], ['reason', 'forged']]) {
          const input = document.createElement('input');
          input.type = 'hidden';
          input.name = name as string;
          input.value = value as string;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      }),
    ]);
    expect(refused.status()).toBe(403);
    await p.waitForLoadState('load');
    await expect(p.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not allowed');
    await expectNoAxeViolations(p, 'refused change');
    await other.close();
  }, 60_000);

  test('the first load of the queue is at most 100 kB compressed', async () => {
    const c = new Client(app.url);
    await c.signIn('rita', PASSWORDS.reception);
    const { gzipSync } = await import('node:zlib');
    const htmlPage = await c.get('/inbox');
    let total = gzipSync(Buffer.from(htmlPage.text)).length;
    for (const asset of ['/inbox/assets/inbox.css', '/inbox/assets/inbox.js']) {
      // node:http, not fetch: fetch would decompress and hide the bytes on the wire.
      const { encoding, bytes } = await new Promise<{ encoding: string | undefined; bytes: number }>((resolve, reject) => {
        get(app.url + asset, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          let n = 0;
          res.on('data', (chunk: Buffer) => (n += chunk.length));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: n }));
        }).on('error', reject);
      });
      expect(encoding).toBe('gzip');
      expect(bytes).toBeGreaterThan(200);
      total += bytes;
    }
    console.log(`inbox first load: ${total} bytes compressed (HTML gzipped here; CSS and JS as served)`);
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});
