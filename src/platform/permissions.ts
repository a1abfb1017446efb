/**
 * The optional host permission behind automatic policy detection. request()
 * must be called straight from a click (browsers refuse it otherwise), so the
 * options page calls requestAutoDetectPermission() first thing in its handler.
 */
import browser from 'webextension-polyfill';

/** What automatic detection needs: reading any page the user opens. */
export const AUTO_DETECT_ORIGINS = ['<all_urls>'];

export async function hasAutoDetectPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: AUTO_DETECT_ORIGINS });
  } catch {
    return false;
  }
}

/** Ask the user for the permission; false when refused or not possible. */
export async function requestAutoDetectPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: AUTO_DETECT_ORIGINS });
  } catch {
    return false;
  }
}

/** Give the permission back (turning automatic detection off). */
export async function removeAutoDetectPermission(): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: AUTO_DETECT_ORIGINS });
  } catch {
    return false;
  }
}
