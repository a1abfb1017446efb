/** Debian Chromium, as the end-to-end tests and the bench launch it. */

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Command-line flags for Debian Chromium with the extension at `ext` loaded:
 * new headless mode, no sandbox (root), and nothing that reaches the network
 * on its own (this machine has none). Extra flags go last.
 */
export function chromiumArgs(ext: string, ...extra: string[]): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...extra,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
  ];
}
