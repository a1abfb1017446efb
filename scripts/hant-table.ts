/**
 * The Traditional → Simplified character pairs of src/core/hant.ts, from the
 * OpenCC dictionaries (via opencc-js, a dev dependency only: the extension
 * ships the generated pairs, never the converter). One character for one
 * character, so folding keeps every offset. Used by scripts/gen-hant.ts and by
 * the test that checks the committed table is what this gives.
 */
import * as OpenCC from 'opencc-js';

const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;

export function hantPairs(): [string, string][] {
  const converters = (['t', 'tw', 'hk'] as const).map((from) =>
    OpenCC.Converter({ from, to: 'cn' }),
  );
  const map = new Map<string, string>();
  for (let c = CJK_FIRST; c <= CJK_LAST; c++) {
    const ch = String.fromCharCode(c);
    for (const convert of converters) {
      const s = convert(ch);
      const code = s.charCodeAt(0);
      if (s.length === 1 && s !== ch && code >= CJK_FIRST && code <= CJK_LAST && !map.has(ch))
        map.set(ch, s);
    }
  }
  // A Simplified character the Simplified → Traditional conversion writes as one
  // the reverse leaves alone (昵 → 暱): fold that one back, when the Simplified
  // character is not itself Traditional.
  const reverse = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  for (let c = CJK_FIRST; c <= CJK_LAST; c++) {
    const ch = String.fromCharCode(c);
    if (map.has(ch)) continue;
    for (const convert of reverse) {
      const t = convert(ch);
      const code = t.charCodeAt(0);
      if (t.length === 1 && t !== ch && code >= CJK_FIRST && code <= CJK_LAST && !map.has(t))
        map.set(t, ch);
    }
  }
  // A character that is the Simplified form of another and one of GB 2312, the
  // Simplified standard set, is Simplified: it stays, and chains end at it
  // (麼 → 么, not on to 幺, so 什么 stays 什么).
  const targets = new Set(map.values());
  const gb2312 = gb2312Hanzi();
  const simplified = (ch: string) => targets.has(ch) && gb2312.has(ch);
  // Follow chains to a character that maps to nothing (薴 → 苧 → 苎); drop cycles.
  const out: [string, string][] = [];
  for (const [from] of map) {
    if (simplified(from)) continue;
    let to = map.get(from)!;
    const seen = new Set([from]);
    while (map.has(to) && !simplified(to) && !seen.has(to)) {
      seen.add(to);
      to = map.get(to)!;
    }
    if (!map.has(to) || simplified(to)) out.push([from, to]);
  }
  return out.sort((a, b) => a[0].charCodeAt(0) - b[0].charCodeAt(0));
}

/** The Chinese characters of GB 2312 (rows 16–87), read through Node's GBK decoder. */
function gb2312Hanzi(): Set<string> {
  const decoder = new TextDecoder('gbk');
  const set = new Set<string>();
  for (let row = 0xb0; row <= 0xf7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (ch.length === 1 && ch.charCodeAt(0) >= CJK_FIRST) set.add(ch);
    }
  return set;
}

/** The pairs as one string: each Traditional character followed by its Simplified one. */
export function hantPairString(): string {
  return hantPairs()
    .map(([t, s]) => t + s)
    .join('');
}
