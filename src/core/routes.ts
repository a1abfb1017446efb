/**
 * Settings routes in a sentence: "Me -> Account and Security",
 * "我的-设置-隐私", "“设置”>“隐私”", or a single named page such as
 * the "Account Management" page / 在“个人中心”. Targets are exact copies.
 */

export interface Route {
  start: number;
  end: number;
  target: string;
  /** Number of labels in the route (1 for a single named page). */
  labels: number;
  /** End of the route's first label (its end, for a single named page). */
  firstEnd: number;
}

const OPEN_Q = '“"「『【‘\'';
const CLOSE_Q = '”"」』】’\'';
const HAN = '\\u4e00-\\u9fff';
/**
 * Separators between labels: arrows anywhere; hyphens and slashes only next to CJK or quotes,
 * or between CJK or quotes with the commas some pages' text puts for spaces (【我,-,设置,-,系统权限管理】,
 * 【设置】-,【管理个性化内容推荐】).
 */
const SEP = new RegExp(
  `\\s*(?:-->|->|→|⟶|⇒|=>|＞|>|»|》|›)\\s*|(?<=[${HAN}${CLOSE_Q}])(?:,[-－—–],?|[-－—–],)(?=[${HAN}${OPEN_Q}])|(?<=[${HAN}${CLOSE_Q}])\\s*[-－—–]\\s*(?=[${HAN}${OPEN_Q}A-Za-z])|(?<=[A-Za-z0-9${HAN}])\\s*[-－—–]\\s*(?=[${OPEN_Q}${HAN}])`,
  'g',
);
/** A character every separator contains: text without one has no route, so SEP need not run. */
const SEP_CHAR = /[-－—–>→⟶⇒＞»》›]/;
const QUOTED_TAIL = new RegExp(
  `[${OPEN_Q}][^${CLOSE_Q}${OPEN_Q}]{1,25}[${CLOSE_Q}](?:\\s*(?:page|tab|menu|screen|section|页面|页))?$`,
);
/** A quoted label at the start, or the last one after a step verb: —选择“清空足迹”. */
const QUOTED_HEAD = new RegExp(
  `^(?:选择|点击|进入|打开|找到)?[${OPEN_Q}][^${CLOSE_Q}${OPEN_Q}]{1,25}[${CLOSE_Q}]`,
);
const TITLE_TAIL = /(?:[A-Z][\w'’&]*|APP|App)(?:\s+(?:and|&|of|the|[A-Z][\w'’&]*))*$/;
const TITLE_HEAD = /^[A-Z][\w'’&]*(?:\s+(?:and|&|of|the|to|for|[A-Z][\w'’&]*))*/;
/**
 * A label in sentence case ("Delete account", "Location services", "Edit profile"): a
 * capitalised word and up to three lower-case ones, then the end of the clause or a
 * word that goes on with the sentence ("… Edit profile to change your name").
 */
const SENTENCE_CASE_HEAD =
  /^[A-Z][\w'’&-]*((?:\s+[a-z][\w'’&-]*){1,3})(?=\s*(?:[,.;:!?)）]|$)|\s+(?:to|and|or|then)\b)/;
/** Words of a sentence, never of a label's tail. */
const STOP_WORD =
  /\s(?:to|and|or|then|in|on|under|for|if|when|where|from|at|by|with|you|we|it|is|are|was|will|can|may|the|a|an|this|that|these|those|there|which|who)\b/;
/** An unquoted label; a slash joins two names of one page (指纹/面容登录, 书架/精选/发现). */
const HAN_TAIL = new RegExp(`[${HAN}A-Za-z0-9]{1,14}(?:/[${HAN}A-Za-z0-9]{1,14}){0,3}$`);
const HAN_HEAD = new RegExp(`^[${HAN}A-Za-z0-9]{1,14}(?:/[${HAN}A-Za-z0-9]{1,14}){0,3}`);
const LEAD_VERBS = /^.*(?:进入|前往|点击|打开|通过|选择|访问|找到|依次|路径为|路径|登录|登陆|在)/;
const TRAIL_VERBS =
  /(?:中|里|内|处|页面|界面)?(?:进行|即可|可以|可|来|以|关闭|开启|查看|修改|删除|管理|更正|操作|找到|的方式|等方式|更改|更换|增加|添加|填写|上传|输入|完成)/g;

/**
 * The label up to what is done there ("性别更改性别" → 性别). A label that begins with
 * a verb is a page named for it (更换绑定手机完成修改 → 更换绑定手机); a second verb
 * joined to the first by 或 or 和 (开启或关闭个性化推荐) belongs to that name.
 */
function beforeTrailingVerb(label: string): string {
  TRAIL_VERBS.lastIndex = 0;
  let opensWithVerb = false;
  for (let m = TRAIL_VERBS.exec(label); m; m = TRAIL_VERBS.exec(label)) {
    if (m.index === 0) {
      // two names of one page, each opening with its verb (开启…/允许他人查看…): kept whole
      if (label.includes('/')) return label;
      opensWithVerb = true;
      continue;
    }
    if (opensWithVerb && /[或和及、]/.test(label.charAt(m.index - 1))) continue;
    return label.slice(0, m.index);
  }
  return opensWithVerb ? label : '';
}

/**
 * "in" and what is done there, after the last label: 隐私控制中将其关闭, 解除绑定中解除微信绑定.
 * Tried before TRAIL_VERBS, whose verbs (解除, 管理 …) may also begin a label.
 */
const IN_THEN_VERB =
  /(?:中|里|内)(?:将|把|进行|解除|设置|选择|查询|取消|勾选|关闭|开启|查看|修改|删除|管理|更正|操作|找到|即可|可以|可|直接|更换|更改|点击|申请|填写|上传|增加|添加|编辑|输入|根据|按照)[^]*$/;
/** Prose, not a label: a sentence that goes on after a dash (电话银行注销—您可以通过拨打…). */
const PROSE_HEAD = /^(?:您|你|我们|请)/;
/** A definition after a dash (快捷支付管理—快捷支付是建设银行针对…): prose, no page. */
const COPULA_PROSE = /^[\u4e00-\u9fff]{1,8}是(?!否)[\u4e00-\u9fff]{3,}/;
/** Two quoted routes side by side: “工银e支付-支付明细”以及“安全中心-…” is no label between them. */
const QUOTES_APART = /[”」』】][^“”「」『』【】]+[“「『【]/;
/** A capitalised word that opens an instruction, a verb ("Tap", "Go to") or a preposition ("Under", "Via"): no step of the route. */
const IMPERATIVE =
  /^(?:Open|Tap|Click|Select|Choose|Visit|Go|Navigate|Press|Touch|Head|Find|Use|Access|Launch|Follow|Then|Under|In|Via|From|To|Through)$/;
const BAD_LABEL = /^(?:and|or|the|a|an|to|of)$/i;
/** A right's name, quoted in a heading ("Correct your Data - "Right to rectification""), is no page. */
const RIGHT_NAME = /^[“"「『【‘']?\s*right (?:to|of)\b/i;
/** Separators that are also closing brackets, with the bracket they close. */
const OPENER_OF: Readonly<Record<string, string>> = { '》': '《', '>': '<', '＞': '＜' };
/** What closes a quoted or bracketed route: the label before it ends there. */
const CLOSES_LABEL = new RegExp(`^[${CLOSE_Q}>＞》]$`);
/** A quoted reference to a part of the policy, not a place in the product. */
const SECTION_REF =
  /^[“"「『【‘']?\s*(?:本条|本政策|附录|附件[一二三四五六七八九十\d]|第[一二三四五六七八九十\d]+(?!方)|第$|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+(?:\.\d+)*[.、．](?!\d)|section\s|article\s|clause\s)/i;

function leftLabel(before: string): string | undefined {
  const t = before.replace(/\s+$/, '');
  const q = QUOTED_TAIL.exec(t);
  if (q) return q[0];
  const title = TITLE_TAIL.exec(t);
  if (title && title[0].length <= 40) {
    const words = title[0].split(/\s+/).slice(-4);
    // "Tap Profile > Privacy", a sentence's first word: the step is the place, not the tap
    while (words.length > 1 && IMPERATIVE.test(words[0]!)) words.shift();
    return words.join(' ');
  }
  // a site as the first step: www.xoyo.com-安全中心-账号安全
  const site = SITE_TAIL.exec(t);
  if (site) return site[0];
  const han = HAN_TAIL.exec(t);
  if (han) {
    // …，或设置—隐私: a route after 或 ("or") begins after it
    const label = han[0].replace(LEAD_VERBS, '').replace(OR_BEFORE, '');
    return label.length >= 1 ? label : undefined;
  }
  return undefined;
}

/**
 * 或 ("or") inside a run of Chinese label text: two routes side by side
 * (设置—用户中心—账号注销或设置—账号注销). The label before a route ends at it and the
 * label after one begins after it.
 */
const OR_BEFORE = /^.*或者?/;
/** A web site's address at the end of the text before a separator. */
const SITE_TAIL = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|cn|net|org)$/i;

function rightLabel(after: string): string | undefined {
  const t = after.replace(/^\s+/, '');
  const q = QUOTED_HEAD.exec(t);
  if (q) return q[0];
  // A corner of the page and the quoted control there: 右上角【我的】, 右上角“设置”.
  const corner = CORNER_THEN_QUOTED.exec(t);
  if (corner) return corner[0];
  // "Delete account, …": a label in sentence case, whole where the clause ends.
  const sentenceCase = SENTENCE_CASE_HEAD.exec(t);
  if (sentenceCase && !STOP_WORD.test(sentenceCase[1]!)) return sentenceCase[0];
  const title = TITLE_HEAD.exec(t);
  // "UC阅读兴趣管理": Latin letters that run on into Chinese begin a Chinese label
  if (title && !HAN_START.test(t.slice(title[0].length)))
    return title[0].replace(/\s+(?:and|&|of|the|to|for)$/, '').slice(0, 40);
  // The last label of a quoted route is whole up to its closing quote, however long
  // (“我的—设置—隐私权限设置—允许哔哩哔哩个性化展现广告推荐”).
  const closed = LONG_CLOSED_HEAD.exec(t);
  if (closed && !PROSE_HEAD.test(closed[0])) return closed[0];
  const han = HAN_HEAD.exec(t);
  if (han) {
    if (PROSE_HEAD.test(han[0]) || COPULA_PROSE.test(han[0])) return undefined;
    // 账号注销或设置—账号注销, 注销账户或在本产品内通过用户中心—安全中心: another route
    // follows 或 in the same clause; this one ends before it
    const orAt = han[0].indexOf('或');
    if (orAt >= 2 && SEP_CHAR.test(t.slice(orAt).split(CLAUSE_END, 1)[0]!))
      return han[0].slice(0, orAt);
    // A label closed by its quote is whole: “工作台-应用管理” ends with 管理, the page's own name.
    if (CLOSES_LABEL.test(t.charAt(han[0].length))) return han[0];
    // 权限管理改变同意范围: 管理 or 设置 straight before another verb ends the page's name
    const named = NAME_THEN_VERB.exec(han[0]);
    if (named) return named[1];
    const inThen = han[0].replace(IN_THEN_VERB, '');
    if (inThen.length >= 2 && inThen !== han[0]) return inThen;
    // …-个性化标签管理，: a label that ends the run with 管理 or 设置 is that page's name.
    if (NOUN_VERB_END.test(han[0]) && !HAN_START.test(t.slice(han[0].length))) return han[0];
    // a slash left before the trailing verb joins no second name (编辑按钮/拟修改…)
    const cut = beforeTrailingVerb(han[0]).replace(/\/[^/]?$/, '');
    return cut.length >= 2 ? cut : han[0];
  }
  return undefined;
}

const HAN_START = new RegExp(`^[${HAN}]`);
/** Where a clause ends. */
const CLAUSE_END = /[，。；,;!?！？]/;
const LONG_CLOSED_HEAD = new RegExp(`^[${HAN}A-Za-z0-9]{15,30}(?=[${CLOSE_Q}])`);
const CORNER_THEN_QUOTED = new RegExp(
  `^(?:右上角|左上角|右下角|左下角)[${OPEN_Q}][^${CLOSE_Q}${OPEN_Q}]{1,25}[${CLOSE_Q}]`,
);
/** A name ending in 管理 or 设置, then what is done there: 权限管理改变同意范围, 隐私设置关闭推荐. */
const NAME_THEN_VERB =
  /^([\u4e00-\u9fff]{2,}?(?<![中里内处来以可行])(?:管理|设置))(?=改变|更改|修改|变更|撤回|撤销|关闭|开启|取消|查看|调整|选择)/;
/** Verbs that are also the last word of a page's name: 权限管理, 隐私设置. */
const NOUN_VERB_END = /[\u4e00-\u9fff]{2,}(?<![中里内处来以可行])(?:管理|设置)$/;

function middleLabel(s: string): string | undefined {
  const t = s.trim();
  if (!t || t.length > 40 || /[,，。;；:：.!?！？、《》<>＜＞]/.test(t) || QUOTES_APART.test(t))
    return undefined;
  // two routes joined by "or" (…-账号注销或设置-…, "… > Privacy or Settings > …"): no label
  if (/[\u4e00-\u9fff]或|\sor\s/.test(t)) return undefined;
  return t;
}

/**
 * The last of the spans from `from` on that form a chain: each joined to the next by a gap
 * (from one span's end to the next one's start) that `gapOk` accepts.
 */
function chainEndFrom(
  spans: readonly { a: number; b: number }[],
  from: number,
  gapOk: (gap: { a: number; b: number }) => boolean,
): number {
  let j = from;
  while (j + 1 < spans.length && gapOk({ a: spans[j]!.b, b: spans[j + 1]!.a })) j++;
  return j;
}

/**
 * A quoted route of capitalised labels joined by spaced dashes, as translations
 * write 我的-设置-隐私: "Me - Settings - Privacy". Outside quotes a spaced dash is
 * prose ("Cookies - small files …"), so only a quoted run of such labels counts.
 */
const QUOTED_DASH_ROUTE = new RegExp(
  `(?<=[${OPEN_Q}])[A-Z][\\w'’&]*(?: [A-Za-z][\\w'’&]*){0,4}(?: [-–—] [A-Z][\\w'’&]*(?: [A-Za-z][\\w'’&]*){0,4})+(?=[${CLOSE_Q}])`,
  'g',
);
const SPACED_DASH = / [-–—] /g;

/** Separators of the quoted dash routes in s, as offsets into s. */
function quotedDashSeps(s: string): { a: number; b: number }[] {
  const out: { a: number; b: number }[] = [];
  if (!s.includes(' - ') && !s.includes(' – ') && !s.includes(' — ')) return out;
  QUOTED_DASH_ROUTE.lastIndex = 0;
  for (let m = QUOTED_DASH_ROUTE.exec(s); m; m = QUOTED_DASH_ROUTE.exec(s)) {
    // Two labels are a route only in title case: "No email - SheKnows" is a subject line.
    const labels = m[0].split(SPACED_DASH);
    if (labels.length === 2 && /(?:^| )(?!(?:and|or|of|the|to|for|&)\b)[a-z]/.test(m[0])) continue;
    SPACED_DASH.lastIndex = 0;
    for (let d = SPACED_DASH.exec(m[0]); d; d = SPACED_DASH.exec(m[0]))
      out.push({ a: m.index + d.index, b: m.index + d.index + d[0].length });
  }
  return out;
}

/** Routes with two or more labels in text[start, end). */
export function routesIn(text: string, start: number, end: number): Route[] {
  const s = text.slice(start, end);
  if (!SEP_CHAR.test(s)) return [];
  const seps: { a: number; b: number }[] = quotedDashSeps(s);
  SEP.lastIndex = 0;
  for (let m = SEP.exec(s); m; m = SEP.exec(s)) {
    if (m[0].length === 0) {
      SEP.lastIndex++;
      continue;
    }
    // A closing bracket ends what it opened, not a step to the next page: 》 a title
    // (《隐私政策》将…), > a route in <…> (路径<我的-设置-推送通知设置>来控制…).
    const sep = m[0].trim();
    const opener = OPENER_OF[sep];
    if (opener && s.lastIndexOf(opener, m.index) > s.lastIndexOf(sep, m.index - 1)) continue;
    seps.push({ a: m.index, b: m.index + m[0].length });
  }
  if (seps.length > 1) {
    seps.sort((x, y) => x.a - y.a);
    // a dash both patterns found is one separator
    for (let k = seps.length - 1; k > 0; k--) if (seps[k]!.a < seps[k - 1]!.b) seps.splice(k, 1);
  }
  const routes: Route[] = [];
  let i = 0;
  while (i < seps.length) {
    // a chain: separators whose middle labels are short label-like pieces
    let j = chainEndFrom(seps, i, (gap) => middleLabel(s.slice(gap.a, gap.b)) !== undefined);
    const chainEnd = j;
    const left = leftLabel(s.slice(0, seps[i]!.a));
    let right = rightLabel(s.slice(seps[j]!.b));
    // "... -> Enable or Disable the Permission": the last piece is an action, not a page.
    if (
      right &&
      j > i &&
      /^\s*(?:or|\/|或)\s/.test(s.slice(seps[j]!.b).replace(/^\s+/, '').slice(right.length))
    ) {
      j--;
      right = middleLabel(s.slice(seps[j]!.b, seps[j + 1]!.a));
    }
    if (
      left &&
      right &&
      !BAD_LABEL.test(left) &&
      !BAD_LABEL.test(right) &&
      !SECTION_REF.test(left) &&
      !SECTION_REF.test(right) &&
      !RIGHT_NAME.test(right) &&
      !/[《》]/.test(left + right) &&
      !/^\d+$/.test(left + right)
    ) {
      const leftEnd = s.slice(0, seps[i]!.a).replace(/\s+$/, '').length;
      const from = leftEnd - left.length;
      const afterSep = s.slice(seps[j]!.b);
      const to =
        seps[j]!.b + (afterSep.length - afterSep.replace(/^\s+/, '').length) + right.length;
      if (from >= 0 && to > from) {
        routes.push({
          start: start + from,
          end: start + to,
          target: s.slice(from, to),
          labels: j - i + 2,
          firstEnd: start + leftEnd,
        });
      }
    }
    i = chainEnd + 1;
  }
  return routes;
}

const NAMED_PAGE_EN = new RegExp(
  `\\b(?:go(?:ing)? to|visit(?:ing)?|access(?:ing)?|open(?:ing)?|in|through|via|on|under|from|use|using|click(?:ing)?(?: on)?|tap(?:ping)?(?: on)?|select(?:ing)?)\\s+(?:the\\s+|your\\s+|our\\s+|my\\s+)?[${OPEN_Q}]([^${CLOSE_Q}${OPEN_Q}]{2,40})[${CLOSE_Q}]\\s*(?:(?:page|tab|menu|option|settings|screen|function|feature|button|link|channel|center|centre)\\b|(?:on|in|at)\\s+the\\s+(?:upper|top|lower|bottom|left|right|footer|header|navigation|sidebar)\\b)`,
  'g',
);
/**
 * Where on the web page a named control sits, between the verb and its name: 通过页面底部的“Cookie设置”链接
 * (the page itself named, so an app screen's 点击右上角【删除】按钮 stays a button, not a page).
 */
const PAGE_SPOT =
  '(?:(?:页面|网页|网站|首页)(?:底部|顶部|右上角|左上角|右下角|左下角|上方|下方)的?)?';
const NAMED_PAGE_ZH = new RegExp(
  `(?:在|通过|进入|前往|点击|打开|登录|选择)\\s*${PAGE_SPOT}[${OPEN_Q}]\\s*([^${CLOSE_Q}${OPEN_Q}]{2,24}?)\\s*[${CLOSE_Q}](?=\\s*(?:页面|页|中|里|内|模块|栏目|菜单|功能|选项|按钮|链接|进行|查看|修改|设置|处|入口|界面|所示))`,
  'g',
);

/**
 * An unquoted page named in title case, as a link's text reads: "going to the Advertising
 * Preferences page", "adjust your Customer Communication Preferences".
 */
const TITLE_PAGE_EN =
  /\b(?:go(?:ing)? to|visit(?:ing)?|adjust(?:ing)?|update|updating|through|via|us(?:e|ing)|open(?:ing)?)\s+(?:the|your|our)\s+((?:[A-Z][a-z'’]+\s+){0,4}(?:Preferences|Settings|Center|Centre|Dashboard)\b|(?:[A-Z][a-z'’]+\s+){1,4}(?=page\b))/g;
const PAGE_WORD = /\b(?:page|preferences|settings|center|centre|dashboard)\b/i;

/** An unquoted label in capitals after a verb: "click the OPT-OUT", "via the OPT-OUT channel". */
const CAPS_LABEL =
  /\b(?:click(?:ing)?(?: on)?|via|through|use|using|tap(?:ping)?(?: on)?|select(?:ing)?|visit(?:ing)?)\s+(?:the\s+|our\s+)?((?:[A-Z]{2,}-[A-Z]{2,}|[A-Z]{4,})(?:\s+(?:channel|link|button|page|option|tab|menu))?)(?![\w-])/g;

/**
 * What each pattern cannot match without: an opening quote, two capitals in a
 * row, or (TITLE_PAGE_EN) a page word (PAGE_WORD). Most sentences have none, and
 * such a test is much cheaper than trying the patterns' verb lists at every
 * position.
 */
const OPEN_QUOTE_CHAR = new RegExp(`[${OPEN_Q}]`);
const TWO_CAPITALS = /[A-Z]{2}/;

/** A button that gives consent ('clicking "I accept"', 点击“同意”): no place, and no way out. */
const CONSENT_BUTTON =
  /^(?:i accept|i agree|accept(?: all)?|agree|ok|同意|我同意|同意并继续|确定|确认)$/i;

/** A control named for a way out, not for a place: "unsubscribe", "opt out", "退订". */
const ACTION_LABEL =
  /^(?:unsubscribe|opt[- ]?out|do not sell(?: my (?:personal )?info(?:rmation)?)?|退订|取消订阅)$/i;

/** A label naming the app or client itself: “起点读书App”, “手机端韩站,App”, “微信客户端”. */
const APP_ITSELF = /(?:\bapp|客户端|小程序)[\s,，]*$/i;

/**
 * Someone else as the one in the page: 其他人在“附近的人”页面看到您 names where others see
 * the user, not a page the user goes to.
 */
const OTHERS_IN = /(?:其他人|他人|别人|其他用户|陌生人|对方)(?:可以|可能|会|能|也)?$/;

/**
 * What the user does in the page is post or keep content (在「广场」中发布的文本,
 * 在“云保管”中存储的…): where data lives, not a control.
 */
const POSTED_THERE =
  /^\s*(?:页面|页|模块|栏目|功能|界面)?\s*(?:中|里|内|上)?\s*(?:发布|发送|上传|发表|存储|储存|保存)/;

/** A Chinese named page that is where others see the user, or where content is posted or kept. */
function noControlThere(s: string, m: RegExpExecArray): boolean {
  const end = m.index + m[0].length;
  return (
    (m[0].startsWith('在') && OTHERS_IN.test(s.slice(Math.max(0, m.index - 8), m.index))) ||
    POSTED_THERE.test(s.slice(end, end + 12))
  );
}

/** Single named pages: the "Account Management" page, 在“个人中心”进行修改. */
export function namedPagesIn(text: string, start: number, end: number): Route[] {
  const s = text.slice(start, end);
  const out: Route[] = [];
  const quoted = OPEN_QUOTE_CHAR.test(s);
  // each pattern with the cheap test it cannot match without
  const patterns: [RegExp, boolean][] = [
    [NAMED_PAGE_EN, quoted],
    [NAMED_PAGE_ZH, quoted],
    [TITLE_PAGE_EN, PAGE_WORD.test(s)],
    [CAPS_LABEL, TWO_CAPITALS.test(s)],
  ];
  for (const [re, possible] of patterns) {
    if (!possible) continue;
    // A label in capitals names a control to use as a target, not a settings page of its own.
    const labels = re === CAPS_LABEL ? 0 : 1;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      // “账户,”: a comma the source left inside the quotes is no part of the name
      const label = m[1]!.replace(/[\s,，、;；]+$/, '');
      if (!label) continue;
      if (re === NAMED_PAGE_ZH && noControlThere(s, m)) continue;
      const at = m.index + m[0].indexOf(label);
      if (routesIn(label, 0, label.length).length) continue; // a quoted full route: routesIn finds it
      if (SECTION_REF.test(label) || CONSENT_BUTTON.test(label.trim())) continue;
      // 在“起点读书App”中: the app itself, where every page is, names no page of it
      if (APP_ITSELF.test(label)) continue;
      // 'clicking the "unsubscribe" link' names that way out's control, not a page of settings.
      const control = labels === 1 && ACTION_LABEL.test(label.trim());
      out.push({
        start: start + at,
        end: start + at + label.length,
        target: label.trim(),
        labels: control ? 0 : labels,
        firstEnd: start + at + label.length,
      });
    }
  }
  return out;
}

/** A quoted or bracketed label: “设置”, 【隐私设置】, "Privacy". */
const QUOTED_LABEL = new RegExp(`[${OPEN_Q}][^${CLOSE_Q}${OPEN_Q}\\n]{1,25}[${CLOSE_Q}]`, 'g');
/** A step between two labels: 进入/点击/选择 …, "then tap", with page words, list numbers and commas. */
const STEP_VERB =
  /进入|前往|点击|点选|打开|选择|找到|轻触|点按|切换至|切换到|\b(?:tap|click|select|choose|go to|open|navigate to)\b/i;
const STEP_FILLER = new RegExp(
  [
    STEP_VERB.source,
    '页面|界面|菜单|选项|栏目|模块|按钮|入口|右上角|左上角|右下角|底部|顶部|上方|下方|区域|后|中|里|内|的|在|再|然后|并|依次|即|可|处',
    '\\b(?:then|and|on|the|in|at|next|option|menu|tab|page|button|screen)\\b',
    '第[一二三四五六七八九十\\d]步',
    '\\d{1,2}[.、．)）]?',
    '[（(][\\d一二三四五六七八九十]{1,2}[)）]',
    '[\\s,，、;；:：>]',
  ].join('|'),
  'gi',
);
const MAX_STEP_GAP = 18;

/** One page inside the one before: “我的账户”菜单中的“账户管理”. */
const INSIDE_GAP = /^\s*(?:菜单|页面|界面|栏目|模块|选项)?(?:中|里|内)的?\s*$/;

function isStepGap(gap: string): boolean {
  if (INSIDE_GAP.test(gap)) return true;
  return gap.length <= MAX_STEP_GAP && STEP_VERB.test(gap) && gap.replace(STEP_FILLER, '') === '';
}

/**
 * A route told in steps, each page quoted: “进入【我的】页面后，2.点击【设置】，3.点击【隐私设置】”,
 * 'go to "Settings", then tap "Privacy"'. The target joins the quoted labels with ">".
 */
export function steppedRoutesIn(text: string, start: number, end: number): Route[] {
  const s = text.slice(start, end);
  if (!OPEN_QUOTE_CHAR.test(s)) return [];
  const labels: { a: number; b: number }[] = [];
  QUOTED_LABEL.lastIndex = 0;
  for (let m = QUOTED_LABEL.exec(s); m; m = QUOTED_LABEL.exec(s)) {
    if (SECTION_REF.test(m[0]) || RIGHT_NAME.test(m[0])) continue;
    labels.push({ a: m.index, b: m.index + m[0].length });
  }
  const routes: Route[] = [];
  let i = 0;
  while (i < labels.length) {
    const j = chainEndFrom(labels, i, (gap) => isStepGap(s.slice(gap.a, gap.b)));
    // the same page named again ("点击【我的】进入【我的】页面") is one step
    const parts = labels
      .slice(i, j + 1)
      .map((l) => s.slice(l.a, l.b))
      .filter((p, k, all) => k === 0 || p !== all[k - 1]);
    // 'select "unsubscribe" and click "submit"': controls to press, not pages to reach
    const controls = parts.some((p) => ACTION_LABEL.test(p.slice(1, -1).trim()));
    if (parts.length > 1 && !controls) {
      routes.push({
        start: start + labels[i]!.a,
        end: start + labels[j]!.b,
        target: parts.join('>'),
        labels: parts.length,
        firstEnd: start + labels[i]!.b,
      });
    }
    i = j + 1;
  }
  return routes;
}
