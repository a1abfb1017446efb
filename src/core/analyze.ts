/** From policy input to the risk card (card.schema.json), in a few linear passes. */
import type { Card, PolicyInput } from './types';
import { buildDoc, sectionAt } from './sections';
import { detectFromParts, DETECT_SAMPLE } from './detect';
import { compileRules } from './compile';
import { dataTypesIn, findSensitiveData } from './datatypes';
import { findRetention } from './retention';
import { findOptOuts } from './optout';
import { findSharing } from './sharing';
import { scoreCard } from './score';
import { findSdks } from './sdk';
import type { AnalyzeOptions } from './settings';

export function analyze(input: PolicyInput, options: AnalyzeOptions = {}): Card {
  const rules = compileRules(options.settings);
  const doc = buildDoc(input);
  const detection = detectFromParts({
    title: input.title ?? doc.title,
    ...(input.url ? { url: input.url } : {}),
    sampleFolded: doc.folded.slice(0, DETECT_SAMPLE),
    headings: doc.sections.filter((sec) => sec.level > 0).map((sec) => sec.heading),
  });
  const sdks = findSdks(doc.text, {
    sectionAt: (offset) => sectionAt(doc, offset),
    dataTypesIn: (snippet) => dataTypesIn(snippet, rules.dataTypes),
    extraEntries: rules.extraSdks,
  });
  const sensitiveData = findSensitiveData(doc, rules.dataTypes, sdks);
  const retention = findRetention(doc, rules.retention);
  const optOut = findOptOuts(doc, rules.optOut);
  const sharing = findSharing(doc, rules.sharing);
  const score = scoreCard({ sensitiveData, sdks, sharing, retention, optOut }, rules.weights);
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
