/** Storage wrappers: typed keys for sync settings and a session cache that degrades to nothing. */
import browser from 'webextension-polyfill';

export const UI_LANGUAGES = ['auto', 'en', 'zh_CN'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export interface Settings {
  uiLanguage: UiLanguage;
}

export const DEFAULT_SETTINGS: Settings = { uiLanguage: 'auto' };

function isUiLanguage(v: unknown): v is UiLanguage {
  return typeof v === 'string' && (UI_LANGUAGES as readonly string[]).includes(v);
}

/** Settings from storage.sync, with defaults for anything missing or malformed. */
export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.sync.get('uiLanguage');
    return {
      uiLanguage: isUiLanguage(got.uiLanguage) ? got.uiLanguage : DEFAULT_SETTINGS.uiLanguage,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await browser.storage.sync.set(patch);
}

/** storage.session exists in Chrome 102+ and Firefox 115+; older builds just skip it. */
function sessionArea(): browser.Storage.StorageArea | undefined {
  const storage = browser.storage as unknown as { session?: browser.Storage.StorageArea };
  return storage.session;
}

export async function sessionGet<T>(key: string): Promise<T | undefined> {
  const area = sessionArea();
  if (!area) return undefined;
  try {
    const got = await area.get(key);
    return got[key] as T | undefined;
  } catch {
    return undefined;
  }
}

export async function sessionSet(key: string, value: unknown): Promise<void> {
  const area = sessionArea();
  if (!area) return;
  try {
    await area.set({ [key]: value });
  } catch {
    // Quota or unavailable: the in-memory cache still works.
  }
}

export async function sessionRemove(key: string): Promise<void> {
  const area = sessionArea();
  if (!area) return;
  try {
    await area.remove(key);
  } catch {
    // ignore
  }
}
