/** Export to a file, import from one (checked whole first), reset to defaults (after a confirmation). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, uiLang } from '../platform/i18n';
import { problemText } from '../settings/problem-text';

export function FileSection({
  onExport,
  onImport,
  onReset,
}: {
  onExport: () => void;
  /** Apply a settings file; returns every problem found (then nothing changed). */
  onImport: (text: string) => Promise<string[]>;
  onReset: () => Promise<void>;
}) {
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [imported, setImported] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Keyboard users land on the question's answer.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setImported(false);
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      setImportErrors([String(e)]);
      return;
    }
    const errors = await onImport(text);
    setImportErrors(errors);
    setImported(errors.length === 0);
  };

  return (
    <section aria-labelledby="h-file">
      <h2 id="h-file">{t('options_fileTitle')}</h2>
      <p class="help">{t('options_fileHelp')}</p>
      <div class="row">
        <button type="button" id="export" onClick={onExport}>
          {t('options_export')}
        </button>
        <button type="button" id="reset" class="danger" onClick={() => setConfirming(true)}>
          {t('options_reset')}
        </button>
      </div>
      <div class="row">
        <label for="import-file">{t('options_import')}</label>
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void readFile(e.currentTarget as HTMLInputElement)}
        />
      </div>
      {confirming && (
        <div class="confirm" role="alertdialog" aria-labelledby="reset-question">
          <p id="reset-question">{t('options_resetQuestion')}</p>
          <button
            type="button"
            id="reset-confirm"
            class="danger"
            ref={confirmRef}
            onClick={() => {
              setConfirming(false);
              void onReset();
            }}
          >
            {t('options_resetConfirm')}
          </button>{' '}
          <button type="button" id="reset-cancel" onClick={() => setConfirming(false)}>
            {t('options_cancel')}
          </button>
        </div>
      )}
      {imported && (
        <p class="ok" role="status" id="import-done">
          {t('options_imported')}
        </p>
      )}
      {importErrors.length > 0 && (
        <div class="problems" role="alert" id="import-errors">
          <p>{t('options_importFailed', importErrors.length)}</p>
          <ul>
            {importErrors.map((e, i) => (
              <li key={i}>{problemText(e, uiLang())}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
