/**
 * What a page that analyses needs from the user's settings, read fresh each
 * time (so changes on the options page apply to the next analysis without a
 * reload), and the sample of the analysed page the options page can try terms on.
 */
import type { RuleSettings } from '../core/settings';
import type { ExtractedPage } from '../extract/types';
import { loadSettings, toRuleSettings } from '../settings';
import { settingsAreas } from './settings-storage';
import { LAST_PAGE_MAX_CHARS, type LastPageSample } from './storage';

/** The engine's view of the stored settings; {} (built-in rules) if they cannot be read. */
export async function loadRuleSettings(): Promise<RuleSettings> {
  try {
    const { sync, local } = settingsAreas();
    return toRuleSettings((await loadSettings(sync, local)).settings);
  } catch {
    return {};
  }
}

/** The start of an analysed page's text, as the options page's rule tester keeps it. */
export function pageSample(url: string | undefined, page: ExtractedPage): LastPageSample {
  let text = '';
  for (const b of page.blocks) {
    if (text.length >= LAST_PAGE_MAX_CHARS) break;
    text += `${b.text}\n`;
  }
  return { url: url ?? '', title: page.title, text };
}
