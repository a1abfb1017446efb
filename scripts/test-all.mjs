#!/usr/bin/env node
/**
 * npm test: every check in order, keeps going after a failure.
 *   typecheck, lint, build (Chrome + Firefox), web-ext lint on dist-firefox,
 *   vitest unit, vitest e2e.
 * Vitest steps count their own tests (from the JSON reporter); every other
 * step counts as one check. Exits non-zero if anything failed, and prints
 * `N passed, N failed` as the very last line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'test/output');
mkdirSync(OUTPUT, { recursive: true });

let passed = 0;
let failed = 0;
const summary = [];

function run(cmd, args) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  return { ok: res.status === 0, status: res.status, seconds: (Date.now() - started) / 1000 };
}

function step(name, cmd, args) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = run(cmd, args);
  if (r.ok) passed++;
  else failed++;
  summary.push(`${r.ok ? 'PASS' : 'FAIL'} ${name} (${r.seconds.toFixed(1)}s)`);
  return r.ok;
}

/** web-ext lint must report zero errors (warnings are allowed). */
function webExtLint() {
  console.log('\n=== web-ext lint: dist-firefox');
  const started = Date.now();
  const res = spawnSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--self-hosted', '--output', 'json'],
    { cwd: ROOT, encoding: 'utf8', env: process.env },
  );
  let ok = false;
  let detail = '';
  try {
    const report = JSON.parse(res.stdout);
    const s = report.summary;
    detail = `${s.errors} errors, ${s.warnings} warnings, ${s.notices} notices`;
    for (const e of report.errors ?? [])
      console.log(`  error ${e.code}: ${e.message} ${e.file ?? ''}`);
    for (const w of report.warnings ?? [])
      console.log(`  warning ${w.code}: ${w.message} ${w.file ?? ''}`);
    ok = s.errors === 0;
  } catch {
    detail = `could not read web-ext output (exit ${res.status})`;
    console.log(res.stdout, res.stderr);
  }
  console.log(`  ${detail}`);
  if (ok) passed++;
  else failed++;
  summary.push(
    `${ok ? 'PASS' : 'FAIL'} web-ext lint: ${detail} (${((Date.now() - started) / 1000).toFixed(1)}s)`,
  );
}

/** Run a vitest suite and count its tests from the JSON report. */
function vitest(name, extraArgs, jsonFile) {
  const outFile = join(OUTPUT, jsonFile);
  rmSync(outFile, { force: true });
  console.log(`\n=== ${name}`);
  const r = run('npx', [
    'vitest',
    'run',
    ...extraArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${outFile}`,
  ]);
  if (!existsSync(outFile)) {
    failed++;
    summary.push(`FAIL ${name}: no report (exit ${r.status})`);
    return;
  }
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  const p = report.numPassedTests ?? 0;
  let f = report.numFailedTests ?? 0;
  // A suite that failed to load has no failing tests but still failed.
  const brokenFiles = (report.testResults ?? []).filter(
    (t) => t.status === 'failed' && (t.assertionResults ?? []).every((a) => a.status !== 'failed'),
  ).length;
  f += brokenFiles;
  if (!r.ok && f === 0) f = 1;
  passed += p;
  failed += f;
  summary.push(
    `${f === 0 ? 'PASS' : 'FAIL'} ${name}: ${p} passed, ${f} failed (${r.seconds.toFixed(1)}s)`,
  );
  for (const line of failureDigest(report)) summary.push(`  ${line}`);
}

/** Lines over this length are cut in the digest. */
const DIGEST_LINE = 240;
/** At most this many failures are listed per suite. */
const DIGEST_MAX = 15;

/**
 * One line per failing test (file, title, the first line of its message), so
 * the end of a long CI log says why it failed even when only the end is kept.
 */
function failureDigest(report) {
  const lines = [];
  let more = 0;
  for (const file of report.testResults ?? []) {
    const rel = String(file.name ?? '').replace(`${ROOT}/`, '');
    const failing = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    if (failing.length === 0 && file.status === 'failed') {
      failing.push({ fullName: '(file did not load)', failureMessages: [file.message ?? ''] });
    }
    for (const a of failing) {
      if (lines.length >= DIGEST_MAX) {
        more++;
        continue;
      }
      const first = firstLine(String(a.failureMessages?.[0] ?? ''));
      lines.push(`${rel} > ${a.fullName ?? a.title}: ${first}`.slice(0, DIGEST_LINE));
    }
  }
  if (more > 0) lines.push(`… and ${more} more (see the log above)`);
  return lines;
}

function firstLine(message) {
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').find((l) => l.trim() !== '')?.trim() ?? '(no message)';
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
const built = step('build (chrome + firefox)', 'npm', ['run', '--silent', 'build']);
if (built) webExtLint();
else {
  failed++;
  summary.push('FAIL web-ext lint: skipped, build failed');
}
vitest('unit tests', [], 'unit.json');
vitest('e2e tests', ['-c', 'vitest.e2e.config.ts'], 'e2e.json');

console.log('\n=== summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
