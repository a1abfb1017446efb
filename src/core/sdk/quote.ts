/** Quote and scope spans around a mention, always inside the text. */

const MAX_QUOTE = 300;
const SENTENCE_END = /[。！？；!?;]/;

/** How far a line is looked at around a mention (keeps huge one-line texts linear). */
const REACH = 1000;

export function lineBounds(text: string, a: number, b: number): [number, number] {
  const lo = Math.max(0, a - REACH);
  let ls = a;
  while (ls > lo && text.charCodeAt(ls - 1) !== 10) ls--;
  const hi = Math.min(text.length, b + REACH);
  let le = b;
  while (le < hi && text.charCodeAt(le) !== 10) le++;
  return [ls, le];
}

function isSentenceBreak(text: string, i: number): boolean {
  const c = text[i]!;
  if (SENTENCE_END.test(c)) return true;
  return (
    c === '.' &&
    i + 1 < text.length &&
    /\s/.test(text[i + 1]!) &&
    !/\b(?:Co|Ltd|Inc|e\.g|i\.e|etc|No|Mr|Ms|Dr)$/i.test(text.slice(Math.max(0, i - 4), i))
  );
}

/** Start of the sentence containing offset `a` (within its line). */
export function sentenceStartBefore(text: string, a: number): number {
  const [ls] = lineBounds(text, a, a);
  let s = a;
  while (s > ls && a - s < 400 && !isSentenceBreak(text, s - 1)) s--;
  return s;
}

/** The sentence (within its line) around [a, b), at most 300 chars, trimmed; null if empty. */
export function quoteSpan(text: string, a: number, b: number): [number, number] | null {
  const [ls, le] = lineBounds(text, a, b);
  let s = a;
  while (s > ls && a - s < MAX_QUOTE && !isSentenceBreak(text, s - 1)) s--;
  let e = b;
  while (e < le && e - s < MAX_QUOTE && !isSentenceBreak(text, e)) e++;
  if (e < le && SENTENCE_END.test(text[e]!)) e++;
  else if (e < le && text[e] === '.') e++;
  if (e - s > MAX_QUOTE) {
    // Keep the mention, centre the window on it.
    const room = MAX_QUOTE - (b - a);
    if (room <= 0) {
      s = a;
      e = a + MAX_QUOTE;
    } else {
      s = Math.max(s, a - Math.floor(room / 2));
      e = Math.min(e, s + MAX_QUOTE);
    }
  }
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? [s, e] : null;
}

/**
 * Where the data scope of a mention ends: the end of its paragraph (line),
 * or, when that line introduces a list ("as follows:"), a few lines further.
 */
export function scopeEnd(text: string, b: number): number {
  const le = lineBounds(text, b, b)[1];
  let end = Math.min(le, b + 600);
  if (end === le && /[:：]\s*$/.test(text.slice(Math.max(b, le - 3), le))) {
    let stop = le;
    for (let k = 0; k < 3 && stop < text.length; k++)
      stop = lineBounds(text, stop + 1, stop + 1)[1];
    end = Math.min(stop, b + 1500);
  }
  return end;
}
