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
}

/**
 * Tab events, listened to only while the background needs them. The browser
 * starts the background for every event it listens to, and tabs.onUpdated
 * fires on every page load in every tab: listening all the time would start
 * it on every page the user opens. Call at the top level of the background
 * (listening), so the event that started it is delivered; then `listen(false)`
 * when nothing needs the events (the browser stops starting it for them) and
 * `listen(true)` again as soon as something does.
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
  };
  watch.listen(true);
  return watch;
}
