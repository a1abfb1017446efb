/**
 * The policy's own service is never a third-party SDK. Its name is taken
 * from how the opening of the policy introduces the writer: "hereinafter
 * referred to as X", "(\"X\" or \"we\")", "we (X)", "（以下简称“X”）".
 */

const OPENING = 1500;

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
  /\bhow\s+(?:and\s+why\s+)?([A-Z][\w+.&-]*(?:\s+[A-Z][\w+.&-]*){0,3})\s+(?:collects|uses|processes|handles|protects)\b/g,
];

/** A title line at the very top: "X Privacy Policy", "X隐私政策". */
const TITLE =
  /^[\s#*]*([^\n]{1,60}?)\s*(?:privacy\s+(?:policy|statement|notice)|隐私政策|隐私权政策|隐私保护指引)/i;

/** Text spans (start, end) in the opening that name the policy's owner. */
export function ownerSpans(text: string): [number, number][] {
  const head = text.slice(0, OPENING);
  const spans: [number, number][] = [];
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(head); m; m = re.exec(head)) {
      const g = m[1] ?? m[2];
      if (!g) continue;
      const at = m.index + m[0].lastIndexOf(g);
      spans.push([at, at + g.length]);
    }
  }
  const t = TITLE.exec(text.slice(0, 200));
  if (t?.[1]) {
    const at = t.index + t[0].indexOf(t[1]);
    spans.push([at, at + t[1].length]);
  }
  return spans;
}
