/**
 * Click to card in headless Chromium, with the real toolbar button: the
 * bench presses the extension's button for a policy tab through the DevTools
 * protocol (scripts/toolbar.ts), the browser opens the real popup and grants
 * activeTab, as a person's click does, and the time runs from the press to
 * the moment the card is on screen (the popup's pl:shown mark, set after the
 * paint that shows article.card inside main.popup[data-state="card"]).
 *
 * The timed click is the reader's: the policy tab has loaded, rendered and gone
 * idle, then there is a short pause before the click (READ_PAUSE_MS), as when a
 * person opens a policy and then reaches for the toolbar. The button is pinned
 * to the toolbar, where a reader clicks it. Each run is paired with a click
 * made the moment the page's load event fired, while the page is still laying
 * itself out and competes for the two cores (`justLoaded`).
 *
 * Three browsers, one after the other:
 * - **as installed**: a copy of dist/ (the same bytes and the same
 *   permissions: activeTab, no host access), button pinned. The reader's
 *   clicks, the clicks at the load event, and clicks after the background was
 *   stopped (`woken`).
 * - **not pinned**: the same copy in a fresh profile where the button sits in
 *   the extensions menu; the browser pops it out into the toolbar before it
 *   opens the popup (`unpinned`).
 * - **granted**: a copy whose manifest grants the host access that automatic
 *   detection asks for (<all_urls>, an optional permission in dist/), plus an
 *   empty page. The pieces of a click (the floor: an empty popup; the popup
 *   for a page it may not read; injection; extraction) and, once automatic
 *   detection is turned on in the options page as a user would, the clicks
 *   again (`autoDetect`): the page was detected and analysed when it loaded.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../chromium';
import {
  backgroundStopper,
  launchWithButton,
  pressToolbarButton,
  readToolbarPopup,
  waitForNoPopup,
  type ButtonBrowser,
} from '../toolbar';
import { summarize, type Samples } from './stats';

/** How long the reader looks at the settled page before clicking. */
export const READ_PAUSE_MS = 500;

/** Where the time of one click goes, measured piece by piece after the timed runs. */
export interface ClickBreakdown {
  /**
   * The floor of this browser and machine: the button pressed with an empty
   * page as the popup (one one-line script, no styles, no work), until its
   * script has run. No popup can show anything sooner.
   */
  emptyPopupMs: number;
  /** The popup for a page it may not read (no injection, no analysis): open, boot, first render. */
  popupBootMs: number;
  /** scripting.executeScript of the content script into the settled policy tab, from an extension page. */
  injectMs: number;
  /** The 'page/extract' round trip (extraction + detection in the tab, blocks sent back). */
  extractMs: number;
  /**
   * The popup's own marks for the reader's clicks (src/popup: pl:start =
   * entry script runs, pl:open = request sent, pl:ui = interface code loaded,
   * pl:answered = the background's answer, pl:shown = on screen), median ms
   * since its navigation started.
   */
  marks: Record<string, number>;
}

export interface ClickToCardResult {
  /** Median of the reader's clicks, as installed, button pinned. */
  ms: number | null;
  reason?: string;
  /** The reader's clicks: button pressed → card on screen. */
  wall?: Samples;
  /** The same clicks from the popup's navigation to the card (what the extension's code takes). */
  inPage?: Samples;
  /** The same clicks from the press to the popup's navigation (the browser opening its popup). */
  popupOpen?: Samples;
  /** Clicks made as soon as the page's load event fired. */
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
  /** The reader's click with the button not pinned (in the extensions menu). */
  unpinned?: Samples;
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

type Page = import('playwright-core').Page;

type Session = ButtonBrowser;

declare const chrome: {
  tabs: {
    query(q: object): Promise<{ id?: number; url?: string }[]>;
    create(p: { url: string; active?: boolean }): Promise<{ id?: number }>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  scripting: { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  action: { setPopup(d: { popup: string }): Promise<void> };
  extension: { getViews(f: { type: string }): Window[] };
};

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
  const shipped = join(work, 'shipped');
  cpSync(dist, shipped, { recursive: true });
  const granted = grantedCopy(dist, join(work, 'granted'));

  const launch = (ext: string, profile: string, pinned: boolean): Promise<Session> =>
    launchWithButton(playwright.chromium, ext, profile, { pinned });

  const { server, base } = await serve(readFileSync(fixturePath));
  let session: Session | undefined;
  try {
    // As installed, button pinned.
    session = await launch(shipped, join(work, 'profile-pinned'), true);
    const installed = await timedClicks(session, `${base}/policy.html?run`, runs);
    const stop = await backgroundStopper(session.probe);
    const woken = { wall: [] as number[], marks: [] as Record<string, number>[] };
    for (let run = 1; run <= runs; run++) {
      const r = await click(session, `${base}/policy.html?woken=${run}`, true, stop);
      woken.wall.push(r.wall);
      woken.marks.push(r.marks);
    }
    await session.context.close();

    // As installed, button left in the extensions menu.
    session = await launch(shipped, join(work, 'profile-unpinned'), false);
    await click(session, `${base}/policy.html?unpinned=warm`, true);
    const unpinned: number[] = [];
    for (let run = 1; run <= runs; run++) {
      unpinned.push((await click(session, `${base}/policy.html?unpinned=${run}`, true)).wall);
    }
    await session.context.close();

    // Granted host access: the pieces, then automatic detection.
    session = await launch(granted, join(work, 'profile-granted'), true);
    const breakdown = {
      ...(await pieces(session, base)),
      marks: medianMarks(installed.marks),
    };
    await turnOnAutoDetect(session.probe);
    const auto = await timedClicks(session, `${base}/policy.html?auto`, runs);

    const w = summarize(installed.wall);
    return {
      ms: w.median,
      wall: w,
      inPage: summarize(installed.inPage),
      popupOpen: summarize(installed.popupOpen),
      justLoaded: summarize(installed.justLoaded),
      woken: summarize(woken.wall),
      wokenMarks: medianMarks(woken.marks),
      unpinned: summarize(unpinned),
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
    await session?.context.close().catch(() => undefined);
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A copy of dist/ with the host access automatic detection asks for granted
 * in its manifest, and an empty page to measure the floor with. The bundles
 * are the same bytes as in dist/.
 */
function grantedCopy(dist: string, dir: string): string {
  cpSync(dist, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest.host_permissions = ['<all_urls>'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(dir, 'bench-empty.html'),
    '<!doctype html><html><head><script src="/bench-empty.js"></script></head><body></body></html>',
  );
  writeFileSync(
    join(dir, 'bench-empty.js'),
    'document.documentElement.dataset.ran = String(performance.now());',
  );
  return dir;
}

interface Click {
  /** Button pressed → card on screen. */
  wall: number;
  /** Popup navigation → card on screen. */
  inPage: number;
  /** Button pressed → popup navigation. */
  popupOpen: number;
  marks: Record<string, number>;
}

/**
 * One warm-up click (first service-worker wake-up, disk cache), then `runs`
 * timed pairs: the reader's click on a settled page, and a click at the page's
 * load event. Each click opens a distinct address starting with `prefix`.
 */
async function timedClicks(
  session: Session,
  prefix: string,
  runs: number,
): Promise<{
  firstClickMs: number;
  wall: number[];
  inPage: number[];
  popupOpen: number[];
  marks: Record<string, number>[];
  justLoaded: number[];
}> {
  const out = {
    firstClickMs: (await click(session, `${prefix}=warm`, true)).wall,
    wall: [] as number[],
    inPage: [] as number[],
    popupOpen: [] as number[],
    marks: [] as Record<string, number>[],
    justLoaded: [] as number[],
  };
  for (let run = 1; run <= runs; run++) {
    const settledClick = await click(session, `${prefix}=${run}`, true);
    out.wall.push(settledClick.wall);
    out.inPage.push(settledClick.inPage);
    out.popupOpen.push(settledClick.popupOpen);
    out.marks.push(settledClick.marks);
    out.justLoaded.push((await click(session, `${prefix}=loaded${run}`, false)).wall);
  }
  return out;
}

/**
 * One click: open the policy at `url` (a distinct address each time, so the
 * background's card cache never answers), wait for it to settle when
 * `settle` is set, run `before` (stopping the background), then press the
 * toolbar button for its tab and wait for the card.
 */
async function click(
  session: Session,
  url: string,
  settle: boolean,
  before?: () => Promise<void>,
): Promise<Click> {
  const page = await session.context.newPage();
  await page.goto(url);
  if (settle) await settled(page);
  await before?.();
  await page.bringToFront();
  const pressed = await pressToolbarButton(session.context, session.extId, url);
  const seen = await readToolbarPopup(session.probe, { timeoutMs: 60_000 });
  if (seen.state !== 'card') throw new Error(`no card (${seen.state}): ${seen.text.slice(0, 300)}`);
  const shown = seen.marks['pl:shown'];
  if (shown === undefined) throw new Error('the popup did not mark pl:shown');
  await waitForNoPopup(session.probe);
  await page.close();
  return {
    wall: seen.originMs + shown - pressed,
    inPage: shown,
    popupOpen: seen.originMs - pressed,
    marks: seen.marks,
  };
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

/**
 * Press the button with the empty page as the popup, until its script ran:
 * ms from the press. The popup is set back to the extension's own after.
 */
async function emptyPopup(session: Session, url: string): Promise<number> {
  const { context, extId, probe } = session;
  await probe.evaluate(() => chrome.action.setPopup({ popup: 'bench-empty.html' }));
  try {
    const pressed = await pressToolbarButton(context, extId, url);
    const ranAt = await probe.evaluate(async () => {
      for (let waited = 0; waited < 30_000; waited += 20) {
        const view = chrome.extension.getViews({ type: 'popup' })[0];
        const ran = view?.document?.documentElement?.dataset.ran;
        if (view && ran) {
          const at = view.performance.timeOrigin + Number(ran);
          view.close();
          return at;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the empty popup did not run its script');
    });
    await waitForNoPopup(probe);
    return ranAt - pressed;
  } finally {
    await probe.evaluate(() => chrome.action.setPopup({ popup: 'src/popup/index.html' }));
  }
}

/** Median of a few runs of each piece of the click, measured separately. */
async function pieces(session: Session, base: string): Promise<Omit<ClickBreakdown, 'marks'>> {
  const { context, extId, probe } = session;
  const boot: number[] = [];
  const empty: number[] = [];
  const inject: number[] = [];
  const extract: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await context.newPage();
    const url = `${base}/policy.html?piece=${run}`;
    await page.goto(url);
    await settled(page);
    await page.bringToFront();
    empty.push(await emptyPopup(session, url));

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

    // A tab the extension may not read: the popup answers without injection.
    const restricted = await context.newPage();
    await restricted.goto('chrome://version/');
    await restricted.bringToFront();
    const pressed = await pressToolbarButton(context, extId, 'chrome://version/');
    const seen = await readToolbarPopup(probe, { timeoutMs: 60_000 });
    boot.push(seen.originMs + (seen.marks['pl:shown'] ?? NaN) - pressed);
    await waitForNoPopup(probe);
    await restricted.close();
  }
  return {
    emptyPopupMs: summarize(empty).median,
    popupBootMs: summarize(boot).median,
    injectMs: summarize(inject).median,
    extractMs: summarize(extract).median,
  };
}
