import { describe, expect, it } from 'vitest';
import {
  collapseWithMap,
  indexSegments,
  liesIn,
  locateQuote,
  overlappingSegments,
} from '../../src/eval/text-index';

describe('collapseWithMap', () => {
  it('collapses whitespace runs and maps old offsets to new ones', () => {
    const text = 'ab  c\n\n\td';
    const { text: out, map } = collapseWithMap(text);
    expect(out).toBe('ab c d');
    for (let i = 0; i < text.length; i++) {
      if (!/\s/.test(text[i]!)) expect(out[map[i]!]).toBe(text[i]);
    }
    expect(map[text.length]).toBe(out.length);
  });
});

describe('quotes lying in segments', () => {
  const index = indexSegments([
    { text: 'Privacy  Policy\nof Example', labels: [] },
    { text: 'We keep your data\nfor 30 days.', labels: ['retention'] },
    { text: 'Write to privacy@example.com to opt out.', labels: ['opt-out', 'contact'] },
  ]);

  it('finds a quote with other whitespace than the text', () => {
    const at = locateQuote(index, 'keep your   data for 30 days');
    expect(at).not.toBeNull();
    expect(index.collapsed.text.slice(at!.start, at!.end)).toBe('keep your data for 30 days');
    expect(liesIn(index, at!, ['retention'])).toBe(true);
    expect(liesIn(index, at!, ['opt-out'])).toBe(false);
  });

  it('a quote across a segment boundary overlaps both segments', () => {
    const at = locateQuote(index, '30 days. Write to')!;
    expect(overlappingSegments(index, at).map((s) => [...s.labels])).toEqual([
      ['retention'],
      ['opt-out', 'contact'],
    ]);
    expect(liesIn(index, at, ['retention'])).toBe(true);
    expect(liesIn(index, at, ['contact'])).toBe(true);
  });

  it('touching is not overlapping: a quote ending where a segment starts is not in it', () => {
    const at = locateQuote(index, 'of Example')!;
    expect(liesIn(index, at, ['retention'])).toBe(false);
    expect(overlappingSegments(index, at)).toHaveLength(1);
  });

  it('a quote that is not in the text is not found', () => {
    expect(locateQuote(index, 'we sell your data')).toBeNull();
    expect(locateQuote(index, '   ')).toBeNull();
  });
});

describe('repeated quotes', () => {
  const text = ['We may share data.', 'Intro', 'We may share data.'];
  const index = indexSegments([
    { text: text[0]!, labels: ['sharing'] },
    { text: text[1]!, labels: [] },
    { text: text[2]!, labels: ['sharing-ads'] },
  ]);

  it('takes the first occurrence, or the one inside the given section range', () => {
    const first = locateQuote(index, 'We may share data.')!;
    expect(liesIn(index, first, ['sharing-ads'])).toBe(false);
    const start = index.original.lastIndexOf('We may');
    const near = locateQuote(index, 'We may share data.', { start, end: index.original.length })!;
    expect(liesIn(index, near, ['sharing-ads'])).toBe(true);
  });
});
