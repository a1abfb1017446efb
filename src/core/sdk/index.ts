/**
 * The SDK finder: which third-party SDKs and trackers a policy names, with
 * the purpose and data types its own SDK table gives for each, and exact
 * quotes. One finding per SDK, whatever names it appears under.
 */
import { SDK_CATEGORIES, type DataType, type SdkCategory, type SdkFinding } from '../types';
import catalogJson from './catalog.json';
import { compileCatalog, scanAliases, type CompiledCatalog, type Hit } from './compile';
import { fold } from '../fold';
import { normalizeName } from './fold';
import { ownerSpans } from './owner';
import { categoryCue, inferCategory, roleFor } from './category';
import { ORG_END_EN, ORG_END_ZH } from './org';
import { parseRecords, type Field, type SdkRecord } from './records';
import type { Catalog, CatalogEntry, SdkContext } from './types';
import { quoteSpan, scopeEnd, sentenceStartBefore } from './quote';

export type { CatalogEntry, SdkContext } from './types';
export type { SdkCategory };

const catalog = catalogJson as unknown as Catalog;

export const CATALOG_VERSION: string = catalog.version;

export function catalogEntries(): readonly CatalogEntry[] {
  return catalog.entries;
}

let baseCompiled: CompiledCatalog | null = null;
let extraCache: { key: string; compiled: CompiledCatalog } | null = null;

const strings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** User entries come from settings: keep only the well-formed ones. */
function usable(e: CatalogEntry): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const x = e as unknown as Record<string, unknown>;
  const aliases = x['aliases'] as Record<string, unknown> | undefined;
  return (
    typeof x['id'] === 'string' &&
    typeof x['name'] === 'string' &&
    x['name'] !== '' &&
    typeof x['vendor'] === 'string' &&
    (SDK_CATEGORIES as readonly unknown[]).includes(x['category']) &&
    typeof aliases === 'object' &&
    aliases !== null &&
    strings(aliases['en']) &&
    strings(aliases['zh']) &&
    (x['ambiguous'] === undefined || strings(x['ambiguous'])) &&
    (x['notWithin'] === undefined || strings(x['notWithin'])) &&
    (x['packages'] === undefined || strings(x['packages'])) &&
    (x['domains'] === undefined || strings(x['domains']))
  );
}

function compiledFor(extraRaw: CatalogEntry[] | undefined): CompiledCatalog {
  if (!baseCompiled) baseCompiled = compileCatalog(catalog.entries);
  const extra = Array.isArray(extraRaw) ? extraRaw.filter(usable) : [];
  if (extra.length === 0) return baseCompiled;
  const key = CATALOG_VERSION + JSON.stringify(extra);
  if (extraCache?.key !== key) {
    const ids = new Set(extra.map((e) => e.id));
    const merged = [...extra, ...catalog.entries.filter((e) => !ids.has(e.id))];
    extraCache = { key, compiled: compileCatalog(merged) };
  }
  return extraCache.compiled;
}

/** Compile the catalog (with these user entries) now, so the first analysis does not pay for it. */
export function prepareSdks(extraRaw?: CatalogEntry[]): void {
  compiledFor(extraRaw);
}

const MAX_QUOTES = 3;
const MAX_TYPE_SNIPPETS = 200;
const MAX_QUOTE_TRIES = 50;
const CONTEXT_WINDOW = 40;

const LATIN_CONTEXT =
  /sdk|\b(?:apis?|analytics|advertis\w*|ads|ad network|push|tracking|trackers?|pixels?|plugins?|attribution|mediation|monetization|crashlytics)\b|统计|广告|推送|插件|归因|监测|埋点/;
const STRONG_AFTER_LATIN =
  /^(?:\s*['’]s)?\s*[(（]?\s*(?:sdks?\b|pixel\b|tag\b|apis?\b|analytics\b|ads\b|push\b|广告|推送|统计|sdk)/;
/** What a Chinese SDK name is followed by ("穿山甲广告", "微信登录"). */
const CJK_SDK_WORD =
  '(?:sdk|广告|推送|统计|联盟|聚合|开放平台|登录|分享|支付|地图|定位|认证|移动广告|消息推送)';
const STRONG_AFTER_CJK = new RegExp(`^\\s?${CJK_SDK_WORD}`);
const NEGATION_EN =
  /\b(?:(?:do|does|did|will|shall|would|can)\s*(?:not|n['’]t)\s+(?:currently\s+)?(?:use|integrate|embed|include|employ|utili[sz]e|work\s+with|partner\s+with|share\s+\w+(?:\s+\w+)?\s+with)|never\s+(?:use|uses|used|integrate|share\s+\w+\s+with)|no\s+longer\s+(?:use|uses|integrate))\b[^.;:!?。；]*$/;
const NEGATION_ZH =
  /(?:不|未|没有|并未|从未|不会)(?:使用|接入|集成|嵌入|采用|引入|向)[^。；;！？]*$/;

interface Acc {
  name: string;
  id?: string;
  vendor?: string;
  category: SdkCategory;
  roles?: readonly SdkCategory[];
  purpose?: string;
  dataTypes: Set<DataType>;
  quotes: { quote: string; at: number }[];
  first: number;
  /** Quote spans computed so far (repeated identical quotes stop counting after a while). */
  quoteTries: number;
  /** Snippets already given to ctx.dataTypesIn (capped: a name repeated 10 000 times stays linear). */
  typeCalls: number;
  /** The names the policy writes it under, by normalised form (capped). */
  written: Map<string, string>;
  /** The normalised card name, once a name as written is compared with it. */
  nameKey?: string;
}

/** At most this many names as written are kept per SDK. */
const MAX_WRITTEN = 4;
const COMPANY_NAME = new RegExp(`(?:${ORG_END_ZH})$|\\b(?:${ORG_END_EN})\\.?$`, 'i');

export function findSdks(text: string, ctx: SdkContext): SdkFinding[] {
  const cat = compiledFor(ctx.extraEntries);
  const folded = ctx.folded?.length === text.length ? ctx.folded : fold(text);
  const owners = ownerEntries(cat, text, folded);
  const acc = new Map<string, Acc>();

  const accFor = (entry: number): Acc => {
    const e = cat.entries[entry]!;
    let a = acc.get(e.id);
    if (!a) {
      a = {
        name: e.name,
        id: e.id,
        vendor: e.vendor,
        category: e.category,
        ...(e.roles ? { roles: e.roles } : {}),
        dataTypes: new Set(),
        quotes: [],
        first: Infinity,
        typeCalls: 0,
        quoteTries: 0,
        written: new Map(),
      };
      acc.set(e.id, a);
    }
    return a;
  };
  const addQuote = (a: Acc, s: number, e: number, at: number): void => {
    a.first = Math.min(a.first, at);
    if (a.quotes.length >= MAX_QUOTES || a.quoteTries >= MAX_QUOTE_TRIES) return;
    a.quoteTries++;
    const q = quoteSpan(text, s, e);
    if (!q) return;
    const quote = text.slice(q[0], q[1]);
    // The same line quoted twice, once from its list mark ("1. SDK名称：…") and once
    // from the sentence the mark seems to end, is one quote.
    if (a.quotes.some((x) => x.at <= q[0] && q[1] <= x.at + x.quote.length)) return;
    if (a.quotes.length < MAX_QUOTES) a.quotes.push({ quote, at: q[0] });
  };
  /** Remember the name the text writes at [s, e) ("穿山甲", "友盟+"), unless it is the card's own. */
  const addWritten = (a: Acc, h: Hit): void => {
    // a phone maker named for its push service ("华为"), or the vendor's name, is no name of the SDK
    if (a.written.size >= MAX_WRITTEN || h.ref.cued) return;
    const name = text.slice(h.start, h.end).trim();
    if (COMPANY_NAME.test(name)) return;
    const key = normalizeName(name);
    if (!key || a.written.has(key)) return;
    a.nameKey ??= normalizeName(a.name);
    // "Trade Desk" is hit without the "The" the card's name has
    if (key !== a.nameKey && `the${key}` !== a.nameKey) a.written.set(key, name);
  };
  const addTypes = (a: Acc, s: number, e: number): void => {
    if (e <= s || a.typeCalls >= MAX_TYPE_SNIPPETS) return;
    a.typeCalls++;
    const types = ctx.dataTypesAt ? ctx.dataTypesAt(s, e) : ctx.dataTypesIn(text.slice(s, e));
    for (const t of types) a.dataTypes.add(t);
  };

  // 1. SDK tables and "label: value" blocks.
  const fieldHits = new Set<number>();
  /** Names in an SDK record's name fields that make or describe the SDK named beside them. */
  const absorbedHits = new Set<number>();
  const quietSpans: [number, number][] = [];
  const recordSpans: [number, number][] = [];
  const memo = new Map<string, Hit[]>();
  for (const rec of parseRecords(text)) {
    recordSpans.push([rec.start, rec.end]);
    for (const f of rec.fields)
      if (f.role === 'vendor' || f.role === 'link') quietSpans.push([f.start, f.end]);
    const found = identify(cat, text, folded, rec, owners, memo);
    if (found.kind === 'none') continue;
    const purpose = purposeOf(text, rec);
    const targets: Acc[] = [];
    if (found.kind === 'known') {
      for (const h of found.absorbed) absorbedHits.add(h.start);
      for (const h of found.hits) {
        fieldHits.add(h.start);
        const a = accFor(h.ref.entry);
        const f = found.fieldOf.get(h)!;
        addQuote(a, f.lineStart, f.lineEnd, h.start);
        addWritten(a, h);
        targets.push(a);
      }
    } else {
      for (const { name, field } of found.names) {
        const key = 'table:' + normalizeName(name);
        let a = acc.get(key);
        if (!a) {
          const vendor = vendorOf(text, rec, field, name);
          a = {
            name,
            ...(vendor ? { vendor } : {}),
            // A name that says it is none of the categories ("设备指纹SDK": risk control)
            // outweighs the words of its purpose ("支付设备安全检测").
            category:
              categoryCue(name) === 'other'
                ? 'other'
                : inferCategory(
                    [
                      purpose ?? '',
                      ...rec.fields
                        .filter((f) => f.role === 'type')
                        .map((f) => text.slice(f.start, f.end)),
                      name,
                    ].join(' '),
                  ),
            dataTypes: new Set(),
            quotes: [],
            first: Infinity,
            typeCalls: 0,
            quoteTries: 0,
            written: new Map(),
          };
          acc.set(key, a);
        }
        addQuote(a, field.lineStart, field.lineEnd, field.start);
        // A purpose written on its own line that names the SDK says more than the name does.
        for (const f of rec.fields) {
          if (f.role !== 'purpose' || f.lineStart === field.lineStart) continue;
          const at = text.slice(f.start, f.end).indexOf(name);
          if (at >= 0) addQuote(a, f.lineStart, f.lineEnd, f.start + at);
        }
        targets.push(a);
      }
    }
    for (const a of new Set(targets)) {
      if (purpose && !a.purpose) a.purpose = purpose;
      for (const f of rec.fields)
        if (f.role === 'data' || f.role === 'other') addTypes(a, f.start, f.end);
    }
  }

  // 2. Names anywhere in the text.
  const hits = scanAliases(cat, text, folded);
  quietSpans.sort((a, b) => a[0] - b[0]);
  // Index of the next hit of another SDK, for each hit (linear, from the end).
  const nextOther = new Array<number>(hits.length);
  for (let i = hits.length - 1; i >= 0; i--) {
    const n = hits[i + 1];
    nextOther[i] = !n
      ? hits.length
      : n.ref.entry !== hits[i]!.ref.entry
        ? i + 1
        : nextOther[i + 1]!;
  }
  // The first and last hit of the list each hit stands in ("A、B和C"), on one line.
  const chainLast = new Array<number>(hits.length);
  for (let i = hits.length - 1; i >= 0; i--) {
    const n = hits[i + 1];
    const h = hits[i]!;
    chainLast[i] =
      n && (n.start < h.end || INLINE_LIST_GAP.test(text.slice(h.end, n.start)))
        ? chainLast[i + 1]!
        : i;
  }
  const chainFirst = new Array<number>(hits.length);
  for (let i = 0; i < hits.length; i++)
    chainFirst[i] = i > 0 && chainLast[i - 1] === chainLast[i] ? chainFirst[i - 1]! : i;
  let quiet = 0;
  let rspan = 0;
  // Unambiguous names, for "Firebase, Branch and Amplitude"-style lists.
  const plain = hits
    .filter((h) => !h.ref.ambiguous && !owners.has(h.ref.entry) && !isCjkAlias(h))
    .map((h) => [h.start, h.end] as const);
  let lastKept: Hit | null = null;
  hits.forEach((h, i) => {
    const entry = h.ref.entry;
    if (owners.has(entry)) return;
    // "穿山甲SDK（字节跳动广告SDK、今日头条广告SDK）": other names of the SDK just named
    if (
      lastKept &&
      lastKept.ref.entry !== entry &&
      h.start - lastKept.end <= MAX_OTHER_NAMES_GAP &&
      OTHER_NAMES_OPEN.test(text.slice(lastKept.end, h.start))
    )
      return;
    if (absorbedHits.has(h.start)) return;
    if (!fieldHits.has(h.start)) {
      // Vendor names and links inside an SDK block belong to that block's SDK.
      while (quiet < quietSpans.length && quietSpans[quiet]![1] <= h.start) quiet++;
      const q = quietSpans[quiet];
      if (q && q[0] <= h.start && h.end <= q[1]) return;
      if (h.ref.cued) {
        if (!cuesMet(cat, text, folded, h)) return;
      } else if (
        h.ref.ambiguous &&
        !ambiguousOk(cat, text, folded, h) &&
        !listedWithOthers(text, h, plain, lastKept) &&
        !listItemAmongSdks(text, h, plain) &&
        !listEndsInSdkWord(folded, hits, i) &&
        !(signsIn(cat.entries[entry]!) && listEndsInLogin(folded, hits, i)) &&
        !inSdkBracket(folded, h)
      )
        return;
      if (negated(folded, h)) return;
      if (lastKept && lastKept.ref.entry !== entry && vendorOfPrevious(text, folded, lastKept, h))
        return;
      // Inside an SDK record, a company name is the vendor of the record's SDK.
      while (rspan < recordSpans.length && recordSpans[rspan]![1] <= h.start) rspan++;
      const r = recordSpans[rspan];
      if (r && r[0] <= h.start && COMPANY_SUFFIX.test(folded.slice(h.end, h.end + 40))) return;
    }
    lastKept = h;
    const a = accFor(entry);
    addQuote(a, h.start, h.end, h.start);
    addWritten(a, h);
    // Data types from the rest of the sentence and paragraph, up to the next other SDK.
    if (a.typeCalls >= MAX_TYPE_SNIPPETS) return;
    const first = chainFirst[i]!;
    const last = chainLast[i]!;
    if (last > first) {
      // One of a list of names ("穿山甲、优量汇、快手等广告SDK会收集…"): what the
      // sentence says before and after the list holds for each name in it.
      const head = hits[first]!;
      const tail = hits[last]!;
      let from = userClauseStart(text, sentenceStartBefore(text, head.start), head.start);
      const prev = hits[first - 1];
      if (prev && prev.end > from) from = prev.end;
      addTypes(a, from, head.start);
      // A name's own note ("Google Maps (location)") is its alone; the list's tail is all of theirs.
      const note = NAME_NOTE.exec(text.slice(h.end, h.end + 44));
      if (note) addTypes(a, h.end, h.end + note[0].length);
      const tailNote = NAME_NOTE.exec(text.slice(tail.end, tail.end + 44));
      const tailFrom = tail.end + (tailNote?.[0].length ?? 0);
      const next = nextOther[last]!;
      const stop = next < hits.length ? hits[next]!.start : text.length;
      addTypes(a, tailFrom, Math.min(stop, scopeEnd(text, tail.end)));
      return;
    }
    let from = userClauseStart(text, sentenceStartBefore(text, h.start), h.start);
    const prev = hits[i - 1];
    if (prev && prev.ref.entry !== entry && prev.end > from) from = prev.end;
    const next = nextOther[i]!;
    const stop = next < hits.length ? hits[next]!.start : text.length;
    addTypes(a, from, Math.min(stop, scopeEnd(text, h.end)));
  });

  // 3. Sign-in choices named by a company's bare name ("sign in with your Google or Apple account").
  for (const c of signInChoices(cat, folded)) {
    const a = accFor(c.entry);
    addQuote(a, c.start, c.end, c.start);
    addTypes(a, sentenceStartBefore(text, c.start), scopeEnd(text, c.end));
  }

  return withoutUmbrellas(
    [...acc.values()]
      .filter((a) => a.quotes.length > 0)
      .sort((x, y) => x.first - y.first)
      .map((a) => {
        const quotes = a.quotes.sort((x, y) => x.at - y.at);
        const f: SdkFinding = {
          name: a.name,
          // an SDK of several roles takes the one its purpose or first quote names
          category: a.roles
            ? roleFor(a.purpose ?? quotes[0]!.quote, a.roles, a.category)
            : a.category,
          dataTypes: [...a.dataTypes],
          evidence: quotes.map((q) => ({ quote: q.quote, section: ctx.sectionAt(q.at) })),
        };
        if (a.written.size) f.aliases = [...a.written.values()];
        if (a.id) f.id = a.id;
        if (a.vendor) f.vendor = a.vendor;
        if (a.purpose) f.purpose = a.purpose;
        return f;
      }),
  );
}

/**
 * A platform named only where one of its products is ("阿里云一键登录（阿里云号码认证服务）",
 * "Firebase Analytics … Firebase Crashlytics"): the product is the SDK, and the platform
 * ("Alibaba Cloud", "Firebase"), with no quote of its own, is not a second one.
 */
function withoutUmbrellas(found: SdkFinding[]): SdkFinding[] {
  return found.filter(
    (f) =>
      !found.some(
        (g) =>
          g !== f &&
          g.name.startsWith(f.name + ' ') &&
          f.evidence.every((e) => g.evidence.some((x) => x.quote === e.quote)),
      ),
  );
}

/** Between an SDK's name and a hit: still inside the brackets that follow the name. */
const OTHER_NAMES_OPEN = /^[\s,]*(?:SDK|sdk)?[\s,]*[（(][^（()）]{0,60}$/;
/** The longest gap OTHER_NAMES_OPEN can match: longer ones are not sliced to find out. */
const MAX_OTHER_NAMES_GAP = 70;

const VENDOR_BEFORE = new RegExp(
  `(?:使用了?|采用了?|接入了?|集成了?|引入了?|由)\\s*([^，。；、,;:：\\s了]{1,40}?(?:${ORG_END_ZH}|局))(?:所|提供)?的(?:[^，。；,;]{1,30}?(?:和|、|及|与))?\\s*$`,
);
/** How a text says who provides an SDK: "provided by", "developed by"; "由", "提供方：". */
const PROVIDED_BY_EN = '(?:provided|developed|offered|operated|published|made)\\s+by';
const PROVIDED_BY_ZH = '由|提供方[:：]?|开发者[:：]?';
/**
 * The company named right after an SDK: "Foo SDK, provided by Foo Labs Inc.",
 * "Foo SDK (developed by …)", "云雀推送SDK（由云雀网络有限公司提供）".
 */
const VENDOR_AFTER = new RegExp(
  `^\\s*(?:(?:SDKs?|sdks?)\\b)?\\s*[,(（]?\\s*(?:(?:which\\s+)?is\\s+)?${PROVIDED_BY_EN}\\s+(?:the\\s+)?([A-Z][^,;:()（）\\n]{0,60}?\\b(?:${ORG_END_EN}))(?![A-Za-z])` +
    `|^\\s*(?:SDK|sdk)?\\s*[（(]?\\s*(?:${PROVIDED_BY_ZH})\\s*([^，。；、,;:：\\s（）()]{2,40}?(?:${ORG_END_ZH}))(?:所)?(?:提供|开发|运营)?`,
);
/** "该SDK由X公司提供": the company named for "this SDK" later in its description. */
const VENDOR_OF_THIS = new RegExp(
  `(?:该|此)\\s*(?:SDK|sdk)\\s*(?:由|系由|是由)\\s*([^，。；、,;:：\\s（）()]{2,40}?(?:${ORG_END_ZH}))(?:所)?(?:提供|开发|运营)`,
);
const MAX_VENDOR = 80;
const COMPANY_AT_END = new RegExp(
  `(?:${ORG_END_ZH}|co\\.,?\\s*ltd\\.?|inc\\.?|llc|corporation|gmbh)$`,
  'i',
);

/**
 * Who makes an SDK the catalog does not know: its record's vendor field, or
 * the company named just before or right after it ("使用了神州泰岳公司提供的社交金融SDK",
 * "使用北京市商汤科技开发有限公司的OCR识别SDK", "Foo SDK (provided by Foo Labs Inc.)").
 * Never the policy's own company ("本公司").
 */
function vendorOf(text: string, rec: SdkRecord, field: Field, name: string): string | undefined {
  // The vendor field, or another name field that holds a company ("第三方名称：某某科技有限公司").
  for (const vf of rec.fields) {
    if (vf === field || (vf.role !== 'vendor' && vf.role !== 'name')) continue;
    const v = text.slice(vf.start, vf.end).replace(/\s+/g, ' ').trim();
    if (!v || v.length > MAX_VENDOR) continue;
    if (vf.role === 'vendor' || COMPANY_AT_END.test(v)) return v;
  }
  // The name's own field, then the record's other fields (a "名称：用途" block names the company in its purpose).
  for (const f of [field, ...rec.fields.filter((x) => x !== field && x.role !== 'name')]) {
    const value = text.slice(f.start, f.end);
    for (let at = value.indexOf(name); at >= 0; at = value.indexOf(name, at + name.length)) {
      const before =
        at > 0 ? VENDOR_BEFORE.exec(value.slice(Math.max(0, at - 80), at))?.[1] : undefined;
      const afterMatch = VENDOR_AFTER.exec(value.slice(at + name.length, at + name.length + 100));
      const after = afterMatch?.[1] ?? afterMatch?.[2];
      for (const v of [before, after]) if (v && !/^[本我贵]/.test(v)) return v.trim();
    }
  }
  for (const f of rec.fields) {
    if (f.role !== 'purpose') continue;
    const v = VENDOR_OF_THIS.exec(text.slice(f.start, f.end))?.[1];
    if (v && !/^[本我贵]/.test(v)) return v.trim();
  }
  return undefined;
}

function ownerEntries(cat: CompiledCatalog, text: string, folded: string): Set<number> {
  const out = new Set<number>();
  const names = new Set<string>();
  for (const [s, e] of ownerSpans(text)) {
    for (const h of scanAliases(cat, text.slice(s, e), folded.slice(s, e))) out.add(h.ref.entry);
    // The owner may be a vendor ("Thank you for using Pinterest" -> Pinterest Tag).
    const span = text.slice(s, e).replace(/\b(?:Inc|Ltd|LLC|Corp|Co)\b\.?/g, '');
    for (const run of span.match(/[A-Z][\w+&-]*(?:\s+[A-Z][\w+&-]*)*/g) ?? []) {
      const n = normalizeName(run);
      if ((n.match(/[a-z]/g) ?? []).length >= 4) names.add(n);
    }
  }
  if (names.size)
    cat.vendorKeys.forEach((v, i) => {
      for (const n of names) if (v.startsWith(n)) out.add(i);
    });
  return out;
}

/**
 * A capitalised ambiguous name in the same list as an unambiguous Latin SDK name
 * ("we use Mixpanel, Segment and Amplitude"): within 40 characters, same line,
 * only commas, "and", "or", "&", "/" and spaces between.
 */
const isCjkAlias = (h: Hit): boolean => h.ref.alias.charCodeAt(0) >= 0x2e80;

function listedWithOthers(
  text: string,
  h: Hit,
  plain: (readonly [number, number])[],
  lastKept: Hit | null,
): boolean {
  if (!h.ref.capitalised) return false;
  let lo = 0;
  let hi = plain.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plain[mid]![0] < h.start) lo = mid + 1;
    else hi = mid;
  }
  // "… Google Ad Manager and The Trade Desk": a name's hit leaves out its "The".
  const SEPARATOR = /^(?:[\s,、/&]|and\b|or\b|和|及|与|以及)*(?:\bthe\s+)?$/i;
  const near = (between: string): boolean => between.length <= 40 && SEPARATOR.test(between);
  const next = plain[lo];
  if (next && near(text.slice(h.end, next[0]))) return true;
  if (
    lastKept &&
    !isCjkAlias(lastKept) &&
    lastKept.end <= h.start &&
    near(text.slice(lastKept.end, h.start))
  )
    return true;
  const prev = plain[lo - 1];
  return prev !== undefined && prev[1] <= h.start && near(text.slice(prev[1], h.start));
}

/**
 * What may stand before an item's first word on its line: a bullet or a number,
 * and the "The" a name's hit leaves out ("- The Trade Desk: …" is hit at "Trade").
 */
const ITEM_LEAD = /^[ \t]*(?:[-•*·▪]|\d{1,3}[.)）、]|[（(]\d{1,3}[)）])?[ \t]*(?:The[ \t]+)?$/;
/** An item that names its subject, then says what it is: "Name: …", "Name (Company)…", "Name – …". */
const ITEM_AFTER = /^(?:\s?sdk)?\s*(?:[:：(（]|[–—-]\s)/i;
const ITEM_LINE =
  /^[ \t]*(?:[-•*·▪]|\d{1,3}[.)）、]|[（(]\d{1,3}[)）])?[ \t]*[^\s:：][^\n:：]{0,60}?(?:[:：(（]|\s[–—-]\s)/;
/** How many items above and below an item are looked at. */
const ITEM_REACH = 4;

/**
 * An item of a vertical list of SDKs: a capitalised name that opens its line
 * ("- Adjust: mobile measurement") where an item near it opens with a name
 * that is only an SDK's ("- AppsFlyer: attribution").
 */
function listItemAmongSdks(text: string, h: Hit, plain: (readonly [number, number])[]): boolean {
  if (!h.ref.capitalised) return false;
  const ls = text.lastIndexOf('\n', h.start - 1) + 1;
  if (!ITEM_LEAD.test(text.slice(ls, h.start))) return false;
  if (!ITEM_AFTER.test(text.slice(h.end, h.end + 8))) return false;
  const opensWithPlain = (a: number, b: number): boolean => {
    let lo = 0;
    let hi = plain.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (plain[mid]![0] < a) lo = mid + 1;
      else hi = mid;
    }
    const p = plain[lo];
    return p !== undefined && p[1] <= b && ITEM_LEAD.test(text.slice(a, p[0]));
  };
  for (const dir of [-1, 1] as const) {
    let lineStart = ls;
    let lineEnd = text.indexOf('\n', h.start);
    if (lineEnd < 0) lineEnd = text.length;
    for (let seen = 0; seen < ITEM_REACH;) {
      if (dir < 0) {
        if (lineStart === 0) break;
        lineEnd = lineStart - 1;
        lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
      } else {
        if (lineEnd >= text.length) break;
        lineStart = lineEnd + 1;
        lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0) lineEnd = text.length;
      }
      const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
      if (!line.trim()) continue;
      if (!ITEM_LINE.test(line)) break;
      if (opensWithPlain(lineStart, lineEnd)) return true;
      seen++;
    }
  }
  return false;
}

/** The folded sentence around a hit ("" when it has none). */
function sentenceOf(text: string, folded: string, h: Hit): string {
  const span = quoteSpan(text, h.start, h.end);
  return span ? folded.slice(span[0], span[1]) : '';
}

/** A `cued` name's sentence holds a word of each of its entry's cue groups. */
function cuesMet(cat: CompiledCatalog, text: string, folded: string, h: Hit): boolean {
  const sentence = sentenceOf(text, folded, h);
  return (
    sentence !== '' &&
    cat.cues[h.ref.entry]!.every((group) => group.some((w) => sentence.includes(w)))
  );
}

/** A short note in brackets after a name, as a pattern to build on. */
const NOTE_SOURCE = String.raw`\s?[(（][^()（）\n]{1,40}[)）]`;
/** Between two names of one list: "、", "，", "/", "和", "及", "与", "或", "以及". */
const LIST_GAP = /^(?:[\s、，,/和及与或]|以及){0,4}$/;
/**
 * The same, within a line; and the English separators ("Mixpanel, Segment and Amplitude"),
 * after a short note on the name before ("Firebase Crashlytics (crash reporting), Mixpanel").
 */
const INLINE_LIST_GAP = new RegExp(
  `^(?:${NOTE_SOURCE})?(?:[ \\t、，,/和及与或&]|以及|\\band\\b|\\bor\\b){0,4}$`,
);
/** A short note in brackets right after a name: "(crash reporting)", "（统计分析）". */
const NAME_NOTE = new RegExp(`^${NOTE_SOURCE}`);
/** After a list's last name: "等分享功能", "等提供广告服务", "用于推送". */
const LIST_TAIL = new RegExp(`^\\s?(?:等等?)?\\s?的?(?:用于|提供)?${CJK_SDK_WORD}`);

/**
 * A name in a Chinese list of SDK names whose end says what they are: "新浪微博、微信、QQ等分享功能",
 * "快手、UC、今日头条等提供广告服务", "个推用于推送" (the SDK word after the last name is all of theirs).
 */
function listEndsInSdkWord(folded: string, hits: readonly Hit[], i: number): boolean {
  const end = lastInList(folded, hits, i).end;
  return LIST_TAIL.test(folded.slice(end, end + 24));
}

/** The last name of the Chinese list ("A、B和C") that hits[i] opens or stands in. */
function lastInList(folded: string, hits: readonly Hit[], i: number): Hit {
  let last = hits[i]!;
  for (let j = i + 1; j < hits.length && j <= i + 12; j++) {
    const next = hits[j]!;
    if (next.start < last.end) continue;
    if (!LIST_GAP.test(folded.slice(last.end, next.start))) break;
    last = next;
  }
  return last;
}

/** An account sign-in after the names: 微信账号登录, “QQ或微信帐号授权登录”. */
const ACCOUNT_LOGIN = /^\s?(?:等)?\s?(?:的)?(?:账号|帐号|账户|帐户)(?:授权)?登录/;
/** A name that is itself a sign-in: Apple账号登录, 微博登录. */
const LOGIN_ALIAS = /登录$/;

/** Can the entry sign users in (its category or one of its roles)? */
function signsIn(e: { category: SdkCategory; roles?: readonly SdkCategory[] }): boolean {
  return e.category === 'login' || (e.roles?.includes('login') ?? false);
}

/**
 * A name in a Chinese list of sign-in choices: "使用微信或QQ账号登录", "微信、QQ或Apple账号登录"
 * (the last name a sign-in itself). Only a sign-in entry is read so: 快手账号登录 is no ad network.
 */
function listEndsInLogin(folded: string, hits: readonly Hit[], i: number): boolean {
  const last = lastInList(folded, hits, i);
  if (ACCOUNT_LOGIN.test(folded.slice(last.end, last.end + 16))) return true;
  return last !== hits[i] && LOGIN_ALIAS.test(folded.slice(last.start, last.end));
}

/** A sign-in phrase and its preposition: "sign in with your", "log in using an", "register via". */
const SIGN_IN_LEAD =
  /\b(?:sign(?:s|ing|ed)?[- ]?(?:in|up|on)|log(?:s|ging|ged)?[- ]?(?:in|on)|register(?:s|ing|ed)?|creat(?:e|es|ing) an account|authenticat(?:e|es|ing))\s+(?:with|using|via|through)\s+(?:(?:your|an?|their|existing|the)\s+)*/g;
/** The choices after it, up to the clause's end. */
const CHOICES = /^[^.;:!?()\n]{1,80}/;
const CHOICE_SEP = /\s*(?:,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*\/\s*)/;
/** How many choices are read after the phrase (an e-mail address may come first). */
const MAX_CHOICES = 5;

interface SignInChoice {
  entry: number;
  start: number;
  end: number;
}

/**
 * Providers in a list of sign-in choices, by the bare names the catalog gives them
 * (signInAs): "sign in with your Google or Apple account", "register using your e-mail
 * address, Facebook or LinkedIn". Names that are no provider are passed over.
 */
function signInChoices(cat: CompiledCatalog, folded: string): SignInChoice[] {
  const out: SignInChoice[] = [];
  if (cat.signIn.size === 0) return out;
  SIGN_IN_LEAD.lastIndex = 0;
  for (let m = SIGN_IN_LEAD.exec(folded); m; m = SIGN_IN_LEAD.exec(folded)) {
    const from = m.index + m[0].length;
    const run = CHOICES.exec(folded.slice(from, from + 80))?.[0] ?? '';
    let at = 0;
    const parts = run.split(CHOICE_SEP);
    for (const part of parts.slice(0, MAX_CHOICES)) {
      const at0 = run.indexOf(part, at);
      at = at0 + part.length;
      const start = from + at0 + (part.length - part.trimStart().length);
      // the name is the part's first word or two ("apple id credentials", "amazon to pay faster")
      const words = part.trim().split(/\s+/);
      // a product named by a longer alias ("sign in with Google Analytics data") is that product's
      const rest = words.join(' ') + ' ';
      if (
        (cat.latin.get(words[0] ?? '') ?? []).some(
          (a) => a.folded.includes(' ') && rest.startsWith(a.folded + ' '),
        )
      )
        continue;
      for (const n of [2, 1]) {
        const name = words.slice(0, n).join(' ');
        const entry = n <= words.length ? cat.signIn.get(name) : undefined;
        if (entry === undefined) continue;
        out.push({ entry, start, end: start + name.length });
        break;
      }
    }
  }
  return out;
}

/** Right after an SDK word: "第三方SDK（穿山甲）", "第三方登录方式提供商（QQ、微信）", "支付机构（…）". */
const BRACKET_LEAD = /(?:sdk|登录|分享|支付|推送|广告|统计|地图|定位|认证)[^，。,;；\n]{0,8}$/;

function inSdkBracket(folded: string, h: Hit): boolean {
  const lo = Math.max(0, h.start - 40);
  const before = folded.slice(lo, h.start);
  const open = Math.max(before.lastIndexOf('（'), before.lastIndexOf('('));
  if (open < 0 || /[)）\n。；;]/.test(before.slice(open + 1))) return false;
  const at = lo + open;
  return BRACKET_LEAD.test(folded.slice(Math.max(0, at - 14), at));
}

function ambiguousOk(cat: CompiledCatalog, text: string, folded: string, h: Hit): boolean {
  const after = folded.slice(h.end, h.end + 24);
  const cjk = h.ref.alias.charCodeAt(0) >= 0x2e80;
  if (cjk ? STRONG_AFTER_CJK.test(after) : STRONG_AFTER_LATIN.test(after)) return true;
  const lo = Math.max(0, h.start - 80);
  const near = folded.slice(lo, h.end + 80);
  if (cat.hints[h.ref.entry]!.some((x) => near.includes(x))) return true;
  const words = cat.contextWords[h.ref.entry]!;
  if (words.length) {
    const sentence = sentenceOf(text, folded, h);
    if (words.some((w) => sentence.includes(w))) return true;
  }
  if (cjk) return false;
  if (atSentenceStart(text, h.start)) return false;
  let before = folded.slice(Math.max(0, h.start - CONTEXT_WINDOW), h.start);
  before = before.slice(before.lastIndexOf('\n') + 1);
  let rest = folded.slice(h.end, h.end + CONTEXT_WINDOW);
  const nl = rest.indexOf('\n');
  if (nl >= 0) rest = rest.slice(0, nl);
  if (LATIN_CONTEXT.test(before) || LATIN_CONTEXT.test(rest)) return true;
  // An entry with words of its own ("Sign in with LinkedIn") is read by those alone.
  if (words.length) return false;
  const own = CATEGORY_CONTEXT[cat.entries[h.ref.entry]!.category];
  return own !== undefined && (own.test(before) || own.test(rest));
}

/**
 * Words of the use a service of that category is named for, beside its name on the
 * line: "payment is handled by Stripe", "Plaid links your bank account", "maps from Radar".
 */
const CATEGORY_CONTEXT: Partial<Record<SdkCategory, RegExp>> = {
  payment:
    /\b(?:payments?|pay|paid|checkout|billing|billed|purchases?|transactions?|bank accounts?|(?:credit|debit|payment) cards?|card (?:details|numbers?|data|information))\b|支付|付款/,
  maps: /\b(?:maps?|mapping|geocoding|geolocation|location (?:services?|data|information))\b|地图|定位/,
  crash:
    /\b(?:crash(?:es|ed)?|crash reports?|error (?:reports?|reporting|monitoring|tracking)|performance monitoring|bug reports?)\b|崩溃/,
  login:
    /\b(?:sign(?:s|ing)?[- ]?in|log(?:s|ging)?[- ]?in|login|authenticat\w*|single sign-on)\b|登录/,
};

const COMPANY_SUFFIX =
  /^[^，。,;；.\n()（）]{0,14}?(?:有限公司|有限责任公司|公司|co\.,?\s*ltd|inc\.|llc\b|corporation\b|gmbh\b)/;

/**
 * A company name right after another SDK's name ("穿山甲SDK（北京巨量引擎网络技术有限公司）")
 * is that SDK's vendor, not a second SDK.
 */
function vendorOfPrevious(text: string, folded: string, prev: Hit, h: Hit): boolean {
  if (h.start - prev.end > 80) return false;
  if (text.slice(prev.end, h.start).includes('\n')) return false;
  return COMPANY_SUFFIX.test(folded.slice(h.end, h.end + 40));
}

function atSentenceStart(text: string, start: number): boolean {
  let i = start - 1;
  let skipped = 0;
  while (i >= 0 && skipped < 8 && /[\s\-•*·#>(（)）\d.、]/.test(text[i]!)) {
    if (text[i] === '\n') return true;
    i--;
    skipped++;
  }
  if (i < 0) return true;
  // A table cell (" | " or a tab between cells) starts like a sentence: "| Adjust advertising ...".
  return /[.!?。！？;；:：\n|\t]/.test(text[i]!);
}

function negated(folded: string, h: Hit): boolean {
  const before = folded.slice(Math.max(0, h.start - 80), h.start);
  return NEGATION_EN.test(before) || NEGATION_ZH.test(before);
}

/** "SDK" straight after a name, maybe past a remark in brackets: "百度统计SDK", "友盟+（站长统计）SDK". */
const SDK_AFTER = /^\s?(?:[(（][^()（）]{0,12}[)）])?\s?sdk/;

type Identified =
  | {
      kind: 'known';
      hits: Hit[];
      fieldOf: Map<Hit, Field>;
      /** Names in the record that make or describe its SDKs, not SDKs of their own. */
      absorbed: Hit[];
    }
  | { kind: 'unknown'; names: { name: string; field: Field }[] }
  | { kind: 'none' };

function identify(
  cat: CompiledCatalog,
  text: string,
  folded: string,
  rec: SdkRecord,
  owners: Set<number>,
  memo: Map<string, Hit[]>,
): Identified {
  const scan = (roles: string[]): { hits: Hit[]; fieldOf: Map<Hit, Field> } => {
    const hits: Hit[] = [];
    const fieldOf = new Map<Hit, Field>();
    for (const f of rec.fields) {
      if (!roles.includes(f.role)) continue;
      // Big tables repeat the same names: scan each distinct value once.
      const value = text.slice(f.start, f.end);
      let rel = memo.get(value);
      if (!rel) {
        rel = scanAliases(cat, value, folded.slice(f.start, f.end));
        if (memo.size < 10_000) memo.set(value, rel);
      }
      for (const h of rel) {
        // a bare maker's name in a table is a vendor ("华为技术有限公司"), not its push SDK
        if (owners.has(h.ref.entry) || h.ref.cued) continue;
        // "Adjust advertising delivery ...": an ambiguous name followed by plain words is a verb.
        if (h.ref.ambiguous && /^\s+[a-z]{3,}/.test(value.slice(h.end, h.end + 20))) {
          if (!STRONG_AFTER_LATIN.test(folded.slice(f.start + h.end, f.start + h.end + 24)))
            continue;
        }
        const abs: Hit = { start: h.start + f.start, end: h.end + f.start, ref: h.ref };
        hits.push(abs);
        fieldOf.set(abs, f);
      }
    }
    return { hits, fieldOf };
  };
  const named = scan(['name', 'type']);
  // "TalkingData Game Analytics SDK": beside a name that is only an SDK's, a name that may
  // be plain words ("Game Analytics") describes it.
  const describing = named.hits.filter(
    (h) =>
      h.ref.ambiguous &&
      named.hits.some((o) => !o.ref.ambiguous && named.fieldOf.get(o) === named.fieldOf.get(h)),
  );
  if (describing.length) named.hits = named.hits.filter((h) => !describing.includes(h));
  if (named.hits.length) {
    // "SDK名称：阿里云号码认证SDK / 第三方名称：阿里云计算有限公司": the company in a
    // name field is the maker of the SDK named beside it, not a second SDK.
    const isCompany = (h: Hit): boolean =>
      COMPANY_AT_END.test(
        text.slice(named.fieldOf.get(h)!.start, named.fieldOf.get(h)!.end).trim(),
      );
    const bySdk = named.hits.filter((h) => !isCompany(h));
    if (bySdk.length && bySdk.length < named.hits.length) {
      const fieldOf = new Map<Hit, Field>();
      for (const h of bySdk) fieldOf.set(h, named.fieldOf.get(h)!);
      return {
        kind: 'known',
        hits: bySdk,
        fieldOf,
        absorbed: [...describing, ...named.hits.filter((h) => isCompany(h))],
      };
    }
    return { kind: 'known', ...named, absorbed: describing };
  }
  const byVendor = scan(['vendor']);
  if (byVendor.hits.length) return { kind: 'known', ...byVendor, absorbed: [] };
  // "页面统计SDK（js组件）：…我行使用了百度统计SDK和友盟+SDK": a heading that describes
  // what the SDKs do, and the SDKs it names, which are read where they are written.
  // A maker named there ("商汤科技开发有限公司的OCR识别SDK") leaves the heading the name.
  if (scan(['purpose']).hits.some((h) => SDK_AFTER.test(folded.slice(h.end, h.end + 24))))
    return { kind: 'none' };
  // Unknown SDK: the names under one label (an "SDK名称" label wins over a company-ish
  // "第三方名称"; a named line "A SDK、B SDK：" gives both), else a type that says "SDK".
  const usable = (f: Field): { name: string; field: Field } | null => {
    const name = cleanName(text.slice(f.start, f.end));
    return name ? { name, field: f } : null;
  };
  const names = rec.fields.filter((f) => f.role === 'name');
  const key = (names.find((f) => /sdk/i.test(f.key) || f.key === '') ?? names[0])?.key;
  const chosen = names
    .filter((f) => f.key === key)
    .map(usable)
    .filter((x) => x !== null);
  let typed: { name: string; field: Field } | null = null;
  for (const f of rec.fields) {
    const u = f.role === 'type' ? usable(f) : null;
    if (u && /sdk/i.test(u.name)) {
      typed = u;
      break;
    }
  }
  // "Partner Type: Youtui Advertising SDK / Partner Name: Beijing … Co., Ltd.": the SDK
  // is better named by its type than by its company.
  const company = /\b(?:co\.?,?\s*ltd|inc|llc|gmbh|corporation|limited)\b|有限公司|有限责任公司/i;
  if (chosen.length && !(typed && chosen.every((c) => company.test(c.name))))
    return { kind: 'unknown', names: chosen };
  return typed ? { kind: 'unknown', names: [typed] } : { kind: 'none' };
}

/** A remark after the name that says who provides it: "(provided by …)", "（由…提供）". */
const PROVIDER_REMARK = new RegExp(
  `\\s*[(（]\\s*(?:${PROVIDED_BY_EN}\\b|${PROVIDED_BY_ZH})[^()（）]*[)）]?\\s*$`,
);

function cleanName(raw: string): string | null {
  const s = raw
    .replace(PROVIDER_REMARK, '')
    .replace(/^[\s"'“”‘’《「【\[(（`*]+/, '')
    .replace(/[\s"'“”‘’》」】\])）`*,，;；。.、:：]+$/, '')
    .trim();
  if (s.length < 2 || s.length > 60) return null;
  if (/https?:|www\./i.test(s)) return null;
  if (/[。；;！？!?]/.test(s)) return null;
  if (s.split(/\s+/).length > 8) return null;
  if (/^(?:none|n\/a|无|暂无|不涉及|-+)$/i.test(s)) return null;
  return s;
}

function purposeOf(text: string, rec: SdkRecord): string | undefined {
  const parts: string[] = [];
  for (const f of rec.fields) {
    if (f.role !== 'purpose') continue;
    const v = text
      .slice(f.start, f.end)
      .trim()
      .replace(/\s*\n\s*/g, '; ');
    if (v) parts.push(v);
  }
  if (!parts.length) return undefined;
  const joined = parts.join('; ');
  return joined.length > 300 ? joined.slice(0, 297).trimEnd() + '…' : joined;
}

/** A clause in which the user chooses what to give ("，您还可以自愿选择是否向我们提供…支付宝账号"). */
const USER_CLAUSE = /[，,；;]\s*(?:但|而|或)?(?:您|你)(?:还|也)?(?:可以|可)(?:自愿|自行)?选择/g;

/**
 * Where the data an SDK named at `at` takes is read from: the sentence's start,
 * or the start of a clause before the name in which the user chooses what to give
 * (the data listed before it is the service's, not that SDK's).
 */
function userClauseStart(text: string, from: number, at: number): number {
  const s = text.slice(from, at);
  if (!s.includes('选择')) return from;
  let start = from;
  USER_CLAUSE.lastIndex = 0;
  for (let m = USER_CLAUSE.exec(s); m; m = USER_CLAUSE.exec(s)) start = from + m.index + 1;
  return start;
}
