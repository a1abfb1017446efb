/** From policy input to the risk card (card.schema.json), in a few linear passes. */
import type { Card, DataType, PolicyInput, SdkFinding } from './types';
import type { Scanner, TermHit } from './matcher';
import { prescan } from './prescan';
import { buildDoc, sectionAt } from './sections';
import { detectFromParts, DETECT_SAMPLE } from './detect';
import { compileRules } from './compile';
import { dataTypesBetween, dataTypesIn, findSensitiveData } from './datatypes';
import { findRetention } from './retention';
import { findOptOuts } from './optout';
import { findSharing } from './sharing';
import { scoreCard } from './score';
import { findSdks } from './sdk';
import { hantRestorer } from './fold';
import type { Doc } from './sections';
import type { AnalyzeOptions } from './settings';

export function analyze(input: PolicyInput, options: AnalyzeOptions = {}): Card {
  const lap = options.onPhase ?? (() => undefined);
  const rules = compileRules(options.settings);
  lap('compileRules');
  const doc = buildDoc(input);
  lap('buildDoc');
  // Every area's terms, detection's vocabulary and the sentence sets in one
  // pass over the text; each reads its own hits.
  const pre = prescan(rules.combined, doc.folded);
  lap('prescan');
  const sample = Math.min(DETECT_SAMPLE, doc.folded.length);
  const detection = detectFromParts({
    title: input.title ?? doc.title,
    ...(input.url ? { url: input.url } : {}),
    sampleFolded: doc.folded.slice(0, sample),
    headings: doc.sections.filter((sec) => sec.level > 0).map((sec) => sec.heading),
    cueHits: pre.areas.detectCues.scan(doc.folded, 0, sample) as TermHit<number>[],
  });
  lap('detectPolicy');
  const dataRules = {
    ...rules.dataTypes,
    matcher: pre.areas.dataTypes as Scanner<DataType>,
    exclude: pre.areas.dataExclude as Scanner<DataType>,
  };
  const sdks = findSdks(doc.view, {
    sectionAt: (offset) => sectionAt(doc, offset),
    dataTypesIn: (snippet) => dataTypesIn(snippet, rules.dataTypes),
    dataTypesAt: (start, end) => dataTypesBetween(doc.folded, doc.view, dataRules, start, end),
    extraEntries: rules.extraSdks,
    folded: doc.folded,
  });
  if (doc.view !== doc.text) restoreSdkText(sdks, doc);
  lap('findSdks');
  const sensitiveData = findSensitiveData(doc, dataRules, sdks, pre.set);
  lap('findSensitiveData');
  const retention = findRetention(doc, {
    ...rules.retention,
    matcher: pre.areas.retention as typeof rules.retention.matcher,
  });
  lap('findRetention');
  const optOut = findOptOuts(doc, {
    ...rules.optOut,
    matcher: pre.areas.optOut as typeof rules.optOut.matcher,
  });
  lap('findOptOuts');
  const sharing = findSharing(doc, {
    ...rules.sharing,
    matcher: pre.areas.sharing as typeof rules.sharing.matcher,
  });
  lap('findSharing');
  const score = scoreCard({ sensitiveData, sdks, sharing, retention, optOut }, rules.weights);
  lap('scoreCard');
  const source: Card['source'] = {};
  if (input.url) source.url = input.url;
  if (input.file) source.file = input.file;
  if (doc.title) source.title = doc.title;
  const card: Card = {
    schemaVersion: 1,
    source,
    language: doc.language,
    ...(options.analyzedAt ? { analyzedAt: options.analyzedAt } : {}),
    detection,
    sections: doc.sections,
    sensitiveData,
    sdks,
    retention,
    optOut,
    sharing,
    score,
  };
  if (rules.warnings.length) card.warnings = [...rules.warnings];
  return card;
}

/**
 * The SDK finder reads the Simplified view of a Traditional text; what it
 * quotes and names from the page goes back into the page's own characters.
 * A catalog entry keeps its catalog name and vendor.
 */
function restoreSdkText(sdks: SdkFinding[], doc: Doc): void {
  const back = hantRestorer(doc.view, doc.text);
  for (const f of sdks) {
    if (!f.id) {
      f.name = back(f.name);
      if (f.vendor) f.vendor = back(f.vendor);
    }
    if (f.aliases) f.aliases = f.aliases.map(back);
    if (f.purpose) f.purpose = back(f.purpose);
    for (const e of f.evidence) e.quote = back(e.quote);
  }
}
