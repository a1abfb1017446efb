/**
 * The Traditional Chinese (Taiwan) interface messages, written from the
 * Simplified ones: OpenCC's Simplified → Taiwan character conversion (cn → tw,
 * through opencc-js, a dev dependency only), then the Taiwan words below.
 * OpenCC's own phrase table (twp) is not used: it turns 注销账号 (close the
 * account) into 登出賬號 (log out) and 保存期限 into 儲存期限. Used by
 * scripts/gen-locales.ts and by the test that checks the committed
 * public/_locales/zh_TW is what this gives.
 */
import * as OpenCC from 'opencc-js';

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, Entry>;

/** Mainland words (in Traditional characters) and the Taiwan ones, longest first. */
export const TAIWAN_WORDS: readonly (readonly [string, string])[] = [
  ['個人信息', '個人資料'],
  ['信息', '資訊'],
  ['數據', '資料'],
  ['設置', '設定'],
  ['鏈接', '連結'],
  ['網絡', '網路'],
  ['打開', '開啟'],
  ['登錄', '登入'],
  ['短信', '簡訊'],
  ['設備', '裝置'],
  ['搜索', '搜尋'],
  ['界面', '介面'],
  ['聯繫', '聯絡'],
  ['用戶', '使用者'],
  ['擴展', '擴充功能'],
  ['刷新', '重新整理'],
  ['文件', '檔案'],
  ['賬號', '帳號'],
  ['賬戶', '帳戶'],
  ['默認', '預設'],
  ['軟件', '軟體'],
  ['程序', '程式'],
  ['視頻', '影片'],
  ['質量', '品質'],
];

export function zhTwCatalog(zhCn: Catalog): Catalog {
  const chars = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const convert = (s: string) =>
    TAIWAN_WORDS.reduce((text, [mainland, taiwan]) => text.replaceAll(mainland, taiwan), chars(s));
  const out: Catalog = {};
  for (const [key, entry] of Object.entries(zhCn)) {
    // Placeholders ($COUNT$, $1) are ASCII and pass through unchanged.
    const next: Entry = { ...entry, message: convert(entry.message) };
    if (entry.description !== undefined) next.description = convert(entry.description);
    out[key] = next;
  }
  return out;
}

export function zhTwCatalogText(zhCnText: string): string {
  return JSON.stringify(zhTwCatalog(JSON.parse(zhCnText) as Catalog), null, 2) + '\n';
}
