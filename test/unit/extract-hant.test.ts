/**
 * A Traditional Chinese (zh-Hant-TW) app policy page, extracted as the
 * content script does (happy-dom) and as the CLI does (linkedom), then
 * analysed: what the reader sees is in the page's own characters.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { htmlInput } from '../../src/cli/load';
import { analyze } from '../../src/core/analyze';
import { extractPage } from '../../src/extract';

const source = readFileSync('test/fixtures/zh-tw-app.html', 'utf8');

function happyDomInput() {
  const window = new Window({
    url: 'http://127.0.0.1:8000/privacy',
    settings: { disableJavaScriptEvaluation: true },
  });
  window.document.write(source);
  const page = extractPage(window.document as unknown as Document);
  return { blocks: page.blocks, title: page.title };
}

const inputs = { 'happy-dom': happyDomInput(), linkedom: htmlInput(source).input } as const;

for (const [dom, input] of Object.entries(inputs)) {
  describe(`a Traditional Chinese policy page (${dom})`, () => {
    const card = analyze(input);

    it('keeps its headings in Traditional characters, each with its topic', () => {
      expect(card.source?.title).toBe('晴天記帳 隱私權政策');
      expect(card.sections.map((s) => [s.heading, s.topic])).toEqual([
        ['晴天記帳 隱私權政策', 'other'],
        ['一、我們蒐集的個人資料', 'collection'],
        ['二、第三方SDK', 'sdks'],
        ['三、我們如何分享您的個人資料', 'sharing'],
        ['四、個人資料的保存期間', 'retention'],
        ['五、您的權利', 'rights'],
        ['六、聯絡我們', 'contact'],
      ]);
    });

    it('reads the SDK table with Taiwan column names', () => {
      expect(card.sdks.map((s) => [s.id, s.category, s.purpose, s.dataTypes])).toEqual([
        ['umeng', 'analytics', '統計App的使用情況並進行崩潰分析', ['device-id', 'network']],
        ['pangle', 'ads', '向您展示個人化廣告', ['location', 'device-id']],
        ['jpush', 'push', '向您推送訊息通知', ['device-id', 'network']],
      ]);
    });

    it('gives routes, the reply code and the address as the page writes them', () => {
      const ways = card.optOut.map((p) => [p.kind, p.target ?? null]);
      expect(ways).toContainEqual(['ad-personalization', '【我的】-【設定】-【隱私】']);
      expect(ways).toContainEqual(['account-deletion', '我的 > 帳戶設定 > 註銷帳號']);
      expect(ways).toContainEqual(['unsubscribe', '回覆「TD」退訂']);
      expect(ways).toContainEqual(['email', 'privacy@qingtian.example.tw']);
    });

    it('reads retention, data types and sharing, quoting the page', () => {
      expect(card.retention.statements.map((s) => [s.kind, s.days ?? null])).toEqual([
        ['stated-period', 1825],
        ['as-long-as-necessary', null],
      ]);
      expect(card.retention.statements[0]!.evidence[0]!.quote).toBe('交易紀錄依法保存五年。');
      const types = card.sensitiveData.map((d) => d.type);
      expect(types).toEqual(
        expect.arrayContaining(['financial', 'location', 'device-id', 'contact-info']),
      );
      expect(card.sharing.affiliates.value).toBe(true);
      expect(card.sharing.sale.value).toBe(false);
      expect(card.sharing.advertising.value).toBe(true);
    });
  });
}
