/**
 * Background (service worker in Chrome, event page in Firefox): analyses the
 * tab the popup asks for, keeps a card per tab and shows its grade on the badge.
 */
import {
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  toRuleSettings,
  type Settings,
} from '../settings';
import { clearBadge } from '../platform/badge';
import { initI18n } from '../platform/i18n';
import { extensionPagesBase, fromExtensionPage, handleMessages } from '../platform/messages';
import { settingsAreas } from '../platform/settings-storage';
import { restartBackgroundPage, watchTabs } from '../platform/tabs';
import { analyseTab, useRuleSettings } from './analyse-tab';
import { detectOnLoad } from './auto-detect';
import { dropAllCards, dropCard, getCard, holdsAnyCard } from './card-cache';

/** Only our own pages ask these; a content script (inside a web page) may not. */
function fromOurPage(sender: { url?: string }, name: string): void {
  if (!fromExtensionPage(sender, extensionPagesBase())) {
    throw new Error(`${name} is answered for extension pages only`);
  }
}

// Tab events, at the top level so the one that started the background is
// delivered. They start the background on every page load in every tab, so it
// listens only while it needs them: while a tab's card is kept (its navigation
// drops the card and the grade) or automatic detection is on.
const tabs = watchTabs({
  navigated: (tabId) => {
    void clearBadge(tabId);
    void dropCard(tabId).then(listenAsNeeded);
  },
  removed: (tabId) => {
    void dropCard(tabId).then(listenAsNeeded);
  },
  // A page that automatic detection takes for a policy is analysed at once (its
  // grade replaces the mark on the badge), so the card is ready when the user clicks.
  loaded: (tabId, url) => {
    void current.then(({ autoDetect }) =>
      detectOnLoad(
        tabId,
        url,
        autoDetect,
        async () => (url ? (await getCard(tabId, url)) !== null : false),
        () => analyseTab(tabId, { keepSample: false }),
      ),
    );
  },
});

async function listenAsNeeded(): Promise<void> {
  try {
    const { autoDetect } = await current;
    tabs.listen(autoDetect || (await holdsAnyCard()));
  } catch {
    tabs.listen(true); // cannot tell: keep the cards right
  }
}

/**
 * Only automatic detection needs page loads to start a stopped background. It
 * depends on the settings alone, so it is decided at the start and when they
 * change, not on every tab event.
 */
async function wakeAsNeeded(): Promise<void> {
  if (tabs.wakeForPages((await current).autoDetect)) restartBackgroundPage();
}

/**
 * How long after starting the background decides whether to keep listening:
 * the events that started it are delivered by then.
 */
const TAB_EVENTS_SETTLE_MS = 1000;
setTimeout(() => void listenAsNeeded().then(wakeAsNeeded), TAB_EVENTS_SETTLE_MS);

handleMessages({
  'tab/analyse': async ({ tabId, force }, sender) => {
    fromOurPage(sender, 'tab/analyse');
    const answer = await analyseTab(tabId, { force: force === true });
    // a card is kept for the tab: its navigation must drop it (and its grade)
    if (answer.kind === 'card') tabs.listen(true);
    return answer;
  },
  'settings/language': async (_payload, sender) => {
    fromOurPage(sender, 'settings/language');
    return { language: (await current).language };
  },
});

// The settings the background acts on: read once, then kept up to date. The
// analyses take their rule settings from them, the badge's tooltip follows the
// interface language chosen in them, and the popup asks for that language here
// instead of loading the settings model.
const { sync, local } = settingsAreas();
let current: Promise<Readonly<Settings>> = loadSettings(sync, local).then(
  (r) => {
    void initI18n(r.settings.language);
    return r.settings;
  },
  () => DEFAULT_SETTINGS,
);
useRuleSettings(current.then(toRuleSettings));

// Cards were made with the old settings: drop them and their grades, so the
// next popup analyses again with the new ones.
onSettingsChanged(sync, local, (result) => {
  current = Promise.resolve(result.settings);
  useRuleSettings(current.then(toRuleSettings));
  void initI18n(result.settings.language);
  void dropAllCards()
    .then((dropped) => Promise.all(dropped.map((id) => clearBadge(id))))
    .then(listenAsNeeded)
    .then(wakeAsNeeded);
});
