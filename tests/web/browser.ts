import { existsSync } from 'node:fs';
import { describe, expect } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

/** Debian's Chromium, as CI installs it; without it the browser suites skip and say why. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
export const describeBrowser = hasChromium ? describe : describe.skip;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Zero violations against WCAG 2.0–2.2 A and AA. Prints the rule ids when not, so a failure says what to fix. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  if (found.length) console.log(`axe (${label}):\n${found.join('\n')}`);
  expect(found).toEqual([]);
}

/** Presses Tab (or Shift+Tab) until the focused element's accessible text matches; fails after 40 presses. */
export async function tabTo(page: Page, name: string | RegExp, opts: { back?: boolean; frame?: boolean } = {}): Promise<void> {
  const key = opts.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    const label = await page.evaluate(() => {
      let el: Element | null = document.activeElement;
      // Follow focus into a same-origin-or-not iframe: we only read its title then.
      while (el instanceof HTMLIFrameElement && el.contentDocument?.activeElement) el = el.contentDocument.activeElement;
      if (!el) return '';
      const aria = el.getAttribute('aria-label');
      const labelled = el.id ? el.ownerDocument.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
      return (aria ?? labelled ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? label === name : name.test(label)) return;
  }
  throw new Error(`could not reach "${String(name)}" with ${key}`);
}

/** Texts of the messages in the chat log, in order, with the speaker ("bot"/"user"). */
export async function transcript(page: Page): Promise<string[]> {
  return page.$$eval('#log .msg', (els) => els.map((e) => `${e.classList.contains('msg-user') ? 'user' : 'bot'}: ${e.querySelector('.msg-text')?.textContent ?? ''}`));
}
