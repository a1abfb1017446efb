/**
 * The links inside a block, kept with the block so the analysis can tell
 * where "the Your Privacy Choices page" or "contact us" leads. Only web pages
 * and mail addresses are kept, never a link back into the page itself.
 */
import type { BlockLink } from '../core/types';
import { collapse } from './collapse';

/** At most this many links are kept per block. */
export const MAX_BLOCK_LINKS = 64;
const MAX_HREF = 2048;
const MAX_LINK_TEXT = 300;

/** Where an <a href> leads, resolved against the page; undefined for any other kind of link. */
export function linkTarget(href: string, base: string | undefined): string | undefined {
  let u: URL;
  try {
    u = base ? new URL(href, base) : new URL(href);
  } catch {
    return undefined;
  }
  if (u.protocol === 'mailto:') return u.href.length <= MAX_HREF ? u.href : undefined;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.href.length > MAX_HREF) return undefined;
  if (base && stripHash(u.href) === stripHash(base)) return undefined;
  return u.href;
}

function stripHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
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
