/**
 * All rules compiled once per rule-set version and settings, and cached:
 * analysing a second page with the same settings compiles nothing.
 */
import {
  compileDataTypeRules,
  DATA_SENTENCE_SETS,
  DATA_TYPE_RULES_VERSION,
  type DataTypeRules,
} from './datatypes';
import { compileRetentionRules, RETENTION_RULES_VERSION, type RetentionRules } from './retention';
import { compileOptOutRules, OPT_OUT_RULES_VERSION, type OptOutRules } from './optout';
import { compileSharingRules, SHARING_RULES_VERSION, type SharingRules } from './sharing';
import { mergeWeights } from './score';
import { combine } from './prescan';
import { DETECT_CUES } from './detect';
import { CATALOG_VERSION, prepareSdks, type CatalogEntry } from './sdk';
import type { RuleSettings, ScoreWeights } from './settings';

export const RULES_VERSION = [
  DATA_TYPE_RULES_VERSION,
  RETENTION_RULES_VERSION,
  OPT_OUT_RULES_VERSION,
  SHARING_RULES_VERSION,
  CATALOG_VERSION,
].join('.');

export interface CompiledRules {
  key: string;
  /** The terms of every area in one automaton: the text is scanned once (prescan.ts). */
  combined: ReturnType<typeof combine>;
  dataTypes: DataTypeRules;
  retention: RetentionRules;
  optOut: OptOutRules;
  sharing: SharingRules;
  weights: ScoreWeights;
  extraSdks: CatalogEntry[];
  /** Problems found while compiling user rules (the rest still runs). */
  warnings: string[];
}

const cache = new Map<string, CompiledRules>();
const MAX_CACHED = 4;

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .replace(/^-|-$/g, '') || 'sdk'
  );
}

export function compileRules(settings?: RuleSettings): CompiledRules {
  const key = `${RULES_VERSION}|${settings ? JSON.stringify(settings) : ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const warnings: string[] = [];
  const extraSdks: CatalogEntry[] = (settings?.customSdks ?? [])
    .filter((s) => s.name.trim())
    .map((s) => ({
      id: `user-${slug(s.name)}`,
      name: s.name.trim(),
      vendor: s.vendor?.trim() || s.name.trim(),
      category: s.category,
      aliases: {
        en: [s.name, ...s.aliases]
          .filter((a) => a.trim() && !/[\u4e00-\u9fff]/.test(a))
          .map((a) => a.trim()),
        zh: [s.name, ...s.aliases].filter((a) => /[\u4e00-\u9fff]/.test(a)).map((a) => a.trim()),
      },
      source: 'user setting',
    }));
  // The SDK catalog too: compiling rules is the moment to pay for it, not the first analysis.
  prepareSdks(extraSdks);
  const dataTypes = compileDataTypeRules(settings, warnings);
  const retention = compileRetentionRules(settings, warnings);
  const optOut = compileOptOutRules(settings, warnings);
  const sharing = compileSharingRules();
  const compiled: CompiledRules = {
    key,
    combined: combine(
      {
        dataTypes: dataTypes.matcher,
        dataExclude: dataTypes.exclude,
        retention: retention.matcher,
        optOut: optOut.matcher,
        sharing: sharing.matcher,
        detectCues: DETECT_CUES,
      },
      DATA_SENTENCE_SETS,
    ),
    dataTypes,
    retention,
    optOut,
    sharing,
    weights: mergeWeights(settings?.weights),
    extraSdks,
    warnings,
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}
