/**
 * Links whose text says they lead to a privacy policy ("Privacy Policy", "隐私政策",
 * Traditional "隱私權政策", Hong Kong "私隱政策", ...). Written out rather than
 * folded: the content script stays without the Traditional table.
 */
import { resolveHref, stripHash } from './block-links';
import { collapse } from './collapse';
import type { PolicyLink } from './types';

const POLICY_LINK_TEXT =
  /privacy\s*(policy|notice|statement|centre|center)|cookie\s*(policy|notice)|data\s*protection\s*(policy|notice)|隐私政策|隐私协议|隐私权政策|隐私声明|隐私保护|个人信息保护|隱私權?(政策|聲明|條款|保護)|私隱(政策|聲明|條款)|個人(資料|資訊)保護/i;

export function looksLikePolicyLinkText(text: string): boolean {
  return POLICY_LINK_TEXT.test(text);
}

const MAX_LINKS = 20;

/** Every distinct policy-looking link in the document, resolved against baseUrl. */
export function findPolicyLinks(doc: Document, baseUrl: string | undefined): PolicyLink[] {
  const out: PolicyLink[] = [];
  const seen = new Set<string>();
  const here = baseUrl ? stripHash(baseUrl) : undefined;
  for (const a of Array.from(doc.querySelectorAll('a[href]'))) {
    const text = collapse(a.textContent ?? '');
    const label = text || a.getAttribute('aria-label') || a.getAttribute('title') || '';
    if (!label || label.length > 120 || !looksLikePolicyLinkText(label)) continue;
    const href = resolve(a.getAttribute('href') ?? '', baseUrl);
    if (!href || seen.has(href) || stripHash(href) === here) continue;
    seen.add(href);
    out.push({ text: label, href });
    if (out.length >= MAX_LINKS) break;
  }
  return out;
}

function resolve(href: string, base: string | undefined): string | undefined {
  const u = resolveHref(href, base);
  // Only web pages: the popup opens these in the tab with one click.
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : undefined;
}
