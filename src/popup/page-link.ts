/// <reference types="@crxjs/vite-plugin/client" />
/**
 * From the card to the page: ask the content script to mark a quote (or a
 * heading) and scroll to it. A card reused from the cache may belong to a page
 * whose content script is gone (extension reloaded): inject it and retry once.
 */
import contentScriptFile from '../content/content-script?script';
import { sendToTab } from '../platform/messages';
import { injectContentScript } from '../platform/tabs';

export async function showInPage(
  tabId: number,
  quote: string,
  heading = false,
  occurrence = 0,
): Promise<boolean> {
  const ask = () =>
    sendToTab(tabId, 'page/highlight', heading ? { quote, heading, occurrence } : { quote });
  try {
    const res = await ask();
    if (res && typeof res.found === 'boolean') return res.found;
  } catch {
    // No listener in the page: inject below.
  }
  try {
    await injectContentScript(tabId, contentScriptFile);
    const res = await ask();
    return res?.found === true;
  } catch {
    return false;
  }
}
