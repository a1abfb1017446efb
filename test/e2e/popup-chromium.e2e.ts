/**
 * Issue #6 in real Chromium: the popup's areas unfold, a quote leads to its
 * passage in the page (marked and scrolled to, cleared by Escape), opt-out
 * actions, the Chinese interface, axe-core on the expanded card, screenshots.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  openAllAreas,
  OUTPUT,
  serveFixtures,
  seriousAxeViolations,
  tabIdOf,
  type Browser,
} from './helpers';

const MARK = 'mark[data-policylens-highlight]';

let server: Server;
let base: string;

/** Chromium in one interface language (Linux Chromium takes it from the environment). */
const launch = (lang: 'en-US' | 'zh-CN'): Promise<Browser> =>
  launchChromium({ prefix: `policylens-popup-${lang}`, lang, width: 400, height: 600 });

let en: Browser;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  en = await launch('en-US');
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await en?.close();
  server?.close();
});

/** Open a fixture and its popup (the popup page in a tab, with ?tabId=). */
async function open(b: typeof en, fixture: string): Promise<{ page: Page; popup: Page }> {
  const page = await b.context.newPage();
  await page.goto(`${base}/${fixture}.html`);
  const tabId = await tabIdOf(b, page);
  const popup = await b.context.newPage();
  await popup.goto(`chrome-extension://${b.extId}/src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup:not([data-state="loading"])', { timeout: 60_000 });
  const state = await popup.getAttribute('main.popup', 'data-state');
  expect(state, (await popup.textContent('main.popup')) ?? '').toBe('card');
  return { page, popup };
}

/** Every area and every details element open. */
async function expandAll(popup: Page): Promise<void> {
  await openAllAreas(popup);
  await popup.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
}

/** What the page has marked: the marked text, whitespace collapsed, and whether it is on screen. */
async function marked(page: Page): Promise<{ text: string; count: number; onScreen: boolean }> {
  return page.evaluate((sel) => {
    const marks = [...document.querySelectorAll(sel)];
    const first = marks[0]?.getBoundingClientRect();
    return {
      text: marks
        .map((m) => m.textContent ?? '')
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      count: marks.length,
      onScreen: first !== undefined && first.top >= 0 && first.bottom <= innerHeight,
    };
  }, MARK);
}

/**
 * A screenshot of the whole popup at its width: the page is made as tall as its
 * content first, so no scrollbar narrows it during the capture.
 */
async function shot(popup: Page, file: string): Promise<void> {
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 400, height: Math.min(height, 30_000) });
  await popup.screenshot({ path: join(OUTPUT, file) });
  await popup.setViewportSize({ width: 400, height: 600 });
}

/** Elements that stick out to the right of the 400px popup (none may). */
async function overflowing(popup: Page): Promise<string[]> {
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 400, height: Math.min(height, 30_000) });
  const out = await popup.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
      .filter(
        (el) => el.getClientRects().length > 0 && el.getBoundingClientRect().right > width + 0.5,
      )
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent?.slice(0, 40)}`);
  });
  await popup.setViewportSize({ width: 400, height: 600 });
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const squeeze = (s: string) => s.replace(/\s\|\s/g, ' ').replace(/\s+/g, '');

describe('Chromium: a quote leads to its passage in the page', () => {
  for (const fixture of ['seed-001', 'seed-002']) {
    it(`${fixture}: a quote is marked, scrolled to, replaced by the next, cleared by Escape`, async () => {
      const { page, popup } = await open(en, fixture);
      const textBefore = await page.evaluate(() => document.body.textContent);
      // seed-002 names no SDK (its SDK area says "Not stated"): use its sensitive-data quotes.
      const area = fixture === 'seed-002' ? 'sensitive' : 'sdks';
      if (fixture === 'seed-002') {
        expect(await popup.textContent('[data-area="sdks"] .not-stated')).toBe('Not stated');
      }
      const toggle = popup.locator(`[data-area="${area}"] .area-toggle`);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await popup.locator(`#body-${area}`).isHidden()).toBe(true);
      expect((await toggle.textContent()) ?? '').toMatch(
        area === 'sdks' ? /\d+ SDKs?/ : /\d+ types?/,
      );
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await popup.locator(`#body-${area}`).isVisible()).toBe(true);

      const quotes = popup.locator(`[data-area="${area}"] button.quote`);
      const texts = await quotes.allTextContents();
      expect(texts.length).toBeGreaterThan(0);
      // A sentence of prose: the marked text is exactly the quote.
      const prose = texts.findIndex((q) => !q.includes(' | '));
      expect(prose).toBeGreaterThanOrEqual(0);
      await quotes.nth(prose).click();
      await popup.waitForSelector('.page-status:not(:empty)');
      expect(await popup.textContent('.page-status')).toContain('highlighted');
      let got = await marked(page);
      expect(got.text).toBe(collapse(texts[prose]!));
      expect(got.onScreen).toBe(true);

      // A quote from a table row (cells joined by " | ") spans several elements.
      const row = texts.findIndex((q) => q.includes(' | '));
      if (row >= 0) {
        await quotes.nth(row).click();
        await page.waitForFunction(
          ([sel, want]) =>
            [...document.querySelectorAll(sel!)]
              .map((m) => m.textContent)
              .join('')
              .replace(/\s+/g, '') === want,
          [MARK, squeeze(texts[row]!)],
        );
        got = await marked(page);
        expect(got.count).toBeGreaterThan(1);
        expect(got.onScreen).toBe(true);
      } else {
        // Another prose quote replaces the first highlight.
        const other = texts.findIndex(
          (q, i) => i !== prose && collapse(q) !== collapse(texts[prose]!),
        );
        if (other >= 0) {
          await quotes.nth(other).click();
          await page.waitForFunction(
            ([sel, want]) =>
              [...document.querySelectorAll(sel!)]
                .map((m) => m.textContent)
                .join(' ')
                .replace(/\s+/g, ' ')
                .trim() === want,
            [MARK, collapse(texts[other]!)],
          );
        }
      }

      await page.bringToFront();
      await page.keyboard.press('Escape');
      expect((await marked(page)).count).toBe(0);
      // The page's text is back exactly as it was.
      expect(await page.evaluate(() => document.body.textContent)).toBe(textBefore);
      await popup.close();
      await page.close();
    });
  }

  it('seed-001: a heading of the outline scrolls the page to that heading', async () => {
    const { page, popup } = await open(en, 'seed-001');
    await popup.click('[data-outline] .area-toggle');
    const headings = popup.locator('[data-outline] .heading-link');
    const n = await headings.count();
    expect(n).toBeGreaterThan(3);
    const last = headings.nth(n - 1);
    const heading = (await last.textContent()) ?? '';
    await last.click();
    await page.waitForSelector(MARK);
    const where = await page.evaluate(
      (sel) => document.querySelector(sel)?.closest('h1,h2,h3,h4,h5,h6')?.tagName ?? '',
      MARK,
    );
    expect(where).toMatch(/^H[1-6]$/);
    const got = await marked(page);
    expect(got.text).toBe(collapse(heading));
    expect(got.onScreen).toBe(true);

    // A heading the policy repeats: each outline entry leads to its own heading.
    const names = await headings.allTextContents();
    const twice = names.find((h, i) => names.indexOf(h) !== i)!;
    expect(twice).toBeDefined();
    const whichHeading = () =>
      page.evaluate((sel) => {
        const h = document.querySelector(sel)?.closest('h1,h2,h3,h4,h5,h6');
        return h ? [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].indexOf(h) : -1;
      }, MARK);
    const copies = popup.locator('[data-outline] .heading-link', { hasText: twice });
    await copies.nth(0).click();
    await page.waitForFunction((sel) => document.querySelector(sel) !== null, MARK);
    const first = await whichHeading();
    await copies.nth(1).click();
    await page.waitForFunction(
      ([sel, before]) => {
        const h = document.querySelector(sel!)?.closest('h1,h2,h3,h4,h5,h6');
        return !!h && [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].indexOf(h) !== before;
      },
      [MARK, first] as const,
    );
    expect(await whichHeading()).toBeGreaterThan(first);
    await popup.close();
    await page.close();
  });

  it('a card reused from the cache still leads to the page', async () => {
    const { page, popup } = await open(en, 'seed-002');
    await popup.close();
    const again = await en.context.newPage();
    await again.goto(
      `chrome-extension://${en.extId}/src/popup/index.html?tabId=${await tabIdOf(en, page)}`,
    );
    await again.waitForSelector('main.popup[data-cached="true"]');
    await again.click('[data-area="sensitive"] .area-toggle');
    const quote = again.locator('[data-area="sensitive"] button.quote').first();
    const text = (await quote.textContent()) ?? '';
    await quote.click();
    await again.waitForSelector('.page-status:not(:empty)');
    expect(await again.textContent('.page-status')).toContain('highlighted');
    expect((await marked(page)).text).toBe(collapse(text));
    await again.close();
    await page.close();
  });
});

describe('Chromium: areas, counts, actions', () => {
  it('no-retention: "Not stated" for retention, a route, a mailto request, copy', async () => {
    const { page, popup } = await open(en, 'no-retention');
    const retention = popup.locator('[data-area="retention"]');
    expect(await retention.locator('.not-stated').textContent()).toBe('Not stated');
    expect(await retention.locator('.area-toggle').count()).toBe(0);

    await popup.click('[data-area="optout"] .area-toggle');
    expect(await popup.textContent('[data-area="optout"] .route-text')).toBe(
      'Settings > Account > Privacy',
    );
    const mail = popup.locator('[data-area="optout"] a.mailto').first();
    let href = (await mail.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:privacy@pebblenotes.example?subject=')).toBe(true);
    let url = new URL(href);
    expect(url.searchParams.get('subject')).toBe('Opt-out request: Privacy Policy – Pebble Notes');
    expect(url.searchParams.get('body')).toContain(
      `Privacy Policy – Pebble Notes (${base}/no-retention.html)`,
    );
    await popup.selectOption('[data-area="optout"] select', 'delete');
    href = (await mail.getAttribute('href')) ?? '';
    url = new URL(href);
    expect(url.searchParams.get('subject')).toBe(
      'Request to delete my personal data: Privacy Policy – Pebble Notes',
    );
    expect(url.searchParams.get('body')).toContain('Please delete the personal data');

    const item = popup.locator('[data-area="optout"] li[data-kind="email"]').first();
    await item.locator('button.copy').click();
    await item.locator('.copy-status:text("Copied")').waitFor();
    await popup.close();
    await page.close();
  });

  it('counts first, items grouped by severity and category, keyboard opens an area', async () => {
    const { page, popup } = await open(en, 'seed-001');
    const counts = (await popup.textContent('[data-area="sensitive"] .area-toggle .counts')) ?? '';
    await popup.click('[data-area="sensitive"] .area-toggle');
    const total = await popup.locator('[data-area="sensitive"] .items > li').count();
    const high = await popup.locator('[data-area="sensitive"] li.sev-high').count();
    expect(counts).toBe(`${total} types · ${high} high`);
    // Keyboard: focus the toggle, press Enter.
    await popup.focus('[data-area="sdks"] .area-toggle');
    await popup.keyboard.press('Enter');
    expect(await popup.getAttribute('[data-area="sdks"] .area-toggle', 'aria-expanded')).toBe(
      'true',
    );
    const groups = await popup
      .locator('[data-area="sdks"] .group')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-category')));
    expect(new Set(groups).size).toBe(groups.length);
    expect(groups).toContain('ads');
    // No horizontal scrolling at the popup width.
    await expandAll(popup);
    expect(await overflowing(popup)).toEqual([]);
    await shot(popup, 'popup-en-seed-001-expanded.png');
    await popup.close();
    await page.close();
  });

  it('English screenshot of the folded card (seed-002)', async () => {
    const { page, popup } = await open(en, 'seed-002');
    await popup.click('details.reasons summary');
    await shot(popup, 'popup-en-seed-002.png');
    await popup.close();
    await page.close();
  });
});

describe('Chromium: accessibility of the expanded card (axe-core)', () => {
  for (const fixture of ['seed-001', 'seed-002', 'no-retention']) {
    it(`${fixture}: no serious or critical violations`, async () => {
      const { page, popup } = await open(en, fixture);
      await expandAll(popup);
      expect(await seriousAxeViolations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });
  }
});

describe('Chromium: Chinese interface from the browser language', () => {
  let zh: typeof en;
  beforeAll(async () => {
    zh = await launch('zh-CN');
  });
  afterAll(async () => {
    await zh?.close();
  });

  it('labels, counts and the e-mail request are in Chinese; quotes stay as written', async () => {
    const { page, popup } = await open(zh, 'no-retention');
    expect(await popup.getAttribute('html', 'lang')).toMatch(/^zh/);
    expect(await popup.textContent('#h-sensitive')).toBe('敏感数据');
    expect(await popup.textContent('[data-area="retention"] .not-stated')).toBe('未说明');
    await popup.click('[data-area="optout"] .area-toggle');
    const href = (await popup.getAttribute('[data-area="optout"] a.mailto', 'href')) ?? '';
    const url = new URL(href);
    expect(url.searchParams.get('subject')).toBe(
      '拒绝处理个人信息的请求：Privacy Policy – Pebble Notes',
    );
    expect(url.searchParams.get('body')).toContain('您好');
    const quote =
      (await popup.locator('[data-area="optout"] button.quote').first().textContent()) ?? '';
    expect(quote).toMatch(/[A-Za-z]/);
    await popup.close();
    await page.close();
  });

  it('Chinese screenshot (seed-002, areas open)', async () => {
    const { page, popup } = await open(zh, 'seed-002');
    expect(await popup.textContent('[data-area="sensitive"] .area-toggle .counts')).toMatch(/类/);
    await popup.click('[data-area="sensitive"] .area-toggle');
    await popup.click('[data-area="retention"] .area-toggle');
    expect(await overflowing(popup)).toEqual([]);
    await shot(popup, 'popup-zh-seed-002.png');
    await popup.close();
    await page.close();
  });
});
