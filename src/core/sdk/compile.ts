/**
 * Compiles catalog entries once into a single matcher: a map from a Latin
 * word to the few aliases that can start with it (each checked with a small
 * anchored regex), and a map from a CJK character to the Chinese aliases that
 * start with it. A scan is one pass over the words and one over the CJK
 * characters of the text; no per-alias pass over the text.
 */
import { foldSdk, isCjkCode, isWordCode, normalizeName } from './fold';
import type { CatalogEntry } from './types';

export interface AliasRef {
  entry: number;
  /** The alias as written in the catalog. */
  alias: string;
  ambiguous: boolean;
  /** All-caps acronym (GDT, CSJ, JD): the text must have exactly these letters. */
  exactCase: boolean;
  /** Ambiguous Latin alias: the text must be capitalised like the alias. */
  capitalised: boolean;
}

interface LatinAlias extends AliasRef {
  re: RegExp;
}

interface CjkAlias extends AliasRef {
  folded: string;
  wordTail: boolean;
}

export interface Hit {
  start: number;
  end: number;
  ref: AliasRef;
}

export interface CompiledCatalog {
  entries: readonly CatalogEntry[];
  latin: Map<string, LatinAlias[]>;
  cjk: Map<number, CjkAlias[]>;
  /** Folded package prefixes and domains of each entry (context evidence). */
  hints: string[][];
  notWithin: string[][];
  /** Matches any character a Chinese alias starts with (jumps over the rest). */
  cjkStart: RegExp;
  /** normalizeName(vendor) of each entry (owner detection). */
  vendorKeys: string[];
}

const SEP = /[\s\-_]/;

function escapeChar(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

function latinSource(folded: string, ambiguous: boolean): string {
  let src = '';
  let i = 0;
  while (i < folded.length) {
    const c = folded[i]!;
    if (SEP.test(c)) {
      while (i < folded.length && SEP.test(folded[i]!)) i++;
      src += ambiguous ? '[\\s\\-_]{1,3}' : '[\\s\\-_]{0,3}';
      continue;
    }
    if (c === '+' || c === '&') src += '\\s?' + escapeChar(c);
    else src += escapeChar(c);
    i++;
  }
  if (isWordCode(folded.charCodeAt(folded.length - 1))) src += '(?=(?:sdks?)?(?![a-z0-9]))';
  return src;
}

function leadingToken(folded: string): string {
  const m = /^[a-z0-9]+/.exec(folded);
  return m ? m[0] : '';
}

function squashedKey(folded: string): string {
  const m = /^[a-z0-9]+(?:[\s\-_]+[a-z0-9]+)*/.exec(folded);
  return m ? m[0].replace(/[\s\-_]+/g, '') : '';
}

function isAcronym(alias: string): boolean {
  return /^[A-Z0-9]{2,4}$/.test(alias) && /[A-Z]/.test(alias);
}

export function compileCatalog(entries: readonly CatalogEntry[]): CompiledCatalog {
  const latin = new Map<string, LatinAlias[]>();
  const cjk = new Map<number, CjkAlias[]>();
  const hints: string[][] = [];
  const notWithin: string[][] = [];
  const addLatin = (key: string, a: LatinAlias): void => {
    if (!key) return;
    const list = latin.get(key);
    if (list) list.push(a);
    else latin.set(key, [a]);
  };
  entries.forEach((e, entry) => {
    const ambiguousSet = new Set(e.ambiguous ?? []);
    const seen = new Set<string>();
    const all = [...e.aliases.en, ...e.aliases.zh, e.name, ...(e.packages ?? [])];
    for (const raw of all) {
      const alias = raw.trim();
      // A leading "The" is optional ("The Trade Desk"), and keeps "the" out of the index.
      const folded = foldSdk(alias).replace(/^the\s+(?=\S)/, '');
      if (!alias || seen.has(folded)) continue;
      seen.add(folded);
      const ambiguous = ambiguousSet.has(alias);
      const ref: AliasRef = {
        entry,
        alias,
        ambiguous,
        exactCase: isAcronym(alias),
        capitalised: ambiguous && /^[A-Z]/.test(alias),
      };
      const first = folded.charCodeAt(0);
      if (isCjkCode(first)) {
        const item: CjkAlias = {
          ...ref,
          folded,
          wordTail: isWordCode(folded.charCodeAt(folded.length - 1)),
        };
        const list = cjk.get(first);
        if (list) list.push(item);
        else cjk.set(first, [item]);
      } else if (isWordCode(first)) {
        const item: LatinAlias = { ...ref, re: new RegExp(latinSource(folded, ambiguous), 'y') };
        const dotted = /^([a-z0-9]+\.[a-z0-9]+)/.exec(folded);
        const lead = dotted ? dotted[1]! : leadingToken(folded);
        addLatin(lead, item);
        const squash = ambiguous ? '' : squashedKey(folded);
        if (squash && squash !== lead) addLatin(squash, item);
      }
    }
    hints.push([...(e.packages ?? []), ...(e.domains ?? [])].map((h) => foldSdk(h)));
    notWithin.push((e.notWithin ?? []).map((s) => foldSdk(s)));
  });
  for (const list of cjk.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  const firsts = [...cjk.keys()].map((c) => String.fromCharCode(c)).join('');
  const cjkStart = new RegExp(`[${firsts.replace(/[\\\]^-]/g, '\\$&') || '\\u0000'}]`, 'g');
  const vendorKeys = entries.map((e) => normalizeName(e.vendor));
  return { entries, latin, cjk, cjkStart, hints, notWithin, vendorKeys };
}

const TOKEN = /[a-z0-9]+/g;

function acceptsCase(ref: AliasRef, text: string, start: number, end: number): boolean {
  if (ref.exactCase) return text.slice(start, end) === ref.alias;
  if (ref.capitalised) {
    const c = text.charCodeAt(start);
    return c >= 0x41 && c <= 0x5a;
  }
  return true;
}

/**
 * Every alias occurrence in the text (leftmost-longest), before any context
 * rule. `folded` is foldSdk(text).
 */
export function scanAliases(cat: CompiledCatalog, text: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  const region = folded;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(region); m; m = TOKEN.exec(region)) {
    const s = m.index;
    const tok = m[0];
    let cands = cat.latin.get(tok);
    const dot = s + tok.length;
    if (region.charCodeAt(dot) === 0x2e) {
      const nx = /^[a-z0-9]+/.exec(region.slice(dot + 1, dot + 40));
      const more = nx ? cat.latin.get(tok + '.' + nx[0]) : undefined;
      if (more) cands = cands ? [...cands, ...more] : more;
    }
    if (tok.length > 3 && tok.endsWith('sdk')) {
      const more = cat.latin.get(tok.slice(0, -3));
      if (more) cands = cands ? [...cands, ...more] : more;
    }
    if (!cands) continue;
    for (const a of cands) {
      a.re.lastIndex = s;
      const r = a.re.exec(region);
      if (!r) continue;
      const end = s + r[0].length;
      if (acceptsCase(a, text, s, end)) hits.push({ start: s, end, ref: a });
    }
  }
  const starts = cat.cjkStart;
  starts.lastIndex = 0;
  for (let m = starts.exec(region); m; m = starts.exec(region)) {
    const i = m.index;
    const list = cat.cjk.get(region.charCodeAt(i));
    if (!list) continue;
    for (const a of list) {
      if (!region.startsWith(a.folded, i)) continue;
      const end = i + a.folded.length;
      if (a.wordTail && end < region.length && isWordCode(region.charCodeAt(end))) {
        if (!/^sdks?(?![a-z0-9])/.test(region.slice(end, end + 5))) continue;
      }
      hits.push({ start: i, end, ref: a });
    }
  }
  return resolveOverlaps(cat, folded, hits);
}

/** Leftmost-longest: a hit inside or overlapping an earlier/longer one is dropped. */
function resolveOverlaps(cat: CompiledCatalog, folded: string, hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  let lastEnd = -1;
  for (const h of hits) {
    if (h.start < lastEnd) continue;
    if (insideExclusion(cat, folded, h)) continue;
    out.push(h);
    lastEnd = h.end;
  }
  return out;
}

function insideExclusion(cat: CompiledCatalog, folded: string, h: Hit): boolean {
  const list = cat.notWithin[h.ref.entry];
  if (!list || list.length === 0) return false;
  for (const nw of list) {
    const lo = Math.max(0, h.end - nw.length);
    const hi = Math.min(folded.length, h.start + nw.length);
    const at = folded.slice(lo, hi).indexOf(nw);
    if (at >= 0) return true;
  }
  return false;
}
