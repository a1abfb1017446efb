/**
 * Automatic policy detection (optional, off by default): when the user turned
 * it on and granted the host permission, each page that finishes loading gets
 * the content script, which extracts the start of the page text; the cheap
 * detector runs on it here, and policy pages get a mark on the badge. Only
 * then is the whole page read and analysed (`analyse`, given by the
 * background), so the card is ready before the click and the badge shows its
 * grade; pages that are not policies cost the detection only.
 */
import contentScriptFile from '../content/content-script?script';
import { detectPolicy } from '../core/detect';
import { clearBadge, setPolicyBadge } from '../platform/badge';
import { t } from '../platform/i18n';
import { sendToTab } from '../platform/messages';
import { hasAutoDetectPermission } from '../platform/permissions';
import { classifyUrl } from '../platform/restricted-url';
import { injectContentScript } from '../platform/tabs';

/** Enough text for the detector (title, headings, the first paragraphs). */
const DETECT_CHARS = 20_000;

export async function detectOnLoad(
  tabId: number,
  url: string | undefined,
  enabled: boolean,
  hasCard: () => Promise<boolean>,
  analyse?: () => Promise<unknown>,
): Promise<'policy' | 'not-policy' | 'skipped'> {
  if (!enabled || !url || classifyUrl(url) !== 'ok') return 'skipped';
  if (!(await hasAutoDetectPermission())) return 'skipped';
  try {
    await injectContentScript(tabId, contentScriptFile);
    const res = await sendToTab(tabId, 'page/extract', {
      maxChars: DETECT_CHARS,
      whenIdle: true,
    });
    if (!res?.ok) return 'skipped';
    // The user may have analysed the page meanwhile: its grade stays.
    if (await hasCard()) return 'skipped';
    if (detectPolicy({ title: res.page.title, url, blocks: res.page.blocks }).isPolicy) {
      // The mark is not waited for: the analysis starts at once (its grade replaces the mark).
      const marked = setPolicyBadge(tabId, t('options_autoDetectBadgeTitle'));
      await analyse?.().catch(() => undefined);
      await marked;
      return 'policy';
    }
    await clearBadge(tabId);
    return 'not-policy';
  } catch {
    return 'skipped';
  }
}
