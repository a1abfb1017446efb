import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, foldCode } from '../../src/core/fold';

/** fold() one code unit at a time through the table: what both of its paths must give. */
function byTable(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
  return out;
}

describe('fold', () => {
  it('folds every UTF-16 code unit as its table says, inside plain text and inside other text', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      // "Ab" alone takes the lower-casing path when ch is ASCII; "隐" and "（" force the table
      for (const text of [`Ab隐${ch}`, `（Ab${ch}`]) {
        if (fold(text) !== byTable(text)) wrong.push(c.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the length and folds case, full width, spaces, quotes and dashes', () => {
    expect(fold('Ｇｏｏｇｌｅ\u3000Ads’ – ÉTÉ')).toBe("google ads' - été");
    expect(fold('友盟+ SDK')).toBe('友盟+ sdk');
    expect(fold('')).toBe('');
  });

  it('gives the table fold on whole seeds, longer than one chunk', () => {
    for (const name of readdirSync('../shared/seeds').filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(`../shared/seeds/${name}`, 'utf8');
      const folded = fold(text);
      expect(folded.length).toBe(text.length);
      expect(folded === byTable(text)).toBe(true);
    }
  });
});
