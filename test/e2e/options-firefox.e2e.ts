/**
 * The options page in Firefox ESR (WebDriver BiDi, puppeteer-core): a custom
 * term saved there is on the next card the popup shows, with its quote, and
 * the page renders (screenshot to test/output/).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT, serveFixtures } from './helpers';
import { gotoExtensionPage, launchFirefox, until } from './firefox-helpers';

const UUID = '0b6c5d4e-3f2a-4b1c-8d9e-7f6a5b4c3d2e';
const EXT = `moz-extension://${UUID}`;
const QUOTE = 'geographical location calibration report data accuracy';

declare const browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

let ff: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  ff = await launchFirefox(UUID, { width: 900 });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await ff?.close();
  server?.close();
});

describe('Firefox: the options page', () => {
  it('a custom term saved on the options page is on the next card, with its quote', async () => {
    const options = await ff.newPage();
    await gotoExtensionPage(options, `${EXT}/src/options/index.html`);
    await until(
      options,
      () => document.querySelector('#ui-language:not([disabled])') !== null,
      'the settings to load',
    );
    expect(await options.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
      'PolicyLens settings',
    );
    await options.screenshot({ path: join(OUTPUT, 'options-firefox-en.png'), fullPage: true });

    // Fill the form as a user would (events the page listens to).
    await options.evaluate(() => {
      const target = document.querySelector<HTMLSelectElement>('#term-target')!;
      target.value = 'health';
      target.dispatchEvent(new Event('change', { bubbles: true }));
      const pattern = document.querySelector<HTMLInputElement>('#term-pattern')!;
      pattern.value = 'calibration';
      pattern.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.evaluate(() => document.querySelector<HTMLButtonElement>('#term-add')!.click());
    await until(
      options,
      () =>
        document.querySelectorAll('#term-list li').length === 1 &&
        document.querySelector('.save-bar .saved') !== null,
      'the term to be saved',
    );

    const page = await ff.newPage();
    await page.goto(`${base}/seed-003.html`);
    const probe = await ff.newPage();
    await gotoExtensionPage(probe, `${EXT}/src/options/index.html`);
    const url = `${base}/seed-003.html`;
    const tabId = await probe.evaluate(
      async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id,
      url,
    );
    await probe.close();
    expect(typeof tabId).toBe('number');
    const popup = await ff.newPage();
    await gotoExtensionPage(popup, `${EXT}/src/popup/index.html?tabId=${tabId}`);
    await until(
      popup,
      () => document.querySelector('main.popup')?.getAttribute('data-state') === 'card',
      'the card',
    );
    const sensitive = await popup.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('[data-area="sensitive"] .area-toggle')?.click();
      await new Promise((r) => setTimeout(r, 0));
      return document.querySelector('[data-area="sensitive"]')?.textContent ?? '';
    });
    expect(sensitive).toContain(QUOTE);
    await popup.close();
    await page.close();
    await options.close();
  });
});
