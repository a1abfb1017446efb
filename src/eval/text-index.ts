/**
 * Where a quote lies in an annotated policy. The corpus text and the quotes
 * are compared with whitespace collapsed (runs of whitespace become one
 * space); a quote "lies in" a segment when its position in the collapsed text
 * overlaps the segment's collapsed range (the character ranges intersect).
 */

import { isJsSpace } from '../core/text';

export interface Range {
  start: number;
  end: number;
}

export interface CollapsedText {
  text: string;
  /** For every index i of the original text (and its length), the index in the collapsed text. */
  map: Int32Array;
}

/** Collapse every run of whitespace to one space, keeping a map from old to new offsets. */
export function collapseWithMap(text: string): CollapsedText {
  const map = new Int32Array(text.length + 1);
  const parts: string[] = [];
  let out = 0;
  let i = 0;
  while (i < text.length) {
    if (isJsSpace(text.charCodeAt(i))) {
      map[i] = out;
      parts.push(' ');
      out++;
      i++;
      while (i < text.length && isJsSpace(text.charCodeAt(i))) map[i++] = out;
    } else {
      const from = i;
      while (i < text.length && !isJsSpace(text.charCodeAt(i))) map[i] = out + (i++ - from);
      parts.push(text.slice(from, i));
      out += i - from;
    }
  }
  map[text.length] = out;
  return { text: parts.join(''), map };
}

/** A quote as it is searched for: whitespace collapsed, ends trimmed. */
export function collapseQuote(quote: string): string {
  return quote.replace(/\s+/g, ' ').trim();
}

export interface LabelledSegment extends Range {
  labels: ReadonlySet<string>;
}

export interface TextIndex {
  /** The original (joined) text. */
  original: string;
  collapsed: CollapsedText;
  /** Segments in collapsed coordinates, in text order. */
  segments: LabelledSegment[];
}

/**
 * Index a text made of segments joined with `separator`, each with its
 * labels, for quote lookups.
 */
export function indexSegments(
  segments: readonly { text: string; labels: readonly string[] }[],
  separator = '\n\n',
): TextIndex {
  const original = segments.map((s) => s.text).join(separator);
  const collapsed = collapseWithMap(original);
  const out: LabelledSegment[] = [];
  let offset = 0;
  for (const s of segments) {
    out.push({
      start: collapsed.map[offset]!,
      end: collapsed.map[offset + s.text.length]!,
      labels: new Set(s.labels),
    });
    offset += s.text.length + separator.length;
  }
  return { original, collapsed, segments: out };
}

/**
 * Find a quote in the collapsed text. A quote can occur more than once; when
 * `near` (a range of the original text, e.g. the card section the quote is
 * attributed to) is given, the first occurrence starting inside it is taken,
 * else the first occurrence in the text. Returns the collapsed range, or null
 * when the quote is not in the text.
 */
export function locateQuote(index: TextIndex, quote: string, near?: Range): Range | null {
  const q = collapseQuote(quote);
  if (q.length === 0) return null;
  const text = index.collapsed.text;
  const map = index.collapsed.map;
  if (
    near !== undefined &&
    near.start >= 0 &&
    near.end <= index.original.length &&
    near.start <= near.end
  ) {
    const from = map[near.start]!;
    const to = map[near.end]!;
    const at = text.indexOf(q, Math.max(0, from - 1));
    if (at >= 0 && at < to) return { start: at, end: at + q.length };
  }
  const at = text.indexOf(q);
  return at < 0 ? null : { start: at, end: at + q.length };
}

/** The segments a collapsed range overlaps (binary search, then a short scan). */
export function overlappingSegments(index: TextIndex, range: Range): LabelledSegment[] {
  const segs = index.segments;
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.end <= range.start) lo = mid + 1;
    else hi = mid;
  }
  const out: LabelledSegment[] = [];
  for (let i = lo; i < segs.length && segs[i]!.start < range.end; i++) {
    const s = segs[i]!;
    if (s.start < range.end && range.start < s.end) out.push(s);
  }
  return out;
}

/** Whether a located quote overlaps some segment carrying one of `labels`. */
export function liesIn(index: TextIndex, range: Range, labels: readonly string[]): boolean {
  return overlappingSegments(index, range).some((s) => labels.some((l) => s.labels.has(l)));
}
