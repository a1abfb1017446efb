/**
 * src/platform/settings-storage.ts: browser.storage.sync / .local as the
 * StorageArea src/settings takes, over fakes of the polyfill's storage API
 * (the sync fake enforces sync's quotas).
 */
import { describe, expect, it, vi } from 'vitest';
import type { StorageChange } from '../../src/settings/storage';
import { FakeArea, LOCAL_LIMITS, SYNC_LIMITS } from './settings-fake-storage';

type Hub = (changes: Record<string, StorageChange>, areaName: string) => void;
const hubListeners = new Set<Hub>();
const sync = new FakeArea(SYNC_LIMITS);
const local = new FakeArea(LOCAL_LIMITS);
sync.onChanged.addListener((c) => hubListeners.forEach((l) => l(c, 'sync')));
local.onChanged.addListener((c) => hubListeners.forEach((l) => l(c, 'local')));

const fake = {
  storage: {
    sync,
    local,
    onChanged: {
      addListener: (l: Hub) => void hubListeners.add(l),
      removeListener: (l: Hub) => void hubListeners.delete(l),
    },
  },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const { settingsAreas } = await import('../../src/platform/settings-storage');
const settings = await import('../../src/settings');

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}

describe('settingsAreas', () => {
  it('saves to and loads from browser.storage.sync', async () => {
    const { sync: s, local: l } = settingsAreas();
    const value = settings.defaultSettings();
    value.language = 'zh_CN';
    value.customTerms = [{ area: 'data-type', target: 'health', pattern: '血糖' }];
    expect(await settings.saveSettings(value, s, l)).toEqual({
      ok: true,
      location: 'sync',
      notices: [],
    });
    expect(sync.items.has('settings.manifest')).toBe(true);
    expect((await settings.loadSettings(s, l)).settings).toEqual(value);
  });

  it('passes quota errors through, so too-large settings land in storage.local', async () => {
    const { sync: s, local: l } = settingsAreas();
    for (let i = 0; i < 12; i++) await sync.set({ [`other.${i}`]: 'x'.repeat(8000) });
    const value = settings.defaultSettings();
    value.customSdks = Array.from({ length: 40 }, (_, i) => ({
      name: `SDK ${i} ${'n'.repeat(80)}`,
      aliases: [`alias ${i} ${'a'.repeat(80)}`],
      category: 'ads' as const,
    }));
    const saved = await settings.saveSettings(value, s, l);
    expect(saved.location).toBe('local');
    expect(local.items.has('settings.local')).toBe(true);
    expect((await settings.loadSettings(s, l)).settings).toEqual(value);
    await sync.remove(Array.from({ length: 12 }, (_, i) => `other.${i}`));
  });

  it('reports changes of its own area only, and stops when the listener is removed', async () => {
    const { sync: s, local: l } = settingsAreas();
    const syncChanges: string[][] = [];
    const listener = (c: Record<string, StorageChange>) => syncChanges.push(Object.keys(c));
    s.onChanged!.addListener(listener);
    await local.set({ unrelated: 1 });
    await sync.set({ 'settings.0': '{}' });
    await until(() => syncChanges.length === 1);
    expect(syncChanges).toEqual([['settings.0']]);
    s.onChanged!.removeListener(listener);
    await sync.set({ 'settings.0': '{"a":1}' });
    await new Promise((r) => setTimeout(r, 20));
    expect(syncChanges).toHaveLength(1);
    expect(hubListeners.size).toBe(0);

    const heard: string[] = [];
    const stop = settings.onSettingsChanged(s, l, (r) => heard.push(r.settings.language));
    const value = settings.defaultSettings();
    value.language = 'en';
    await settings.saveSettings(value, s, l);
    await until(() => heard.includes('en'));
    stop();
    expect(hubListeners.size).toBe(0);
  });
});
