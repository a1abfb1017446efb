/**
 * Is this page a privacy policy? A cheap decision from the title, the URL,
 * the headings and the density of policy vocabulary in a sample of the text.
 * Small on purpose: the content script runs it on every page it is asked about.
 */
import type { Block, Detection } from './types';
import { fold } from './fold';
import { TermMatcher, termSet } from './matcher';
import rules from './rules/detection.json';

export interface DetectInput {
  title?: string;
  url?: string;
  blocks?: readonly Block[];
  text?: string;
}

const SAMPLE = 40_000;

const titlePolicy = termSet(rules.titlePolicy);
/** Titles of other kinds of pages ("Terms of Service", 用户协议); also read by sections.ts's title guess. */
export const titleOther = termSet(rules.titleOther);
const urlPolicy = termSet(rules.urlPolicy);
/** The policy vocabulary, one value per cue group; also in the analysis's one text scan (prescan.ts). */
export const DETECT_CUES = new TermMatcher(
  rules.cueGroups.flatMap((group, g) => group.map((term) => ({ term, value: g }))),
);

function sampleOf(input: DetectInput): { sample: string; headings: string[] } {
  const headings: string[] = [];
  if (input.blocks) {
    const parts: string[] = [];
    let size = 0;
    for (const b of input.blocks) {
      if (b.kind === 'heading') headings.push(b.text);
      if (size < SAMPLE) {
        parts.push(b.text);
        size += b.text.length + 1;
      }
    }
    return { sample: parts.join('\n').slice(0, SAMPLE), headings };
  }
  const sample = (input.text ?? '').slice(0, SAMPLE);
  for (const line of sample.split('\n')) {
    const t = line.trim();
    if (
      /^(#{1,6}\s|\*\*.+\*\*$|[一二三四五六七八九十]+、|\d+\.\s|[IVX]+\.\s)/.test(t) &&
      t.length < 100
    ) {
      headings.push(t);
    }
  }
  return { sample, headings };
}

/** What detection reads: the analysis passes these from its own document, so nothing is folded twice. */
export interface DetectParts {
  title: string;
  url?: string;
  /** The folded first SAMPLE characters of the text. */
  sampleFolded: string;
  headings: readonly string[];
  /**
   * The hits of DETECT_CUES in sampleFolded, when the caller has them already
   * (the analysis scans its whole text once for every area); scanned here otherwise.
   */
  cueHits?: readonly { value: number }[];
}

export const DETECT_SAMPLE = SAMPLE;

export function detectPolicy(input: DetectInput): Detection {
  const { sample, headings } = sampleOf(input);
  return detectFromParts({
    title: input.title ?? '',
    ...(input.url ? { url: input.url } : {}),
    sampleFolded: fold(sample),
    headings,
  });
}

export function detectFromParts(parts: DetectParts): Detection {
  const signals: string[] = [];
  const title = fold(parts.title);
  let score = 0;

  const policyTitle = titlePolicy.test(title);
  const otherTitle = titleOther.test(title);
  if (policyTitle) {
    score += 0.35;
    signals.push('title names a privacy policy');
  } else if (otherTitle) {
    score -= 0.25;
    signals.push('title names another kind of page');
  }
  if (parts.url && urlPolicy.test(fold(safeUrlPath(parts.url)))) {
    score += 0.15;
    signals.push('URL names a privacy policy');
  }
  const headingText = fold(parts.headings.slice(0, 60).join('\n'));
  if (titlePolicy.test(headingText)) {
    score += 0.1;
    signals.push('a heading names a privacy policy');
  }

  const folded = parts.sampleFolded;
  const hits = parts.cueHits ?? DETECT_CUES.scan(folded);
  const groups = new Set(hits.map((h) => h.value));
  const density = folded.length ? (hits.length * 1000) / folded.length : 0;
  signals.push(`policy vocabulary: ${groups.size} of ${rules.cueGroups.length} groups`);
  signals.push(`vocabulary density: ${density.toFixed(1)} per 1000 characters`);
  // Distinct groups say "this text is about handling personal data".
  score += Math.min(0.45, Math.max(0, groups.size - 4) * 0.06);
  // Density separates a policy from a page that only mentions privacy once.
  score += Math.min(0.25, Math.max(0, density - 1) * 0.06);
  if (folded.length < 400) {
    score -= 0.3;
    signals.push('very little text');
  }
  const confidence = Math.max(0, Math.min(1, score));
  return { isPolicy: confidence >= 0.5, confidence: round2(confidence), signals };
}

/** The path, query and hash of a URL, percent-decoded when the escapes are well formed. */
function safeUrlPath(url: string): string {
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search + u.hash;
  } catch {
    // not an absolute URL: use it as it is
  }
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
