/** Interface language and automatic policy detection. */
import { t } from '../platform/i18n';
import { UI_LANGUAGE_TAGS, UI_LANGUAGES, type UiLanguage } from '../settings';

const LANGUAGE_NAMES: Record<UiLanguage, () => string> = {
  auto: () => t('optionsLanguageAuto'),
  en: () => 'English',
  zh_CN: () => '简体中文',
  zh_TW: () => '繁體中文',
};

export function GeneralSection({
  language,
  autoDetect,
  permission,
  permissionNote,
  onLanguage,
  onAutoDetect,
}: {
  language: UiLanguage;
  autoDetect: boolean;
  /** Whether the optional host permission is granted (undefined while unknown). */
  permission: boolean | undefined;
  permissionNote: string;
  onLanguage: (l: UiLanguage) => void;
  onAutoDetect: (on: boolean) => void;
}) {
  return (
    <section aria-labelledby="h-general">
      <h2 id="h-general">{t('options_generalTitle')}</h2>
      <div class="row">
        <label for="ui-language">{t('optionsLanguage')}</label>
        <select
          id="ui-language"
          value={language}
          onChange={(e) => onLanguage((e.currentTarget as HTMLSelectElement).value as UiLanguage)}
        >
          {UI_LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l === 'auto' ? undefined : UI_LANGUAGE_TAGS[l]}>
              {LANGUAGE_NAMES[l]()}
            </option>
          ))}
        </select>
      </div>
      <div class="row">
        <label class="check">
          <input
            id="auto-detect"
            type="checkbox"
            checked={autoDetect}
            aria-describedby="auto-detect-help"
            onChange={(e) => onAutoDetect((e.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('options_autoDetect')}
        </label>
      </div>
      <p class="help" id="auto-detect-help">
        {t('options_autoDetectHelp')}
      </p>
      {autoDetect && permission === false && (
        <p class="warn" role="status" id="auto-detect-missing">
          {t('options_autoDetectNoPermission')}
        </p>
      )}
      {permissionNote && (
        <p class="warn" role="status">
          {permissionNote}
        </p>
      )}
    </section>
  );
}
