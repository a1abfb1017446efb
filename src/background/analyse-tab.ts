/// <reference types="@crxjs/vite-plugin/client" />
/**
 * What a click on the toolbar icon asks of the background: the card for one
 * tab. Reuse the cached card, or inject the content script, extract the page
 * and, when it is a policy (or the user asked anyway), analyse it here.
 *
 * The analysis runs in the background rather than in the popup because the
 * background outlives the popup: the compiled rules and the engine's warmed-up
 * code stay in memory from one click to the next, while every popup starts a
 * fresh page with nothing compiled. The popup itself then loads no engine and
 * shows its first frame sooner.
 */
import contentScriptFile from '../content/content-script?script';
import { analyze } from '../core/analyze';
import { compileRules } from '../core/compile';
import { detectPolicy } from '../core/detect';
import type { RuleSettings } from '../core/settings';
import type { Card } from '../core/types';
import { pageSample } from '../platform/analysis-settings';
import { saveLastPageSample } from '../platform/storage';
import { setGradeBadge } from '../platform/badge';
import { errorMessage, sendToTab, type TabAnalysis } from '../platform/messages';
import { classifyUrl } from '../platform/restricted-url';
import { getTab, injectContentScript, type TabInfo } from '../platform/tabs';
import { getKept, holdsCard, keepCard, saveCard, takeHeldSample } from './card-cache';

/**
 * Injection errors that mean "the browser forbids this kind of page" rather
 * than "we lack access to this tab" (the latter is an error the user can fix by
 * reopening the popup from the toolbar, which grants activeTab again).
 */
export function isForbiddenPage(detail: string): boolean {
  return /cannot be scripted|extensions gallery|cannot access a (chrome|chrome-extension|devtools)|(chrome|edge|about|view-source|chrome-extension|moz-extension|resource|devtools):/i.test(
    detail,
  );
}

/** The user's rule settings, as the background keeps them; the built-in rules until it says. */
let ruleSettings: Promise<RuleSettings> = Promise.resolve({});

/**
 * The rule settings the next analyses use (the background's one copy of the
 * settings, read at start and on every change; the engine recompiles by key).
 * Settings that cannot be read give the built-in rules.
 */
export function useRuleSettings(rules: Promise<RuleSettings>): void {
  ruleSettings = rules.catch(() => ({}));
}

/** Compile the rules for the user's settings now; cached by the engine for the analysis. */
async function warmUp(): Promise<void> {
  try {
    compileRules(await ruleSettings);
  } catch {
    // the analysis will report it
  }
}

export interface AnalyseOptions {
  /** Analyse even a page the detector does not take for a policy (the user asked). */
  force?: boolean;
  /**
   * Keep the start of the page's text for the options page's rule tester. Only
   * for a page the user asked about: analysis ahead of a click (automatic
   * detection) holds it with the card until the user asks for that card.
   */
  keepSample?: boolean;
}

/**
 * The user asked for this page: keep its held sample, if an analysis ahead of
 * the click left one; written after the answer, like the other copies.
 */
function releaseHeldSample(tabId: number, url: string | undefined): void {
  const held = url ? takeHeldSample(tabId, url) : undefined;
  if (held) setTimeout(() => void saveLastPageSample(held).catch(() => undefined), WRITE_DELAY_MS);
}

/** Analyses under way, per tab and page: a popup opened meanwhile waits for the same one. */
const running = new Map<string, { force: boolean; answer: Promise<TabAnalysis> }>();

/** The card (or the reason there is none) for one tab. */
export async function analyseTab(tabId: number, opts: AnalyseOptions = {}): Promise<TabAnalysis> {
  const force = opts.force === true;
  const keepSample = opts.keepSample !== false;
  const tab = await getTab(tabId);
  if (!tab) return { kind: 'error', reason: 'no-tab' };

  const access = classifyUrl(tab.url);
  if (access === 'restricted' || access === 'pdf') {
    return { kind: 'restricted', reason: access, url: tab.url };
  }

  if (tab.url) {
    const kept = await getKept(tab.id, tab.url).catch(() => null);
    if (kept) {
      if (keepSample) releaseHeldSample(tab.id, tab.url);
      return { kind: 'card', tab, card: kept.card, warnings: kept.warnings, fromCache: true };
    }
  }
  const runKey = `${tab.id} ${tab.url ?? ''}`;
  const underWay = running.get(runKey);
  // A forced analysis does not wait for one that may stop at "not a policy".
  if (underWay && (underWay.force || !force)) {
    const shared = await underWay.answer;
    if (keepSample) releaseHeldSample(tab.id, tab.url);
    return shared;
  }
  const answer = analyseNow(tab, access, force, keepSample);
  running.set(runKey, { force, answer });
  try {
    return await answer;
  } finally {
    if (running.get(runKey)?.answer === answer) running.delete(runKey);
  }
}

async function analyseNow(
  tab: TabInfo,
  access: ReturnType<typeof classifyUrl>,
  force: boolean,
  keepSample: boolean,
): Promise<TabAnalysis> {
  // The page injects and extracts in its own process; meanwhile this one
  // compiles the rules (a no-op when they are already compiled), which takes
  // longer than both on a background that has just started.
  const injecting = injectContentScript(tab.id, contentScriptFile, tab.status === 'complete');
  const extracting = injecting.then(() => sendToTab(tab.id, 'page/extract', {}));
  extracting.catch(() => undefined);
  await warmUp();
  try {
    await injecting;
  } catch (err) {
    const detail = errorMessage(err);
    if (access === 'file') return { kind: 'restricted', reason: 'file', url: tab.url };
    if (isForbiddenPage(detail)) return { kind: 'restricted', reason: 'restricted', url: tab.url };
    return { kind: 'error', reason: 'inject', detail };
  }

  let extracted;
  try {
    extracted = await extracting;
  } catch (err) {
    return { kind: 'error', reason: 'extract', detail: errorMessage(err) };
  }
  if (!extracted) return { kind: 'error', reason: 'extract', detail: 'No answer from the page.' };
  if (!extracted.ok) return { kind: 'error', reason: 'extract', detail: extracted.error };

  const { page } = extracted;
  const detection = detectPolicy({ title: page.title, url: tab.url, blocks: page.blocks });
  if (!detection.isPolicy && !force) {
    return {
      kind: 'not-policy',
      tab,
      page: { title: page.title, policyLinks: page.policyLinks },
      detection,
    };
  }

  let card: Card;
  try {
    card = analyze(
      { blocks: page.blocks, title: page.title, url: tab.url },
      { settings: await ruleSettings, analyzedAt: new Date().toISOString() },
    );
  } catch (err) {
    return { kind: 'error', reason: 'analyse', detail: errorMessage(err) };
  }
  const url = tab.url;
  // Ahead of a click, the page sample waits with the card until the user asks for it.
  if (url)
    keepCard(tab.id, url, card, page.warnings, keepSample ? undefined : pageSample(url, page));
  setTimeout(() => {
    if (keepSample) void saveLastPageSample(pageSample(url, page)).catch(() => undefined);
    // The tab may have navigated meanwhile, which dropped the card and its badge.
    if (url && holdsCard(tab.id, card)) {
      void saveCard(tab.id, url, card, page.warnings).catch(() => undefined);
      void setGradeBadge(tab.id, card.score.grade);
    }
  }, WRITE_DELAY_MS);
  return { kind: 'card', tab, card, warnings: page.warnings, fromCache: false };
}

/**
 * How long the session copy of the card, the badge and the page sample wait
 * after the answer. Started before the answer they queue their messages ahead
 * of it in the browser; started right after, they compete with the popup
 * drawing the card (npm run bench measured both). None of them is needed
 * sooner: the card is in memory at once.
 */
export const WRITE_DELAY_MS = 250;
