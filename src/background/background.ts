/** Background (service worker in Chrome, event page in Firefox): per-tab card cache and badge. */
import { loadSettings, onSettingsChanged } from '../settings';
import { clearBadge, setGradeBadge } from '../platform/badge';
import { initI18n } from '../platform/i18n';
import { handleMessages } from '../platform/messages';
import { settingsAreas } from '../platform/settings-storage';
import { onTabLoaded, onTabNavigated, onTabRemoved } from '../platform/tabs';
import { detectOnLoad } from './auto-detect';
import { dropAllCards, dropCard, getCard, putCard } from './card-cache';

handleMessages({
  'card/get': async ({ tabId, url }) => ({ card: await getCard(tabId, url) }),
  'card/put': async ({ tabId, url, card }) => {
    await putCard(tabId, url, card);
    await setGradeBadge(tabId, card.score.grade);
    return { ok: true };
  },
});

onTabNavigated((tabId) => {
  void dropCard(tabId);
  void clearBadge(tabId);
});

onTabRemoved((tabId) => {
  void dropCard(tabId);
});

// Whether automatic detection is on: read once, then kept up to date. The
// badge's tooltip follows the interface language chosen in the settings.
const { sync, local } = settingsAreas();
let autoDetect: Promise<boolean> = loadSettings(sync, local).then(
  (r) => {
    void initI18n(r.settings.language);
    return r.settings.autoDetect;
  },
  () => false,
);

// Cards were made with the old settings: drop them and their grades, so the
// next popup analyses again with the new ones.
onSettingsChanged(sync, local, (result) => {
  autoDetect = Promise.resolve(result.settings.autoDetect);
  void initI18n(result.settings.language);
  void dropAllCards().then((tabs) => Promise.all(tabs.map((id) => clearBadge(id))));
});

onTabLoaded((tabId, url) => {
  void autoDetect.then((on) =>
    detectOnLoad(tabId, url, on, async () => (url ? (await getCard(tabId, url)) !== null : false)),
  );
});
