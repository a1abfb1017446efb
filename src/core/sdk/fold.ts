/**
 * Character classes and name normalisation of the SDK matcher. The matcher
 * reads text folded by the engine's own length-preserving fold
 * (src/core/fold.ts), so the SDK scan sees the same folded text as the rest of
 * the analysis and a caller that has it folds nothing twice.
 */
import { fold } from '../fold';

/** Latin letter or digit after folding. */
export function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Any CJK (or other wide East Asian) character. */
export function isCjkCode(code: number): boolean {
  return code >= 0x2e80 && code < 0xfe00;
}

/**
 * A Chinese character of the page's own (unfolded) text: a CJK ideograph, CJK
 * punctuation ("、", "。") or a full-width form ("（", "，"), which the fold has
 * not made half-width there. Narrower than isCjkCode: no kana, Hangul or radicals.
 */
export function isChineseCode(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef)
  );
}

/**
 * The name normalisation of the scoring rules: lower case, full-width to
 * half-width, the word "sdk" and all spaces and punctuation removed.
 */
export function normalizeName(name: string): string {
  return fold(name)
    .replace(/sdk/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
