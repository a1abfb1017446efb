/**
 * Gzip sizes of the built extension: each entry point's JavaScript with every
 * chunk it imports (statically, or by import() of a fixed path), and the whole
 * directory.
 *
 * Entries come from the built manifest: background.service_worker,
 * action.default_popup and options_ui.page / options_page (their
 * <script src>), content_scripts[].js, plus scripts the extension injects with
 * scripting.executeScript: a built file whose path appears as a string in the
 * bundles and lives under a "content" folder (crxjs standalone content scripts
 * are not listed in the manifest).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  /** Files (relative to dist) in the entry's import graph. */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  dist: string;
  entries: Record<'content' | 'popup' | 'background' | 'options', EntrySize | null>;
  total: { files: number; rawBytes: number; gzipBytes: number };
  /** JavaScript files no entry reaches (built but never loaded). */
  unreachableJs: string[];
  /** The biggest files by gzip size. */
  largest: { file: string; gzipBytes: number }[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const toPosix = (p: string) => p.split(sep).join('/');

export function gzipBytes(data: Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/**
 * Relative module specifiers a chunk imports (minified or not): static
 * imports, and dynamic import() of a literal path, which an entry loads on its
 * own a moment later (the popup loads its interface that way).
 */
function chunkImports(code: string): string[] {
  const out: string[] = [];
  const re =
    /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g;
  for (const m of code.matchAll(re)) out.push(m[1]!);
  for (const m of code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) out.push(m[1]!);
  return out;
}

function resolveSpecifier(dist: string, fromFile: string, spec: string): string {
  const abs = spec.startsWith('/') ? join(dist, spec) : join(dirname(fromFile), spec);
  return toPosix(relative(dist, abs));
}

function importGraph(dist: string, roots: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const rel = queue.shift()!;
    if (seen.has(rel)) continue;
    const abs = join(dist, rel);
    if (!existsSync(abs)) continue;
    seen.add(rel);
    if (!rel.endsWith('.js') && !rel.endsWith('.mjs')) continue;
    for (const spec of chunkImports(readFileSync(abs, 'utf8'))) {
      queue.push(resolveSpecifier(dist, abs, spec));
    }
  }
  return [...seen];
}

/** Module scripts of a built HTML page. */
function pageScripts(dist: string, page: string): string[] {
  const abs = join(dist, page);
  if (!existsSync(abs)) return [];
  const html = readFileSync(abs, 'utf8');
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) {
    out.push(resolveSpecifier(dist, abs, m[1]!.startsWith('/') ? m[1]! : `./${m[1]!}`));
  }
  return out;
}

interface BuiltManifest {
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
  content_scripts?: { js?: string[] }[];
}

export function bundleReport(dist: string): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
  const files = walk(dist).map((f) => toPosix(relative(dist, f)));
  const jsFiles = files.filter((f) => /\.m?js$/.test(f));

  const injected = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) for (const f of cs.js ?? []) injected.add(f);
  for (const f of jsFiles) {
    const code = readFileSync(join(dist, f), 'utf8');
    for (const m of code.matchAll(/["'`]\/?([\w./-]+\.js)["'`]/g)) {
      const path = posix.normalize(m[1]!);
      if (path !== f && files.includes(path) && /(^|\/)content(\/|[-_.])/.test(path)) {
        injected.add(path);
      }
    }
  }
  const background = [
    ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
    ...(manifest.background?.scripts ?? []),
  ];
  const popup = manifest.action?.default_popup;
  const options = manifest.options_ui?.page ?? manifest.options_page;

  const size = (roots: string[]): EntrySize | null => {
    if (!roots.length) return null;
    const graph = importGraph(dist, roots).filter((f) => /\.m?js$/.test(f));
    let raw = 0;
    let gz = 0;
    for (const f of graph) {
      const data = readFileSync(join(dist, f));
      raw += data.length;
      gz += gzipBytes(data);
    }
    return { files: graph.sort(), rawBytes: raw, gzipBytes: gz };
  };
  const entries: BundleReport['entries'] = {
    content: size([...injected]),
    popup: popup ? size(pageScripts(dist, popup)) : null,
    background: size(background),
    options: options ? size(pageScripts(dist, options)) : null,
  };
  const reached = new Set(Object.values(entries).flatMap((e) => e?.files ?? []));

  let raw = 0;
  let gz = 0;
  const perFile: { file: string; gzipBytes: number }[] = [];
  for (const f of files) {
    const data = readFileSync(join(dist, f));
    const g = gzipBytes(data);
    raw += data.length;
    gz += g;
    perFile.push({ file: f, gzipBytes: g });
  }
  perFile.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    dist,
    entries,
    total: { files: files.length, rawBytes: raw, gzipBytes: gz },
    unreachableJs: jsFiles.filter((f) => !reached.has(f)).sort(),
    largest: perFile.slice(0, 5),
  };
}
