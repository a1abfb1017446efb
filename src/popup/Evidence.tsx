import type { Evidence } from '../core/types';
import { t } from '../platform/i18n';

/** The quotes behind one finding, folded by default. Text only, never HTML. */
export function Quotes({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <details class="quotes">
      <summary>{t('quoteCount', evidence.length)}</summary>
      <ul>
        {evidence.map((e, i) => (
          <li key={i}>
            <blockquote>{e.quote}</blockquote>
          </li>
        ))}
      </ul>
    </details>
  );
}
