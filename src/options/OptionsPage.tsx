/**
 * The options page (issue #7). It edits a draft of the settings; the draft is
 * checked as it changes (problems are shown in words next to their field)
 * and saved after a pause in editing or on "Save", never on every key
 * (storage.sync allows few writes a minute). Analyses read the stored
 * settings each time, and the background drops cached cards when they
 * change, so a saved change applies to the next analysis.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DataType, Severity } from '../core/types';
import { initI18n, t, uiLang } from '../platform/i18n';
import {
  hasAutoDetectPermission,
  removeAutoDetectPermission,
  requestAutoDetectPermission,
} from '../platform/permissions';
import { extensionVersion } from '../platform/runtime';
import { settingsAreas } from '../platform/settings-storage';
import { loadLastPageSample } from '../platform/storage';
import {
  checkSettings,
  defaultSettings,
  discardBrokenCopy,
  exportBrokenCopy,
  exportSettings,
  importSettings,
  loadSettings,
  normalizeSettings,
  onSettingsChanged,
  resetSettings,
  saveSettings,
  type CustomSdk,
  type CustomTerm,
  type Location,
  type Settings,
  type UiLanguage,
} from '../settings';
import { DataTypesSection } from './DataTypesSection';
import { downloadText, exportFileName } from './download';
import { FileSection } from './FileSection';
import { GeneralSection } from './GeneralSection';
import { SdksSection } from './SdksSection';
import { TermsSection } from './TermsSection';
import { WeightsSection } from './WeightsSection';
import { problemText } from '../settings/problem-text';

/** Pause in editing after which a valid draft is saved. */
export const SAVE_DELAY_MS = 800;

type Status = 'idle' | 'saving' | 'saved' | 'failed';

const keyOf = (s: Settings) => JSON.stringify(normalizeSettings(s));

/** Errors about one list entry, without the "customTerms[3]." part. */
function entryErrors(errors: string[], list: string, index: number): string[] {
  const own = `${list}[${index}]`;
  return errors
    .filter((e) => e.startsWith(own) || e.startsWith(`${list}:`))
    .map((e) => (e.startsWith(`${own}.`) ? e.slice(own.length + 1) : e))
    .map((e) => (e.startsWith(`${own}:`) ? e.slice(own.length + 1).trim() : e));
}

async function applyLanguage(lang: UiLanguage): Promise<void> {
  await initI18n(lang);
  document.documentElement.lang = uiLang();
  document.title = t('optionsTitle');
}

export function OptionsPage() {
  const { sync, local } = settingsAreas();
  const [draft, setDraft] = useState<Settings | undefined>(undefined);
  const [savedKey, setSavedKey] = useState('');
  const [generation, setGeneration] = useState(0);
  const [status, setStatus] = useState<Status>('idle');
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [location, setLocation] = useState<Location>('sync');
  const [hasBroken, setHasBroken] = useState(false);
  const [permission, setPermission] = useState<boolean | undefined>(undefined);
  const [permissionNote, setPermissionNote] = useState('');
  const [, setLangTick] = useState(0);
  const draftRef = useRef<Settings | undefined>(undefined);
  const savedKeyRef = useRef('');
  const langRef = useRef<UiLanguage>('auto');
  draftRef.current = draft;
  savedKeyRef.current = savedKey;

  const switchLanguage = async (lang: UiLanguage) => {
    if (lang === langRef.current) return;
    langRef.current = lang;
    await applyLanguage(lang);
    setLangTick((n) => n + 1);
  };

  /** Replace the draft with settings read or written elsewhere. */
  const replace = (s: Settings) => {
    setDraft(s);
    setSavedKey(keyOf(s));
    setGeneration((g) => g + 1);
  };

  useEffect(() => {
    let live = true;
    void loadSettings(sync, local).then((r) => {
      if (!live) return;
      langRef.current = r.settings.language;
      replace(r.settings);
      setNotices(r.notices);
      setLocation(r.location);
      setHasBroken(r.hasBrokenCopy);
    });
    void hasAutoDetectPermission().then((p) => live && setPermission(p));
    const stop = onSettingsChanged(sync, local, (r) => {
      const current = draftRef.current;
      // Our own save, or a change while the user has unsaved edits: keep the draft.
      if (!current || keyOf(r.settings) === keyOf(current)) return;
      if (keyOf(current) !== savedKeyRef.current) return;
      replace(r.settings);
      setLocation(r.location);
      void switchLanguage(r.settings.language);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const errors = useMemo(() => (draft ? checkSettings(draft).errors : []), [draft]);
  const dirty = draft !== undefined && keyOf(draft) !== savedKey;

  /** Save; returns the problems that stopped it (none when saved). */
  const save = async (s: Settings): Promise<string[]> => {
    setStatus('saving');
    const res = await saveSettings(s, sync, local);
    if (!res.ok) {
      setSaveErrors(res.errors ?? []);
      setStatus('failed');
      return res.errors ?? [];
    }
    setSaveErrors([]);
    setSavedKey(keyOf(s));
    setLocation(res.location);
    setNotices(res.notices);
    await switchLanguage(s.language);
    setStatus('saved');
    return [];
  };

  // Save a valid draft after a pause in editing.
  useEffect(() => {
    if (!draft || !dirty || errors.length) return;
    const timer = setTimeout(() => void save(draft), SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, dirty, errors.length]);

  if (!draft) {
    return (
      <main class="options" aria-busy="true">
        <h1>{t('optionsTitle')}</h1>
        <select id="ui-language" disabled aria-label={t('optionsLanguage')} />
      </main>
    );
  }

  const update = (patch: Partial<Settings>) => {
    setStatus('idle');
    setDraft({ ...draft, ...patch });
  };

  const toggleType = (type: DataType, on: boolean) => {
    const rest = draft.disabledTypes.filter((x) => x !== type);
    update({ disabledTypes: on ? rest : [...rest, type] });
  };
  const setSeverity = (type: DataType, sev: Severity) =>
    update({ severity: { ...draft.severity, [type]: sev } });

  const addTerm = (term: CustomTerm): string[] => {
    const same = (x: CustomTerm) =>
      x.area === term.area &&
      x.target === term.target &&
      x.pattern === term.pattern &&
      !!x.regex === !!term.regex;
    if (draft.customTerms.some(same)) return [t('options_termDuplicate')];
    const customTerms = [...draft.customTerms, term];
    const found = entryErrors(
      checkSettings({ ...draft, customTerms }).errors,
      'customTerms',
      customTerms.length - 1,
    ).map((e) => e.replace(/^(pattern|area|target|regex): /, ''));
    if (!found.length) update({ customTerms });
    return found;
  };
  const addSdk = (sdk: CustomSdk): string[] => {
    const customSdks = [...draft.customSdks, sdk];
    const found = entryErrors(
      checkSettings({ ...draft, customSdks }).errors,
      'customSdks',
      customSdks.length - 1,
    );
    if (!found.length) update({ customSdks });
    return found;
  };

  const setWeight = (path: string, value: number) => {
    const weights = structuredClone(draft.weights) as Record<string, unknown>;
    const [a, b] = path.split('.') as [string, string | undefined];
    if (b === undefined) weights[a] = value;
    else weights[a] = { ...((weights[a] as object | undefined) ?? {}), [b]: value };
    update({ weights: weights as Settings['weights'] });
  };

  const toggleAutoDetect = (on: boolean) => {
    setPermissionNote('');
    if (on) {
      // Asked straight from the click: browsers only show the prompt then.
      void requestAutoDetectPermission().then((granted) => {
        setPermission(granted);
        if (granted) update({ autoDetect: true });
        else setPermissionNote(t('options_autoDetectRefused'));
      });
    } else {
      void removeAutoDetectPermission().then(() => hasAutoDetectPermission().then(setPermission));
      update({ autoDetect: false });
    }
  };

  const doExport = () => {
    if (errors.length) {
      setStatus('failed');
      setSaveErrors(errors);
      return;
    }
    downloadText(exportSettings(draft), exportFileName());
  };
  const doImport = async (text: string): Promise<string[]> => {
    const res = importSettings(text);
    if (!res.ok) return res.errors;
    // Stored first: if storage refuses it, the page keeps what it had.
    const problems = await save(res.settings);
    if (!problems.length) replace(res.settings);
    return problems;
  };
  const doReset = async () => {
    const res = await resetSettings(sync, local);
    if (!res.ok) {
      setSaveErrors(res.errors ?? []);
      setStatus('failed');
      return;
    }
    if (permission) {
      await removeAutoDetectPermission();
      setPermission(await hasAutoDetectPermission());
    }
    replace(defaultSettings());
    setLocation(res.location);
    setNotices(res.notices);
    await switchLanguage('auto');
    setStatus('saved');
  };

  const downloadBroken = async () => {
    const text = await exportBrokenCopy(local);
    if (text) downloadText(text, 'policylens-settings-damaged.json');
  };
  const discardBroken = async () => {
    await discardBrokenCopy(local);
    setHasBroken(false);
  };

  const shownNotices = [...notices, ...(location === 'local' ? [t('options_localOnly')] : [])];

  return (
    <main class="options">
      <header class="page-head">
        <h1>{t('optionsTitle')}</h1>
        <p class="version">{t('optionsVersion', extensionVersion())}</p>
      </header>

      {(shownNotices.length > 0 || hasBroken) && (
        <section class="notices" role="status" id="notices" aria-label={t('options_notices')}>
          <ul>
            {shownNotices.map((n, i) => (
              <li key={i}>{problemText(n, uiLang())}</li>
            ))}
          </ul>
          {hasBroken && (
            <p class="row">
              {t('options_brokenCopy')}{' '}
              <button type="button" id="broken-download" onClick={() => void downloadBroken()}>
                {t('options_brokenDownload')}
              </button>
              <button type="button" id="broken-discard" onClick={() => void discardBroken()}>
                {t('options_brokenDiscard')}
              </button>
            </p>
          )}
        </section>
      )}

      <GeneralSection
        language={draft.language}
        autoDetect={draft.autoDetect}
        permission={permission}
        permissionNote={permissionNote}
        onLanguage={(language) => update({ language })}
        onAutoDetect={toggleAutoDetect}
      />
      <DataTypesSection settings={draft} onToggle={toggleType} onSeverity={setSeverity} />
      <TermsSection
        terms={draft.customTerms}
        onAdd={addTerm}
        onRemove={(i) => update({ customTerms: draft.customTerms.filter((_, j) => j !== i) })}
        loadLastPage={loadLastPageSample}
      />
      <SdksSection
        sdks={draft.customSdks}
        onAdd={addSdk}
        onRemove={(i) => update({ customSdks: draft.customSdks.filter((_, j) => j !== i) })}
      />
      <WeightsSection
        settings={draft}
        errors={errors}
        generation={generation}
        onChange={setWeight}
        onReset={() => {
          update({ weights: {} });
          setGeneration((g) => g + 1);
        }}
      />
      <FileSection onExport={doExport} onImport={doImport} onReset={doReset} />

      <footer
        class={dirty || errors.length > 0 ? 'save-bar sticky' : 'save-bar'}
        aria-live="polite"
      >
        <button
          type="button"
          id="save"
          class="primary"
          disabled={!dirty || errors.length > 0 || status === 'saving'}
          onClick={() => void save(draft)}
        >
          {t('options_save')}
        </button>
        {dirty && errors.length === 0 && status !== 'saving' && (
          <span class="pending">{t('options_pending')}</span>
        )}
        {status === 'saving' && <span class="pending">{t('options_saving')}</span>}
        {!dirty && status === 'saved' && <span class="saved">{t('optionsSaved')}</span>}
        {(errors.length > 0 || (status === 'failed' && saveErrors.length > 0)) && (
          <div class="problems" id="save-problems">
            <p>{t('options_notSaved', errors.length || saveErrors.length)}</p>
            <ul>
              {(errors.length ? errors : saveErrors).map((e, i) => (
                <li key={i}>{problemText(e, uiLang())}</li>
              ))}
            </ul>
          </div>
        )}
      </footer>
    </main>
  );
}
