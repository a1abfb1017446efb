/**
 * What a user can tune (the options page stores the differences from these
 * defaults). The engine takes them as plain data; it never reads storage.
 */
import type { DataType, OptOutKind, RetentionKind, SdkCategory, Severity } from './types';

export const TERM_AREAS = ['data-type', 'retention', 'opt-out'] as const;
export type TermArea = (typeof TERM_AREAS)[number];

/** A user term: a literal with simple wildcards (`*` any run of letters, `?` one letter) or a checked regular expression. */
export interface CustomTerm {
  area: TermArea;
  /** A data type id, a retention kind or an opt-out kind, by area. */
  target: DataType | RetentionKind | OptOutKind;
  pattern: string;
  regex?: boolean;
}

export interface CustomSdk {
  name: string;
  aliases: string[];
  vendor?: string;
  category: SdkCategory;
}

export interface ScoreWeights {
  /** Points taken per sensitive data type, by severity. */
  severity: Record<Severity, number>;
  /** Extra points when a sensitive type goes to third parties. */
  thirdParty: number;
  /** Points per SDK, and extra for ads SDKs. */
  sdk: number;
  adsSdk: number;
  /** Cap on the points SDKs can take in all. */
  sdkCap: number;
  /** Points per sharing flag that is true. */
  sharing: Record<
    'advertising' | 'sale' | 'crossBorder' | 'affiliates' | 'publicDisclosure',
    number
  >;
  /** Points by retention summary. */
  retention: Record<
    'stated-period' | 'until-deletion' | 'as-long-as-necessary' | 'indefinite' | 'not-stated',
    number
  >;
  /** Points given back per opt-out path, up to optOutCap. */
  optOut: number;
  optOutCap: number;
  /** Lowest points for each grade: points >= A is an A, and so on; below D is E. */
  thresholds: { A: number; B: number; C: number; D: number };
}

export interface RuleSettings {
  disabledTypes?: DataType[];
  severity?: Partial<Record<DataType, Severity>>;
  customTerms?: CustomTerm[];
  customSdks?: CustomSdk[];
  weights?: Partial<ScoreWeights>;
}

export interface AnalyzeOptions {
  settings?: RuleSettings;
  /** Time stamp for the card (ISO string); omitted when not given, so output is reproducible. */
  analyzedAt?: string;
  /** Called as each phase of the pipeline ends (npm run bench times them); the card is the same. */
  onPhase?: (phase: AnalyzePhase) => void;
}

/** The phases of analyze(), in order. */
export const ANALYZE_PHASES = [
  'compileRules',
  'buildDoc',
  'prescan',
  'detectPolicy',
  'findSdks',
  'findSensitiveData',
  'findRetention',
  'findOptOuts',
  'findSharing',
  'scoreCard',
] as const;
export type AnalyzePhase = (typeof ANALYZE_PHASES)[number];
