/** Tab helpers: which tab to read, injecting the content script, opening a link. */
import browser from 'webextension-polyfill';

export interface TabInfo {
  id: number;
  url?: string;
  title?: string;
  /** 'complete' once the page has loaded. */
  status?: string;
}

function toInfo(tab: browser.Tabs.Tab | undefined): TabInfo | undefined {
  if (!tab || typeof tab.id !== 'number') return undefined;
  return { id: tab.id, url: tab.url, title: tab.title, status: tab.status };
}

/** The active tab of the current window (the one the toolbar popup belongs to). */
export async function getActiveTab(): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return toInfo(tab);
}

export async function getTab(tabId: number): Promise<TabInfo | undefined> {
  try {
    return toInfo(await browser.tabs.get(tabId));
  } catch {
    return undefined;
  }
}

/**
 * Inject a built content-script file into the top frame of a tab. By default
 * the browser waits for the page to be idle; `immediately` (for a page that
 * has finished loading, where there is nothing to wait for) skips that wait.
 */
export async function injectContentScript(
  tabId: number,
  file: string,
  immediately = false,
): Promise<void> {
  const path = file.startsWith('/') ? file : `/${file}`;
  await browser.scripting.executeScript({
    target: { tabId },
    files: [path],
    ...(immediately ? { injectImmediately: true } : {}),
  });
}

/** Navigate a tab to a web address (http/https only). */
export async function openInTab(tabId: number, url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Refusing to open a non-web address: ${parsed.protocol}`);
  }
  await browser.tabs.update(tabId, { url: parsed.href });
}

/** What the background does on tab events. */
export interface TabEvents {
  /** A tab starts loading or changes address: its cached card is stale. */
  navigated(tabId: number): void;
  /** A tab finished loading a page (its URL is known only with host access). */
  loaded(tabId: number, url: string | undefined): void;
  removed(tabId: number): void;
}

/** Listening to tab events, or not: see watchTabs. */
export interface TabWatch {
  listen(on: boolean): void;
  /**
   * Whether page loads must start a stopped background (automatic detection
   * is on). Where the browser decides that from the listeners registered as
   * the background starts (Firefox), the answer is kept for the next start;
   * true when the background must start again for it to take effect now.
   */
  wakeForPages(on: boolean): boolean;
}

/**
 * Firefox keeps the listeners an event page adds while its script first runs
 * ("persistent listeners") and starts the page again for their events after
 * it was stopped, even once they were removed: there, only not adding them at
 * the start keeps page loads from starting the background. Its event page has
 * localStorage, read synchronously at the start; a Chrome service worker has
 * none, and there removing the listeners is enough.
 */
const WAKE_KEY = 'policylens.wakeForPages';

function startStore(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Tab events, listened to only while the background needs them. The browser
 * starts the background for every event it listens to, and tabs.onUpdated
 * fires on every page load in every tab: listening all the time would start
 * it on every page the user opens. Call at the top level of the background,
 * so the event that started it is delivered; then `listen(false)` when nothing
 * needs the events (the browser stops starting it for them) and `listen(true)`
 * again as soon as something does. Where listeners added at the start persist
 * (Firefox), they are added at the start only if page loads must start the
 * background (see wakeForPages); listeners added later serve while it runs.
 */
export function watchTabs(events: TabEvents): TabWatch {
  const updated = (
    tabId: number,
    info: browser.Tabs.OnUpdatedChangeInfoType,
    tab: browser.Tabs.Tab,
  ) => {
    if (info.url !== undefined || info.status === 'loading') events.navigated(tabId);
    if (info.status === 'complete') events.loaded(tabId, tab.url);
  };
  const removed = (tabId: number) => events.removed(tabId);
  const store = startStore();
  let wakingAtStart = true;
  try {
    wakingAtStart = store?.getItem(WAKE_KEY) !== '0';
  } catch {
    // unreadable: listen, as where nothing persists
  }
  let on = false;
  const watch: TabWatch = {
    listen(want) {
      if (want === on) return;
      on = want;
      if (want) {
        browser.tabs.onUpdated.addListener(updated);
        browser.tabs.onRemoved.addListener(removed);
      } else {
        browser.tabs.onUpdated.removeListener(updated);
        browser.tabs.onRemoved.removeListener(removed);
      }
    },
    wakeForPages(want) {
      if (!store) return false;
      try {
        store.setItem(WAKE_KEY, want ? '1' : '0');
        return want && !wakingAtStart && store.getItem(WAKE_KEY) === '1';
      } catch {
        return false;
      }
    },
  };
  watch.listen(wakingAtStart);
  return watch;
}

/**
 * Run the background's script again, where the background is a page that can
 * be reloaded (Firefox's event page), so that listeners it adds at the start
 * persist. Nothing where it cannot (a service worker).
 */
export function restartBackgroundPage(): void {
  if (typeof document === 'undefined' || typeof location === 'undefined') return;
  location.reload();
}
