import type { Block } from '../core/types';

/** A link on the page whose text says it leads to a privacy policy. */
export interface PolicyLink {
  text: string;
  href: string;
}

/** What extractPage() returns: the main text of a page as blocks, plus page facts. */
export interface ExtractedPage {
  blocks: Block[];
  title: string;
  lang?: string;
  /** Things the extractor skipped or cut (cross-origin frames, size cap). */
  warnings: string[];
  policyLinks: PolicyLink[];
}

export interface ExtractOptions {
  /** The page address, used to resolve relative links. Defaults to the document's own URL. */
  url?: string;
  /** Stop after this many characters of text (default 5,000,000). */
  maxChars?: number;
}
