import { render } from 'preact';
import { initI18n, uiLang } from '../platform/i18n';
import { App } from './App';

async function start(): Promise<void> {
  await initI18n();
  document.documentElement.lang = uiLang();
  const params = new URLSearchParams(location.search);
  const raw = params.get('tabId');
  // ?tabId=N lets the popup page (opened as a tab, e.g. in tests) read another tab.
  const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
  render(<App tabId={tabId} />, document.getElementById('app')!);
}

void start();
