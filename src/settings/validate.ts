/**
 * The hand-written validator for schemaVersion 3 settings (the extension may
 * not generate code at run time, so no ajv here). It follows
 * settings.schema.json, which tests cross-check with ajv, and adds what a
 * schema cannot say: patterns must compile and be safe (pattern-safety.ts),
 * grade thresholds must go down from A to D, SDK names must be unique.
 *
 * checkSettings() never throws. It returns every problem, in words, with the
 * path of the value ("customTerms[2].pattern: ..."), and a repaired copy in
 * which each bad value is replaced by its default and each bad list entry is
 * dropped. Import refuses a file with any problem; loading stored data uses
 * the repaired copy and shows the problems as notices.
 */
import {
  OPT_OUT_KINDS,
  RETENTION_KINDS,
  DATA_TYPES,
  SDK_CATEGORIES,
  SEVERITIES,
} from '../core/types';
import { TERM_AREAS } from '../core/settings';
import { DEFAULT_WEIGHTS, defaultSettings } from './defaults';
import { normalizeSettings } from './normalize';
import { checkUserPattern } from './pattern-safety';
import {
  LIMITS,
  SCHEMA_VERSION,
  UI_LANGUAGES,
  isUiLanguage,
  WEIGHT_GROUPS,
  WEIGHT_NUMBERS,
  type CustomSdk,
  type CustomTerm,
  type Settings,
  type WeightOverrides,
} from './types';

type Obj = Record<string, unknown>;

const TOP_KEYS = [
  'schemaVersion',
  'exportedAt',
  'disabledTypes',
  'severity',
  'customTerms',
  'customSdks',
  'weights',
  'language',
  'autoDetect',
] as const;

const TARGETS: Record<(typeof TERM_AREAS)[number], readonly string[]> = {
  'data-type': DATA_TYPES,
  retention: RETENTION_KINDS,
  'opt-out': OPT_OUT_KINDS,
};

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string')
    return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

function oneOf(list: readonly string[]): string {
  return list.map((x) => `"${x}"`).join(', ');
}

function unknownKeys(o: Obj, allowed: readonly string[], path: string, errors: string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) errors.push(`${path}${path ? '.' : ''}${k}: unknown setting`);
  }
}

function checkText(
  v: unknown,
  path: string,
  errors: string[],
  max = LIMITS.nameLength,
): string | undefined {
  if (typeof v !== 'string') {
    errors.push(`${path}: must be text, not ${kind(v)}`);
    return undefined;
  }
  if (!v.trim()) {
    errors.push(`${path}: must not be empty`);
    return undefined;
  }
  if (v.length > max) {
    errors.push(`${path}: is longer than ${max} characters`);
    return undefined;
  }
  return v;
}

function checkTerm(v: unknown, path: string, errors: string[]): CustomTerm | undefined {
  if (!isObj(v)) {
    errors.push(`${path}: must be an object with area, target and pattern, not ${kind(v)}`);
    return undefined;
  }
  const before = errors.length;
  unknownKeys(v, ['area', 'target', 'pattern', 'regex'], path, errors);
  const area = v.area;
  const areaOk = typeof area === 'string' && (TERM_AREAS as readonly string[]).includes(area);
  if (!areaOk) errors.push(`${path}.area: must be one of ${oneOf(TERM_AREAS)}, not ${kind(area)}`);
  if (typeof v.target !== 'string')
    errors.push(`${path}.target: must be text, not ${kind(v.target)}`);
  else if (areaOk && !TARGETS[area as CustomTerm['area']].includes(v.target)) {
    errors.push(
      `${path}.target: "${v.target}" is not a known ${area} target (one of ${oneOf(TARGETS[area as CustomTerm['area']])})`,
    );
  }
  if (v.regex !== undefined && typeof v.regex !== 'boolean') {
    errors.push(`${path}.regex: must be true or false, not ${kind(v.regex)}`);
  }
  if (typeof v.pattern !== 'string') {
    errors.push(`${path}.pattern: must be text, not ${kind(v.pattern)}`);
  } else {
    const check = checkUserPattern(v.pattern, v.regex === true);
    if (!check.ok) errors.push(`${path}.pattern: ${check.error}`);
  }
  if (errors.length > before) return undefined;
  return {
    area: area as CustomTerm['area'],
    target: v.target as CustomTerm['target'],
    pattern: v.pattern as string,
    ...(v.regex === true ? { regex: true } : {}),
  };
}

function checkSdk(
  v: unknown,
  path: string,
  errors: string[],
  seen: Set<string>,
): CustomSdk | undefined {
  if (!isObj(v)) {
    errors.push(`${path}: must be an object with name, aliases and category, not ${kind(v)}`);
    return undefined;
  }
  const before = errors.length;
  unknownKeys(v, ['name', 'aliases', 'vendor', 'category'], path, errors);
  const name = checkText(v.name, `${path}.name`, errors);
  if (name !== undefined) {
    const key = name.trim().toLowerCase();
    if (seen.has(key))
      errors.push(`${path}.name: another custom SDK is already called "${name.trim()}"`);
    seen.add(key);
  }
  const aliases: string[] = [];
  if (v.aliases !== undefined) {
    if (!Array.isArray(v.aliases))
      errors.push(`${path}.aliases: must be a list of names, not ${kind(v.aliases)}`);
    else {
      if (v.aliases.length > LIMITS.aliases)
        errors.push(`${path}.aliases: has ${v.aliases.length} names (at most ${LIMITS.aliases})`);
      v.aliases.forEach((a, i) => {
        const t = checkText(a, `${path}.aliases[${i}]`, errors);
        if (t !== undefined) aliases.push(t);
      });
    }
  }
  if (v.vendor !== undefined && typeof v.vendor === 'string' && v.vendor.trim() === '') {
    // An empty vendor means "none".
  } else if (v.vendor !== undefined) checkText(v.vendor, `${path}.vendor`, errors);
  if (
    typeof v.category !== 'string' ||
    !(SDK_CATEGORIES as readonly string[]).includes(v.category)
  ) {
    errors.push(
      `${path}.category: must be one of ${oneOf(SDK_CATEGORIES)}, not ${kind(v.category)}`,
    );
  }
  if (errors.length > before) return undefined;
  return {
    name: name!,
    aliases,
    ...(typeof v.vendor === 'string' && v.vendor.trim() ? { vendor: v.vendor } : {}),
    category: v.category as CustomSdk['category'],
  };
}

function checkWeight(v: unknown, path: string, errors: string[]): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > LIMITS.weightMax) {
    errors.push(`${path}: must be a number between 0 and ${LIMITS.weightMax}, not ${kind(v)}`);
    return undefined;
  }
  return v;
}

function checkWeights(v: unknown, errors: string[]): WeightOverrides {
  if (!isObj(v)) {
    errors.push(`weights: must be an object, not ${kind(v)}`);
    return {};
  }
  const out: Record<string, unknown> = {};
  unknownKeys(v, [...WEIGHT_NUMBERS, ...WEIGHT_GROUPS], 'weights', errors);
  for (const k of WEIGHT_NUMBERS) {
    if (v[k] === undefined) continue;
    const n = checkWeight(v[k], `weights.${k}`, errors);
    if (n !== undefined) out[k] = n;
  }
  for (const g of WEIGHT_GROUPS) {
    const group = v[g];
    if (group === undefined) continue;
    if (!isObj(group)) {
      errors.push(`weights.${g}: must be an object, not ${kind(group)}`);
      continue;
    }
    const members = Object.keys(DEFAULT_WEIGHTS[g]);
    unknownKeys(group, members, `weights.${g}`, errors);
    const kept: Record<string, number> = {};
    for (const m of members) {
      if (group[m] === undefined) continue;
      const n = checkWeight(group[m], `weights.${g}.${m}`, errors);
      if (n !== undefined) kept[m] = n;
    }
    out[g] = kept;
  }
  const t = { ...DEFAULT_WEIGHTS.thresholds, ...(out.thresholds as object | undefined) };
  if (!(t.A >= t.B && t.B >= t.C && t.C >= t.D)) {
    errors.push(
      `weights.thresholds: must go down from A to D (now A ${t.A}, B ${t.B}, C ${t.C}, D ${t.D})`,
    );
    delete out.thresholds;
  }
  return out as WeightOverrides;
}

export interface SettingsCheck {
  /** The settings with every bad value replaced by its default (normalized). */
  settings: Settings;
  /** Every problem found, in words; empty when the input was valid. */
  errors: string[];
}

/** Check schemaVersion-3 settings (missing fields mean defaults). Never throws. */
export function checkSettings(raw: unknown): SettingsCheck {
  const errors: string[] = [];
  const s = defaultSettings();
  if (!isObj(raw)) {
    errors.push(`the settings must be a JSON object, not ${kind(raw)}`);
    return { settings: s, errors };
  }
  unknownKeys(raw, TOP_KEYS, '', errors);
  if (raw.schemaVersion !== SCHEMA_VERSION) {
    errors.push(`schemaVersion: must be ${SCHEMA_VERSION}, not ${kind(raw.schemaVersion)}`);
  }
  if (raw.exportedAt !== undefined && typeof raw.exportedAt !== 'string') {
    errors.push(`exportedAt: must be text (a date), not ${kind(raw.exportedAt)}`);
  }

  if (raw.disabledTypes !== undefined) {
    if (!Array.isArray(raw.disabledTypes)) {
      errors.push(`disabledTypes: must be a list of data types, not ${kind(raw.disabledTypes)}`);
    } else {
      raw.disabledTypes.forEach((t, i) => {
        if (typeof t !== 'string' || !(DATA_TYPES as readonly string[]).includes(t)) {
          errors.push(`disabledTypes[${i}]: ${kind(t)} is not a known data type`);
        } else if (s.disabledTypes.includes(t as Settings['disabledTypes'][number])) {
          errors.push(`disabledTypes[${i}]: "${t}" is listed twice`);
        } else s.disabledTypes.push(t as Settings['disabledTypes'][number]);
      });
    }
  }

  if (raw.severity !== undefined) {
    if (!isObj(raw.severity)) {
      errors.push(
        `severity: must be an object from data type to severity, not ${kind(raw.severity)}`,
      );
    } else {
      for (const [t, v] of Object.entries(raw.severity)) {
        if (!(DATA_TYPES as readonly string[]).includes(t)) {
          errors.push(`severity.${t}: "${t}" is not a known data type`);
        } else if (typeof v !== 'string' || !(SEVERITIES as readonly string[]).includes(v)) {
          errors.push(`severity.${t}: must be one of ${oneOf(SEVERITIES)}, not ${kind(v)}`);
        } else
          s.severity[t as keyof Settings['severity']] =
            v as Settings['severity'][keyof Settings['severity']];
      }
    }
  }

  if (raw.customTerms !== undefined) {
    if (!Array.isArray(raw.customTerms)) {
      errors.push(`customTerms: must be a list, not ${kind(raw.customTerms)}`);
    } else {
      if (raw.customTerms.length > LIMITS.customTerms) {
        errors.push(
          `customTerms: has ${raw.customTerms.length} terms (at most ${LIMITS.customTerms})`,
        );
      }
      raw.customTerms.slice(0, LIMITS.customTerms).forEach((t, i) => {
        const term = checkTerm(t, `customTerms[${i}]`, errors);
        if (term) s.customTerms.push(term);
      });
    }
  }

  if (raw.customSdks !== undefined) {
    if (!Array.isArray(raw.customSdks)) {
      errors.push(`customSdks: must be a list, not ${kind(raw.customSdks)}`);
    } else {
      if (raw.customSdks.length > LIMITS.customSdks) {
        errors.push(`customSdks: has ${raw.customSdks.length} SDKs (at most ${LIMITS.customSdks})`);
      }
      const seen = new Set<string>();
      raw.customSdks.slice(0, LIMITS.customSdks).forEach((v, i) => {
        const sdk = checkSdk(v, `customSdks[${i}]`, errors, seen);
        if (sdk) s.customSdks.push(sdk);
      });
    }
  }

  if (raw.weights !== undefined) s.weights = checkWeights(raw.weights, errors);

  if (raw.language !== undefined) {
    if (isUiLanguage(raw.language)) {
      s.language = raw.language;
    } else
      errors.push(`language: must be one of ${oneOf(UI_LANGUAGES)}, not ${kind(raw.language)}`);
  }

  if (raw.autoDetect !== undefined) {
    if (typeof raw.autoDetect === 'boolean') s.autoDetect = raw.autoDetect;
    else errors.push(`autoDetect: must be true or false, not ${kind(raw.autoDetect)}`);
  }

  return { settings: normalizeSettings(s), errors };
}

/** Valid settings (normalized), or every problem found. */
export function validateSettings(
  raw: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: string[] } {
  const { settings, errors } = checkSettings(raw);
  return errors.length ? { ok: false, errors } : { ok: true, settings };
}
