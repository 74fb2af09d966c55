import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { fixedClock } from '../../src/clock.js';
import type { App } from '../../src/server/app.js';
import { createEmbeddedApp } from '../support/app.js';
import { projectRoot } from '../support/dialog.js';
import { describeBrowser, expectNoAxeViolations, launch } from './browser.js';

/**
 * GET /hours on the real app (createApp on 127.0.0.1:0, temp folders, an injected clock): the
 * published hours of every route as JSON and as a page, which passes axe in real Chromium.
 */
const dir = mkdtempSync(join(tmpdir(), 'hours-page-'));
const configPath = join(dir, 'practice.json');
writeFileSync(
  configPath,
  JSON.stringify({
    name: 'Riverside <Demo> Surgery',
    odsCode: 'Y00001',
    phone: '0113 496 0000',
    address: { lines: ['1 River Lane'], postcode: 'ZZ1 1ZZ' },
    openingHours: { wednesday: [{ open: '08:00', close: '18:30' }, { open: '18:30', close: '20:00' }], saturday: [{ open: '09:00', close: '12:00' }] },
    phoneHours: { monday: [{ open: '08:00', close: '18:30' }], tuesday: [{ open: '08:00', close: '13:00' }, { open: '14:00', close: '18:30' }] },
    exceptionalClosures: [{ from: '2026-12-10T13:00', until: '2026-12-10T15:00', reason: 'Clinical system outage (staff only)' }],
  }),
);

// Tuesday 8 December 2026, 18:45 GMT: after core hours.
const clock = fixedClock('2026-12-08T18:45:00Z');
let app: App;
let base: string;

beforeAll(async () => {
  app = await createEmbeddedApp({ dataDir: join(dir, 'data'), practiceConfigPath: configPath, contentRoot: projectRoot, clock, logger: pino({ level: 'silent' }), deliveryIntervalMs: 0 });
  base = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /hours (JSON)', () => {
  test('gives the online hours, core hours, phone hours, phone number, next opening and closures, without the closure reason', async () => {
    for (const res of [await fetch(`${base}/hours.json`), await fetch(`${base}/hours`, { headers: { Accept: 'application/json' } })]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const h = (await res.json()) as Record<string, Record<string, unknown>>;
      expect(h.practice).toEqual({ name: 'Riverside <Demo> Surgery', odsCode: 'Y00001', phone: '0113 496 0000' });
      expect(h.online).toMatchObject({ openNow: false, nextOpening: '2026-12-09T08:00:00.000Z', outsideHours: 'queue', closedUntil: null });
      expect((h.online?.hours as Record<string, unknown>).monday).toEqual([{ open: '08:00', close: '18:30' }]);
      expect(h.coreHours).toEqual({ days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], open: '08:00', close: '18:30', exceptBankHolidays: true });
      expect((h.phone?.hours as Record<string, unknown>).tuesday).toHaveLength(2);
      expect(h.closures).toEqual([{ from: '2026-12-10T13:00', until: '2026-12-10T15:00' }]);
      expect(JSON.stringify(h)).not.toContain('outage');
    }
  });

  test('the exceptional closure was logged and written to the audit log at start-up, with its reason', async () => {
    const entries = (await app.store.audit.read()).filter((e) => e.action === 'closure.configured');
    expect(entries).toEqual([
      {
        at: '2026-12-08T18:45:00.000Z',
        actor: 'system',
        action: 'closure.configured',
        detail: { from: '2026-12-10T13:00', until: '2026-12-10T15:00', reason: 'Clinical system outage (staff only)', timeZone: 'Europe/London', inForce: false },
      },
    ]);
  });

  test('is never stale across an opening: closed at 07:59:30, open at 08:00 (well inside the minute the answer is kept)', async () => {
    const openNow = async () => ((await (await fetch(`${base}/hours.json`)).json()) as { online: { openNow: boolean } }).online.openNow;
    clock.set('2026-12-09T07:59:30Z');
    expect(await openNow()).toBe(false);
    clock.set('2026-12-09T08:00:00Z');
    expect(await openNow()).toBe(true);
    clock.set('2026-12-08T18:45:00Z');
    expect(await openNow()).toBe(false);
  });

  test('says when an exceptional closure ends while it is in force', async () => {
    clock.set('2026-12-10T13:30:00Z');
    const h = (await (await fetch(`${base}/hours.json`)).json()) as { online: Record<string, unknown> };
    expect(h.online).toMatchObject({ openNow: false, closedUntil: '2026-12-10T15:00:00.000Z', nextOpening: '2026-12-10T15:00:00.000Z' });
    clock.set('2026-12-08T18:45:00Z');
  });
});

describeBrowser('GET /hours (page) in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('is a page with a heading, a table per route with row headers, a tel: link, and passes axe (WCAG 2.2 AA)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${base}/hours`);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Opening hours: Riverside <Demo> Surgery');
    await expect(page.getByRole('status').textContent()).resolves.toBe('The online service is closed now. It opens tomorrow at 8am.');
    await expect(page.getByRole('link', { name: '0113 496 0000' }).getAttribute('href')).resolves.toBe('tel:01134960000');
    const online = page.getByRole('table', { name: 'Times you can send a request online' });
    await expect(online.getByRole('row', { name: /Wednesday/ }).textContent()).resolves.toBe('Wednesday8am–8pm');
    await expect(online.getByRole('row', { name: /Sunday/ }).textContent()).resolves.toBe('SundayClosed');
    await expect(page.getByRole('table', { name: 'Times you can phone the practice' }).getByRole('row', { name: /Tuesday/ }).textContent()).resolves.toBe(
      'Tuesday8am–1pm, 2pm–6:30pm',
    );
    await expect(page.getByText('Closed from Thursday at 1pm until Thursday at 3pm').count()).resolves.toBe(1);
    await expectNoAxeViolations(page, 'hours page');
    await context.close();
  });

  test('in another language and direction (Arabic), and still passes axe', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/hours?lang=ar`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ar');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('مواعيد العمل');
    await expectNoAxeViolations(page, 'hours page (ar)');
    await context.close();
  });
});
