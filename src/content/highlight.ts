/**
 * Show a quote in the page: find it in the text nodes (whitespace ignored on
 * both sides, so a passage split over several elements or re-wrapped lines is
 * still found), wrap each text-node piece in a <mark> of ours, and scroll it
 * into view. Only createElement, textContent-level node operations and CSSOM
 * styles: no HTML strings, nothing a page CSP would block.
 */

const ATTR = 'data-policylens-highlight';
const CLASS = 'policylens-highlight';

/** Elements whose text is never shown as page text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION']);
const CHROME_SELECTOR = 'nav, aside, [role="navigation"], [role="complementary"]';

interface CharPos {
  node: Text;
  offset: number;
}

/** The page text without whitespace, and where each kept character lives. */
function indexText(root: Node): { key: string; at: CharPos[] } {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      let p = n.parentElement;
      while (p) {
        if (SKIP.has(p.tagName)) return NodeFilter.FILTER_REJECT;
        p = p.parentElement;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  let key = '';
  const at: CharPos[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n as Text;
    const data = text.data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!;
      if (/\s/.test(c)) continue;
      key += c;
      at.push({ node: text, offset: i });
    }
  }
  return { key, at };
}

/** The ways a quote may be written in the page: as is, then without table-cell separators. */
function quoteKeys(quote: string): string[] {
  const keys = [quote.replace(/\s+/g, '')];
  if (/\s\|\s/.test(quote)) keys.push(quote.replace(/\s\|\s/g, ' ').replace(/\s+/g, ''));
  return keys.filter((k, i) => k.length > 0 && keys.indexOf(k) === i);
}

function isVisible(el: Element | null): boolean {
  if (!el) return false;
  const rects = (el as HTMLElement).getClientRects?.();
  return rects !== undefined && rects.length > 0;
}

/** Prefer a match that is visible, outside page navigation, and in a heading when asked. */
function scoreMatch(start: CharPos, heading: boolean): number {
  const el = start.node.parentElement;
  let s = 0;
  if (isVisible(el)) s += 4;
  if (!el?.closest(CHROME_SELECTOR)) s += 2;
  if (heading && el?.closest('h1, h2, h3, h4, h5, h6, [role="heading"]')) s += 8;
  return s;
}

export interface Found {
  start: CharPos;
  end: CharPos;
}

/**
 * Find a quote in the text under root: among its best-placed occurrences, the
 * one numbered `occurrence` (0-based; a heading repeated in the policy), or null.
 */
export function findQuote(
  root: Node,
  quote: string,
  heading = false,
  occurrence = 0,
): Found | null {
  const { key, at } = indexText(root);
  for (const q of quoteKeys(quote)) {
    let best: Found[] = [];
    let bestScore = -1;
    let tries = 0;
    for (let i = key.indexOf(q); i >= 0 && tries < 200; i = key.indexOf(q, i + q.length), tries++) {
      const found = { start: at[i]!, end: at[i + q.length - 1]! };
      const score = scoreMatch(found.start, heading);
      if (score > bestScore) {
        best = [found];
        bestScore = score;
      } else if (score === bestScore) {
        best.push(found);
      }
    }
    if (best.length) return best[Math.min(Math.max(0, occurrence), best.length - 1)]!;
  }
  return null;
}

/** Text nodes from start to end (inclusive) in document order. */
function nodesBetween(found: Found): Text[] {
  const { start, end } = found;
  if (start.node === end.node) return [start.node];
  const doc = start.node.ownerDocument;
  const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  walker.currentNode = start.node;
  const out: Text[] = [start.node];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (p && SKIP.has(p.tagName)) continue;
    out.push(n as Text);
    if (n === end.node) break;
  }
  return out;
}

interface Piece {
  /** The original text node; it keeps the text before the mark. */
  original: Text;
  /** Nodes split off the original, merged back when the highlight is cleared. */
  split: Text[];
  mark: HTMLElement;
}

let pieces: Piece[] = [];

function styleMark(mark: HTMLElement): void {
  const s = mark.style;
  s.setProperty('background-color', '#ffe14d', 'important');
  s.setProperty('color', '#111111', 'important');
  s.setProperty('outline', '2px solid #c2410c', 'important');
  s.setProperty('border-radius', '2px', 'important');
}

/** Wrap [from, to) of one text node in a mark; returns what clearHighlight needs. */
function wrap(node: Text, from: number, to: number): Piece | null {
  if (from >= to || !node.parentNode) return null;
  const split: Text[] = [];
  if (to < node.data.length) split.push(node.splitText(to));
  let middle = node;
  if (from > 0) {
    middle = node.splitText(from);
    split.unshift(middle);
  }
  const mark = node.ownerDocument.createElement('mark');
  mark.className = CLASS;
  mark.setAttribute(ATTR, '');
  styleMark(mark);
  middle.parentNode!.insertBefore(mark, middle);
  mark.appendChild(middle);
  return { original: node, split, mark };
}

/** Remove our marks and give each text node back its original text. */
export function clearHighlight(): boolean {
  const had = pieces.length > 0;
  for (const p of pieces.reverse()) {
    const { mark } = p;
    const parent = mark.parentNode;
    if (parent) {
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    // Merge the split-off pieces back into the original node (keeping its identity).
    const rest = p.split.filter((n) => n !== p.original);
    if (rest.length && p.original.parentNode) {
      p.original.data += rest.map((n) => n.data).join('');
      for (const n of rest) n.remove();
    } else if (rest.length && !p.original.parentNode) {
      // Fall back: the page removed the original meanwhile; leave its text in place.
    }
  }
  pieces = [];
  return had;
}

/** Open closed <details> around the passage so it can be seen. */
function reveal(el: Element | null): void {
  for (let d = el?.closest('details'); d; d = d.parentElement?.closest('details')) {
    if (!(d as HTMLDetailsElement).open) (d as HTMLDetailsElement).open = true;
  }
}

/** Highlight a quote (replacing any earlier highlight) and scroll to it. */
export function highlightQuote(
  doc: Document,
  quote: string,
  heading = false,
  occurrence = 0,
): boolean {
  clearHighlight();
  const found = doc.body ? findQuote(doc.body, quote, heading, occurrence) : null;
  if (!found) return false;
  const nodes = nodesBetween(found);
  const made: Piece[] = [];
  // Wrap from the last node back, so splitting never shifts offsets still to use.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const from = node === found.start.node ? found.start.offset : 0;
    const to = node === found.end.node ? found.end.offset + 1 : node.data.length;
    if (!node.data.slice(from, to).trim()) continue;
    const piece = wrap(node, from, to);
    if (piece) made.unshift(piece);
  }
  pieces = made;
  const first = made[0]?.mark;
  if (!first) return false;
  reveal(first);
  first.scrollIntoView({ block: 'center', inline: 'nearest' });
  return true;
}

let escapeInstalled = false;

/** Escape in the page clears the highlight (installed once per page). */
export function installEscapeToClear(doc: Document): void {
  if (escapeInstalled) return;
  escapeInstalled = true;
  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && pieces.length > 0) clearHighlight();
    },
    true,
  );
}
