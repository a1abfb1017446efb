/** The toolbar badge: the grade of the card analysed for a tab. */
import browser from 'webextension-polyfill';
import type { Grade } from '../core/types';

export const GRADE_COLOURS: Record<Grade, string> = {
  A: '#1b7f3b',
  B: '#5a8f00',
  C: '#b7791f',
  D: '#c2410c',
  E: '#b91c1c',
};

export async function setGradeBadge(tabId: number, grade: Grade): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: grade });
    await browser.action.setBadgeBackgroundColor({ tabId, color: GRADE_COLOURS[grade] });
  } catch {
    // The tab may have closed meanwhile.
  }
}

export async function clearBadge(tabId: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: '' });
    await browser.action.setTitle({ tabId, title: browser.i18n.getMessage('actionTitle') });
  } catch {
    // ignore closed tabs
  }
}

/** What automatic detection puts on the badge of a policy page nobody analysed yet. */
export const POLICY_BADGE = '\u2713';
export const POLICY_BADGE_COLOUR = '#1f5fbf';

export async function setPolicyBadge(tabId: number, title: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: POLICY_BADGE });
    await browser.action.setBadgeBackgroundColor({ tabId, color: POLICY_BADGE_COLOUR });
    await browser.action.setTitle({ tabId, title });
  } catch {
    // The tab may have closed meanwhile.
  }
}
