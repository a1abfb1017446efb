/**
 * Shared pieces of the robustness and security e2e tests (robust-*.e2e.ts,
 * security-*.e2e.ts): a fixture server that also serves the generated hostile
 * pages and logs every request it gets, and a watcher for page problems.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { hostilePages } from '../fixtures/hostile/pages';
import { FIXTURES, tabIdOf, type Browser } from './helpers';

export interface FixtureServer {
  server: Server;
  base: string;
  /** Every path the server was asked for, in order. */
  hits: string[];
}

/** test/fixtures on 127.0.0.1, plus /hostile/<name> from test/fixtures/hostile/pages.ts. */
export async function serveAll(): Promise<FixtureServer> {
  const hits: string[] = [];
  const pages = hostilePages();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const hostile = /^\/hostile\/([\w-]+)$/.exec(path);
    if (hostile) {
      const page = pages[hostile[1]!];
      if (page) {
        res.writeHead(200, { 'content-type': page.contentType }).end(page.body);
        return;
      }
    }
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = extname(file) === '.html' ? 'text/html; charset=utf-8' : 'text/plain';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { server, base: `http://127.0.0.1:${port}`, hits };
}

export { launchChromium, tabIdOf, type Browser } from './helpers';

/** Problems a page reports: uncaught errors, console errors, dialogs (alert() and friends), a crash. */
export function watchProblems(page: Page, label: string, into: string[]): void {
  page.on('pageerror', (e) => into.push(`${label} pageerror: ${e.message}`));
  page.on('crash', () => into.push(`${label} crashed`));
  page.on('console', (m) => {
    if (m.type() === 'error') into.push(`${label} console error: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    into.push(`${label} dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
}

/**
 * Open the popup page for a tab and wait until it leaves "loading", within
 * `budgetMs`. Returns the popup and the state it settled on.
 */
export async function openPopupFor(
  b: Browser,
  page: Page,
  problems: string[],
  budgetMs = 10_000,
): Promise<{ popup: Page; state: string }> {
  const tabId = await tabIdOf(b, page);
  await page.bringToFront();
  const popup = await b.context.newPage();
  watchProblems(popup, 'popup', problems);
  await popup.goto(`chrome-extension://${b.extId}/src/popup/index.html?tabId=${tabId}`);
  await popup.waitForSelector('main.popup:not([data-state="loading"])', { timeout: budgetMs });
  const state = (await popup.getAttribute('main.popup', 'data-state')) ?? '';
  return { popup, state };
}
