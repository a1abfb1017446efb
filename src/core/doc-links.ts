/**
 * The page's links in a stretch of the document: what an extracted page
 * knows beyond its text ("our Your Privacy Choices page" and where it leads).
 */
import type { Doc, DocLink } from './sections';

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
