/**
 * Forged messages against src/platform/messages.ts: senders that are not this
 * extension (web pages through externally_connectable-like senders, other
 * extensions, odd sender objects), look-alike envelopes, prototype names, and
 * random values. None may reach a handler; the checks never throw.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: unknown, send: (r: unknown) => void) => unknown;
const listeners: Listener[] = [];
const OWN = 'own-extension-id';

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'own-extension-id',
      onMessage: {
        addListener: (l: Listener) => listeners.push(l),
        removeListener: (l: Listener) => listeners.splice(listeners.indexOf(l), 1),
      },
    },
  },
}));

const { envelope, handleMessages, isEnvelope, isTrustedSender } =
  await import('../../src/platform/messages');

const GOOD = envelope('tab/analyse', { tabId: 4, force: true });

/** Senders as the browser would describe something that is not us. */
const FORGED_SENDERS: unknown[] = [
  undefined,
  {},
  { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/bg.js' },
  { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 4 } },
  { id: '', url: 'https://evil.example/' },
  { id: OWN.toUpperCase() },
  { id: ` ${OWN}` },
  { id: [OWN] },
  { id: { toString: () => OWN } },
];

describe('forged senders', () => {
  beforeEach(() => {
    listeners.length = 0;
  });

  it('isTrustedSender trusts the exact own id only', () => {
    for (const s of FORGED_SENDERS) {
      expect(isTrustedSender(s as { id?: string }, OWN), JSON.stringify(s)).toBe(false);
    }
    // Our content script in a web page: the page URL is foreign, the id is ours.
    expect(
      isTrustedSender({ id: OWN, url: 'https://site.example/', tab: { id: 9 } } as never, OWN),
    ).toBe(true);
  });

  it('a well-formed message from any other sender never reaches the handler', () => {
    const handler = vi.fn(() => ({ kind: 'error', reason: 'no-tab' }) as const);
    handleMessages({ 'tab/analyse': handler });
    const send = vi.fn();
    for (const s of FORGED_SENDERS) {
      expect(listeners[0]!(GOOD, s, send), JSON.stringify(s)).toBeUndefined();
    }
    expect(handler).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('forged envelopes', () => {
  it('look-alike envelopes are refused', () => {
    const bad: unknown[] = [
      { ...GOOD, app: 'PolicyLens' },
      { ...GOOD, app: ['policylens'] },
      { ...GOOD, name: 'tab/analyse ' },
      { ...GOOD, name: 'TAB/ANALYSE' },
      // messages of an older map are not answered
      { ...GOOD, name: 'card/put' },
      { ...GOOD, payload: JSON.stringify(GOOD.payload) },
      { ...GOOD, payload: null },
      { ...GOOD, payload: [GOOD.payload] },
      { ...GOOD, payload: { ...GOOD.payload, tabId: '4' } },
      { ...GOOD, payload: { ...GOOD.payload, tabId: Number.NaN } },
      { ...GOOD, payload: { ...GOOD.payload, tabId: Infinity } },
      { ...GOOD, payload: { ...GOOD.payload, tabId: -4 } },
      { ...GOOD, payload: { ...GOOD.payload, force: 1 } },
      { ...GOOD, payload: { ...GOOD.payload, force: 'true' } },
      { app: 'policylens', name: 'page/extract', payload: { maxChars: Number.NaN } },
      { app: 'policylens', name: 'page/extract', payload: { maxChars: '100' } },
      { app: 'policylens', name: 'page/extract', payload: { maxChars: 0 } },
      // an infinite cap would switch the size limit off
      { app: 'policylens', name: 'page/extract', payload: { maxChars: Infinity } },
      [GOOD],
      JSON.stringify(GOOD),
    ];
    for (const m of bad) expect(isEnvelope(m), JSON.stringify(m)).toBe(false);
  });

  it('names from Object.prototype are not message names', () => {
    for (const name of [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'valueOf',
      'isPrototypeOf',
      '__defineGetter__',
    ]) {
      expect(isEnvelope({ app: 'policylens', name, payload: {} }), name).toBe(false);
    }
    const viaJson = JSON.parse('{"app":"policylens","name":"__proto__","payload":{}}') as unknown;
    expect(isEnvelope(viaJson)).toBe(false);
  });

  it('random values are never taken for messages and never make the check throw', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        expect(isEnvelope(v)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    const names = ['page/extract', 'tab/analyse', 'card/put', 'card/delete', '__proto__'];
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.dictionary(fc.string(), fc.anything()),
        (name, payload) => {
          const v = { app: 'policylens', name, payload };
          const ok = isEnvelope(v);
          // Whatever passes has the documented field types.
          if (ok && name === 'tab/analyse') {
            expect(Number.isInteger(payload.tabId)).toBe(true);
            expect(payload.force === undefined || typeof payload.force === 'boolean').toBe(true);
          }
          if (name === 'card/put' || name === 'card/delete' || name === '__proto__') {
            expect(ok).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('hardening found by review', () => {
  it('a null sender is refused, not a crash', async () => {
    const { isTrustedSender } = await import('../../src/platform/messages');
    expect(isTrustedSender(null, 'abc')).toBe(false);
  });
});
