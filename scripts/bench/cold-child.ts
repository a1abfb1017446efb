/**
 * Run in a fresh process by the bench: the first analysis, as a popup does it
 * every time it opens (rules compiled from JSON, nothing optimised yet).
 * Prints one JSON line: compileRules and first/second analyze, in ms.
 */
import { readFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze';
import { compileRules } from '../../src/core/compile';

const path = process.argv[2];
if (!path) throw new Error('usage: cold-child.ts SEED');
const text = readFileSync(path, 'utf8');
const t0 = performance.now();
compileRules();
const t1 = performance.now();
analyze({ text });
const t2 = performance.now();
analyze({ text });
const t3 = performance.now();
process.stdout.write(
  `${JSON.stringify({ compileRulesMs: t1 - t0, firstAnalyzeMs: t2 - t1, secondAnalyzeMs: t3 - t2 })}\n`,
);
