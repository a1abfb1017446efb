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

const { envelope, handleMessages, isEnvelope, isTrustedSender } =
  await import('../../src/platform/messages');

const CARD = { schemaVersion: 1, score: { grade: 'B', points: 10, reasons: [] } };

describe('isEnvelope', () => {
  it('accepts each message of the map in its documented shape', () => {
    expect(isEnvelope(envelope('page/extract', {}))).toBe(true);
    expect(isEnvelope(envelope('page/extract', { maxChars: 1000 }))).toBe(true);
    expect(isEnvelope(envelope('card/get', { tabId: 3, url: 'https://a.example/' }))).toBe(true);
    expect(
      isEnvelope({
        app: 'policylens',
        name: 'card/put',
        payload: { tabId: 0, url: 'x', card: CARD },
      }),
    ).toBe(true);
  });

  it('rejects unknown names, foreign apps and malformed payloads', () => {
    const bad: unknown[] = [
      null,
      'card/get',
      { app: 'other', name: 'card/get', payload: { tabId: 1, url: 'u' } },
      { app: 'policylens', name: 'card/delete', payload: {} },
      { app: 'policylens', name: 'toString', payload: {} },
      { app: 'policylens', name: 'card/get', payload: { tabId: -1, url: 'u' } },
      { app: 'policylens', name: 'card/get', payload: { tabId: 1.5, url: 'u' } },
      { app: 'policylens', name: 'card/get', payload: { tabId: 1 } },
      {
        app: 'policylens',
        name: 'card/put',
        payload: { tabId: 1, url: 'u', card: { schemaVersion: 2, score: { grade: 'A' } } },
      },
      {
        app: 'policylens',
        name: 'card/put',
        payload: { tabId: 1, url: 'u', card: { schemaVersion: 1 } },
      },
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

describe('handleMessages', () => {
  beforeEach(() => {
    listeners.length = 0;
  });

  it('answers well-formed messages from this extension through sendResponse', async () => {
    const stop = handleMessages({
      'card/get': ({ tabId, url }) => ({
        card: tabId === 7 && url === 'u' ? (CARD as never) : null,
      }),
    });
    expect(listeners).toHaveLength(1);
    const answer = await new Promise((resolve) => {
      const kept = listeners[0]!(
        envelope('card/get', { tabId: 7, url: 'u' }),
        { id: 'own-extension-id' },
        resolve,
      );
      expect(kept).toBe(true);
    });
    expect(answer).toEqual({ card: CARD });
    stop();
    expect(listeners).toHaveLength(0);
  });

  it('ignores other senders, malformed messages and messages without a handler', () => {
    const handler = vi.fn(() => ({ card: null }));
    handleMessages({ 'card/get': handler });
    const send = vi.fn();
    const listen = listeners[0]!;
    expect(
      listen(envelope('card/get', { tabId: 1, url: 'u' }), { id: 'evil' }, send),
    ).toBeUndefined();
    expect(listen(envelope('card/get', { tabId: 1, url: 'u' }), {}, send)).toBeUndefined();
    expect(listen({ name: 'card/get' }, { id: 'own-extension-id' }, send)).toBeUndefined();
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
