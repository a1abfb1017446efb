/**
 * No remote code and no network code in what ships: every file of dist/ and
 * dist-firefox/ is scanned for string-to-code constructs (eval, Function,
 * string timers), remote script sources, and network APIs. The only fetch()
 * allowed reads the extension's own files (runtime.getURL). The manifest
 * permissions and CSP are checked in manifest.e2e.ts; here the CSP is also
 * parsed directive by directive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureShippedBuilds, SHIPPED } from './helpers';

beforeAll(ensureShippedBuilds);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Constructs that turn a string into code, or load code from elsewhere. */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /new\s+Function\s*\(/ },
  { name: 'Function( constructor', pattern: /(?<![\w$])Function\s*\(/ },
  { name: 'string timer', pattern: /set(Timeout|Interval)\s*\(\s*["'`]/ },
  { name: 'remote <script src>', pattern: /<script[^>]*\ssrc\s*=\s*["']?(https?:)?\/\//i },
  { name: 'remote import()', pattern: /import\s*\(\s*["'`](https?:)?\/\//i },
  { name: 'importScripts', pattern: /importScripts\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /XMLHttpRequest/ },
  { name: 'WebSocket', pattern: /WebSocket/ },
  { name: 'EventSource', pattern: /EventSource/ },
  { name: 'sendBeacon', pattern: /sendBeacon/ },
  { name: 'remote stylesheet', pattern: /@import\s+(url\()?["']?(https?:)?\/\//i },
];

/** fetch() is allowed only on the extension's own files. */
const FETCH = /(?<![\w$.])fetch\s*\(/g;
const OWN_FETCH = /^fetch\s*\(\s*[\w$.]*runtime\.getURL\(/;

/** Web addresses in shipped code that are names (XML namespaces), not places to go. */
const NAMESPACES = new Set([
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/XML/1998/namespace',
]);

/** Every problem found in one file's text (the self-test below proves each check can fail). */
function problemsIn(text: string): string[] {
  const out: string[] = [];
  for (const { name, pattern } of FORBIDDEN) if (pattern.test(text)) out.push(name);
  for (const m of text.matchAll(FETCH)) {
    if (!OWN_FETCH.test(text.slice(m.index))) out.push(`fetch of a non-extension URL`);
  }
  // A scheme put in front of a link target the user opens (`https://${host}`) is no address.
  for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\$]+/g)) {
    if (!NAMESPACES.has(m[0])) out.push(`web address ${m[0]}`);
  }
  return out;
}

describe('the scanner itself', () => {
  it('finds each forbidden construct and lets the namespaces and own fetch pass', () => {
    const bad = [
      'eval("1")',
      'x=new Function("a","return a")',
      'const f=Function("return this")',
      'setTimeout("alert(1)", 10)',
      '<script src="https://cdn.example/x.js"></script>',
      'import("https://cdn.example/x.js")',
      'importScripts("https://cdn.example/x.js")',
      'new XMLHttpRequest()',
      'fetch(`https://api.example/collect`)',
      'navigator.sendBeacon(u,d)',
      'fetch(url)',
      'const u="https://telemetry.example/v1"',
    ];
    for (const b of bad) expect(problemsIn(b), b).not.toEqual([]);
    const good = [
      'a.eval2=1;isFunction(x);typeof f=="function"',
      'fetch(r.default.runtime.getURL(`/_locales/en/messages.json`))',
      'ns=`http://www.w3.org/2000/svg`',
      'setTimeout(()=>f(),10)',
      'u=/^[a-z]+:/i.test(e)?e:`https://${e}`',
    ];
    for (const g of good) expect(problemsIn(g), g).toEqual([]);
  });
});

for (const [target, dir] of Object.entries(SHIPPED)) {
  describe(`${target} build: no remote code, no network code`, () => {
    it('every shipped file is free of eval, Function, string timers, remote scripts and network APIs', () => {
      const files = filesUnder(dir).filter((f) =>
        ['.js', '.mjs', '.html', '.css', '.json'].includes(extname(f)),
      );
      expect(files.filter((f) => extname(f) === '.js').length).toBeGreaterThan(3);
      const found: string[] = [];
      for (const file of files) {
        for (const p of problemsIn(readFileSync(file, 'utf8'))) {
          found.push(`${relative(dir, file)}: ${p}`);
        }
      }
      expect(found).toEqual([]);
    });

    it('ships only code, pages, styles, data and images (nothing to fetch and run later)', () => {
      const kinds = new Set(filesUnder(dir).map((f) => extname(f)));
      for (const k of kinds) expect(['.js', '.html', '.css', '.json', '.png']).toContain(k);
    });

    it("the extension pages' CSP allows scripts from the extension only", () => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        content_security_policy?: { extension_pages?: string };
      };
      const csp = m.content_security_policy?.extension_pages ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map((d) => [d[0]!, d.slice(1)] as const),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
      // Every HTML page loads its scripts from the package, never inline.
      for (const html of filesUnder(dir).filter((f) => f.endsWith('.html'))) {
        const text = readFileSync(html, 'utf8');
        for (const tag of text.match(/<script\b[^>]*>/g) ?? []) {
          expect(tag, relative(dir, html)).toMatch(/\ssrc="\/?[\w./-]+"/);
        }
        expect(text).not.toMatch(/<script\b[^>]*>[^<\s]/);
        expect(text).not.toMatch(/\son\w+\s*=/i);
      }
    });
  });
}
