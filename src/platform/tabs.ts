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

export function onTabRemoved(listener: (tabId: number) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => listener(tabId));
}

/** Fires when a tab starts loading or changes address: its cached card is stale. */
export function onTabNavigated(listener: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.url !== undefined || info.status === 'loading') listener(tabId);
  });
}

/** Fires when a tab finished loading a page (its URL is known only with host access). */
export function onTabLoaded(listener: (tabId: number, url: string | undefined) => void): void {
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'complete') listener(tabId, tab.url);
  });
}
