/**
 * browser.storage.sync / .local as the StorageArea that src/settings takes.
 * onChanged is built on browser.storage.onChanged filtered by area name, which
 * Chrome and Firefox both have (StorageArea.onChanged is newer in Firefox).
 */
import browser, { type Storage } from 'webextension-polyfill';
import type { StorageArea, StorageChange } from '../settings/storage';

type AreaName = 'sync' | 'local';
type Listener = (changes: Record<string, StorageChange>) => void;

function adapt(name: AreaName): StorageArea {
  const area = (): Storage.StorageArea => browser.storage[name];
  const wrapped = new Map<
    Listener,
    (c: Record<string, Storage.StorageChange>, a: string) => void
  >();
  return {
    async get(keys) {
      return (await area().get(keys)) as Record<string, unknown>;
    },
    async set(items) {
      await area().set(items);
    },
    async remove(keys) {
      await area().remove(keys);
    },
    onChanged: {
      addListener(listener) {
        if (wrapped.has(listener)) return;
        const fn = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
          if (areaName === name) listener(changes);
        };
        wrapped.set(listener, fn);
        browser.storage.onChanged.addListener(fn);
      },
      removeListener(listener) {
        const fn = wrapped.get(listener);
        if (!fn) return;
        browser.storage.onChanged.removeListener(fn);
        wrapped.delete(listener);
      },
    },
  };
}

let areas: { sync: StorageArea; local: StorageArea } | undefined;

/** The two areas settings live in (created on first use). */
export function settingsAreas(): { sync: StorageArea; local: StorageArea } {
  return (areas ??= { sync: adapt('sync'), local: adapt('local') });
}
