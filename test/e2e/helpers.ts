/** Shared pieces of the end-to-end tests: a fixture server and the test builds. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

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

/**
 * Build the e2e variant of the extension (the same code plus host access to
 * http://127.0.0.1/*, see vite.config.ts) and return its directory.
 */
export function buildTestExtension(target: 'chrome' | 'firefox'): string {
  const outDir = join(OUTPUT, `ext-${target}`);
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

/**
 * Command-line flags for Debian Chromium with the extension at `ext` loaded:
 * new headless mode, no sandbox (root), and nothing that reaches the network
 * on its own (this machine has none). Extra flags go last.
 */
export function chromiumArgs(ext: string, ...extra: string[]): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
  ];
}
