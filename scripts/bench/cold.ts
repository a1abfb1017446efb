/** The cold path: compileRules and the first analyze in fresh processes (what a background that just started pays). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { summarize } from './stats';

export interface ColdResult {
  compileRulesMs: number;
  firstAnalyzeMs: number;
  secondAnalyzeMs: number;
  runs: number;
}

export function coldStart(root: string, seedPath: string, runs = 3): ColdResult | null {
  const rows: { compileRulesMs: number; firstAnalyzeMs: number; secondAnalyzeMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/bench/cold-child.ts'), seedPath],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    if (r.status !== 0) continue;
    try {
      rows.push(JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as (typeof rows)[number]);
    } catch {
      // a run that printed nothing readable is left out
    }
  }
  if (!rows.length) return null;
  const med = (k: keyof (typeof rows)[number]) => summarize(rows.map((r) => r[k])).median;
  return {
    compileRulesMs: med('compileRulesMs'),
    firstAnalyzeMs: med('firstAnalyzeMs'),
    secondAnalyzeMs: med('secondAnalyzeMs'),
    runs: rows.length,
  };
}
