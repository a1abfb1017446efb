/**
 * User terms from the options page: literals with simple wildcards or
 * regular expressions, checked before use so that nothing a user types can
 * freeze the analysis. Patterns run on bounded chunks (one line, at most
 * CHUNK characters), so even a polynomial pattern stays cheap; patterns that
 * can backtrack exponentially are refused.
 */
import type { CustomTerm } from './settings';
import { regexSlowReason, wildcardSlowReason } from './pattern-safety';

export const MAX_PATTERN_LENGTH = 200;
const CHUNK = 2000;

export type PatternCheck = { ok: true; regex: RegExp } | { ok: false; error: string };

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Turn a literal with `*` and `?` wildcards into a safe regular expression. */
export function wildcardSource(pattern: string): string {
  const body = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '[\\p{L}\\p{N}]{0,30}' : c === '?' ? '[\\p{L}\\p{N}]' : escape(c)))
    .join('')
    .replace(/\s+/g, '\\s+');
  const latinStart = /^[A-Za-z0-9]/.test(pattern.trim());
  const latinEnd = /[A-Za-z0-9]$/.test(pattern.trim());
  return `${latinStart ? '(?<![\\p{L}\\p{N}])' : ''}${body}${latinEnd ? '(?![\\p{L}\\p{N}])' : ''}`;
}

/**
 * Refuse constructs that can backtrack catastrophically: a quantified group
 * that itself contains a quantifier or an alternation ("(a+)+", "(a|aa)*"),
 * back-references, and more than three unbounded quantifiers.
 */
export function unsafeReason(source: string): string | undefined {
  if (/\\[1-9]|\\k</.test(source)) return 'back-references are not allowed';
  const stack: { start: number; inner: boolean }[] = [];
  let unbounded = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      // skip a character class
      i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') {
        if (source[i] === '\\') i++;
        i++;
      }
      continue;
    }
    if (c === '(') stack.push({ start: i, inner: false });
    else if (c === ')') {
      const g = stack.pop();
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      const repeats =
        next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}/.test(source.slice(i + 1)));
      if (g && repeats && g.inner)
        return 'a repeated group contains another repetition or an alternation (catastrophic backtracking)';
      if (g && quantified && stack.length) stack[stack.length - 1]!.inner = true;
      if (g?.inner && stack.length) stack[stack.length - 1]!.inner = true;
    } else if (c === '|' && stack.length) stack[stack.length - 1]!.inner = true;
    else if (c === '*' || c === '+' || (c === '{' && /^\{\d+,\}/.test(source.slice(i)))) {
      unbounded++;
      if (stack.length) stack[stack.length - 1]!.inner = true;
    }
  }
  if (unbounded > 3) return 'too many unbounded repetitions (at most 3)';
  return undefined;
}

/** Check a user pattern and compile it; the error says in words what is wrong. */
export function checkPattern(pattern: string, regex = false): PatternCheck {
  const p = pattern.trim();
  if (!p) return { ok: false, error: 'the pattern is empty' };
  if (p.length > MAX_PATTERN_LENGTH) {
    return { ok: false, error: `the pattern is longer than ${MAX_PATTERN_LENGTH} characters` };
  }
  const source = regex ? p : wildcardSource(p);
  let re: RegExp;
  try {
    re = new RegExp(source, 'giu');
  } catch (e) {
    return { ok: false, error: `not a valid regular expression: ${(e as Error).message}` };
  }
  // Only a pattern that compiles is checked for slow shapes, so syntax errors are named as such.
  const reason = regex ? (unsafeReason(p) ?? regexSlowReason(p)) : wildcardSlowReason(p);
  if (reason) return { ok: false, error: reason };
  if (re.test('')) return { ok: false, error: 'the pattern matches empty text' };
  re.lastIndex = 0;
  return { ok: true, regex: re };
}

export interface UserHit<T> {
  start: number;
  end: number;
  value: T;
}

export interface UserMatcher<T> {
  pattern: string;
  scan(text: string, folded: string, from?: number, to?: number): UserHit<T>[];
}

/** Compile user terms for one area; a term that fails is skipped and reported in `warnings`. */
export function userTermMatchers<T>(
  terms: readonly CustomTerm[],
  resolve: (target: string) => T | undefined,
  warnings: string[],
): UserMatcher<T>[] {
  const out: UserMatcher<T>[] = [];
  for (const term of terms) {
    const value = resolve(term.target);
    if (value === undefined) {
      warnings.push(`Custom term "${term.pattern}" was skipped: unknown target "${term.target}".`);
      continue;
    }
    const check = checkPattern(term.pattern, term.regex);
    if (!check.ok) {
      warnings.push(`Custom term "${term.pattern}" was skipped: ${check.error}.`);
      continue;
    }
    const re = check.regex;
    out.push({
      pattern: term.pattern,
      scan(text, _folded, from = 0, to = text.length) {
        const hits: UserHit<T>[] = [];
        let chunkStart = from;
        while (chunkStart < to) {
          let chunkEnd = text.indexOf('\n', chunkStart);
          if (chunkEnd < 0 || chunkEnd > to) chunkEnd = to;
          if (chunkEnd - chunkStart > CHUNK) chunkEnd = chunkStart + CHUNK;
          const chunk = text.slice(chunkStart, chunkEnd);
          re.lastIndex = 0;
          for (let m = re.exec(chunk); m; m = re.exec(chunk)) {
            if (m[0].length === 0) {
              re.lastIndex++;
              continue;
            }
            hits.push({
              start: chunkStart + m.index,
              end: chunkStart + m.index + m[0].length,
              value,
            });
            if (hits.length > 10_000) return hits;
          }
          chunkStart = chunkEnd === to ? to : chunkEnd + (text[chunkEnd] === '\n' ? 1 : 0);
        }
        return hits;
      },
    });
  }
  return out;
}
