import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { fold, foldCode, hantRestorer, toHans } from '../../src/core/fold';
import { HANT_PAIRS } from '../../src/core/hant';
import { analyze } from '../../src/core/analyze';
import { hantPairString } from '../../scripts/hant-table';

const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;

function filesOf(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, ext) : ext.test(path) ? [path] : [];
  });
}
const tsFiles = (dir: string) => filesOf(dir, /\.ts$/);

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
    // a Simplified character is no Traditional one, though a dictionary folds it on (么 → 幺)
    expect(fold('什么、什麼')).toBe('什么、什么');
  });

  it("reads Taiwan's words as the mainland words the rules use, at the same offsets", () => {
    const raw = '我們會蒐集您的瀏覽紀錄、位置資訊、簡訊與行動電話號碼。';
    const folded = fold(raw);
    expect(folded.length).toBe(raw.length);
    expect(folded).toBe('我们会搜集您的浏览记录、位置信息、短信与手机号码号码。');
    // a Simplified text's own 资讯 ('news') and 纪录 ('record', as in 世界纪录) stay as written
    expect(fold('新闻资讯与世界纪录')).toBe('新闻资讯与世界纪录');
    const types = (text: string) =>
      analyze({
        text: '隱私權政策\n\n本政策說明我們如何蒐集您的個人資料。\n\n' + text,
      }).sensitiveData.map((d) => d.type);
    expect(types('我們會蒐集您的瀏覽紀錄與搜尋紀錄。')).toEqual(['browsing']);
    expect(types('我們會蒐集您的交易紀錄。')).toEqual(['financial']);
    expect(types('我們會蒐集您的通話紀錄與簡訊內容。')).toEqual(['communications']);
    expect(types('我們會讀取您的相簿。')).toEqual(['media']);
    expect(types('我們會蒐集您的身分證字號。')).toEqual(['government-id']);
  });

  it('leaves no Traditional-only character in the code of src/core, whose patterns read folded text', () => {
    const found: string[] = [];
    for (const file of tsFiles('src/core')) {
      // the generated character table, and the Taiwan words read in the original text
      if (file.endsWith('/hant.ts') || file.endsWith('/tw-words.ts')) continue;
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

  it('reads every Chinese character of the rules and the catalog as the OpenCC Traditional forms write it', () => {
    const toTraditional = (['tw', 'hk', 't'] as const).map((to) =>
      OpenCC.Converter({ from: 'cn', to }),
    );
    const chars = new Set<string>();
    for (const file of filesOf('src/core', /\.(ts|json)$/)) {
      if (file.endsWith('hant.ts')) continue;
      for (const ch of readFileSync(file, 'utf8')) if (isHan(ch.charCodeAt(0))) chars.add(ch);
    }
    expect(chars.size).toBeGreaterThan(500);
    const lost: string[] = [];
    for (const ch of chars)
      for (const convert of toTraditional) {
        const t = convert(ch);
        if (fold(t) !== fold(ch)) lost.push(`${ch} → ${t} → ${fold(t)}`);
      }
    // 昵 is written 暱, which the Traditional → Simplified dictionaries keep
    expect(lost).toEqual([]);
    expect(fold('暱稱')).toBe('昵称');
  });

  it('folds the Traditional words whose character is also Simplified (回覆, 瞭解), not the character', () => {
    expect(fold('請回覆「TD」，以便您瞭解')).toBe('请回复「td」,以便您了解');
    expect(toHans('答覆')).toBe('答复');
    // 覆 and 瞭 are Simplified characters of their own
    expect(fold('覆盖范围、瞭望')).toBe('覆盖范围、瞭望');
    // only the 覆 right after 回, 答 or 批; the text keeps its length
    expect(toHans('批覆後回覆覆蓋')).toBe('批复后回复覆盖');
    expect(fold('瞭瞭解覆')).toBe('瞭了解覆');
  });
});

describe('toHans: the Traditional view of a text', () => {
  it('changes only Traditional characters, keeping case, width and punctuation', () => {
    const raw = 'App「設定」＞隱私：Reply TD';
    const view = toHans(raw);
    expect(view).toBe('App「设定」＞隐私：Reply TD');
    expect(view.length).toBe(raw.length);
    const simplified = '我的-设置-隐私 Settings';
    expect(toHans(simplified)).toBe(simplified);
    // Simplified text with a stray character the table holds (著 in 显著) is left alone
    const stray = '我们会在显著位置提示您，' + '并在您同意后收集个人信息。'.repeat(5);
    expect(toHans(stray)).toBe(stray);
    expect(toHans('顯著位置')).toBe('显着位置');
  });

  it("writes a piece of the view back in the page's own characters", () => {
    const raw = '您可以進入【我的】-【設定】-【隱私】關閉個人化廣告。';
    const view = toHans(raw);
    const restore = hantRestorer(view, raw);
    expect(restore('【我的】-【设定】-【隐私】')).toBe('【我的】-【設定】-【隱私】');
    // not one piece of the view: character by character
    expect(restore('隐私; 个人化广告')).toBe('隱私; 個人化廣告');
    expect(hantRestorer(raw, raw)('任何')).toBe('任何');
  });
});

describe('a Traditional app policy reads as its Simplified twin', () => {
  const text = readFileSync('test/fixtures/text/zh-tw-app-policy.txt', 'utf8');
  const card = analyze({ text });
  const twin = analyze({ text: OpenCC.Converter({ from: 'twp', to: 'cn' })(text) });

  it("finds its title and outline headings in the page's characters", () => {
    expect(card.source?.title).toBe('晴天記帳App隱私權政策');
    expect(card.detection.isPolicy).toBe(true);
    const headings = card.sections.filter((s) => s.level > 0).map((s) => s.heading);
    expect(headings).toContain('二、第三方SDK');
    expect(headings).toContain('三、您如何管理您的個人資料');
  });

  it('reads the SDK records, their Taiwan labels (蒐集的資訊) and their purposes', () => {
    const sdks = card.sdks.map((s) => [s.id, s.purpose, [...s.dataTypes].sort()]);
    expect(sdks).toEqual([
      ['umeng', '統計App的使用情況並進行崩潰分析', ['device-id', 'network']],
      ['pangle', '向您展示個人化廣告', ['device-id', 'location']],
    ]);
  });

  it('gives routes and the reply code in Traditional characters', () => {
    const ways = card.optOut.map((p) => [p.kind, p.target ?? null]);
    expect(ways).toContainEqual(['ad-personalization', '【我的】-【設定】-【隱私】']);
    expect(ways).toContainEqual(['unsubscribe', '回覆「TD」退訂']);
  });

  it('reads a Taiwan retention period (所需的期間) and no period in a reply deadline (十五個工作日內回覆)', () => {
    expect(card.retention.statements.map((s) => [s.kind, s.days ?? null])).toEqual([
      ['until-deletion', null],
      ['as-long-as-necessary', null],
    ]);
  });

  it('collects the same data types as the Simplified text, nickname (暱稱) included', () => {
    const types = (c: typeof card) => c.sensitiveData.map((d) => [d.type, d.party]);
    expect(types(card)).toContainEqual(['contact-info', 'first']);
    expect(types(card)).toEqual(types(twin));
    expect(card.sdks.map((s) => s.id)).toEqual(twin.sdks.map((s) => s.id));
    expect(card.optOut.map((p) => p.kind)).toEqual(twin.optOut.map((p) => p.kind));
    expect(card.retention.statements.map((s) => s.kind)).toEqual(
      twin.retention.statements.map((s) => s.kind),
    );
  });
});

describe('a Hong Kong policy (私隱, 個人資料, 直接促銷)', () => {
  const text = readFileSync('test/fixtures/text/zh-hk-policy.txt', 'utf8');
  const card = analyze({ text });

  it('is a policy by its Hong Kong title and vocabulary', () => {
    expect(card.detection.isPolicy).toBe(true);
    expect(card.detection.signals).toContain('title names a privacy policy');
    expect(card.source?.title).toBe('私隱政策聲明');
    expect(card.sections.find((s) => s.heading === '5. 資料保安')?.topic).toBe('security');
  });

  it('reads its data, transfer out of Hong Kong, retention and ways out', () => {
    expect(card.sensitiveData.map((d) => d.type)).toEqual(
      expect.arrayContaining(['device-id', 'network', 'contact-info']),
    );
    expect(card.sharing.crossBorder.value).toBe(true);
    expect(card.sharing.crossBorder.evidence[0]!.quote).toContain('香港以外');
    expect(card.sharing.sale.value).toBe(false);
    expect(card.retention.summary).toBe('as-long-as-necessary');
    const ways = card.optOut.map((p) => [p.kind, p.target ?? null]);
    expect(ways).toContainEqual(['unsubscribe', null]);
    expect(ways).toContainEqual(['email', 'privacy@example.com.hk']);
    expect(ways).toContainEqual(['phone', '(852) 2345 6789']);
    expect(ways).toContainEqual(['browser-control', null]);
  });
});
