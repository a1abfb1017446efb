/**
 * src/core/user-terms.ts: how user patterns are checked and run by the
 * engine. The last group records patterns checkPattern() lets through although
 * they backtrack for seconds on one 2,000-character chunk; the settings layer
 * refuses them before saving (settings-pattern.test.ts). If checkPattern() is
 * made stricter, those expectations flip and this file should be updated.
 */
import { describe, expect, it } from 'vitest';
import {
  checkPattern,
  MAX_PATTERN_LENGTH,
  unsafeReason,
  userTermMatchers,
  wildcardSource,
} from '../../src/core/user-terms';
import type { CustomTerm } from '../../src/core/settings';

function scan(pattern: string, text: string, regex = false): string[] {
  const warnings: string[] = [];
  const [m] = userTermMatchers<string>(
    [{ area: 'data-type', target: 'health', pattern, regex }],
    (t) => t,
    warnings,
  );
  expect(warnings).toEqual([]);
  return m!.scan(text, text).map((h) => text.slice(h.start, h.end));
}

describe('checkPattern', () => {
  it('refuses empty, overlong, invalid and empty-matching patterns, in words', () => {
    expect(checkPattern('   ')).toEqual({ ok: false, error: 'the pattern is empty' });
    expect(checkPattern('x'.repeat(MAX_PATTERN_LENGTH + 1))).toEqual({
      ok: false,
      error: 'the pattern is longer than 200 characters',
    });
    expect(checkPattern('x'.repeat(MAX_PATTERN_LENGTH)).ok).toBe(true);
    const bad = checkPattern('credit(score', true);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/^not a valid regular expression: /);
    expect(checkPattern('a*', true)).toEqual({
      ok: false,
      error: 'the pattern matches empty text',
    });
  });

  it.each([
    [
      '(a+)+$',
      'a repeated group contains another repetition or an alternation (catastrophic backtracking)',
    ],
    [
      '(a|aa)*b',
      'a repeated group contains another repetition or an alternation (catastrophic backtracking)',
    ],
    [
      '(?:x*y)+',
      'a repeated group contains another repetition or an alternation (catastrophic backtracking)',
    ],
    ['(a)\\1', 'back-references are not allowed'],
    ['a+b+c+d+e', 'too many unbounded repetitions (at most 3)'],
  ])('refuses the regex %s', (p, error) => {
    expect(checkPattern(p, true)).toEqual({ ok: false, error });
    expect(unsafeReason(p)).toBe(error);
  });

  it('treats regex characters in a literal term as plain text', () => {
    const c = checkPattern('(a+)+$');
    expect(c.ok).toBe(true);
    expect(scan('C++ (beta)', 'we use C++ (beta) tools')).toEqual(['C++ (beta)']);
  });
});

describe('wildcards', () => {
  it('* stands for a run of letters, ? for one, spaces for any spacing', () => {
    expect(scan('blood sugar*', 'Blood  sugars and blood sugar-levels')).toEqual([
      'Blood  sugars',
      'blood sugar',
    ]);
    // ? is exactly one letter: not zero, not a space.
    expect(scan('colo?r', 'color colour colr colo r')).toEqual(['colour']);
  });

  it('latin terms match whole words only; Chinese terms match inside text', () => {
    expect(scan('health', 'healthy health')).toEqual(['health']);
    expect(scan('血糖', '我们收集您的血糖数据')).toEqual(['血糖']);
    expect(scan('个人*信息', '收集个人敏感信息，以及个人信息')).toEqual([
      '个人敏感信息',
      '个人信息',
    ]);
    // * is greedy over letters (up to 30), and Chinese text has no spaces to stop it.
    expect(scan('个人*信息', '个人敏感信息和个人信息')).toEqual(['个人敏感信息和个人信息']);
    expect(wildcardSource('a*b')).toBe(
      '(?<![\\p{L}\\p{N}])a[\\p{L}\\p{N}]{0,30}b(?![\\p{L}\\p{N}])',
    );
  });
});

describe('userTermMatchers', () => {
  it('skips terms that fail and says why, keeping the rest', () => {
    const terms: CustomTerm[] = [
      { area: 'data-type', target: 'health', pattern: '(a+)+', regex: true },
      { area: 'data-type', target: 'nonsense' as CustomTerm['target'], pattern: 'x' },
      { area: 'data-type', target: 'health', pattern: 'glucose' },
    ];
    const warnings: string[] = [];
    const ms = userTermMatchers<string>(terms, (t) => (t === 'health' ? t : undefined), warnings);
    expect(ms.map((m) => m.pattern)).toEqual(['glucose']);
    expect(warnings).toEqual([
      'Custom term "(a+)+" was skipped: a repeated group contains another repetition or an alternation (catastrophic backtracking).',
      'Custom term "x" was skipped: unknown target "nonsense".',
    ]);
  });

  it('runs line by line: a match never spans a line break', () => {
    expect(scan('blood\\s+sugar', 'blood\nsugar and blood  sugar', true)).toEqual(['blood  sugar']);
  });
});

describe('patterns that backtrack for long are refused by the engine too', () => {
  it.each([
    ['(a{1,2}){1,40}$', 'a repeated group with bounded repetitions inside: exponential'],
    ['(?:a{1,3}){2,30}b', 'the same, with a non-capturing group'],
    ['(a?){25}a{25}', 'the textbook exponential case with a fixed count'],
    ['a*a*a*b', 'three overlapping repetitions: n^4 on one chunk'],
    ['(?:\\d+)?\\d+x', 'two overlapping repetitions across an optional group'],
    ['a{0,99}a{0,99}a{0,99}a{0,99}b', 'bounded repetitions are not counted at all'],
    [
      '(?:a|a)'.repeat(28) + 'c',
      'alternations that start alike, in sequence: 2^28 tries per start',
    ],
  ])('checkPattern refuses %s (%s)', (p) => {
    expect(checkPattern(p, true).ok).toBe(false);
  });

  it.each([['a**********b'], ['*?*?*?*?b']])(
    'checkPattern refuses the literal term %s (31^n backtracking)',
    (p) => {
      expect(checkPattern(p, false).ok).toBe(false);
    },
  );
});
