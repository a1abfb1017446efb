/**
 * Free on every other page: the shipped build's background is not started by
 * the pages a user opens. Tab events start a stopped service worker for every
 * page load in every tab, so the background listens to them only while it
 * keeps a card (whose tab's navigation must drop it) or automatic detection is
 * on. Stopping the worker here is what Chromium does after 30 s without events
 * (DevTools ServiceWorker.stopAllWorkers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backgroundStopper,
  launchWithButton,
  pressToolbarButton,
  readToolbarPopup,
  waitForNoPopup,
} from '../../scripts/toolbar';
import { ensureShippedBuilds, serveFixtures, SHIPPED } from './helpers';

declare const chrome: {
  storage: { session: { get(k: null): Promise<Record<string, unknown>> } };
};

/** Longer than the background's wait before it decides to stop listening (1 s). */
const SETTLE_MS = 1500;

let server: Server;
let base: string;
let profile: string;
let context: BrowserContext;
let extId: string;
let probe: Page;
let stopBackground: () => Promise<void>;

beforeAll(async () => {
  ensureShippedBuilds();
  ({ server, base } = await serveFixtures());
  profile = mkdtempSync(join(tmpdir(), 'policylens-wake-'));
  ({ context, extId, probe } = await launchWithButton(chromium, SHIPPED.chrome, profile));
  // a plain page of ours to drive the DevTools protocol from (extension pages close with the worker)
  const driver = await context.newPage();
  await driver.goto(`${base}/login.html`);
  stopBackground = await backgroundStopper(driver, 10_000);
});

afterAll(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Is the extension's service worker running now? */
async function backgroundRunning(): Promise<boolean> {
  const browserCdp = await context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await browserCdp.send('Target.getTargets')) as unknown as {
      targetInfos: { type: string; url: string }[];
    };
    return targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(extId));
  } finally {
    await browserCdp.detach();
  }
}

async function visit(page: Page, names: string[]): Promise<void> {
  for (const name of names) {
    await page.goto(`${base}/${name}`);
    await page.waitForTimeout(200);
  }
}

describe('Chromium: the background is not started by the pages a user opens', () => {
  it('stays stopped while pages load, listens while a card is kept, and stops listening once it is dropped', async () => {
    // Started with the browser, holding no card: it stops listening after the settle time.
    await probe.waitForTimeout(SETTLE_MS);
    await stopBackground();
    const page = await context.newPage();
    await visit(page, ['news-article.html', 'shop-product.html', 'seed-003.html']);
    await page.waitForTimeout(500);
    expect(await backgroundRunning()).toBe(false);

    // The reader presses the button on a policy: the popup starts the background and gets a card.
    await page.goto(`${base}/seed-004.html`);
    await page.bringToFront();
    await pressToolbarButton(context, extId, `${base}/seed-004.html`);
    const seen = await readToolbarPopup(probe);
    expect(seen.state, seen.text).toBe('card');
    await waitForNoPopup(probe);
    await page.waitForTimeout(SETTLE_MS); // the card's session copy is written, then the settle time

    // With a card kept, leaving its page starts the background, which drops the card.
    await stopBackground();
    await visit(page, ['news-article.html']);
    await expect.poll(backgroundRunning, { timeout: 10_000 }).toBe(true);
    const worker = context.serviceWorkers().at(-1)!;
    await expect
      .poll(
        async () =>
          Object.keys(await worker.evaluate(() => chrome.storage.session.get(null))).filter((k) =>
            k.startsWith('card:'),
          ),
        { timeout: 10_000 },
      )
      .toEqual([]);

    // No card left: page loads no longer start it.
    await page.waitForTimeout(SETTLE_MS);
    await stopBackground();
    await visit(page, ['shop-product.html', 'seed-000.html']);
    await page.waitForTimeout(500);
    expect(await backgroundRunning()).toBe(false);
    await page.close();
  });
});
