/**
 * Popup entry. Kept small on purpose: it asks the background for the card
 * first, and only then loads the interface (Preact, the card view, the
 * strings), so the background's work and the loading of the interface overlap.
 */
import { askLanguage, openPopup } from './flow';

performance.mark('pl:start');
const raw = new URLSearchParams(location.search).get('tabId');
// ?tabId=N lets the popup page (opened as a tab, e.g. in tests) read another tab.
const tabId = raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
const first = openPopup(tabId);
// The interface language, from the background (which keeps the settings in memory).
const language = askLanguage();

void import('./mount').then(({ mount }) => mount(tabId, first, language));
