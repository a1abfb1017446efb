/**
 * The shipped build (dist/: activeTab, scripting and storage, no host access)
 * used the way a reader uses it: its button pinned to Chromium's toolbar and
 * pressed (DevTools Extensions.triggerAction, which opens the real popup and
 * grants activeTab for that tab only, as a click does). The other end-to-end
 * tests run a test build that is given host access up front, because they open
 * the popup page in a tab; this one proves the least-privilege build works
 * from the real button, and only on the tab it was pressed for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithButton,
  pressToolbarButton,
  readToolbarPopup,
  waitForNoPopup,
} from '../../scripts/toolbar';
import { ensureShippedBuilds, fixtureTitle, serveFixtures, SHIPPED } from './helpers';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: {
    executeScript(i: {
      target: { tabId: number };
      func: () => unknown;
    }): Promise<{ result?: unknown }[]>;
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  extension: { getViews(f: { type: string }): Window[] };
};

const MARK = 'mark[data-policylens-highlight]';

let server: Server;
let base: string;
let profile: string;
let context: BrowserContext;
let worker: Worker;
let extId: string;
let probe: Page;

beforeAll(async () => {
  ensureShippedBuilds();
  ({ server, base } = await serveFixtures());
  profile = mkdtempSync(join(tmpdir(), 'policylens-toolbar-'));
  ({ context, worker, extId, probe } = await launchWithButton(chromium, SHIPPED.chrome, profile));
});

afterAll(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** The id of the tab in front, as the background sees it. */
const frontTabId = (): Promise<number | undefined> =>
  worker.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );

/** What the background gets when it tries to read a tab: its title, or the browser's refusal. */
const tryToRead = (tabId: number): Promise<string> =>
  worker.evaluate(
    (id) =>
      chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.title }).then(
        (results) => `read: ${String(results[0]?.result)}`,
        (err: unknown) => `refused: ${err instanceof Error ? err.message : String(err)}`,
      ),
    tabId,
  );

describe('Chromium: the shipped build from its toolbar button', () => {
  it('a press reads the tab it was pressed for, shows its card and leads from a quote to the page', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/seed-001.html`);
    await page.bringToFront();
    const tabId = await frontTabId();
    expect(tabId).toBeTypeOf('number');
    // Before the press the extension may not read the page.
    expect(await tryToRead(tabId!)).toMatch(/^refused: /);

    await pressToolbarButton(context, extId, `${base}/seed-001.html`);
    const seen = await readToolbarPopup(probe, { close: false });
    expect(seen.state, seen.text).toBe('card');
    expect(seen.title?.trim()).toBe(fixtureTitle('seed-001'));

    // Open the SDK area in the real popup and press its first quote.
    const { sdks, quote } = await probe.evaluate(async () => {
      const view = chrome.extension.getViews({ type: 'popup' })[0]!;
      const doc = view.document;
      doc.querySelector<HTMLButtonElement>('[data-area="sdks"] .area-toggle')!.click();
      for (let i = 0; i < 100 && !doc.querySelector('[data-area="sdks"] button.quote'); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const prose = [
        ...doc.querySelectorAll<HTMLButtonElement>('[data-area="sdks"] button.quote'),
      ].filter((b) => !(b.textContent ?? '').includes(' | '))[0];
      const sdks = doc.querySelector('[data-area="sdks"]')?.textContent ?? '';
      prose?.click();
      return { sdks, quote: (prose?.textContent ?? '').replace(/\s+/g, ' ').trim() };
    });
    expect(sdks).toContain('Umeng');
    expect(sdks).toContain('Pangle');
    expect(quote).not.toBe('');
    await page.waitForFunction(
      ([sel, want]) =>
        [...document.querySelectorAll(sel!)]
          .map((m) => m.textContent ?? '')
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim() === want,
      [MARK, quote],
      { timeout: 10_000 },
    );

    // The grade is on the button's badge for that tab.
    const grade = await probe.evaluate(
      () =>
        chrome.extension
          .getViews({ type: 'popup' })[0]
          ?.document.querySelector('.grade')
          ?.getAttribute('data-grade') ?? null,
    );
    expect(grade).toMatch(/^[A-E]$/);
    await expect
      .poll(() => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId!))
      .toBe(grade);
    await probe.evaluate(() => chrome.extension.getViews({ type: 'popup' })[0]?.close());
    await waitForNoPopup(probe);
    await page.close();
  });

  it('the grant covers that tab only: another open tab stays out of reach', async () => {
    const other = await context.newPage();
    await other.goto(`${base}/seed-002.html`);
    await other.bringToFront();
    const otherId = await frontTabId();
    const page = await context.newPage();
    await page.goto(`${base}/seed-004.html`);
    await page.bringToFront();
    const tabId = await frontTabId();
    expect(otherId).not.toBe(tabId);

    await pressToolbarButton(context, extId, `${base}/seed-004.html`);
    const seen = await readToolbarPopup(probe);
    expect(seen.state, seen.text).toBe('card');
    expect(seen.title?.trim()).toBe(fixtureTitle('seed-004'));
    await waitForNoPopup(probe);

    expect(await tryToRead(tabId!)).toBe(`read: ${await page.title()}`);
    expect(await tryToRead(otherId!)).toMatch(/^refused: /);
    await other.close();
    await page.close();
  });
});
