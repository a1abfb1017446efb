/**
 * Hostile and odd pages in real Chromium (test/fixtures/hostile/pages.ts):
 * each gives a card or a clear message within 10 seconds of opening the
 * popup, and neither the popup nor the page reports an uncaught error, a
 * console error or a dialog.
 */
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishPolicy, HIDDEN_MARKERS } from '../fixtures/hostile/pages';
import {
  launchChromium,
  openPopupFor,
  serveAll,
  watchProblems,
  type Browser,
} from './security-helpers';
import { openAllAreas } from './helpers';

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveAll());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Load a hostile page, open the popup on it, and hand back what it shows.
 * The 5 MB page gets a browser of its own (`own`), so that whatever it costs
 * the browser cannot fail the pages after it.
 */
async function visit(name: string, ready?: string, budgetMs = 10_000, own?: Browser) {
  const b = own ?? browser;
  const problems: string[] = [];
  const page = await b.context.newPage();
  watchProblems(page, 'page', problems);
  try {
    await page.goto(`${base}/hostile/${name}`, { timeout: 30_000 });
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new Error(
      `opening /hostile/${name} failed: ${why} (${problems.join('; ') || 'no page problems'})`,
    );
  }
  if (ready) await page.waitForSelector(ready, { state: 'attached' });
  const { popup, state } = await openPopupFor(b, page, problems, budgetMs);
  if (state === 'card') await openAllAreas(popup);
  const text = (await popup.textContent('main.popup')) ?? '';
  return { page, popup, state, text, problems };
}

async function done(v: Awaited<ReturnType<typeof visit>>) {
  await v.popup.close();
  await v.page.close();
}

/** Pages that are policies, however odd: each must give a card with findings. */
const POLICY_PAGES: {
  name: string;
  ready?: string;
  why: string;
  budgetMs?: number;
  ownBrowser?: boolean;
}[] = [
  // 5 MB is read and analysed in about 5 s here; the budget leaves room for a busy machine.
  { name: 'big-text', why: '5 MB of policy text', budgetMs: 20_000, ownBrowser: true },
  { name: 'many-elements', why: '50 000 elements' },
  { name: 'deep-nesting', why: 'nesting 3 000 levels deep' },
  { name: 'table-policy', why: 'a policy split across table cells' },
  { name: 'hidden-bits', why: 'hidden elements, noscript, template, SVG text' },
  { name: 'shadow-policy', ready: 'body[data-ready]', why: 'text in open shadow roots' },
  { name: 'mutating', why: 'a page that keeps changing while it is read' },
  {
    name: 'tamper',
    ready: 'html[data-tampered]',
    why: 'a page that breaks its own DOM methods and sets our register-once flag',
  },
  { name: 'gbk-bytes-gbk-header', why: 'GBK bytes served with a GBK charset' },
];

describe('Chromium: hostile pages give a card', () => {
  for (const { name, ready, why, budgetMs, ownBrowser } of POLICY_PAGES) {
    it(`${why} (${name})`, async () => {
      const own = ownBrowser ? await launchChromium({ prefix: 'policylens-big' }) : undefined;
      try {
        await checkPolicyPage(await visit(name, ready, budgetMs, own), name);
      } finally {
        await own?.close();
      }
    });
  }
});

/** What every policy page must show, and what each odd page must show besides. */
async function checkPolicyPage(v: Awaited<ReturnType<typeof visit>>, name: string) {
  expect(v.state, v.text.slice(0, 300)).toBe('card');
  expect(await v.popup.locator('[data-area="sensitive"] .items > li').count()).toBeGreaterThan(0);
  expect(v.problems).toEqual([]);
  if (name === 'big-text') {
    expect(await v.popup.textContent('.popup > details.warnings')).toContain('5,000,000');
  }
  if (name === 'hidden-bits') {
    for (const marker of HIDDEN_MARKERS) expect(v.text).not.toContain(marker);
  }
  if (name === 'shadow-policy') {
    // The page's light DOM has no text at all: everything came from the shadow roots.
    const light = await v.page.evaluate(() => document.body.innerText);
    expect(light.includes(englishPolicy().paragraphs[0]!)).toBe(false);
  }
  if (name === 'mutating') {
    // The page really was changing while it was read.
    const before = await v.page.evaluate(() => document.getElementById('feed')!.textContent);
    await v.page.waitForTimeout(50);
    expect(await v.page.evaluate(() => document.getElementById('feed')!.textContent)).not.toBe(
      before,
    );
  }
  await done(v);
}

describe('Chromium: pages without a readable policy give a clear message', () => {
  it('an empty body: "not a policy", no links to offer', async () => {
    const v = await visit('empty-body');
    expect(v.state).toBe('not-policy');
    expect(await v.popup.locator('.notice h1').count()).toBe(1);
    expect(await v.popup.locator('.policy-link').count()).toBe(0);
    expect(v.problems).toEqual([]);
    await done(v);
  });

  for (const name of ['gbk-meta-utf8-bytes', 'gbk-bytes-utf8-header']) {
    it(`a mislabelled encoding (${name}): a card or "not a policy", never an error`, async () => {
      const v = await visit(name);
      // The text really is garbled in the browser too.
      expect(await v.page.title()).not.toBe('隐私政策');
      expect(['card', 'not-policy']).toContain(v.state);
      expect(v.problems).toEqual([]);
      await done(v);
    });
  }
});
