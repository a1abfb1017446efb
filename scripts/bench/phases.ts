/**
 * Where analyze() spends its time: the engine reports the end of each of its
 * phases (AnalyzeOptions.onPhase), so the bench times the code users run, not
 * a copy of it.
 */
import { analyze } from '../../src/core/analyze';
import { compileRules } from '../../src/core/compile';
import { ANALYZE_PHASES, type AnalyzePhase } from '../../src/core/settings';
import type { PolicyInput } from '../../src/core/types';

/** The phases the bench reports (compiling is cached and timed by the cold-start measure). */
export const PHASES = ANALYZE_PHASES.filter((p) => p !== 'compileRules');
export type Phase = AnalyzePhase;

/** One run of the pipeline; returns the milliseconds spent in each phase. */
export function timePhases(input: PolicyInput): Record<Phase, number> {
  compileRules();
  const out = {} as Record<Phase, number>;
  let t = performance.now();
  analyze(input, {
    onPhase: (phase) => {
      const now = performance.now();
      out[phase] = now - t;
      t = now;
    },
  });
  return out;
}
