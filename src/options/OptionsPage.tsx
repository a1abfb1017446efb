/** Settings that exist today: the interface language. */
import { useEffect, useState } from 'preact/hooks';
import { initI18n, t, uiLang } from '../platform/i18n';
import { loadSettings, saveSettings, UI_LANGUAGES, type UiLanguage } from '../platform/storage';
import { extensionVersion } from '../platform/runtime';

const LANGUAGE_NAMES: Record<UiLanguage, () => string> = {
  auto: () => t('optionsLanguageAuto'),
  en: () => 'English',
  zh_CN: () => '简体中文',
};

export function OptionsPage() {
  const [lang, setLang] = useState<UiLanguage | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void loadSettings().then((s) => setLang(s.uiLanguage));
  }, []);

  const choose = async (value: UiLanguage) => {
    setLang(value);
    await saveSettings({ uiLanguage: value });
    // Switch this page to the chosen language right away.
    await initI18n();
    document.documentElement.lang = uiLang();
    document.title = t('optionsTitle');
    setSaved(true);
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p class="version">{t('optionsVersion', extensionVersion())}</p>
      <label for="ui-language">{t('optionsLanguage')}</label>{' '}
      <select
        id="ui-language"
        value={lang}
        disabled={lang === undefined}
        onChange={(e) => void choose((e.currentTarget as HTMLSelectElement).value as UiLanguage)}
      >
        {UI_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {LANGUAGE_NAMES[l]()}
          </option>
        ))}
      </select>
      {saved && (
        <p role="status" class="saved">
          {t('optionsSaved')}
        </p>
      )}
    </main>
  );
}
