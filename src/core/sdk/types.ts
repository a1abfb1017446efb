import type { DataType, SdkCategory } from '../types';

/** One SDK or tracker as the catalog (catalog.json) describes it. */
export interface CatalogEntry {
  /** kebab-case, unique. */
  id: string;
  /** Canonical name shown on the card. */
  name: string;
  vendor: string;
  category: SdkCategory;
  /**
   * Categories the SDK serves besides its usual one (WeChat: sharing, sign-in, payment): the
   * one the policy names for it wins ("微信SDK：用于第三方登录" is a login SDK), `category` otherwise.
   */
  roles?: SdkCategory[];
  /** Names the SDK goes by. Latin-script names in `en`, Chinese names in `zh`. */
  aliases: { en: string[]; zh: string[] };
  /**
   * Aliases (copied from `aliases`) that are also ordinary words or bare
   * company names: they count only with SDK context nearby or as the value
   * of an SDK table field.
   */
  ambiguous?: string[];
  /**
   * Words that, in the same sentence, let the entry's ambiguous aliases count besides the
   * usual SDK context ("Facebook" in "the Facebook Like button", "log in with Facebook").
   */
  contextWords?: string[];
  /**
   * Bare names (a company's, too generic for an alias) under which a list of sign-in
   * choices names the entry: "Google" in "sign in with your Google or Apple account".
   * Read only right after a sign-in phrase.
   */
  signInAs?: string[];
  /**
   * Bare names that count only in a sentence holding a word of each group: a phone
   * maker's name ("华为") where the sentence speaks of the makers' push SDKs
   * (厂商 / 制造商 and 推送 / push). Never read in SDK tables, where the name is a vendor.
   */
  cued?: { names: string[]; sentenceHas: string[][] };
  /** Strings that, when they contain a hit, cancel it (e.g. "每个推" for "个推"). */
  notWithin?: string[];
  /** Package / bundle prefixes (com.qq.e). */
  packages?: string[];
  /** Endpoints or vendor domains specific to the SDK. */
  domains?: string[];
  /** Where the facts come from. */
  source: string;
}

export interface SdkContext {
  /** Section index for an offset in text. */
  sectionAt(offset: number): number;
  /** Taxonomy data types mentioned in a snippet (provided by the analysis engine). */
  dataTypesIn(snippet: string): DataType[];
  /**
   * The data types named in text[start, end), when the engine can answer from
   * hits it found in advance; otherwise findSdks slices and asks dataTypesIn.
   */
  dataTypesAt?(start: number, end: number): DataType[];
  /** User-added entries from the options page (same shape as catalog entries). */
  extraEntries?: CatalogEntry[];
  /** fold(text) (src/core/fold.ts), when the caller has already folded it (the engine's Doc has). */
  folded?: string;
}

export interface Catalog {
  version: string;
  entries: CatalogEntry[];
}
