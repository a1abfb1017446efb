/**
 * Is an element hidden? Works without layout (linkedom): hidden attribute,
 * aria-hidden="true", inline display:none / visibility:hidden; in a real
 * browser (a window with getComputedStyle) the computed style too.
 */
type StyleFn = (el: Element) => { display?: string; visibility?: string } | undefined;

export function computedStyleReader(doc: Document): StyleFn | undefined {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.getComputedStyle !== 'function') return undefined;
  return (el) => {
    try {
      return view.getComputedStyle(el);
    } catch {
      return undefined;
    }
  };
}

const INLINE_HIDDEN =
  /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important)?\s*(;|$)/i;

export function isHidden(el: Element, style: StyleFn | undefined): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const inline = el.getAttribute('style');
  if (inline && INLINE_HIDDEN.test(inline)) return true;
  if (style) {
    const cs = style(el);
    if (cs && (cs.display === 'none' || cs.visibility === 'hidden')) return true;
  }
  return false;
}
