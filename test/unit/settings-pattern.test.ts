/**
 * Pattern safety before saving (src/settings/pattern-safety.ts): what is
 * refused and why, what is still accepted, and runs of accepted patterns on
 * adversarial text that must finish quickly. Plus the "try before saving" box.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUserPattern, regexSlowReason, tryTerm } from '../../src/settings';
import { checkPattern, userTermMatchers } from '../../src/core/user-terms';

const NESTED =
  'a repeated group contains another repetition or an alternation (catastrophic backtracking)';
const ADJACENT =
  'two repetitions next to each other can match the same text (for example "\\d+\\d+" or ".*x.*"), which can take very long';

const ALIKE =
  'too many alternatives that can start with the same letter, as in "(a|a)(a|a)(a|a)..." (each one doubles the work)';

/** Run a pattern the way the engine does (same compile, same chunks); milliseconds taken. */
function timeScan(pattern: string, regex: boolean, texts: string[]): number {
  const [m] = userTermMatchers(
    [{ area: 'data-type', target: 'health', pattern, regex }],
    () => 1,
    [],
  );
  expect(m).toBeDefined();
  const t = performance.now();
  for (const text of texts) m!.scan(text, text);
  return performance.now() - t;
}

describe('regular expressions refused before saving', () => {
  it.each([
    ['(a+)+$', NESTED],
    ['(a|aa)*b', NESTED],
    ['(a?){25}a{25}', NESTED],
    ['(a{1,2}){1,40}$', NESTED],
    ['(?:a{1,3}){2,30}b', NESTED],
    ['(?:\\w+\\s?)+$', NESTED],
    ['a*a*a*b', ADJACENT],
    ['\\w*\\w*\\w*\\d', ADJACENT],
    ['(?:\\d+)?\\d+x', ADJACENT],
    ['.*x.*y', ADJACENT],
    ['\\w+x\\w+', ADJACENT],
    ['[\\s\\S]*[\\s\\S]*x', ADJACENT],
    ['(?=\\w+\\w+)x', ADJACENT],
    ['a{0,500}b', 'repetition counts above 100 are not allowed'],
    ['a?b?c?d?e?f?g?h', 'too many repetitions (at most 6)'],
    ['(a)\\1', 'back-references are not allowed'],
    ['(?:a|a)'.repeat(16) + 'c', ALIKE],
    ['(?:\\w|a)'.repeat(7), ALIKE],
    ['(?:a|)'.repeat(7) + 'b', ALIKE],
  ])('%s', (p, error) => {
    expect(checkUserPattern(p, true)).toEqual({ ok: false, error });
  });

  it('literal terms: no ** and at most two * wildcards', () => {
    expect(checkUserPattern('a**b')).toEqual({
      ok: false,
      error: 'two * wildcards in a row (one * already stands for any run of letters)',
    });
    expect(checkUserPattern('*?*?*?*?b')).toEqual({
      ok: false,
      error: 'too many * wildcards (at most 2)',
    });
    expect(checkUserPattern('a * * b')).toMatchObject({ ok: false });
    expect(checkUserPattern('a*b*c')).toMatchObject({ ok: true });
  });
});

describe('patterns people write are accepted', () => {
  it.each([
    'credit\\s+scores?',
    'blood\\s+(?:sugar|glucose)\\s+levels?',
    '\\d+\\.\\d+',
    'https?://\\S+',
    '\\w+@\\w+\\.com',
    '个人(?:敏感)?信息',
    '(?<=foo)\\w+',
    '\\p{Script=Han}{2,4}信息',
    '[a-z]+-[a-z]+',
    'e-?mail',
    '(?:ab)+c',
    '.*x',
    '(a+)?b',
    'kept\\s+(?:for|up to)\\s+\\d+ (?:days|months|years)',
    '保存(?:期限)?为?\\d+(?:天|个月|年)',
    '(?:sugar|glucose)(?:levels?|readings?)(?:daily|weekly|monthly)(?:report|log)',
    '(?:a|ab)(?:a|ab)(?:a|ab)(?:a|ab)(?:a|ab)(?:a|ab)c',
  ])('%s', (p) => {
    expect(checkUserPattern(p, true)).toMatchObject({ ok: true });
    expect(regexSlowReason(p)).toBeUndefined();
  });

  it.each(['blood sugar', '血糖*', 'advertising ID?', '个人*信息', 'a*b*c'])('literal %s', (p) => {
    expect(checkUserPattern(p)).toMatchObject({ ok: true });
  });
});

describe('accepted patterns stay fast on adversarial text', () => {
  // Texts made to hurt backtracking: long runs of one letter, near-misses at
  // the end, alternating letters and spaces. 2,000 characters is the engine's chunk.
  const runs = (chars: string[]) =>
    chars.flatMap((c) => [c.repeat(2000), `${c.repeat(1999)}!`, `${c} `.repeat(1000)]);

  it('the patterns above, each on 100,000 characters of adversarial text, well under a second', () => {
    const texts = runs(['a', '1', ' ', 'x']).map((t) => t.repeat(4));
    for (const p of ['(a+)?b', '.*x', '\\w+@\\w+\\.com', '\\d+\\.\\d+', '[a-z]+-[a-z]+']) {
      expect(checkUserPattern(p, true).ok).toBe(true);
      expect(timeScan(p, true, texts), p).toBeLessThan(1500);
    }
    for (const p of ['a*b*c', '*a*b', 'x?x?x?x?x?x?x?x?x?x?y']) {
      expect(checkUserPattern(p).ok).toBe(true);
      expect(timeScan(p, false, texts), p).toBeLessThan(1500);
    }
  });

  it('generated regular expressions: whatever the check accepts runs in bounded time', () => {
    const atom = fc.constantFrom('a', 'b', '\\w', '\\s', '.', '[ab]', '\\d', '[^b]', ' ');
    const quant = fc.constantFrom('', '', '*', '+', '?', '{1,3}', '{2}', '{0,5}', '*?');
    const { seq } = fc.letrec<{ item: string; seq: string }>((tie) => ({
      item: fc.oneof(
        { arbitrary: fc.tuple(atom, quant).map(([a, q]) => a + q), weight: 5 },
        {
          arbitrary: fc
            .tuple(fc.array(tie('seq'), { minLength: 1, maxLength: 2 }), quant)
            .map(([alts, q]) => `(?:${alts.join('|')})${q}`),
          weight: 1,
        },
      ),
      seq: fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((x) => x.join('')),
    }));
    const texts = [...runs(['a', '1', ' ']), 'ab'.repeat(1000), 'aab'.repeat(666)];
    let accepted = 0;
    fc.assert(
      fc.property(seq, (p) => {
        if (!checkUserPattern(p, true).ok) return;
        accepted++;
        // Quadratic in one 2,000-character chunk is tolerated (tens of ms);
        // anything cubic or exponential takes seconds to minutes.
        expect(timeScan(p, true, texts), p).toBeLessThan(2000);
      }),
      { numRuns: 400, seed: 11 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

describe('the checker reads every pattern JavaScript accepts', () => {
  it('never fails to parse a pattern that compiles', () => {
    const ch = fc.constantFrom(...'ab\\()?:=!<>[]^$*+{},12|.dwspukL-中'.split(''));
    let compiled = 0;
    fc.assert(
      fc.property(
        fc.array(ch, { minLength: 1, maxLength: 14 }).map((a) => a.join('')),
        (p) => {
          if (!checkPattern(p, true).ok) return;
          compiled++;
          const reason = regexSlowReason(p);
          expect(reason ?? '', p).not.toMatch(/could not be checked|unbalanced/);
        },
      ),
      { numRuns: 20_000, seed: 5 },
    );
    expect(compiled).toBeGreaterThan(2000);
  });
});

describe('tryTerm: the "try before saving" box', () => {
  it('finds matches with offsets and text, as the engine would', () => {
    const sample = 'We record your blood sugar and Blood  Glucose levels.\n血糖数据会被保存。';
    expect(tryTerm({ area: 'data-type', target: 'health', pattern: 'blood s*' }, sample)).toEqual({
      ok: true,
      matches: [{ start: 15, end: 26, text: 'blood sugar' }],
      truncated: false,
    });
    const re = tryTerm(
      { area: 'data-type', target: 'health', pattern: 'blood\\s+(?:sugar|glucose)', regex: true },
      sample,
    );
    expect(re.ok && re.matches.map((m) => m.text)).toEqual(['blood sugar', 'Blood  Glucose']);
    const zh = tryTerm({ area: 'retention', target: 'stated-period', pattern: '保存' }, sample);
    expect(zh.ok && zh.matches).toEqual([
      { start: sample.indexOf('保存'), end: sample.indexOf('保存') + 2, text: '保存' },
    ]);
  });

  it('explains refusals instead of running', () => {
    expect(
      tryTerm({ area: 'data-type', target: 'health', pattern: '(a+)+$', regex: true }, 'aaaa'),
    ).toEqual({
      ok: false,
      error: NESTED,
    });
    expect(tryTerm({ area: 'opt-out', target: 'health' as never, pattern: 'x' }, 'x')).toEqual({
      ok: false,
      error: '"health" is not a known opt-out target',
    });
  });

  it('cuts long samples and many matches', () => {
    const r = tryTerm({ area: 'data-type', target: 'health', pattern: 'ab' }, 'ab '.repeat(10_000));
    expect(r.ok && r.matches).toHaveLength(200);
    expect(r.ok && r.truncated).toBe(true);
  });
});
