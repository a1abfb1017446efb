/**
 * What the popup does when it opens: find its tab and ask the background for
 * the card (src/background/analyse-tab.ts does the work, so the popup loads no
 * engine). Pages the browser never lets extensions read are answered here at
 * once, without a round trip.
 */
import { errorMessage, sendToBackground, type TabAnalysis } from '../platform/messages';
import { classifyUrl } from '../platform/restricted-url';
import { getActiveTab, getTab, type TabInfo } from '../platform/tabs';

export type PopupState = { kind: 'loading' } | TabAnalysis;

const KINDS = new Set<string>(['restricted', 'error', 'not-policy', 'card']);

/** Ask the background for a tab's card; anything but a well-formed answer is an error state. */
async function ask(tabId: number, force: boolean): Promise<PopupState> {
  try {
    const res: unknown = await sendToBackground(
      'tab/analyse',
      force ? { tabId, force } : { tabId },
    );
    if (
      typeof res === 'object' &&
      res !== null &&
      KINDS.has((res as { kind?: string }).kind ?? '')
    ) {
      return res as TabAnalysis;
    }
    const detail = (res as { error?: unknown } | undefined)?.error;
    return {
      kind: 'error',
      reason: 'analyse',
      detail: typeof detail === 'string' ? detail : 'No answer from the background.',
    };
  } catch (err) {
    return { kind: 'error', reason: 'analyse', detail: errorMessage(err) };
  }
}

export async function openPopup(requestedTabId?: number): Promise<PopupState> {
  performance.mark('pl:open');
  const tab = requestedTabId !== undefined ? await getTab(requestedTabId) : await getActiveTab();
  if (!tab) return { kind: 'error', reason: 'no-tab' };
  const access = classifyUrl(tab.url);
  if (access === 'restricted' || access === 'pdf') {
    return { kind: 'restricted', reason: access, url: tab.url };
  }
  const state = await ask(tab.id, false);
  performance.mark('pl:answered');
  return state;
}

/**
 * The interface language chosen in the settings, as the background knows it
 * (checked by mount, so this entry chunk stays free of the settings types);
 * undefined when it cannot say, and the popup then reads the settings itself.
 */
export async function askLanguage(): Promise<unknown> {
  try {
    const res: unknown = await sendToBackground('settings/language', {});
    return (res as { language?: unknown } | undefined)?.language;
  } catch {
    return undefined;
  }
}

/** 'Analyse anyway' on a page the detector did not take for a policy. */
export function analyseAnyway(tab: TabInfo): Promise<PopupState> {
  return ask(tab.id, true);
}
