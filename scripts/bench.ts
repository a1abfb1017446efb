/**
 * npm run -s bench [-- --json] [--runs N] [--no-browser]
 *
 * Measures, on this machine and in one run, how fast PolicyLens is: the core
 * engine on the seeds, their HTML fixtures and the dev corpora; the cost of a
 * regular-expression scan of the same text (scan ratio); how time per KB grows
 * with input size; the policy detector on pages that are not policies; click
 * to card in headless Chromium with the built extension; and bundle sizes.
 * Prints a table with the targets (or one JSON object with --json).
 * A script, not a test: nothing here fails the build.
 */
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { analyze } from '../src/core/analyze';
import { detectPolicy } from '../src/core/detect';
import { extractPage } from '../src/extract/index';
import { decodeHtml } from '../src/cli/load';
import { bundleReport, type BundleReport } from './bench/bundle';
import { clickToCard, READ_PAUSE_MS, type ClickToCardResult } from './bench/click-to-card';
import { coldStart, type ColdResult } from './bench/cold';
import {
  corpusFiles,
  loadHtml,
  readCorpus,
  readHtml,
  readSeeds,
  type HtmlItem,
  type TextItem,
} from './bench/inputs';
import { PHASES, timePhases, type Phase } from './bench/phases';
import {
  keep,
  mbPerSecond,
  measure,
  nowMs,
  summarize,
  utf8Bytes,
  type Samples,
} from './bench/stats';

const ROOT = resolve(import.meta.dirname, '..');
const SEEDS = join(ROOT, '../shared/seeds');
const CORPUS = join(ROOT, '../shared/corpus/dev');
const FIXTURES = join(ROOT, 'test/fixtures');
const DIST = join(ROOT, 'dist');
const NON_POLICY = ['news-article.html', 'shop-product.html', 'login.html'];
const SCAN = /privacy|personal|隐私|个人信息/g;
const FACTORS = [1, 2, 4, 8, 16] as const;

interface Args {
  json: boolean;
  browser: boolean;
  clickRuns: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { json: false, browser: true, clickRuns: 7 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--no-browser') args.browser = false;
    else if (a === '--runs') args.clickRuns = Math.max(1, Number(argv[++i]) || 7);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run -s bench [-- --json] [--runs N] [--no-browser]\n');
      process.exit(0);
    } else {
      process.stderr.write(`bench: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  return args;
}

const log = (args: Args, msg: string): void => {
  if (!args.json) process.stderr.write(`… ${msg}\n`);
};

interface CoreRow {
  name: string;
  kind: 'seed text' | 'html fixture' | 'corpus';
  bytes: number;
  median: number;
  p95: number;
  min: number;
  runs: number;
  cpuMedian?: number;
  mbps: number;
  /** HTML only: the part spent decoding, parsing and extracting. */
  extractMedian?: number;
  docs?: number;
}

function benchSeed(seed: TextItem): CoreRow {
  const s = measure(() => analyze({ text: seed.text }), { warmup: 5, minRuns: 15, budgetMs: 1500 });
  return {
    name: seed.name,
    kind: 'seed text',
    bytes: seed.bytes,
    ...pick(s),
    mbps: mbPerSecond(seed.bytes, s.median),
  };
}

function benchHtml(item: HtmlItem): CoreRow {
  const s = measure(() => analyze(loadHtml(item)), { warmup: 3, minRuns: 15, budgetMs: 1500 });
  const e = measure(() => loadHtml(item), { warmup: 2, minRuns: 10, budgetMs: 500 });
  return {
    name: item.name,
    kind: 'html fixture',
    bytes: item.bytes.length,
    ...pick(s),
    mbps: mbPerSecond(item.bytes.length, s.median),
    extractMedian: e.median,
  };
}

/** Each document once as warm-up, then timed passes; per-document times pooled. */
function benchCorpus(path: string, passes: number): CoreRow {
  const { name, docs } = readCorpus(path);
  for (const d of docs) keep(analyze({ text: d.text }));
  const times: number[] = [];
  let bytes = 0;
  let total = 0;
  for (let p = 0; p < passes; p++) {
    for (const d of docs) {
      const t0 = nowMs();
      keep(analyze({ text: d.text }));
      const dt = nowMs() - t0;
      times.push(dt);
      total += dt;
      bytes += utf8Bytes(d.text);
    }
  }
  const s = summarize(times);
  return {
    name: `corpus/${name}`,
    kind: 'corpus',
    bytes: bytes / passes,
    ...pick(s),
    mbps: mbPerSecond(bytes, total),
    docs: docs.length,
  };
}

function pick(s: Samples): Pick<CoreRow, 'median' | 'p95' | 'min' | 'runs' | 'cpuMedian'> {
  return {
    median: s.median,
    p95: s.p95,
    min: s.min,
    runs: s.runs,
    ...(s.cpuMedian !== undefined ? { cpuMedian: s.cpuMedian } : {}),
  };
}

function scanRatio(
  text: string,
  analysisMs: number,
): { regexMs: number; ratio: number; matches: number } {
  let matches = 0;
  const s = measure(
    () => {
      let n = 0;
      SCAN.lastIndex = 0;
      while (SCAN.exec(text)) n++;
      matches = n;
      return n;
    },
    { warmup: 50, minRuns: 200, maxRuns: 5000, budgetMs: 700 },
  );
  return { regexMs: s.median, ratio: analysisMs / s.median, matches };
}

function scaling(text: string): { factor: number; kb: number; ms: number; msPerKB: number }[] {
  return FACTORS.map((factor) => {
    const big = Array.from({ length: factor }, () => text).join('\n');
    const kb = utf8Bytes(big) / 1024;
    const s = measure(() => analyze({ text: big }), {
      warmup: factor >= 8 ? 1 : 3,
      minRuns: factor >= 8 ? 3 : 7,
      maxRuns: 50,
      budgetMs: 2500,
    });
    return { factor, kb, ms: s.median, msPerKB: s.median / kb };
  });
}

interface DetectionRow {
  name: string;
  /** extractPage on the parsed document + detectPolicy: what the content script runs. */
  contentScriptMs: number;
  /** detectPolicy alone on the extracted blocks. */
  detectOnlyMs: number;
  /** Parsing the HTML with linkedom (the browser has the DOM already; not counted). */
  parseMs: number;
  isPolicy: boolean;
}

function benchDetection(item: HtmlItem): DetectionRow {
  const html = decodeHtml(item.bytes);
  const parse = measure(() => parseHTML(html), { warmup: 3, minRuns: 20, budgetMs: 300 });
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const url = `https://example.test/${item.name}`;
  const run = () => {
    const page = extractPage(doc, { url });
    return detectPolicy({ title: page.title, url, blocks: page.blocks });
  };
  const cs = measure(run, { warmup: 20, minRuns: 50, maxRuns: 2000, budgetMs: 500 });
  const page = extractPage(doc, { url });
  const input = { title: page.title, url, blocks: page.blocks };
  const d = measure(() => detectPolicy(input), {
    warmup: 20,
    minRuns: 50,
    maxRuns: 5000,
    budgetMs: 400,
  });
  return {
    name: item.name,
    contentScriptMs: cs.median,
    detectOnlyMs: d.median,
    parseMs: parse.median,
    isPolicy: detectPolicy(input).isPolicy,
  };
}

function phaseBreakdown(seedText: string, html: HtmlItem | undefined) {
  const run = (label: string, make: () => Parameters<typeof timePhases>[0]) => {
    const input = make();
    for (let i = 0; i < 5; i++) timePhases(input);
    const acc = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<
      Phase,
      number[]
    >;
    for (let i = 0; i < 25; i++) {
      const r = timePhases(input);
      for (const p of PHASES) acc[p].push(r[p]);
    }
    const medians = Object.fromEntries(PHASES.map((p) => [p, summarize(acc[p]).median])) as Record<
      Phase,
      number
    >;
    return { input: label, medians };
  };
  const out = [run('largest seed (text)', () => ({ text: seedText }))];
  if (html) out.push(run(`${html.name} (blocks)`, () => loadHtml(html)));
  return out;
}

interface Target {
  name: string;
  value: number | null;
  unit: string;
  limit: number;
  note?: string;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = nowMs();
  const load = loadavg();
  const machine = { cpus: cpus().length, loadavg1: load[0], node: process.version };

  const seeds = readSeeds(SEEDS);
  if (!seeds.length) throw new Error(`no seeds in ${SEEDS}`);
  const largest = seeds.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const largestStem = largest.name.slice(0, 3);
  const fixtures = readHtml(FIXTURES, /^seed-\d+\.html$/);
  const largestFixture = fixtures.find((f) => f.name === `seed-${largestStem}.html`);

  log(args, 'core: seeds');
  const core: CoreRow[] = seeds.map(benchSeed);
  log(args, 'core: HTML fixtures');
  core.push(...fixtures.map(benchHtml));
  log(args, 'core: dev corpora');
  for (const f of corpusFiles(CORPUS)) core.push(benchCorpus(f, 2));

  const largestRow = core.find((r) => r.name === largest.name)!;
  const largestHtmlRow = largestFixture
    ? core.find((r) => r.name === largestFixture.name)
    : undefined;

  log(args, 'scan ratio');
  const scan = scanRatio(largest.text, largestRow.median);
  log(args, 'scaling');
  const scale = scaling(largest.text);
  log(args, 'detection');
  const detection = readHtml(FIXTURES, /\.html$/)
    .filter((f) => NON_POLICY.includes(f.name))
    .map(benchDetection);
  const detectionMs = detection.length
    ? Math.max(...detection.map((d) => d.contentScriptMs))
    : null;
  log(args, 'phases');
  const phases = phaseBreakdown(largest.text, largestFixture);
  log(args, 'cold start');
  const cold = coldStart(ROOT, join(SEEDS, largest.name));

  let bundle: BundleReport | null = null;
  let bundleReason: string | undefined;
  if (existsSync(join(DIST, 'manifest.json'))) bundle = bundleReport(DIST);
  else bundleReason = 'dist/ is missing (run npm run build)';

  let click: ClickToCardResult;
  if (!args.browser) click = { ms: null, reason: 'skipped (--no-browser)' };
  else if (!largestFixture) click = { ms: null, reason: `no fixture seed-${largestStem}.html` };
  else {
    log(args, `click to card in Chromium (${args.clickRuns} runs)`);
    click = await clickToCard(DIST, largestFixture.path, args.clickRuns);
  }

  const scaleFirst = scale[0]!.msPerKB;
  const scaleLast = scale[scale.length - 1]!.msPerKB;
  const gz = (k: keyof BundleReport['entries']) => bundle?.entries[k]?.gzipBytes ?? null;
  const targets: Target[] = [
    {
      name: `largest seed ${(largest.bytes / 1024).toFixed(0)} KB, text`,
      value: largestRow.median,
      unit: 'ms',
      limit: 10,
    },
    {
      name: `same from its HTML fixture, with extraction`,
      value: largestHtmlRow?.median ?? null,
      unit: 'ms',
      limit: 25,
    },
    { name: 'scan ratio (analysis / one regex pass)', value: scan.ratio, unit: '×', limit: 30 },
    {
      name: 'scaling: ms/KB at ×16 over ×1',
      value: scaleLast / scaleFirst,
      unit: '×',
      limit: 1.5,
    },
    {
      name: 'detection on a non-policy page (worst of 3)',
      value: detectionMs,
      unit: 'ms',
      limit: 2,
      note: 'extractPage + detectPolicy',
    },
    {
      name: "click to card (Chromium, reader's click)",
      value: click.ms,
      unit: 'ms',
      limit: 300,
      note: click.reason,
    },
    {
      name: 'click to card (Chromium, page just loaded)',
      value: click.justLoaded?.median ?? null,
      unit: 'ms',
      limit: 300,
      note: click.reason,
    },
    {
      name: "click to card after the background stopped (reader's click)",
      value: click.woken?.median ?? null,
      unit: 'ms',
      limit: 300,
      note: click.reason,
    },
    {
      name: "click to card, automatic detection on (reader's click)",
      value: click.autoDetect?.median ?? null,
      unit: 'ms',
      limit: 300,
      note: click.reason ?? 'an option, off by default: the card is made when the page loads',
    },
    {
      name: 'content script, gzip',
      value: kb(gz('content')),
      unit: 'KB',
      limit: 30,
      note: bundleReason,
    },
    {
      name: 'whole dist/, gzip',
      value: kb(bundle?.total.gzipBytes ?? null),
      unit: 'KB',
      limit: 600,
      note: bundleReason,
    },
  ];

  const result = {
    machine,
    seconds: (nowMs() - started) / 1000,
    coreMedianMs: Object.fromEntries(core.map((r) => [r.name, r.median])),
    largestSeed: largest.name,
    largestSeedMs: largestRow.median,
    largestSeedCpuMs: largestRow.cpuMedian ?? null,
    largestSeedMinMs: largestRow.min,
    largestSeedHtmlMs: largestHtmlRow?.median ?? null,
    scanRatio: scan.ratio,
    scan,
    scaling: scale,
    detectionMs,
    detectionStep:
      'extractPage (already-parsed DOM) + detectPolicy, as the content script runs it; worst of the non-policy fixtures',
    detection,
    clickToCardMs: click.ms,
    clickToCard:
      click.ms === null
        ? { reason: click.reason }
        : {
            fixture: click.fixture,
            how: 'real toolbar button (DevTools Extensions.triggerAction), pinned; shipped dist/ bytes and permissions; from the press to the popup marking the card on screen',
            wallMedianMs: click.wall?.median,
            wallP95Ms: click.wall?.p95,
            inPageMedianMs: click.inPage?.median,
            popupOpenMedianMs: click.popupOpen?.median,
            justLoadedMedianMs: click.justLoaded?.median,
            justLoadedP95Ms: click.justLoaded?.p95,
            wokenMedianMs: click.woken?.median,
            wokenP95Ms: click.woken?.p95,
            wokenMarks: click.wokenMarks,
            unpinnedMedianMs: click.unpinned?.median,
            autoDetectMedianMs: click.autoDetect?.median,
            autoDetectP95Ms: click.autoDetect?.p95,
            autoDetectJustLoadedMedianMs: click.autoDetectJustLoaded?.median,
            autoDetectMarks: click.autoDetectMarks,
            firstClickMs: click.firstClickMs,
            runs: click.wall?.runs,
            breakdown: click.breakdown,
          },
    bundleGzipBytes: {
      content: gz('content'),
      popup: gz('popup'),
      background: gz('background'),
      options: gz('options'),
      total: bundle?.total.gzipBytes ?? null,
    },
    bundle: bundle ?? { reason: bundleReason },
    core,
    phases,
    coldStart: cold,
    targets: targets.map((t) => ({ ...t, met: t.value === null ? null : t.value <= t.limit })),
  };

  if (args.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  printTables(result, core, scale, detection, phases, cold, click, bundle, targets);
}

function kb(bytes: number | null): number | null {
  return bytes === null ? null : bytes / 1024;
}

/** The popup's marks as "open 236, ui 290, …" (ms since its navigation). */
function timeline(marks: Record<string, number> | undefined): string {
  return Object.entries(marks ?? {})
    .map(([name, ms]) => `${name.replace(/^pl:/, '')} ${ms}`)
    .join(', ');
}

function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toFixed(digits);
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function printTables(
  result: {
    machine: { cpus: number; loadavg1: number | undefined; node: string };
    seconds: number;
    scan: { regexMs: number; ratio: number; matches: number };
  },
  core: CoreRow[],
  scale: ReturnType<typeof scaling>,
  detection: DetectionRow[],
  phases: ReturnType<typeof phaseBreakdown>,
  cold: ColdResult | null,
  click: ClickToCardResult,
  bundle: BundleReport | null,
  targets: Target[],
): void {
  const out: string[] = [];
  const m = result.machine;
  out.push(
    `PolicyLens bench — node ${m.node}, ${m.cpus} CPUs, load average ${fmt(m.loadavg1)} at start, ${fmt(result.seconds, 1)} s`,
  );
  out.push(
    '',
    'Core engine (analyze; HTML rows include decoding, linkedom parsing and extraction;',
    'cpu ms = median process CPU time per run, less disturbed by other load than wall time)',
  );
  out.push(
    table(
      ['input', 'KB', 'median ms', 'p95 ms', 'min ms', 'cpu ms', 'runs', 'MB/s', 'extract ms'],
      core.map((r) => [
        r.docs ? `${r.name} (${r.docs} docs, per doc)` : r.name,
        fmt(r.bytes / 1024, 1),
        fmt(r.median),
        fmt(r.p95),
        fmt(r.min),
        fmt(r.cpuMedian),
        String(r.runs),
        fmt(r.mbps),
        fmt(r.extractMedian),
      ]),
    ),
  );
  out.push(
    '',
    `Scan: one /privacy|personal|隐私|个人信息/g pass over the largest seed: ${fmt(result.scan.regexMs, 3)} ms (${result.scan.matches} matches), ratio ${fmt(result.scan.ratio, 1)}×`,
  );
  out.push('', 'Scaling (largest seed repeated, joined with "\\n")');
  out.push(
    table(
      ['factor', 'KB', 'median ms', 'ms/KB'],
      scale.map((s) => [`×${s.factor}`, fmt(s.kb, 0), fmt(s.ms), fmt(s.msPerKB, 4)]),
    ),
  );
  out.push(
    '',
    'Detection on pages that are not policies (linkedom parse not counted: the browser has the DOM)',
  );
  out.push(
    table(
      ['page', 'extract+detect ms', 'detect only ms', 'parse ms', 'isPolicy'],
      detection.map((d) => [
        d.name,
        fmt(d.contentScriptMs, 3),
        fmt(d.detectOnlyMs, 3),
        fmt(d.parseMs, 3),
        String(d.isPolicy),
      ]),
    ),
  );
  out.push('', 'Engine phases, median ms');
  out.push(
    table(
      ['input', ...PHASES],
      phases.map((p) => [p.input, ...PHASES.map((ph) => fmt(p.medians[ph]))]),
    ),
  );
  out.push(
    '',
    cold
      ? `Cold start (fresh process, as in a background that just started), largest seed: compileRules ${fmt(cold.compileRulesMs, 1)} ms, first analyze ${fmt(cold.firstAnalyzeMs, 1)} ms, second ${fmt(cold.secondAnalyzeMs, 1)} ms (median of ${cold.runs})`
      : 'Cold start: not measured',
  );
  out.push(
    '',
    "Click to card (headless Chromium, the real toolbar button pressed for a tab with the largest seed's fixture)",
  );
  if (click.ms === null) out.push(`  not measured: ${click.reason}`);
  else {
    out.push(
      `  as installed (activeTab only), button pinned; policy tab loaded and idle, then a ${READ_PAUSE_MS} ms pause (the reader's click): median ${fmt(click.wall?.median, 0)} ms, p95 ${fmt(click.wall?.p95, 0)} ms over ${click.wall?.runs} runs; of which the browser opening its popup ${fmt(click.popupOpen?.median, 0)} ms and the popup's navigation to the card ${fmt(click.inPage?.median, 0)} ms`,
      `  clicked the moment the page's load event fired (page still laying out): median ${fmt(click.justLoaded?.median, 0)} ms, p95 ${fmt(click.justLoaded?.p95, 0)} ms`,
      `  first click after the browser started (rules compiled and engine run cold in the background; not in the median): ${fmt(click.firstClickMs, 0)} ms`,
      `  the reader's click after the background was stopped (as the browser does after 30 s without events; it starts again, compiles the rules and runs the engine cold): median ${fmt(click.woken?.median, 0)} ms, p95 ${fmt(click.woken?.p95, 0)} ms; popup timeline ${timeline(click.wokenMarks)}`,
      `  the reader's click with the button not pinned (the browser pops it out into the toolbar first): median ${fmt(click.unpinned?.median, 0)} ms`,
      `  with automatic detection turned on (an option; the page is detected and analysed when it loads): reader's click median ${fmt(click.autoDetect?.median, 0)} ms, p95 ${fmt(click.autoDetect?.p95, 0)} ms; clicked at the load event ${fmt(click.autoDetectJustLoaded?.median, 0)} ms; popup timeline ${timeline(click.autoDetectMarks)}`,
    );
    const b = click.breakdown;
    if (b) {
      out.push(
        `  pieces: empty popup (the floor) ${fmt(b.emptyPopupMs, 0)} ms, popup for a page it may not read ${fmt(b.popupBootMs, 0)} ms, inject content script ${fmt(b.injectMs, 0)} ms, page/extract round trip ${fmt(b.extractMs, 0)} ms`,
      );
      out.push(
        `  popup timeline of the reader's clicks (median ms since its navigation): ${timeline(b.marks)}`,
      );
    }
  }
  out.push('', 'Bundles (JS of each entry with every chunk it imports; zlib gzip level 9)');
  if (!bundle) out.push('  dist/ missing');
  else {
    const rows = (['content', 'popup', 'background', 'options'] as const).map((k) => {
      const e = bundle.entries[k];
      return [
        k,
        e ? fmt(e.rawBytes / 1024, 1) : '—',
        e ? fmt(e.gzipBytes / 1024, 1) : '—',
        e ? String(e.files.length) : '—',
      ];
    });
    rows.push([
      'whole dist/',
      fmt(bundle.total.rawBytes / 1024, 1),
      fmt(bundle.total.gzipBytes / 1024, 1),
      String(bundle.total.files),
    ]);
    out.push(table(['entry', 'raw KB', 'gzip KB', 'files'], rows));
    if (bundle.unreachableJs.length)
      out.push(`  built but loaded by no entry: ${bundle.unreachableJs.join(', ')}`);
  }
  out.push('', 'Targets');
  out.push(
    table(
      ['target', 'value', 'limit', 'met'],
      targets.map((t) => [
        t.name,
        t.value === null ? '—' : `${fmt(t.value)} ${t.unit}`,
        `≤ ${t.limit} ${t.unit}`,
        t.value === null ? `n/a (${t.note ?? 'not measured'})` : t.value <= t.limit ? 'yes' : 'NO',
      ]),
    ),
  );
  if (m.loadavg1 !== undefined && m.loadavg1 > m.cpus) {
    out.push(
      '',
      `Note: load average ${fmt(m.loadavg1)} on ${m.cpus} CPUs when the bench started: other work was competing, timings are inflated.`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
