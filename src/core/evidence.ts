/** Building evidence: exact quotes from the analysed text, with their section. */
import type { Evidence } from './types';
import type { Doc, Sentence } from './sections';
import { quoteSpan } from './text';

export const MAX_QUOTES = 3;

/** The evidence for a hit at [start, end) in a sentence. */
export function evidenceFor(doc: Doc, sentence: Sentence, start: number, end: number): Evidence {
  const span = quoteSpan(doc.text, sentence.start, sentence.end, start, end);
  return { quote: doc.text.slice(span.start, span.end), section: sentence.section };
}

/** Add evidence unless the same quote is there already or the list is full. */
export function addEvidence(list: Evidence[], ev: Evidence, max = MAX_QUOTES): void {
  if (list.length >= max) return;
  if (list.some((e) => e.quote === ev.quote)) return;
  list.push(ev);
}
