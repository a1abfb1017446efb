/**
 * The accuracy targets of the project (issue #4) and the check of a run's
 * figures against them. A figure with no value (nothing to measure in that
 * group) neither meets nor misses its target.
 */
import type { CorpusFigures } from './corpus';
import type { GoldFigures } from './gold';
import type { Ratio } from './metrics';

export type Goal = { atLeast: number } | { atMost: number };

export function meets(value: number | null, goal: Goal): boolean | null {
  if (value === null) return null;
  return 'atLeast' in goal ? value >= goal.atLeast : value <= goal.atMost;
}

export function goalText(goal: Goal): string {
  return 'atLeast' in goal ? `>= ${goal.atLeast.toFixed(3)}` : `<= ${goal.atMost}`;
}

export const GOLD_CARD_SCORE_GOAL: Goal = { atLeast: 0.9 };

/** One corpus figure: how to read it from the figures of a group, and its goal if it has one. */
export interface CorpusMetric {
  key: string;
  label: string;
  get: (f: CorpusFigures) => number | null;
  ratio?: (f: CorpusFigures) => Ratio | undefined;
  goal?: Goal;
}

const r = (x: Ratio | undefined): number | null => x?.value ?? null;

export const CORPUS_METRICS: CorpusMetric[] = [
  {
    key: 'retention.recall',
    label: 'retention recall',
    get: (f) => r(f.retention?.recall),
    ratio: (f) => f.retention?.recall,
    goal: { atLeast: 0.9 },
  },
  {
    key: 'retention.evidencePrecision',
    label: 'retention evidence precision',
    get: (f) => r(f.retention?.evidencePrecision),
    ratio: (f) => f.retention?.evidencePrecision,
    goal: { atLeast: 0.85 },
  },
  {
    key: 'optOut.recall',
    label: 'opt-out recall',
    get: (f) => r(f.optOut?.recall),
    ratio: (f) => f.optOut?.recall,
    goal: { atLeast: 0.9 },
  },
  {
    key: 'optOut.evidencePrecision',
    label: 'opt-out evidence precision',
    get: (f) => r(f.optOut?.evidencePrecision),
    ratio: (f) => f.optOut?.evidencePrecision,
    goal: { atLeast: 0.85 },
  },
  {
    key: 'advertising.recall',
    label: 'advertising recall',
    get: (f) => r(f.advertising?.recall),
    ratio: (f) => f.advertising?.recall,
    goal: { atLeast: 0.9 },
  },
  {
    key: 'advertising.specificity',
    label: 'advertising specificity',
    get: (f) => r(f.advertising?.specificity),
    ratio: (f) => f.advertising?.specificity,
    goal: { atLeast: 0.75 },
  },
  {
    key: 'advertising.evidencePrecision',
    label: 'advertising evidence precision',
    get: (f) => r(f.advertising?.evidencePrecision),
    ratio: (f) => f.advertising?.evidencePrecision,
  },
  {
    key: 'dataTypes.recall',
    label: 'data-type recall',
    get: (f) => r(f.dataTypes?.recall),
    ratio: (f) => f.dataTypes?.recall,
    goal: { atLeast: 0.9 },
  },
  {
    key: 'quotes.notFound',
    label: 'quotes not found',
    get: (f) => f.quotes.notFound,
    goal: { atMost: 0 },
  },
];

export interface GoalCheck {
  /** "gold" or the corpus group (source or language). */
  group: string;
  key: string;
  value: number | null;
  goal: Goal;
  met: boolean | null;
}

/** Check every figure that has a goal; gold first, then each corpus group. */
export function checkGoals(
  gold: GoldFigures | null,
  goldQuotesNotFound: number,
  groups: Record<string, CorpusFigures>,
): GoalCheck[] {
  const out: GoalCheck[] = [];
  if (gold) {
    out.push({
      group: 'gold',
      key: 'cardScore',
      value: gold.cardScore,
      goal: GOLD_CARD_SCORE_GOAL,
      met: meets(gold.cardScore, GOLD_CARD_SCORE_GOAL),
    });
    const zero: Goal = { atMost: 0 };
    out.push({
      group: 'gold',
      key: 'quotes.notFound',
      value: goldQuotesNotFound,
      goal: zero,
      met: meets(goldQuotesNotFound, zero),
    });
  }
  for (const [group, figures] of Object.entries(groups)) {
    for (const m of CORPUS_METRICS) {
      if (!m.goal) continue;
      const value = m.get(figures);
      if (value === null) continue;
      out.push({ group, key: m.key, value, goal: m.goal, met: meets(value, m.goal) });
    }
  }
  return out;
}
