/**
 * Automatic detection in the background: only when the user turned it on and
 * the host permission is granted, only on web pages, and a card the user
 * already has keeps its grade on the badge.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls, POLICY_PAGE, session } from './background-fakes';

const NEWS_PAGE = {
  title: 'Council approves new bridge',
  warnings: [],
  policyLinks: [],
  blocks: [
    { kind: 'heading', level: 1, text: 'Council approves new bridge' },
    {
      kind: 'paragraph',
      level: 0,
      text: 'The city council voted on Tuesday to build a new bridge over the river. Work starts in spring and should take two years.',
    },
  ],
};
let granted = true;
let isPolicy = true;

vi.mock('../../src/content/content-script?script', () => ({ default: 'content-script.js' }));
vi.mock('webextension-polyfill', async () =>
  (await import('./background-fakes')).fakeBrowser({
    permissions: {
      contains: async (p: { origins: string[] }) => (calls.push(`contains ${p.origins}`), granted),
    },
    scripting: {
      executeScript: async (d: { target: { tabId: number } }) =>
        void calls.push(`inject ${d.target.tabId}`),
    },
    tabs: {
      sendMessage: async (
        tabId: number,
        msg: { name: string; payload: { maxChars?: number; whenIdle?: boolean } },
      ) => {
        calls.push(
          `${msg.name} ${tabId} ${msg.payload.maxChars}${msg.payload.whenIdle ? ' idle' : ''}`,
        );
        // The page sends its text; the background's detector decides.
        return { ok: true, page: isPolicy ? POLICY_PAGE : NEWS_PAGE };
      },
    },
  }),
);
const { detectOnLoad } = await import('../../src/background/auto-detect');
const { POLICY_BADGE } = await import('../../src/platform/badge');
const cache = await import('../../src/background/card-cache');

const noCard = async () => false;

beforeEach(() => {
  calls.length = 0;
  granted = true;
  isPolicy = true;
});

describe('detectOnLoad', () => {
  it('marks a policy page on the badge, reading only the start of the page', async () => {
    expect(await detectOnLoad(7, 'https://a.example/privacy', true, noCard)).toBe('policy');
    expect(calls).toContain('inject 7');
    const extract = calls.find((c) => c.startsWith('page/extract 7 '));
    expect(Number(extract?.split(' ')[2])).toBeLessThanOrEqual(50_000);
    // Nobody waits for it yet: the page may finish its own work first.
    expect(extract?.endsWith(' idle')).toBe(true);
    expect(calls).toContain(`badge 7 ${POLICY_BADGE}`);
    expect(calls).toContain('title options_autoDetectBadgeTitle');
  });

  it('clears the mark on a page that is not a policy', async () => {
    isPolicy = false;
    expect(await detectOnLoad(7, 'https://a.example/news', true, noCard)).toBe('not-policy');
    expect(calls).toContain('badge 7 ');
  });

  it('analyses a policy page after marking it, and only a policy page', async () => {
    const analyse = async () => void calls.push('analyse');
    expect(await detectOnLoad(7, 'https://a.example/privacy', true, noCard, analyse)).toBe(
      'policy',
    );
    expect(calls.indexOf('analyse')).toBeGreaterThan(calls.indexOf(`badge 7 ${POLICY_BADGE}`));
    calls.length = 0;
    isPolicy = false;
    expect(await detectOnLoad(7, 'https://a.example/news', true, noCard, analyse)).toBe(
      'not-policy',
    );
    expect(calls).not.toContain('analyse');
    // An analysis that fails leaves the mark and reports nothing.
    isPolicy = true;
    const failing = async () => {
      throw new Error('tab closed');
    };
    expect(await detectOnLoad(7, 'https://a.example/privacy', true, noCard, failing)).toBe(
      'policy',
    );
  });

  it('does nothing when turned off, without the permission, or on pages it may not read', async () => {
    expect(await detectOnLoad(7, 'https://a.example/privacy', false, noCard)).toBe('skipped');
    expect(calls).toEqual([]);
    expect(await detectOnLoad(7, 'chrome://settings', true, noCard)).toBe('skipped');
    expect(await detectOnLoad(7, undefined, true, noCard)).toBe('skipped');
    expect(calls).toEqual([]);
    granted = false;
    expect(await detectOnLoad(7, 'https://a.example/privacy', true, noCard)).toBe('skipped');
    expect(calls).toEqual(['contains <all_urls>']);
  });

  it('leaves the grade of a page the user already analysed', async () => {
    expect(await detectOnLoad(7, 'https://a.example/privacy', true, async () => true)).toBe(
      'skipped',
    );
    expect(calls.some((c) => c.startsWith('badge'))).toBe(false);
  });
});

describe('dropAllCards (settings changed)', () => {
  it('forgets every cached card, in memory and in storage.session, and names their tabs', async () => {
    const card = { schemaVersion: 1, score: { grade: 'B' } } as never;
    cache.keepCard(3, 'https://a.example/p', card);
    await cache.saveCard(3, 'https://a.example/p', card);
    cache.keepCard(5, 'https://b.example/p', card);
    await cache.saveCard(5, 'https://b.example/p', card);
    // A card from before a restart of the background: only in storage.session.
    session.set('card:8', { url: 'https://c.example/p', card });
    session.set('other', 1);
    expect((await cache.dropAllCards()).sort()).toEqual([3, 5, 8]);
    expect(await cache.getCard(3, 'https://a.example/p')).toBeNull();
    expect([...session.keys()]).toEqual(['other']);
  });
});
