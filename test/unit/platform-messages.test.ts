/** The message map's runtime checks and the handler's sender/shape filtering. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: { id?: string }, send: (r: unknown) => void) => unknown;
const listeners: Listener[] = [];

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

const { envelope, fromExtensionPage, handleMessages, isEnvelope, isTrustedSender } =
  await import('../../src/platform/messages');

const CARD = { schemaVersion: 1, score: { grade: 'B', points: 10, reasons: [] } };

describe('isEnvelope', () => {
  it('accepts each message of the map in its documented shape', () => {
    expect(isEnvelope(envelope('page/extract', {}))).toBe(true);
    expect(isEnvelope(envelope('page/extract', { maxChars: 1000 }))).toBe(true);
    expect(isEnvelope(envelope('tab/analyse', { tabId: 3 }))).toBe(true);
    expect(isEnvelope(envelope('tab/analyse', { tabId: 0, force: true }))).toBe(true);
    expect(isEnvelope(envelope('page/highlight', { quote: 'we collect', occurrence: 1 }))).toBe(
      true,
    );
  });

  it('rejects unknown names, foreign apps and malformed payloads', () => {
    const bad: unknown[] = [
      null,
      'tab/analyse',
      { app: 'other', name: 'tab/analyse', payload: { tabId: 1 } },
      { app: 'policylens', name: 'card/delete', payload: {} },
      { app: 'policylens', name: 'card/put', payload: { tabId: 1, url: 'u', card: CARD } },
      { app: 'policylens', name: 'toString', payload: {} },
      { app: 'policylens', name: 'tab/analyse', payload: { tabId: -1 } },
      { app: 'policylens', name: 'tab/analyse', payload: { tabId: 1.5 } },
      { app: 'policylens', name: 'tab/analyse', payload: {} },
      { app: 'policylens', name: 'tab/analyse', payload: { tabId: 1, force: 'yes' } },
      { app: 'policylens', name: 'page/highlight', payload: { quote: '' } },
      { app: 'policylens', name: 'page/extract', payload: { maxChars: -5 } },
      { app: 'policylens', name: 'page/extract', payload: [] },
    ];
    for (const m of bad) expect(isEnvelope(m), JSON.stringify(m)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only this extension', () => {
    expect(isTrustedSender({ id: 'own-extension-id' }, 'own-extension-id')).toBe(true);
    expect(isTrustedSender({ id: 'another-extension' }, 'own-extension-id')).toBe(false);
    expect(isTrustedSender({}, 'own-extension-id')).toBe(false);
    expect(isTrustedSender(undefined, 'own-extension-id')).toBe(false);
  });
});

describe('fromExtensionPage', () => {
  const BASE = 'chrome-extension://own-extension-id/';
  it('is true for our own pages only, not for content scripts in web pages', () => {
    expect(fromExtensionPage({ url: `${BASE}src/popup/index.html?tabId=3` }, BASE)).toBe(true);
    expect(fromExtensionPage({ url: 'https://site.example/privacy' }, BASE)).toBe(false);
    expect(fromExtensionPage({ url: 'chrome-extension://other-id/popup.html' }, BASE)).toBe(false);
    expect(fromExtensionPage({}, BASE)).toBe(false);
    expect(fromExtensionPage(undefined, BASE)).toBe(false);
    expect(fromExtensionPage({ url: 'https://site.example/' }, '')).toBe(false);
  });
});

describe('handleMessages', () => {
  beforeEach(() => {
    listeners.length = 0;
  });

  it('answers well-formed messages from this extension through sendResponse', async () => {
    const stop = handleMessages({
      'tab/analyse': ({ tabId, force }) =>
        tabId === 7 && force === true
          ? { kind: 'restricted', reason: 'pdf' }
          : { kind: 'error', reason: 'no-tab' },
    });
    expect(listeners).toHaveLength(1);
    const answer = await new Promise((resolve) => {
      const kept = listeners[0]!(
        envelope('tab/analyse', { tabId: 7, force: true }),
        { id: 'own-extension-id' },
        resolve,
      );
      expect(kept).toBe(true);
    });
    expect(answer).toEqual({ kind: 'restricted', reason: 'pdf' });
    stop();
    expect(listeners).toHaveLength(0);
  });

  it('ignores other senders, malformed messages and messages without a handler', () => {
    const handler = vi.fn(() => ({ kind: 'error', reason: 'no-tab' }) as const);
    handleMessages({ 'tab/analyse': handler });
    const send = vi.fn();
    const listen = listeners[0]!;
    expect(listen(envelope('tab/analyse', { tabId: 1 }), { id: 'evil' }, send)).toBeUndefined();
    expect(listen(envelope('tab/analyse', { tabId: 1 }), {}, send)).toBeUndefined();
    expect(listen({ name: 'tab/analyse' }, { id: 'own-extension-id' }, send)).toBeUndefined();
    expect(listen(envelope('page/extract', {}), { id: 'own-extension-id' }, send)).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error answer', async () => {
    handleMessages({
      'page/extract': () => {
        throw new Error('boom');
      },
    });
    const answer = await new Promise((resolve) =>
      listeners[0]!(envelope('page/extract', {}), { id: 'own-extension-id' }, resolve),
    );
    expect(answer).toEqual({ ok: false, error: 'boom' });
  });
});
