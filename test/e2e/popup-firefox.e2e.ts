/**
 * Issue #6 in real Firefox ESR (WebDriver BiDi): a quote of the card leads to
 * its passage in the page, marked and scrolled to; Escape in the page clears it.
 */
import type { Server } from 'node:http';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixtures } from './helpers';
import { gotoExtensionPage, launchFirefox } from './firefox-helpers';

const UUID = '0b7c4f1e-2d3a-4c5b-8e6f-7a8b9c0d1e2f';
const EXT = `moz-extension://${UUID}`;
const MARK = 'mark[data-policylens-highlight]';

declare const browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

let ff: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  ff = await launchFirefox(UUID);
});

afterAll(async () => {
  await ff?.close();
  server?.close();
});

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  let v = await probe();
  while (!ok(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    v = await probe();
  }
  return v;
}

describe('Firefox: a quote leads to its passage in the page', () => {
  it('seed-001: SDK quote marked and scrolled to, Escape clears it', async () => {
    const page = await ff.newPage();
    const url = `${base}/seed-001.html`;
    await page.goto(url);
    const textBefore = await page.evaluate(() => document.body.textContent);
    const popup = await ff.newPage();
    await gotoExtensionPage(popup, `${EXT}/src/options/index.html`);
    const tabId = await popup.evaluate(
      async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    expect(typeof tabId).toBe('number');
    await gotoExtensionPage(popup, `${EXT}/src/popup/index.html?tabId=${tabId}`);
    const state = await until(
      () => popup.evaluate(() => document.querySelector('main.popup')?.getAttribute('data-state')),
      (s) => s === 'card' || s === 'error' || s === 'not-policy',
    );
    expect(state).toBe('card');

    const quote = await popup.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('[data-area="sdks"] .area-toggle')?.click();
      await new Promise((r) => setTimeout(r, 0));
      const q = [...document.querySelectorAll<HTMLButtonElement>('[data-area="sdks"] button.quote')]
        .filter((b) => !(b.textContent ?? '').includes(' | '))
        .at(0);
      q?.click();
      return q?.textContent ?? '';
    });
    expect(quote.length).toBeGreaterThan(10);
    const got = await until(
      () =>
        page.evaluate((sel) => {
          const marks = [...document.querySelectorAll(sel)];
          const r = marks[0]?.getBoundingClientRect();
          return {
            text: marks
              .map((m) => m.textContent)
              .join(' ')
              .replace(/\s+/g, ' ')
              .trim(),
            onScreen: r !== undefined && r.top >= 0 && r.bottom <= innerHeight,
          };
        }, MARK),
      (v) => v.text.length > 0,
    );
    expect(got.text).toBe(quote.replace(/\s+/g, ' ').trim());
    expect(got.onScreen).toBe(true);

    await page.bringToFront();
    await page.keyboard.press('Escape');
    const left = await until(
      () => page.evaluate((sel) => document.querySelectorAll(sel).length, MARK),
      (n) => n === 0,
    );
    expect(left).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
    await popup.close();
    await page.close();
  });
});
