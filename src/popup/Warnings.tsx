/** What the engine or the extractor could not do for this card, folded away, in the interface language. */
import { t, uiLang } from '../platform/i18n';
import { problemText } from '../settings/problem-text';

export function Warnings({ warnings }: { warnings: readonly string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <details class="warnings">
      <summary>{t('warnings')}</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{problemText(w, uiLang())}</li>
        ))}
      </ul>
    </details>
  );
}
