/**
 * Case, width and script folding that keeps every offset: the folded string
 * has the same length as the original, so a match found in the folded text is
 * a match at the same offsets in the original text (quotes stay exact).
 * Traditional Chinese characters fold to Simplified ones (hant.ts), so the
 * rules, written in Simplified Chinese, read both.
 */
import { HANT_PAIRS } from './hant';
import { foldTaiwanWords } from './tw-words';

/** Traditional → Simplified only: what toHans applies. */
const hansTable = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) hansTable[c] = c;
for (let i = 0; i + 1 < HANT_PAIRS.length; i += 2)
  hansTable[HANT_PAIRS.charCodeAt(i)] = HANT_PAIRS.charCodeAt(i + 1);

/** The whole fold: the Traditional pairs (all Han, so no overlap), then case, width and punctuation. */
const table = hansTable.slice();
for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20; // A-Z
for (let c = 0xff01; c <= 0xff5e; c++) {
  // full-width ASCII -> ASCII, then lower case
  let a = c - 0xfee0;
  if (a >= 0x41 && a <= 0x5a) a += 0x20;
  table[c] = a;
}
table[0x3000] = 0x20; // ideographic space
table[0x00a0] = 0x20; // no-break space
for (let c = 0xc0; c <= 0x24f; c++) {
  const lower = String.fromCharCode(c).toLowerCase();
  if (lower.length === 1) table[c] = lower.charCodeAt(0);
}
// Typographic quotes and dashes fold to their plain forms.
for (const c of [0x2018, 0x2019, 0x201b, 0x2032]) table[c] = 0x27;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212]) table[c] = 0x2d;

/**
 * Traditional words whose character is also a Simplified one with another
 * meaning, so the table cannot fold it (瞭望, 覆盖): 瞭解 is 了解, 回覆 and 答覆
 * are 回复 and 答复. Same length, applied after the table.
 */
const HANT_WORDS = /[回答批]覆|瞭(?=解)/g;

/**
 * Written with the character before 覆 in the match rather than in a
 * lookbehind: a pattern that opens with a set of characters is scanned for
 * them natively, one that opens with a lookbehind is tried at every position
 * (0.20 → 0.04 ms on the 89 KB seed, which has 覆盖).
 */
function foldWords(text: string): string {
  HANT_WORDS.lastIndex = 0;
  return text.indexOf('瞭') < 0 && text.indexOf('覆') < 0
    ? text
    : text.replace(HANT_WORDS, (w) => (w.length === 2 ? w[0] + '复' : '了'));
}

/** Fold one UTF-16 code unit. */
export function foldCode(code: number): number {
  return table[code] ?? code;
}

const CHUNK = 4096;

/**
 * A text in which fewer than one Chinese character in this many is
 * Traditional is Simplified (toHans).
 */
const STRAY = 50;

/** Text in which fold() changes nothing but A-Z. */
const PLAIN = /^[\x00-\x7f]*$/;

/**
 * Fold a whole string; the result has exactly the same length. Code units go
 * through a plain array in chunks: String.fromCharCode.apply takes a plain
 * array much faster than a typed one, and far faster than adding characters
 * to a string one by one.
 */
export function fold(text: string): string {
  // ASCII only (most Latin aliases and terms): lower-casing is the whole fold.
  if (PLAIN.test(text)) return text.toLowerCase();
  const n = text.length;
  const parts: string[] = [];
  const chunk: number[] = new Array<number>(Math.min(CHUNK, n));
  for (let i = 0; i < n; i += CHUNK) {
    const m = Math.min(CHUNK, n - i);
    if (m < chunk.length) chunk.length = m;
    for (let j = 0; j < m; j++) chunk[j] = table[text.charCodeAt(i + j)]!;
    parts.push(String.fromCharCode.apply(null, chunk));
  }
  return foldTaiwanWords(text, foldWords(parts.length === 1 ? parts[0]! : parts.join('')));
}

/**
 * The text with its Traditional Chinese characters written in Simplified ones
 * and nothing else changed (case, width, punctuation): the same length and
 * offsets, so patterns written for the original case (outline headings, menu
 * routes, record labels) read Traditional text too while quotes come from
 * the original. The same string when there is nothing to change, and when the
 * text is Simplified with a stray character the table holds (U+8457, in the
 * Simplified word for 'notable'): fewer than one Chinese character in STRAY
 * changes. A Traditional text changes one in four or five.
 */
export function toHans(text: string): string {
  if (PLAIN.test(text)) return text;
  const n = text.length;
  let changed = 0;
  let han = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (hansTable[c] !== c) {
      if (first < 0) first = i;
      changed++;
    }
  }
  if (changed === 0 || changed * STRAY < han) return foldWords(text);
  const parts: string[] = [text.slice(0, first)];
  const chunk: number[] = [];
  for (let k = first; k < n; k += CHUNK) {
    const m = Math.min(CHUNK, n - k);
    chunk.length = m;
    for (let j = 0; j < m; j++) chunk[j] = hansTable[text.charCodeAt(k + j)]!;
    parts.push(String.fromCharCode.apply(null, chunk));
  }
  return foldWords(parts.join(''));
}

/**
 * Strings made from pieces of `view` (a toHans view of `raw`, same length),
 * written back in the characters of `raw`: the same stretch of `raw` when the
 * string is one piece of the view, else each character the view changed is
 * changed back (the first seen wins when two characters share a Simplified one).
 */
export function hantRestorer(view: string, raw: string): (s: string) => string {
  if (view === raw) return (s) => s;
  let back: Map<number, number> | undefined;
  return (s) => {
    if (!back) {
      back = new Map();
      for (let i = 0; i < view.length; i++) {
        const v = view.charCodeAt(i);
        const r = raw.charCodeAt(i);
        if (v !== r && !back.has(v)) back.set(v, r);
      }
    }
    // A piece with no character the view changed is the page's own text.
    let changed = false;
    for (let i = 0; i < s.length && !changed; i++) changed = back.has(s.charCodeAt(i));
    if (!changed) return s;
    const at = view.indexOf(s);
    if (at >= 0) return raw.slice(at, at + s.length);
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out += String.fromCharCode(back.get(c) ?? c);
    }
    return out;
  };
}

/** One string written back (hantRestorer), for a short stretch of text. */
export function restoreHant(s: string, view: string, raw: string): string {
  return view === raw ? s : hantRestorer(view, raw)(s);
}

/** True for a Latin letter or digit (after folding), the characters a word boundary is about. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0xe0 && code <= 0x24f)
  );
}

/** True for a CJK ideograph. */
export function isCjkCode(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}
