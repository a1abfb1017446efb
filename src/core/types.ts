/**
 * The risk card and the ids it uses, exactly as ../shared/spec/taxonomy.md and
 * card.schema.json define them. Everything in src/core speaks these types.
 */

export const DATA_TYPES = [
  'biometric',
  'health',
  'financial',
  'government-id',
  'location',
  'contacts',
  'communications',
  'credentials',
  'children',
  'special-category',
  'device-id',
  'app-list',
  'media',
  'browsing',
  'network',
  'contact-info',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const PARTIES = ['first', 'third', 'both'] as const;
export type Party = (typeof PARTIES)[number];

export const SDK_CATEGORIES = [
  'ads',
  'analytics',
  'push',
  'payment',
  'login',
  'maps',
  'crash',
  'social',
  'cloud',
  'other',
] as const;
export type SdkCategory = (typeof SDK_CATEGORIES)[number];

export const RETENTION_KINDS = [
  'stated-period',
  'until-deletion',
  'as-long-as-necessary',
  'indefinite',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];
export type RetentionSummary = RetentionKind | 'not-stated';

export const OPT_OUT_KINDS = [
  'settings-path',
  'email',
  'url',
  'phone',
  'account-deletion',
  'consent-withdrawal',
  'unsubscribe',
  'ad-personalization',
  'browser-control',
] as const;
export type OptOutKind = (typeof OPT_OUT_KINDS)[number];

export const SHARING_FLAGS = [
  'advertising',
  'sale',
  'crossBorder',
  'affiliates',
  'publicDisclosure',
] as const;
export type SharingFlag = (typeof SHARING_FLAGS)[number];

export const TOPICS = [
  'collection',
  'use',
  'cookies',
  'sharing',
  'sdks',
  'retention',
  'cross-border',
  'security',
  'rights',
  'children',
  'changes',
  'contact',
  'other',
] as const;
export type Topic = (typeof TOPICS)[number];

export const LANGUAGES = ['en', 'zh', 'mixed', 'other'] as const;
export type Language = (typeof LANGUAGES)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** One quote: an exact substring of the analysed text, and the index of its section. */
export interface Evidence {
  quote: string;
  section: number;
}

/** A section of the card (what the schema requires, plus offsets into the text). */
export interface CardSection {
  heading: string;
  level: number;
  topic: Topic;
  /** Offset of the section's first character in the analysed text. */
  start: number;
  /** Offset just past the section's last character. */
  end: number;
}

export interface SensitiveFinding {
  type: DataType;
  party: Party;
  severity: Severity;
  evidence: Evidence[];
}

export interface SdkFinding {
  /** Canonical catalog name, or the name as written for an SDK the catalog does not know. */
  name: string;
  /** The other names the policy writes it under ("穿山甲" for Pangle), as written; absent when none. */
  aliases?: string[];
  /** Catalog id, absent for an SDK known only from the policy's own table. */
  id?: string;
  vendor?: string;
  category: SdkCategory;
  /** What the policy says it is used for, when a table or block says so. */
  purpose?: string;
  dataTypes: DataType[];
  evidence: Evidence[];
}

export interface RetentionStatement {
  kind: RetentionKind;
  days?: number;
  evidence: Evidence[];
}

export interface OptOutPath {
  kind: OptOutKind;
  target?: string;
  evidence: Evidence[];
}

export interface Flag {
  value: boolean;
  evidence: Evidence[];
  /** Quotes that deny the practice ("we do not sell"), shown as reassurance. */
  denials?: Evidence[];
}

export interface Detection {
  isPolicy: boolean;
  confidence: number;
  signals: string[];
}

export interface Score {
  grade: Grade;
  points: number;
  reasons: string[];
}

export interface Card {
  schemaVersion: 1;
  source?: { url?: string; file?: string; title?: string };
  language: Language;
  analyzedAt?: string;
  detection: Detection;
  sections: CardSection[];
  sensitiveData: SensitiveFinding[];
  sdks: SdkFinding[];
  retention: { summary: RetentionSummary; statements: RetentionStatement[] };
  optOut: OptOutPath[];
  sharing: Record<SharingFlag, Flag>;
  score: Score;
  /** Problems met during analysis that did not stop it (a user rule that failed to compile, ...). */
  warnings?: string[];
}

/**
 * A block of page text as src/extract produces it from the DOM (or a text
 * file is split into). Headings carry their level (1-6); everything else is 0.
 */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item' | 'table-row' | 'pre';
  text: string;
  level?: number;
  /** The block's links, in order: what they read (a part of `text`) and where they lead. */
  links?: BlockLink[];
}

/** A link in a block: its text as the block writes it, and its address (http(s) or mailto). */
export interface BlockLink {
  text: string;
  href: string;
}

/** What analyze() takes: either raw text or extracted blocks, with optional page facts. */
export interface PolicyInput {
  text?: string;
  blocks?: Block[];
  title?: string;
  url?: string;
  file?: string;
}
