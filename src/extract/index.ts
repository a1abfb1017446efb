/**
 * DOM -> blocks. Used by the content script in the browser and by the CLI
 * under linkedom, so it relies on no layout: only the DOM tree, attributes,
 * and the computed style when the window provides it.
 */
import type { Block, BlockLink } from '../core/types';
import { blockLink, linksIn, MAX_BLOCK_LINKS } from './block-links';
import { collapse } from './collapse';
import { boxStats, isLinkDense, pickMainContent, type BoxStats } from './main-content';
import { findPolicyLinks } from './policy-links';
import type { ExtractedPage, ExtractOptions } from './types';
import { collapsedPanelIds, computedStyleReader, isHidden } from './visibility';

export type { ExtractedPage, ExtractOptions, PolicyLink } from './types';
export { looksLikePolicyLinkText } from './policy-links';

export const DEFAULT_MAX_CHARS = 5_000_000;

/** Elements whose content is never page text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'head',
  'link',
  'meta',
  'title',
]);

/** Page chrome: skipped wherever it appears inside the chosen root. */
const CHROME_TAGS = new Set(['nav', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search']);

/** Elements that start and end a block of text. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'ul',
]);

const HEADING = /^h([1-6])$/;

/** A paragraph that is one bold run ("<p><strong>Data Retention</strong></p>"): a page's heading. */
const BOLD_TAGS = new Set(['b', 'strong']);
const BOLD_TITLE_LEVEL = 3;
const BOLD_TITLE_MAX = 100;
/** A bold run ending as a sentence does ("<b>Please read this carefully.</b>") is emphasis. */
const SENTENCE_END = /[.。;；,，!?！？]$/;
const NUMBERED = /^(?:[\d一二三四五六七八九十]+[.、．)]|[(（[【第]|[IVX]+\.\s)/;

function boldTitle(el: Element): string | undefined {
  let bold: Element | undefined;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if ((c.nodeValue ?? '').trim()) return undefined;
    } else if (c.nodeType === 1) {
      if (bold || !BOLD_TAGS.has((c as Element).tagName.toLowerCase())) return undefined;
      bold = c as Element;
    }
  }
  if (!bold) return undefined;
  const text = collapse(textOf(el, false));
  if (!text || text.length > BOLD_TITLE_MAX || SENTENCE_END.test(text)) return undefined;
  // A numbered one ("一、…", "（二）…", "3.1 …") is left to the analysis, which reads its level.
  if (NUMBERED.test(text)) return undefined;
  return text;
}

type Context = 'paragraph' | 'list-item';
type Frame = { node: Node; exit?: false } | { exit: true };

export function extractPage(doc: Document, opts: ExtractOptions = {}): ExtractedPage {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const baseUrl = opts.url ?? documentUrl(doc);
  const warnings: string[] = [];
  const blocks: Block[] = [];
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || undefined;
  const policyLinks = findPolicyLinks(doc, baseUrl);

  const choice = pickMainContent(doc);
  if (!choice) {
    return { blocks, title: collapse(doc.title ?? ''), lang, warnings, policyLinks };
  }
  // Collapsed sections, looked up once the walk meets a hidden element with an id.
  let panels: Set<string> | undefined;
  const collapsed = (el: Element) => el.id !== '' && (panels ??= collapsedPanelIds(doc)).has(el.id);
  const stats: Map<Element, BoxStats> | undefined = choice.isBody
    ? boxStats(choice.root)
    : undefined;

  let total = 0;
  let truncated = false;
  let skippedFrames = 0;
  const buffer: string[] = [];
  /** The links met since the last flush, for the block it emits. */
  let pendingLinks: BlockLink[] = [];
  const contexts: Context[] = ['paragraph'];

  const emit = (block: Block, links?: BlockLink[]) => {
    if (!block.text || truncated) return;
    // a link whose text the block does not hold (an <a> around a block) is left out
    const kept = links?.filter((l) => block.text.includes(l.text));
    if (kept?.length) block.links = kept;
    if (total + block.text.length > maxChars) {
      truncated = true;
      const room = maxChars - total;
      // The cut neither splits a surrogate pair (a lone half would not be a
      // character the page has) nor leaves a trailing space.
      let cut = block.text.slice(0, Math.max(0, room));
      if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
      cut = cut.trimEnd();
      if (cut) blocks.push({ ...block, text: cut });
      total = maxChars;
      return;
    }
    total += block.text.length;
    blocks.push(block);
  };
  const flush = () => {
    if (buffer.length === 0) return;
    const text = collapse(buffer.join(''));
    buffer.length = 0;
    const links = pendingLinks;
    pendingLinks = [];
    if (text) emit({ kind: contexts[contexts.length - 1] ?? 'paragraph', text, level: 0 }, links);
  };

  const skip = (el: Element, tag: string): boolean => {
    if (SKIP_TAGS.has(tag)) return true;
    if (tag === 'dialog' && !el.hasAttribute('open')) return true;
    if (isHidden(el, styleOf(el)) && !collapsed(el)) return true;
    if (CHROME_TAGS.has(tag)) return true;
    const role = el.getAttribute('role');
    if (role && CHROME_ROLES.has(role)) return true;
    if (choice.isBody && (tag === 'header' || tag === 'footer') && !insideContent(el)) return true;
    if (stats && isLinkDense(stats.get(el))) return true;
    return false;
  };

  const stack: Frame[] = [{ node: choice.root }];
  while (stack.length > 0 && !truncated) {
    const frame = stack.pop()!;
    if (frame.exit) {
      flush();
      contexts.pop();
      continue;
    }
    const node = frame.node;
    if (node.nodeType === 3) {
      buffer.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) continue;
    if (node.nodeType === 11) {
      pushChildren(stack, node);
      continue;
    }
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (el !== choice.root && skip(el, tag)) continue;

    if (tag === 'br') {
      buffer.push(' ');
      continue;
    }
    const h = HEADING.exec(tag);
    if (h) {
      flush();
      emit(
        { kind: 'heading', text: collapse(textOf(el, false)), level: Number(h[1]) },
        linksIn(el, baseUrl),
      );
      continue;
    }
    if (tag === 'tr') {
      flush();
      const cells: string[] = [];
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const cellTag = (c as Element).tagName.toLowerCase();
        if (cellTag !== 'td' && cellTag !== 'th') continue;
        if (isHidden(c as Element, styleOf(c as Element))) continue;
        cells.push(collapse(textOf(c as Element, false)));
      }
      // Empty cells add nothing to read; dropping them keeps " | " between words.
      const filled = cells.filter((c) => c.length > 0);
      if (filled.length > 0)
        emit({ kind: 'table-row', text: filled.join(' | '), level: 0 }, linksIn(el, baseUrl));
      continue;
    }
    if (tag === 'pre' || tag === 'xmp' || tag === 'plaintext') {
      flush();
      const text = textOf(el, true)
        .split('\n')
        .map((line) => collapse(line))
        .filter((line) => line.length > 0)
        .join('\n');
      emit({ kind: 'pre', text, level: 0 }, linksIn(el, baseUrl));
      continue;
    }
    if (tag === 'iframe' || tag === 'frame') {
      const inner = frameDocument(el);
      if (inner?.body) {
        flush();
        stack.push({ exit: true });
        contexts.push('paragraph');
        stack.push({ node: inner.body });
      } else if (frameHasContent(el)) {
        skippedFrames++;
      }
      continue;
    }

    if (tag === 'a' && pendingLinks.length < MAX_BLOCK_LINKS && el.hasAttribute('href')) {
      const link = blockLink(el, baseUrl);
      if (link) pendingLinks.push(link);
    }
    const isBlock = BLOCK_TAGS.has(tag) || tag.includes('-');
    if (tag === 'p' || tag === 'div') {
      const title = boldTitle(el);
      if (title) {
        flush();
        emit({ kind: 'heading', text: title, level: BOLD_TITLE_LEVEL }, linksIn(el, baseUrl));
        continue;
      }
    }
    if (isBlock) {
      flush();
      const current = contexts[contexts.length - 1] ?? 'paragraph';
      contexts.push(tag === 'li' || current === 'list-item' ? 'list-item' : 'paragraph');
      // A new list inside a list item starts fresh items of its own.
      if (tag === 'ul' || tag === 'ol') contexts[contexts.length - 1] = 'paragraph';
      stack.push({ exit: true });
    }
    pushChildren(stack, el);
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) stack.push({ node: shadow });
  }
  flush();

  if (truncated) warnings.push(`Text cut at ${maxChars.toLocaleString('en')} characters.`);
  if (skippedFrames > 0) {
    warnings.push(
      `Skipped ${skippedFrames} embedded frame${skippedFrames === 1 ? '' : 's'} from another origin (their text cannot be read).`,
    );
  }

  const title = collapse(doc.title ?? '') || blocks.find((b) => b.kind === 'heading')?.text || '';
  return { blocks, title, lang, warnings, policyLinks };
}

function pushChildren(stack: Frame[], parent: Node): void {
  for (let c = parent.lastChild; c; c = c.previousSibling) {
    if (c.nodeType === 1 || c.nodeType === 3) stack.push({ node: c });
  }
}

/** Whether a header/footer sits inside the document content rather than the page frame. */
function insideContent(el: Element): boolean {
  const parent = el.parentElement;
  return parent !== null && parent.closest('article, main, [role="main"], section') !== null;
}

function styleOf(el: Element) {
  const doc = el.ownerDocument;
  return doc ? computedStyleReader(doc) : undefined;
}

function frameDocument(el: Element): Document | null {
  try {
    return (el as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

function frameHasContent(el: Element): boolean {
  const src = el.getAttribute('src');
  return (
    (src !== null && src.trim() !== '' && src.trim() !== 'about:blank') || el.hasAttribute('srcdoc')
  );
}

function documentUrl(doc: Document): string | undefined {
  try {
    const url = doc.URL || doc.baseURI;
    return url && /^(https?|file):/i.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The visible text of one element (a heading, a table cell, a pre), walked
 * iteratively. Block children are separated by a space (or a newline when
 * keepLines is set); <br> is a line break.
 */
function textOf(root: Element, keepLines: boolean): string {
  const out: string[] = [];
  const stack: Node[] = [root];
  const sep = keepLines ? '\n' : ' ';
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out.push(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType === 11) {
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (el !== root && (SKIP_TAGS.has(tag) || isHidden(el, styleOf(el)))) continue;
    if (tag === 'br') {
      out.push(sep);
      continue;
    }
    if (el !== root && BLOCK_TAGS.has(tag)) out.push(sep);
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
    const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
    if (shadow) stack.push(shadow);
  }
  return out.join('');
}
