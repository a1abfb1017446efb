/** Shared pieces of the Firefox end-to-end tests (puppeteer-core over WebDriver BiDi). */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { buildTestExtension } from './helpers';

/** The add-on id of the Firefox build (manifest browser_specific_settings.gecko.id). */
export const GECKO_ID = 'policylens@policylens.local';

/**
 * Open an extension page. BiDi does not report load events for pages in the
 * extension process, so start the navigation and poll the document instead.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await page
      .evaluate(() => `${location.href} ${document.readyState}`)
      .catch(() => '');
    if (ready === `${url} complete`) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`extension page did not load: ${url}`);
}

/**
 * Firefox ESR, headless, with the test build of the extension installed and
 * its moz-extension UUID pinned to `uuid` (each test file uses its own), so
 * tests can open moz-extension://UUID/... pages.
 */
export async function launchFirefox(
  uuid: string,
  opts: { width?: number; prefs?: Record<string, unknown> } = {},
): Promise<Browser> {
  const ext = buildTestExtension('firefox');
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    // BiDi refuses to navigate to moz-extension: pages without this flag.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: opts.width ?? 460, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      ...opts.prefs,
    },
  });
  await ff.installExtension(ext);
  return ff;
}

declare const browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** The tab id of the tab showing `url`, asked from an extension page of `extBase` (moz-extension://UUID). */
export async function tabIdOf(ff: Browser, extBase: string, url: string): Promise<number> {
  const probe = await ff.newPage();
  await gotoExtensionPage(probe, `${extBase}/src/options/index.html`);
  const id = await probe.evaluate(async (u) => {
    const tabs = await browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  await probe.close();
  if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
  return id;
}

/** Poll the page until `check` holds there (BiDi in an extension page: no waitForFunction, CSP forbids it). */
export async function until(page: Page, check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await page.evaluate(check).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Open every closed area of the card, as a reader would: a closed area draws its items when opened. */
export async function openAllAreas(popup: Page): Promise<void> {
  await popup.evaluate(async () => {
    for (const b of document.querySelectorAll<HTMLButtonElement>(
      '.area-toggle[aria-expanded="false"]',
    ))
      b.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}
