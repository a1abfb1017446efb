/** Settings and the session cache wrapper, over a fake storage API. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

function area(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  return {
    data,
    get: vi.fn(async (key: string) => (key in data ? { [key]: data[key] } : {})),
    set: vi.fn(async (items: Record<string, unknown>) => void Object.assign(data, items)),
    remove: vi.fn(async (key: string) => void delete data[key]),
  };
}

const fake = {
  storage: { sync: area(), session: area() as ReturnType<typeof area> | undefined },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const storage = await import('../../src/platform/storage');
const cache = await import('../../src/background/card-cache');

beforeEach(() => {
  fake.storage.sync = area();
  fake.storage.session = area();
});

describe('settings', () => {
  it('defaults to the browser language when nothing or nonsense is stored', async () => {
    expect(await storage.loadSettings()).toEqual({ uiLanguage: 'auto' });
    fake.storage.sync = area({ uiLanguage: 'klingon' });
    expect(await storage.loadSettings()).toEqual({ uiLanguage: 'auto' });
  });

  it('round-trips a chosen language through storage.sync', async () => {
    await storage.saveSettings({ uiLanguage: 'zh_CN' });
    expect(fake.storage.sync.data).toEqual({ uiLanguage: 'zh_CN' });
    expect(await storage.loadSettings()).toEqual({ uiLanguage: 'zh_CN' });
  });
});

describe('card cache', () => {
  const card = { schemaVersion: 1, score: { grade: 'C' } } as never;

  it('returns a card only for the same tab and URL, and forgets it when dropped', async () => {
    await cache.putCard(4, 'https://a.example/privacy', card);
    expect(await cache.getCard(4, 'https://a.example/privacy')).toBe(card);
    expect(await cache.getCard(4, 'https://a.example/other')).toBeNull();
    expect(await cache.getCard(5, 'https://a.example/privacy')).toBeNull();
    expect(fake.storage.session!.data['card:4']).toEqual({
      url: 'https://a.example/privacy',
      card,
    });
    await cache.dropCard(4);
    expect(await cache.getCard(4, 'https://a.example/privacy')).toBeNull();
    expect(fake.storage.session!.data).toEqual({});
  });

  it('survives a restarted background through storage.session', async () => {
    fake.storage.session = area({ 'card:9': { url: 'https://b.example/', card } });
    expect(await cache.getCard(9, 'https://b.example/')).toEqual(card);
  });

  it('still works in memory where storage.session does not exist', async () => {
    fake.storage.session = undefined;
    await cache.putCard(11, 'https://c.example/', card);
    expect(await cache.getCard(11, 'https://c.example/')).toBe(card);
    expect(await storage.sessionGet('card:11')).toBeUndefined();
  });
});
