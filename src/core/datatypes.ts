/** Sensitive data (taxonomy section 1): which types the policy says are collected or shared, by whom. */
import type { DataType, Evidence, Party, SdkFinding, SensitiveFinding, Severity } from './types';
import { DATA_TYPES } from './types';
import type { Doc } from './sections';
import { sentenceAt } from './sections';
import { fold } from './fold';
import { isMenuText } from './navlike';
import { isJsSpace, spansOf } from './text';
import { TermMatcher, termSet, type Scanner } from './matcher';
import { readPractice } from './negation';
import { insideSpans, productNameSpans } from './product-name';
import { mergeParty, partyOf, THIRD_PARTY_TERMS } from './party';
import { addEvidence, evidenceFor, MAX_QUOTES } from './evidence';
import type { RuleSettings } from './settings';
import { userTermMatchers, type UserMatcher } from './user-terms';
import rules from './rules/datatypes.json';

type TypeRule = { severity: string; terms: string[]; exclude: string[] };
const TYPE_RULES = rules.types as Record<DataType, TypeRule>;

export const DATA_TYPE_RULES_VERSION = rules.version;

const DEFINITION_SECTION = termSet(rules.definitionSections);
const HYPOTHETICAL = termSet(rules.hypothetical);
const CHILDREN_REQUIRES = termSet(rules.childrenRequires);
const DEFINITION_SENTENCE = termSet(rules.definitionSentences);
/** What findSensitiveData tests on sentences of the text: read from the one text scan (prescan.ts). */
export const DATA_SENTENCE_SETS = [
  HYPOTHETICAL,
  CHILDREN_REQUIRES,
  DEFINITION_SENTENCE,
  THIRD_PARTY_TERMS,
] as const;
const DEFINITION_STARTS: readonly string[] = rules.definitionStarts.map(fold);
/** List numbers and spaces a sentence may open with: "（2）", "3.", "一、". */
const LIST_MARK = /[\s\d一二三四五六七八九十()（）.．、]/;

/** Does the sentence open, after its list number, with a defining subject ("个人信息包括…")? */
function opensWithDefinition(folded: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 8 && LIST_MARK.test(folded[i]!)) i++;
  return DEFINITION_STARTS.some((d) => folded.startsWith(d, i));
}

/**
 * A heading run into its paragraph ("1.1 Location. To show the forecast, we
 * collect…", "Device Information. We log…"): a line's first sentence of at most
 * five words, each capitalised or a small joining word, with more text after it
 * on the same line. It names a topic and says nothing of what is done, like a heading.
 */
const RUN_IN_HEADING =
  /^[\d.()]*\s*[A-Z][\w'’&/-]*(?:\s+(?:[A-Z][\w'’&/-]*|of|and|or|&|the|for|to|in|on|from|with|your|our|we|you)){0,4}\s*\.$/;
/**
 * The same in sentence case, a noun phrase that ends in the kind of data it heads:
 * "Health and fitness data.", "Payment information.", "Account details." (not a
 * sentence with a subject: "We collect data.").
 */
const RUN_IN_HEADING_SENTENCE_CASE =
  /^[\d.()]*\s*(?!(?:We|You|They|It|I|This|That|These|Those|Please)\b)[A-Z][a-z'’-]*(?:\s+(?:[a-z][\w'’&/-]*|&)){0,3}\s+(?:data|information|info|details|identifiers)\s*\.$/;

function isRunInHeading(text: string, start: number, end: number): boolean {
  const t = text.slice(start, end).trim();
  if (t.length > 60 || !(RUN_IN_HEADING.test(t) || RUN_IN_HEADING_SENTENCE_CASE.test(t)))
    return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim()) return false;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  return text.slice(end, lineEnd).trim().length > 0;
}

/** A term being defined, as a heading of its own ("10.2 个人敏感信息"). */
const DEFINED_TERM_HEADING =
  /^[\s\d.．、()（）一二三四五六七八九十]*(?:个人敏感信息|敏感个人信息|个人信息|sensitive personal (?:information|data))[:：]?$/;
/** A sentence that opens with the list of a definition ("包括身份证件号码、…"). */
const OPENS_WITH_LIST = /^[\s\d.．、()（）]*(?:包括|包含|例如|如：|比如)/;
/** Words of a practice: a sentence with one of them says what the service does. */
const PRACTICE_VERB =
  /收集|获取|采集|使用|提供|共享|存储|保存|读取|访问|调用|上传|处理|collect|use|share|store|process|obtain|receive|provide/;

/**
 * Is the sentence the rest of a definition split over sentences: the list after a
 * heading that names the term ("个人敏感信息" / "包括身份证件号码、…"), or a sentence
 * right after a definition that states no practice, when it opens with the list or
 * states none either?
 */
function continuesDefinition(doc: Doc, si: number, defines: (si: number) => boolean): boolean {
  if (si === 0) return false;
  const s = doc.sentences[si]!;
  const prev = doc.sentences[si - 1]!;
  if (s.heading || (prev.section !== s.section && !prev.heading)) return false;
  const sentence = doc.folded.slice(s.start, s.end);
  if (prev.heading) {
    return (
      OPENS_WITH_LIST.test(sentence) &&
      DEFINED_TERM_HEADING.test(doc.folded.slice(prev.start, prev.end).trim())
    );
  }
  // a definition that also states a practice ("我们需要收集…，具体个人信息是指") is followed by the practice's list
  if (!defines(si - 1) || PRACTICE_VERB.test(doc.folded.slice(prev.start, prev.end))) return false;
  return OPENS_WITH_LIST.test(sentence) || !PRACTICE_VERB.test(sentence);
}

export interface DataTypeRules {
  matcher: Scanner<DataType>;
  exclude: Scanner<DataType>;
  user: UserMatcher<DataType>[];
  severity: Record<DataType, Severity>;
  enabled: ReadonlySet<DataType>;
}

export function compileDataTypeRules(
  settings?: RuleSettings,
  warnings: string[] = [],
): DataTypeRules {
  const severity = {} as Record<DataType, Severity>;
  for (const t of DATA_TYPES) {
    severity[t] = settings?.severity?.[t] ?? (TYPE_RULES[t].severity as Severity);
  }
  const disabled = new Set(settings?.disabledTypes ?? []);
  const enabled = new Set(DATA_TYPES.filter((t) => !disabled.has(t)));
  const specs = DATA_TYPES.flatMap((t) => TYPE_RULES[t].terms.map((term) => ({ term, value: t })));
  const user = userTermMatchers<DataType>(
    (settings?.customTerms ?? []).filter((c) => c.area === 'data-type'),
    (target) =>
      (DATA_TYPES as readonly string[]).includes(target) ? (target as DataType) : undefined,
    warnings,
  );
  return {
    matcher: new TermMatcher(specs),
    exclude: new TermMatcher(
      DATA_TYPES.flatMap((t) => TYPE_RULES[t].exclude.map((term) => ({ term, value: t }))),
    ),
    user,
    severity,
    enabled,
  };
}

let defaultRules: DataTypeRules | undefined;
function defaults(): DataTypeRules {
  return (defaultRules ??= compileDataTypeRules());
}

interface Hit {
  start: number;
  end: number;
  value: DataType;
}

function hitsIn(
  folded: string,
  text: string,
  r: DataTypeRules,
  from = 0,
  to = folded.length,
): Hit[] {
  let hits: Hit[] = r.matcher.scan(folded, from, to);
  if (r.user.length) {
    hits = hits.slice();
    for (const u of r.user) for (const h of u.scan(text, folded, from, to)) hits.push(h);
    hits.sort((a, b) => a.start - b.start);
  }
  if (!hits.length) return hits;
  const ex = r.exclude.scan(folded, from, to);
  if (!ex.length) return hits;
  return withoutCovered(hits, ex);
}

/**
 * Hits that no exclude of the same type overlaps, in one sweep over both lists
 * sorted by start (an exclude only matters while it is open).
 */
function withoutCovered(hits: readonly Hit[], ex: readonly Hit[]): Hit[] {
  const byStart = (a: Hit, b: Hit) => a.start - b.start;
  const hs = [...hits].sort(byStart);
  const es = [...ex].sort(byStart);
  const out: Hit[] = [];
  let open: Hit[] = [];
  let j = 0;
  for (const h of hs) {
    while (j < es.length && es[j]!.start < h.end) open.push(es[j++]!);
    if (open.length) open = open.filter((e) => e.end > h.start);
    if (!open.some((e) => e.value === h.value && e.start < h.end)) out.push(h);
  }
  return out;
}

/** Data types a snippet names (no reading of denials): used for SDK tables and data lists. */
export function dataTypesIn(snippet: string, r: DataTypeRules = defaults()): DataType[] {
  return typesOf(outsideWebAddresses(hitsIn(fold(snippet), snippet, r), snippet), r);
}

/**
 * The same for view[from, to) of an analysed text, whose fold is `folded`:
 * with the scanners of a prescan (analyze's), the hits are looked up in the
 * ones found in advance instead of folding and scanning the snippet again.
 */
export function dataTypesBetween(
  folded: string,
  view: string,
  r: DataTypeRules,
  from: number,
  to: number,
): DataType[] {
  return typesOf(outsideWebAddresses(hitsIn(folded, view, r, from, to), view, from, to), r);
}

/**
 * A web address, written with the characters an address may hold: unlike opt-out's
 * URL_RE it stops at an ASCII comma, which parts a flattened row's cells
 * ("https://x.com,IMEI、OAID").
 */
const WEB_ADDRESS = /(?:https?:\/\/|www\.)[\w.~:/?#@!$&'*+=%-]+/gi;

/**
 * Hits that are no part of a web address: a row's policy link
 * ("https://passport.example.com/…") names no passport.
 */
function outsideWebAddresses(hits: Hit[], text: string, from = 0, to = text.length): Hit[] {
  if (!hits.length) return hits;
  const s = text.slice(from, to);
  if (!s.includes('://') && !/www\./i.test(s)) return hits;
  const spans = spansOf(WEB_ADDRESS, s, from);
  return hits.filter((h) => !spans.some(([a, b]) => h.start < b && h.end > a));
}

function typesOf(hits: readonly Hit[], r: DataTypeRules): DataType[] {
  const found = new Set<DataType>();
  for (const h of hits) if (r.enabled.has(h.value)) found.add(h.value);
  return DATA_TYPES.filter((t) => found.has(t));
}

const EMAIL_OR_PHONE =
  /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}|(?<![\d+])\+?\d[\d\s()-]{7,20}\d/;
const PRECISE = /precise|gps|exact|accurate|精确|精准|行踪轨迹|经纬度/;

/** What a sentence says as a whole; the optional facts are found when a hit first needs them. */
interface SentenceFacts {
  skip: boolean;
  childrenOk?: boolean;
  contactDetails?: boolean;
  party?: Party;
  /** The sentence is a heading run into its paragraph. */
  runIn?: boolean;
}

/** True when a hit is part of a web or e-mail address ("www.PregnancyandBaby.com"). */
function insideAddress(text: string, start: number, end: number): boolean {
  let a = start;
  let b = end;
  while (a > 0 && !isJsSpace(text.charCodeAt(a - 1)) && start - a < 200) a--;
  while (b < text.length && !isJsSpace(text.charCodeAt(b)) && b - end < 200) b++;
  return /:\/\/|www\.|@|\.(?:com|net|org|cn|io|gov|edu)\b/i.test(text.slice(a, b));
}

/** Sensitive-data findings for the document, merged with the data types SDKs take. */
export function findSensitiveData(
  doc: Doc,
  r: DataTypeRules,
  sdks: readonly SdkFinding[],
  /** The scanner to use for a sentence set of DATA_SENTENCE_SETS (Prescan.set). */
  on: <T>(set: Scanner<T>) => Scanner<T> = (set) => set,
): SensitiveFinding[] {
  const hypothetical = on(HYPOTHETICAL);
  const childrenRequires = on(CHILDREN_REQUIRES);
  const definitionSentence = on(DEFINITION_SENTENCE);
  const thirdParty = on(THIRD_PARTY_TERMS);
  const byType = new Map<
    DataType,
    { party?: Party; evidence: Evidence[]; weak: Evidence[]; precise: boolean }
  >();
  const entry = (t: DataType) => {
    let e = byType.get(t);
    if (!e) byType.set(t, (e = { evidence: [], weak: [], precise: false }));
    return e;
  };
  const definitionSection = doc.sections.map((sec) => DEFINITION_SECTION.test(fold(sec.heading)));
  // What a sentence says as a whole is read once per sentence, not once per hit.
  const sentenceFacts = new Map<number, SentenceFacts>();
  const defines = (si: number): boolean => {
    const s = doc.sentences[si]!;
    return (
      definitionSentence.test(doc.folded, s.start, s.end) ||
      opensWithDefinition(doc.folded, s.start, s.end)
    );
  };
  const factsOf = (si: number): SentenceFacts => {
    let f = sentenceFacts.get(si);
    if (!f) {
      const s = doc.sentences[si]!;
      f = {
        skip:
          definitionSection[s.section]! ||
          defines(si) ||
          continuesDefinition(doc, si, defines) ||
          hypothetical.test(doc.folded, s.start, s.end) ||
          // a site's menu glued to the policy ("Shop All Sports … Exercise Fitness, Yoga…");
          // a table row ("Device Permission | Location permission") is no menu
          (!s.heading && isMenuText(doc.view.slice(s.start, s.end))),
      };
      sentenceFacts.set(si, f);
    }
    return f;
  };
  let productNames: [number, number][] | undefined;
  for (const h of hitsIn(doc.folded, doc.view, r)) {
    if (!r.enabled.has(h.value)) continue;
    const si = sentenceAt(doc, h.start);
    if (si < 0) continue;
    const s = doc.sentences[si]!;
    const topic = doc.sections[s.section]!.topic;
    const facts = factsOf(si);
    // Definitions ("sensitive personal information refers to ... health ...") describe, they do not
    // collect; hypotheticals ("if we learn that we collected ...") state no practice.
    if (facts.skip) continue;
    if (
      h.value === 'contact-info' &&
      (topic === 'contact' ||
        (facts.contactDetails ??= EMAIL_OR_PHONE.test(doc.view.slice(s.start, s.end))))
    )
      continue;
    if (
      h.value === 'children' &&
      !(facts.childrenOk ??= childrenRequires.test(doc.folded, s.start, s.end))
    )
      continue;
    if (insideAddress(doc.view, h.start, h.end)) continue;
    // “咪咕视频”服务: the product's name, not the user's videos
    if (
      h.value === 'media' &&
      insideSpans((productNames ??= productNameSpans(doc.view)), h.start, h.end)
    )
      continue;
    const reading = readPractice(doc, s.start, s.end, h.start, h.end);
    // "We do not knowingly collect children's data, except ..." still denies the practice for children.
    if (reading.denied && (!reading.conditional || h.value === 'children')) continue;
    const e = entry(h.value);
    const heading = s.heading || (facts.runIn ??= isRunInHeading(doc.view, s.start, s.end));
    if (!heading) {
      facts.party ??= partyOf(doc.folded, s.start, s.end, topic, thirdParty);
      e.party = mergeParty(e.party, facts.party);
    }
    if (e.evidence.length >= MAX_QUOTES && !(h.value === 'location' && !e.precise)) continue;
    const ev = evidenceFor(doc, s, h.start, h.end);
    if (heading) {
      addEvidence(e.weak, ev);
      continue;
    }
    addEvidence(e.evidence, ev);
    if (h.value === 'location' && PRECISE.test(doc.folded.slice(s.start, s.end))) e.precise = true;
  }
  for (const sdk of sdks) {
    for (const t of sdk.dataTypes) {
      if (!r.enabled.has(t)) continue;
      const e = entry(t);
      e.party = mergeParty(e.party, 'third');
      if (e.evidence.length === 0 && sdk.evidence[0]) addEvidence(e.evidence, sdk.evidence[0]);
    }
  }
  const out: SensitiveFinding[] = [];
  for (const t of DATA_TYPES) {
    const e = byType.get(t);
    if (!e) continue;
    // A type named only in headings ("Location permission") still counts, as weak evidence.
    const evidence = e.evidence.length ? e.evidence : e.weak;
    if (!evidence.length) continue;
    let severity = r.severity[t];
    if (t === 'location' && severity === 'medium' && e.precise) severity = 'high';
    out.push({ type: t, party: e.party ?? 'first', severity, evidence });
  }
  return out;
}
