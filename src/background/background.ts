/** Background (service worker in Chrome, event page in Firefox): per-tab card cache and badge. */
import { clearBadge, setGradeBadge } from '../platform/badge';
import { handleMessages } from '../platform/messages';
import { onTabNavigated, onTabRemoved } from '../platform/tabs';
import { dropCard, getCard, putCard } from './card-cache';

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
