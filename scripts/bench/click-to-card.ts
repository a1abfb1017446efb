/**
 * Click to card in headless Chromium: the built extension, a policy fixture
 * served on 127.0.0.1, and the popup page opened for that tab. Timed from the
 * popup's navigation to the moment its card (article.card inside
 * main.popup[data-state="card"], the markup test/e2e asserts on) is in the DOM.
 *
 * The timed click is the reader's: the policy tab has loaded, rendered and gone
 * idle, then there is a short pause before the click (READ_PAUSE_MS), as when a
 * person opens a policy and then reaches for the toolbar. Each run is paired
 * with a click made the moment the page's load event fired, while the page is
 * still laying itself out and competes for the two cores (`justLoaded`).
 *
 * dist/ asks for activeTab only, which Chromium grants on a real toolbar
 * click; a popup opened as a page has no such grant. So the bench copies dist/
 * to a temporary folder and grants the copy's manifest the host access that
 * automatic detection asks for (<all_urls>, an optional permission in dist/):
 * the bundles are the same bytes as in dist/. The timed clicks run with
 * automatic detection off, as installed. Then it is turned on in the options
 * page, as a user would, and the clicks are timed again (`autoDetect`): the
 * page was detected and analysed when it loaded, so the popup finds its card.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, chromiumArgs } from '../chromium';
import { summarize, type Samples } from './stats';

const CARD_SELECTOR = 'main.popup[data-state="card"] article.card';
const DONE_SELECTOR = 'main.popup:not([data-state="loading"])';
/** How long the reader looks at the settled page before clicking. */
export const READ_PAUSE_MS = 500;

/** Where the time of one click goes, measured piece by piece after the timed runs. */
export interface ClickBreakdown {
  /** Popup for a page it may not read (no injection, no analysis): page load + boot + first render. */
  popupBootMs: number;
  /**
   * The floor of this browser and machine: an empty extension page (one
   * one-line script, no styles, no work) opened the same way, until its
   * script has run. No popup can show anything sooner.
   */
  emptyPageMs: number;
  /** scripting.executeScript of the content script into the settled policy tab, from an extension page. */
  injectMs: number;
  /** The 'page/extract' round trip (extraction + detection in the tab, blocks sent back). */
  extractMs: number;
  /**
   * The popup's own marks (src/popup: pl:start = entry script runs, pl:open =
   * request sent, pl:ui = interface code loaded, pl:answered = the
   * background's answer, pl:shown = rendered), median ms since its navigation.
   */
  marks: Record<string, number>;
}

export interface ClickToCardResult {
  ms: number | null;
  reason?: string;
  /** Wall-clock time seen from the bench process, per run. */
  wall?: Samples;
  /** The same moment seen from inside the popup: performance.now() since its navigation started. */
  inPage?: Samples;
  /** Wall-clock time of a click made as soon as the page's load event fired. */
  justLoaded?: Samples;
  /**
   * The reader's click after the background was stopped, as the browser stops
   * it after 30 s without events: the click starts it again, and it loads its
   * code and compiles the rules before it can answer. What a reader who spent
   * a while on the page meets.
   */
  woken?: Samples;
  /** The popup's marks (as in the breakdown) for the clicks that woke the background. */
  wokenMarks?: Record<string, number>;
  /** The reader's click with automatic detection turned on (the card was made when the page loaded). */
  autoDetect?: Samples;
  /** With automatic detection on, a click the moment the page's load event fired. */
  autoDetectJustLoaded?: Samples;
  /** The popup's marks (as in the breakdown) for the reader's clicks with automatic detection on. */
  autoDetectMarks?: Record<string, number>;
  /**
   * The first click after the browser started (the warm-up run, not in the
   * median): the background compiles the rules and runs the engine cold.
   */
  firstClickMs?: number;
  fixture?: string;
  breakdown?: ClickBreakdown;
}

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string; active?: boolean }): Promise<{ id?: number }>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  scripting: { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

/** The popup's performance marks named pl:*, ms since its navigation. */
const POPUP_MARKS = (): Record<string, number> =>
  Object.fromEntries(
    performance
      .getEntriesByType('mark')
      .filter((m) => m.name.startsWith('pl:'))
      .map((m) => [m.name, m.startTime]),
  );

function serve(html: Buffer): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    if ((req.url ?? '/').startsWith('/policy.html')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, base: `http://127.0.0.1:${port}` });
    }),
  );
}

export async function clickToCard(
  dist: string,
  fixturePath: string,
  runs: number,
): Promise<ClickToCardResult> {
  if (!existsSync(CHROMIUM)) return { ms: null, reason: `no Chromium at ${CHROMIUM}` };
  if (!existsSync(join(dist, 'manifest.json'))) {
    return { ms: null, reason: `no built extension in ${dist} (run npm run build)` };
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (err) {
    return { ms: null, reason: `playwright-core unavailable: ${String(err)}` };
  }
  const work = mkdtempSync(join(tmpdir(), 'policylens-bench-'));
  const ext = join(work, 'ext');
  const profile = join(work, 'profile');
  cpSync(dist, ext, { recursive: true });
  const manifestPath = join(ext, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  // The floor: an extension page that does nothing (only in this temporary copy).
  writeFileSync(
    join(ext, 'bench-empty.html'),
    '<!doctype html><html><head><script src="/bench-empty.js"></script></head><body></body></html>',
  );
  writeFileSync(join(ext, 'bench-empty.js'), "document.documentElement.dataset.ran = '1';");

  const { server, base } = await serve(readFileSync(fixturePath));
  let context: import('playwright-core').BrowserContext | undefined;
  try {
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false,
      args: chromiumArgs(ext),
      viewport: { width: 460, height: 900 },
    });
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extId = new URL(worker.url()).host;
    const probe = await context.newPage();
    await probe.goto(`chrome-extension://${extId}/src/options/index.html`);

    const installed = await timedClicks(context, extId, probe, `${base}/policy.html?run`, runs);
    const w = summarize(installed.wall);
    const stop = await backgroundStopper(probe);
    const woken = { wall: [] as number[], marks: [] as Record<string, number>[] };
    for (let run = 1; run <= runs; run++) {
      const r = await click(context, extId, probe, `${base}/policy.html?woken=${run}`, true, stop);
      woken.wall.push(r.wall);
      woken.marks.push(r.marks);
    }
    const breakdown = {
      ...(await pieces(context, probe, extId, base)),
      marks: medianMarks(installed.marks),
    };
    // The same clicks with automatic detection on.
    await turnOnAutoDetect(probe);
    const auto = await timedClicks(context, extId, probe, `${base}/policy.html?auto`, runs);
    return {
      ms: w.median,
      wall: w,
      inPage: summarize(installed.inPage),
      justLoaded: summarize(installed.justLoaded),
      woken: summarize(woken.wall),
      wokenMarks: medianMarks(woken.marks),
      autoDetect: summarize(auto.wall),
      autoDetectJustLoaded: summarize(auto.justLoaded),
      autoDetectMarks: medianMarks(auto.marks),
      firstClickMs: installed.firstClickMs,
      fixture: fixturePath,
      breakdown,
    };
  } catch (err) {
    return { ms: null, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await context?.close().catch(() => undefined);
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * One warm-up click (first service-worker wake-up, disk cache), then `runs`
 * timed pairs: the reader's click on a settled page, and a click at the page's
 * load event. Each click opens a distinct address starting with `prefix`.
 */
async function timedClicks(
  context: Context,
  extId: string,
  probe: Page,
  prefix: string,
  runs: number,
): Promise<{
  firstClickMs: number;
  wall: number[];
  inPage: number[];
  marks: Record<string, number>[];
  justLoaded: number[];
}> {
  const out = {
    firstClickMs: (await click(context, extId, probe, `${prefix}=warm`, true)).wall,
    wall: [] as number[],
    inPage: [] as number[],
    marks: [] as Record<string, number>[],
    justLoaded: [] as number[],
  };
  for (let run = 1; run <= runs; run++) {
    const settled = await click(context, extId, probe, `${prefix}=${run}`, true);
    out.wall.push(settled.wall);
    out.inPage.push(settled.inPage);
    out.marks.push(settled.marks);
    out.justLoaded.push((await click(context, extId, probe, `${prefix}=loaded${run}`, false)).wall);
  }
  return out;
}

/**
 * Stops the extension's service worker, as the browser does after 30 s
 * without events (DevTools protocol, from an extension page of ours), and
 * waits until it has stopped.
 */
async function backgroundStopper(probe: Page): Promise<() => Promise<void>> {
  const cdp = await probe.context().newCDPSession(probe);
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
    const last = e.versions[e.versions.length - 1];
    if (last) status = last.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let waited = 0; status !== 'stopped'; waited += 20) {
      if (waited > 5000) throw new Error(`the background did not stop (${status})`);
      await probe.waitForTimeout(20);
    }
  };
}

/**
 * One click: open the policy at `url` (a distinct address each time, so the
 * background's card cache never answers), wait for it to settle when
 * `settle` is set, run `before` (stopping the background), then open the
 * popup for its tab and wait for the card.
 */
async function click(
  context: Context,
  extId: string,
  probe: Page,
  url: string,
  settle: boolean,
  before?: () => Promise<void>,
): Promise<{ wall: number; inPage: number; marks: Record<string, number> }> {
  const page = await context.newPage();
  await page.goto(url);
  if (settle) await settled(page);
  const tabId = await probe.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id,
    url,
  );
  if (typeof tabId !== 'number') throw new Error(`no tab id for ${url}`);
  await before?.();
  await page.bringToFront();
  const popup = await context.newPage();
  const t0 = performance.now();
  await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${tabId}`, {
    waitUntil: 'commit',
  });
  const seen = await popup
    .waitForFunction(
      (sel) => (document.querySelector(sel) ? performance.now() : null),
      CARD_SELECTOR,
      { polling: 'raf', timeout: 60_000 },
    )
    .catch(async (err: unknown) => {
      const state = await popup
        .locator(DONE_SELECTOR)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => '');
      throw new Error(`no card: ${String(err)} ${state ?? ''}`);
    });
  const wall = performance.now() - t0;
  const inPage = (await seen.jsonValue()) as number;
  const marks = await popup.evaluate(POPUP_MARKS);
  await popup.close();
  await page.close();
  return { wall, inPage, marks };
}

/** Tick "Detect privacy policies automatically" on the options page and wait until it is saved. */
async function turnOnAutoDetect(options: Page): Promise<void> {
  await options.reload();
  await options.locator('#auto-detect').check();
  await options.locator('.saved').waitFor({ timeout: 20_000 });
  // The background reads the change from storage.onChanged.
  await options.waitForTimeout(200);
}

/** Wait until a loaded page has gone idle, then for the reader's pause. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestIdleCallback(() => done(null), { timeout: 5000 })),
  );
  await page.waitForTimeout(READ_PAUSE_MS);
}

/** Per mark name, the median of its times over the runs that have it; in time order. */
function medianMarks(runs: Record<string, number>[]): Record<string, number> {
  const names = new Set(runs.flatMap((r) => Object.keys(r)));
  const out = [...names].map((name) => {
    const times = runs.map((r) => r[name]).filter((t): t is number => typeof t === 'number');
    return [name, Math.round(summarize(times).median)] as const;
  });
  return Object.fromEntries(out.sort((a, b) => a[1] - b[1]));
}

type Context = import('playwright-core').BrowserContext;
type Page = import('playwright-core').Page;

/** Median of a few runs of each piece of the click, measured separately. */
async function pieces(
  context: Context,
  probe: Page,
  extId: string,
  base: string,
): Promise<Omit<ClickBreakdown, 'marks'>> {
  const boot: number[] = [];
  const empty: number[] = [];
  const inject: number[] = [];
  const extract: number[] = [];
  for (let run = 0; run < 5; run++) {
    // Popup boot: a tab the extension may not read answers without injection.
    const restrictedTab = await probe.evaluate(
      async () => (await chrome.tabs.create({ url: 'chrome://version/', active: false })).id,
    );
    const popup = await context.newPage();
    const t0 = performance.now();
    await popup.goto(`chrome-extension://${extId}/src/popup/index.html?tabId=${restrictedTab}`, {
      waitUntil: 'commit',
    });
    await popup.waitForSelector(DONE_SELECTOR, { timeout: 60_000 });
    boot.push(performance.now() - t0);
    await popup.close();

    const blank = await context.newPage();
    const e0 = performance.now();
    await blank.goto(`chrome-extension://${extId}/bench-empty.html`, { waitUntil: 'commit' });
    await blank.waitForSelector('html[data-ran]', { state: 'attached', timeout: 60_000 });
    empty.push(performance.now() - e0);
    await blank.close();

    const page = await context.newPage();
    const url = `${base}/policy.html?piece=${run}`;
    await page.goto(url);
    await settled(page);
    const timing = await probe.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      if (typeof tab?.id !== 'number') throw new Error(`no tab for ${u}`);
      const a = performance.now();
      await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        files: ['/src/content/content-script.js'],
      });
      const b = performance.now();
      await chrome.tabs.sendMessage(
        tab.id,
        { app: 'policylens', name: 'page/extract', payload: {} },
        { frameId: 0 },
      );
      return { inject: b - a, extract: performance.now() - b };
    }, url);
    inject.push(timing.inject);
    extract.push(timing.extract);
    await page.close();
  }
  return {
    popupBootMs: summarize(boot).median,
    emptyPageMs: summarize(empty).median,
    injectMs: summarize(inject).median,
    extractMs: summarize(extract).median,
  };
}
