import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findSdks } from '../../src/core/sdk';
import { ctxFor } from './sdk-helpers';

const dir = fileURLToPath(new URL('../data/neutral/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const texts = files.map((f) => readFileSync(dir + f, 'utf8'));

describe('no SDK in ordinary prose', () => {
  it('the neutral corpus is at least 50 KB of English and Chinese prose', () => {
    const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
    expect(bytes).toBeGreaterThanOrEqual(50_000);
    expect(files.some((f) => f.startsWith('en-'))).toBe(true);
    expect(files.some((f) => f.startsWith('zh-'))).toBe(true);
    // The prose really contains the words a careless matcher trips on.
    const all = texts.join('\n');
    for (const w of [
      'branch',
      'segment',
      'adjust',
      'Unity',
      'singular',
      'Amazon',
      'apple pie',
      'mango',
      'Octopus',
      'Facebook',
      'Apple',
      '小米粥',
      '芒果',
      '章鱼',
      '京东方',
      '极光',
      '穿山甲',
      '每个推送',
      '一个推荐',
      '方格',
      '快手',
      '微信',
    ])
      expect(all).toContain(w);
  });

  it.each(files)('%s gives no SDK', (f) => {
    const text = readFileSync(dir + f, 'utf8');
    expect(findSdks(text, ctxFor())).toEqual([]);
  });

  it('the whole corpus as one text gives no SDK', () => {
    expect(findSdks(texts.join('\n\n'), ctxFor())).toEqual([]);
  });
});
