import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, foldCode } from '../../src/core/fold';
import { HANT_PAIRS } from '../../src/core/hant';
import { analyze } from '../../src/core/analyze';
import { hantPairString } from '../../scripts/hant-table';

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('Traditional Chinese folds to Simplified', () => {
  it('is the table the generator gives from the OpenCC dictionaries, one character for one', () => {
    expect(HANT_PAIRS).toBe(hantPairString());
    expect(HANT_PAIRS.length % 2).toBe(0);
    for (let i = 0; i < HANT_PAIRS.length; i += 2) {
      const to = HANT_PAIRS.charCodeAt(i + 1);
      // every target is Simplified already: folding twice changes nothing
      expect(foldCode(to)).toBe(to);
    }
  });

  it('keeps offsets and reads Traditional words as the rules write them', () => {
    const text = '隱私權政策：個人資料之蒐集、刪除帳號、關係企業、點選「取消訂閱」';
    const folded = fold(text);
    expect(folded.length).toBe(text.length);
    expect(folded).toBe('隐私权政策:个人资料之搜集、删除帐号、关系企业、点选「取消订阅」');
    // Simplified text is left as it is
    expect(fold('隐私政策与个人信息保护')).toBe('隐私政策与个人信息保护');
  });

  it('leaves no Traditional-only character in the code of src/core, whose patterns read folded text', () => {
    const found: string[] = [];
    for (const file of tsFiles('src/core')) {
      if (file.endsWith('hant.ts')) continue;
      const src = readFileSync(file, 'utf8');
      for (const ch of new Set(src)) {
        const c = ch.charCodeAt(0);
        if (isHan(c) && foldCode(c) !== c) found.push(`${file}: ${ch}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('gives a Traditional policy its sections, retention, ways out and sharing', () => {
    const text = readFileSync('test/fixtures/text/zh-tw-policy.txt', 'utf8');
    const card = analyze({ text, title: '隱私權政策' });
    expect(card.language).toBe('zh');
    expect(card.detection.isPolicy).toBe(true);
    expect(card.sections.filter((s) => s.level > 0).map((s) => s.topic)).toEqual([
      'collection',
      'cookies',
      'sharing',
      'retention',
      'rights',
    ]);
    expect(card.retention.statements.map((s) => [s.kind, s.days ?? null])).toEqual([
      ['stated-period', 1825],
      ['until-deletion', null],
    ]);
    const ways = card.optOut.map((p) => [p.kind, p.target ?? null]);
    expect(ways).toContainEqual(['account-deletion', '會員中心 > 帳戶設定 > 刪除帳號']);
    expect(ways).toContainEqual(['unsubscribe', null]);
    expect(ways).toContainEqual(['phone', '(02) 2345-6789']);
    expect(ways).toContainEqual(['browser-control', null]);
    expect(card.sharing.advertising.value).toBe(true);
    expect(card.sharing.affiliates.value).toBe(true);
    expect(card.sharing.crossBorder.value).toBe(true);
    expect(card.sharing.sale.value).toBe(false);
    // quotes are the page's own Traditional text
    expect(card.sharing.affiliates.evidence[0]!.quote).toContain('關係企業');
  });
});
