/**
 * SDK disclosure records: "label: value" blocks (one field a line, or several
 * on one line) and table rows (cells separated by " | " or tabs, with a header
 * row naming the columns). Every field keeps its offsets in the text.
 */
import { ORG_END_EN, ORG_END_ZH } from './org';
import { endsWithLabel, LABEL_RE, roleOfHeaderCell, roleOfLabel, type Role } from './labels';

export interface Field {
  role: Role;
  key: string;
  /** Value span. */
  start: number;
  end: number;
  /** The line the field starts on. */
  lineStart: number;
  lineEnd: number;
}

export interface SdkRecord {
  fields: Field[];
  start: number;
  end: number;
}

/** A table row has a handful of cells; a line with hundreds of bars is not one. */
const MAX_CELLS = 40;
const MAX_ROW_CHARS = 20_000;
const MAX_CONTINUATION_LINES = 15;
const MAX_CONTINUATION_CHARS = 3000;
const NAMING: ReadonlySet<Role> = new Set<Role>(['name', 'type']);

interface Line {
  start: number;
  end: number;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield { start, end: end > start && text[end - 1] === '\r' ? end - 1 : end };
    start = end + 1;
  }
}

interface Cell {
  start: number;
  end: number;
}

/** Cells of a table row, or null when the line is not one. */
function rowCells(text: string, line: Line): Cell[] | null {
  if (line.end - line.start > MAX_ROW_CHARS) return null;
  const s = text.slice(line.start, line.end);
  if (!s.includes('\t') && !s.includes(' | ') && !/^\s*\|.*\|/.test(s)) return null;
  const cells: Cell[] = [];
  const sep = /\t| ?\| ?/g;
  let from = 0;
  const push = (a: number, b: number): void => {
    while (a < b && /\s/.test(s[a]!)) a++;
    while (b > a && /\s/.test(s[b - 1]!)) b--;
    cells.push({ start: line.start + a, end: line.start + b });
  };
  for (let m = sep.exec(s); m; m = sep.exec(s)) {
    push(from, m.index);
    from = m.index + m[0].length;
    if (cells.length > MAX_CELLS + 2) return null;
  }
  push(from, s.length);
  let a = 0;
  let b = cells.length;
  while (a < b && cells[a]!.start === cells[a]!.end) a++;
  while (b > a && cells[b - 1]!.start === cells[b - 1]!.end) b--;
  return b - a >= 2 && b - a <= MAX_CELLS ? cells.slice(a, b) : null;
}

/**
 * A heading of the policy's own outline: markdown, bold, or numbered with
 * Chinese numerals or as a chapter ("（三）公开披露", "四、我们如何存储…",
 * "第五条", "Section 4", "IV. …"). A field's value never goes on under one;
 * digits ("1. 设备信息") may be the items of a value.
 */
const OUTLINE_HEADING =
  /^\s*(?:第[一二三四五六七八九十百零〇\d]{1,4}[章条节部分]|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|(?:section|article|part|chapter)\s+[0-9ivx]+\b|[IVX]{1,5}\.\s)/i;

function isHeadingLine(s: string): boolean {
  return /^\s*#{1,6}\s/.test(s) || /^\s*\*\*[^*]{1,120}\*\*\s*$/.test(s);
}

/** A list mark before an item: "3）", "（3）", "1.2 ", "11.3.1 "; not the digits of a name ("360加固"). */
const LIST_MARK = '(?:\\d{1,3}(?:[.．]\\d{1,3}){0,3}(?:\\s*[.、．)）]|\\s)|[（(]\\d{1,3}[)）])';
const LEADING_LIST_MARK = new RegExp(`^\\s*${LIST_MARK}`);
/** An SDK's name: up to 60 characters ending in "SDK" (or "API": "头条短视频API"), no clause punctuation. */
const SDK_NAME = '([^：:，。；;,\\n]{1,60}?(?:SDK|sdk|Sdk|API))';

/** A remark in brackets after the name: "（仅涉及安卓）", "(iOS)". */
const NAME_REMARK = '(?:[（(][^)）\\n]{1,20}[)）])?';
const NAMED_LINE = new RegExp(
  `^\\s*(?:${LIST_MARK}|[-•*·])?[\\s,]*${SDK_NAME}\\s*${NAME_REMARK}\\s*[：:]`,
);
/**
 * A line that starts with an SDK's name and then, in one of the next three
 * comma cells, the company that provides it: a table row written out with
 * commas ("小米渠道SDK,小米科技有限责任公司,访问联网…", "Foo SDK, Foo Labs Inc., crash
 * reports", "指纹认证SDK（仅安卓）,FIDO指纹认证组件,验证指纹信息,国民认证科技有限公司,…"
 * with a component and a purpose before it). A row whose provider is the
 * company itself ("我行") names none, and is no record.
 */
const NAMED_ROW = new RegExp(
  `^\\s*(?:${LIST_MARK}|[-•*·])?\\s*${SDK_NAME}\\s*(?:[（(][^)）\\n]{1,20}[)）])?\\s*[,，]\\s*` +
    `(?:[^,，。；;:：\\n]{1,60}[,，]\\s*){0,2}?` +
    `([^,，。；;:：\\n]{2,40}?(?:${ORG_END_ZH})|[A-Z][^,;:\\n]{1,60}?\\b(?:${ORG_END_EN}))\\s*(?:[,，]|$)`,
);
/**
 * A numbered line that holds nothing but an SDK's name, as the heading of the
 * paragraph that describes it ("（1）人脸识别SDK。" then "为了向您提供…").
 */
const NAMED_HEADING = new RegExp(`^\\s*${LIST_MARK}\\s*${SDK_NAME}\\s*[。.]?\\s*$`);
/** "第三方SDK", "本SDK" (this SDK): no name; "本机号认证SDK" (phone-number check) is one. */
const GENERIC_NAME =
  /^(?:(?:我们|本应用|本产品)?(?:所?使用|接入|集成|嵌入)的?)?(?:第三方|以下|相关|上述|其他|部分|这些|该|此|本(?!机|地)|各类|合作方)|^(?:third[- ]party|the\s+following|our|these|other|such|this|all)\b/i;

/**
 * A sentence that introduces a list, not a name: "我们的产品接入了以下第三方SDK：",
 * "本应用集成了如下SDK：", "We use the following SDKs:". No SDK's name says "以下"
 * or "the following", or opens with "we".
 */
const INTRO_NAME =
  /以下|如下|下列|下述|(?:接入|集成|使用|嵌入|引入|包含|调用|涉及)了|^我们|\bthe\s+following\b|^(?:we|our\s+(?:app|apps|products?|services?))\b/i;

const SDK_WORD = /sdk|api/i;

/** A line that starts with an SDK's own name and a colon, then says what it does. */
function namedLine(text: string, line: Line): SdkRecord | null {
  const raw = text.slice(line.start, Math.min(line.end, line.start + 160));
  // Every form names an "…SDK": most lines are ruled out by one cheap test.
  if (!SDK_WORD.test(raw)) return null;
  const heading = line.end - line.start <= 80 ? NAMED_HEADING.exec(raw) : null;
  const lineMatch = heading ? null : NAMED_LINE.exec(raw);
  const row = heading || lineMatch ? null : NAMED_ROW.exec(raw);
  const m = heading ?? lineMatch ?? row;
  if (!m) return null;
  const name = m[1]!;
  const nameAt = line.start + m.index + m[0].indexOf(name);
  const fields: Field[] = [];
  const company = m[2];
  if (company) {
    const start = line.start + m.index + m[0].lastIndexOf(company);
    fields.push({
      role: 'vendor',
      key: '',
      start,
      end: start + company.length,
      lineStart: line.start,
      lineEnd: line.end,
    });
  }
  // "社交金融SDK、移动经理SDK" names two SDKs.
  const partRe = /[^、,，/和及]+/g;
  for (let p = partRe.exec(name); p; p = partRe.exec(name)) {
    const part = p[0].trim();
    if (
      part.length < 2 ||
      GENERIC_NAME.test(part) ||
      INTRO_NAME.test(part) ||
      /^sdks?$/i.test(part)
    )
      continue;
    const start = nameAt + p.index + p[0].indexOf(part);
    fields.push({
      role: 'name',
      key: '',
      start,
      end: start + part.length,
      lineStart: line.start,
      lineEnd: line.end,
    });
  }
  if (!fields.some((f) => f.role === 'name')) return null;
  if (heading) {
    // The paragraph under the heading says what the SDK does, unless it is the next item.
    const next = nextLine(text, line);
    if (!next) return { fields, start: line.start, end: line.end };
    const body = text.slice(next.start, Math.min(next.end, next.start + 160));
    // The next item, or the fields of this one ("使用目的：…"), which the caller adds.
    if (
      NAMED_HEADING.test(body) ||
      NAMED_LINE.test(body) ||
      NAMED_ROW.test(body) ||
      hasFieldStart(body)
    ) {
      return { fields, start: line.start, end: line.end };
    }
    const rest = {
      key: '',
      start: next.start,
      end: next.end,
      lineStart: next.start,
      lineEnd: next.end,
    };
    fields.push({ ...rest, role: 'purpose' }, { ...rest, role: 'data' });
    // The record ends with the heading: names in the paragraph are still read as mentions.
    return { fields, start: line.start, end: line.end };
  }
  let vs = line.start + m.index + m[0].length;
  // A row with cells between the name and its provider (component, purpose): they
  // say what it is for, so the purpose is those cells; the data types are read from
  // them and from the cells after the provider (data, permissions).
  let purposeEnd = line.end;
  const vendorAt = fields.find((f) => f.role === 'vendor')?.start;
  if (row && vendorAt !== undefined) {
    const comma = text.slice(nameAt + name.length, vendorAt).search(/[,，]/);
    const first = comma < 0 ? -1 : nameAt + name.length + comma + 1;
    if (first >= 0 && /[^\s,，]/.test(text.slice(first, vendorAt))) {
      vs = first;
      purposeEnd = vendorAt;
      while (purposeEnd > vs && /[\s,，]/.test(text[purposeEnd - 1]!)) purposeEnd--;
    }
  }
  while (vs < line.end && /\s/.test(text[vs]!)) vs++;
  if (vs < line.end) {
    const rest = { key: '', start: vs, lineStart: line.start, lineEnd: line.end };
    fields.push(
      { ...rest, end: purposeEnd, role: 'purpose' },
      { ...rest, end: line.end, role: 'data' },
    );
  }
  return { fields, start: line.start, end: line.end };
}

/** The next line with text after `line`, trimmed of its leading and trailing spaces. */
function nextLine(text: string, line: Line): Line | null {
  let start = line.end;
  while (start < text.length && /\s/.test(text[start]!)) start++;
  if (start >= text.length) return null;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Cheap test: a label followed by a colon near the start of the line. */
function hasFieldStart(raw: string): boolean {
  const c = raw.search(/[:：]/);
  if (c < 0 || c > 80) return false;
  return endsWithLabel(raw.slice(0, c));
}

export function parseRecords(text: string): SdkRecord[] {
  const out: SdkRecord[] = [];
  let rec: SdkRecord | null = null;
  let contLines = 0;
  let contChars = 0;
  let header: (Role | undefined)[] | null = null;
  let headerKeys: string[] = [];

  const close = (): void => {
    if (rec && rec.fields.some((f) => NAMING.has(f.role))) out.push(rec);
    rec = null;
  };

  /** Adds a field to the open record; a name field after other fields opens a new one. */
  const addField = (field: Field): void => {
    if (NAMING.has(field.role)) {
      const cur: SdkRecord | null = rec;
      const norm = field.key.toLowerCase();
      if (
        cur &&
        cur.fields.some(
          (f) => (!NAMING.has(f.role) && f.role !== 'vendor') || f.key.toLowerCase() === norm,
        )
      )
        close();
      if (!rec) rec = { fields: [], start: field.lineStart, end: field.lineEnd };
    }
    if (rec) {
      const r: SdkRecord = rec;
      r.fields.push(field);
      r.end = Math.max(r.end, field.lineEnd);
    }
  };

  for (const line of lines(text)) {
    const raw = text.slice(line.start, line.end);
    if (!raw.trim()) continue;

    const cells = rowCells(text, line);
    if (cells) {
      const cellText = cells.map((c) => text.slice(c.start, c.end));
      // A two-cell "label | value" row is a field of a vertical table.
      const roles = cellText.map((c) => roleOfHeaderCell(c));
      const isHeader =
        roles.some((r) => r === 'name' || r === 'type') &&
        roles.filter((r) => r !== undefined).length >= 2;
      const asField =
        cells.length === 2 && !header && !isHeader ? roleOfLabel(cellText[0]!) : undefined;
      if (asField) {
        addField({
          role: asField,
          key: cellText[0]!,
          start: cells[1]!.start,
          end: cells[1]!.end,
          lineStart: line.start,
          lineEnd: line.end,
        });
        contLines = 0;
        contChars = 0;
        continue;
      }
      close();
      if (cellText.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) continue;
      if (isHeader) {
        header = roles;
        headerKeys = cellText;
        continue;
      }
      if (header) {
        const fields: Field[] = [];
        // The extractor drops empty cells: when a row is short, only a leading name
        // column is trusted and the other cells count as data.
        const aligned = cells.length === header.length;
        if (!aligned && header[0] !== 'name') continue;
        cells.forEach((c, i) => {
          const role = aligned ? header![i] : i === 0 ? 'name' : 'data';
          if (role && c.end > c.start)
            fields.push({
              role,
              key: headerKeys[i] ?? '',
              start: c.start,
              end: c.end,
              lineStart: line.start,
              lineEnd: line.end,
            });
        });
        if (fields.some((f) => NAMING.has(f.role)))
          out.push({ fields, start: line.start, end: line.end });
      }
      continue;
    }
    header = null;

    if (isHeadingLine(raw)) {
      close();
      continue;
    }

    const labels: { role: Role; key: string; at: number; valueStart: number }[] = [];
    if (hasFieldStart(raw)) {
      LABEL_RE.lastIndex = 0;
      for (let m = LABEL_RE.exec(raw); m; m = LABEL_RE.exec(raw)) {
        const role = roleOfLabel(m[1]!);
        if (role) labels.push({ role, key: m[1]!, at: m.index, valueStart: m.index + m[0].length });
        if (labels.length > MAX_CELLS) break;
      }
      // Dozens of labels on one line is not an SDK block.
      if (labels.length > MAX_CELLS) labels.length = 0;
    }
    // "3）华为推送SDK：为了向您推送消息，…" / "Branch SDK: deep links …": the name is the label.
    const named = namedLine(text, line);
    if (named) {
      close();
      // A heading with its fields on the lines below ("11.3.1 友盟SDK", "使用目的：…") stays open for them.
      if (named.fields.every((f) => NAMING.has(f.role))) {
        rec = named;
        contLines = 0;
        contChars = 0;
      } else out.push(named);
      continue;
    }

    // A field line starts with its label (after a short bullet or number: the
    // point of "1. SDK名称：" is no sentence ending before it).
    const first = labels[0];
    const isFieldLine =
      first !== undefined &&
      first.at <= 8 &&
      !/[。.;；]/.test(raw.slice(0, first.at).replace(LEADING_LIST_MARK, ''));

    if (!isFieldLine) {
      if (rec && OUTLINE_HEADING.test(raw)) close();
      if (rec) {
        const r: SdkRecord = rec;
        const last = r.fields[r.fields.length - 1];
        contLines++;
        contChars += line.end - line.start;
        if (last && contLines <= MAX_CONTINUATION_LINES && contChars <= MAX_CONTINUATION_CHARS) {
          last.end = line.end;
          r.end = line.end;
        } else close();
      }
      continue;
    }

    labels.forEach((l, i) => {
      const next = labels[i + 1];
      let vs = line.start + l.valueStart;
      let ve = next ? line.start + next.at : line.end;
      while (vs < ve && /\s/.test(text[vs]!)) vs++;
      while (ve > vs && /\s/.test(text[ve - 1]!)) ve--;
      addField({
        role: l.role,
        key: l.key,
        start: vs,
        end: ve,
        lineStart: line.start,
        lineEnd: line.end,
      });
    });
    contLines = 0;
    contChars = 0;
  }
  close();
  return out;
}
