import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types';
import { blankCard } from '../../src/eval/blank-card';
import {
  aggregateBy,
  aggregateCorpus,
  corpusInput,
  parseCorpusLine,
  scoreCorpusPolicy,
  type CorpusPolicy,
} from '../../src/eval/corpus';
import { checkGoals } from '../../src/eval/goals';

const seg = (text: string, labels: string[] = [], dataTypes: string[] = []) => ({
  text,
  labels,
  dataTypes,
});
const ev = (quote: string) => [{ quote, section: 0 }];

const opp: CorpusPolicy = {
  id: 'opp115/x',
  source: 'OPP-115',
  lang: 'en',
  title: 'Privacy Policy',
  segments: [
    seg('Privacy Policy'),
    seg(
      'We collect your location and device identifiers.',
      ['collection'],
      ['location', 'device-id'],
    ),
    seg('We keep logs for 90 days.', ['retention']),
    seg('Advertisers may use cookies to show you ads.', ['sharing', 'sharing-ads'], ['browsing']),
    seg('To opt out, visit example.com/optout.', ['opt-out', 'user-choice']),
  ],
};

function oppCard(): Card {
  const card = blankCard();
  card.sensitiveData.push({
    type: 'location',
    party: 'first',
    severity: 'high',
    evidence: ev('your location'),
  });
  card.sensitiveData.push({
    type: 'network',
    party: 'first',
    severity: 'low',
    evidence: ev('device identifiers'),
  });
  card.retention = {
    summary: 'stated-period',
    statements: [
      { kind: 'stated-period', days: 90, evidence: ev('keep logs for 90 days') }, // in a retention segment
      { kind: 'as-long-as-necessary', evidence: ev('Advertisers may use cookies') }, // not
    ],
  };
  card.optOut = [
    {
      kind: 'url',
      target: 'example.com/optout',
      evidence: ev('To opt out, visit example.com/optout.'),
    },
  ];
  card.sharing.advertising = { value: true, evidence: ev('show you ads') };
  card.sharing.sale = { value: false, evidence: [], denials: ev('we never sell anything') }; // not in the text
  return card;
}

describe('scoreCorpusPolicy', () => {
  it('OPP-115: every figure, strict data types, quotes not found listed', () => {
    const r = scoreCorpusPolicy(oppCard(), opp);
    expect(r.retention).toEqual({
      annotated: true,
      cardHas: true,
      evidence: {
        inSegment: 1,
        quotes: 2,
        outside: [
          {
            quote: 'Advertisers may use cookies',
            area: 'retention.as-long-as-necessary',
            labels: ['sharing', 'sharing-ads'],
          },
        ],
      },
    });
    expect(r.optOut).toEqual({
      annotated: true,
      cardHas: true,
      evidence: { inSegment: 1, quotes: 1, outside: [] },
    });
    expect(r.advertising).toEqual({
      annotated: true,
      cardValue: true,
      evidence: { inSegment: 1, quotes: 1, outside: [] },
    });
    // network recalls device-id (the corpus label merges IP addresses into it); browsing was not reported
    expect(r.dataTypes).toEqual({
      annotated: ['location', 'device-id', 'browsing'],
      missed: ['browsing'],
    });
    expect(r.quotesTotal).toBe(7);
    expect(r.quotesNotFound).toEqual([
      { id: 'opp115/x', area: 'sharing.sale.denials', quote: 'we never sell anything' },
    ]);
  });

  it('MAPP: no retention, no opt-out or advertising precision', () => {
    const r = scoreCorpusPolicy(oppCard(), { ...opp, id: 'mapp/x', source: 'MAPP' });
    expect(r.retention).toBeUndefined();
    expect(r.optOut).toEqual({ annotated: true, cardHas: true });
    expect(r.advertising).toEqual({ annotated: true, cardValue: true });
    expect(r.dataTypes?.annotated).toHaveLength(3);
  });

  it("MAPP's health label, which covers biometric data, is recalled by a biometric finding; OPP-115's is not", () => {
    const withHealth = (source: string, id: string): CorpusPolicy => ({
      ...opp,
      id,
      source,
      segments: [...opp.segments, seg('We collect your fingerprints.', ['collection'], ['health'])],
    });
    const card = oppCard();
    card.sensitiveData.push({
      type: 'biometric',
      party: 'first',
      severity: 'high',
      evidence: ev('your fingerprints'),
    });
    const mapp = scoreCorpusPolicy(card, withHealth('MAPP', 'mapp/x'));
    expect(mapp.dataTypes?.annotated).toContain('health');
    expect(mapp.dataTypes?.missed).not.toContain('health');
    const oppResult = scoreCorpusPolicy(card, withHealth('OPP-115', 'opp115/x'));
    expect(oppResult.dataTypes?.missed).toContain('health');
  });

  it('CAPP-130: opt-out annotated by user-choice; no advertising or data types', () => {
    const capp: CorpusPolicy = {
      id: 'capp130/x',
      source: 'CAPP-130',
      lang: 'zh',
      segments: [
        seg('我们将保存您的信息180天。', ['retention']),
        seg('您可以在设置中关闭个性化推荐。', ['user-choice']),
      ],
    };
    const card = blankCard();
    const r = scoreCorpusPolicy(card, capp);
    expect(r.retention).toEqual({
      annotated: true,
      cardHas: false,
      evidence: { inSegment: 0, quotes: 0, outside: [] },
    });
    expect(r.optOut).toEqual({
      annotated: true,
      cardHas: false,
      evidence: { inSegment: 0, quotes: 0, outside: [] },
    });
    expect(r.advertising).toBeUndefined();
    expect(r.dataTypes).toBeUndefined();
  });

  it('advertising evidence of a false flag is not counted', () => {
    const card = blankCard();
    card.sharing.advertising = { value: false, evidence: ev('We keep logs') };
    const r = scoreCorpusPolicy(card, opp);
    expect(r.advertising).toEqual({
      annotated: true,
      cardValue: false,
      evidence: { inSegment: 0, quotes: 0, outside: [] },
    });
  });
});

describe('aggregateCorpus', () => {
  const noAds: CorpusPolicy = {
    id: 'opp115/y',
    source: 'OPP-115',
    lang: 'en',
    segments: [seg('We collect your e-mail address.', ['collection'], ['contact-info'])],
  };

  it('sums recall, specificity and evidence counts over policies', () => {
    const flagged = blankCard();
    flagged.sharing.advertising = { value: true, evidence: ev('We collect') };
    const quiet = blankCard();
    const results = [
      scoreCorpusPolicy(oppCard(), opp),
      scoreCorpusPolicy(flagged, noAds), // advertising true on a policy without sharing-ads
      scoreCorpusPolicy(quiet, { ...noAds, id: 'opp115/z' }), // advertising false: specific
    ];
    const f = aggregateCorpus(results);
    expect(f.policies).toBe(3);
    expect(f.retention?.recall).toMatchObject({ num: 1, den: 1 });
    expect(f.retention?.evidencePrecision).toMatchObject({ num: 1, den: 2, value: 0.5 });
    expect(f.advertising?.recall).toMatchObject({ num: 1, den: 1 });
    expect(f.advertising?.specificity).toMatchObject({ num: 1, den: 2, value: 0.5 });
    expect(f.advertising?.evidencePrecision).toMatchObject({ num: 1, den: 2 });
    // pairs: location, device-id (by network), browsing (2 of 3) + contact-info twice (0 of 2)
    expect(f.dataTypes?.recall).toMatchObject({ num: 2, den: 5 });
    expect(f.dataTypes?.perType['contact-info']).toMatchObject({ num: 0, den: 2 });
    expect(f.dataTypes?.perType['location']).toMatchObject({ num: 1, den: 1, value: 1 });
    expect(f.dataTypes?.perType['health']).toBeUndefined();
    expect(f.quotes).toEqual({ total: 8, notFound: 1 });
  });

  it('groups by source and language; figures a source does not annotate stay null', () => {
    const capp: CorpusPolicy = {
      id: 'capp130/x',
      source: 'CAPP-130',
      lang: 'zh',
      segments: [seg('无', ['retention'])],
    };
    const results = [scoreCorpusPolicy(oppCard(), opp), scoreCorpusPolicy(blankCard(), capp)];
    const bySource = aggregateBy(results, (r) => r.source);
    expect(Object.keys(bySource)).toEqual(['OPP-115', 'CAPP-130']);
    expect(bySource['CAPP-130']?.advertising).toBeNull();
    expect(bySource['CAPP-130']?.retention?.recall).toMatchObject({ num: 0, den: 1, value: 0 });
    expect(bySource['CAPP-130']?.retention?.evidencePrecision.value).toBeNull();
    const goals = checkGoals(null, 0, bySource);
    expect(goals.find((g) => g.group === 'CAPP-130' && g.key === 'retention.recall')?.met).toBe(
      false,
    );
    expect(goals.find((g) => g.group === 'OPP-115' && g.key === 'retention.recall')?.met).toBe(
      true,
    );
    expect(goals.find((g) => g.group === 'OPP-115' && g.key === 'quotes.notFound')?.met).toBe(
      false,
    );
    // no value, no check
    expect(
      goals.some((g) => g.group === 'CAPP-130' && g.key === 'retention.evidencePrecision'),
    ).toBe(false);
  });
});

describe('corpus input', () => {
  it('parses a JSONL line and joins segments with a blank line', () => {
    const line = JSON.stringify({ ...opp, url: 'http://example.com/privacy' });
    const p = parseCorpusLine(line);
    const input = corpusInput(p);
    expect(input.text).toBe(opp.segments.map((s) => s.text).join('\n\n'));
    expect(input.title).toBe('Privacy Policy');
    expect(input.url).toBe('http://example.com/privacy');
    expect(() => parseCorpusLine('{"id": "x"}')).toThrow(/segments/);
  });
});
