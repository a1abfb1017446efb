/**
 * One canonical form for settings, so that equal settings are equal objects:
 * lists in a fixed order without duplicates, severities and weights kept only
 * where they differ from the built-in values, optional fields left out when
 * empty, object keys in a fixed order.
 */
import { DATA_TYPES } from '../core/types';
import { BUILT_IN_SEVERITY, DEFAULT_SETTINGS, DEFAULT_WEIGHTS } from './defaults';
import {
  SCHEMA_VERSION,
  WEIGHT_GROUPS,
  WEIGHT_NUMBERS,
  type CustomSdk,
  type CustomTerm,
  type Settings,
  type WeightOverrides,
} from './types';

export function normalizeTerm(t: CustomTerm): CustomTerm {
  return {
    area: t.area,
    target: t.target,
    pattern: t.pattern.trim(),
    ...(t.regex ? { regex: true } : {}),
  };
}

export function normalizeSdk(s: CustomSdk): CustomSdk {
  const aliases: string[] = [];
  for (const a of s.aliases.map((x) => x.trim())) if (a && !aliases.includes(a)) aliases.push(a);
  const vendor = s.vendor?.trim();
  return { name: s.name.trim(), aliases, ...(vendor ? { vendor } : {}), category: s.category };
}

export function normalizeWeights(w: WeightOverrides): WeightOverrides {
  const out: Record<string, unknown> = {};
  const defaults = DEFAULT_WEIGHTS as unknown as Record<string, unknown>;
  const given = w as Record<string, unknown>;
  for (const k of WEIGHT_NUMBERS) {
    const v = given[k];
    if (typeof v === 'number' && v !== defaults[k]) out[k] = v;
  }
  for (const g of WEIGHT_GROUPS) {
    const group = given[g] as Record<string, unknown> | undefined;
    if (!group) continue;
    const base = defaults[g] as Record<string, number>;
    const kept: Record<string, number> = {};
    for (const k of Object.keys(base)) {
      const v = group[k];
      if (typeof v === 'number' && v !== base[k]) kept[k] = v;
    }
    if (Object.keys(kept).length) out[g] = kept;
  }
  return out as WeightOverrides;
}

export function normalizeSettings(s: Settings): Settings {
  const disabled = new Set(s.disabledTypes);
  const severity: Settings['severity'] = {};
  for (const t of DATA_TYPES) {
    const v = s.severity[t];
    if (v && v !== BUILT_IN_SEVERITY[t]) severity[t] = v;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    disabledTypes: DATA_TYPES.filter((t) => disabled.has(t)),
    severity,
    customTerms: s.customTerms.map(normalizeTerm),
    customSdks: s.customSdks.map(normalizeSdk),
    weights: normalizeWeights(s.weights),
    language: s.language ?? DEFAULT_SETTINGS.language,
    autoDetect: s.autoDetect ?? DEFAULT_SETTINGS.autoDetect,
  };
}

/** Only what differs from the defaults (what storage.sync keeps), with schemaVersion. */
export function diffFromDefaults(s: Settings): Partial<Settings> & { schemaVersion: number } {
  const n = normalizeSettings(s);
  const out: Partial<Settings> & { schemaVersion: number } = { schemaVersion: SCHEMA_VERSION };
  if (n.disabledTypes.length) out.disabledTypes = n.disabledTypes;
  if (Object.keys(n.severity).length) out.severity = n.severity;
  if (n.customTerms.length) out.customTerms = n.customTerms;
  if (n.customSdks.length) out.customSdks = n.customSdks;
  if (Object.keys(n.weights).length) out.weights = n.weights;
  if (n.language !== DEFAULT_SETTINGS.language) out.language = n.language;
  if (n.autoDetect !== DEFAULT_SETTINGS.autoDetect) out.autoDetect = n.autoDetect;
  return out;
}

/** Settings equal after normalizing (what "identical settings" means). */
export function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(normalizeSettings(a)) === JSON.stringify(normalizeSettings(b));
}
