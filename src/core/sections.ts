/**
 * From input (raw text or extracted blocks) to the analysed document: the
 * text, its lines, its sections (heading, level, topic) and its sentences.
 */
import type { Block, CardSection, Language, PolicyInput, Topic } from './types';
import { addBlockLinks } from './doc-links';
import { fold, restoreHant, toHans } from './fold';
import { TermMatcher } from './matcher';
import { detectLanguage, splitSentences, type Span } from './text';
import topicsData from './rules/topics.json';
import { titleOther } from './detect';

export interface Sentence extends Span {
  section: number;
  heading: boolean;
}

export interface Doc {
  text: string;
  /**
   * The text with Traditional Chinese written in Simplified (toHans): same
   * offsets, what case-sensitive patterns read. The text itself when it has
   * no Traditional characters. Quotes and labels are sliced from `text`.
   */
  view: string;
  folded: string;
  language: Language;
  title: string;
  sections: CardSection[];
  sentences: Sentence[];
  /** For each section, the index of its first sentence. */
  sectionFirstSentence: number[];
  /** The page's links where the text writes them, in text order (none for a plain text). */
  links: DocLink[];
}

/** A link's text in the document and where it leads. */
export interface DocLink {
  start: number;
  end: number;
  href: string;
}

const topicMatcher = new TermMatcher<number>(
  topicsData.topics.flatMap((t, rank) => t.terms.map((term) => ({ term, value: rank }))),
);

/** The topic of a heading, or undefined when its words name none. */
export function headingTopic(heading: string): Topic | undefined {
  const hits = topicMatcher.scan(fold(heading));
  if (!hits.length) return undefined;
  let best = Infinity;
  for (const h of hits) best = Math.min(best, h.value);
  return topicsData.topics[best]!.topic as Topic;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const HEADING_PATTERNS: readonly { re: RegExp; level: number; maxLen: number }[] = [
  { re: new RegExp(`^第${CN_NUM}[章]`), level: 1, maxLen: 60 },
  { re: new RegExp(`^第(?:${CN_NUM}|\\d+)[条节]`), level: 2, maxLen: 60 },
  { re: new RegExp(`^${CN_NUM}\\s*[、.．]`), level: 2, maxLen: 60 },
  { re: new RegExp(`^[（(]${CN_NUM}[）)]`), level: 3, maxLen: 50 },
  { re: /^(?:section|article|part|chapter)\s+[0-9ivx]+\b/i, level: 2, maxLen: 100 },
  { re: /^[IVX]{1,5}\.\s+\S/, level: 2, maxLen: 100 },
  { re: /^\d{1,2}\.\d{1,2}\.\d{1,2}\.?\s+\S/, level: 4, maxLen: 90 },
  { re: /^\d{1,2}\.\d{1,2}\.?\s+\S/, level: 3, maxLen: 90 },
  { re: /^\d{1,2}[.．]\s*\S/, level: 2, maxLen: 90 },
  { re: /^\d{1,2}\s*[、]/, level: 4, maxLen: 40 },
  { re: /^[（(]\d{1,2}[）)]/, level: 4, maxLen: 40 },
  { re: /^\([IVX]{1,5}\)\s*\S/, level: 3, maxLen: 90 },
  { re: /^\([a-z]\)\s+\S/, level: 4, maxLen: 70 },
  { re: /^【[^】]{1,40}】$/, level: 3, maxLen: 44 },
  { re: /^\[[^\]]{1,60}\]$/, level: 4, maxLen: 64 },
];

const SENTENCE_END = /[.。;；,，:：!?！？]$/;
/** Every numbered heading pattern starts with one of these: a cheap test before the patterns. */
const HEADING_START =
  /^(?:[\dIVX([（【第一二三四五六七八九十百零〇]|section|article|part|chapter)/i;

/** Decide whether a text line is a heading, and at what level (0 = not a heading). */
export function headingLevel(line: string): { level: number; heading: string } {
  let s = line.trim();
  if (!s || s.length > 160) return { level: 0, heading: '' };
  const md = /^(#{1,6})\s+(.+?)\s*#*$/.exec(s);
  if (md) return { level: md[1]!.length, heading: stripMarks(md[2]!) };
  let bold = false;
  const b = /^\*\*(.+?)\*\*[:：]?$/.exec(s) ?? /^__(.+?)__$/.exec(s);
  if (b) {
    s = b[1]!.trim();
    bold = true;
  }
  if (s.startsWith('- ') || s.startsWith('• ') || s.startsWith('* ') || s.startsWith('> ')) {
    return { level: 0, heading: '' };
  }
  if (!HEADING_START.test(s))
    return bold && s.length <= 120
      ? { level: 2, heading: stripMarks(s) }
      : { level: 0, heading: '' };
  for (const p of HEADING_PATTERNS) {
    if (p.re.test(s) && s.length <= p.maxLen && (bold || !SENTENCE_END.test(s))) {
      return { level: p.level, heading: stripMarks(s) };
    }
  }
  if (bold && s.length <= 120) return { level: 2, heading: stripMarks(s) };
  return { level: 0, heading: '' };
}

function stripMarks(s: string): string {
  return s.replace(/\*\*/g, '').trim();
}

/** Up to four plain words in lower case, after a list letter or none. */
const LOWER_TITLE = /^(?:[a-z][.)]\s+[A-Za-z]|[a-z])[\w'’&-]*(?:\s+[\w'’&-]+){0,3}$/;

/**
 * The first item of a numbered list: "1. …", "1、…", "（1）…"; not an outline's
 * "一、", which is a heading of its own (the document's title stands over it).
 */
const NUMBERED_ITEM = /^\s*(?:1\s*[.、．)）]|[（(]1[)）])\s*\S/;

/** A line that leads into a list ("…将帮助您了解以下内容", "…的情形包括但不限于"), no title. */
const LIST_LEAD = /以下|如下|下列|包括|例如|比如|如：/;

/** A short line that reads as a title: no closing punctuation, few words, not a sentence. */
function isTitleLike(line: string, next: string | undefined): boolean {
  const s = line.trim();
  if (s.length < 3 || s.length > 70 || SENTENCE_END.test(s)) return false;
  if (/^[-•*>|]/.test(s) || /https?:|@/.test(s) || s.includes(' | ')) return false;
  if (/^[\d\s:：/年月日.-]+$/.test(s)) return false;
  const cjk = /[\u4e00-\u9fff]/.test(s);
  // A lower-case title ("log data", "a. Cookies") is a few plain words before a sentence
  // that opens with a capital.
  if (!cjk && !/^[A-Z"“‘'(]/.test(s) && !(LOWER_TITLE.test(s) && /^\s*[A-Z]/.test(next ?? '')))
    return false;
  // "第三方名称：每日互动股份有限公司": a field of a record, not a title.
  // An outline's own label stays one ("附录：相关定义", "第一部分：定义").
  if (
    cjk &&
    /^[^：:]{1,12}[：:]\s*\S/.test(s) &&
    !/^(?:附录|附件|附表|第[^：:]{1,4}(?:部分|章|节|篇))/.test(s)
  )
    return false;
  const words = cjk ? 1 : s.split(/\s+/).length;
  if (!cjk && words > 10) return false;
  // A title is followed by body text longer than itself, or, in Chinese, by the first
  // item of a numbered list ("我们如何共享、转让、公开披露您的个人信息" over "1. 我们可能会…").
  if (next === undefined) return false;
  if (next.trim().length > s.length + 20) return true;
  return (
    cjk &&
    !/[，,；;]/.test(s) &&
    !LIST_LEAD.test(s) &&
    NUMBERED_ITEM.test(next) &&
    next.trim().length > s.length
  );
}

interface Line extends Span {
  level: number;
  heading: string;
}

function linesOf(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  return out;
}

/** Join blocks into one text, one block per line, and mark the heading lines. */
function textFromBlocks(blocks: readonly Block[]): {
  text: string;
  headingAt: Map<number, number>;
  links: DocLink[];
} {
  const parts: string[] = [];
  const headingAt = new Map<number, number>();
  const links: DocLink[] = [];
  let offset = 0;
  for (const b of blocks) {
    const t = b.text.replace(/\s*\n\s*/g, ' ').trim();
    if (!t) continue;
    if (b.kind === 'heading') headingAt.set(offset, Math.max(1, Math.min(6, b.level ?? 2)));
    if (b.links) addBlockLinks(links, b.links, t, offset);
    parts.push(t);
    offset += t.length + 1;
  }
  return { text: parts.join('\n'), headingAt, links };
}

/** The text the engine analyses for an input: quotes are substrings of it. */
export function analysedText(input: PolicyInput): string {
  return input.blocks && input.blocks.length
    ? textFromBlocks(input.blocks).text
    : (input.text ?? '');
}

/** Build the analysed document. */
export function buildDoc(input: PolicyInput): Doc {
  let text: string;
  let headingAt: Map<number, number> | undefined;
  let links: DocLink[] = [];
  if (input.blocks && input.blocks.length) {
    ({ text, headingAt, links } = textFromBlocks(input.blocks));
  } else {
    text = input.text ?? '';
  }
  const folded = fold(text);
  const view = toHans(text);
  const rawLines = linesOf(text);
  const lines: Line[] = [];
  for (let i = 0; i < rawLines.length; i++) {
    const l = rawLines[i]!;
    const lineText = view.slice(l.start, l.end);
    let level = 0;
    let heading = '';
    const blockLevel = headingAt?.get(l.start);
    // A "heading" longer than a paragraph is a page's styling, not a title.
    if (blockLevel !== undefined && l.end - l.start <= 300) {
      level = blockLevel;
      heading = text.slice(l.start, l.end).trim();
    } else {
      ({ level, heading } = headingLevel(lineText));
      if (level && view !== text)
        heading = restoreHant(heading, lineText, text.slice(l.start, l.end));
      if (!level && !headingAt) {
        const next = rawLines[i + 1];
        if (isTitleLike(lineText, next && view.slice(next.start, next.end))) {
          level = 4;
          heading = text.slice(l.start, l.end).trim();
        }
      }
    }
    // Plain literals, not spreads: this runs once per line and spreads are slow in V8.
    lines.push({ start: l.start, end: l.end, level, heading });
  }
  // Front matter ("---\ntitle: ...\n---") gives the title and is not a section.
  let title = input.title?.trim() ?? '';
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    const t = /^title:\s*(.+)$/m.exec(fm[1]!);
    if (!title && t) title = t[1]!.trim();
  }
  const sections: CardSection[] = [];
  const sentences: Sentence[] = [];
  const sectionFirstSentence: number[] = [];
  const stack: { level: number; topic: Topic | undefined }[] = [];
  const open = (heading: string, level: number, start: number): void => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const own = heading ? headingTopic(heading) : undefined;
    const inherited = stack.length ? stack[stack.length - 1]!.topic : undefined;
    const topic = own ?? inherited;
    stack.push({ level, topic });
    if (sections.length) sections[sections.length - 1]!.end = start;
    sections.push({ heading, level, topic: topic ?? 'other', start, end: text.length });
    sectionFirstSentence.push(sentences.length);
  };
  const firstLine = lines[0];
  if (!firstLine || firstLine.level === 0) open(title, 0, 0);
  for (const line of lines) {
    if (line.level > 0) {
      open(line.heading, line.level, line.start);
      sentences.push({
        start: line.start,
        end: line.end,
        section: sections.length - 1,
        heading: true,
      });
      continue;
    }
    const spans: Span[] = [];
    splitSentences(text, line.start, line.end, spans);
    const section = sections.length - 1;
    for (const s of spans) sentences.push({ start: s.start, end: s.end, section, heading: false });
  }
  if (!title) title = guessTitle(text, folded, lines);
  return {
    text,
    view,
    folded,
    language: detectLanguage(text),
    title,
    sections,
    sentences,
    sectionFirstSentence,
    links,
  };
}

/** Words that name a policy, matched in folded text (a Traditional title folds to 隐私政策). */
const TITLE_WORDS =
  /privacy|隐私|私隐|个人信息保护|个人资料保护|personal information protection|data protection|cookie policy/;

/** A section's number before its heading: "4. ", "2.1 ", "三、", "第二条", "(a) ". */
const SECTION_NUMBER =
  /^(?:\d{1,2}(?:\.\d{1,2})*[.、)．]?\s|[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十\d]{1,3}[章条节部]|[(（][a-z\d一二三四五六七八九十]{1,2}[)）])/i;

/** A title for a text with none given: a short early line or heading that names the policy. */
function guessTitle(text: string, folded: string, lines: readonly Line[]): string {
  const clean = (l: Line) =>
    (l.heading || text.slice(l.start, l.end)).replace(/^#+\s*|\*\*/g, '').trim();
  const names = (l: Line) => TITLE_WORDS.test(folded.slice(l.start, l.end));
  const early = lines.slice(0, 8).filter((l) => l.end - l.start <= 80);
  const heading = (l: Line) => l.level > 0 && l.level <= 2 && l.heading.length <= 80;
  // A numbered heading ("4. Privacy", "三、隐私") is a section of the document, not its title,
  // and yields to a first line that names another kind of page ("Terms of Service").
  const titleLike = (l: Line) => !SECTION_NUMBER.test(clean(l));
  const named =
    early.find((l) => names(l) && titleLike(l)) ??
    lines.find((l) => heading(l) && names(l) && titleLike(l));
  if (named) return clean(named);
  const first = lines.find((l) => l.end - l.start < 120);
  if (first && titleOther.test(folded.slice(first.start, first.end))) return clean(first);
  const numbered = early.find(names) ?? lines.find((l) => heading(l) && names(l));
  if (numbered) return clean(numbered);
  return first ? clean(first) : '';
}

/** Index of the section that holds offset `at` (binary search). */
export function sectionAt(doc: Doc, at: number): number {
  const s = doc.sections;
  let lo = 0;
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (s[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Index of the sentence that holds offset `at`, or -1 (binary search). */
export function sentenceAt(doc: Doc, at: number): number {
  const s = doc.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = s[mid]!;
    if (at < x.start) hi = mid - 1;
    else if (at >= x.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Hits grouped by the sentence that holds their start, each as { tag, start, end }. */
export function hitsBySentence<T>(
  doc: Doc,
  hits: readonly { start: number; end: number; value: T }[],
): Map<number, { tag: T; start: number; end: number }[]> {
  const bySentence = new Map<number, { tag: T; start: number; end: number }[]>();
  for (const h of hits) {
    const si = sentenceAt(doc, h.start);
    if (si < 0) continue;
    let list = bySentence.get(si);
    if (!list) bySentence.set(si, (list = []));
    list.push({ tag: h.value, start: h.start, end: h.end });
  }
  return bySentence;
}
