/**
 * Choosing the part of the page that holds the document: <main> or
 * [role=main], else the largest <article>, else the whole body (and then
 * page chrome and link-dense boxes are skipped while walking).
 */
import { collapse } from './collapse';

const MIN_MAIN_CHARS = 200;

export interface MainChoice {
  root: Element;
  /** True when no main/article was usable and the whole body is walked. */
  isBody: boolean;
}

/** SHOW_TEXT, as a number: NodeFilter is not a global under every DOM implementation. */
const SHOW_TEXT = 4;

const NO_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template']);
/** The same as node names, as HTML (upper case) and XML documents (as written) give them. */
const NO_TEXT_NAMES = new Set([...NO_TEXT_TAGS].flatMap((t) => [t, t.toUpperCase()]));

/**
 * About how many characters of readable text an element holds: the trimmed
 * length of each of its text nodes, summed, leaving out scripts and styles
 * (as boxStats does): a page's inline data (a framework's state as JSON, often
 * hundreds of KB in the body) would otherwise outweigh its <main> and make it
 * look too small a part of the page. Counted node by node because building the
 * whole text (textContent) and collapsing it with a regex costs several ms on
 * a long page, twice (the body and the candidate); only thresholds and ratios
 * are read from it.
 */
function textLength(el: Element): number {
  const doc = el.ownerDocument;
  if (!doc) return 0;
  const walker = doc.createTreeWalker(el, SHOW_TEXT);
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentNode;
    if (parent && NO_TEXT_NAMES.has(parent.nodeName)) continue;
    length += (node.nodeValue ?? '').trim().length;
  }
  return length;
}

export function pickMainContent(doc: Document): MainChoice | undefined {
  const body = doc.body ?? doc.documentElement;
  if (!body) return undefined;
  const bodyLen = textLength(body);
  const usable = (el: Element, len: number) =>
    len >= MIN_MAIN_CHARS && !(bodyLen > 2000 && len < bodyLen * 0.3) && !el.hasAttribute('hidden');

  for (const el of Array.from(doc.querySelectorAll('main, [role="main"]'))) {
    if (usable(el, textLength(el))) return { root: el, isBody: false };
  }
  let best: Element | undefined;
  let bestLen = 0;
  for (const el of Array.from(doc.querySelectorAll('article'))) {
    const len = textLength(el);
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  if (best && usable(best, bestLen)) return { root: best, isBody: false };
  return { root: body, isBody: true };
}

export interface BoxStats {
  text: number;
  linkText: number;
  links: number;
}

/**
 * Text and link-text lengths of every element under root, in one iterative
 * post-order pass (pages can nest thousands of levels deep).
 */
export function boxStats(root: Element): Map<Element, BoxStats> {
  const stats = new Map<Element, BoxStats>();
  const stack: { node: Node; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (!frame.done) {
      if (NO_TEXT_TAGS.has(el.tagName.toLowerCase())) continue;
      stack.push({ node: el, done: true });
      for (let c = el.lastChild; c; c = c.previousSibling) {
        if (c.nodeType === 1) stack.push({ node: c, done: false });
      }
      continue;
    }
    const s: BoxStats = { text: 0, linkText: 0, links: 0 };
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        s.text += collapse(c.nodeValue ?? '').length;
      } else if (c.nodeType === 1) {
        const cs = stats.get(c as Element);
        if (cs) {
          s.text += cs.text;
          s.linkText += cs.linkText;
          s.links += cs.links;
        }
      }
    }
    if (el.tagName.toLowerCase() === 'a' && el.hasAttribute('href')) {
      s.linkText = s.text;
      s.links += 1;
    }
    stats.set(el, s);
  }
  return stats;
}

/** A navigation-like box: several links and little text that is not link text. */
export function isLinkDense(s: BoxStats | undefined): boolean {
  return s !== undefined && s.links >= 3 && s.text > 0 && s.linkText / s.text >= 0.6;
}
