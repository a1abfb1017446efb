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
  } catch {
    // ignore closed tabs
  }
}
