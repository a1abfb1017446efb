/** Language, sentences and quotes: the text-level helpers every area uses. */
import type { Language } from './types';
import { isCjkCode } from './fold';

/** Decide the language from the share of CJK characters among letters. */
export function detectLanguage(text: string, sample = 200_000): Language {
  let cjk = 0;
  let latin = 0;
  const n = Math.min(text.length, sample);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) cjk++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  // A CJK character carries about as much as a 3-4 letter word.
  const zhWeight = cjk * 3;
  const total = zhWeight + latin;
  if (total < 20) return 'other';
  const share = zhWeight / total;
  if (share >= 0.8) return 'zh';
  if (share <= 0.15) return latin > 0 ? 'en' : 'other';
  // Both scripts: a bilingual page has long runs of each; a Chinese text
  // with English product names is still Chinese.
  return share >= 0.65 ? 'zh' : share <= 0.3 ? 'en' : 'mixed';
}

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'no',
  'nos',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'u.s',
  'u.k',
  'approx',
  'art',
  'sec',
  'para',
  'fig',
  'jr',
  'sr',
  'llc',
]);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
}

/**
 * True for exactly the UTF-16 code units the regex class \s matches. A code
 * test, not /\s/.test(text[i]), for loops that walk many characters.
 */
export function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Split text[from, to) (one line) into sentences. Terminators: 。！？；!?;
 * always; "." when followed by a space and not closing an abbreviation or a
 * number such as "1.2". A line break always ends a sentence (callers pass lines).
 */
export function splitSentences(text: string, from: number, to: number, out: Span[]): void {
  let s = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let cut = false;
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b) cut = true;
    else if (c === 0x21 || c === 0x3f || c === 0x3b)
      cut = i + 1 >= to || isSpace(text.charCodeAt(i + 1));
    else if (c === 0x2e) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : 0x20;
      if (isSpace(next) || next === 0x201d || next === 0x22 || i + 1 >= to) {
        // the word before the dot
        let w = i - 1;
        while (w >= s && !isSpace(text.charCodeAt(w)) && text.charCodeAt(w) !== 0x28) w--;
        const word = text.slice(w + 1, i).toLowerCase();
        const isNumberItem = /^[0-9]{1,2}$|^[ivx]{1,4}$|^[a-z]$/.test(word) && w + 1 === s;
        if (!ABBREVIATIONS.has(word) && !isNumberItem && word.length > 0) cut = true;
      }
    }
    if (cut) {
      let e = i + 1;
      // keep closing quotes and brackets with the sentence
      while (e < to && /[”’"')）】」』]/.test(text[e]!)) e++;
      pushTrimmed(text, s, e, out);
      s = e;
      i = e - 1;
    }
  }
  pushTrimmed(text, s, to, out);
}

/**
 * The longest sentence the engine reads as one. A longer run of text without a
 * sentence end (a table flattened into one line, hostile input) is cut at the
 * last space or clause break before the limit, so that every per-sentence step
 * costs at most this much, whatever the input.
 */
export const MAX_SENTENCE = 1200;

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  while (end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    const floor = start + (MAX_SENTENCE >> 1);
    let p = cut;
    while (p > floor && !isSpace(text.charCodeAt(p - 1)) && !CLAUSE_BREAK.test(text[p - 1]!)) p--;
    if (p > floor) cut = p;
    else if (isLowSurrogate(text.charCodeAt(cut))) cut--; // never split a surrogate pair
    pushTrimmed(text, start, cut, out);
    start = cut;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  if (end > start) out.push({ start, end });
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

const CLAUSE_BREAK = /[，,；;：:、]/;

/**
 * The quote for a hit at [start, end) inside sentence [sStart, sEnd): the
 * whole sentence when it is short enough, else a window of whole clauses
 * around the hit, never longer than `max`.
 */
export function quoteSpan(
  text: string,
  sStart: number,
  sEnd: number,
  start: number,
  end: number,
  max = 300,
): Span {
  if (sEnd - sStart <= max) return { start: sStart, end: sEnd };
  let a = Math.max(sStart, Math.min(start, end - max));
  let b = Math.min(sEnd, Math.max(end, a + 1));
  // grow by clauses on both sides while within max
  const budget = max;
  let left = a;
  let right = b;
  for (let grow = true; grow;) {
    grow = false;
    if (left > sStart) {
      let p = left - 1;
      const floor = Math.max(sStart, right - budget);
      while (p > floor && !CLAUSE_BREAK.test(text[p - 1]!)) p--;
      if (right - p <= budget) {
        left = p;
        grow = true;
      }
    }
    if (right < sEnd) {
      let q = right + 1;
      const ceiling = Math.min(sEnd, left + budget);
      while (q < ceiling && !CLAUSE_BREAK.test(text[q - 1]!)) q++;
      if (q - left <= budget) {
        right = q;
        grow = true;
      }
    }
  }
  a = left;
  b = right;
  if (b - a > max) {
    // a single clause longer than max: cut around the hit on word boundaries
    const mid = Math.floor((start + end) / 2);
    a = Math.max(sStart, mid - Math.floor(max / 2));
    b = Math.min(sEnd, a + max);
  }
  // Growing stops at the length limit, which may fall inside a word: never
  // start or end a quote with part of a word.
  while (a < start && a > sStart && /\w/.test(text[a - 1]!) && /\w/.test(text[a]!)) a++;
  while (b > end && b < sEnd && /\w/.test(text[b]!) && /\w/.test(text[b - 1]!)) b--;
  const out: Span[] = [];
  pushTrimmed(text, a, b, out);
  return out[0] ?? { start, end };
}

/** The [start, end) spans of a global regex's matches in `text`, shifted by `offset`. */
export function spansOf(re: RegExp, text: string, offset = 0): [number, number][] {
  const spans: [number, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text))
    spans.push([offset + m.index, offset + m.index + m[0].length]);
  return spans;
}
