/**
 * The options page in real Debian Chromium (issue #7): custom terms reach the
 * popup's card with their quote, a disabled data type leaves it, export ->
 * reset -> import gives back the same settings, a broken file changes nothing
 * and lists its problems. Screenshots (English, Chinese) go to test/output/.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  OUTPUT,
  serveFixtures,
  seriousAxeViolations,
  tabIdOf,
  type Browser,
} from './helpers';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>> };
    sync: { set(items: object): Promise<void>; clear(): Promise<void> };
    local: { clear(): Promise<void> };
  };
};

interface StoredCard {
  sensitiveData: { type: string; evidence: { quote: string }[] }[];
}

/** A word of seed-003 that no built-in rule reads as health data. */
const FIXTURE = 'seed-003';
const TERM = 'calibration';
const QUOTE = 'geographical location calibration report data accuracy';

let browser: Browser;
let context: BrowserContext;
let server: Server;
let base: string;
let extId: string;
let work: string;

beforeAll(async () => {
  ({ server, base } = await serveFixtures());
  work = mkdtempSync(join(tmpdir(), 'policylens-options-files-'));
  browser = await launchChromium({
    prefix: 'policylens-options',
    acceptDownloads: true,
    width: 900,
  });
  ({ context, extId } = browser);
  mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const optionsUrl = () => `chrome-extension://${extId}/src/options/index.html`;

async function openOptions(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(optionsUrl());
  await page.waitForSelector('#ui-language:not([disabled])');
  return page;
}

/** Replace everything stored with these sync items (from a page that is closed again). */
async function storeRaw(items: Record<string, unknown>): Promise<void> {
  const probe = await context.newPage();
  await probe.goto(optionsUrl());
  await probe.evaluate(async (set) => {
    await chrome.storage.sync.clear();
    await chrome.storage.local.clear();
    await chrome.storage.sync.set(set);
  }, items);
  await probe.close();
}

/** FNV-1a over UTF-16 code units, as the settings storage writes it. */
function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Wait until the page saved its draft (the debounced save ran). */
async function waitSaved(options: Page): Promise<void> {
  await options.waitForFunction(
    () =>
      document.querySelector('.save-bar .saved') !== null &&
      document.querySelector('.save-bar .pending') === null,
    undefined,
    { timeout: 15_000 },
  );
}

/** Open the popup for a tab; returns it and the card the background cached. */
async function popupCard(page: Page): Promise<{ popup: Page; card: StoredCard; cached: string }> {
  const tabId = await tabIdOf(browser, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup:not([data-state="loading"])', { timeout: 60_000 });
  expect(await popup.getAttribute('main.popup', 'data-state')).toBe('card');
  let card: StoredCard | undefined;
  for (let i = 0; i < 100 && !card; i++) {
    const entry = (await popup.evaluate(
      async (id) => (await chrome.storage.session.get(`card:${id}`))[`card:${id}`],
      tabId,
    )) as { card?: StoredCard } | undefined;
    card = entry?.card;
    if (!card) await new Promise((r) => setTimeout(r, 50));
  }
  if (!card) throw new Error('the background cached no card');
  return { popup, card, cached: (await popup.getAttribute('main.popup', 'data-cached')) ?? '' };
}

/** A whole-page picture; the viewport is made as tall as the page so the sticky save bar sits at its end. */
async function screenshot(page: Page, name: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const before = page.viewportSize()!;
  await page.setViewportSize({ width: before.width, height });
  await page.screenshot({ path: join(OUTPUT, name) });
  await page.setViewportSize(before);
}

async function exportFile(options: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.click('#export'),
  ]);
  expect(download.suggestedFilename()).toMatch(/^policylens-settings-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(work, name);
  await download.saveAs(path);
  return path;
}

/** An exported file without its time stamp. */
function withoutTime(path: string): Record<string, unknown> {
  const { exportedAt, ...rest } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  expect(typeof exportedAt).toBe('string');
  return rest;
}

describe('Chromium: the options page', () => {
  it('shows the page in English with labelled controls and no serious axe violations', async () => {
    const options = await openOptions();
    expect(await options.textContent('h1')).toBe('PolicyLens settings');
    expect(await options.locator('table.types tbody tr').count()).toBeGreaterThan(10);
    await screenshot(options, 'options-chromium-en.png');
    expect(await seriousAxeViolations(options)).toEqual([]);
    await options.close();
  });

  it('refuses a pattern that could freeze the page, in words next to the field', async () => {
    const options = await openOptions();
    await options.check('#term-regex');
    await options.fill('#term-pattern', '(a+)+$');
    const error = options.locator('#term-pattern-error');
    await error.waitFor();
    expect((await error.textContent())?.length).toBeGreaterThan(10);
    expect(await options.getAttribute('#term-pattern', 'aria-invalid')).toBe('true');
    await options.click('#term-add');
    expect(await options.locator('#term-list li').count()).toBe(0);
    await options.close();
  });

  it('a custom term shows up on the card with its quote; a disabled type leaves it', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/${FIXTURE}.html`);
    const before = await popupCard(page);
    const typesBefore = before.card.sensitiveData.map((d) => d.type);
    expect(typesBefore).not.toContain('health');
    expect(typesBefore).toContain('location');
    await before.popup.close();

    const options = await openOptions();
    await options.selectOption('#term-area', 'data-type');
    await options.selectOption('#term-target', 'health');
    await options.fill('#term-pattern', TERM);
    // Try it first, on a sample and on the last analysed page (the fixture).
    await options.fill('#try-sample', 'We run a Calibration of <b>sensors</b>.');
    await options.waitForSelector('#try-result mark');
    expect(await options.textContent('#try-result mark')).toBe('Calibration');
    expect(await options.locator('#try-result b').count()).toBe(0);
    await options.click('#try-last');
    await options.waitForFunction(
      () => document.querySelector('#try-result .try-count')?.getAttribute('data-count') === '1',
    );
    expect(await options.textContent('#try-result li')).toContain(QUOTE);
    await options.click('#term-add');
    expect(await options.locator('#term-list li').count()).toBe(1);
    await waitSaved(options);

    // The same tab again: its cached card was dropped when the settings changed.
    const after = await popupCard(page);
    expect(after.cached).toBe('false');
    const health = after.card.sensitiveData.find((d) => d.type === 'health');
    expect(health?.evidence.some((e) => e.quote.includes(QUOTE))).toBe(true);
    await after.popup.click('[data-area="sensitive"] .area-toggle');
    expect(await after.popup.textContent('[data-area="sensitive"]')).toContain(QUOTE);
    await after.popup.close();

    await options.uncheck('#type-on-location');
    await waitSaved(options);
    const off = await popupCard(page);
    expect(off.cached).toBe('false');
    expect(off.card.sensitiveData.map((d) => d.type)).not.toContain('location');
    expect(off.card.sensitiveData.map((d) => d.type)).toContain('health');
    await off.popup.close();
    await options.close();
    await page.close();
  });

  it('export, reset, import gives back the same settings; a broken file changes nothing', async () => {
    const options = await openOptions();
    // Something in every part of the settings.
    await options.fill('#sdk-name', 'Acme Insight');
    await options.fill('#sdk-aliases', 'AcmeSDK, 艾克米统计');
    await options.fill('#sdk-vendor', 'Acme Ltd');
    await options.selectOption('#sdk-category', 'ads');
    await options.click('#sdk-add');
    await options.selectOption('#type-severity-device-id', 'high');
    await options.fill('#w-thresholds-A', '85');
    await waitSaved(options);
    const first = await exportFile(options, 'first.json');
    const exported = withoutTime(first);
    expect(exported.disabledTypes).toEqual(['location']);
    expect(JSON.stringify(exported.customSdks)).toContain('艾克米统计');

    await options.click('#reset');
    await options.click('#reset-confirm');
    await options.waitForFunction(
      () => (document.querySelector('#type-on-location') as HTMLInputElement | null)?.checked,
    );
    expect(await options.locator('#term-list li').count()).toBe(0);
    expect(await options.inputValue('#w-thresholds-A')).toBe('80');
    const defaults = withoutTime(await exportFile(options, 'defaults.json'));
    expect(defaults).not.toEqual(exported);

    await options.setInputFiles('#import-file', first);
    await options.waitForSelector('#import-done');
    expect(await options.locator('#term-list li').count()).toBe(1);
    expect(withoutTime(await exportFile(options, 'again.json'))).toEqual(exported);

    // A broken file: every problem listed, nothing changed.
    const broken = join(work, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        schemaVersion: 3,
        disabledTypes: ['location', 'telepathy'],
        weights: { sdk: 500 },
        customTerms: [{ area: 'data-type', target: 'health', pattern: '(a+)+$', regex: true }],
      }),
    );
    await options.setInputFiles('#import-file', broken);
    await options.waitForSelector('#import-errors');
    const problems = await options.locator('#import-errors li').allTextContents();
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(problems.join('\n')).toContain('telepathy');
    expect(problems.join('\n')).toContain('weights.sdk');
    expect(problems.join('\n')).toContain('customTerms[0].pattern');
    await screenshot(options, 'options-chromium-en-import-errors.png');
    await options.reload();
    await options.waitForSelector('#ui-language:not([disabled])');
    expect(withoutTime(await exportFile(options, 'after-broken.json'))).toEqual(exported);

    await options.setInputFiles('#import-file', {
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await options.waitForSelector('#import-errors');
    expect(await options.textContent('#import-errors')).toContain('not valid JSON');
    await options.close();
  });

  it('switches to Chinese', async () => {
    const options = await openOptions();
    await options.selectOption('#ui-language', 'zh_CN');
    await options.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'PolicyLens 设置',
    );
    expect(await options.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await options.textContent('#h-types')).toBe('敏感数据类型');
    await screenshot(options, 'options-chromium-zh.png');
    await options.selectOption('#ui-language', 'auto');
    await options.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'PolicyLens settings',
    );
    await options.close();
  });

  it('says when stored settings were damaged and offers the kept copy', async () => {
    const text = '{"schemaVersion":3,"language":"en"';
    await storeRaw({
      'settings.manifest': {
        schemaVersion: 3,
        location: 'sync',
        chunks: 1,
        length: text.length,
        hash: textHash(text),
      },
      'settings.0': text,
    });
    const options = await openOptions();
    await options.waitForSelector('#notices');
    expect(await options.textContent('#notices')).toContain('could not be used');
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.click('#broken-download'),
    ]);
    const path = join(work, 'damaged.json');
    await download.saveAs(path);
    expect(readFileSync(path, 'utf8')).toContain(JSON.stringify(text));
    await options.click('#broken-discard');
    await options.waitForSelector('#notices', { state: 'detached' });
    await options.close();
  });

  it('reads the language the very first builds stored under "uiLanguage"', async () => {
    await storeRaw({ uiLanguage: 'zh_CN' });
    const options = await openOptions();
    expect(await options.textContent('h1')).toBe('PolicyLens 设置');
    expect(await options.inputValue('#ui-language')).toBe('zh_CN');
    await options.selectOption('#ui-language', 'auto');
    await options.waitForFunction(
      () => document.querySelector('h1')?.textContent === 'PolicyLens settings',
    );
    await options.close();
  });
});
