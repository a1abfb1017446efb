/** Sharing flags (taxonomy section 5): advertising, sale, cross-border, affiliates, public disclosure. */
import type { Evidence, Flag, SharingFlag } from './types';
import { SHARING_FLAGS } from './types';
import type { Doc } from './sections';
import { hitsBySentence, sectionAt } from './sections';
import { fold } from './fold';
import { TermMatcher, termSet, type Scanner } from './matcher';
import { readPractice } from './negation';
import { inMenuRun, isNavLike } from './navlike';
import { addEvidence, evidenceFor } from './evidence';
import { columnCells, type ColumnCell } from './table-columns';
import { quoteSpan } from './text';
import rules from './rules/sharing.json';

export const SHARING_RULES_VERSION = rules.version;

type Role =
  | 'term'
  | 'weak'
  | 'weakContext'
  | 'context'
  | 'party'
  | 'exclude'
  | 'verb'
  | 'dataObject'
  | 'otherObject';
interface Tag {
  flag: SharingFlag;
  role: Role;
}

interface FlagRule {
  hypothetical?: string[];
  /**
   * Words that make a sentence speak of something other than the practice: a
   * safeguard against it ("防止…公开披露"), a list of what would change the
   * policy ("公开披露的主要对象发生变化"), what the policy tells the reader.
   */
  notPractice?: string[];
  /**
   * Words of the user's control over the practice ("opt out of", "turn off",
   * 关闭): the sentence still shows the practice, but one that states it
   * quotes it better, so such sentences are quoted after those.
   */
  userControl?: string[];
  terms: string[];
  weakTerms?: string[];
  weakContext?: string[];
  context: string[];
  partyTerms?: string[];
  partyContext?: string[];
  exclude: string[];
  headings?: string[];
  headingSiblings?: string[][];
  /** Verbs that count only with data as their object ("sell your information", not "sell products"). */
  objectTerms?: string[];
  dataObjects?: string[];
  otherObjects?: string[];
  /** How far (characters) from the verb its object is looked for. */
  objectWindow?: number;
  conditionalCounts: boolean;
}
const FLAG_RULES = rules.flags as Record<SharingFlag, FlagRule>;

export interface SharingRules {
  matcher: Scanner<Tag>;
  hypothetical: Map<SharingFlag, TermMatcher<1>>;
  notPractice: Map<SharingFlag, TermMatcher<1>>;
  userControl: Map<SharingFlag, TermMatcher<1>>;
  /** Words that have data go to a named party; tested only on sentences that name one. */
  partyContext: Map<SharingFlag, TermMatcher<1>>;
}

export function compileSharingRules(): SharingRules {
  const specs: { term: string; value: Tag }[] = [];
  for (const flag of SHARING_FLAGS) {
    const r = FLAG_RULES[flag];
    const lists: [Role, string[] | undefined][] = [
      ['term', r.terms],
      ['weak', r.weakTerms],
      ['weakContext', r.weakContext],
      ['context', r.context],
      ['party', r.partyTerms],
      ['exclude', r.exclude],
      ['verb', r.objectTerms],
      ['dataObject', r.dataObjects],
      ['otherObject', r.otherObjects],
    ];
    for (const [role, terms] of lists) {
      for (const term of terms ?? []) specs.push({ term, value: { flag, role } });
    }
  }
  const sentenceTerms = (pick: (r: FlagRule) => string[] | undefined) => {
    const out = new Map<SharingFlag, TermMatcher<1>>();
    for (const flag of SHARING_FLAGS) {
      const terms = pick(FLAG_RULES[flag]);
      if (terms?.length) out.set(flag, termSet(terms));
    }
    return out;
  };
  return {
    matcher: new TermMatcher(specs),
    hypothetical: sentenceTerms((r) => r.hypothetical),
    notPractice: sentenceTerms((r) => r.notPractice),
    userControl: sentenceTerms((r) => r.userControl),
    partyContext: sentenceTerms((r) => r.partyContext),
  };
}

function cleanHeading(h: string): string {
  return fold(h)
    .replace(/^[\s\-•*#\d.()（）一二三四五六七八九十、]+/, '')
    .replace(/[\s:：.。]+$/, '')
    .trim();
}

/** Headings that name public disclosure, and the groups of sibling headings of their template, folded once. */
const DISCLOSURE_HEADINGS = new Set(
  (FLAG_RULES.publicDisclosure.headings ?? []).map((h) => fold(h)),
);
const DISCLOSURE_SIBLINGS = (FLAG_RULES.publicDisclosure.headingSiblings ?? []).map((group) =>
  group.map((g) => fold(g)),
);

/** Evidence of public disclosure from headings named like it, in the template that has them. */
function addDisclosureHeadings(doc: Doc, evidence: Evidence[]): void {
  // Short lines cleaned once: the template test and the search below both read them.
  const cleaned: (string | undefined)[] = doc.sentences.map((s) =>
    s.end - s.start <= 40 ? cleanHeading(doc.view.slice(s.start, s.end)) : undefined,
  );
  // Only in the common template where "Disclose" stands beside "Share" and "Transfer".
  const shortLines = new Set(cleaned.filter((c) => c !== undefined));
  if (!DISCLOSURE_SIBLINGS.every((group) => group.some((g) => shortLines.has(g)))) return;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    const c = cleaned[si];
    if (c === undefined || !DISCLOSURE_HEADINGS.has(c)) continue;
    const next = doc.sentences[si + 1];
    const ev = next && !next.heading ? next : s;
    addEvidence(evidence, evidenceFor(doc, ev, ev.start, ev.end));
  }
}

type SharingHit = { tag: Tag; start: number; end: number };

const CLAUSE_END = /[，；。]/;

/** "is sold", "may be rented", "被出售": the object comes before the verb. */
const PASSIVE_BEFORE = /(?:\b(?:is|are|be|been|being|was|were|gets?|got)\s+(?:\w+\s+)?|被)$/;

/**
 * Is the object of this verb data? The nearest object named within `reach`
 * characters after it (before it when the verb is passive or follows its noun,
 * or when nothing follows: "lists we sell"): "sell your information", "rent
 * lists" are; "sell products", "part of our business is sold", "将某产品线出售"
 * are not, nor a verb with no object.
 */
function sellsData(
  doc: Doc,
  hits: readonly SharingHit[],
  verb: SharingHit,
  reach: number,
): boolean {
  let after: SharingHit | undefined;
  let before: SharingHit | undefined;
  for (const h of hits) {
    if (h.tag.role !== 'dataObject' && h.tag.role !== 'otherObject') continue;
    if (h.start >= verb.end && h.start - verb.end <= reach) {
      // In Chinese a clause ends at a full-width comma: "将某产品线出售，…将您的个人信息转移".
      if (CLAUSE_END.test(doc.view.slice(verb.end, h.start))) continue;
      if (!after || h.start < after.start || (h.start === after.start && h.end > after.end))
        after = h;
    } else if (h.end <= verb.start && verb.start - h.end <= reach) {
      if (!before || h.end > before.end || (h.end === before.end && h.start < before.start))
        before = h;
    }
  }
  const passive = PASSIVE_BEFORE.test(doc.folded.slice(Math.max(0, verb.start - 16), verb.start));
  // "a product sold through our store", "产品线出售": a noun right before the verb is its object.
  const adjacent = before !== undefined && /^\s?$/.test(doc.view.slice(before.end, verb.start));
  const object = passive || adjacent ? (before ?? after) : (after ?? before);
  return object?.tag.role === 'dataObject';
}

function hasRole(hits: readonly SharingHit[], role: Role): boolean {
  for (const x of hits) if (x.tag.role === role) return true;
  return false;
}

/** Does a hit of this role overlap h? */
function overlapsRole(hits: readonly SharingHit[], role: Role, h: SharingHit): boolean {
  for (const x of hits) if (x.tag.role === role && x.start < h.end && h.start < x.end) return true;
  return false;
}

/** A sentence opening with "if" (如本公司因业务需要…, 若…), after its list number. */
const IF_OPENING =
  /^[\s\d.．、()（）一二三四五六七八九十•◆]*(?:如果|如若|假如|倘若|如|若)(?!下|上|前|何|您|你|实)/;

/**
 * Does the hit stand in the "if" clause of a Chinese conditional? The clause
 * ends at the "…的，" that closes it ("如本公司因业务发展需要，需向境外进行传输的，
 * 将明确告知并征得您的同意"), or, with none, at the first comma after the hit
 * ("如果我们向境外传输，我们将会遵循相关国家规定").
 */
function inIfClause(folded: string, sStart: number, sEnd: number, at: number): boolean {
  if (!IF_OPENING.test(folded.slice(sStart, Math.min(sEnd, sStart + 16)))) return false;
  const close = folded.indexOf('的,', at);
  if (close >= 0 && close < sEnd) return close - at < 60;
  const comma = folded.indexOf(',', at);
  return comma >= 0 && comma < sEnd && comma - at < 40 && folded.lastIndexOf(',', at) < sStart;
}

/** Children named as whose data a statement is about. */
const CHILD_SCOPE =
  /\b(?:under (?:the age of |age )?1[0-8]|(?:younger|less) than 1[0-8]|children|child's|minors?|kids)\b|未成年|儿童|未满1[48]|不满1[48]/;
/** The reader's or everyone's data named as well ("your personal information, including children's"). */
const EVERYONE = /\b(?:your|any|all)\b|您的|你的|任何/;

/**
 * "We do not sell the personal information of consumers under 16": a denial for children
 * only says nothing of everyone else's data, so it is no reassurance.
 */
function childrenOnly(sentence: string): boolean {
  return CHILD_SCOPE.test(sentence) && !EVERYONE.test(sentence);
}

/** A table's column of sales: "Sold or shared", "Sold in the last 12 months?", "Sale". */
const SALE_COLUMN = /\b(?:sold|sale|sell)\b|出售|售卖/;
/** A cell's first word: "Yes", "是" (but not "是否…", "whether"), "No", "否". */
const YES_CELL = /^(?:yes(?![a-z])|是(?!否))/;
const NO_CELL = /^(?:no(?![a-z])|none(?![a-z])|否)/;

function isSaleColumn(cell: string): boolean {
  if (cell.length > 60) return false;
  const f = fold(cell);
  return SALE_COLUMN.test(f) && !YES_CELL.test(f) && !NO_CELL.test(f);
}

/** A CPRA table's column of sharing for ads: "Shared for cross-context behavioral advertising", "Shared". */
const ADS_COLUMN =
  /^shared\??$|cross[- ]context|behaviou?ral advertising|targeted advertising|定向广告|个性化广告/;

function isAdsColumn(cell: string): boolean {
  if (cell.length > 80) return false;
  const f = fold(cell);
  return ADS_COLUMN.test(f) && !SALE_COLUMN.test(f) && !YES_CELL.test(f) && !NO_CELL.test(f);
}

/**
 * A CCPA table's "Sold or shared" column: a row marked "Yes" is a sale of that
 * category, one marked "No" a denial for it.
 */
function addSaleColumn(
  doc: Doc,
  cells: ColumnCell[],
  evidence: Evidence[],
  denials: Evidence[],
): void {
  for (const c of cells) {
    const v = fold(c.value);
    const list = YES_CELL.test(v) ? evidence : NO_CELL.test(v) ? denials : undefined;
    if (!list) continue;
    const span = quoteSpan(doc.text, c.row.start, c.row.end, c.cell.start, c.cell.end);
    addEvidence(list, {
      quote: doc.text.slice(span.start, span.end),
      section: sectionAt(doc, c.row.start),
    });
  }
}

export function findSharing(doc: Doc, r: SharingRules): Record<SharingFlag, Flag> {
  const out = {} as Record<SharingFlag, Flag>;
  const evidence = new Map<SharingFlag, Evidence[]>();
  const denials = new Map<SharingFlag, Evidence[]>();
  /** Sentences true only by an exception to a denial ("…不会公开披露…，除非…"). */
  const exceptions = new Map<SharingFlag, Evidence[]>();
  /** Sentences where the practice is what the user turns off ("opt out of targeted ads"). */
  const controls = new Map<SharingFlag, Evidence[]>();
  /** Sentences that name the practice only by a weak term ("send you marketing communications"). */
  const weakOnly = new Map<SharingFlag, Evidence[]>();
  for (const f of SHARING_FLAGS) {
    evidence.set(f, []);
    denials.set(f, []);
    exceptions.set(f, []);
    controls.set(f, []);
    weakOnly.set(f, []);
  }
  const saleCells = columnCells(doc.view, isSaleColumn);
  // The header row of that column ("信息类别 | 是否出售") names it; its rows state the practice.
  const saleHeaders = [...new Set(saleCells.map((c) => c.header))];
  const adsCells = columnCells(doc.view, isAdsColumn);
  const adsHeaders = [...new Set(adsCells.map((c) => c.header))];
  const bySentence = hitsBySentence(doc, r.matcher.scan(doc.folded));
  for (const [si, hits] of [...bySentence].sort((a, b) => a[0] - b[0])) {
    const s = doc.sentences[si]!;
    if (s.heading || isNavLike(doc.view.slice(s.start, s.end))) continue;
    for (const flag of SHARING_FLAGS) {
      const rule = FLAG_RULES[flag];
      const mine = hits.filter((h) => h.tag.flag === flag);
      const headers = flag === 'sale' ? saleHeaders : flag === 'advertising' ? adsHeaders : [];
      if (headers.some((h) => s.start >= h.start && s.end <= h.end + 1)) continue;
      if (rule.context.length && !hasRole(mine, 'context')) continue;
      const weakOk = hasRole(mine, 'weakContext');
      let partyOk: boolean | undefined;
      const terms: SharingHit[] = [];
      for (const h of mine) {
        const isVerb = h.tag.role === 'verb';
        if (h.tag.role !== 'term' && !isVerb && !(h.tag.role === 'weak' && weakOk)) continue;
        if (overlapsRole(mine, 'exclude', h)) continue;
        if (isVerb && !sellsData(doc, mine, h, rule.objectWindow ?? 60)) continue;
        // A term naming a party ("advertisers") also needs data going to or used by it.
        if (overlapsRole(mine, 'party', h)) {
          partyOk ??= r.partyContext.get(flag)?.test(doc.folded, s.start, s.end) ?? false;
          if (!partyOk) continue;
        }
        // "… Merchant Advertising Developers …": a menu item glued into the text.
        if (inMenuRun(doc.view, s.start, s.end, h.start, h.end)) continue;
        terms.push(h);
      }
      if (!terms.length) continue;
      // "If, in the future, ... cross-border" is a hypothetical, not a practice.
      if (r.hypothetical.get(flag)?.test(doc.folded, s.start, s.end)) continue;
      // A transfer abroad in the "if" clause makes the whole sentence its consequence
      // ("如…因业务需要向境外传输个人信息的，我们会…告知用户信息出境的目的").
      if (
        flag === 'crossBorder' &&
        terms.some((t) => inIfClause(doc.folded, s.start, s.end, t.start))
      )
        continue;
      if (r.notPractice.get(flag)?.test(doc.folded, s.start, s.end)) continue;
      // One denied mention makes the sentence a denial ("Ad servers: we do not partner with any ad server").
      let positive: SharingHit | undefined;
      let denied: SharingHit | undefined;
      // "我行不会公开披露…，除非…": true, but a sentence that states the practice quotes it better
      let onlyByException = true;
      for (const t of terms) {
        const reading = readPractice(doc, s.start, s.end, t.start, t.end);
        if (!reading.denied || (reading.conditional && rule.conditionalCounts)) {
          positive ??= t;
          if (!reading.denied) onlyByException = false;
        } else denied ??= t;
      }
      if (denied) positive = undefined;
      if (positive) {
        const quoted = onlyByException
          ? exceptions
          : r.userControl.get(flag)?.test(doc.folded, s.start, s.end)
            ? controls
            : terms.every((t) => t.tag.role === 'weak')
              ? weakOnly
              : evidence;
        addEvidence(quoted.get(flag)!, evidenceFor(doc, s, positive.start, positive.end));
      } else if (denied && !childrenOnly(doc.folded.slice(s.start, s.end)))
        addEvidence(denials.get(flag)!, evidenceFor(doc, s, denied.start, denied.end));
    }
  }
  // A section headed just "Disclose" / "公开披露" (beside Share and Transfer) is public disclosure,
  // looked for only when the text gave no evidence of it.
  if (!evidence.get('publicDisclosure')!.length && !exceptions.get('publicDisclosure')!.length) {
    addDisclosureHeadings(doc, evidence.get('publicDisclosure')!);
  }
  addSaleColumn(doc, saleCells, evidence.get('sale')!, denials.get('sale')!);
  // Rows marked Yes under a column of sharing for ads show advertising; a No row denies nothing
  // of the service's own advertising, so only Yes rows are read.
  addSaleColumn(doc, adsCells, evidence.get('advertising')!, []);
  for (const flag of SHARING_FLAGS) {
    const ev = evidence.get(flag)!;
    for (const e of controls.get(flag)!) addEvidence(ev, e);
    for (const e of weakOnly.get(flag)!) addEvidence(ev, e);
    for (const e of exceptions.get(flag)!) addEvidence(ev, e);
    const dn = denials.get(flag)!;
    out[flag] = {
      value: ev.length > 0,
      evidence: ev,
      ...(dn.length && !ev.length ? { denials: dn } : {}),
    };
  }
  return out;
}
