/**
 * Counting helpers shared by the gold-card and corpus scores.
 *
 * Conventions for empty denominators (documented once, used everywhere):
 * - precision is 1 when the card claimed nothing (nothing claimed, nothing wrong);
 * - recall is 1 when there was nothing to find;
 * - F1 is the harmonic mean of the two, 0 when both are 0.
 * A corpus `Ratio` with an empty denominator has `value: null` ("n/a"): the
 * figure does not apply to that set, and it is neither met nor missed.
 */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export function prf(counts: Counts): Prf {
  const { tp, fp, fn } = counts;
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

export interface Ratio {
  num: number;
  den: number;
  /** num / den, or null when den is 0. */
  value: number | null;
}

export function ratio(num: number, den: number): Ratio {
  return { num, den, value: den === 0 ? null : num / den };
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num + b.num, a.den + b.den);
}

/** F1 from a precision and a recall given separately (opt-out paths count them on different sets). */
export function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

export function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
