/**
 * Length-preserving folding for the SDK matcher: ASCII and full-width Latin
 * letters to lower-case ASCII, ideographic and no-break spaces to a space.
 * Offsets in the folded text are offsets in the original text.
 */

const table = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) table[c] = c;
for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 0x20;
for (let c = 0xff01; c <= 0xff5e; c++) {
  let a = c - 0xfee0;
  if (a >= 0x41 && a <= 0x5a) a += 0x20;
  table[c] = a;
}
table[0x3000] = 0x20;
table[0x00a0] = 0x20;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014]) table[c] = 0x2d;

const SPECIAL = /[\uff01-\uff5e\u3000\u00a0\u2010-\u2014]/g;

function foldSpecial(s: string): string {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(s)) return s;
  return s.replace(SPECIAL, (c) => String.fromCharCode(table[c.charCodeAt(0)]!));
}

/** About how long a piece of text is folded on its own (see foldSdk). */
const PIECE = 16_384;

export function foldSdk(text: string): string {
  // Folded piece by piece and joined once: on a long text each whole-text
  // intermediate copy (lower-cased, then replaced) costs more than the step
  // itself. Pieces end after a line break, which no lower-casing rule looks
  // across (Greek final sigma reads its neighbours).
  const pieces: string[] = [];
  let length = 0;
  for (let i = 0; i < text.length;) {
    const lineBreak = text.indexOf('\n', i + PIECE);
    const end = lineBreak < 0 ? text.length : lineBreak + 1;
    const piece = text.slice(i, end).toLowerCase();
    length += piece.length;
    pieces.push(piece);
    i = end;
  }
  if (length !== text.length) {
    // A few characters (U+0130) grow when lower-cased: fold code unit by code unit.
    let s = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      s += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c + 0x20 : c);
    }
    return foldSpecial(s);
  }
  return pieces.length === 1 ? foldSpecial(pieces[0]!) : pieces.map(foldSpecial).join('');
}

/** Latin letter or digit after folding. */
export function isWordCode(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Any CJK (or other wide East Asian) character. */
export function isCjkCode(code: number): boolean {
  return code >= 0x2e80 && code < 0xfe00;
}

/**
 * The name normalisation of the scoring rules: lower case, full-width to
 * half-width, the word "sdk" and all spaces and punctuation removed.
 */
export function normalizeName(name: string): string {
  return foldSdk(name)
    .replace(/sdk/g, '')
    .replace(/[\s\p{P}\p{S}]/gu, '');
}
