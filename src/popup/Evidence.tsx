/**
 * The quotes behind one finding. Each quote is a button: it shows the passage
 * in the page. Text only, never HTML.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Evidence } from '../core/types';
import { t } from '../platform/i18n';

export interface PageLink {
  /** Show a passage (or a heading) in the page; the card reports how it went. */
  show(quote: string, heading?: boolean, occurrence?: number): void;
  /** The quote shown last, to mark its button. */
  active?: string;
  /** The policy's language, for screen readers reading its quotes ('en', 'zh'). */
  lang?: string;
}

export const PageLinkContext = createContext<PageLink | null>(null);

export function Quotes({ evidence }: { evidence: Evidence[] }) {
  const link = useContext(PageLinkContext);
  if (evidence.length === 0) return null;
  return (
    <ul class="quotes" aria-label={t('quotes')}>
      {evidence.map((e, i) => (
        <li key={i}>
          <blockquote lang={link?.lang}>
            <button
              type="button"
              class="quote"
              data-active={link?.active === e.quote ? 'true' : undefined}
              title={t('popup_showInPage')}
              onClick={() => link?.show(e.quote)}
            >
              {e.quote}
            </button>
          </blockquote>
        </li>
      ))}
    </ul>
  );
}
