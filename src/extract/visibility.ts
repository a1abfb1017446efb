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

/**
 * The ids of collapsed sections: the panels a control marked
 * aria-expanded="false" opens (aria-controls), as accordions and "show more"
 * buttons mark them. A policy whose sections start folded keeps them hidden
 * until clicked, yet they are its text: the extraction reads them anyway.
 */
export function collapsedPanelIds(doc: Document): Set<string> {
  const ids = new Set<string>();
  for (const control of Array.from(
    doc.querySelectorAll('[aria-controls][aria-expanded="false"]'),
  )) {
    for (const id of (control.getAttribute('aria-controls') ?? '').split(/\s+/)) {
      if (id) ids.add(id);
    }
  }
  return ids;
}

/**
 * Hidden from the reader. An element hidden "until found" is text the browser
 * shows when searched for: not hidden. (Collapsed sections are hidden too; the
 * extraction reads them anyway, see collapsedPanelIds.)
 */
export function isHidden(el: Element, style: StyleFn | undefined): boolean {
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden.trim().toLowerCase() !== 'until-found') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const inline = el.getAttribute('style');
  if (inline && INLINE_HIDDEN.test(inline)) return true;
  if (style) {
    const cs = style(el);
    if (cs && (cs.display === 'none' || cs.visibility === 'hidden')) return true;
  }
  return false;
}
