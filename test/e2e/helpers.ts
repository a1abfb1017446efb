/** Shared pieces of the end-to-end tests: a fixture server, the test builds, a Chromium with the extension. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, chromiumArgs } from '../../scripts/chromium';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const OUTPUT = join(ROOT, 'test/output');

export const POLICY_FIXTURES = [
  'seed-000',
  'seed-001',
  'seed-002',
  'seed-003',
  'seed-004',
] as const;

/** Non-policy pages and the policy each links to from its footer. */
export const NON_POLICY_FIXTURES = [
  { name: 'news-article', policy: 'seed-003.html' },
  { name: 'shop-product', policy: 'seed-000.html' },
  { name: 'login', policy: 'seed-002.html' },
] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
};

/** Serve test/fixtures on 127.0.0.1 at a random port. */
export async function serveFixtures(): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Targets already built by this test file's process. */
const built = new Set<string>();

/**
 * Build the e2e variant of the extension (the same code plus host access to
 * http://127.0.0.1/*, see vite.config.ts) and return its directory. Built once
 * per test file: a second browser in the same file must not rebuild (and so
 * empty for a moment) the folder the first one has loaded.
 */
export function buildTestExtension(target: 'chrome' | 'firefox'): string {
  const outDir = join(OUTPUT, `ext-${target}`);
  if (built.has(target) && existsSync(join(outDir, 'manifest.json'))) return outDir;
  // For quick reruns while developing: reuse an existing test build.
  if (process.env.POLICYLENS_E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'manifest.json'))) {
    return outDir;
  }
  const run = spawnSync(
    'npx',
    ['vite', 'build', '--mode', `${target}-test`, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`test build failed:\n${run.stdout}\n${run.stderr}`);
  built.add(target);
  return outDir;
}

/** The <title> of a fixture, read from the file (what the card header must show). */
export function fixtureTitle(name: string): string {
  const html = readFileSync(join(FIXTURES, `${name}.html`), 'utf8');
  const m = /<title>([^<]*)<\/title>/.exec(html);
  return decodeEntities(m?.[1] ?? '').trim();
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export interface Browser {
  context: BrowserContext;
  extId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Start of the temporary profile folder's name. */
  prefix?: string;
  width?: number;
  height?: number;
  /** Interface language: sets the locale, the --lang flag and the environment Chromium reads it from on Linux. */
  lang?: string;
  acceptDownloads?: boolean;
}

/** Debian Chromium with the test build of the extension, in a fresh profile; close() removes the profile. */
export async function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const ext = buildTestExtension('chrome');
  const userDataDir = mkdtempSync(join(tmpdir(), `${opts.prefix ?? 'policylens-e2e'}-`));
  const lang = opts.lang;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false,
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
    ...(lang
      ? {
          locale: lang,
          env: {
            ...process.env,
            LANGUAGE: lang.replace('-', '_'),
            LANG: `${lang.replace('-', '_')}.UTF-8`,
          },
        }
      : {}),
    args: lang ? chromiumArgs(ext, `--lang=${lang}`) : chromiumArgs(ext),
    viewport: { width: opts.width ?? 460, height: opts.height ?? 900 },
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    extId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

/** The browser's tab id of a page, asked from an extension page (chrome.tabs). */
export async function tabIdOf(b: Browser, page: Page): Promise<number> {
  const probe = await b.context.newPage();
  await probe.goto(`chrome-extension://${b.extId}/src/options/index.html`);
  const url = page.url();
  const id = await probe.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  await probe.close();
  if (typeof id !== 'number') throw new Error(`no tab for ${url}`);
  return id;
}

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

/** axe-core's serious and critical violations on a page, as "rule: nodes". */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact?: string; nodes: unknown[] }[];
    }
    const axe = (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    return (await axe.run()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.length}`);
  });
}

/** The shipped builds (dist/, dist-firefox/). */
export const SHIPPED = { chrome: join(ROOT, 'dist'), firefox: join(ROOT, 'dist-firefox') } as const;

/** npm test builds first; build here only when a test file runs on its own. */
export function ensureShippedBuilds(): void {
  if (
    existsSync(join(SHIPPED.chrome, 'manifest.json')) &&
    existsSync(join(SHIPPED.firefox, 'manifest.json'))
  ) {
    return;
  }
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
}

/** Open every closed area of the card, as a reader would: a closed area draws its items when opened. */
export async function openAllAreas(popup: Page): Promise<void> {
  const closed = popup.locator('.area-toggle[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}
