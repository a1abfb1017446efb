/**
 * One pass for all areas: the terms of data types, retention, opt-out and
 * sharing, the policy vocabulary of detection and the sentence sets are
 * compiled into one automaton, the analysed text is scanned once, and each
 * area reads its own hits through a Scanner that answers from them.
 */
import { TermMatcher, type Scanner, type TermHit, type TermSpec } from './matcher';

export const AREAS = [
  'dataTypes',
  'dataExclude',
  'retention',
  'optOut',
  'sharing',
  'detectCues',
] as const;
export type Area = (typeof AREAS)[number];

interface Tagged {
  area: number;
  value: unknown;
}

/** The specs a scanner was built from (empty for anything but a TermMatcher). */
function specsOf(s: Scanner<unknown>): readonly TermSpec<unknown>[] {
  return s instanceof TermMatcher ? (s.specs as readonly TermSpec<unknown>[]) : [];
}

/**
 * Term sets the engine tests on sentences of the analysed text (definitions,
 * hypotheticals, third parties …): in the same automaton, after the areas, so
 * each test reads the hits found in advance instead of scanning the sentence.
 */
export type SentenceSets = readonly Scanner<unknown>[];

/** The one automaton, with the scanners and sets it was built from (what prescan hands out). */
export interface Combined {
  automaton: TermMatcher<Tagged>;
  scanners: Readonly<Record<Area, Scanner<unknown>>>;
  sets: SentenceSets;
}

export function combine(
  scanners: Record<Area, Scanner<unknown>>,
  sets: SentenceSets = [],
): Combined {
  const specs: TermSpec<Tagged>[] = [];
  [...AREAS.map((area) => scanners[area]), ...sets].forEach((scanner, i) => {
    for (const spec of specsOf(scanner))
      specs.push({ term: spec.term, value: { area: i, value: spec.value } });
  });
  // the one automaton every analysis scans with: built with the rules, not on the first page
  return { automaton: new TermMatcher(specs).prepare(), scanners, sets };
}

/** A scanner that answers from hits found in advance on one text, and scans anything else itself. */
class Prescanned<T> implements Scanner<T> {
  constructor(
    private readonly folded: string,
    private readonly hits: TermHit<T>[],
    private readonly fallback: Scanner<T>,
  ) {}

  scan(folded: string, from = 0, to = folded.length, limit = Infinity): TermHit<T>[] {
    if (folded !== this.folded) return this.fallback.scan(folded, from, to, limit);
    if (from === 0 && to === folded.length && limit === Infinity) return this.hits;
    const out: TermHit<T>[] = [];
    // hits are ordered by end: binary search the first that can lie in the range
    let lo = 0;
    let hi = this.hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.hits[mid]!.end <= from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.hits.length; i++) {
      const h = this.hits[i]!;
      if (h.end > to) break;
      if (h.start >= from) {
        out.push(h);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  test(folded: string, from = 0, to = folded.length): boolean {
    return this.scan(folded, from, to, 1).length > 0;
  }
}

/** What the one scan gives: each area's scanner, and each sentence set's. */
export interface Prescan {
  areas: Record<Area, Scanner<unknown>>;
  /** The scanner to use for a sentence set on this text (itself when it was not combined). */
  set<T>(scanner: Scanner<T>): Scanner<T>;
}

/** Scan `folded` once with the combined automaton and give each area and sentence set its scanner. */
export function prescan(combined: Combined, folded: string): Prescan {
  const { scanners, sets } = combined;
  const buckets: TermHit<unknown>[][] = [...AREAS, ...sets].map(() => []);
  // The hits are this call's own: each is handed to its area as it is, its
  // value unwrapped in place, rather than copied (thousands on a long policy).
  for (const h of combined.automaton.scan(folded) as TermHit<unknown>[]) {
    const { area, value } = h.value as Tagged;
    h.value = value;
    buckets[area]!.push(h);
  }
  const areas = {} as Record<Area, Scanner<unknown>>;
  AREAS.forEach((area, i) => {
    areas[area] = new Prescanned(folded, buckets[i]!, scanners[area]);
  });
  const bySet = new Map<Scanner<unknown>, Scanner<unknown>>();
  sets.forEach((s, j) => bySet.set(s, new Prescanned(folded, buckets[AREAS.length + j]!, s)));
  return {
    areas,
    set: <T>(scanner: Scanner<T>) => (bySet.get(scanner) as Scanner<T> | undefined) ?? scanner,
  };
}
