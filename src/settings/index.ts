/**
 * The settings model behind the options page (issue #7). Pure TypeScript: no
 * DOM, no browser APIs; storage comes in through the StorageArea interface
 * (src/platform/settings-storage.ts adapts browser.storage.sync / .local).
 *
 * Shape (schemaVersion 3):
 *   Settings { schemaVersion, disabledTypes, severity, customTerms,
 *              customSdks, weights, language: 'auto'|'en'|'zh_CN'|'zh_TW', autoDetect }
 *   severity and weights hold only values that differ from the built-in ones
 *   (normalizeSettings); DEFAULT_SETTINGS / defaultSettings() are the reset
 *   values; BUILT_IN_SEVERITY and DEFAULT_WEIGHTS are what the UI shows for
 *   values the user did not change.
 *
 * Checking:
 *   validateSettings(raw)   -> { ok, settings } | { ok: false, errors[] }
 *   checkSettings(raw)      -> { settings (bad values reset), errors[] }
 *   checkUserPattern(p, regex) -> core checkPattern() plus stricter
 *                              backtracking checks (pattern-safety.ts)
 *   tryTerm(term, sample)   -> matches exactly as the engine finds them
 *   Error messages name the value: "customTerms[2].pattern: the pattern is
 *   longer than 200 characters", "weights.severity.high: must be a number
 *   between 0 and 100, not ...". settings.schema.json describes the same
 *   shape (tests cross-check it with ajv; ajv is never bundled).
 *
 * Versions: migrate(raw) brings stored data of version 1 or 2 up to 3
 *   (migrate.ts documents the history); data from an unknown newer version,
 *   or not settings at all, gives the defaults and a notice.
 *
 * Storage (storage.ts):
 *   loadSettings(sync, local)  -> { settings, notices, location, status, hasBrokenCopy }
 *   saveSettings(s, sync, local) -> { ok, location, notices, errors? }
 *   resetSettings, exportBrokenCopy, discardBrokenCopy
 *   onSettingsChanged(sync, local, listener) -> unsubscribe
 *   storage.sync keeps only diffFromDefaults(s), split over items under the
 *   8,192-byte item quota; when too large it goes to storage.local and
 *   location is 'local' (show "kept on this device only"). Damaged or newer
 *   data is never a crash: defaults (or the good part) are used, a notice
 *   says so, and the stored copy is kept under settings.broken in local.
 *   Saves count against sync's write limits (120 a minute): the page should
 *   save on "Save" or after a pause in typing, not on every key.
 *
 * Files (io.ts): exportSettings(s) -> JSON text with schemaVersion and
 *   exportedAt; importSettings(text) -> settings, or every problem found
 *   (nothing changes until the caller saves the result).
 *
 * Engine: toRuleSettings(s) -> RuleSettings for analyze(input, { settings }).
 *   Changes take effect on the next analysis: pages that analyse listen with
 *   onSettingsChanged and pass the new RuleSettings next time.
 */
export * from './types';
export { DEFAULT_SETTINGS, defaultSettings, BUILT_IN_SEVERITY, DEFAULT_WEIGHTS } from './defaults';
export { normalizeSettings, diffFromDefaults, sameSettings } from './normalize';
export { checkSettings, validateSettings, type SettingsCheck } from './validate';
export { checkUserPattern, regexSlowReason, wildcardSlowReason } from './pattern-safety';
export { migrate, MIGRATIONS, type MigrateResult, type MigrateStatus } from './migrate';
export {
  loadSettings,
  saveSettings,
  resetSettings,
  exportBrokenCopy,
  discardBrokenCopy,
  onSettingsChanged,
  SYNC_QUOTA,
  SYNC_MAX_CHUNKS,
  type StorageArea,
  type StorageChange,
  type LoadResult,
  type SaveResult,
  type Location,
} from './storage';
export { exportSettings, importSettings, type ImportResult } from './io';
export { toRuleSettings, toRuleSettingsWithWarnings, tryTerm, type TermMatch } from './rules';
