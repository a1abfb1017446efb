/**
 * The real toolbar button of Chromium, pressed through the DevTools protocol
 * (`Extensions.triggerAction`): the browser opens the extension's real popup
 * and grants activeTab for the tab, exactly as a person's click does. The
 * popup window is not a Playwright page; it is read from one of the
 * extension's own pages through `chrome.extension.getViews({ type: 'popup' })`.
 * Used by the bench (click to card as a reader meets it) and by the end-to-end
 * test of the shipped build, which has no host permission at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, BrowserType, Page, Worker } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from './chromium';

/** The one extension API these helpers call inside extension pages. */
declare const chrome: { extension: { getViews(filter: { type: string }): Window[] } };

/**
 * The id Chromium gives an unpacked extension loaded from `extDir` (an
 * absolute path): the first 128 bits of the SHA-256 of the path, each hex
 * digit written as a letter a-p.
 */
export function unpackedExtensionId(extDir: string): string {
  return [...createHash('sha256').update(extDir).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
    .join('');
}

/**
 * Prepare a fresh profile in which the extension at `extDir` has its button
 * pinned to the toolbar, as it is for anyone who clicks it there. (An
 * unpinned extension's popup only opens after the browser has popped its
 * button out into the toolbar, an animation of ~250 ms.) Returns the id the
 * extension will have; check it against the running one.
 */
export function pinnedProfile(profileDir: string, extDir: string): string {
  const id = unpackedExtensionId(extDir);
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  writeFileSync(
    join(profileDir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { pinned_extensions: [id] } }),
  );
  return id;
}

/** Chromium with one extension loaded, and one of its pages open to read its popup from. */
export interface ButtonBrowser {
  context: BrowserContext;
  /** The extension's background (service worker) as it was at launch. */
  worker: Worker;
  extId: string;
  /** The extension's options page: reads the popup (readToolbarPopup), calls its APIs. */
  probe: Page;
}

/**
 * Launch Debian Chromium on `profileDir` with the extension at `extDir`, its
 * button pinned to the toolbar when `pinned` is set (and checked to be: the
 * running id must be the one the profile pins), and its options page open.
 */
export async function launchWithButton(
  chromium: BrowserType,
  extDir: string,
  profileDir: string,
  { pinned = true } = {},
): Promise<ButtonBrowser> {
  const expected = pinned ? pinnedProfile(profileDir, extDir) : undefined;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: false,
    args: chromiumArgs(extDir),
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extId = new URL(worker.url()).host;
  if (expected && extId !== expected) {
    await context.close();
    throw new Error(`the extension got id ${extId}, not ${expected}: its button is not pinned`);
  }
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extId}/src/options/index.html`);
  return { context, worker, extId, probe };
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes. */
export const nowEpochMs = (): number => performance.timeOrigin + performance.now();

/**
 * Press the extension's toolbar button for the tab showing `url` (the tab
 * must exist; the action is triggered on its tab target). Resolves once the
 * browser has accepted the click; returns the epoch time just before it.
 */
export async function pressToolbarButton(
  context: BrowserContext,
  extId: string,
  url: string,
): Promise<number> {
  const browser = context.browser();
  if (!browser) throw new Error('pressing the toolbar button needs a browser, not a bare context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    } as never)) as unknown as { targetInfos: { targetId: string; url: string }[] };
    const tab = targetInfos.find((t) => t.url === url);
    if (!tab) throw new Error(`no tab showing ${url}`);
    const at = nowEpochMs();
    await cdp.send(
      'Extensions.triggerAction' as never,
      { id: extId, targetId: tab.targetId } as never,
    );
    return at;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** What the open popup showed: its state, its card's title, and when things happened. */
export interface PopupSeen {
  /** data-state of main.popup when it stopped loading ('card', 'error', 'not-policy', ...). */
  state: string;
  /** Text of the card's title, when there is a card. */
  title: string | null;
  /** Epoch ms at which the popup document's navigation started. */
  originMs: number;
  /** The popup's pl:* marks (see src/popup), ms since its navigation. */
  marks: Record<string, number>;
  /** The popup's text, for messages in failing tests. */
  text: string;
}

/**
 * Wait, from an extension page (`probe`), until the real popup has stopped
 * loading, read what it shows, and close it when `close` is set.
 */
export async function readToolbarPopup(
  probe: Page,
  { timeoutMs = 30_000, close = true } = {},
): Promise<PopupSeen> {
  return probe.evaluate(
    async ({ timeoutMs, close }) => {
      const until = performance.now() + timeoutMs;
      for (;;) {
        const view = chrome.extension.getViews({ type: 'popup' })[0];
        const main = view?.document.querySelector('main.popup');
        const state = main?.getAttribute('data-state');
        // pl:shown is marked once the answer is on screen (after paint).
        const shown = view?.performance.getEntriesByName('pl:shown').length ?? 0;
        if (view && main && state && state !== 'loading' && shown > 0) {
          const seen = {
            state,
            title:
              view.document.querySelector('article.card [data-testid="policy-title"]')
                ?.textContent ?? null,
            originMs: view.performance.timeOrigin,
            marks: Object.fromEntries(
              view.performance
                .getEntriesByType('mark')
                .filter((m) => m.name.startsWith('pl:'))
                .map((m) => [m.name, m.startTime]),
            ),
            text: (main as HTMLElement).innerText,
          };
          if (close) view.close();
          return seen;
        }
        if (performance.now() > until) {
          throw new Error(
            view
              ? `the popup still shows: ${view.document.body?.innerText ?? ''}`
              : 'no popup opened',
          );
        }
        // Not too often: the popup and this page share one renderer thread.
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    { timeoutMs, close },
  );
}

/** Wait until no popup of the extension is open (after closing one). */
export async function waitForNoPopup(probe: Page): Promise<void> {
  await probe.waitForFunction(
    () => chrome.extension.getViews({ type: 'popup' }).length === 0,
    undefined,
    { polling: 20, timeout: 10_000 },
  );
}

/**
 * Stops the extension's service worker, as the browser does after 30 s
 * without events (DevTools protocol, through a page of the browser), and
 * waits until it has stopped.
 */
export async function backgroundStopper(
  page: Page,
  timeoutMs = 5000,
): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
    const last = e.versions[e.versions.length - 1];
    if (last) status = last.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let waited = 0; status !== 'stopped'; waited += 20) {
      if (waited > timeoutMs) throw new Error(`the background did not stop (${status})`);
      await page.waitForTimeout(20);
    }
  };
}
