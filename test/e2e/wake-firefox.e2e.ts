/**
 * Free on every other page, in Firefox: the pages a user opens do not start a
 * stopped background. Firefox keeps the listeners an event page adds while its
 * script first runs and starts the page again for their events even after they
 * were removed (measured: a build that removed them 1 s after the start was
 * started by every page load), so the background adds its tab listeners at the
 * start only when automatic detection is on. Turned on while it runs, the
 * background starts its script again so that they persist: with detection on,
 * a policy page opened after the background stopped is analysed on load.
 * The idle timeout is lowered from 30 s to 1.5 s (extensions.background.idle.timeout).
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFixtures } from './helpers';
import { gotoExtensionPage, launchFirefox, tabIdOf, until } from './firefox-helpers';

const UUID = '5e1f0a9b-2c3d-4e5f-8a7b-6c5d4e3f2a1b';
const EXT = `moz-extension://${UUID}`;
const BACKGROUND = `${EXT}/_generated_background_page.html`;
/** Longer than the background's wait before it decides what to listen to (1 s). */
const SETTLE_MS = 1500;

declare const browser: {
  extension: { getViews(): { location: { href: string } }[] };
  storage: { session: { get(k: string): Promise<Record<string, unknown>> } };
};

let ff: Browser;
let server: Server;
let base: string;
/** An extension page, to look at the extension's views from (it does not keep the background alive). */
let probe: Page;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  ff = await launchFirefox(UUID, {
    width: 900,
    prefs: {
      'extensions.background.idle.timeout': 1500,
      // grant the optional host access automatic detection asks for without a prompt
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  probe = await ff.newPage();
  await gotoExtensionPage(probe, `${EXT}/src/options/index.html`);
});

afterAll(async () => {
  await ff?.close();
  server?.close();
});

/** Is the event page running now? (Looking at the views does not start it.) */
async function backgroundRunning(): Promise<boolean> {
  const views = await probe.evaluate(() =>
    browser.extension.getViews().map((w) => w.location.href),
  );
  return views.includes(BACKGROUND);
}

async function waitStopped(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (!(await backgroundRunning())) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the background did not stop');
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Firefox: the background and the pages a user opens', () => {
  it('page loads do not start a stopped background', async () => {
    const page = await ff.newPage();
    // The first start after installing added the listeners as it started (it could not
    // know yet): one page load may still start it, which then adds none.
    await waitStopped();
    await page.goto(`${base}/news-article.html`);
    await pause(SETTLE_MS);
    await waitStopped();
    for (const fixture of ['shop-product.html', 'login.html', 'seed-002.html']) {
      await page.goto(`${base}/${fixture}`);
      await pause(SETTLE_MS);
      expect(await backgroundRunning(), fixture).toBe(false);
    }
    await page.close();
  });

  it('with automatic detection turned on, a policy page opened later is analysed on load', async () => {
    // A page of its own (going to the probe's own address again would race its reload).
    const options = await ff.newPage();
    await gotoExtensionPage(options, `${EXT}/src/options/index.html`);
    await until(
      options,
      () => document.querySelector('#auto-detect:not([disabled])') !== null,
      'the settings to load',
    );
    await options.click('#auto-detect');
    await until(
      options,
      () => document.querySelector('.saved') !== null,
      'the setting to be saved',
    );
    await options.close();
    // The background reads the change, starts its script again and then goes idle.
    await pause(SETTLE_MS);
    await waitStopped();
    const page = await ff.newPage();
    const url = `${base}/seed-002.html`;
    await page.goto(url);
    const tabId = await tabIdOf(ff, EXT, url);
    const deadline = Date.now() + 20_000;
    let card: { url?: string } | undefined;
    while (Date.now() < deadline && !card) {
      card = await probe.evaluate(
        async (id) =>
          (await browser.storage.session.get(`card:${id}`))[`card:${id}`] as { url?: string },
        tabId,
      );
      if (!card) await pause(200);
    }
    expect(card?.url).toBe(url);
    await page.close();
  });
});
