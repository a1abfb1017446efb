/** Shared pieces of the Firefox end-to-end tests (puppeteer-core over WebDriver BiDi). */
import type { Page } from 'puppeteer-core';

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
