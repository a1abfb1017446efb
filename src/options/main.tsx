import { render } from 'preact';
import { initI18n, t, uiLang } from '../platform/i18n';
import { OptionsPage } from './OptionsPage';

async function start(): Promise<void> {
  await initI18n();
  document.documentElement.lang = uiLang();
  document.title = t('optionsTitle');
  render(<OptionsPage />, document.getElementById('app')!);
}

void start();
