/**
 * The engine's pipeline, phase by phase, with the same calls analyze() makes
 * (src/core/analyze.ts), so the bench can say where the time goes.
 */
import { buildDoc } from '../../src/core/sections';
import { sectionAt } from '../../src/core/sections';
import { detectPolicy } from '../../src/core/detect';
import { compileRules } from '../../src/core/compile';
import { dataTypesIn, findSensitiveData } from '../../src/core/datatypes';
import { findRetention } from '../../src/core/retention';
import { findOptOuts } from '../../src/core/optout';
import { findSharing } from '../../src/core/sharing';
import { scoreCard } from '../../src/core/score';
import { findSdks } from '../../src/core/sdk';
import type { PolicyInput } from '../../src/core/types';

export const PHASES = [
  'buildDoc',
  'detectPolicy',
  'findSdks',
  'findSensitiveData',
  'findRetention',
  'findOptOuts',
  'findSharing',
  'scoreCard',
] as const;
export type Phase = (typeof PHASES)[number];

/** One run of the pipeline; returns the milliseconds spent in each phase. */
export function timePhases(input: PolicyInput): Record<Phase, number> {
  const out = {} as Record<Phase, number>;
  let t = performance.now();
  const lap = (phase: Phase): void => {
    const now = performance.now();
    out[phase] = now - t;
    t = now;
  };
  const rules = compileRules();
  t = performance.now();
  const doc = buildDoc(input);
  lap('buildDoc');
  detectPolicy({
    title: input.title ?? doc.title,
    ...(input.url ? { url: input.url } : {}),
    ...(input.blocks ? { blocks: input.blocks } : { text: doc.text }),
  });
  lap('detectPolicy');
  const sdks = findSdks(doc.text, {
    sectionAt: (offset) => sectionAt(doc, offset),
    dataTypesIn: (snippet) => dataTypesIn(snippet, rules.dataTypes),
    extraEntries: rules.extraSdks,
  });
  lap('findSdks');
  const sensitiveData = findSensitiveData(doc, rules.dataTypes, sdks);
  lap('findSensitiveData');
  const retention = findRetention(doc, rules.retention);
  lap('findRetention');
  const optOut = findOptOuts(doc, rules.optOut);
  lap('findOptOuts');
  const sharing = findSharing(doc, rules.sharing);
  lap('findSharing');
  scoreCard({ sensitiveData, sdks, sharing, retention, optOut }, rules.weights);
  lap('scoreCard');
  return out;
}
