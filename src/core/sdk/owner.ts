/**
 * The policy's own service is never a third-party SDK. Its name is taken
 * from how the opening of the policy introduces the writer: "hereinafter
 * referred to as X", "(\"X\" or \"we\")", "we (X)", "（以下简称“X”）".
 */

const OPENING = 1500;
/** How far a site's menus may push the policy's own title down the page. */
const MENU_REACH = 12_000;
const POLICY_TITLE = /privacy\s+(?:policy|notice|statement)|隐私(?:权)?政策|隐私保护指引/i;

const PATTERNS: RegExp[] = [
  /hereinafter(?:\s+(?:referred\s+to\s+as|called|collectively|jointly))*[\s,:]*([^)）\n]{1,80})/gi,
  /\(\s*(?:collectively\s+)?["“'‘]([^"”’\n]{1,60})["”’']\s*(?:,|or|and)?\s*["“'‘]?(?:we|us|our)\b/gi,
  /["“]([^"”\n]{1,60})["”]\s*,?\s*(?:or\s+)?["“](?:we|us|our)["”]/gi,
  /\bwe\s*\(\s*([^)\n]{1,60})\)/gi,
  // The quoted name only: "（简称“电子银行”，包括手机银行、微信银行）" names 电子银行, not 微信.
  /(?:以下|下文)?(?:简称|下称|统称|合称|称为)(?:为)?[：:]?\s*(?:[“"「『]([^”"」』\n]{1,40})[”"」』]|([^）)\n，,；;“"「『]{1,40}))/g,
  /["“]([^"”\n]{1,40})["”]\s+(?:in\s+this\s+(?:privacy\s+)?(?:statement|policy|notice)\s+)?(?:means|refers\s+to)\b/gi,
  /\bthank\s+you\s+for\s+(?:using|choosing)\s+([^.!?,\n]{1,40})/gi,
  /\bwelcome\s+to\s+([^.!?,\n]{1,40})/gi,
  /欢迎(?:您)?(?:使用|来到|选择)([^，。！,\n]{1,30})/g,
  /\b(?:[Hh]ow|[Ww]hy|[Ww]hat|[Ii]nformation|[Dd]ata)\s+(?:and\s+why\s+)?([A-Z][\w+.&-]*(?:\s+[A-Z][\w+.&-]*){0,3})\s+(?:collects|uses|processes|handles|protects)\b/g,
  // "Adobe (also referred to as "we," "us" or "our")", "(collectively "Amazon")"
  /\b([A-Z][\w+.&-]*(?:\s+[A-Z][\w+.&-]*){0,3})\s*\(\s*(?:also\s+)?(?:referred\s+to\s+(?:as\s+)?)?["“](?:we|us)\b/g,
  /\(\s*collectively,?\s*["“]([^"”\n]{1,40})["”]\s*\)/gi,
];

const PATTERNS_EN = PATTERNS.filter((re) => !/[\u4e00-\u9fff]/.test(re.source));

/** A title line at the very top: "X Privacy Policy", "X隐私政策". */
const TITLE =
  /^[\s#*]*([^\n]{1,60}?)\s*(?:privacy\s+(?:policy|statement|notice)|隐私政策|隐私权政策|隐私保护指引)/i;

/** Text spans (start, end) in the opening that name the policy's owner. */
export function ownerSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  // The opening, and the opening of the policy itself when a site's menus come first.
  // (English only there: a Chinese policy's later "以下简称“X”" names its partners.)
  const windows: [number, number, RegExp[]][] = [[0, OPENING, PATTERNS]];
  const title = POLICY_TITLE.exec(text.slice(OPENING, MENU_REACH));
  if (title) {
    const at = OPENING + title.index;
    windows.push([at, at + OPENING * 2, PATTERNS_EN]);
  }
  for (const [from, to, patterns] of windows) {
    const head = text.slice(from, to);
    for (const re of patterns) {
      re.lastIndex = 0;
      for (let m = re.exec(head); m; m = re.exec(head)) {
        const g = m[1] ?? m[2];
        if (!g) continue;
        const at = from + m.index + m[0].lastIndexOf(g);
        spans.push([at, at + g.length]);
      }
    }
  }
  const t = TITLE.exec(text.slice(0, 200));
  if (t?.[1]) {
    const at = t.index + t[0].indexOf(t[1]);
    spans.push([at, at + t[1].length]);
  }
  return spans;
}
