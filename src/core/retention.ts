/** Retention (taxonomy section 3): how long the policy says data is kept. */
import type { Evidence, RetentionKind, RetentionStatement, RetentionSummary } from './types';
import { RETENTION_KINDS } from './types';
import type { Doc } from './sections';
import { hitsBySentence, sentenceAt } from './sections';
import { TermMatcher, termSet, type Scanner } from './matcher';
import { readPractice } from './negation';
import { isMenuText } from './navlike';
import { addEvidence, evidenceFor, MAX_QUOTES } from './evidence';
import type { RuleSettings } from './settings';
import { userTermMatchers, type UserMatcher } from './user-terms';
import rules from './rules/retention.json';

export const RETENTION_RULES_VERSION = rules.version;

const TAGS = [
  'cue',
  'deadline',
  'age',
  'untilDeletion',
  'closure',
  'erase',
  'asLongAsNecessary',
  'indefinite',
  'indefiniteExclude',
  'cookie',
  'shutdown',
  'cueExclude',
  'inactivity',
] as const;
type Tag = (typeof TAGS)[number];

export interface RetentionRules {
  matcher: Scanner<Tag>;
  /** What an erasure must name to be about data; tested only after an account closure. */
  erasedData: TermMatcher<1>;
  user: UserMatcher<RetentionKind>[];
}

export function compileRetentionRules(
  settings?: RuleSettings,
  warnings: string[] = [],
): RetentionRules {
  const lists: Record<Tag, string[]> = {
    cue: rules.cues,
    deadline: rules.deadlines,
    age: rules.ages,
    untilDeletion: rules.untilDeletion,
    closure: rules.closure,
    erase: rules.erase,
    asLongAsNecessary: rules.asLongAsNecessary,
    indefinite: rules.indefinite,
    indefiniteExclude: rules.indefiniteExclude,
    cookie: rules.cookieSubjects,
    shutdown: rules.shutdown,
    cueExclude: rules.cueExclude,
    inactivity: rules.inactivity,
  };
  const specs = TAGS.flatMap((tag) => lists[tag].map((term) => ({ term, value: tag })));
  return {
    matcher: new TermMatcher(specs),
    erasedData: termSet(rules.erasedData),
    user: userTermMatchers<RetentionKind>(
      (settings?.customTerms ?? []).filter((c) => c.area === 'retention'),
      (t) =>
        (RETENTION_KINDS as readonly string[]).includes(t) ? (t as RetentionKind) : undefined,
      warnings,
    ),
  };
}

const NUMBER_WORDS = rules.numberWords as Record<string, number>;
const UNIT_DAYS = rules.unitDays as Record<string, number>;
const latinWords = Object.keys(NUMBER_WORDS)
  .filter((w) => /^[a-z -]+$/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|');
const cjkWords = Object.keys(NUMBER_WORDS)
  .filter((w) => !/^[a-z -]+$/.test(w))
  .sort((a, b) => b.length - a.length)
  .join('|');
const EN_DURATION = new RegExp(
  `\\b(\\d{1,4}(?:[.,]\\d+)?|${latinWords})(?:\\s*\\(\\d{1,4}\\))?[\\s-]*(?:calendar\\s+|business\\s+|working\\s+|consecutive\\s+|full\\s+)?(hours?|days?|weeks?|months?|years?)\\b`,
  'g',
);
const ZH_DURATION = new RegExp(
  `(\\d{1,4}|${cjkWords})\\s*(个工作日|工作日|个月|个星期|小时|天|日|周|星期|月|年)`,
  'g',
);

interface Duration {
  start: number;
  end: number;
  days: number;
}

function numberValue(s: string): number {
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : (NUMBER_WORDS[s] ?? NaN);
}

/** The lower bound of a range right before a duration: "two to ten years", "3至5年", "30-90 days". */
const EN_RANGE_LOW = new RegExp(`\\b(\\d{1,4}|${latinWords})\\s*(?:to|-|–)\\s*$`);
const ZH_RANGE_LOW = new RegExp(`(\\d{1,4}|${cjkWords})\\s*(?:至|到|-|~|～|—)\\s*$`);

/** Durations in folded[start, end) that are not dates. */
export function durationsIn(folded: string, start: number, end: number): Duration[] {
  const s = folded.slice(start, end);
  const out: Duration[] = [];
  for (const re of [EN_DURATION, ZH_DURATION]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const n = numberValue(m[1]!);
      const unit = UNIT_DAYS[m[2]!];
      if (!(n > 0) || unit === undefined) continue;
      const after = s.slice(m.index + m[0].length, m.index + m[0].length + 4);
      const before = s.slice(Math.max(0, m.index - 2), m.index);
      if (re === ZH_DURATION && (/^\s*\d/.test(after) || /[年月]\s*$/.test(before))) continue; // a date
      if (re === ZH_DURATION && m[2] === '年' && n >= 1900) continue;
      // Around the clock ("7*24小时", "24 hours a day, 7 days a week"): when a service
      // is open, not a period.
      if (/\d\s*[*×x]\s*$/.test(s.slice(Math.max(0, m.index - 4), m.index))) continue;
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (re === EN_DURATION && /^\s*(?:a|per|each)\s+(?:day|week)\b/.test(rest)) continue;
      // How often, not how long: "log in once every 12 months", "每隔6个月".
      const lead8 = s.slice(Math.max(0, m.index - 8), m.index);
      if (re === EN_DURATION ? /\bevery\s+$/.test(lead8) : /每隔?\s*$/.test(lead8)) continue;
      if (
        re === EN_DURATION &&
        /\b(?:hours?|days?)\s+$/.test(s.slice(Math.max(0, m.index - 8), m.index))
      )
        continue;
      if (
        re === EN_DURATION &&
        /^[\s-]*(?:of[\s-]+age|old)/.test(s.slice(m.index + m[0].length, m.index + m[0].length + 8))
      )
        continue;
      out.push({
        start: start + m.index,
        end: start + m.index + m[0].length,
        days: round(n * unit),
      });
      // "two to ten years": the lower bound is a period too, in the same unit
      const lead = s.slice(Math.max(0, m.index - 16), m.index);
      const low = (re === EN_DURATION ? EN_RANGE_LOW : ZH_RANGE_LOW).exec(lead);
      const lowN = low ? numberValue(low[1]!) : NaN;
      if (low && lowN > 0 && lowN < n) {
        const at = start + m.index - lead.length + low.index;
        out.push({ start: at, end: start + m.index + m[0].length, days: round(lowN * unit) });
      }
    }
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const ORDER: readonly RetentionKind[] = RETENTION_KINDS;

/** A statement that introduces its examples, not a label: "…, for example:", "…，例如：". */
const EXAMPLES_FOLLOW =
  /[\u4e00-\u9fff,，;；]\s*(?:例如|比如|譬如|如下)\s*[:：]\s*$|[a-z],?\s+(?:for example|for instance|such as|e\.g\.)\s*:\s*$/i;

/** A label line ("Deleting your account:") rather than a statement. */
function isLabelLine(t: string): boolean {
  // "我行仅在…所必需期间内保留您的个人信息,例如：" states the practice before its examples.
  if (/[:：]\s*$/.test(t)) return !EXAMPLES_FOLLOW.test(t);
  if (/[\u4e00-\u9fff]/.test(t)) return t.length < 8;
  return t.split(/\s+/).length < 4;
}

const CLOSURE_BEFORE = new RegExp(
  `(?:${rules.closureBefore.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})[^.;。；]{0,24}$`,
);
const CLOSURE_AFTER_ZH = new RegExp(`^[^，。；,;]{0,8}?(?:${rules.closureAfterZh})`);

/** What the law allows, an as-long-as-necessary term only where data is kept under it. */
const LEGAL_PERMISSION = /^(?:permitted by (?:applicable )?law|allowed by law)$/;
const KEEPING = /retain|retention|\bkeep|\bkept|\bhold|\bheld|preserv|保存|保留|留存/;

/**
 * A sentence (or a list item after a colon) that opens with the service
 * breaking a rule, the usual ground of the right to erasure:
 * "（3）若我们超出目的范围或者必要期限收集、存储…", "if we have kept your data
 * longer than necessary".
 */
const BREACH_CONDITION =
  /(?:^|[:：;；]\s*)[\s(（\[【]*(?:\d{1,2}|[一二三四五六七八九十]{1,2}|[a-z])?[)）\]】.、．]?\s*(?:(?:若|如果|如|假如)我们(?:的处理行为)?(?:超出|超过|违反|违背)|if we (?:(?:have )?(?:kept|retained|stored|held|keep|retain|store|hold)\b[^.;]{0,80}?\blonger than (?:necessary|needed|permitted)|violate|breach))/;

/** How many sentences after an account closure its erasure may come. */
const FOLLOWING_ERASURE = 2;

/** An account closure told as an event ("after you close your account", "注销账号后"), not listed as a right. */
function closureIsEvent(
  folded: string,
  sentenceStart: number,
  h: { start: number; end: number },
): boolean {
  const before = folded.slice(Math.max(sentenceStart, h.start - 40), h.start);
  const after = folded.slice(h.end, h.end + 12);
  if (/[\u4e00-\u9fff]/.test(folded.slice(h.start, h.end))) return CLOSURE_AFTER_ZH.test(after);
  return CLOSURE_BEFORE.test(before) || /^\s*(?:is|has been|was)\b/.test(after);
}

/** How far an inactivity may stand before its period ("not logged in for 24 months"). */
const INACTIVE_BEFORE = 24;

/**
 * "If you have not logged in for 24 months, we delete your account", "如您连续24个月未登录":
 * the negation is the user's inactivity, the condition of a period the service keeps data for.
 */
function inactiveFor(
  hits: readonly { tag: Tag; start: number; end: number }[],
  d: { start: number; end: number },
): boolean {
  return hits.some(
    (h) =>
      h.tag === 'inactivity' &&
      ((h.end <= d.start && d.start - h.end <= INACTIVE_BEFORE) ||
        (h.start >= d.end && h.start - d.end <= INACTIVE_BEFORE)),
  );
}

export function findRetention(
  doc: Doc,
  r: RetentionRules,
): { summary: RetentionSummary; statements: RetentionStatement[] } {
  const bySentence = hitsBySentence(doc, r.matcher.scan(doc.folded));
  const periods = new Map<number, Evidence[]>();
  const kinds = new Map<RetentionKind, Evidence[]>();
  const add = (kind: RetentionKind, ev: Evidence) => {
    let list = kinds.get(kind);
    if (!list) kinds.set(kind, (list = []));
    addEvidence(list, ev, 50);
  };
  // A retention section's lines name periods without a cue ("Order records | 7 years" in its table).
  const ids = new Set(bySentence.keys());
  doc.sections.forEach((section, k) => {
    if (section.topic !== 'retention') return;
    const last =
      k + 1 < doc.sections.length ? doc.sectionFirstSentence[k + 1]! : doc.sentences.length;
    for (let si = doc.sectionFirstSentence[k]!; si < last; si++) ids.add(si);
  });
  const sentenceIds = [...ids].sort((a, b) => a - b);
  for (const si of sentenceIds) {
    const hits = bySentence.get(si) ?? [];
    const s = doc.sentences[si]!;
    // Headings and label lines ("Deleting your account:") state nothing by themselves,
    // nor does a site's menu glued to the policy ("… Free Shipping Over $30 …").
    if (s.heading) continue;
    const sentence = doc.view.slice(s.start, s.end);
    if (isLabelLine(sentence) || isMenuText(sentence)) continue;
    const has = (tag: Tag) => hits.find((h) => h.tag === tag);
    /** A hit of `tag` that no `exclude` hit covers ("in-store" covers "store"). */
    const uncovered = (tag: Tag, exclude: Tag) =>
      hits.find(
        (h) =>
          h.tag === tag &&
          !hits.some((x) => x.tag === exclude && x.start <= h.start && x.end >= h.end),
      );
    // How long a cookie lives on the device is not how long the service keeps data.
    if (has('cookie')) continue;
    // What happens when the service shuts down is not how long data is kept while it runs.
    if (has('shutdown')) continue;
    // A breach named as the ground for a right ("若我们超出…必要期限存储…", "if we keep it
    // longer than necessary") says what the service must not do, not what it does.
    if (BREACH_CONDITION.test(doc.folded.slice(s.start, Math.min(s.end, s.start + 200)))) continue;
    const topic = doc.sections[s.section]!.topic;
    // "Free In-Store Pickup", "the App Store": a shop, not data stored
    const cue = uncovered('cue', 'cueExclude') !== undefined;
    const inRetention = topic === 'retention';
    const context = cue || inRetention;

    if (context && !has('deadline')) {
      const ages = hits.filter((h) => h.tag === 'age');
      for (const d of durationsIn(doc.folded, s.start, s.end)) {
        if (
          ages.some(
            (a) => Math.abs(a.start - d.end) < 12 || (a.start <= d.start && a.end >= d.start),
          )
        )
          continue;
        const reading = readPractice(doc, s.start, s.end, d.start, d.end);
        if (
          reading.denied &&
          !reading.conditional &&
          !/longer than|more than|超过/.test(doc.folded.slice(s.start, d.start)) &&
          !inactiveFor(hits, d)
        )
          continue;
        let list = periods.get(d.days);
        if (!list) periods.set(d.days, (list = []));
        addEvidence(list, evidenceFor(doc, s, d.start, d.end));
      }
    }
    const until = has('untilDeletion');
    if (until && context) add('until-deletion', evidenceFor(doc, s, until.start, until.end));
    const closure = hits.find((h) => h.tag === 'closure' && closureIsEvent(doc.folded, s.start, h));
    if (closure) {
      // What is erased must be data: "全部权益将被清除" (the account's unused benefits) is not retention.
      const erase = hits.find((h) => h.tag === 'erase' && h.start >= closure.end);
      if (erase && r.erasedData.test(doc.folded, s.start, s.end))
        add('until-deletion', evidenceFor(doc, s, closure.start, closure.end));
      else if (!erase) {
        // "After you close your account, you can no longer log in. Your data will be
        // deleted.": the erasure is the statement, so it is the quote. It may come a
        // sentence later, after what else is lost ("…权益将被清除；该账号下的信息…将被删除").
        // A following sentence that names the closure itself is read on its own instead.
        for (let k = si + 1; k <= si + FOLLOWING_ERASURE; k++) {
          const next = doc.sentences[k];
          const nextHits = next && next.section === s.section ? bySentence.get(k) : undefined;
          if (!next || !nextHits || nextHits.some((h) => h.tag === 'closure')) break;
          const nextErase = nextHits.find((h) => h.tag === 'erase');
          if (nextErase && r.erasedData.test(doc.folded, next.start, next.end)) {
            add('until-deletion', evidenceFor(doc, next, nextErase.start, nextErase.end));
            break;
          }
        }
      }
    }
    // "for as long as you are an active user" is the account's life, not the purpose's
    const alan = hits.find(
      (h) =>
        h.tag === 'asLongAsNecessary' &&
        !hits.some((u) => u.tag === 'untilDeletion' && u.start < h.end && h.start < u.end) &&
        // "processing is permitted by law without your consent", "access may be denied …
        // as permitted by applicable law": a legal basis, unless data is kept under it
        !(
          LEGAL_PERMISSION.test(doc.folded.slice(h.start, h.end)) &&
          !KEEPING.test(doc.folded.slice(s.start, s.end))
        ),
    );
    if (alan && context) add('as-long-as-necessary', evidenceFor(doc, s, alan.start, alan.end));
    const indef = uncovered('indefinite', 'indefiniteExclude');
    if (indef && context) {
      const reading = readPractice(doc, s.start, s.end, indef.start, indef.end);
      if (!reading.denied) add('indefinite', evidenceFor(doc, s, indef.start, indef.end));
    }
  }
  for (const u of r.user) {
    for (const h of u.scan(doc.text, doc.folded)) {
      const si = sentenceAt(doc, h.start);
      if (si >= 0) add(h.value, evidenceFor(doc, doc.sentences[si]!, h.start, h.end));
    }
  }
  // Prefer quotes from sections about storage and retention.
  const inRetentionSection = (e: Evidence) => doc.sections[e.section]?.topic === 'retention';
  for (const [kind, list] of kinds) {
    const preferred = list.filter(inRetentionSection);
    kinds.set(kind, preferred.length ? preferred.slice(0, MAX_QUOTES) : list.slice(0, 1));
  }
  const statements: RetentionStatement[] = [];
  for (const [days, evidence] of [...periods].sort((a, b) => a[0] - b[0])) {
    statements.push({ kind: 'stated-period', days, evidence });
  }
  if (kinds.has('stated-period'))
    statements.push({ kind: 'stated-period', evidence: kinds.get('stated-period')! });
  for (const kind of ORDER) {
    if (kind === 'stated-period') continue;
    const evidence = kinds.get(kind);
    if (evidence?.length) statements.push({ kind, evidence });
  }
  const summary: RetentionSummary =
    ORDER.find((k) => statements.some((s) => s.kind === k)) ?? 'not-stated';
  return { summary, statements };
}
