/**
 * What a page that analyses needs from the user's settings, read fresh each
 * time (so changes on the options page apply to the next analysis without a
 * reload), and the sample of the analysed page the options page can try terms on.
 */
import type { RuleSettings } from '../core/settings';
import type { ExtractedPage } from '../extract/types';
import { loadSettings, toRuleSettings } from '../settings';
import { settingsAreas } from './settings-storage';
import { LAST_PAGE_MAX_CHARS, saveLastPageSample } from './storage';

/** The engine's view of the stored settings; {} (built-in rules) if they cannot be read. */
export async function loadRuleSettings(): Promise<RuleSettings> {
  try {
    const { sync, local } = settingsAreas();
    return toRuleSettings((await loadSettings(sync, local)).settings);
  } catch {
    return {};
  }
}

/** Keep the start of the analysed page's text on this device (never synced). */
export async function rememberAnalysedPage(
  url: string | undefined,
  page: ExtractedPage,
): Promise<void> {
  let text = '';
  for (const b of page.blocks) {
    if (text.length >= LAST_PAGE_MAX_CHARS) break;
    text += `${b.text}\n`;
  }
  await saveLastPageSample({ url: url ?? '', title: page.title, text });
}
