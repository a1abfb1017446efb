/**
 * The engine's pipeline, phase by phase, with the same calls analyze() makes
 * (src/core/analyze.ts), so the bench can say where the time goes.
 */
import type { DataType, PolicyInput } from '../../src/core/types';
import type { Scanner } from '../../src/core/matcher';
import { buildDoc, sectionAt } from '../../src/core/sections';
import { detectFromParts, DETECT_SAMPLE } from '../../src/core/detect';
import { compileRules } from '../../src/core/compile';
import { prescan } from '../../src/core/prescan';
import { dataTypesIn, findSensitiveData } from '../../src/core/datatypes';
import { findRetention } from '../../src/core/retention';
import { findOptOuts } from '../../src/core/optout';
import { findSharing } from '../../src/core/sharing';
import { scoreCard } from '../../src/core/score';
import { findSdks } from '../../src/core/sdk';

export const PHASES = [
  'buildDoc',
  'detectPolicy',
  'findSdks',
  'prescan',
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
  // analyze() detects from the parts of its document (detectPolicy folds its own sample).
  detectFromParts({
    title: input.title ?? doc.title,
    ...(input.url ? { url: input.url } : {}),
    sampleFolded: doc.folded.slice(0, DETECT_SAMPLE),
    headings: doc.sections.filter((sec) => sec.level > 0).map((sec) => sec.heading),
  });
  lap('detectPolicy');
  const sdks = findSdks(doc.text, {
    sectionAt: (offset) => sectionAt(doc, offset),
    dataTypesIn: (snippet) => dataTypesIn(snippet, rules.dataTypes),
    extraEntries: rules.extraSdks,
  });
  lap('findSdks');
  // One scan of the text for every area's terms; the areas below read their hits from it.
  const pre = prescan(rules.combined, doc.folded, {
    dataTypes: rules.dataTypes.matcher,
    dataExclude: rules.dataTypes.exclude,
    retention: rules.retention.matcher,
    optOut: rules.optOut.matcher,
    sharing: rules.sharing.matcher,
  });
  lap('prescan');
  const sensitiveData = findSensitiveData(
    doc,
    {
      ...rules.dataTypes,
      matcher: pre.dataTypes as Scanner<DataType>,
      exclude: pre.dataExclude as Scanner<DataType>,
    },
    sdks,
  );
  lap('findSensitiveData');
  const retention = findRetention(doc, {
    ...rules.retention,
    matcher: pre.retention as typeof rules.retention.matcher,
  });
  lap('findRetention');
  const optOut = findOptOuts(doc, {
    ...rules.optOut,
    matcher: pre.optOut as typeof rules.optOut.matcher,
  });
  lap('findOptOuts');
  const sharing = findSharing(doc, {
    ...rules.sharing,
    matcher: pre.sharing as typeof rules.sharing.matcher,
  });
  lap('findSharing');
  scoreCard({ sensitiveData, sdks, sharing, retention, optOut }, rules.weights);
  lap('scoreCard');
  return out;
}
