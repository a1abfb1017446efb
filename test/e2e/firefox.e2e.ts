/**
 * The same click flow in real Firefox ESR over WebDriver BiDi (puppeteer-core):
 * the extension is installed temporarily, its moz-extension UUID is pinned by
 * a pref, and the popup page is opened in a tab with ?tabId=.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureTitle,
  NON_POLICY_FIXTURES,
  OUTPUT,
  POLICY_FIXTURES,
  serveFixtures,
} from './helpers';
import { gotoExtensionPage, launchFirefox, openAllAreas, tabIdOf, until } from './firefox-helpers';

const UUID = '6f1d2c3b-4a5e-4f60-9a7b-8c9d0e1f2a3b';
const EXT = `moz-extension://${UUID}`;

/** The extension APIs the tests call inside extension pages. */
declare const browser: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string }): Promise<{ id?: number }>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string>; openPopup(): Promise<void> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

interface StoredCard {
  url?: string;
  card?: { source?: { title?: string }; score: { grade: string } };
}

let ff: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  ff = await launchFirefox(UUID, {
    // Lets the test open the real toolbar popup with action.openPopup().
    prefs: { 'extensions.openPopupWithoutUserGesture.enabled': true },
  });
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await ff?.close();
  server?.close();
});

interface PopupView {
  state: string;
  cached: string | null;
  title: string;
  grade: string | null;
  sensitiveItems: number;
  areas: string[];
  sdkText: string;
  links: string[];
  anyway: boolean;
  text: string;
}

async function openPopup(tabId: number): Promise<{ popup: Page; view: PopupView }> {
  const popup = await ff.newPage();
  await gotoExtensionPage(popup, `${EXT}/src/popup/index.html?tabId=${tabId}`);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const state = await popup.evaluate(
      () => document.querySelector('main.popup')?.getAttribute('data-state') ?? 'none',
    );
    if (state !== 'loading' && state !== 'none') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await openAllAreas(popup);
  const view = await popup.evaluate(() => {
    const main = document.querySelector('main.popup');
    return {
      state: main?.getAttribute('data-state') ?? 'none',
      cached: main?.getAttribute('data-cached') ?? null,
      title: document.querySelector('[data-testid="policy-title"]')?.textContent?.trim() ?? '',
      grade: document.querySelector('.grade')?.getAttribute('data-grade') ?? null,
      sensitiveItems: document.querySelectorAll('[data-area="sensitive"] .items > li').length,
      areas: Array.from(document.querySelectorAll('[data-area]')).map(
        (a) => a.getAttribute('data-area') ?? '',
      ),
      sdkText: document.querySelector('[data-area="sdks"]')?.textContent ?? '',
      links: Array.from(document.querySelectorAll('.policy-link')).map(
        (a) => a.getAttribute('data-href') ?? '',
      ),
      anyway: document.querySelector('.analyse-anyway') !== null,
      text: main?.textContent ?? '',
    };
  });
  return { popup, view };
}

describe('Firefox: popup on policy pages', () => {
  for (const name of POLICY_FIXTURES) {
    it(`shows a card for ${name}`, async () => {
      const page = await ff.newPage();
      const url = `${base}/${name}.html`;
      await page.goto(url);
      const tabId = await tabIdOf(ff, EXT, url);
      await page.bringToFront();
      const { popup, view } = await openPopup(tabId);
      expect(view.state, view.text).toBe('card');
      expect(view.title).toBe(fixtureTitle(name));
      expect(view.grade).toMatch(/^[A-E]$/);
      expect(view.sensitiveItems).toBeGreaterThan(0);
      expect(view.areas).toEqual(['sensitive', 'sdks', 'retention', 'optout', 'sharing']);
      if (name === 'seed-001') {
        expect(view.sdkText).toContain('Umeng');
        expect(view.sdkText).toContain('Pangle');
      }
      if (name === 'seed-001' || name === 'seed-002') {
        await popup.screenshot({ path: join(OUTPUT, `popup-firefox-${name}.png`) });
      }
      // The badge follows the card (it does not hold up the answer).
      await expect
        .poll(() => popup.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId))
        .toBe(view.grade);
      await popup.close();
      const again = await openPopup(tabId);
      expect(again.view.cached).toBe('true');
      expect(again.view.grade).toBe(view.grade);
      await again.popup.close();
      await page.close();
    });
  }
});

describe('Firefox: popup on pages that are not policies', () => {
  for (const { name, policy } of NON_POLICY_FIXTURES) {
    it(`offers the policy link on ${name}`, async () => {
      const page = await ff.newPage();
      const url = `${base}/${name}.html`;
      await page.goto(url);
      const tabId = await tabIdOf(ff, EXT, url);
      const { popup, view } = await openPopup(tabId);
      expect(view.state, view.text).toBe('not-policy');
      expect(view.links).toContain(`${base}/${policy}`);
      expect(view.anyway).toBe(true);
      await popup.evaluate((href) => {
        document.querySelector<HTMLButtonElement>(`.policy-link[data-href="${href}"]`)?.click();
      }, `${base}/${policy}`);
      await page.waitForFunction((u) => location.href === u, {}, `${base}/${policy}`);
      await popup.close();
      await page.close();
    });
  }
});

describe('Firefox: the real toolbar popup', () => {
  it('opened with action.openPopup(), analyses the active tab and leaves its grade on the badge', async () => {
    const page = await ff.newPage();
    const url = `${base}/seed-003.html`;
    await page.goto(url);
    const tabId = await tabIdOf(ff, EXT, url);
    await page.bringToFront();
    // An extension page in a background tab opens the popup of the active window.
    const probe = await ff.newPage();
    await gotoExtensionPage(probe, `${EXT}/src/options/index.html`);
    await page.bringToFront();
    const opened = await probe.evaluate(() =>
      browser.action.openPopup().then(
        () => 'ok',
        (e: unknown) => String(e),
      ),
    );
    expect(opened).toBe('ok');
    let stored: StoredCard = {};
    for (let i = 0; i < 300 && !stored.card; i++) {
      await new Promise((r) => setTimeout(r, 100));
      stored = await probe.evaluate(
        async (id) =>
          ((await browser.storage.session.get(`card:${id}`))[`card:${id}`] ?? {}) as StoredCard,
        tabId,
      );
    }
    expect(stored.url).toBe(url);
    expect(stored.card?.source?.title).toBe(fixtureTitle('seed-003'));
    await expect
      .poll(() => probe.evaluate((id) => browser.action.getBadgeText({ tabId: id }), tabId))
      .toBe(stored.card?.score.grade);
    await probe.close();
    await page.close();
  });
});

describe('Firefox: errors and choices', () => {
  it('shows a clear error when the page cannot be injected', async () => {
    // The test build may read http://127.0.0.1/* only: "localhost" has no access.
    const page = await ff.newPage();
    const url = `${base.replace('127.0.0.1', 'localhost')}/seed-000.html`;
    await page.goto(url);
    const { popup, view } = await openPopup(await tabIdOf(ff, EXT, url));
    expect(view.state, view.text).toBe('error');
    expect(view.text).toContain('could not read this page');
    await popup.close();
    await page.close();
  });

  it('"Analyse anyway" turns a non-policy page into a card', async () => {
    const page = await ff.newPage();
    const url = `${base}/shop-product.html`;
    await page.goto(url);
    const { popup, view } = await openPopup(await tabIdOf(ff, EXT, url));
    expect(view.state).toBe('not-policy');
    await popup.evaluate(() =>
      document.querySelector<HTMLButtonElement>('.analyse-anyway')?.click(),
    );
    await until(
      popup,
      () => document.querySelector('main.popup')?.getAttribute('data-state') === 'card',
      'the card',
    );
    const title = await popup.evaluate(
      () => document.querySelector('[data-testid="policy-title"]')?.textContent,
    );
    expect(title).toBe(fixtureTitle('shop-product'));
    await popup.close();
    await page.close();
  });
});

describe('Firefox: pages extensions may not read', () => {
  it('says so for about: pages', async () => {
    const probe = await ff.newPage();
    await gotoExtensionPage(probe, `${EXT}/src/options/index.html`);
    const tabId = await probe.evaluate(
      async () => (await browser.tabs.create({ url: 'about:blank' })).id,
    );
    await probe.close();
    const { popup, view } = await openPopup(tabId ?? -1);
    expect(view.state).toBe('restricted');
    await popup.close();
  });
});
