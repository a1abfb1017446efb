/** Facts about the extension itself. */
import browser from 'webextension-polyfill';

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}
