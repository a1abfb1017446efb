/** Built-in values: what a user who changed nothing gets, and what a reset goes back to. */
import { DEFAULT_WEIGHTS } from '../core/score';
import { DATA_TYPES, type DataType, type Severity } from '../core/types';
import typeRules from '../core/rules/datatypes.json';
import { SCHEMA_VERSION, type Settings } from './types';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  disabledTypes: Object.freeze([]) as unknown as Settings['disabledTypes'],
  severity: Object.freeze({}),
  customTerms: Object.freeze([]) as unknown as Settings['customTerms'],
  customSdks: Object.freeze([]) as unknown as Settings['customSdks'],
  weights: Object.freeze({}),
  language: 'auto',
  autoDetect: false,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

/** The severity each data type has when the user did not change it. */
export const BUILT_IN_SEVERITY: Readonly<Record<DataType, Severity>> = Object.freeze(
  Object.fromEntries(
    DATA_TYPES.map((t) => [
      t,
      (typeRules.types as Record<string, { severity: string }>)[t]!.severity,
    ]),
  ) as Record<DataType, Severity>,
);

export { DEFAULT_WEIGHTS };
