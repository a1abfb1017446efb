/**
 * Security in real Chromium:
 * - zero network: every request of every extension context (service worker,
 *   popup, options page, the content script in the page) while analysing all
 *   fixtures, changing settings and exporting them goes to the extension itself or to the
 *   page's own server, and that server only ever sees the pages we opened;
 * - page text that looks like markup is shown as text and never runs;
 * - a page cannot forge our messages with window.postMessage;
 * - file:// pages without file access give the clear message;
 * - corrupt stored settings give a notice and a kept copy on the options page,
 *   and the popup still analyses.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXT } from '../fixtures/hostile/pages';
import { FIXTURES, NON_POLICY_FIXTURES, openAllAreas, POLICY_FIXTURES } from './helpers';
import {
  launchChromium,
  openPopupFor,
  serveAll,
  tabIdOf,
  watchProblems,
  type Browser,
} from './security-helpers';

declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  runtime?: { sendMessage?: (...args: unknown[]) => unknown };
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>> };
    sync: {
      set(items: Record<string, unknown>): Promise<void>;
      get(keys: null): Promise<Record<string, unknown>>;
      clear(): Promise<void>;
    };
    local: { get(keys: null): Promise<Record<string, unknown>> };
  };
};

let browser: Browser;
let server: Server;
let base: string;
let hits: string[];

beforeAll(async () => {
  ({ server, base, hits } = await serveAll());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

interface Seen {
  url: string;
  from: string;
}

function describeRequest(r: Request): Seen {
  const frame = (() => {
    try {
      return r.frame().url();
    } catch {
      return 'service worker';
    }
  })();
  return { url: r.url(), from: frame };
}

/** Everything the extension keeps in storage.sync and storage.local, as one JSON text. */
async function storedSettingsText(): Promise<string> {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async () =>
    JSON.stringify([await chrome.storage.sync.get(null), await chrome.storage.local.get(null)]),
  );
}

/**
 * Pick an interface language on the options page and wait until it is stored
 * (the page saves on change, or through its Save button when it has one).
 */
async function chooseLanguage(options: Page, lang: 'zh_CN' | 'auto'): Promise<void> {
  await options.selectOption('#ui-language', lang);
  const save = options.locator('#save:not([disabled])');
  if ((await save.count()) > 0) await save.click();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = (await storedSettingsText()).includes('zh_CN');
    if (stored === (lang === 'zh_CN')) return;
    if (Date.now() > deadline) throw new Error(`language ${lang} was not stored`);
    await options.waitForTimeout(100);
  }
}

describe('Chromium: zero network', () => {
  it('the request log sees service-worker and page requests (control)', async () => {
    const seen: Seen[] = [];
    const listen = (r: Request) => seen.push(describeRequest(r));
    browser.context.on('request', listen);
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(async (u) => {
      await fetch(u).catch(() => undefined);
    }, `${base}/control-from-worker`);
    const page = await browser.context.newPage();
    await page.goto(`${base}/control-from-page`);
    await page.close();
    browser.context.off('request', listen);
    const urls = seen.map((s) => s.url);
    expect(urls).toContain(`${base}/control-from-worker`);
    expect(urls).toContain(`${base}/control-from-page`);
    expect(hits).toContain('/control-from-worker');
  });

  it('analysing every fixture and changing settings sends nothing anywhere', async () => {
    hits.length = 0;
    const seen: Seen[] = [];
    const listen = (r: Request) => seen.push(describeRequest(r));
    browser.context.on('request', listen);
    const problems: string[] = [];
    const opened = new Set<string>();

    for (const name of [...POLICY_FIXTURES, ...NON_POLICY_FIXTURES.map((f) => f.name)]) {
      const page = await browser.context.newPage();
      watchProblems(page, name, problems);
      await page.goto(`${base}/${name}.html`);
      opened.add(`/${name}.html`);
      const { popup, state } = await openPopupFor(browser, page, problems, 30_000);
      if (state === 'not-policy') {
        await popup.click('.analyse-anyway');
        await popup.waitForSelector('main.popup[data-state="card"]');
      }
      expect(await popup.getAttribute('main.popup', 'data-state')).toBe('card');
      // Open it again: the cached card comes from the background.
      const again = await openPopupFor(browser, page, problems, 30_000);
      expect(again.state).toBe('card');
      await again.popup.close();
      await popup.close();
      await page.close();
    }

    // Settings: open the options page, change the language, reload, change it back.
    const options = await browser.context.newPage();
    watchProblems(options, 'options', problems);
    await options.goto(`chrome-extension://${browser.extId}/src/options/index.html`);
    await options.waitForSelector('#ui-language:not([disabled])');
    await chooseLanguage(options, 'zh_CN');
    await options.reload();
    await options.waitForSelector('#ui-language:not([disabled])');
    await chooseLanguage(options, 'auto');
    // Export the settings (a file made in the page and handed to the download manager).
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.click('#export'),
    ]);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as object;
    expect(Object.keys(exported).length).toBeGreaterThan(0);
    await options.close();
    browser.context.off('request', listen);

    expect(problems).toEqual([]);
    const own = `chrome-extension://${browser.extId}/`;
    const elsewhere = seen.filter(
      (s) =>
        !s.url.startsWith(own) &&
        !s.url.startsWith(`blob:${own}`) &&
        !(s.url.startsWith(`${base}/`) && opened.has(new URL(s.url).pathname)) &&
        s.url !== `${base}/favicon.ico`,
    );
    expect(elsewhere).toEqual([]);
    // The extension's own requests came from its pages or its worker.
    expect(seen.some((s) => s.url.startsWith(own))).toBe(true);
    // The fixture server saw each page once per navigation and nothing else.
    const unexpected = hits.filter((h) => !opened.has(h) && h !== '/favicon.ico');
    expect(unexpected).toEqual([]);
    expect(hits.filter((h) => opened.has(h)).length).toBe(opened.size);
  });
});

describe('Chromium: page text is shown as text', () => {
  it('markup-like text, javascript: links, look-alike letters and RTL overrides run nothing', async () => {
    const problems: string[] = [];
    const page = await browser.context.newPage();
    watchProblems(page, 'page', problems);
    await page.goto(`${base}/hostile/inert-text`);
    const { popup, state } = await openPopupFor(browser, page, problems);
    expect(state).toBe('card');
    // Every area open, so every quote and name the card holds is drawn.
    await openAllAreas(popup);
    // Give anything that might have been injected a moment to fire.
    await popup.waitForTimeout(300);
    expect(problems).toEqual([]);
    const text = (await popup.textContent('main.popup')) ?? '';
    // The quotes show the page's text literally.
    // (at least one of the two is quoted by the card; both are on the page)
    expect(text.includes(HOSTILE_TEXT.script) || text.includes(HOSTILE_TEXT.img), text).toBe(true);
    const dom = await popup.evaluate(() => ({
      inlineScripts: [...document.querySelectorAll('script')].filter(
        (s) => !s.src.startsWith(location.origin),
      ).length,
      images: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')),
      handlers: [...document.querySelectorAll('*')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      ),
      jsLinks: [...document.querySelectorAll('[href]')].filter((a) =>
        /^\s*javascript:/i.test(a.getAttribute('href') ?? ''),
      ).length,
      pwned: (window as unknown as { __pwned?: number }).__pwned,
    }));
    expect(dom).toEqual({
      inlineScripts: 0,
      images: [],
      handlers: [],
      jsLinks: 0,
      pwned: undefined,
    });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
      undefined,
    );
    // The direction override reaches the popup as the character it is, inside the quote...
    const rtl = await popup.evaluate((needle) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeValue?.includes(needle)) {
          const el = n.parentElement!;
          const isolated = (e: Element | null): boolean =>
            !!e &&
            (e.tagName === 'BDI' ||
              ['isolate', 'plaintext', 'isolate-override'].includes(
                getComputedStyle(e).unicodeBidi,
              ) ||
              isolated(e.parentElement));
          return { found: true, isolated: isolated(el), tag: el.tagName, cls: el.className };
        }
      }
      return { found: false };
    }, '\u202Egnp.exe\u202C');
    // ...and is isolated (a <bdi>, or unicode-bidi: isolate/plaintext on the quote or around
    // it), so it cannot turn the card's own words around after the quote.
    expect(rtl).toMatchObject({ found: true, isolated: true });
    await popup.close();
    await page.close();
  });
});

describe('Chromium: forged messages', () => {
  it("a page's postMessage shaped like our messages changes nothing", async () => {
    const problems: string[] = [];
    const page = await browser.context.newPage();
    watchProblems(page, 'page', problems);
    await page.goto(`${base}/seed-003.html`);
    const { popup, state } = await openPopupFor(browser, page, problems);
    expect(state).toBe('card');
    const tabId = await tabIdOf(browser, page);
    const worker = browser.context.serviceWorkers()[0]!;
    const stored = async () =>
      worker.evaluate(
        async (id) =>
          JSON.stringify((await chrome.storage.session.get(`card:${id}`))[`card:${id}`] ?? null),
        tabId,
      );
    const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    // The cache copy and the badge follow the card; wait for both before forging.
    await expect.poll(badge).not.toBe('');
    await expect.poll(stored).not.toBe('null');
    const before = { card: await stored(), badge: await badge() };
    const forgedGrade = before.badge === 'E' ? 'A' : 'E';

    const reachable = await page.evaluate(
      ({ tabId, url, grade }) => {
        const forged = {
          app: 'policylens',
          name: 'card/put',
          payload: { tabId, url, card: { schemaVersion: 1, score: { grade } } },
        };
        window.postMessage(forged, '*');
        window.postMessage({ app: 'policylens', name: 'page/extract', payload: {} }, '*');
        window.dispatchEvent(new MessageEvent('message', { data: forged }));
        // A web page has no way into the extension's runtime messaging.
        const rt = (globalThis as unknown as typeof globalThis & { chrome?: typeof chrome }).chrome
          ?.runtime;
        return typeof rt?.sendMessage === 'function';
      },
      { tabId, url: page.url(), grade: forgedGrade },
    );
    expect(reachable).toBe(false);
    await page.waitForTimeout(500);
    expect(await stored()).toBe(before.card);
    expect(await badge()).toBe(before.badge);
    expect(problems).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: pages the extension may not read', () => {
  it('a file:// page without file access gives the clear message', async () => {
    const problems: string[] = [];
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(join(FIXTURES, 'seed-000.html')).href);
    const { popup, state } = await openPopupFor(browser, page, problems);
    expect(state).toBe('restricted');
    expect(await popup.locator('.notice h1').count()).toBe(1);
    expect((await popup.textContent('.notice'))?.toLowerCase()).toContain('file');
    expect(problems).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe('Chromium: corrupt stored settings', () => {
  it('the options page says so and keeps a copy; it opens on defaults and the popup still analyses', async () => {
    const worker = browser.context.serviceWorkers()[0]!;
    await worker.evaluate(async () => {
      await chrome.storage.sync.set({
        uiLanguage: { $evil: true },
        settings: '{"schemaVersion": 99, "uiLanguage": ',
        'settings.manifest': 'not an object',
        'settings.0': 12345,
      });
    });
    const problems: string[] = [];
    const options = await browser.context.newPage();
    watchProblems(options, 'options', problems);
    await options.goto(`chrome-extension://${browser.extId}/src/options/index.html`);
    await options.waitForSelector('#ui-language:not([disabled])');
    expect(await options.inputValue('#ui-language')).toBe('auto');
    await options.waitForSelector('#notices');
    expect(((await options.textContent('#notices')) ?? '').trim().length).toBeGreaterThan(0);
    const local = await worker.evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(local['settings.broken'] ?? null)).toContain('not an object');

    const page = await browser.context.newPage();
    watchProblems(page, 'page', problems);
    await page.goto(`${base}/seed-004.html`);
    const { popup, state } = await openPopupFor(browser, page, problems);
    expect(state).toBe('card');
    expect(problems).toEqual([]);
    await popup.close();
    await page.close();
    await options.close();
    await worker.evaluate(() => chrome.storage.sync.clear());
  });
});
