/**
 * UI strings. By default the browser's own i18n picks the language; when the
 * user chose one in the options page, that locale's messages.json is loaded
 * from the extension package instead.
 */
import browser from 'webextension-polyfill';
import { UI_LANGUAGE_TAGS, type UiLanguage } from '../settings/types';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, MessageEntry>;

let override: Catalog | undefined;
let overrideLang: UiLanguage | undefined;

/** Format one catalog entry like browser.i18n.getMessage does ($NAME$ placeholders, $1..$9). */
export function formatEntry(entry: MessageEntry, subs: string[]): string {
  const positional = (s: string) =>
    s.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const ph = entry.placeholders?.[name.toLowerCase()];
    return ph ? positional(ph.content) : whole;
  });
}

/** Load the chosen interface language (call once before rendering). */
export async function initI18n(language?: UiLanguage): Promise<void> {
  const lang = language ?? (await storedLanguage());
  override = await loadCatalog(lang);
  overrideLang = override ? lang : undefined;
}

/**
 * The language chosen in the settings (an old "uiLanguage" key is read through
 * the model's migration). The settings model is loaded only here, on demand:
 * the popup asks the background for the language instead and never loads it.
 */
async function storedLanguage(): Promise<UiLanguage> {
  try {
    const [{ loadSettings }, { settingsAreas }] = await Promise.all([
      import('../settings'),
      import('./settings-storage'),
    ]);
    const { sync, local } = settingsAreas();
    return (await loadSettings(sync, local)).settings.language;
  } catch {
    return 'auto';
  }
}

async function loadCatalog(lang: UiLanguage): Promise<Catalog | undefined> {
  if (lang === 'auto') return undefined;
  try {
    const res = await fetch(browser.runtime.getURL(`/_locales/${lang}/messages.json`));
    return (await res.json()) as Catalog;
  } catch {
    return undefined;
  }
}

export function t(key: string, ...subs: (string | number)[]): string {
  const strSubs = subs.map(String);
  const entry = override?.[key];
  if (entry) return formatEntry(entry, strSubs);
  const msg = browser.i18n.getMessage(key, strSubs);
  return msg || key;
}

/** The language the UI is shown in, for <html lang>. */
export function uiLang(): string {
  if (override && overrideLang && overrideLang !== 'auto') return UI_LANGUAGE_TAGS[overrideLang];
  return browser.i18n.getUILanguage();
}
