import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function runEval(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const GOLD_ID = '003_e9d209c28fbad905';

describe('eval script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policylens-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores a gold card with its text beside it and a corpus file, as one JSON object', async () => {
    const gold = JSON.parse(readFileSync(`../shared/gold/${GOLD_ID}.json`, 'utf8')) as {
      id: string;
    };
    gold.id = 'mine';
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(gold));
    copyFileSync(`../shared/seeds/${GOLD_ID}.txt`, join(dir, 'mine.txt'));
    const corpus = readFileSync('../shared/corpus/dev/opp115.jsonl', 'utf8')
      .split('\n')
      .slice(0, 2);
    writeFileSync(join(dir, 'small.jsonl'), `${corpus.join('\n')}\n`);
    const out = join(dir, 'report.json');

    const r = await runEval([
      '--gold',
      dir,
      '--corpus',
      join(dir, 'small.jsonl'),
      '--json',
      '--out',
      out,
    ]);
    expect(r.stderr).not.toMatch(/eval:/);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      gold: { figures: { policies: number; cardScore: number }; policies: { id: string }[] };
      corpora: {
        all: { policies: number };
        bySource: Record<string, unknown>;
        byLanguage: Record<string, unknown>;
      };
      goals: unknown[];
      errors: string[];
    };
    expect(report.gold.policies.map((p) => p.id)).toEqual(['mine']);
    expect(report.gold.figures.cardScore).toBeGreaterThanOrEqual(0);
    expect(report.gold.figures.cardScore).toBeLessThanOrEqual(1);
    expect(report.corpora.all.policies).toBe(2);
    expect(Object.keys(report.corpora.bySource)).toEqual(['OPP-115']);
    expect(Object.keys(report.corpora.byLanguage)).toEqual(['en']);
    expect(report.errors).toEqual([]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(report);
  });

  it('reports a gold card without policy text and a broken corpus line, and exits 1', async () => {
    const bad = join(dir, 'bad');
    rmSync(bad, { recursive: true, force: true });
    mkdirSync(bad);
    copyFileSync(`../shared/gold/${GOLD_ID}.json`, join(bad, 'orphan.json'));
    writeFileSync(join(bad, 'broken.jsonl'), '{"id": "x"}\n');
    const r = await runEval(['--gold', bad, '--corpus', join(bad, 'broken.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/orphan\.json: no policy text/);
    expect(r.stderr).toMatch(/broken\.jsonl:1: not a corpus policy/);
    expect(r.stdout).toMatch(/Nothing was evaluated/);
  });

  it('refuses unknown arguments with the usage', async () => {
    const r = await runEval(['--golden']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage:/);
  });
});
