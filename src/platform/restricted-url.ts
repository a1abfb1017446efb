/**
 * Pages a browser will not let an extension read. Pure (no browser API), so
 * the popup can decide before trying to inject anything.
 */
export type PageAccess = 'ok' | 'restricted' | 'pdf' | 'file' | 'unknown';

const RESTRICTED_SCHEMES = [
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'data:',
  'javascript:',
  'blob:',
];

const STORE_HOSTS: { host: string; path: string }[] = [
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'chromewebstore.google.com', path: '/' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
  { host: 'addons.mozilla.org', path: '/' },
  { host: 'addons.opera.com', path: '/' },
];

export function classifyUrl(url: string | undefined): PageAccess {
  if (!url) return 'unknown';
  const lower = url.trim().toLowerCase();
  if (RESTRICTED_SCHEMES.some((s) => lower.startsWith(s))) return 'restricted';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  if (parsed.protocol === 'file:') return /\.pdf$/i.test(parsed.pathname) ? 'pdf' : 'file';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'restricted';
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.some((s) => host === s.host && parsed.pathname.startsWith(s.path))) {
    return 'restricted';
  }
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'ok';
}
