/**
 * The background's answer to the popup: the card comes back at once and is in
 * memory at once; its storage.session copy and the badge are written a moment
 * later, and not at all when the tab navigated meanwhile.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
const session = new Map<string, unknown>();
const PAGE = {
  title: 'Privacy Policy',
  warnings: [],
  policyLinks: [],
  blocks: [
    { kind: 'heading', level: 1, text: 'Privacy Policy' },
    {
      kind: 'paragraph',
      level: 0,
      text: 'This privacy policy explains how we collect, use, share and retain your personal information. We collect your precise location and device identifiers. We retain personal information for as long as necessary. You may withdraw your consent at any time.',
    },
  ],
};

vi.mock('../../src/content/content-script?script', () => ({ default: 'content-script.js' }));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      session: {
        get: async (key: string | null) =>
          Object.fromEntries([...session].filter(([k]) => key === null || k === key)),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) session.set(k, v);
        },
        remove: async (key: string) => void session.delete(key),
      },
      local: {
        get: async () => ({}),
        set: async () => void calls.push('local.set'),
      },
      sync: { get: async () => ({}) },
    },
    i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' },
    runtime: { id: 'ext' },
    scripting: { executeScript: async () => void calls.push('inject') },
    tabs: {
      get: async (tabId: number) => ({
        id: tabId,
        url: `https://a.example/privacy/${tabId}`,
        status: 'complete',
      }),
      sendMessage: async () => ({ ok: true, page: PAGE }),
    },
    action: {
      setBadgeText: async (d: { tabId: number; text: string }) =>
        void calls.push(`badge ${d.tabId} ${d.text}`),
      setBadgeBackgroundColor: async () => {},
    },
  },
}));
const { analyseTab, WRITE_DELAY_MS } = await import('../../src/background/analyse-tab');
const cache = await import('../../src/background/card-cache');

const later = () => new Promise((done) => setTimeout(done, WRITE_DELAY_MS + 100));

beforeEach(() => {
  calls.length = 0;
  session.clear();
});

describe('analyseTab', () => {
  it('answers with the card, keeps it in memory at once and writes the copies after', async () => {
    const answer = await analyseTab(3);
    if (answer.kind !== 'card') throw new Error(`no card: ${answer.kind}`);
    const url = 'https://a.example/privacy/3';
    expect(await cache.getCard(3, url)).toBe(answer.card);
    expect(session.has('card:3')).toBe(false);
    expect(calls.some((c) => c.startsWith('badge'))).toBe(false);
    await later();
    expect(session.get('card:3')).toEqual({ url, card: answer.card });
    expect(calls).toContain(`badge 3 ${answer.card.score.grade}`);
    expect(calls).toContain('local.set');
    // The next click on the same page is answered from memory.
    expect((await analyseTab(3)).kind === 'card' && calls.filter((c) => c === 'inject')).toEqual([
      'inject',
    ]);
  });

  it('writes no copy and no badge for a tab that navigated before they were due', async () => {
    const answer = await analyseTab(4);
    expect(answer.kind).toBe('card');
    await cache.dropCard(4);
    await later();
    expect(session.has('card:4')).toBe(false);
    expect(calls.some((c) => c.startsWith('badge 4'))).toBe(false);
  });
});
