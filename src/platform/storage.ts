/**
 * Storage wrappers: a session cache that degrades to nothing, and the last
 * analysed page's text (local only). The user's settings live in src/settings
 * (read them with loadSettings(settingsAreas().sync, settingsAreas().local)).
 */
import browser from 'webextension-polyfill';

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

/**
 * The text of the last page analysed, kept in storage.local (never
 * synced) so the options page can try a term on it. Only the start of the
 * text is kept.
 */
export interface LastPageSample {
  url: string;
  title: string;
  text: string;
}

export const LAST_PAGE_KEY = 'lastPage.sample';
export const LAST_PAGE_MAX_CHARS = 20_000;

export async function saveLastPageSample(sample: LastPageSample): Promise<void> {
  try {
    await browser.storage.local.set({
      [LAST_PAGE_KEY]: { ...sample, text: sample.text.slice(0, LAST_PAGE_MAX_CHARS) },
    });
  } catch {
    // Only a convenience for the options page.
  }
}

export async function loadLastPageSample(): Promise<LastPageSample | undefined> {
  try {
    const got = (await browser.storage.local.get(LAST_PAGE_KEY))[LAST_PAGE_KEY] as
      Partial<LastPageSample> | undefined;
    if (!got || typeof got.text !== 'string') return undefined;
    return {
      url: typeof got.url === 'string' ? got.url : '',
      title: typeof got.title === 'string' ? got.title : '',
      text: got.text.slice(0, LAST_PAGE_MAX_CHARS),
    };
  } catch {
    return undefined;
  }
}

/** Every storage.session key starting with prefix (none where session storage is missing). */
export async function sessionKeys(prefix: string): Promise<string[]> {
  const area = sessionArea();
  if (!area) return [];
  try {
    return Object.keys(await area.get(null)).filter((k) => k.startsWith(prefix));
  } catch {
    return [];
  }
}
