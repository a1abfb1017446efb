/** The last analysed page sample and the session cache wrapper, over a fake storage API. */
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
  storage: {
    local: area(),
    session: area() as ReturnType<typeof area> | undefined,
  },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));

const storage = await import('../../src/platform/storage');
const cache = await import('../../src/background/card-cache');

beforeEach(() => {
  fake.storage.local = area();
  fake.storage.session = area();
});

describe('last analysed page', () => {
  it('keeps the start of the text in storage.local and reads it back', async () => {
    expect(await storage.loadLastPageSample()).toBeUndefined();
    const text = 'x'.repeat(storage.LAST_PAGE_MAX_CHARS + 10);
    await storage.saveLastPageSample({ url: 'https://a.example/p', title: 'P', text });
    const got = await storage.loadLastPageSample();
    expect(got?.url).toBe('https://a.example/p');
    expect(got?.text.length).toBe(storage.LAST_PAGE_MAX_CHARS);
  });

  it('ignores a stored value of the wrong shape', async () => {
    fake.storage.local = area({ [storage.LAST_PAGE_KEY]: { text: 42 } });
    expect(await storage.loadLastPageSample()).toBeUndefined();
  });
});

describe('card cache', () => {
  const card = { schemaVersion: 1, score: { grade: 'C' } } as never;

  it('returns a card only for the same tab and URL, and forgets it when dropped', async () => {
    cache.keepCard(4, 'https://a.example/privacy', card, ['cut']);
    await cache.saveCard(4, 'https://a.example/privacy', card, ['cut']);
    expect(await cache.getCard(4, 'https://a.example/privacy')).toBe(card);
    expect(await cache.getKept(4, 'https://a.example/privacy')).toEqual({
      card,
      warnings: ['cut'],
    });
    expect(await cache.getCard(4, 'https://a.example/other')).toBeNull();
    expect(await cache.getCard(5, 'https://a.example/privacy')).toBeNull();
    expect(fake.storage.session!.data['card:4']).toEqual({
      url: 'https://a.example/privacy',
      card,
      warnings: ['cut'],
    });
    await cache.dropCard(4);
    expect(await cache.getCard(4, 'https://a.example/privacy')).toBeNull();
    expect(fake.storage.session!.data).toEqual({});
  });

  it('keeps a card in memory before its storage.session copy is written', async () => {
    cache.keepCard(6, 'https://d.example/', card);
    expect(fake.storage.session!.data['card:6']).toBeUndefined();
    expect(await cache.getCard(6, 'https://d.example/')).toBe(card);
    expect(cache.holdsCard(6, card)).toBe(true);
    await cache.dropCard(6);
    expect(cache.holdsCard(6, card)).toBe(false);
  });

  it('survives a restarted background through storage.session', async () => {
    fake.storage.session = area({ 'card:9': { url: 'https://b.example/', card } });
    expect(await cache.getCard(9, 'https://b.example/')).toEqual(card);
    // A copy written before warnings were kept has none.
    expect(await cache.getKept(9, 'https://b.example/')).toEqual({ card, warnings: [] });
  });

  it('still works in memory where storage.session does not exist', async () => {
    fake.storage.session = undefined;
    cache.keepCard(11, 'https://c.example/', card);
    await cache.saveCard(11, 'https://c.example/', card);
    expect(await cache.getCard(11, 'https://c.example/')).toBe(card);
    expect(await storage.sessionGet('card:11')).toBeUndefined();
  });
});
