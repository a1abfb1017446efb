/** The grade: points from weights kept as data (rules/score.json), tunable in the options page. */
import type { Card, Grade, Score, SharingFlag } from './types';
import { SHARING_FLAGS } from './types';
import type { ScoreWeights } from './settings';
import rules from './rules/score.json';

export const DEFAULT_WEIGHTS: ScoreWeights = rules.weights;

/** Default weights with a user's changes laid over them (one level deep). */
export function mergeWeights(user?: Partial<ScoreWeights>): ScoreWeights {
  const w = structuredClone(DEFAULT_WEIGHTS);
  if (!user) return w;
  for (const [k, v] of Object.entries(user)) {
    if (v === undefined || v === null) continue;
    const key = k as keyof ScoreWeights;
    if (typeof v === 'object' && typeof w[key] === 'object') Object.assign(w[key] as object, v);
    else if (typeof v === 'number' && Number.isFinite(v))
      (w as unknown as Record<string, unknown>)[key] = v;
  }
  return w;
}

/** One contribution to the grade, for the popup to show and translate. */
export interface ScoreFactor {
  code: string;
  points: number;
  reason: string;
}

const FLAG_WORDS: Record<SharingFlag, string> = {
  advertising: 'Data is used or shared for advertising',
  sale: 'Data may be sold or rented',
  crossBorder: 'Data may be transferred across borders',
  affiliates: 'Data is shared within the corporate group',
  publicDisclosure: 'Data may be publicly disclosed',
};

export function scoreCard(
  card: Pick<Card, 'sensitiveData' | 'sdks' | 'sharing' | 'retention' | 'optOut'>,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): Score & { factors: ScoreFactor[] } {
  const factors: ScoreFactor[] = [];
  for (const sev of ['high', 'medium', 'low'] as const) {
    const types = card.sensitiveData.filter((d) => d.severity === sev);
    if (types.length) {
      factors.push({
        code: `sensitive-${sev}`,
        points: -types.length * weights.severity[sev],
        reason: `${types.length} ${sev}-severity data type${types.length > 1 ? 's' : ''} collected (${types.map((t) => t.type).join(', ')})`,
      });
    }
  }
  const third = card.sensitiveData.filter((d) => d.party !== 'first');
  if (third.length && weights.thirdParty) {
    factors.push({
      code: 'third-party',
      points: -third.length * weights.thirdParty,
      reason: `${third.length} sensitive data type${third.length > 1 ? 's go' : ' goes'} to third parties`,
    });
  }
  if (card.sdks.length) {
    const ads = card.sdks.filter((s) => s.category === 'ads').length;
    const points = Math.min(weights.sdkCap, card.sdks.length * weights.sdk + ads * weights.adsSdk);
    factors.push({
      code: 'sdks',
      points: -points,
      reason: `${card.sdks.length} third-party SDK${card.sdks.length > 1 ? 's' : ''}${ads ? `, ${ads} for advertising` : ''}`,
    });
  }
  for (const flag of SHARING_FLAGS) {
    if (card.sharing[flag].value && weights.sharing[flag]) {
      factors.push({
        code: `sharing-${flag}`,
        points: -weights.sharing[flag],
        reason: FLAG_WORDS[flag],
      });
    }
  }
  const ret = card.retention.summary;
  if (weights.retention[ret]) {
    const words: Record<typeof ret, string> = {
      'stated-period': 'Retention periods are stated',
      'until-deletion': 'Data is kept until the account is deleted',
      'as-long-as-necessary': 'Data is kept "as long as necessary", with no period',
      indefinite: 'Data may be kept indefinitely',
      'not-stated': 'The policy does not say how long data is kept',
    };
    factors.push({ code: `retention-${ret}`, points: -weights.retention[ret], reason: words[ret] });
  }
  if (card.optOut.length && weights.optOut) {
    const points = Math.min(weights.optOutCap, card.optOut.length * weights.optOut);
    factors.push({
      code: 'opt-out',
      points,
      reason: `${card.optOut.length} way${card.optOut.length > 1 ? 's' : ''} to opt out or control data`,
    });
  }
  const points = Math.max(0, Math.min(100, 100 + factors.reduce((s, f) => s + f.points, 0)));
  const t = weights.thresholds;
  const grade: Grade =
    points >= t.A ? 'A' : points >= t.B ? 'B' : points >= t.C ? 'C' : points >= t.D ? 'D' : 'E';
  const ordered = [...factors].sort((a, b) => a.points - b.points);
  return {
    grade,
    points: Math.round(points),
    reasons: ordered.map((f) => f.reason),
    factors: ordered,
  };
}
