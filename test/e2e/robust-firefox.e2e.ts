/**
 * Hostile pages and markup-like page text in real Firefox ESR (WebDriver BiDi
 * through puppeteer-core, as in firefox.e2e.ts): each page gives a card or a
 * clear message in time, nothing in the page text runs, and neither the page
 * nor the popup reports an uncaught error or opens a dialog. Also: a page's
 * own postMessage shaped like our messages changes nothing.
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIDDEN_MARKERS, HOSTILE_TEXT } from '../fixtures/hostile/pages';
import { gotoExtensionPage, launchFirefox, openAllAreas, tabIdOf } from './firefox-helpers';
import { serveAll } from './security-helpers';

const UUID = '0b7c5a4e-2d1f-4e3a-9c8b-7a6f5e4d3c2b';
const EXT = `moz-extension://${UUID}`;

declare const browser: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

let ff: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveAll());
  ff = await launchFirefox(UUID);
});

afterAll(async () => {
  await ff?.close();
  server?.close();
});

/**
 * Firefox's HTML parser reports its own complaints about a page's bytes (too
 * deep a tree, a wrong encoding label) through the same channel as script
 * errors. They are what those pages are made to provoke, not errors of ours.
 */
const PARSER_NOTES = [
  /The document tree is too deep\. The tree will be flattened/,
  /The byte stream was erroneous according to the character encoding that was declared/,
];

function watch(page: Page, label: string, into: string[]): void {
  page.on('pageerror', (e) => {
    const message = String(e);
    if (!PARSER_NOTES.some((p) => p.test(message))) into.push(`${label} pageerror: ${message}`);
  });
  page.on('dialog', (d) => {
    into.push(`${label} dialog: ${d.message()}`);
    void d.dismiss();
  });
}

interface View {
  state: string;
  text: string;
  sensitiveItems: number;
  inlineScripts: number;
  images: number;
  handlers: number;
  pwned: boolean;
}

async function visit(name: string, budgetMs = 10_000, path = `/hostile/${name}`) {
  const problems: string[] = [];
  const page = await ff.newPage();
  watch(page, 'page', problems);
  const url = `${base}${path}`;
  await page.goto(url, { timeout: 30_000 });
  if (name === 'shadow-policy') await page.waitForSelector('body[data-ready]');
  if (name === 'tamper') await page.waitForSelector('html[data-tampered]');
  const tabId = await tabIdOf(ff, EXT, url);
  const popup = await ff.newPage();
  watch(popup, 'popup', problems);
  await gotoExtensionPage(popup, `${EXT}/src/popup/index.html?tabId=${tabId}`);
  const deadline = Date.now() + budgetMs;
  let state = 'loading';
  while (Date.now() < deadline && (state === 'loading' || state === 'none')) {
    await new Promise((r) => setTimeout(r, 100));
    state = await popup.evaluate(
      () => document.querySelector('main.popup')?.getAttribute('data-state') ?? 'none',
    );
  }
  await openAllAreas(popup);
  const view: View = await popup.evaluate(() => ({
    state: document.querySelector('main.popup')?.getAttribute('data-state') ?? 'none',
    text: document.querySelector('main.popup')?.textContent ?? document.documentElement.outerHTML,
    sensitiveItems: document.querySelectorAll('[data-area="sensitive"] .items > li').length,
    inlineScripts: [...document.querySelectorAll('script')].filter(
      (s) => !s.src.startsWith(location.origin),
    ).length,
    images: document.querySelectorAll('img').length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name)),
    ).length,
    pwned: '__pwned' in window,
  }));
  return { page, popup, view, problems, tabId };
}

describe('Firefox: hostile pages', () => {
  const CARDS: { name: string; budgetMs?: number }[] = [
    { name: 'big-text', budgetMs: 20_000 },
    { name: 'many-elements' },
    { name: 'deep-nesting' },
    { name: 'table-policy' },
    { name: 'hidden-bits' },
    { name: 'shadow-policy' },
    { name: 'mutating' },
    { name: 'tamper' },
    { name: 'gbk-bytes-gbk-header' },
  ];
  for (const { name, budgetMs } of CARDS) {
    it(`${name} gives a card`, async () => {
      const v = await visit(name, budgetMs);
      expect(v.view.state, v.view.text.slice(0, 300)).toBe('card');
      expect(v.view.sensitiveItems).toBeGreaterThan(0);
      if (name === 'hidden-bits') {
        for (const marker of HIDDEN_MARKERS) expect(v.view.text).not.toContain(marker);
      }
      expect(v.problems).toEqual([]);
      await v.popup.close();
      await v.page.close();
    });
  }

  for (const name of ['empty-body', 'gbk-meta-utf8-bytes', 'gbk-bytes-utf8-header']) {
    it(`${name} gives a card or "not a policy", never an error`, async () => {
      const v = await visit(name);
      if (name === 'empty-body') expect(v.view.state).toBe('not-policy');
      else expect(['card', 'not-policy'], v.view.text.slice(0, 300)).toContain(v.view.state);
      expect(v.problems).toEqual([]);
      await v.popup.close();
      await v.page.close();
    });
  }

  it('markup-like page text is shown as text and runs nothing', async () => {
    const v = await visit('inert-text');
    expect(v.view.state).toBe('card');
    await new Promise((r) => setTimeout(r, 300));
    expect(
      v.view.text.includes(HOSTILE_TEXT.script) || v.view.text.includes(HOSTILE_TEXT.img),
    ).toBe(true);
    expect(v.view).toMatchObject({ inlineScripts: 0, images: 0, handlers: 0, pwned: false });
    expect(await v.page.evaluate(() => '__pwned' in window)).toBe(false);
    expect(v.problems).toEqual([]);
    await v.popup.close();
    await v.page.close();
  });
});

describe('Firefox: forged messages', () => {
  it("a page's postMessage shaped like our messages changes neither the cached card nor the badge", async () => {
    const v = await visit('seed-003', 10_000, '/seed-003.html');
    expect(v.view.state).toBe('card');
    const probe = await ff.newPage();
    await gotoExtensionPage(probe, `${EXT}/src/options/index.html`);
    const read = () =>
      probe.evaluate(async (id) => {
        const card = (await browser.storage.session.get(`card:${id}`))[`card:${id}`] ?? null;
        return {
          card: JSON.stringify(card),
          badge: await browser.action.getBadgeText({ tabId: id }),
        };
      }, v.tabId);
    // The cache copy and the badge follow the card; wait for both before forging.
    await expect.poll(async () => (await read()).badge).not.toBe('');
    await expect.poll(async () => (await read()).card).not.toBe('null');
    const before = await read();
    const forgedGrade = before.badge === 'E' ? 'A' : 'E';
    const reachable = await v.page.evaluate(
      (tabId, url, grade) => {
        const forged = {
          app: 'policylens',
          name: 'card/put',
          payload: { tabId, url, card: { schemaVersion: 1, score: { grade } } },
        };
        window.postMessage(forged, '*');
        window.postMessage({ app: 'policylens', name: 'page/extract', payload: {} }, '*');
        window.dispatchEvent(new MessageEvent('message', { data: forged }));
        const g = globalThis as unknown as {
          browser?: { runtime?: { sendMessage?: unknown } };
          chrome?: { runtime?: { sendMessage?: unknown } };
        };
        return (
          typeof g.browser?.runtime?.sendMessage === 'function' ||
          typeof g.chrome?.runtime?.sendMessage === 'function'
        );
      },
      v.tabId,
      v.page.url(),
      forgedGrade,
    );
    expect(reachable).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(await read()).toEqual(before);
    expect(v.problems).toEqual([]);
    await probe.close();
    await v.popup.close();
    await v.page.close();
  });
});
