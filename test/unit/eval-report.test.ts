import { describe, expect, it } from 'vitest';
import { blankCard } from '../../src/eval/blank-card';
import type { CorpusPolicy } from '../../src/eval/corpus';
import type { GoldCard } from '../../src/eval/gold';
import { buildReport, formatReport } from '../../src/eval/report';

const gold: GoldCard = {
  id: 'g1',
  sensitiveData: { must: { location: 'q' }, may: [] },
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
};

const policy: CorpusPolicy = {
  id: 'opp115/p',
  source: 'OPP-115',
  lang: 'en',
  segments: [
    { text: 'We keep data for 30 days.', labels: ['retention'], dataTypes: [] },
    { text: 'We show ads.', labels: ['sharing-ads'], dataTypes: [] },
  ],
};

describe('buildReport and formatReport', () => {
  it('scores both sets, checks the goals and prints figures with 3 decimals', () => {
    const goldCard = blankCard();
    goldCard.sensitiveData.push({
      type: 'location',
      party: 'first',
      severity: 'high',
      evidence: [{ quote: 'your location', section: 0 }],
    });
    const corpusCard = blankCard();
    corpusCard.retention = {
      summary: 'stated-period',
      statements: [
        {
          kind: 'stated-period',
          days: 30,
          evidence: [{ quote: 'We keep data for 30 days.', section: 0 }],
        },
      ],
    };
    const report = buildReport(
      [{ gold, card: goldCard, text: 'We collect your location.' }],
      [{ policy, card: corpusCard }],
    );
    // every gold figure is perfect: score 1
    expect(report.gold?.figures.cardScore).toBe(1);
    expect(report.gold?.quotesNotFound).toEqual([]);
    expect(report.corpora?.bySource['OPP-115']?.retention?.recall.value).toBe(1);
    // advertising false on a policy with a sharing-ads segment: recall 0, goal missed
    const adGoal = report.goals.find(
      (x) => x.group === 'OPP-115' && x.key === 'advertising.recall',
    );
    expect(adGoal).toMatchObject({ value: 0, met: false });
    expect(report.allGoalsMet).toBe(false);

    const table = formatReport(report);
    expect(table).toMatch(/card score\s+1\.000 ✓/);
    expect(table).toMatch(/retention recall\s+1\.000 ✓/);
    expect(table).toMatch(/advertising recall\s+0\.000 ✗/);
    expect(table).toContain('OPP-115 advertising.recall 0.000');
    expect(table).toMatch(/advertising missed\s+1: opp115\/p/);
  });

  it('a gold quote that is not in the text is a bug that misses its goal', () => {
    const card = blankCard();
    card.sensitiveData.push({
      type: 'location',
      party: 'first',
      severity: 'high',
      evidence: [{ quote: 'GPS coordinates', section: 0 }],
    });
    const report = buildReport([{ gold, card, text: 'We collect your location.' }], []);
    expect(report.gold?.quotesNotFound).toEqual([
      { id: 'g1', area: 'sensitiveData.location', quote: 'GPS coordinates' },
    ]);
    expect(report.goals.find((x) => x.key === 'quotes.notFound')?.met).toBe(false);
    expect(formatReport(report)).toContain('g1  sensitiveData.location: "GPS coordinates"');
  });
});
