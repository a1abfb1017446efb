/**
 * Cards per tab: in memory, mirrored to storage.session so a restarted
 * service worker still has them. A card is only reused for the same URL.
 */
import type { Card } from '../core/types';
import {
  sessionGet,
  sessionKeys,
  sessionRemove,
  sessionSet,
  type LastPageSample,
} from '../platform/storage';

interface Entry {
  url: string;
  card: Card;
  /** What the extraction warned about (text cut, …), shown again with a kept card. */
  warnings?: string[];
  /**
   * The page sample of a card made ahead of a click (automatic detection), for
   * the rule tester once the user asks for this card; in memory only.
   */
  held?: LastPageSample;
}

const memory = new Map<number, Entry>();
const key = (tabId: number) => `card:${tabId}`;

export async function getCard(tabId: number, url: string): Promise<Card | null> {
  return (await getKept(tabId, url))?.card ?? null;
}

/** The card kept for a tab's page, with the extraction's warnings. */
export async function getKept(
  tabId: number,
  url: string,
): Promise<{ card: Card; warnings: string[] } | null> {
  const entry = memory.get(tabId) ?? (await sessionGet<Entry>(key(tabId)));
  if (!entry || entry.url !== url) return null;
  memory.set(tabId, entry);
  return { card: entry.card, warnings: Array.isArray(entry.warnings) ? entry.warnings : [] };
}

/** Keep a tab's card in memory, at once: a popup opened right after finds it. */
export function keepCard(
  tabId: number,
  url: string,
  card: Card,
  warnings: string[] = [],
  held?: LastPageSample,
): void {
  memory.set(tabId, { url, card, warnings, ...(held ? { held } : {}) });
}

/** The page sample held with the tab's card for this page, handed out once. */
export function takeHeldSample(tabId: number, url: string): LastPageSample | undefined {
  const entry = memory.get(tabId);
  if (!entry || entry.url !== url || !entry.held) return undefined;
  const { held } = entry;
  delete entry.held;
  return held;
}

/** Is this the card kept for the tab now (not dropped or replaced since)? */
export function holdsCard(tabId: number, card: Card): boolean {
  return memory.get(tabId)?.card === card;
}

/** Copy a tab's card to storage.session, for a service worker that restarts. */
export async function saveCard(
  tabId: number,
  url: string,
  card: Card,
  warnings: string[] = [],
): Promise<void> {
  await sessionSet(key(tabId), { url, card, warnings });
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

/** Is any tab's card kept, in memory or in storage.session (from before a restart)? */
export async function holdsAnyCard(): Promise<boolean> {
  if (memory.size > 0) return true;
  const stored = await sessionKeys('card:');
  // memory again: a card may have been kept while storage answered
  return stored.length > 0 || memory.size > 0;
}
