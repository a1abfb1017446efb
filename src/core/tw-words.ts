/**
 * Taiwan's words for what the rules name in mainland words. The one file of
 * src/core besides hant.ts written with Traditional characters: the words are
 * read in the original text, so a Simplified text's 资讯 ('news') stays as
 * written, while 瀏覽紀錄 reads as 浏览记录, 位置資訊 位置信息, 簡訊 短信, 搜尋
 * 搜索, 網路 网络, 軟體 软件, 應用程式 应用程序, 相簿 相册, 身分證 身份证 and
 * 行動電話 手机号码. Each replacement has the length of its word, so offsets hold.
 */
const TW_WORDS: Readonly<Record<string, string>> = {
  紀錄: '记录',
  搜尋: '搜索',
  資訊: '信息',
  簡訊: '短信',
  網路: '网络',
  軟體: '软件',
  程式: '程序',
  相簿: '相册',
  身分: '身份',
  行動電話: '手机号码',
};
const TW_WORD = new RegExp(Object.keys(TW_WORDS).join('|'), 'g');
/**
 * The words' Traditional-only characters. A Taiwan text with any of the words
 * has one of them (程式, 相簿 and 身分 have none, but no Taiwan page goes
 * without 資訊 or 網路); a long text without any is not tried word by word,
 * which would cost an 85 KB Simplified policy a third more fold time (its 行,
 * 相, 程 and 身 each start a try).
 */
const TW_CHARS = /[紀錄尋資訊簡網軟體動電話]/;
const SHORT = 256;

/** `folded` (the fold of `text`, same offsets) with the Taiwan words of `text` in mainland words. */
export function foldTaiwanWords(text: string, folded: string): string {
  if (text.length > SHORT && !TW_CHARS.test(text)) return folded;
  TW_WORD.lastIndex = 0;
  let m = TW_WORD.exec(text);
  if (!m) return folded;
  let out = '';
  let at = 0;
  for (; m; m = TW_WORD.exec(text)) {
    out += folded.slice(at, m.index) + TW_WORDS[m[0]]!;
    at = m.index + m[0].length;
  }
  return out + folded.slice(at);
}
