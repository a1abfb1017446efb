/**
 * The background's answer to the popup: the card comes back at once and is in
 * memory at once; its storage.session copy and the badge are written a moment
 * later, and not at all when the tab navigated meanwhile.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, POLICY_PAGE, session } from './background-fakes';

vi.mock('../../src/content/content-script?script', () => ({ default: 'content-script.js' }));
vi.mock('webextension-polyfill', async () =>
  (await import('./background-fakes')).fakeBrowser({
    storage: {
      local: { get: async () => ({}), set: async () => void calls.push('local.set') },
      sync: { get: async () => ({}) },
    },
    scripting: { executeScript: async () => void calls.push('inject') },
    tabs: {
      get: async (tabId: number) => ({
        id: tabId,
        url: `https://a.example/privacy/${tabId}`,
        status: 'complete',
      }),
      sendMessage: async () => ({ ok: true, page: POLICY_PAGE }),
    },
  }),
);
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
