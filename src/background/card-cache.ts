/**
 * Cards per tab: in memory, mirrored to storage.session so a restarted
 * service worker still has them. A card is only reused for the same URL.
 */
import type { Card } from '../core/types';
import { sessionGet, sessionKeys, sessionRemove, sessionSet } from '../platform/storage';

interface Entry {
  url: string;
  card: Card;
}

const memory = new Map<number, Entry>();
const key = (tabId: number) => `card:${tabId}`;

export async function getCard(tabId: number, url: string): Promise<Card | null> {
  const entry = memory.get(tabId) ?? (await sessionGet<Entry>(key(tabId)));
  if (!entry || entry.url !== url) return null;
  memory.set(tabId, entry);
  return entry.card;
}

export async function putCard(tabId: number, url: string, card: Card): Promise<void> {
  const entry = { url, card };
  memory.set(tabId, entry);
  await sessionSet(key(tabId), entry);
}

export async function dropCard(tabId: number): Promise<boolean> {
  const had = memory.delete(tabId);
  await sessionRemove(key(tabId));
  return had;
}

/** Forget every cached card (settings changed); returns the tabs that had one. */
export async function dropAllCards(): Promise<number[]> {
  const tabs = new Set<number>(memory.keys());
  for (const k of await sessionKeys('card:')) {
    const id = Number(k.slice('card:'.length));
    if (Number.isInteger(id)) tabs.add(id);
  }
  memory.clear();
  await Promise.all([...tabs].map((id) => sessionRemove(key(id))));
  return [...tabs];
}
