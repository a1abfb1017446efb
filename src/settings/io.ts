/**
 * Settings files: export writes the full settings (every severity and weight
 * spelled out, so the file documents itself) with schemaVersion and
 * exportedAt; import checks the whole file first and changes nothing unless
 * it is entirely valid. Files from older versions are upgraded on the way in;
 * anything an upgrade would have to drop counts as a problem.
 */
import { mergeWeights } from '../core/score';
import { DATA_TYPES } from '../core/types';
import { BUILT_IN_SEVERITY } from './defaults';
import { upgrade } from './migrate';
import { normalizeSettings } from './normalize';
import { checkSettings } from './validate';
import { SCHEMA_VERSION, type ScoreWeights, type Settings } from './types';

/** Largest file import reads (a full file with every limit reached is far smaller). */
export const MAX_IMPORT_BYTES = 2_000_000;

/** The settings as the content of a .json file. */
export function exportSettings(s: Settings, now: Date = new Date()): string {
  const n = normalizeSettings(s);
  const file = {
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    language: n.language,
    autoDetect: n.autoDetect,
    disabledTypes: n.disabledTypes,
    severity: Object.fromEntries(DATA_TYPES.map((t) => [t, n.severity[t] ?? BUILT_IN_SEVERITY[t]])),
    customTerms: n.customTerms,
    customSdks: n.customSdks,
    weights: mergeWeights(n.weights as Partial<ScoreWeights>),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Check a settings file; valid settings (normalized) or every problem found, in words. */
export function importSettings(json: string): ImportResult {
  if (json.length > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [`the file is larger than ${MAX_IMPORT_BYTES / 1_000_000} MB`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`the file is not valid JSON: ${(e as Error).message}`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['the file must hold a JSON object with the settings'] };
  }
  const obj = raw as Record<string, unknown>;
  const v = obj.schemaVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    return {
      ok: false,
      errors: [
        `schemaVersion: must be a whole number from 1 to ${SCHEMA_VERSION}, not ${JSON.stringify(v) ?? 'missing'}`,
      ],
    };
  }
  if (v > SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        `schemaVersion: the file comes from a newer version of PolicyLens (settings version ${v}; this one reads up to ${SCHEMA_VERSION})`,
      ],
    };
  }
  const errors: string[] = [];
  let data: Record<string, unknown> = obj;
  if (v < SCHEMA_VERSION) {
    const { exportedAt, ...rest } = obj;
    data = { ...upgrade(rest, v, errors), ...(exportedAt !== undefined ? { exportedAt } : {}) };
  }
  const check = checkSettings(data);
  errors.push(...check.errors);
  return errors.length ? { ok: false, errors } : { ok: true, settings: check.settings };
}
