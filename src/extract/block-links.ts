/**
 * The links inside a block, kept with the block so the analysis can tell
 * where "the Your Privacy Choices page" or "contact us" leads. Only web pages
 * and mail addresses are kept, never a link back into the page itself.
 */
import { MAX_BLOCK_LINKS, MAX_LINK_HREF } from '../core/doc-links';
import type { BlockLink } from '../core/types';
import { collapse } from './collapse';

export { MAX_BLOCK_LINKS };
const MAX_LINK_TEXT = 300;

/** An href resolved against the page, or undefined when it is no address. */
export function resolveHref(href: string, base: string | undefined): URL | undefined {
  try {
    return base ? new URL(href, base) : new URL(href);
  } catch {
    return undefined;
  }
}

export function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** Where an <a href> leads, resolved against the page; undefined for any other kind of link. */
export function linkTarget(href: string, base: string | undefined): string | undefined {
  const u = resolveHref(href, base);
  if (!u || u.href.length > MAX_LINK_HREF) return undefined;
  if (u.protocol === 'mailto:') return u.href;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (base && stripHash(u.href) === stripHash(base)) return undefined;
  return u.href;
}

/** One <a href> as a block link, or undefined when it has no text or leads nowhere kept. */
export function blockLink(a: Element, base: string | undefined): BlockLink | undefined {
  const text = collapse(a.textContent ?? '');
  if (!text || text.length > MAX_LINK_TEXT) return undefined;
  const href = linkTarget(a.getAttribute('href') ?? '', base);
  return href ? { text, href } : undefined;
}

/** The links inside an element emitted whole (a heading, a table row, a pre). */
export function linksIn(el: Element, base: string | undefined): BlockLink[] {
  const out: BlockLink[] = [];
  for (const a of Array.from(el.querySelectorAll('a[href]'))) {
    const l = blockLink(a, base);
    if (l) out.push(l);
    if (out.length >= MAX_BLOCK_LINKS) break;
  }
  return out;
}
