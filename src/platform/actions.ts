/** What the card's opt-out actions do outside the popup: open a web page, copy a text. */
import browser from 'webextension-polyfill';

/** Open a web address in a new tab next to the current one (http/https only). */
export async function openNewTab(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`Refusing to open a non-web address: ${parsed.protocol}`);
  }
  await browser.tabs.create({ url: parsed.href, active: true });
}

/** Put a text on the clipboard; false when the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
