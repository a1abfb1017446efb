/**
 * The whole click flow in real Debian Chromium: fixture page in one tab, the
 * popup page (with ?tabId=) in another, assert on what the popup renders.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureTitle,
  launchChromium,
  NON_POLICY_FIXTURES,
  OUTPUT,
  POLICY_FIXTURES,
  serveFixtures,
  tabIdOf,
  type Browser,
  seriousAxeViolations,
} from './helpers';

/** The few extension APIs the tests call inside extension pages. */
declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string }): Promise<{ id?: number }>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; openPopup(): Promise<void> };
  storage: { session: { get(key: string): Promise<Record<string, never>> } };
};

let browser: Browser;
let context: BrowserContext;
let server: Server;
let base: string;
let extId: string;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  browser = await launchChromium({ prefix: 'policylens-chromium' });
  ({ context, extId } = browser);
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openPopupFor(page: Page): Promise<Page> {
  const tabId = await tabIdOf(browser, page);
  await page.bringToFront();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup:not([data-state="loading"])', { timeout: 60_000 });
  return popup;
}

describe('Chromium: popup on policy pages', () => {
  for (const name of POLICY_FIXTURES) {
    it(`shows a card for ${name}`, async () => {
      const page = await context.newPage();
      await page.goto(`${base}/${name}.html`);
      const popup = await openPopupFor(page);
      const state = await popup.getAttribute('main.popup', 'data-state');
      const detail = state === 'card' ? '' : await popup.textContent('main.popup');
      expect(state, detail ?? '').toBe('card');
      expect((await popup.textContent('[data-testid="policy-title"]'))?.trim()).toBe(
        fixtureTitle(name),
      );
      const grade = await popup.getAttribute('.grade', 'data-grade');
      expect(grade).toMatch(/^[A-E]$/);
      // A closed area draws its items when it is opened.
      await popup.click('[data-area="sensitive"] .area-toggle');
      expect(await popup.locator('[data-area="sensitive"] .items > li').count()).toBeGreaterThan(0);
      for (const area of ['sensitive', 'sdks', 'retention', 'optout', 'sharing']) {
        expect(await popup.locator(`[data-area="${area}"]`).count()).toBe(1);
      }
      if (name === 'seed-001') {
        await popup.click('[data-area="sdks"] .area-toggle');
        const sdkText = (await popup.textContent('[data-area="sdks"]')) ?? '';
        expect(sdkText).toContain('Umeng');
        expect(sdkText).toContain('Pangle');
      }
      if (name === 'seed-001' || name === 'seed-002') {
        await popup.screenshot({
          path: join(OUTPUT, `popup-chromium-${name}.png`),
          fullPage: true,
        });
      }
      if (name === 'seed-002') {
        // Accessibility: no serious or critical axe-core violations on the card.
        expect(await seriousAxeViolations(popup)).toEqual([]);
      }
      // The background set the toolbar badge to the grade and cached the card.
      const tabId = await tabIdOf(browser, page);
      // The badge follows the card (it does not hold up the answer).
      await expect
        .poll(() => popup.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
        .toBe(grade);
      const again = await openPopupFor(page);
      expect(await again.getAttribute('main.popup', 'data-cached')).toBe('true');
      expect(await again.getAttribute('.grade', 'data-grade')).toBe(grade);
      await again.close();
      await popup.close();
      await page.close();
    });
  }
});

describe('Chromium: popup on pages that are not policies', () => {
  for (const { name, policy } of NON_POLICY_FIXTURES) {
    it(`offers the policy link on ${name}`, async () => {
      const page = await context.newPage();
      await page.goto(`${base}/${name}.html`);
      const popup = await openPopupFor(page);
      expect(await popup.getAttribute('main.popup', 'data-state')).toBe('not-policy');
      const link = popup.locator(`.policy-link[data-href="${base}/${policy}"]`);
      expect(await link.count()).toBe(1);
      expect(await popup.locator('.analyse-anyway').count()).toBe(1);
      // One click opens the policy in the page's tab.
      await link.click();
      await page.waitForURL(`${base}/${policy}`);
      await popup.close();
      await page.close();
    });
  }
});

describe('Chromium: frames', () => {
  it('reads a policy shown in a same-origin frame and reports the cross-origin one it skipped', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/frames/framed-policy.html`);
    // The framed document must have loaded before the popup reads the page.
    await page.frameLocator('iframe[title="Privacy Policy"]').locator('h1').first().waitFor();
    const popup = await openPopupFor(page);
    const text = (await popup.textContent('main.popup')) ?? '';
    expect(await popup.getAttribute('main.popup', 'data-state'), text).toBe('card');
    await popup.click('[data-area="sensitive"] .area-toggle');
    expect(await popup.locator('[data-area="sensitive"] .items > li').count()).toBeGreaterThan(0);
    expect(await popup.textContent('.popup > details.warnings')).toContain(
      'Skipped 1 embedded frame',
    );
    await popup.close();
    await page.close();
  });
});

describe('Chromium: the real toolbar popup', () => {
  it('opened with action.openPopup(), analyses the active tab and leaves its grade on the badge', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/seed-004.html`);
    await page.bringToFront();
    const tabId = await tabIdOf(browser, page);
    await page.bringToFront();
    const worker = context.serviceWorkers()[0]!;
    // The popup window itself is not a Playwright page; what it did is visible
    // through the background: the cached card and the badge of the active tab.
    await worker.evaluate(() => chrome.action.openPopup());
    let stored: { url?: string; card?: { source?: { title?: string }; score: { grade: string } } } =
      {};
    for (let i = 0; i < 300 && !stored.card; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await worker.evaluate(
        async (id) => (await chrome.storage.session.get(`card:${id}`))[`card:${id}`] ?? {},
        tabId,
      );
    }
    expect(stored.url).toBe(`${base}/seed-004.html`);
    expect(stored.card?.source?.title).toBe(fixtureTitle('seed-004'));
    await expect
      .poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId))
      .toBe(stored.card?.score.grade);

    // Navigating the tab drops its card and clears the badge.
    await page.goto(`${base}/news-article.html`);
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      gone = await worker.evaluate(
        async (id) => (await chrome.storage.session.get(`card:${id}`))[`card:${id}`] === undefined,
        tabId,
      );
      if (!gone) await new Promise((r) => setTimeout(r, 50));
    }
    expect(gone).toBe(true);
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(
      '',
    );
    await page.close();
  });
});

describe('Chromium: choices the user makes', () => {
  it('"Analyse anyway" turns a non-policy page into a card', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/news-article.html`);
    const popup = await openPopupFor(page);
    expect(await popup.getAttribute('main.popup', 'data-state')).toBe('not-policy');
    await popup.click('.analyse-anyway');
    await popup.waitForSelector('main.popup[data-state="card"]');
    expect((await popup.textContent('[data-testid="policy-title"]'))?.trim()).toBe(
      fixtureTitle('news-article'),
    );
    await popup.close();
    await page.close();
  });

  it('the interface language chosen in the options page is used by the popup', async () => {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extId}/src/options/index.html`);
    await options.waitForSelector('#ui-language:not([disabled])');
    await options.selectOption('#ui-language', 'zh_CN');
    await options.waitForSelector('.saved');
    expect(await options.textContent('h1')).toBe('PolicyLens 设置');
    expect(await options.textContent('.saved')).toBe('已保存。');
    await options.reload();
    await options.waitForSelector('#ui-language:not([disabled])');
    expect(await options.inputValue('#ui-language')).toBe('zh_CN');

    const page = await context.newPage();
    await page.goto(`${base}/seed-003.html`);
    const popup = await openPopupFor(page);
    expect(await popup.textContent('#h-sensitive')).toBe('敏感数据');
    expect(await popup.getAttribute('html', 'lang')).toBe('zh-CN');
    await popup.close();

    // Traditional Chinese (Taiwan), in Taiwan words
    await options.selectOption('#ui-language', 'zh_TW');
    await options.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'PolicyLens 設定',
    );
    const twPopup = await openPopupFor(page);
    expect(await twPopup.textContent('#h-sensitive')).toBe('敏感資料');
    expect(await twPopup.getAttribute('html', 'lang')).toBe('zh-TW');
    await twPopup.close();

    await options.selectOption('#ui-language', 'auto');
    await options.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'PolicyLens settings',
    );
    await options.close();
    await page.close();
  });
});

describe('Chromium: when the page cannot be injected', () => {
  it('shows a clear error instead of a card', async () => {
    // The test build may read http://127.0.0.1/* only; the same page on
    // "localhost" has no access, exactly like a tab without activeTab.
    const page = await context.newPage();
    const url = `${base.replace('127.0.0.1', 'localhost')}/seed-000.html`;
    await page.goto(url);
    const tabId = await tabIdOf(browser, page);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`);
    await popup.waitForSelector('main.popup:not([data-state="loading"])');
    expect(await popup.getAttribute('main.popup', 'data-state')).toBe('error');
    expect(await popup.textContent('.notice')).toContain('could not read this page');
    await popup.close();
    await page.close();
  });
});

describe('Chromium: pages extensions may not read', () => {
  it('says so for about:blank and chrome:// pages', async () => {
    for (const url of ['about:blank', 'chrome://version/']) {
      const probe = await context.newPage();
      await probe.goto(`chrome-extension://${extId}/src/options/index.html`);
      const tabId = await probe.evaluate(
        async (u) => (await chrome.tabs.create({ url: u })).id,
        url,
      );
      await probe.close();
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`);
      await popup.waitForSelector('main.popup:not([data-state="loading"])');
      const text = (await popup.textContent('main.popup')) ?? '';
      expect(await popup.getAttribute('main.popup', 'data-state'), text).toBe('restricted');
      expect(await popup.locator('.notice h1').count()).toBe(1);
      await popup.close();
    }
  });
});
