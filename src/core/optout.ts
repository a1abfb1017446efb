/** Opt-out and control paths (taxonomy section 4), each with its exact target when the text gives one. */
import type { Evidence, OptOutKind, OptOutPath } from './types';
import { OPT_OUT_KINDS } from './types';
import type { Doc, Sentence } from './sections';
import { hitsBySentence, sentenceAt } from './sections';
import { TermMatcher, termSet, type Scanner } from './matcher';
import { fold, restoreHant } from './fold';
import { isMenuText } from './navlike';
import { spansOf } from './text';
import { linksWithin, mailtoAddress } from './doc-links';
import { SPELLED_AT, SPELLED_EMAIL } from './spelled-email';
import { readPractice } from './negation';
import { addEvidence, evidenceFor } from './evidence';
import { namedPagesIn, routesIn, steppedRoutesIn, type Route } from './routes';
import { routePlace, routePlaceCues, type RoutePlaceCues } from './route-place';
import type { RuleSettings } from './settings';
import { userTermMatchers, type UserMatcher } from './user-terms';
import rules from './rules/optout.json';

export const OPT_OUT_RULES_VERSION = rules.version;

type PhraseKind = keyof typeof rules.kinds;
type Tag =
  | PhraseKind
  | 'agency'
  | 'adContext'
  | 'choiceCues'
  | 'urlCues'
  | 'urlAgency'
  | 'strongChoice'
  | 'browserControlVerbs'
  | 'phoneCues'
  | 'thirdPartyLink'
  | 'controlVerbs'
  | 'optOutLinks'
  | 'honoredSignals'
  | 'honorVerbs';

export interface OptOutRules {
  matcher: Scanner<Tag>;
  /** "delete your Yahoo account": the product's name between the verb's object and "account". */
  namedAccount: RegExp;
  user: UserMatcher<OptOutKind>[];
  places: RoutePlaceCues;
  also: TermMatcher<1>;
  /** Kinds a product route is a way of by its last label ("…-账号注销", "…-广告管理"). */
  labelKinds: [PhraseKind, TermMatcher<1>][];
  /** Words of a route that names the site's cookie controls ("Cookie Preferences"). */
  cookieRoute: TermMatcher<1>;
}

export function compileOptOutRules(settings?: RuleSettings, warnings: string[] = []): OptOutRules {
  const specs: { term: string; value: Tag }[] = [];
  for (const [kind, terms] of Object.entries(rules.kinds)) {
    for (const term of terms) specs.push({ term, value: kind as PhraseKind });
  }
  for (const tag of [
    'agency',
    'adContext',
    'choiceCues',
    'urlCues',
    'urlAgency',
    'strongChoice',
    'browserControlVerbs',
    'phoneCues',
    'thirdPartyLink',
    'controlVerbs',
    'optOutLinks',
    'honoredSignals',
    'honorVerbs',
  ] as const) {
    for (const term of rules[tag]) specs.push({ term, value: tag });
  }
  return {
    matcher: new TermMatcher(specs),
    namedAccount: new RegExp(
      `\\b(?:${rules.namedAccountVerbs.join('|')})\\s{1,3}(?:your|my)\\s{1,3}[a-z0-9][a-z0-9.-]{0,30}\\s{1,3}account\\b`,
      'g',
    ),
    places: routePlaceCues(rules.deviceRoute, rules.productRoute, rules.deviceFirstLabel),
    also: termSet(rules.alsoCues),
    cookieRoute: termSet(rules.cookieRouteWords),
    labelKinds: Object.entries(rules.routeLabelKinds).map(([kind, terms]) => [
      kind as PhraseKind,
      termSet(terms),
    ]),
    user: userTermMatchers<OptOutKind>(
      (settings?.customTerms ?? []).filter((c) => c.area === 'opt-out'),
      (t) => ((OPT_OUT_KINDS as readonly string[]).includes(t) ? (t as OptOutKind) : undefined),
      warnings,
    ),
  };
}

/** E-mail addresses; bounded parts and a start-of-token lookbehind keep it linear on hostile text. */
export const EMAIL =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}(?![A-Za-z])/g;
/** What a web address goes on with: no space, bracket, quote, CJK text or full-width punctuation. */
const URL_CHAR = String.raw`[^\s<>"'“”‘’()（）\[\]{}，。；、\x60|\u3000-\u303f\u3400-\u9fff\uff00-\uffef]`;
const URL_RE = new RegExp(String.raw`\b(?:https?:\/\/|www\.)${URL_CHAR}+`, 'gi');
/**
 * A web address written without scheme or www ("optout.aboutads.info",
 * "youradchoices.com/appchoices"), after a word that sends the reader there
 * (BARE_LEAD), so a company named by its domain ("Amazon.com, Inc.") is none.
 */
const BARE_DOMAIN = new RegExp(
  String.raw`(?<![@\w./-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|info|io|eu|gov|edu|co|us|uk|ca|de|fr|jp|cn|au|app)(?:\/${URL_CHAR}*)?(?![\w@-])`,
  'gi',
);
const BARE_LEAD = /\b(?:visit(?:ing)?|go(?:ing)? to|at|via|see)\s+$/i;
const BARE_NEXT = /^\s*(?:,|,?\s*or|,?\s*and)\s+(?:at\s+|visit\s+)?$/i;
const PHONE =
  /(?<![\w.+-])0\d{1,4}-\d{2}-\d{4}(?![\d_@])|(?<![\w.+-])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\d{2,4}[\s.-])?\d{3,4}[\s.-]?\d{3,4}(?:[\s.-]?\d{2,4}|-\d{1,5})?(?![\d_@])|(?<!\d)(?:400|800)[\s,-]?\d{3}[\s,-]?\d{4}(?:-\d{1,5})?(?![\d-])|(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * A five- or six-digit service line right after a word for calling it ("拨打95533",
 * "客服热线：10086", "致电12306"): too short for PHONE, and a number anywhere
 * else (an amount, a code) is not one.
 */
const SERVICE_LINE =
  /(?:拨打|致电|热线|客服电话|服务电话|电话)[\s:：为是【\[]{0,3}((?:95|96|10|12)\d{3,4})(?!\d)/g;
/** What makes a short line one for the user's requests, outside a contact section. */
const SERVICE_CONTEXT =
  /客服|热线|人工|联系|咨询|投诉|反馈|退订|注销|撤回|删除|更正|权利|请求|申请/;
/** Another company's line ("财付通支付科技有限公司，客服电话：95017"), named before it with no "us". */
const OTHER_COMPANY = /公司/;

/**
 * An e-mail address with the next word glued to it where the page lost a space:
 * "…@gmail.comPolítica de privacidad", "…@shpock.com.IX Duration of storage".
 */
const GLUED_WORD = /^(.+\.[a-z]{2,24})[A-Z][A-Za-z]*$/;
const GLUED_NUMERAL = /^(.+@[a-z0-9.-]+\.(?:com|net|org|edu|gov|cn|de|io))\.[A-Z]{1,6}$/;
const asWritten = (match: string): string => match;

function unglued(email: string): string {
  return GLUED_WORD.exec(email)?.[1] ?? GLUED_NUMERAL.exec(email)?.[1] ?? email;
}

/** An address given as an example ("the domain name (e.g., www.example.com)"), not a way to reach anyone. */
const EXAMPLE_BEFORE = /(?:\be\.g\.?|\bfor example|\bsuch as|例如|比如)[\s,:：，(（]*$/i;
function isExample(sentence: string, at: number): boolean {
  return EXAMPLE_BEFORE.test(sentence.slice(Math.max(0, at - 16), at));
}

/** A domain named to block or allow ("block cookies from the domain "www.…""), not a page to visit. */
const DOMAIN_BEFORE = /\b(?:the\s+)?domains?\s*[:"'“‘]*\s*$/i;

/**
 * An address given as someone's data ("nor will we tell them that his email
 * address is bruce@…", "您的邮箱为…"), not a way to reach the company.
 */
const PERSONS_ADDRESS_BEFORE =
  /\b(?:his|her|their|your|my|a user's|the user's)\s+e-?mail(?:\s+address)?\s+(?:is|was|would be)\s*$|(?:您|用户|他|她)的(?:电子)?邮(?:箱|件地址)(?:是|为)\s*$/i;
function isPersonsAddress(sentence: string, at: number): boolean {
  return PERSONS_ADDRESS_BEFORE.test(sentence.slice(Math.max(0, at - 40), at));
}

/**
 * A public authority or a dispute-resolution body the user is told to turn to
 * ("please contact TRUSTe at https://…" about an unresolved concern), named in the address's
 * sentence or the one before with no "us"/"我们" in between ("you may also
 * contact the Nevada Attorney General's office at: … Email: …", "您可以向网信
 * 部门投诉，电话：…"): a place to complain, not a way to reach the company
 * about the user's data.
 */
const AUTHORITY =
  /\b(?:attorney general|bureau of consumer protection|federal trade commission|ftc|(?:data protection|supervisory) authority|information commissioner|privacy commissioner|truste|trustarc|better business bureau|dispute resolution (?:provider|service|body|program)|ombudsman)\b|网信(?:部门|办)|市场监(?:督管理|管)(?:部门|局)|消费者协会|公安机关|监管(?:部门|机构)|法院/gi;
const US = /\b(?:us|we|our)\b|我们|本公司|[本我](?:行|司|平台)/i;
const CONTACT_VERB =
  /\b(?:contact|write to|complain to|complaint with|call|reach|notify)\b|向|联系|致电|拨打/i;
const AUTHORITY_WINDOW = 240;
function isAuthorityContact(doc: Doc, si: number, at: number): boolean {
  // The authority is named in the address's sentence or the one before it.
  const s = doc.sentences[si]!;
  const prev = si > 0 ? doc.sentences[si - 1]! : undefined;
  const windowStart = prev && prev.section === s.section ? prev.start : s.start;
  const from = Math.max(windowStart, at - AUTHORITY_WINDOW);
  const before = doc.folded.slice(from, at);
  AUTHORITY.lastIndex = 0;
  for (let m = AUTHORITY.exec(before); m; m = AUTHORITY.exec(before)) {
    // The user is told to turn to it ("contact the …", "向…投诉"), not just shown its name.
    if (!CONTACT_VERB.test(before.slice(Math.max(0, m.index - 40), m.index))) continue;
    return !US.test(before.slice(m.index + m[0].length));
  }
  return false;
}

/** A web address used as the name of the site itself ("users of the www.curse.com websites"). */
const SITE_NAME_AFTER = /^[\s"'”’]*(?:web\s?)?sites?\b|^\s*网站/i;

/** A fax label right before a number ("Fax: 555-0199", "传真：…"): not a line to call. */
const FAX_LABEL = /(?:fax|facsimile|传真)(?:\s*(?:number|no\.?|号码))?\s*[:：]?\s*$/i;

/** A QQ or WeChat account number right after its label ("QQ：705141382"): no line to call. */
const CHAT_ACCOUNT_BEFORE = /(?:\bqq|微信|wechat)\s*(?:号码?|群|账号|id)?\s*[:：]?\s*$/i;

/** Words that open a postal address: "writing to", "by mail to", "寄至". */
const POSTAL_CUE =
  /\bwrit(?:e|ing) (?:to|us)\b|\bmail(?:ing)? (?:to|us)\b|\bby (?:post|mail)\b|邮寄|寄至|寄送至/gi;
/** How far before a number its postal address may open. */
const POSTAL_REACH = 100;
/** Words for calling a number. */
const CALL_WORD =
  /\b(?:call|calling|phone|tel|telephone|dial|toll[- ]free)\b|电话|致电|拨打|热线/gi;

/** End of the last match of `re` (a global regex) in `s`, or -1. */
function lastMatchEnd(re: RegExp, s: string): number {
  let end = -1;
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) end = m.index + m[0].length;
  return end;
}

/**
 * Is the number `p` a phone for requests? `context` is the 30 characters before it,
 * `wide` the POSTAL_REACH characters before it (where a postal address may open).
 */
function phoneOk(p: string, context: string, wide: string): boolean {
  if (FAX_LABEL.test(context)) return false;
  // a chat account's number, or digits inside a %-escape of a web page's data ("%22080720%22")
  if (CHAT_ACCOUNT_BEFORE.test(context) || context.endsWith('%')) return false;
  // an extension ("021-61870500-86018") is not counted among the number's digits
  const digits = p.replace(/-\d{5}$|(?<=\d{4})-\d{1,2}$/, '').replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^\d{5}-\d{4}$/.test(p.trim())) return false; // a US ZIP+4 code
  // "or writing to 2-1-33 Sakurajima, Osaka 554-0031 Japan": a postal address's code, unless
  // a word for calling comes after the address's cue
  const postal = lastMatchEnd(POSTAL_CUE, wide);
  if (postal >= 0 && postal > lastMatchEnd(CALL_WORD, wide)) return false;
  if (/^(?:19|20)\d{2}[-./]?\d{1,2}[-./]?\d{1,2}$/.test(p.trim())) return false; // a date
  if (
    /icp|备案|网安备|不良信息举报|统一社会信用|credit code|registration|版本|version|zip|postal|邮编/i.test(
      context,
    )
  )
    return false;
  return true;
}

interface Acc {
  kind: OptOutKind;
  target?: string;
  /** `consequence`: the sentence tells what follows an opt-out (CONSEQUENCE), not how. */
  candidates: { ev: Evidence; score: number; order: number; consequence: boolean }[];
  /** Quotes already among the candidates. */
  quotes: Set<string>;
}

/** How many quotes a path keeps: one for a target, two for a kind without one. */
const QUOTES_PER_TARGET = 1;
const QUOTES_PER_KIND = 2;

/** Someone else's request ("his or her request for records"), not the user being addressed. */
const OTHERS_REQUEST_BEFORE =
  /\b(?:his|her|their|its|his or her|a third party's|government|authorit(?:y|ies)'?s?)\s+$/;
/** An item of a list: "(3) …", "and/or (d) …", "b. …", "• …", "（二）…", "2、…". */
const LIST_ITEM =
  /^\s*(?:(?:and\/or|and|or)\s+)?(?:\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})\)|[a-z]\.\s|\d{1,2}\.\s|[•·*–—-]\s|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十\d]{1,3}、)/i;
/** A sentence that ends as a list item does ("…；", "…;"), or as the lead of a list ("…：", "…:"). */
const ENDS_AS_ITEM = /[;；]\s*$/;
const ENDS_AS_LEAD = /[:：]\s*$/;
/** How far back an item of a list looks for the sentence that leads it. */
const LIST_LEAD_WINDOW = 8;

/** Does the sentence address the user ("you can", "visit", "您可以", "请访问") or name a kind of opt-out? */
function addressesUser(doc: Doc, tags: readonly { tag: Tag; start: number }[]): boolean {
  return tags.some((t) => {
    if (t.tag === 'urlAgency' || t.tag in rules.kinds) return true;
    if (t.tag !== 'agency') return false;
    const before = doc.folded.slice(Math.max(0, t.start - 24), t.start);
    return !(doc.folded.startsWith('request', t.start) && OTHERS_REQUEST_BEFORE.test(before));
  });
}

/**
 * A web address in a sentence with a choice cue is a way out only when the
 * sentence gives the user something to do there (addressesUser), or is an
 * item of a list whose lead does ("您可通过以下途径注销您的账号：" then
 * "网页端（网址为…）【永久删除账号】；", "please visit: (a) … (d) URL"). Not an
 * address met in a list of disclosures ("Smithsonian may provide your
 * information to: … (3) a member of the public in response to his or her
 * request for records under Directive 807, available at …"), a table row of
 * SDKs with their policy links, or a statement of where the policy applies.
 */
function offersUrl(
  doc: Doc,
  si: number,
  bySentence: ReadonlyMap<number, readonly { tag: Tag; start: number }[]>,
): boolean {
  if (addressesUser(doc, bySentence.get(si) ?? [])) return true;
  const textOf = (j: number) => {
    const sj = doc.sentences[j]!;
    return doc.view.slice(sj.start, sj.end);
  };
  const own = textOf(si);
  const afterLead = si > 0 && ENDS_AS_LEAD.test(textOf(si - 1));
  if (!LIST_ITEM.test(own) && !ENDS_AS_ITEM.test(own) && !afterLead) return false;
  const section = doc.sentences[si]!.section;
  for (let j = si - 1; j >= 0 && j >= si - LIST_LEAD_WINDOW; j--) {
    if (doc.sentences[j]!.section !== section) return false;
    const t = textOf(j);
    const item = LIST_ITEM.test(t);
    // The lead introduces the list with a colon (and may hold its first item).
    if (!item && /[:：]/.test(t)) return addressesUser(doc, bySentence.get(j) ?? []);
    if (!item && !ENDS_AS_ITEM.test(t)) return false;
  }
  return false;
}

/**
 * The next sentence glued after the full stop: "…/Login.aspx.If you want…",
 * "…@philips.com.Alternatively, …".
 */
const GLUED_SENTENCE = /(?<=[a-z0-9/])\.[A-Z][a-z]+$/;
/** A word glued after a language suffix: "…/data-protection_enAvailable in …". */
const GLUED_AFTER_LANGUAGE = /(?<=[_-](?:en|de|fr|es|it|nl|pt|zh))[A-Z][a-z]{2,}$/;
/** Trim a glued next word and sentence-final punctuation from a URL or e-mail target. */
function cleanTarget(t: string): string {
  return t
    .replace(GLUED_SENTENCE, '')
    .replace(GLUED_AFTER_LANGUAGE, '')
    .replace(/[.,;:!?，。；：！？)\]】》>]+$/, '');
}

/**
 * Reading or finding the policy itself ("查看本政策", "view this privacy policy"),
 * or its list of SDKs ("点击【第三方SDK列表】查看我们接入的SDK详情").
 */
const VIEW_POLICY =
  /(?:查看|查阅|阅读|浏览)[^，。；,;]{0,8}?(?:隐私权?(?:保护)?)?(?:政策|声明|指引)|(?:查看|查阅|阅读|浏览)[^，。；,;]{0,12}?sdk|(?:查看|查阅|阅读)(?:本|我们的)?《[^》]{1,20}》|\b(?:view|read|find|access|review)\s+(?:this|our|the)\s+(?:privacy\s+)?(?:policy|notice|statement)\b/;
/** Anything the user may do with data in the same sentence. */
const DATA_CONTROL =
  /删除|更正|修改|关闭|撤回|注销|退订|个人信息|权限|\b(?:delete|correct|update|opt|withdraw|turn off|disable|unsubscribe|your (?:personal )?(?:information|data))\b/;

function viewsPolicyOnly(folded: string): boolean {
  return VIEW_POLICY.test(folded) && !DATA_CONTROL.test(folded);
}

/** An address labelled for another desk: "Sales: sales@…", "商务合作：bd@…". */
const OTHER_DESK = new RegExp(`(?:^|[^a-z])(?:${rules.otherDesks.join('|')})\\s*[:：]\\s*$`, 'i');

type TagHit = { start: number; end: number; value: Tag };

/** Words that make a named opt-out link a thing to use, not a title mentioned. */
const LINK_WORD = /\b(?:link|button|icon|page|form|click\w*|tap\w*|select\w*|visit\w*)\b/;

/** How far after a signal the service may say it honours it ("GPC signals, which we honor"). */
const HONOR_AFTER = 40;

/** What may open an instruction before its verb: a bullet or number, and a short label ("Ads:"). */
const INSTRUCTION_MARK = /^[\s\-•*·▪]*(?:(?:\d{1,3}[.)]|\([a-z0-9]{1,3}\))\s*)?/;
const INSTRUCTION_LABEL = /^[a-z][a-z' ]{0,30}:\s*/;

/** A Chinese label before a colon, after a list mark or number: "注销账号：", "（2）撤回授权：". */
const ZH_LABEL =
  /^([\s\-•*·▪]*(?:\d{1,2}[.、)]|\(\d{1,2}\)|[一二三四五六七八九十]{1,2}[、.])?\s*)[\u4e00-\u9fff]{2,12}[:：]/;

/** How far a way's phrase may stand after the verb that opens an instruction ("Turn off all personalised ads"). */
const VERB_TO_OBJECT = 16;

/**
 * "- Delete your account: Profile > Settings > Account", "Withdraw consent at any
 * time in …": a sentence that opens with a way's own phrase, in the imperative
 * (the phrase starts with a control verb, not "deleting" or "account deletion"),
 * tells the user what to do as plainly as "you can" would.
 */
function instructs(
  folded: string,
  start: number,
  tags: readonly { tag: Tag; start: number; end: number }[],
): boolean {
  const head = folded.slice(start, start + 64);
  const mark = INSTRUCTION_MARK.exec(head)![0].length;
  const label = INSTRUCTION_LABEL.exec(head.slice(mark))?.[0].length ?? 0;
  const opensWith = (at: number): boolean => {
    if (!/[a-z]/.test(folded[at] ?? '')) return false;
    const verb = tags.find((t) => t.start === at && t.tag === 'controlVerbs');
    if (!verb) return false;
    if (tags.some((t) => t.start === at && t.tag in rules.kinds)) return true;
    // "Turn off personalised ads under …": the verb, then the way's phrase as its object
    return tags.some(
      (t) =>
        t.tag in rules.kinds &&
        t.start >= verb.end &&
        t.start - verb.end <= VERB_TO_OBJECT &&
        !/[,.;:!?]/.test(folded.slice(verb.end, t.start)),
    );
  };
  if (opensWith(start + mark) || (label > 0 && opensWith(start + mark + label))) return true;
  // "注销账号：进入“我的-设置-账号与安全”…", "1. 撤回授权：…": a Chinese label that names the way
  const zh = ZH_LABEL.exec(head);
  if (!zh) return false;
  const from = start + zh[1]!.length;
  const to = start + zh[0].length;
  return tags.some((t) => t.tag in rules.kinds && t.start >= from && t.end < to);
}

/** Access that the service does: "我们访问", "授权我们访问", "we (may) access". */
const SERVICE_ACCESS =
  /(?:(?:我们|本公司|本平台|本应用)[会将可能需要还也]{0,4}|(?:^|[^a-z])we\s+(?:(?:may|will|can|also|might|could|need to)\s+)*)$/;

function servicesOwn(
  folded: string,
  sentenceStart: number,
  t: { start: number; end: number },
): boolean {
  const verb = folded.slice(t.start, t.end);
  if (verb !== '访问' && verb !== 'access') return false;
  return SERVICE_ACCESS.test(folded.slice(Math.max(sentenceStart, t.start - 12), t.start));
}

/** An app's access revoked by its name: "revoke PulseTrack's access", "revoke Acme's permission". */
const NAMED_ACCESS = /\brevoke\s+[a-z0-9][\w.-]{0,30}['’]s\s+(?:access|permissions?)\b/g;

/**
 * The phrase hits of the text, with "delete your Yahoo account" as an account-deletion phrase
 * and "revoke PulseTrack's access" as a consent-withdrawal one.
 */
function withNamedAccounts(folded: string, r: OptOutRules): readonly TagHit[] {
  const hits: readonly TagHit[] = r.matcher.scan(folded);
  const named: TagHit[] = [];
  const patterns: [RegExp, Tag][] = [
    [r.namedAccount, 'account-deletion'],
    [NAMED_ACCESS, 'consent-withdrawal'],
  ];
  for (const [re, value] of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded))
      named.push({ start: m.index, end: m.index + m[0].length, value });
  }
  if (named.length === 0) return hits;
  return [...hits, ...named].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Not refusing messages but personalised content ("不想接收个性化内容展示"): a recommendation switch. */
const PERSONALISED_AFTER =
  /^\s*(?:我们的|您的|我们推荐的|此类|这类|该类|相关的?|your |our |such )?(?:个性化|推荐|定向|程序化|personali[sz]ed|targeted|interest-based)/;
/** Cookies turned off ("通过关闭Cookie退订"): a browser control, no message one stops receiving. */
const COOKIE_ONLY = /cookie|追踪|跟踪|tracking/;
const MESSAGES =
  /短信|邮件|寄信|名单|mailing|消息|信息|推送|通知|电话|e-?mail|newsletter|message|sms|text/;
/** The reply that unsubscribes: 回复“TD”退订, 回复TD, reply STOP. */
const REPLY_CODE =
  /(?:回复|\breply\s+(?:with\s+)?|\btext\s+)[“"「'‘]?\s*(?:td|t|stop|n|退订)\b\s*[”"」'’]?(?:退订)?/i;
/** Cancelling a notice or top-up service ("注销账户变动通知服务", "注销缴费充值服务"), not the account. */
const SERVICE_CANCELLED = /^[^，。；,;]{0,10}?(?:通知|提醒|短信|缴费|充值)/;
/** The service as the one who closes the account, just before the phrase: 我们有权 / 我们将 / 平台可能会. */
const SERVICE_CLOSES =
  /(?:我们|本公司|本平台|平台|本应用)(?:有权|将|会|可能会?|也可能|可|可以|亦有权)(?:直接|主动|依法|立即|暂停或|冻结或)?$/;
/** The dash or colon that ends a list item's label ("手机银行注销—您可…"). */
const LABEL_END = /^[—–\-:：]/;

/** What a permission switch turns off: the device's access, not a kind of advertising. */
const PERMISSION =
  /权限|定位|位置|相机|摄像头|麦克风|通讯录|相册|permission|location|camera|microphone|contacts/;
const CLAUSE_END = /[，,；;。]/;
/** Not wanting what follows ("如用户不希望获得定向信息推荐服务"), up to an ad word in its clause. */
const UNWANTED =
  /(?:不希望|不想|不愿|不需要|do not want|don't want|do not wish|prefer not)[^，,；;。]{0,30}$/;

/**
 * Does the clause of the switch at `at` turn off a permission and name no advertising
 * ("位置权限仅用于向您推荐…活动，您可以在手机设置中关闭": the location permission),
 * in a sentence that gives no unwanted advertising as the reason to turn it off?
 * `ads` are the sentence's adContext hits.
 */
function closesPermissionOnly(
  folded: string,
  start: number,
  end: number,
  at: number,
  ads: readonly { start: number }[],
): boolean {
  let a = at;
  while (a > start && !CLAUSE_END.test(folded[a - 1]!)) a--;
  let b = at;
  while (b < end && !CLAUSE_END.test(folded[b]!)) b++;
  if (!PERMISSION.test(folded.slice(a, b)) || ads.some((h) => h.start >= a && h.start < b))
    return false;
  // "如用户不希望获得定向信息推荐服务，…关闭地理位置权限": the permission is the way out of it.
  return !ads.some((h) => UNWANTED.test(folded.slice(start, h.start)));
}

/**
 * 推荐 of the user to others ("被推荐给好友", "把您推荐给相应用户") is a friend suggestion, no
 * advertising; "推荐给您" is still content shown to the user.
 */
function recommendsUser(folded: string, t: { start: number; end: number }): boolean {
  return (
    folded.startsWith('推荐给', t.start) && !/^给(?:您|你)/.test(folded.slice(t.end, t.end + 2))
  );
}

function notThisKind(
  kind: PhraseKind,
  folded: string,
  start: number,
  end: number,
  sentenceStart: number,
  sentenceEnd: number,
): boolean {
  if (kind === 'unsubscribe') {
    if (PERSONALISED_AFTER.test(folded.slice(end, end + 12))) return true;
    const sentence = folded.slice(sentenceStart, sentenceEnd);
    return COOKIE_ONLY.test(sentence) && !MESSAGES.test(sentence);
  }
  // "如您违反本协议，我们有权注销您的账号", "…未登录，我们将注销您的账号": the service closes it.
  if (
    kind === 'account-deletion' &&
    SERVICE_CLOSES.test(folded.slice(Math.max(sentenceStart, start - 16), start))
  )
    return true;
  if (kind === 'account-deletion' && folded.startsWith('注销', start)) {
    // "手机银行注销—…注销账户变动通知服务": a label's 注销 is what its sentence cancels next.
    const next = LABEL_END.test(folded.slice(start + 2, start + 3))
      ? folded.indexOf('注销', start + 2)
      : -1;
    const at = next >= 0 && next < sentenceEnd ? next : start;
    return SERVICE_CANCELLED.test(folded.slice(at + 2, at + 16));
  }
  // “修改系统设置”权限 is an Android permission's name (the app writes the settings), not the phone's settings.
  if (kind === 'browser-control' && folded.startsWith('系统设置', start))
    return (
      folded.endsWith('修改', start) && /^[”"」]?权限/.test(folded.slice(start + 4, start + 7))
    );
  return false;
}

export function findOptOuts(doc: Doc, r: OptOutRules): OptOutPath[] {
  const bySentence = hitsBySentence(doc, withNamedAccounts(doc.folded, r));
  const acc = new Map<string, Acc>();
  let order = 0;
  /** Per sentence: does it tell what follows an opt-out (read once, whatever it offers)? */
  const consequences = new Map<number, boolean>();
  const isConsequence = (si: number): boolean => {
    let known = consequences.get(si);
    if (known === undefined) {
      const s = doc.sentences[si]!;
      known = CONSEQUENCE.test(doc.folded.slice(s.start, s.end));
      consequences.set(si, known);
    }
    return known;
  };
  /** A path found at [start, end) of sentence `si`. */
  const add = (
    kind: OptOutKind,
    target: string | undefined,
    si: number,
    start: number,
    end: number,
  ) => {
    const key = `${kind}\u0000${(target ?? '').toLowerCase()}`;
    let a = acc.get(key);
    if (!a) {
      a = { kind, ...(target ? { target } : {}), candidates: [], quotes: new Set() };
      acc.set(key, a);
    }
    const ev = evidenceFor(doc, doc.sentences[si]!, start, end);
    if (a.quotes.has(ev.quote)) return;
    a.quotes.add(ev.quote);
    const consequence = isConsequence(si);
    a.candidates.push({
      ev,
      score: placeScore(doc, si, bySentence) - (consequence ? 4 : 0),
      order: order++,
      consequence,
    });
  };
  /** The e-mail addresses `re` finds in sentence `si`; `written` gives a match's target text. */
  const addEmails = (
    re: RegExp,
    written: (match: string) => string,
    si: number,
    sentence: string,
  ) => {
    const sStart = doc.sentences[si]!.start;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (isExample(sentence, m.index) || isPersonsAddress(sentence, m.index)) continue;
      if (OTHER_DESK.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
      const at = sStart + m.index;
      if (isAuthorityContact(doc, si, at)) continue;
      const email = written(m[0]);
      add('email', cleanTarget(email), si, at, at + email.length);
    }
  };
  const text = doc.view;

  // Contact targets anywhere: e-mail addresses, and URLs and phones in choice or contact sentences.
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const sentence = text.slice(s.start, s.end);
    const tags = bySentence.get(si) ?? [];
    const has = (tag: Tag) => tags.some((t) => t.tag === tag);
    const topic = doc.sections[s.section]!.topic;
    const plainAt = sentence.includes('@');
    const spelledAt = SPELLED_AT.test(sentence);
    // In an SDK section, an address beside a third party's link is the SDK provider's.
    if ((plainAt || spelledAt) && !(has('thirdPartyLink') && topic === 'sdks')) {
      if (plainAt) addEmails(EMAIL, unglued, si, sentence);
      // Spelled-out addresses ("privacy [at] example.com") are copied as written.
      if (spelledAt) addEmails(SPELLED_EMAIL, asWritten, si, sentence);
    }
    // The sentence's web addresses, found once for the URL targets and the phone scan.
    const hasUrl = /https?:|www\./i.test(sentence);
    let urlSpans: [number, number][] | undefined;
    const urlsOf = () => (urlSpans ??= spansOf(URL_RE, sentence));
    if (hasUrl && has('urlCues') && !has('thirdPartyLink') && offersUrl(doc, si, bySentence)) {
      for (const [a, b] of urlsOf()) {
        if (isExample(sentence, a)) continue;
        if (DOMAIN_BEFORE.test(sentence.slice(Math.max(0, a - 14), a))) continue;
        if (SITE_NAME_AFTER.test(sentence.slice(b, b + 12))) continue;
        const at = s.start + a;
        if (isAuthorityContact(doc, si, at)) continue;
        add('url', cleanTarget(sentence.slice(a, b)), si, at, s.start + b);
      }
    }
    // The page's links in the sentence: "through our Your Privacy Choices page", "email our team".
    const links = linksWithin(doc, s.start, s.end);
    let offersLink: boolean | undefined;
    for (const l of links) {
      const shown = text.slice(l.start, l.end);
      const address = mailtoAddress(l.href);
      if (address) {
        // an address the sentence writes out is read above
        if (
          !shown.includes('@') &&
          !isPersonsAddress(sentence, l.start - s.start) &&
          !isAuthorityContact(doc, si, l.start)
        )
          add('email', address, si, l.start, l.end);
        continue;
      }
      if (/^mailto:/i.test(l.href) || /https?:|www\./i.test(shown)) continue;
      if (!has('urlCues') || has('thirdPartyLink')) break;
      if (!(offersLink ??= offersUrl(doc, si, bySentence))) break;
      if (isAuthorityContact(doc, si, l.start)) continue;
      add('url', l.href, si, l.start, l.end);
    }
    if (!hasUrl && has('urlCues') && !has('thirdPartyLink') && /\.[a-z]{2,4}\b/i.test(sentence)) {
      BARE_DOMAIN.lastIndex = 0;
      let last = -1;
      let offers: boolean | undefined;
      for (let m = BARE_DOMAIN.exec(sentence); m; m = BARE_DOMAIN.exec(sentence)) {
        // the lead word, or the "or" after an address it led to ("visit a.info or b.com")
        const led =
          BARE_LEAD.test(sentence.slice(Math.max(0, m.index - 12), m.index)) ||
          (last >= 0 && BARE_NEXT.test(sentence.slice(last, m.index)));
        if (!led) continue;
        last = m.index + m[0].length;
        // a cue inside the address itself ("alc-opt-out.com") offers nothing to do there
        const a = s.start + m.index;
        const b = a + m[0].length;
        if (!tags.some((t) => t.tag === 'urlCues' && (t.end <= a || t.start >= b))) continue;
        if (!(offers ??= offersUrl(doc, si, bySentence))) break;
        if (isAuthorityContact(doc, si, a)) continue;
        add('url', cleanTarget(m[0]), si, a, b);
      }
    }
    if ((has('phoneCues') || topic === 'contact') && /\d{3}/.test(sentence)) {
      // A number `length` long at `offset` in the sentence, unless it is an authority's.
      const addPhone = (target: string, offset: number, length: number) => {
        const at = s.start + offset;
        if (!isAuthorityContact(doc, si, at)) add('phone', target, si, at, at + length);
      };
      // Digits inside a web address ("?contentId=10000009826805", "spm=5176.19720258") are no phone.
      const urls = hasUrl ? urlsOf() : [];
      PHONE.lastIndex = 0;
      for (let m = PHONE.exec(sentence); m; m = PHONE.exec(sentence)) {
        const ctx = sentence.slice(Math.max(0, m.index - 30), m.index);
        if (urls.some(([a, b]) => m!.index < b && m!.index + m![0].length > a)) continue;
        const wide = sentence.slice(Math.max(0, m.index - POSTAL_REACH), m.index);
        if (phoneOk(m[0], ctx, wide)) addPhone(m[0].trim(), m.index, m[0].length);
      }
      // The sentence's context is read only once it has a service line (most have none).
      let serviceOk: boolean | undefined;
      SERVICE_LINE.lastIndex = 0;
      for (let m = SERVICE_LINE.exec(sentence); m; m = SERVICE_LINE.exec(sentence)) {
        serviceOk ??= topic === 'contact' || SERVICE_CONTEXT.test(sentence);
        if (!serviceOk) break;
        const before = sentence.slice(0, m.index);
        if (OTHER_COMPANY.test(before) && !US.test(before)) continue;
        const line = m[1]!;
        addPhone(line, m.index + m[0].length - line.length, line.length);
      }
    }
  }

  // Kinds named by phrases, with the route of the same sentence as target.
  /** The kinds the sentence before offered a route for, for a sentence that only adds another route. */
  let previous: { si: number; kinds: PhraseKind[] } | undefined;
  for (const [si, tags] of bySentence) {
    const s = doc.sentences[si]!;
    if (s.heading) continue;
    const agency = tags.some((t) => t.tag === 'agency') || instructs(doc.folded, s.start, tags);
    // "授权我们访问您的位置权限", "we access your contacts": the service acting, not the user's control.
    const users = (t: { start: number; end: number }) => !servicesOwn(doc.folded, s.start, t);
    const choice = tags.some((t) => t.tag === 'choiceCues' && users(t));
    const control = tags.some((t) => t.tag === 'controlVerbs' && users(t));
    // Routes are only read when the sentence may use one (finding them is the costly part).
    const usesRoutes = (agency || choice) && control;
    // "We honor Global Privacy Control signals", "GPC signals are honored": the user's
    // signal is a way out, though the sentence speaks of the service ("we do not respond
    // to DNT" is none).
    const signal = tags.find((t) => t.tag === 'honoredSignals');
    if (
      signal &&
      tags.some(
        (t) =>
          t.tag === 'honorVerbs' &&
          (t.end <= signal.start || (t.start >= signal.end && t.start - signal.end <= HONOR_AFTER)),
      )
    ) {
      const reading = readPractice(doc, s.start, s.end, signal.start, signal.end);
      if (!reading.denied) add('browser-control', undefined, si, signal.start, signal.end);
    }
    if (!usesRoutes && !agency) continue;
    // "在【我的-设置-关于-隐私政策】页面随时查看本政策": where to read the policy, not a way out.
    const readsPolicy = viewsPolicyOnly(doc.folded.slice(s.start, s.end));
    const routes = readsPolicy ? [] : routesOf(doc, s);
    const places = routes.map((route) => routePlace(doc.folded, s.start, route, r.places));
    routes.forEach((route, i) => {
      // A route counts when the sentence uses it to control data, not just to reach a feature;
      // one on the phone or in the browser is a browser-control, not the product's settings path.
      if (!usesRoutes || route.labels === 0) return;
      // The site's own cookie control named alone ("via the "Cookie settings" link") is a
      // browser-control, as the taxonomy files cookie settings, not a step of the product's menu.
      const cookieControl = route.labels === 1 && r.cookieRoute.test(fold(route.target));
      const product = places[i] === 'product' && !cookieControl;
      add(product ? 'settings-path' : 'browser-control', route.target, si, route.start, route.end);
      if (!product) return;
      const last = fold(lastLabel(route.target));
      for (const [kind, terms] of r.labelKinds)
        if (terms.test(last)) add(kind, route.target, si, route.start, route.end);
    });
    if (!agency) continue;
    // "This policy also tells you … how you can contact us (including if you want to
    // unsubscribe …)": the policy's table of contents, not a way out.
    const opening = doc.folded.slice(s.start, Math.min(s.end, s.start + 80));
    // "Alternately, such businesses may have in place a policy … if the customer has
    // exercised an option to opt-out": the law's words on businesses at large, no way out here.
    if (BUSINESSES_AT_LARGE.test(opening)) continue;
    const overview = OVERVIEW.test(opening);
    const seen = new Set<PhraseKind>();
    const routed: PhraseKind[] = [];
    for (const t of tags) {
      if (!(t.tag in rules.kinds) || seen.has(t.tag as PhraseKind)) continue;
      const kind = t.tag as PhraseKind;
      if (kind === 'ad-personalization' && !adPersonalizationOk(doc, s)) continue;
      if (notThisKind(kind, doc.folded, t.start, t.end, s.start, s.end)) continue;
      let near: Route | undefined;
      if (kind === 'browser-control') {
        if (!tags.some((x) => x.tag === 'browserControlVerbs')) continue;
        // "System Permissions" as a step of the product's own menu is not the phone's settings.
        if (
          routes.some((rt, i) => places[i] === 'product' && rt.start <= t.start && rt.end >= t.end)
        )
          continue;
        near = nearestRoute(
          routes.filter((_, i) => places[i] === 'device'),
          t,
        );
        // The site's own cookie controls ("via the “Cookie Preferences” link") are the target
        // when the sentence names no route on the device or in the browser.
        near ??= nearestRoute(
          routes.filter((rt) => r.cookieRoute.test(fold(rt.target))),
          t,
        );
      } else {
        // "通过注销手机银行的方式撤回…，也可以通过“我的-设置-授权管理”撤回…": a route past a
        // clause that names another kind belongs to that clause.
        near = nearestRoute(
          routes.filter((rt) => !otherKindBetween(doc.view, tags, t, rt)),
          t,
        );
      }
      if (overview && !near) continue;
      const reading = readPractice(doc, s.start, s.end, t.start, t.end);
      if (reading.denied && !reading.conditional) continue;
      seen.add(kind);
      if (near) routed.push(kind);
      // "您可以回复“TD”退订": the reply is the way's target.
      const reply =
        kind === 'unsubscribe' && !near ? REPLY_CODE.exec(doc.view.slice(s.start, s.end)) : null;
      const replyAt = reply ? s.start + reply.index : 0;
      const replyText = reply
        ? doc.text.slice(replyAt, replyAt + reply[0].length).trim()
        : undefined;
      add(kind, near?.target ?? replyText, si, t.start, t.end);
    }
    // "In other forms, you may also use [route]": the same kinds, by another route.
    if (seen.size === 0 && previous?.si === si - 1 && routes.length > 0) {
      const cue = r.also.scan(doc.folded, s.start, routes[0]!.start, 1)[0];
      if (cue) {
        for (const kind of previous.kinds) {
          const i = kind === 'browser-control' ? places.indexOf('device') : 0;
          if (i < 0) continue;
          seen.add(kind);
          add(kind, routes[i]!.target, si, routes[i]!.start, routes[i]!.end);
        }
      }
    }
    previous = routed.length > 0 ? { si, kinds: routed } : undefined;
    // "click the “Do Not Sell or Share My Personal Information” link": the page has the way.
    const link = tags.find((t) => t.tag === 'optOutLinks');
    if (link) {
      const sentence = doc.folded.slice(s.start, s.end);
      if (LINK_WORD.test(sentence) && !/https?:\/\/|www\./.test(sentence)) {
        // the page's link that the name is the text of, when the page gave it
        const own = linksWithin(doc, s.start, s.end).find(
          (l) => l.start < link.end && link.start < l.end && !/^mailto:/i.test(l.href),
        );
        add('url', own?.href, si, link.start, link.end);
      }
    }
    // "opt out" said in an advertising sentence: a way out of targeted ads; not when the
    // sentence is about the messages one receives ("opt out of receiving our marketing emails").
    const ads = tags.filter((t) => t.tag === 'adContext' && !recommendsUser(doc.folded, t));
    if (!seen.has('ad-personalization') && !seen.has('unsubscribe') && ads.length > 0) {
      const opt = /opt[\s-]?out|turn off|disable|关闭|退出|拒绝/.exec(
        doc.folded.slice(s.start, s.end),
      );
      if (opt && !closesPermissionOnly(doc.folded, s.start, s.end, s.start + opt.index, ads)) {
        const at = s.start + opt.index;
        const near = nearestRoute(routes, { start: at, end: at + opt[0].length });
        add('ad-personalization', near?.target, si, at, at + opt[0].length);
      }
    }
  }
  for (const u of r.user) {
    for (const h of u.scan(doc.text, doc.folded)) {
      const si = sentenceAt(doc, h.start);
      if (si >= 0) add(h.value, undefined, si, h.start, h.end);
    }
  }
  const kindOrder = new Map(OPT_OUT_KINDS.map((k, i) => [k, i]));
  // A kind that has a concrete target somewhere does not also need its bare mention.
  const targeted = new Set([...acc.values()].filter((a) => a.target).map((a) => a.kind));
  return [...acc.values()]
    .filter((a) => a.target || !targeted.has(a.kind))
    .sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)!)
    .map((a) => {
      const keep = a.target ? QUOTES_PER_TARGET : QUOTES_PER_KIND;
      // A sentence about what follows an opt-out ranks last, and is kept only when
      // nothing says how.
      const best = [...a.candidates]
        .sort((x, y) => y.score - x.score || x.order - y.order)
        .slice(0, keep)
        .filter((c, i) => i === 0 || !c.consequence);
      const evidence: Evidence[] = [];
      for (const c of best.sort((x, y) => x.order - y.order)) addEvidence(evidence, c.ev);
      return { kind: a.kind, ...(a.target ? { target: a.target } : {}), evidence };
    });
}

/** Separators between a route's labels, as they stand in its target. */
const LABEL_SEP = /\s*(?:-->|->|→|⟶|⇒|=>|＞|>|»|》|›|[-－—–])\s*/;

/** The last label of a route target ("我的—设置—账号注销" → "账号注销"). */
function lastLabel(target: string): string {
  const parts = target.split(LABEL_SEP).filter((p) => p.trim() !== '');
  return parts[parts.length - 1] ?? target;
}

/**
 * A sentence about what follows once the user has opted out, not how to:
 * "if you opt out, you may still receive…", "if you change browsers, or delete
 * the cookies, you may need to re-enter…", "…you will need to opt out
 * again", "in order for this opt-out to work…", "如果您关闭…，将无法…".
 */
const CONSEQUENCE =
  /\bif you (?:[^.;,]{1,40}?,?\s+or\s+)?(?:opt[\s-]?out|delete|disable|decline|block|refuse|reject|clear)\b[^.;]{0,120}?,\s*you (?:(?:may|will|might|would)(?: still| not| no longer| need to| have to)|must)\b|\bneed to opt[\s-]?out again\b|\bin order for [^.;]{0,80}?opt[\s-]?outs? to work\b|(?:如果|若|如)您(?:关闭|拒绝|退出|撤回|删除|禁用)[^。；]{0,60}?[，,](?:[^。；]{0,10}?)(?:将|可能|会)?(?:无法|不能|仍(?:然|将|会)?)/;

/**
 * A sentence in which the policy tells what it covers ("This policy also tells
 * you how…", "本政策将帮助您了解…"), read at the sentence's start.
 */
const OVERVIEW =
  /^[\s"'“(（]*(?:this|the|our)\s+(?:privacy\s+|cookies?\s+)?(?:policy|notice|statement)\s+(?:also\s+|further\s+)?(?:tells|explains|describes|sets\s+out|outlines|informs|covers|details)\b|^[\s“（]*(?:本|此|该)(?:隐私)?(?:政策|声明|指引)(?:将|会)?(?:帮助您了解|向您说明|向您介绍|说明了|介绍了|阐述了)/;

/** A sentence whose subject is businesses in general, as a law's summary reads ("such businesses may …"). */
const BUSINESSES_AT_LARGE =
  /^[\s"'“(]*(?:(?:alternate(?:ly)?|alternatively|however|in addition|additionally),?\s+)?(?:such|a|any)\s+business(?:es)?\s+(?:may|must|shall|that|which|is|are|can)\b/;

/** Where a path stands: rights and contact sections, and sentences that offer a choice, rank first. */
function placeScore(
  doc: Doc,
  si: number,
  bySentence: Map<number, { tag: Tag; start: number; end: number }[]>,
): number {
  const topic = doc.sections[doc.sentences[si]!.section]?.topic;
  let score = topic === 'rights' ? 3 : topic === 'contact' ? 2 : 0;
  const tags = bySentence.get(si) ?? [];
  if (tags.some((t) => t.tag === 'strongChoice')) score += 2;
  if (tags.some((t) => t.tag === 'agency')) score += 1;
  return score;
}

/** A clause that offers another way: "，也可以通过…", "; or …". */
const ANOTHER_WAY =
  /^\s*(?:您|你)?(?:也可以|还可以|也可|或者|或|另外|此外|you (?:can|may) also|or)/i;

/**
 * Is route rt, after phrase t, in a clause of its own that offers another way, right after a
 * phrase of another kind ("通过注销手机银行的方式撤回…，也可以通过“…-授权管理”撤回…")?
 */
function otherKindBetween(
  text: string,
  tags: readonly { tag: Tag; start: number; end: number }[],
  t: { tag: Tag; start: number; end: number },
  rt: Route,
): boolean {
  // only a route offered as another way, in a clause of its own after the phrase
  if (rt.start < t.end) return false;
  const between = text.slice(t.end, rt.start);
  const lastBreak = Math.max(...[',', '，', ';', '；'].map((c) => between.lastIndexOf(c)));
  if (lastBreak < 0 || !ANOTHER_WAY.test(between.slice(lastBreak + 1))) return false;
  const breakAt = t.end + lastBreak;
  // the phrase nearest the route before its clause decides whose way it is
  let last: Tag | undefined;
  let lastStart = -1;
  for (const x of tags) {
    if (x.tag in rules.kinds && x.start >= t.end && x.end <= breakAt && x.start > lastStart) {
      last = x.tag;
      lastStart = x.start;
    }
  }
  return last !== undefined && last !== t.tag;
}

/** The route closest to a phrase, when it stands within a short distance of it. */
function nearestRoute(
  routes: readonly Route[],
  t: { start: number; end: number },
  max = 150,
): Route | undefined {
  let best: Route | undefined;
  let bestGap = max + 1;
  for (const r of routes) {
    const gap = r.start >= t.end ? r.start - t.end : t.start >= r.end ? t.start - r.end : 0;
    if (gap < bestGap) {
      best = r;
      bestGap = gap;
    }
  }
  return best;
}

/** Two words of prose ("- Delete your account: Profile > …"): more than a menu's own label. */
const PROSE_LEAD =
  /\b(?!(?:and|or|of|the|to|for|in|on|an)\b)[a-z]{2,}\b[^]*?\b(?!(?:and|or|of|the|to|for|in|on|an)\b)[a-z]{2,}\b/;

function routesOf(doc: Doc, s: Sentence): Route[] {
  const routes = viewRoutesOf(doc, s);
  if (doc.view === doc.text) return routes;
  // Read in the Simplified view; the targets a reader sees are in the page's own characters.
  for (const r of routes)
    r.target = restoreHant(
      r.target,
      doc.view.slice(r.start, r.end),
      doc.text.slice(r.start, r.end),
    );
  return routes;
}

function viewRoutesOf(doc: Doc, s: Sentence): Route[] {
  const multi = routesIn(doc.view, s.start, s.end);
  // A site's menu glued to the policy ("Self-Publish with Us ›See More…") is no route; a
  // route's capitalised labels after words of prose that lead to it are no menu.
  if (!s.heading && isMenuText(doc.view.slice(s.start, s.end))) {
    const first = Math.min(...multi.map((m) => m.start));
    if (!multi.length || !PROSE_LEAD.test(doc.view.slice(s.start, first))) return [];
  }
  for (const st of steppedRoutesIn(doc.view, s.start, s.end)) {
    if (!multi.some((m) => m.start < st.end && m.end > st.start)) multi.push(st);
  }
  const single = namedPagesIn(doc.view, s.start, s.end).filter(
    (p) => !multi.some((m) => m.start <= p.start && m.end >= p.end),
  );
  return [...multi, ...single];
}

/** Personalised-ads phrases count when the sentence offers a way to turn them off. */
function adPersonalizationOk(doc: Doc, s: Sentence): boolean {
  return /opt[\s-]?out|turn off|switch off|disable|limit|reset|manage|choices|control|关闭|退出|拒绝|取消|管理|设置|aboutads|networkadvertising|youronlinechoices/.test(
    doc.folded.slice(s.start, s.end),
  );
}
