import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import type { App } from '../../src/server/app.js';
import { createEmbeddedApp } from '../support/app.js';
import { CLIENT_ID, CLIENT_SECRET, startFakeIdp, type FakeIdp } from '../inbox/fakeIdp.js';
import { projectRoot } from '../support/dialog.js';
import { describeBrowser, expectNoAxeViolations, launch } from './browser.js';

/**
 * Single sign-on in real Chromium, with the identity provider on another site (localhost) than the
 * inbox (127.0.0.1): the Strict session cookie, the Lax sign-on cookie and the CSP must all let the
 * round trip through, which a test without a browser cannot show.
 */

let idp: FakeIdp;
let app: App;
let base: string;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'inbox-sso-'));

/** A port free now: the redirect URI must be in the practice file before the app listens. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  idp = await startFakeIdp('localhost');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const demo = JSON.parse(readFileSync(join(projectRoot, 'config', 'practice.demo.json'), 'utf8')) as Record<string, unknown>;
  const file = join(dir, 'practice.json');
  writeFileSync(
    file,
    JSON.stringify({
      ...demo,
      inbox: {
        oidc: { issuer: idp.issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${base}/inbox/oidc/callback`, label: 'Sign in with Example ID' },
        staff: [{ username: 'dr.cole', displayName: 'Dr Cole', role: 'clinician' }],
      },
    }),
  );
  app = await createEmbeddedApp({ dataDir: join(dir, 'data'), practiceConfigPath: file, contentRoot: projectRoot, clock: fixedClock('2026-03-04T10:00:00Z'), logger: pino({ level: 'silent' }), deliveryIntervalMs: 0 });
  await app.listen(port, '127.0.0.1');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await idp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describeBrowser('practice inbox single sign-on in Chromium', () => {
  test('signs in through the identity provider on another site and lands on the queue', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/inbox/signin`);
    await expectNoAxeViolations(page, 'sign-in with single sign-on');
    await Promise.all([page.waitForURL(`${base}/inbox`), page.getByRole('link', { name: 'Sign in with Example ID' }).click()]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Requests');
    await expect(page.locator('.signout').textContent()).resolves.toContain('Dr Cole');
    await expectNoAxeViolations(page, 'queue after single sign-on');
    await context.close();
  });
});
