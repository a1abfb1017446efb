/**
 * The background's answer to the popup: the card comes back at once and is in
 * memory at once; its storage.session copy and the badge are written a moment
 * later, and not at all when the tab navigated meanwhile. Two requests for
 * the same page share one analysis; an analysis ahead of a click keeps no
 * page text.
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
      // Tab 6's page was cut at the length limit: the extraction warns about it.
      sendMessage: async (tabId: number) => {
        calls.push('extract');
        return {
          ok: true,
          page: {
            ...POLICY_PAGE,
            warnings: tabId === 6 ? ['Only the first 5,000,000 characters'] : [],
          },
        };
      },
    },
  }),
);
const { analyseTab, useRuleSettings, WRITE_DELAY_MS } =
  await import('../../src/background/analyse-tab');
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
    expect(session.get('card:3')).toEqual({ url, card: answer.card, warnings: [] });
    expect(calls).toContain(`badge 3 ${answer.card.score.grade}`);
    expect(calls).toContain('local.set');
    // The next click on the same page is answered from memory.
    expect((await analyseTab(3)).kind === 'card' && calls.filter((c) => c === 'inject')).toEqual([
      'inject',
    ]);
  });

  it('asks the page for its text while it reads the settings and compiles the rules', async () => {
    // Reading the settings takes a moment, as on a background that has just started.
    useRuleSettings(
      new Promise((done) =>
        setTimeout(() => {
          calls.push('settings read');
          done({});
        }, 20),
      ),
    );
    const answer = await analyseTab(8);
    expect(answer.kind).toBe('card');
    expect(calls.slice(0, 3)).toEqual(['inject', 'extract', 'settings read']);
    await later();
  });

  it('writes no copy and no badge for a tab that navigated before they were due', async () => {
    const answer = await analyseTab(4);
    expect(answer.kind).toBe('card');
    await cache.dropCard(4);
    await later();
    expect(session.has('card:4')).toBe(false);
    expect(calls.some((c) => c.startsWith('badge 4'))).toBe(false);
  });

  it('shares one analysis between requests for the same page made while it runs', async () => {
    const [a, b] = await Promise.all([analyseTab(5), analyseTab(5)]);
    expect(a.kind).toBe('card');
    expect(b).toBe(a);
    expect(calls.filter((c) => c === 'inject')).toEqual(['inject']);
    await later();
  });

  it('a card kept from before the click comes back with the extraction warnings', async () => {
    const first = await analyseTab(6, { keepSample: false });
    if (first.kind !== 'card') throw new Error(`no card: ${first.kind}`);
    expect(first.warnings).toEqual(['Only the first 5,000,000 characters']);
    await later();
    // Ahead of a click, no page text is kept for the rule tester...
    expect(calls).not.toContain('local.set');
    const again = await analyseTab(6);
    expect(again.kind === 'card' && again.fromCache).toBe(true);
    expect(again.kind === 'card' && again.warnings).toEqual([
      'Only the first 5,000,000 characters',
    ]);
    // ...until the user asks for that page's card, and then once, after the answer.
    expect(calls).not.toContain('local.set');
    await later();
    expect(calls.filter((c) => c === 'local.set')).toEqual(['local.set']);
    await analyseTab(6);
    await later();
    expect(calls.filter((c) => c === 'local.set')).toEqual(['local.set']);
  });

  it('a click that joins an analysis made ahead of it keeps the page sample that one held', async () => {
    const ahead = analyseTab(7, { keepSample: false });
    const click = analyseTab(7);
    expect(await click).toBe(await ahead);
    expect(calls).not.toContain('local.set');
    await later();
    expect(calls.filter((c) => c === 'local.set')).toEqual(['local.set']);
  });
});
