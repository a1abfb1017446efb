/**
 * What the popup does when it opens: find the tab, reuse a cached card, or
 * inject the content script, extract the page and analyse it here.
 */
import contentScriptFile from '../content/content-script?script';
import { analyze } from '../core/analyze';
import { compileRules } from '../core/compile';
import type { RuleSettings } from '../core/settings';
import type { Card, Detection } from '../core/types';
import type { ExtractedPage } from '../extract/types';
import { loadRuleSettings, rememberAnalysedPage } from '../platform/analysis-settings';
import { sendToBackground, sendToTab } from '../platform/messages';
import { classifyUrl } from '../platform/restricted-url';
import { getActiveTab, getTab, injectContentScript, type TabInfo } from '../platform/tabs';

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'restricted'; reason: 'restricted' | 'pdf' | 'file'; url?: string }
  | { kind: 'error'; reason: 'no-tab' | 'inject' | 'extract' | 'analyse'; detail?: string }
  | { kind: 'not-policy'; tab: TabInfo; page: ExtractedPage; detection: Detection }
  | { kind: 'card'; tab: TabInfo; card: Card; warnings: string[]; fromCache: boolean };

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Injection errors that mean "the browser forbids this kind of page" rather
 * than "we lack access to this tab" (the latter is an error the user can fix by
 * reopening the popup from the toolbar, which grants activeTab again).
 */
function isForbiddenPage(detail: string): boolean {
  return /cannot be scripted|extensions gallery|cannot access a (chrome|chrome-extension|devtools)|(chrome|edge|about|view-source|chrome-extension|moz-extension|resource|devtools):/i.test(
    detail,
  );
}

export async function openPopup(requestedTabId?: number): Promise<PopupState> {
  const tab = requestedTabId !== undefined ? await getTab(requestedTabId) : await getActiveTab();
  if (!tab) return { kind: 'error', reason: 'no-tab' };

  const access = classifyUrl(tab.url);
  if (access === 'restricted' || access === 'pdf') {
    return { kind: 'restricted', reason: access, url: tab.url };
  }

  if (tab.url) {
    try {
      const cached = await sendToBackground('card/get', { tabId: tab.id, url: tab.url });
      if (cached?.card)
        return { kind: 'card', tab, card: cached.card, warnings: [], fromCache: true };
    } catch {
      // No background answer: analyse afresh.
    }
  }

  // The page injects and extracts in its own process; meanwhile this one compiles the rules,
  // which it would otherwise do only after the page answers (the first popup starts cold).
  const injecting = injectContentScript(tab.id, contentScriptFile);
  injecting.catch(() => undefined);
  await warmUp();
  try {
    await injecting;
  } catch (err) {
    const detail = message(err);
    if (access === 'file') return { kind: 'restricted', reason: 'file', url: tab.url };
    if (isForbiddenPage(detail)) return { kind: 'restricted', reason: 'restricted', url: tab.url };
    return { kind: 'error', reason: 'inject', detail };
  }

  let extracted;
  try {
    extracted = await sendToTab(tab.id, 'page/extract', {});
  } catch (err) {
    return { kind: 'error', reason: 'extract', detail: message(err) };
  }
  if (!extracted) return { kind: 'error', reason: 'extract', detail: 'No answer from the page.' };
  if (!extracted.ok) return { kind: 'error', reason: 'extract', detail: extracted.error };

  if (!extracted.detection.isPolicy) {
    return { kind: 'not-policy', tab, page: extracted.page, detection: extracted.detection };
  }
  return analysePage(tab, extracted.page);
}

let settingsLoad: Promise<RuleSettings> | undefined;

/** The user's rule settings, read once per popup. */
function ruleSettings(): Promise<RuleSettings> {
  return (settingsLoad ??= loadRuleSettings());
}

/** Compile the rules for the user's settings now (cached by the engine for the analysis). */
async function warmUp(): Promise<void> {
  try {
    compileRules(await ruleSettings());
  } catch {
    // the analysis will report it
  }
}

/** Run the engine on extracted blocks, cache the card in the background, and show it. */
export async function analysePage(tab: TabInfo, page: ExtractedPage): Promise<PopupState> {
  let card: Card;
  const settings = await ruleSettings();
  void rememberAnalysedPage(tab.url, page);
  try {
    card = analyze(
      { blocks: page.blocks, title: page.title, url: tab.url },
      { settings, analyzedAt: new Date().toISOString() },
    );
  } catch (err) {
    return { kind: 'error', reason: 'analyse', detail: message(err) };
  }
  if (tab.url) {
    try {
      await sendToBackground('card/put', { tabId: tab.id, url: tab.url, card });
    } catch {
      // The card still shows; only the cache and badge are missing.
    }
  }
  return { kind: 'card', tab, card, warnings: page.warnings, fromCache: false };
}
