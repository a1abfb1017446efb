/**
 * Content script, injected into the active tab when the popup opens. Small on
 * purpose: it extracts the page text and marks quotes; deciding whether the
 * page is a policy and the analysis run in the background
 * (src/background/analyse-tab.ts), where the rules are already compiled and
 * warm, instead of starting cold in every page.
 */
import { extractPage } from '../extract';
import { errorMessage, handleMessages } from '../platform/messages';
import { clearHighlight, highlightQuote, installEscapeToClear } from './highlight';

const FLAG = '__policylensContentScript';
const scope = globalThis as unknown as Record<string, unknown>;

// executeScript may run this file again on the same page: register once.
if (!scope[FLAG]) {
  scope[FLAG] = true;
  handleMessages({
    'page/extract': async ({ maxChars, whenIdle }) => {
      // Asked ahead of any click (automatic detection): let the page finish its own work first.
      if (whenIdle) await idle();
      try {
        return { ok: true, page: extractPage(document, { url: location.href, maxChars }) };
      } catch (err) {
        return { ok: false, error: errorMessage(err) };
      }
    },
    'page/highlight': ({ quote, heading, occurrence }) => ({
      found: highlightQuote(document, quote, heading === true, occurrence ?? 0),
    }),
    'page/clearHighlight': () => ({ found: clearHighlight() }),
  });
  installEscapeToClear(document);
}

/** How long an extraction asked for "when idle" waits at most for the page to go idle. */
const IDLE_TIMEOUT_MS = 2000;

function idle(): Promise<void> {
  return new Promise((done) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => done(), { timeout: IDLE_TIMEOUT_MS });
    } else setTimeout(done, 0);
  });
}
