import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/core/types';
import { blankCard } from '../../src/eval/blank-card';
import { aggregateGold, parseGoldCard, scoreGoldPolicy, type GoldCard } from '../../src/eval/gold';

const ev = (quote: string) => [{ quote, section: 0 }];

function gold(partial: Partial<GoldCard> = {}): GoldCard {
  return {
    id: 'g',
    sensitiveData: { must: {}, may: [] },
    sdks: [],
    sdksMay: [],
    retention: { summary: 'not-stated', kinds: {}, days: [] },
    optOut: [],
    sharing: {
      advertising: { value: false },
      sale: { value: false },
      crossBorder: { value: false },
      affiliates: { value: false },
      publicDisclosure: { value: false },
    },
    ...partial,
  };
}

function sensitive(card: Card, ...types: Card['sensitiveData'][number]['type'][]): void {
  for (const type of types)
    card.sensitiveData.push({ type, party: 'first', severity: 'high', evidence: ev(type) });
}

function sdk(card: Card, name: string, category: Card['sdks'][number]['category']): void {
  card.sdks.push({ name, category, dataTypes: [], evidence: ev(name) });
}

/** The hand-made policy of these tests, with figures worked out by hand in the comments. */
function handMade(): { card: Card; gold: GoldCard } {
  const g = gold({
    id: 'hand',
    sensitiveData: { must: { location: 'q', 'device-id': 'q', biometric: 'q' }, may: ['network'] },
    sdks: [
      { name: 'Umeng', aliases: ['友盟', 'Umeng+'], category: 'analytics' },
      { name: 'Pangle', aliases: ['穿山甲'], category: 'ads' },
      { name: 'Firebase', aliases: [], category: 'analytics' },
      { name: 'Firebase Crashlytics', aliases: [], category: 'crash' },
    ],
    sdksMay: ['Alipay'],
    retention: {
      summary: 'until-deletion',
      kinds: { 'until-deletion': 'q', 'as-long-as-necessary': 'q' },
      days: [30, 365],
    },
    optOut: [
      { kind: 'email', target: 'privacy@example.com' },
      { kind: 'url', target: 'https://www.example.com/optout/' },
      { kind: 'phone', target: '400-000-0000' },
      { kind: 'settings-path', target: 'Me -> Account and Security' },
      { kind: 'account-deletion' },
      { kind: 'ad-personalization', target: '设置-隐私-个性化推荐' },
    ],
    sharing: {
      advertising: { value: true, quote: 'q' },
      sale: { value: false },
      crossBorder: { value: false },
      affiliates: { value: true, quote: 'q' },
      publicDisclosure: { value: false },
    },
  });
  const card = blankCard();
  // location = TP, network = in may (ignored), contacts = FP; device-id and biometric = FN
  sensitive(card, 'location', 'network', 'contacts');
  sdk(card, '友盟+', 'analytics'); // TP (exact alias), category right
  sdk(card, 'UMeng SDK', 'analytics'); // second entry for Umeng: FP
  sdk(card, 'Firebase Crashlytics', 'analytics'); // TP, exact beats "Firebase"; category wrong
  sdk(card, 'Alipay SDK', 'payment'); // sdksMay: ignored
  sdk(card, 'Bugly', 'crash'); // FP; Pangle and Firebase = FN
  card.retention = {
    summary: 'stated-period', // wrong
    statements: [
      { kind: 'stated-period', days: 40, evidence: ev('40 days') }, // 30 * 1.45 = 43.5: finds 30
      { kind: 'stated-period', days: 200, evidence: ev('200 days') }, // 365 * 0.7 = 255.5: not 365
      { kind: 'until-deletion', evidence: ev('until') },
    ],
  };
  card.optOut = [
    { kind: 'email', target: 'PRIVACY@Example.com', evidence: ev('e') },
    { kind: 'url', target: 'http://example.com/optout', evidence: ev('u') },
    { kind: 'phone', target: '400 000 0000', evidence: ev('p') },
    { kind: 'settings-path', target: 'Me > Account & Security', evidence: ev('s') },
    { kind: 'account-deletion', target: 'Settings', evidence: ev('a') },
    { kind: 'ad-personalization', target: '设置-通用', evidence: ev('z') }, // 1 of 6 pairs: no
    { kind: 'email', target: 'other@example.com', evidence: ev('o') }, // no
  ];
  card.sharing.advertising = { value: true, evidence: ev('ads') };
  card.sharing.sale = { value: true, evidence: ev('sale') }; // wrong; affiliates false = wrong
  return { card, gold: g };
}

describe('scoreGoldPolicy', () => {
  const { card, gold: g } = handMade();
  const r = scoreGoldPolicy(card, g);

  it('sensitive data: must = TP, may = ignored, other = FP, missing must = FN', () => {
    expect(r.sensitive).toMatchObject({ tp: 1, fp: 1, fn: 2, extra: ['contacts'] });
    expect(r.sensitive.missed.sort()).toEqual(['biometric', 'device-id']);
  });

  it('SDKs: aliases, duplicates, sdksMay and categories', () => {
    expect(r.sdks).toMatchObject({ tp: 2, fp: 2, fn: 2, categoryRight: 1 });
    expect(r.sdks.duplicates).toEqual(['UMeng SDK']);
    expect(r.sdks.extra).toEqual(['Bugly']);
    expect(r.sdks.ignored).toEqual(['Alipay SDK']);
    expect(r.sdks.missed).toEqual(['Pangle', 'Firebase']);
    expect(r.sdks.categoryWrong).toEqual([
      { name: 'Firebase Crashlytics', card: 'analytics', gold: 'crash' },
    ]);
  });

  it('retention: summary, kinds and days within 0.7..1.45 times', () => {
    expect(r.retentionSummary.right).toBe(false);
    expect(r.retentionKinds).toMatchObject({
      tp: 1,
      fp: 1,
      fn: 1,
      missed: ['as-long-as-necessary'],
      extra: ['stated-period'],
    });
    expect(r.retentionDays).toEqual({ found: 1, total: 2, missed: [365] });
  });

  it('opt-out: precision over card entries, recall over gold entries', () => {
    expect(r.optOut).toMatchObject({ cardMatched: 5, cardTotal: 7, goldMatched: 5, goldTotal: 6 });
    expect(r.optOut.missed).toEqual([
      { kind: 'ad-personalization', target: '设置-隐私-个性化推荐' },
    ]);
  });

  it('sharing: each of the five flags', () => {
    expect(r.sharing.right).toBe(3);
    expect(r.sharing.wrong.map((w) => w.flag)).toEqual(['sale', 'affiliates']);
  });
});

describe('aggregateGold', () => {
  it('the card score is the mean of the five figures', () => {
    const { card, gold: g } = handMade();
    const f = aggregateGold([scoreGoldPolicy(card, g)]);
    const sensitiveF1 = (2 * (1 / 2) * (1 / 3)) / (1 / 2 + 1 / 3); // P 1/2, R 1/3
    const sdkF1 = 0.5; // P 2/4, R 2/4
    const optP = 5 / 7;
    const optR = 5 / 6;
    const optF1 = (2 * optP * optR) / (optP + optR);
    expect(f.sensitive.f1).toBeCloseTo(sensitiveF1, 10);
    expect(f.sdks.f1).toBeCloseTo(sdkF1, 10);
    expect(f.sdks.categoryAccuracy.value).toBeCloseTo(0.5, 10);
    expect(f.optOut.f1).toBeCloseTo(optF1, 10);
    expect(f.retentionSummaryAccuracy.value).toBe(0);
    expect(f.sharingAccuracy.value).toBeCloseTo(0.6, 10);
    expect(f.cardScore).toBeCloseTo((sensitiveF1 + sdkF1 + 0 + optF1 + 0.6) / 5, 10);
  });

  it('sums counts over policies (micro), not means of per-policy figures', () => {
    const { card, gold: g } = handMade();
    const perfect = blankCard();
    sensitive(perfect, 'location', 'health', 'media', 'contacts', 'financial', 'browsing');
    const g2 = gold({
      id: 'perfect',
      sensitiveData: {
        must: {
          location: 'q',
          health: 'q',
          media: 'q',
          contacts: 'q',
          financial: 'q',
          browsing: 'q',
        },
        may: [],
      },
    });
    const f = aggregateGold([scoreGoldPolicy(card, g), scoreGoldPolicy(perfect, g2)]);
    // tp 1 + 6, fp 1 + 0, fn 2 + 0
    expect(f.sensitive).toMatchObject({ tp: 7, fp: 1, fn: 2 });
    expect(f.sensitive.precision).toBeCloseTo(7 / 8, 10);
    expect(f.sensitive.recall).toBeCloseTo(7 / 9, 10);
    expect(f.retentionSummaryAccuracy).toMatchObject({ num: 1, den: 2 });
    expect(f.sharingAccuracy).toMatchObject({ num: 8, den: 10 });
  });

  it('a perfect card scores 1', () => {
    const card = blankCard();
    const f = aggregateGold([scoreGoldPolicy(card, gold())]);
    expect(f.cardScore).toBe(1);
  });
});

describe('parseGoldCard', () => {
  it('reads every shared gold card', () => {
    const dir = '../shared/gold';
    const files = readdirSync(dir).filter((n) => n.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const g = parseGoldCard(JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')));
      expect(g.id).toBe(name.replace(/\.json$/, ''));
      expect(Object.keys(g.sharing)).toHaveLength(5);
    }
  });

  it('refuses ids outside the taxonomy, with the reason', () => {
    const bad = { ...gold(), sensitiveData: { must: { dna: 'q' }, may: [] } };
    expect(() => parseGoldCard(bad)).toThrow(/"dna" is not a taxonomy id/);
  });
});
