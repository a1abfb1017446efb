/**
 * Stored settings from older versions, brought up to SCHEMA_VERSION one step
 * at a time. The history (samples of each in test/data/settings/):
 *
 * v1 (PolicyLens 0.1): one storage.sync item "settings":
 *   { schemaVersion: 1, uiLanguage, disabledTypes, severity,
 *     customTerms: ["health: blood sugar", "financial: /credit\\s+score/"],
 *     gradeThresholds: [A, B, C, D] }
 *   Custom terms were data-type terms only, written "<data type>: <pattern>";
 *   a pattern between slashes was a regular expression.
 * v2 (0.2): still one item "settings". Terms became objects
 *   {area, target, pattern, regex} (retention and opt-out cues too), custom
 *   SDKs and auto-detection arrived, the language key became "language",
 *   each data type had an entry in "types" ({enabled, severity}), and every
 *   grade number sat in one flat "scoring" map with dotted keys
 *   ("severity.high": 10, "thresholds.A": 85, "sdk": 2).
 * v3 (0.3, current): weights split out of "scoring" into the nested
 *   `weights` object (the ScoreWeights shape), "types" split into
 *   `disabledTypes` and `severity`; storage keeps only what differs from the
 *   defaults, spread over several items (storage.ts).
 *
 * A step converts what it can and reports what it had to drop. migrate()
 * (used on stored data) keeps going and turns those reports into notices;
 * import treats them as errors.
 */
import { defaultSettings } from './defaults';
import { checkSettings } from './validate';
import { SCHEMA_VERSION, WEIGHT_GROUPS, type Settings } from './types';

type Obj = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  up(old: Obj, problems: string[]): Obj;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own entries, without keys that would reach Object.prototype when assigned. */
function entries(o: Obj, path: string, problems: string[]): [string, unknown][] {
  return Object.entries(o).filter(([k]) => {
    if (k !== '__proto__' && k !== 'constructor' && k !== 'prototype') return true;
    problems.push(`${path}.${k}: not allowed, dropped`);
    return false;
  });
}

/** v1 -> v2: term strings become term objects, uiLanguage -> language, types map, scoring map. */
export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  up(old, problems) {
    const out: Obj = { schemaVersion: 2 };
    if (old.uiLanguage !== undefined) out.language = old.uiLanguage;
    const types: Obj = {};
    if (Array.isArray(old.disabledTypes)) {
      for (const t of old.disabledTypes) {
        if (typeof t === 'string' && t !== '__proto__') types[t] = { enabled: false };
      }
    } else if (old.disabledTypes !== undefined) {
      problems.push('disabledTypes (version 1): was not a list and was dropped');
    }
    if (isObj(old.severity)) {
      for (const [t, v] of entries(old.severity, 'severity', problems)) {
        types[t] = { ...(isObj(types[t]) ? types[t] : {}), severity: v };
      }
    } else if (old.severity !== undefined) {
      problems.push('severity (version 1): was not an object and was dropped');
    }
    if (Object.keys(types).length) out.types = types;
    if (Array.isArray(old.customTerms)) {
      const terms: Obj[] = [];
      old.customTerms.forEach((t, i) => {
        const m = typeof t === 'string' ? /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/s.exec(t) : null;
        if (!m) {
          problems.push(
            `customTerms[${i}] (version 1): ${JSON.stringify(t)} is not "<data type>: <pattern>" and was dropped`,
          );
          return;
        }
        const body = m[2]!;
        const regex = body.length > 2 && body.startsWith('/') && body.endsWith('/');
        terms.push({
          area: 'data-type',
          target: m[1],
          pattern: regex ? body.slice(1, -1) : body,
          ...(regex ? { regex: true } : {}),
        });
      });
      out.customTerms = terms;
    } else if (old.customTerms !== undefined) {
      problems.push('customTerms (version 1): was not a list and was dropped');
    }
    if (old.gradeThresholds !== undefined) {
      const g = old.gradeThresholds;
      if (Array.isArray(g) && g.length === 4) {
        out.scoring = {
          'thresholds.A': g[0],
          'thresholds.B': g[1],
          'thresholds.C': g[2],
          'thresholds.D': g[3],
        };
      } else
        problems.push(
          'gradeThresholds (version 1): was not a list of four numbers and was dropped',
        );
    }
    for (const k of Object.keys(old)) {
      if (
        ![
          'schemaVersion',
          'uiLanguage',
          'disabledTypes',
          'severity',
          'customTerms',
          'gradeThresholds',
        ].includes(k)
      )
        problems.push(`${k} (version 1): unknown setting, dropped`);
    }
    return out;
  },
};

/** v2 -> v3: "scoring" split out into nested weights, "types" into disabledTypes + severity. */
export const v2ToV3: Migration = {
  from: 2,
  to: 3,
  up(old, problems) {
    const out: Obj = { schemaVersion: 3 };
    for (const k of ['customTerms', 'customSdks', 'language', 'autoDetect'] as const) {
      if (old[k] !== undefined) out[k] = old[k];
    }
    if (isObj(old.types)) {
      const disabled: string[] = [];
      const severity: Obj = {};
      for (const [t, v] of entries(old.types, 'types', problems)) {
        if (!isObj(v)) {
          problems.push(`types.${t} (version 2): was not an object and was dropped`);
          continue;
        }
        if (v.enabled === false) disabled.push(t);
        if (v.severity !== undefined) severity[t] = v.severity;
      }
      if (disabled.length) out.disabledTypes = disabled;
      if (Object.keys(severity).length) out.severity = severity;
    } else if (old.types !== undefined) {
      problems.push('types (version 2): was not an object and was dropped');
    }
    if (isObj(old.scoring)) {
      const weights: Obj = {};
      for (const [key, v] of entries(old.scoring, 'scoring', problems)) {
        const [group, member, ...rest] = key.split('.');
        if (member === undefined) weights[group!] = v;
        else if (rest.length === 0 && (WEIGHT_GROUPS as readonly string[]).includes(group!)) {
          weights[group!] = {
            ...(isObj(weights[group!]) ? (weights[group!] as Obj) : {}),
            [member]: v,
          };
        } else problems.push(`scoring.${key} (version 2): not a known weight, dropped`);
      }
      out.weights = weights;
    } else if (old.scoring !== undefined) {
      problems.push('scoring (version 2): was not an object and was dropped');
    }
    for (const k of Object.keys(old)) {
      if (
        ![
          'schemaVersion',
          'types',
          'scoring',
          'customTerms',
          'customSdks',
          'language',
          'autoDetect',
        ].includes(k)
      )
        problems.push(`${k} (version 2): unknown setting, dropped`);
    }
    return out;
  },
};

/** Every step, in order. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2, v2ToV3];

export type MigrateStatus = 'current' | 'migrated' | 'repaired' | 'newer' | 'unreadable';

export interface MigrateResult {
  settings: Settings;
  /** Messages for the user: what was upgraded, dropped or reset. */
  notices: string[];
  /** The version the data said it had (undefined when it had none usable). */
  fromVersion?: number;
  /**
   * current: valid, nothing changed; migrated: upgraded cleanly from an
   * older version; repaired: some or all values were reset to defaults;
   * newer: written by a newer PolicyLens, defaults used; unreadable: not
   * settings at all, defaults used.
   */
  status: MigrateStatus;
  /** Problems from migration steps and validation (the notices, without the summary line). */
  problems: string[];
}

/** Run the steps from `version` up to SCHEMA_VERSION. */
export function upgrade(raw: Obj, version: number, problems: string[]): Obj {
  let data = raw;
  for (const step of MIGRATIONS) {
    if (step.from >= version && step.from < SCHEMA_VERSION) data = step.up(data, problems);
  }
  return data;
}

/** Stored data of any version to current settings. Never throws. */
export function migrate(raw: unknown): MigrateResult {
  if (!isObj(raw)) {
    return {
      settings: defaultSettings(),
      notices: ['The saved settings could not be read, so the defaults are used.'],
      status: 'unreadable',
      problems: ['the settings must be a JSON object'],
    };
  }
  const v = raw.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return {
      settings: defaultSettings(),
      notices: [
        `The saved settings have no valid schemaVersion (${JSON.stringify(v) ?? 'missing'}), so the defaults are used.`,
      ],
      status: 'unreadable',
      problems: ['schemaVersion: must be a whole number from 1 up'],
    };
  }
  if (v > SCHEMA_VERSION) {
    return {
      settings: defaultSettings(),
      fromVersion: v,
      notices: [
        `The saved settings come from a newer version of PolicyLens (settings version ${v}; this one reads up to ${SCHEMA_VERSION}). The defaults are used until it is updated; the saved copy is kept.`,
      ],
      status: 'newer',
      problems: [`schemaVersion: ${v} is newer than ${SCHEMA_VERSION}`],
    };
  }
  const problems: string[] = [];
  const upgraded = upgrade(raw, v, problems);
  const { settings, errors } = checkSettings(upgraded);
  problems.push(...errors);
  const notices: string[] = [];
  if (v < SCHEMA_VERSION)
    notices.push(`Settings were upgraded from version ${v} to ${SCHEMA_VERSION}.`);
  if (problems.length) {
    notices.push(
      `Some saved settings were not valid and were reset to their defaults: ${problems.join('; ')}.`,
    );
  }
  return {
    settings,
    notices,
    fromVersion: v,
    status: problems.length ? 'repaired' : v < SCHEMA_VERSION ? 'migrated' : 'current',
    problems,
  };
}
