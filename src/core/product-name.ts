/**
 * A product whose name holds a media word: “咪咕视频”, “央视频”, the 西瓜视频 app.
 * Its name says nothing about the user's videos, so a media hit inside it is
 * no evidence. A name counts when the policy writes it quoted and then calls
 * it a service, an app or a client at least once (“咪咕视频”服务, “央视频”客户端), or
 * when the policy's title starts with it (央视频隐私保护政策).
 */

/** The media word a product name may end with. */
const MEDIA_WORD = '视频';
const QUOTED_NAME =
  /[“"「『]([\u4e00-\u9fffA-Za-z0-9]{1,6}视频)[”"」』]\s*(?=服务|客户端|软件|平台|产品|应用|app|APP|App)/g;
const TITLE_NAME =
  /^[\s#*【\[]*([\u4e00-\u9fffA-Za-z0-9]{1,6}视频)(?:app|APP|App)?(?:用户)?(?:隐私|个人信息)/;
/** How far into the text the title may stand. */
const TITLE_REACH = 200;
/** A name's occurrences past this many are not looked up (a bound on the work). */
const MAX_OCCURRENCES = 2000;

/** [start, end) of every occurrence of the product's media-word names in `text`, sorted. */
export function productNameSpans(text: string): [number, number][] {
  if (!text.includes(MEDIA_WORD)) return [];
  const names = new Set<string>();
  QUOTED_NAME.lastIndex = 0;
  for (let m = QUOTED_NAME.exec(text); m; m = QUOTED_NAME.exec(text)) names.add(m[1]!);
  const title = TITLE_NAME.exec(text.slice(0, TITLE_REACH));
  if (title) names.add(title[1]!);
  const spans: [number, number][] = [];
  for (const name of names) {
    let n = 0;
    for (
      let at = text.indexOf(name);
      at >= 0 && n < MAX_OCCURRENCES;
      at = text.indexOf(name, at + name.length), n++
    )
      spans.push([at, at + name.length]);
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Does [start, end) lie inside one of the sorted `spans`? */
export function insideSpans(
  spans: readonly [number, number][],
  start: number,
  end: number,
): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  // the last span that starts at or before `start`
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // overlapping names ("央视频" inside a longer one): look back over the few that start earlier
  for (let i = found; i >= 0 && i > found - 4; i--) if (spans[i]![1] >= end) return true;
  return false;
}
