/**
 * Scoring cards against the annotated corpora of ../shared/corpus/ (format in
 * its README). Pure functions: the caller reads the JSONL and runs analyze().
 */
import { analysedText } from '../core/sections';
import type { Card, CardSection, DataType, Evidence, PolicyInput } from '../core/types';
import { ratio, type Ratio } from './metrics';
import {
  indexSegments,
  liesIn,
  locateQuote,
  overlappingSegments,
  type Range,
  type TextIndex,
} from './text-index';

export interface CorpusSegment {
  text: string;
  labels: string[];
  dataTypes: string[];
  retentionPeriod?: string;
  choiceTypes?: string[];
}

export interface CorpusPolicy {
  id: string;
  source: string;
  lang: string;
  url?: string;
  title?: string;
  segments: CorpusSegment[];
}

/** The data types the corpora annotate (README: dataTypes). */
/**
 * The corpora's label "IP address and device IDs" becomes `device-id` (corpus
 * README), while the taxonomy files IP addresses under `network`. So a corpus
 * `device-id` pair is recalled by a card `device-id` or `network` finding; every
 * other type must match exactly.
 */
export const CORPUS_TYPE_EQUIVALENTS: Readonly<Record<string, readonly string[]>> = {
  'device-id': ['device-id', 'network'],
};

export const CORPUS_DATA_TYPES = [
  'financial',
  'health',
  'location',
  'contact-info',
  'device-id',
  'browsing',
] as const satisfies readonly DataType[];

/**
 * Which figures each source can support, i.e. which categories it annotates
 * (README "Labels": "-" = not annotated, and a missing label is a negative
 * only where the source annotates the category). A source not listed here is
 * treated like OPP-115, which annotates everything.
 *
 * So: retention figures on OPP-115 and CAPP-130; opt-out recall on all three
 * (MAPP annotates opt-out choice types too) but opt-out evidence precision
 * only on OPP-115 and CAPP-130 (MAPP leaves contact and access segments
 * unlabelled, so a right quote could not be told from a wrong one);
 * advertising recall and specificity on OPP-115 and MAPP, its evidence
 * precision on OPP-115 only; data types on OPP-115 and MAPP.
 *
 * Data types are compared strictly: a pair (policy, type) is recalled only
 * by a card finding of the very same type, or of a type the source's label
 * also covers (CORPUS_TYPE_EQUIVALENTS for every source, `typeEquivalents`
 * for one source).
 */
export interface SourceCoverage {
  retention: boolean;
  /** Segment labels that mark a policy as offering an opt-out path. */
  optOutLabels: readonly string[];
  optOutPrecision: boolean;
  advertising: boolean;
  advertisingPrecision: boolean;
  dataTypes: boolean;
  /**
   * Card types that also recall one of this source's labels, where its label
   * is wider than the taxonomy type (MAPP's Health is "health, genetic, or
   * biometric data", so a card `biometric` finding recalls it).
   */
  typeEquivalents?: Readonly<Record<string, readonly string[]>>;
}

const OPP115: SourceCoverage = {
  retention: true,
  optOutLabels: ['opt-out'],
  optOutPrecision: true,
  advertising: true,
  advertisingPrecision: true,
  dataTypes: true,
};

export const SOURCE_COVERAGE: Record<string, SourceCoverage> = {
  'OPP-115': OPP115,
  MAPP: {
    retention: false,
    optOutLabels: ['opt-out'],
    optOutPrecision: false,
    advertising: true,
    advertisingPrecision: false,
    dataTypes: true,
    typeEquivalents: { health: ['health', 'biometric'] },
  },
  'CAPP-130': {
    retention: true,
    optOutLabels: ['user-choice'],
    optOutPrecision: true,
    advertising: false,
    advertisingPrecision: false,
    dataTypes: false,
  },
};

export function coverageOf(source: string): SourceCoverage {
  return SOURCE_COVERAGE[source] ?? OPP115;
}

/** Segment labels an opt-out quote may lie in to count as precise. */
export const OPT_OUT_EVIDENCE_LABELS = [
  'opt-out',
  'user-choice',
  'access-edit-delete',
  'do-not-track',
  'contact',
] as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Parse one JSONL line of a corpus; throws with the reason when it is not a policy. */
export function parseCorpusLine(line: string): CorpusPolicy {
  const raw: unknown = JSON.parse(line);
  if (!isObject(raw) || typeof raw.id !== 'string' || !Array.isArray(raw.segments)) {
    throw new Error('not a corpus policy (needs id and segments)');
  }
  const segments: CorpusSegment[] = raw.segments.map((s: unknown, i: number) => {
    if (!isObject(s) || typeof s.text !== 'string')
      throw new Error(`${raw.id}: segment ${i} has no text`);
    return {
      text: s.text,
      labels: strings(s.labels),
      dataTypes: strings(s.dataTypes),
      ...(typeof s.retentionPeriod === 'string' ? { retentionPeriod: s.retentionPeriod } : {}),
      ...(Array.isArray(s.choiceTypes) ? { choiceTypes: strings(s.choiceTypes) } : {}),
    };
  });
  return {
    id: raw.id,
    source: typeof raw.source === 'string' ? raw.source : 'unknown',
    lang: typeof raw.lang === 'string' ? raw.lang : 'unknown',
    ...(typeof raw.url === 'string' ? { url: raw.url } : {}),
    ...(typeof raw.title === 'string' ? { title: raw.title } : {}),
    segments,
  };
}

/** The full policy text: segments joined with a blank line (corpus README). */
export function corpusText(policy: CorpusPolicy): string {
  return policy.segments.map((s) => s.text).join('\n\n');
}

/** What analyze() gets for a corpus policy. */
export function corpusInput(policy: CorpusPolicy): PolicyInput {
  return {
    text: corpusText(policy),
    ...(policy.title !== undefined ? { title: policy.title } : {}),
    ...(policy.url !== undefined ? { url: policy.url } : {}),
  };
}

export function indexPolicy(policy: CorpusPolicy): TextIndex {
  return indexSegments(policy.segments);
}

/** A quote with where it comes from in the card. */
export interface CardQuote {
  area: string;
  quote: string;
  section: number;
}

/** Every evidence quote of a card (findings, flags and their denials), labelled with its area. */
export function cardQuotes(card: Card): CardQuote[] {
  const out: CardQuote[] = [];
  const add = (area: string, evidence: readonly Evidence[] | undefined) => {
    for (const e of evidence ?? []) out.push({ area, quote: e.quote, section: e.section });
  };
  for (const f of card.sensitiveData) add(`sensitiveData.${f.type}`, f.evidence);
  for (const s of card.sdks) add(`sdks.${s.name}`, s.evidence);
  for (const r of card.retention.statements) add(`retention.${r.kind}`, r.evidence);
  for (const o of card.optOut) add(`optOut.${o.kind}`, o.evidence);
  for (const [flag, f] of Object.entries(card.sharing)) {
    add(`sharing.${flag}`, f.evidence);
    add(`sharing.${flag}.denials`, f.denials);
  }
  return out;
}

/** The original-text range of the card section a quote is attributed to, when the card gives offsets. */
function sectionRange(card: Card, section: number): Range | undefined {
  const s: CardSection | undefined = card.sections[section];
  if (s === undefined || typeof s.start !== 'number' || typeof s.end !== 'number') return undefined;
  return { start: s.start, end: s.end };
}

export interface QuoteNotFound {
  id: string;
  area: string;
  quote: string;
}

/** Evidence-precision counts: quotes that lie in a fitting segment / all quotes of that area. */
export interface EvidenceCount {
  inSegment: number;
  quotes: number;
  /**
   * The quotes that do not lie in a fitting segment, with the card area they
   * back (e.g. optOut.email) and the labels of the segments they do overlap.
   */
  outside: { quote: string; area: string; labels: string[] }[];
}

/** What one card shows on one annotated policy; a field is absent when the source does not annotate it. */
export interface CorpusPolicyResult {
  id: string;
  source: string;
  lang: string;
  retention?: { annotated: boolean; cardHas: boolean; evidence: EvidenceCount };
  optOut?: { annotated: boolean; cardHas: boolean; evidence?: EvidenceCount };
  advertising?: { annotated: boolean; cardValue: boolean; evidence?: EvidenceCount };
  dataTypes?: { annotated: string[]; missed: string[] };
  quotesTotal: number;
  quotesNotFound: QuoteNotFound[];
}

function hasLabel(policy: CorpusPolicy, labels: readonly string[]): boolean {
  return policy.segments.some((s) => s.labels.some((l) => labels.includes(l)));
}

/**
 * Score one card against its annotated policy. Quotes that are not found in
 * the text count in the denominator of evidence precision (a quote that is
 * nowhere lies in no segment) and are listed as bugs.
 */
export function scoreCorpusPolicy(
  card: Card,
  policy: CorpusPolicy,
  index: TextIndex = indexPolicy(policy),
): CorpusPolicyResult {
  const cover = coverageOf(policy.source);
  const located = new Map<CardQuote, Range | null>();
  const quotes = cardQuotes(card);
  for (const q of quotes)
    located.set(q, locateQuote(index, q.quote, sectionRange(card, q.section)));
  const evidence = (
    inArea: (area: string) => boolean,
    labels: readonly string[],
  ): EvidenceCount => {
    let inSegment = 0;
    let count = 0;
    const outside: EvidenceCount['outside'] = [];
    for (const q of quotes) {
      if (!inArea(q.area)) continue;
      count++;
      const at = located.get(q);
      if (at && liesIn(index, at, labels)) inSegment++;
      else {
        const near = at
          ? overlappingSegments(index, at).flatMap((seg) => [...seg.labels])
          : ['(not found)'];
        outside.push({ quote: q.quote, area: q.area, labels: [...new Set(near)] });
      }
    }
    return { inSegment, quotes: count, outside };
  };

  const result: CorpusPolicyResult = {
    id: policy.id,
    source: policy.source,
    lang: policy.lang,
    quotesTotal: quotes.length,
    quotesNotFound: quotes
      .filter((q) => located.get(q) === null)
      .map((q) => ({ id: policy.id, area: q.area, quote: q.quote })),
  };
  if (cover.retention) {
    result.retention = {
      annotated: hasLabel(policy, ['retention']),
      cardHas: card.retention.statements.length > 0,
      evidence: evidence((area) => area.startsWith('retention.'), ['retention']),
    };
  }
  if (cover.optOutLabels.length > 0) {
    result.optOut = {
      annotated: hasLabel(policy, cover.optOutLabels),
      cardHas: card.optOut.length > 0,
      ...(cover.optOutPrecision
        ? { evidence: evidence((area) => area.startsWith('optOut.'), OPT_OUT_EVIDENCE_LABELS) }
        : {}),
    };
  }
  if (cover.advertising) {
    const value = card.sharing.advertising.value;
    result.advertising = {
      annotated: hasLabel(policy, ['sharing-ads']),
      cardValue: value,
      // Only the quotes that back a true flag; denials are not advertising evidence.
      ...(cover.advertisingPrecision
        ? {
            evidence: value
              ? evidence((area) => area === 'sharing.advertising', ['sharing-ads'])
              : { inSegment: 0, quotes: 0, outside: [] },
          }
        : {}),
    };
  }
  if (cover.dataTypes) {
    const annotated = new Set<string>();
    for (const s of policy.segments) for (const t of s.dataTypes) annotated.add(t);
    const reported = new Set<string>(card.sensitiveData.map((f) => f.type));
    const list = CORPUS_DATA_TYPES.filter((t) => annotated.has(t));
    const recalled = (t: string) =>
      (cover.typeEquivalents?.[t] ?? CORPUS_TYPE_EQUIVALENTS[t] ?? [t]).some((x) =>
        reported.has(x),
      );
    result.dataTypes = { annotated: list, missed: list.filter((t) => !recalled(t)) };
  }
  return result;
}

export interface CorpusFigures {
  policies: number;
  retention: { recall: Ratio; evidencePrecision: Ratio } | null;
  optOut: { recall: Ratio; evidencePrecision: Ratio } | null;
  advertising: { recall: Ratio; specificity: Ratio; evidencePrecision: Ratio } | null;
  dataTypes: { recall: Ratio; perType: Record<string, Ratio> } | null;
  quotes: { total: number; notFound: number };
}

/** Sum the counts of a set of policies (any mix of sources: each adds only what it annotates). */
export function aggregateCorpus(results: CorpusPolicyResult[]): CorpusFigures {
  const n = () => ({ num: 0, den: 0 });
  const ret = { seen: false, recall: n(), precision: n() };
  const opt = { seen: false, recall: n(), precision: n() };
  const ads = { seen: false, recall: n(), specificity: n(), precision: n() };
  const types = {
    seen: false,
    recall: n(),
    perType: new Map<string, { num: number; den: number }>(),
  };
  let quotesTotal = 0;
  let notFound = 0;
  const count = (c: { num: number; den: number }, hit: boolean) => {
    c.den++;
    if (hit) c.num++;
  };
  const addEvidence = (c: { num: number; den: number }, e: EvidenceCount | undefined) => {
    if (!e) return;
    c.num += e.inSegment;
    c.den += e.quotes;
  };
  for (const r of results) {
    quotesTotal += r.quotesTotal;
    notFound += r.quotesNotFound.length;
    if (r.retention) {
      ret.seen = true;
      if (r.retention.annotated) count(ret.recall, r.retention.cardHas);
      addEvidence(ret.precision, r.retention.evidence);
    }
    if (r.optOut) {
      opt.seen = true;
      if (r.optOut.annotated) count(opt.recall, r.optOut.cardHas);
      addEvidence(opt.precision, r.optOut.evidence);
    }
    if (r.advertising) {
      ads.seen = true;
      if (r.advertising.annotated) count(ads.recall, r.advertising.cardValue);
      else count(ads.specificity, !r.advertising.cardValue);
      addEvidence(ads.precision, r.advertising.evidence);
    }
    if (r.dataTypes) {
      types.seen = true;
      for (const t of r.dataTypes.annotated) {
        const hit = !r.dataTypes.missed.includes(t);
        count(types.recall, hit);
        const per = types.perType.get(t) ?? n();
        count(per, hit);
        types.perType.set(t, per);
      }
    }
  }
  const rt = (c: { num: number; den: number }): Ratio => ratio(c.num, c.den);
  const perType: Record<string, Ratio> = {};
  for (const t of CORPUS_DATA_TYPES) {
    const c = types.perType.get(t);
    if (c) perType[t] = rt(c);
  }
  return {
    policies: results.length,
    retention: ret.seen ? { recall: rt(ret.recall), evidencePrecision: rt(ret.precision) } : null,
    optOut: opt.seen ? { recall: rt(opt.recall), evidencePrecision: rt(opt.precision) } : null,
    advertising: ads.seen
      ? {
          recall: rt(ads.recall),
          specificity: rt(ads.specificity),
          evidencePrecision: rt(ads.precision),
        }
      : null,
    dataTypes: types.seen ? { recall: rt(types.recall), perType } : null,
    quotes: { total: quotesTotal, notFound },
  };
}

/** Figures per group (e.g. per source or per language), groups in first-seen order. */
export function aggregateBy(
  results: CorpusPolicyResult[],
  key: (r: CorpusPolicyResult) => string,
): Record<string, CorpusFigures> {
  const groups = new Map<string, CorpusPolicyResult[]>();
  for (const r of results) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const out: Record<string, CorpusFigures> = {};
  for (const [k, list] of groups) out[k] = aggregateCorpus(list);
  return out;
}

/** The text an input gives the engine to read, for quote checks: its text, or its blocks joined. */
export function inputText(input: PolicyInput): string {
  return analysedText(input);
}

/** Quotes of a card that are not in `text` (whitespace collapsed on both sides). */
export function quotesNotFoundIn(card: Card, text: string, id: string): QuoteNotFound[] {
  const index = indexSegments([{ text, labels: [] }]);
  return cardQuotes(card)
    .filter((q) => locateQuote(index, q.quote) === null)
    .map((q) => ({ id, area: q.area, quote: q.quote }));
}
