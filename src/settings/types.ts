/**
 * The settings a user can change on the options page, in their current
 * (schemaVersion 3) shape. Plain data: no browser or DOM types.
 */
import { MAX_REGEX_REPETITIONS, MAX_WILDCARD_STARS } from '../core/pattern-safety';
import type { CustomSdk, CustomTerm, ScoreWeights } from '../core/settings';
import type { DataType, Severity } from '../core/types';

export type { CustomSdk, CustomTerm, ScoreWeights, TermArea } from '../core/settings';

/** The version this code writes. Older stored data is migrated up to it. */
export const SCHEMA_VERSION = 3;

export const UI_LANGUAGES = ['auto', 'en', 'zh_CN', 'zh_TW'] as const;

/** The BCP 47 tag of an interface language, for <html lang>. */
export const UI_LANGUAGE_TAGS: Record<Exclude<UiLanguage, 'auto'>, string> = {
  en: 'en',
  zh_CN: 'zh-CN',
  zh_TW: 'zh-TW',
};
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Is this one of the interface languages the settings allow? */
export function isUiLanguage(v: unknown): v is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(v);
}

/** Weight groups that are objects (the rest of ScoreWeights are plain numbers). */
export const WEIGHT_GROUPS = ['severity', 'sharing', 'retention', 'thresholds'] as const;
export type WeightGroup = (typeof WEIGHT_GROUPS)[number];
export const WEIGHT_NUMBERS = [
  'thirdParty',
  'sdk',
  'adsSdk',
  'sdkCap',
  'optOut',
  'optOutCap',
] as const;
export type WeightNumber = (typeof WEIGHT_NUMBERS)[number];

/** Weights a user changed: any number, or any member of a group, may be left out. */
export type WeightOverrides = { [K in WeightNumber]?: number } & {
  [G in WeightGroup]?: Partial<ScoreWeights[G]>;
};

export interface Settings {
  schemaVersion: number;
  /** Sensitive-data types the user turned off (in DATA_TYPES order). */
  disabledTypes: DataType[];
  /** Severities that differ from the built-in ones. */
  severity: Partial<Record<DataType, Severity>>;
  customTerms: CustomTerm[];
  customSdks: CustomSdk[];
  /** Grade weights and thresholds that differ from the built-in ones. */
  weights: WeightOverrides;
  language: UiLanguage;
  /** Detect policies automatically on page load (needs the optional host permission). */
  autoDetect: boolean;
}

/** Limits the validator enforces (settings.schema.json states the same numbers). */
export const LIMITS = {
  customTerms: 500,
  customSdks: 200,
  aliases: 20,
  nameLength: 100,
  weightMax: 100,
  /** Wildcard `*` per literal term (each can stretch over up to 30 letters). */
  wildcardStars: MAX_WILDCARD_STARS,
  /** Repetitions (`*`, `+`, `?`, `{m,n}`) per regular expression. */
  regexRepetitions: MAX_REGEX_REPETITIONS,
  /** Longest sample the "try before saving" box runs a term on. */
  sampleLength: 20_000,
  /** Most matches tryTerm() returns. */
  sampleMatches: 200,
} as const;
