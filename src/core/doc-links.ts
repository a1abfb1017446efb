/**
 * The page's links in a stretch of the document: what an extracted page
 * knows beyond its text ("our Your Privacy Choices page" and where it leads).
 */
import type { Doc, DocLink } from './sections';
import type { BlockLink } from './types';

/** At most this many links are kept and read per block (a page of links says nothing more). */
export const MAX_BLOCK_LINKS = 64;
/** The longest link address kept. */
export const MAX_LINK_HREF = 2048;
const LINK_HREF = /^(?:https?:\/\/|mailto:)/i;

/** A block's links placed where their text stands in it (`t`, at `offset`), each after the one before. */
export function addBlockLinks(
  out: DocLink[],
  links: readonly BlockLink[],
  t: string,
  offset: number,
): void {
  let from = 0;
  for (const l of links.slice(0, MAX_BLOCK_LINKS)) {
    const label = typeof l?.text === 'string' ? l.text.trim() : '';
    if (
      !label ||
      typeof l.href !== 'string' ||
      l.href.length > MAX_LINK_HREF ||
      !LINK_HREF.test(l.href)
    )
      continue;
    const at = t.indexOf(label, from);
    if (at < 0) continue;
    out.push({ start: offset + at, end: offset + at + label.length, href: l.href });
    from = at + label.length;
  }
}

/** The links whose text lies inside [start, end), in text order. */
export function linksWithin(doc: Doc, start: number, end: number): DocLink[] {
  const links = doc.links;
  if (!links.length) return [];
  let lo = 0;
  let hi = links.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (links[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out: DocLink[] = [];
  for (let i = lo; i < links.length && links[i]!.start < end; i++) {
    if (links[i]!.end <= end) out.push(links[i]!);
  }
  return out;
}

/** The mail address of a mailto: link ("mailto:privacy@example.com?subject=…"), if it has one. */
export function mailtoAddress(href: string): string | undefined {
  if (!/^mailto:/i.test(href)) return undefined;
  let address = href.slice(7);
  const q = address.indexOf('?');
  if (q >= 0) address = address.slice(0, q);
  try {
    address = decodeURIComponent(address);
  } catch {
    return undefined;
  }
  address = address.split(',')[0]!.trim();
  return /^[^\s@<>()"]+@[^\s@<>()"]+\.[a-z]{2,}$/i.test(address) ? address : undefined;
}
