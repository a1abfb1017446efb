/**
 * The term automaton against a plain search: for every term, every place it
 * occurs with its boundaries, in the automaton's order (by where the term ends,
 * longer terms first, then in the order given). Checked on hand-made terms that
 * share prefixes and suffixes, and on the real combined rule set over a seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/core/compile';
import { fold, isWordCode } from '../../src/core/fold';
import { TermMatcher, type TermSpec } from '../../src/core/matcher';

interface Row {
  start: number;
  end: number;
  term: string;
  index: number;
}

/** Every hit of every spec by indexOf, ordered as the automaton reports them. */
function plainSearch(specs: readonly TermSpec<unknown>[], folded: string): Row[] {
  const rows: (Row & { literalEnd: number; length: number })[] = [];
  specs.forEach((spec, index) => {
    let raw = spec.term.trim();
    const prefix = raw.endsWith('*');
    if (prefix) raw = raw.slice(0, -1);
    const term = fold(raw);
    if (!term) return;
    const left = isWordCode(term.charCodeAt(0));
    const right = !prefix && isWordCode(term.charCodeAt(term.length - 1));
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      const literalEnd = at + term.length;
      if (left && at > 0 && isWordCode(folded.charCodeAt(at - 1))) continue;
      if (right && literalEnd < folded.length && isWordCode(folded.charCodeAt(literalEnd)))
        continue;
      let end = literalEnd;
      if (prefix) while (end < folded.length && isWordCode(folded.charCodeAt(end))) end++;
      rows.push({ start: at, end, term: spec.term, index, literalEnd, length: term.length });
    }
  });
  rows.sort((a, b) => a.literalEnd - b.literalEnd || b.length - a.length || a.index - b.index);
  return rows.map(({ start, end, term, index }) => ({ start, end, term, index }));
}

function automatonSearch(specs: readonly TermSpec<number>[], folded: string): Row[] {
  return new TermMatcher(specs)
    .scan(folded)
    .map((h) => ({ start: h.start, end: h.end, term: h.term, index: h.value }));
}

const numbered = (terms: string[]): TermSpec<number>[] =>
  terms.map((term, value) => ({ term, value }));

describe('TermMatcher', () => {
  it('finds overlapping terms through failure and output links', () => {
    const specs = numbered(['he', 'she', 'his', 'hers', 'share', 'har*', 'ushers', 'HE']);
    const text = fold('Ushers: she said his share of hers; he harvested. ushersX sheer');
    const got = automatonSearch(specs, text);
    expect(got).toEqual(plainSearch(specs, text));
    // the same folded term twice keeps both, in the order given
    expect(got.filter((r) => r.term === 'he' || r.term === 'HE').map((r) => r.index)).toEqual([
      0, 7,
    ]);
    const at = text.indexOf('harvested');
    expect(got.find((r) => r.term === 'har*')).toMatchObject({ start: at, end: at + 9 });
  });

  it('reports a term reached only through a failure target that ends no term itself', () => {
    // after 甲乙丙丁 the failure target is 乙丙丁 (a prefix of 乙丙丁己, no term); 丙丁 still ends here
    const specs = numbered(['甲乙丙丁戊', '乙丙丁己', '丙丁']);
    const text = fold('甲乙丙丁');
    expect(automatonSearch(specs, text)).toEqual([{ start: 2, end: 4, term: '丙丁', index: 2 }]);
    expect(automatonSearch(specs, text)).toEqual(plainSearch(specs, text));
  });

  it('matches Chinese terms anywhere and Latin ones on word boundaries', () => {
    const specs = numbered(['个人信息', '信息', '敏感个人信息', '位置', 'gps', 'ip地址', '地址']);
    const text = fold('我们收集您的敏感个人信息、位置信息与IP地址，gpsx不算，GPS算。');
    const got = automatonSearch(specs, text);
    expect(got).toEqual(plainSearch(specs, text));
    expect(got.map((r) => r.term)).toEqual([
      '敏感个人信息',
      '个人信息',
      '信息',
      '位置',
      '信息',
      'ip地址',
      '地址',
      'gps',
    ]);
  });

  it('stops at the limit and scans a range', () => {
    const m = new TermMatcher(numbered(['data', 'personal data']));
    const text = fold('personal data and more data');
    expect(m.scan(text, 0, text.length, 1)).toHaveLength(1);
    expect(m.scan(text, 14).map((h) => h.start)).toEqual([23]);
    expect(m.test(text, 14, 20)).toBe(false);
  });

  it('gives the combined rule automaton the same hits as a plain search on a seed', () => {
    const combined = compileRules().combined.automaton;
    const specs = combined.specs.map((s, value) => ({ term: s.term, value }));
    for (const seed of ['000_d2bc5e15483c121b.txt', '004_6d18322d91601ab7.txt']) {
      const text = fold(readFileSync(`../shared/seeds/${seed}`, 'utf8'));
      const got = automatonSearch(specs, text);
      expect(got.length).toBeGreaterThan(500);
      expect(got).toEqual(plainSearch(specs, text));
    }
  });
});
