/** The popup's interface: load the strings, then render the app for the state the background sends. */
import { render } from 'preact';
import { initI18n, uiLang } from '../platform/i18n';
import { App } from './App';
import type { PopupState } from './flow';
import { isUiLanguage } from '../settings/types';

export async function mount(
  tabId: number | undefined,
  first: Promise<PopupState>,
  language: Promise<unknown>,
): Promise<void> {
  performance.mark('pl:ui');
  const chosen = await language;
  await initI18n(isUiLanguage(chosen) ? chosen : undefined);
  document.documentElement.lang = uiLang();
  render(<App tabId={tabId} first={first} />, document.getElementById('app')!);
}
