/**
 * "Try before saving": run the term being written on a sample text (typed, or
 * the last analysed page) and show what it matches. Matches are shown as text
 * with <mark>; nothing from the sample ever becomes markup.
 */
import { useMemo, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { LIMITS, tryTerm, type CustomTerm } from '../settings';

/** Matches shown (each with some words around it). */
const SHOWN = 20;
const CONTEXT = 40;

export function TryTerm({
  term,
  loadLastPage,
}: {
  term: CustomTerm;
  loadLastPage: () => Promise<{ title: string; text: string } | undefined>;
}) {
  const [sample, setSample] = useState('');
  const [note, setNote] = useState('');
  const result = useMemo(
    () => (term.pattern.trim() && sample ? tryTerm(term, sample) : undefined),
    [term.area, term.target, term.pattern, term.regex, sample],
  );

  const useLast = async () => {
    const last = await loadLastPage();
    if (last?.text) {
      setSample(last.text);
      setNote(t('options_tryLastLoaded', last.title || '—'));
    } else setNote(t('options_tryNoLastPage'));
  };

  return (
    <div class="try">
      <label for="try-sample">{t('options_trySample')}</label>
      <textarea
        id="try-sample"
        rows={4}
        maxLength={LIMITS.sampleLength}
        value={sample}
        onInput={(e) => setSample((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="row">
        <button type="button" id="try-last" onClick={() => void useLast()}>
          {t('options_tryUseLast')}
        </button>
        {note && <span class="hint">{note}</span>}
      </div>
      <div id="try-result" class="try-result" aria-live="polite">
        {result && !result.ok && <p class="field-error">{result.error}</p>}
        {result?.ok && (
          <>
            <p class="try-count" data-count={result.matches.length}>
              {t('options_tryMatches', result.matches.length)}
              {result.truncated ? ` ${t('options_tryTruncated')}` : ''}
            </p>
            <ul class="try-hits">
              {result.matches.slice(0, SHOWN).map((m, i) => (
                <li key={i}>
                  {m.start > CONTEXT ? '…' : ''}
                  {sample.slice(Math.max(0, m.start - CONTEXT), m.start)}
                  <mark>{m.text}</mark>
                  {sample.slice(m.end, m.end + CONTEXT)}
                  {m.end + CONTEXT < sample.length ? '…' : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
