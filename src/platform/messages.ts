/**
 * The one message map of the extension. Every runtime / tab message has a name,
 * a request type and a response type here; send and handle helpers are typed
 * against it, and incoming messages are shape-checked and sender-checked
 * before any handler sees them.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { Card, Detection } from '../core/types';
import type { ExtractedPage, PolicyLink } from '../extract/types';
import type { UiLanguage } from '../settings/types';
import type { TabInfo } from './tabs';

export type ExtractResponse = { ok: true; page: ExtractedPage } | { ok: false; error: string };

/** What the popup shows for a tab, as the background answers 'tab/analyse'. */
export type TabAnalysis =
  | { kind: 'restricted'; reason: 'restricted' | 'pdf' | 'file'; url?: string }
  | { kind: 'error'; reason: 'no-tab' | 'inject' | 'extract' | 'analyse'; detail?: string }
  | {
      kind: 'not-policy';
      tab: TabInfo;
      page: { title: string; policyLinks: PolicyLink[] };
      detection: Detection;
    }
  | { kind: 'card'; tab: TabInfo; card: Card; warnings: string[]; fromCache: boolean };

export interface MessageMap {
  /**
   * background -> content script: extract the page's text as blocks (whenIdle:
   * first wait until the page is idle, for work nobody is waiting for yet).
   */
  'page/extract': { request: { maxChars?: number; whenIdle?: boolean }; response: ExtractResponse };
  /**
   * popup -> background: the card for this tab (cached, or made now), or why
   * there is none; force: analyse even a page the detector does not take for a policy.
   */
  'tab/analyse': { request: { tabId: number; force?: boolean }; response: TabAnalysis };
  /**
   * popup -> content script: mark this quote in the page and scroll to it
   * (heading: prefer a heading; occurrence: which of several equal ones, 0-based).
   */
  'page/highlight': {
    request: { quote: string; heading?: boolean; occurrence?: number };
    response: { found: boolean };
  };
  /** popup -> background: the interface language chosen in the settings (kept in memory there). */
  'settings/language': { request: Record<string, never>; response: { language: UiLanguage } };
  /** popup -> content script: remove the highlight, if any. */
  'page/clearHighlight': { request: Record<string, never>; response: { found: boolean } };
}

export type MessageName = keyof MessageMap;
export type RequestOf<N extends MessageName> = MessageMap[N]['request'];
export type ResponseOf<N extends MessageName> = MessageMap[N]['response'];

export interface Envelope<N extends MessageName = MessageName> {
  app: 'policylens';
  name: N;
  payload: RequestOf<N>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function isTabId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** Runtime checks of each request's shape (messages cross a trust boundary). */
const REQUEST_CHECKS: { [N in MessageName]: (p: Record<string, unknown>) => boolean } = {
  'page/extract': (p) =>
    (p.maxChars === undefined ||
      (typeof p.maxChars === 'number' && Number.isFinite(p.maxChars) && p.maxChars > 0)) &&
    (p.whenIdle === undefined || typeof p.whenIdle === 'boolean'),
  'tab/analyse': (p) => isTabId(p.tabId) && (p.force === undefined || typeof p.force === 'boolean'),
  'page/highlight': (p) =>
    typeof p.quote === 'string' &&
    p.quote.length > 0 &&
    p.quote.length <= 20_000 &&
    (p.heading === undefined || typeof p.heading === 'boolean') &&
    (p.occurrence === undefined ||
      (typeof p.occurrence === 'number' && Number.isInteger(p.occurrence) && p.occurrence >= 0)),
  'page/clearHighlight': () => true,
  'settings/language': () => true,
};

/** Is this value a well-formed message of our map? */
export function isEnvelope(v: unknown): v is Envelope {
  if (!isRecord(v) || v.app !== 'policylens' || typeof v.name !== 'string') return false;
  if (!Object.hasOwn(REQUEST_CHECKS, v.name)) return false;
  const check = REQUEST_CHECKS[v.name as MessageName];
  return isRecord(v.payload) && check(v.payload);
}

/** Only this extension's own pages and content scripts may talk to us. */
export function isTrustedSender(
  sender: { id?: string } | null | undefined,
  ownId: string,
): boolean {
  return sender != null && typeof sender.id === 'string' && sender.id === ownId;
}

/**
 * Did this message come from one of our own pages (popup, options), not from a
 * content script running inside a web page? `pagesBase` is runtime.getURL('').
 */
export function fromExtensionPage(
  sender: { url?: string } | null | undefined,
  pagesBase: string,
): boolean {
  return typeof sender?.url === 'string' && pagesBase !== '' && sender.url.startsWith(pagesBase);
}

/** The base address of this extension's own pages. */
export function extensionPagesBase(): string {
  return browser.runtime.getURL('');
}

/** An error's message in words, for an error answer or an error state. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function envelope<N extends MessageName>(name: N, payload: RequestOf<N>): Envelope<N> {
  return { app: 'policylens', name, payload };
}

/** Send a message to the background script (or any extension page listening). */
export async function sendToBackground<N extends MessageName>(
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.runtime.sendMessage(envelope(name, payload))) as ResponseOf<N>;
}

/** Send a message to the content script in one tab (top frame only). */
export async function sendToTab<N extends MessageName>(
  tabId: number,
  name: N,
  payload: RequestOf<N>,
): Promise<ResponseOf<N>> {
  return (await browser.tabs.sendMessage(tabId, envelope(name, payload), {
    frameId: 0,
  })) as ResponseOf<N>;
}

export type Handlers = {
  [N in MessageName]?: (
    payload: RequestOf<N>,
    sender: Runtime.MessageSender,
  ) => Promise<ResponseOf<N>> | ResponseOf<N>;
};

/**
 * Register handlers for some messages. Anything that is not a well-formed
 * message of the map, or does not come from this extension, is ignored
 * (the listener returns undefined so other listeners may answer).
 */
export function handleMessages(handlers: Handlers): () => void {
  // Answer through sendResponse and `return true`: that works in every
  // browser, including Chrome's native `browser` namespace (which the polyfill
  // hands through as is) where a returned Promise is not always honoured.
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (response: unknown) => void,
  ): true | undefined => {
    if (!isTrustedSender(sender, browser.runtime.id)) return undefined;
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.name] as
      ((p: unknown, s: Runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    Promise.resolve()
      .then(() => handler(message.payload, sender))
      .then(sendResponse, (err: unknown) => sendResponse({ ok: false, error: errorMessage(err) }));
    return true;
  };
  // Returning undefined (not handled) is valid at runtime; the typings only list `true`.
  const typed = listener as Runtime.OnMessageListenerCallback;
  browser.runtime.onMessage.addListener(typed);
  return () => browser.runtime.onMessage.removeListener(typed);
}
