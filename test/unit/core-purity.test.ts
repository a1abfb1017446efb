/**
 * src/core is pure TypeScript: no DOM, no browser APIs, no Node APIs, no
 * imports from outside src/core. Checked two ways: a scan of the source, and
 * a compile with lib ES2022 only (src/core/tsconfig.json).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORE = join(ROOT, 'src/core');
const FORBIDDEN = [
  'window',
  'document',
  'chrome',
  'browser',
  'navigator',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Source with comments and string / template / regex-free literals blanked out. */
export function stripCommentsAndStrings(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      i = src.indexOf('*/', i + 2);
      i = i === -1 ? src.length : i + 2;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      i++;
      while (i < src.length && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
      i++;
      out += '""';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Identifiers used as values (not property names after a dot, not object keys). */
export function forbiddenGlobals(code: string): string[] {
  const found: string[] = [];
  for (const name of FORBIDDEN) {
    const re = new RegExp(`(?<![.\\w$])${name}(?![\\w$])(?!\\s*\\??:(?!:))`, 'g');
    if (re.test(code)) found.push(name);
  }
  return found;
}

const files = tsFiles(CORE);

describe('src/core purity', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('the scanner itself catches what it should', () => {
    expect(forbiddenGlobals(stripCommentsAndStrings('const x = window.location;'))).toEqual([
      'window',
    ]);
    expect(forbiddenGlobals(stripCommentsAndStrings('await fetch(url)'))).toEqual(['fetch']);
    expect(
      forbiddenGlobals(
        stripCommentsAndStrings("// window\nconst s = 'document'; a.browser; ({ chrome: 1 })"),
      ),
    ).toEqual([]);
  });

  for (const file of files) {
    const rel = relative(ROOT, file);
    it(`${rel} imports only from src/core and uses no DOM or browser globals`, () => {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(
        /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/g,
      )) {
        const spec = m[1]!;
        expect(spec.startsWith('.'), `${rel} imports package ${spec}`).toBe(true);
        const target = resolve(dirname(file), spec);
        expect(target.startsWith(CORE + '/') || target === CORE, `${rel} imports ${spec}`).toBe(
          true,
        );
      }
      for (const m of src.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g)) {
        expect(m[1]!.startsWith('.'), `${rel} dynamic import ${m[1]}`).toBe(true);
      }
      expect(src).not.toMatch(/\brequire\s*\(/);
      expect(forbiddenGlobals(stripCommentsAndStrings(src)), rel).toEqual([]);
    });
  }

  it('compiles with lib ES2022 only (no DOM, no Node types)', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'src/core/tsconfig.json', '--noEmit'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
