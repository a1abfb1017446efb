/**
 * Compiles catalog entries once into a single matcher: a map from a Latin
 * word to the few aliases that can start with it (each checked with a small
 * anchored regex), and a map from a CJK character to the Chinese aliases that
 * start with it. A scan is one pass over the words and one over the CJK
 * characters of the text; no per-alias pass over the text.
 */
import { fold } from '../fold';
import { isChineseCode, isCjkCode, isWordCode, normalizeName } from './fold';
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
  /** A bare name of `cued`: counts only in a sentence with the entry's cue words. */
  cued: boolean;
}

interface LatinAlias extends AliasRef {
  /** The folded alias, as latinSource() reads it. */
  folded: string;
  /**
   * Its regex and the letters the regex must match first, as they are (up to
   * the first separator, "+" or "&"): a cheap test before running the regex.
   * Made the first time the alias is a candidate, since most aliases never are
   * on a given page; building ~1,700 of them up front was a large part of
   * compiling the catalog on a background that had just started.
   */
  match: { re: RegExp; literal: string } | null;
}

function latinMatch(a: LatinAlias): { re: RegExp; literal: string } {
  return (a.match ??= {
    re: new RegExp(latinSource(a.folded, a.ambiguous), 'y'),
    literal: literalPrefix(a.folded),
  });
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
  /** The keys of `latin` as a trie, walked along the text's words without cutting them out. */
  latinKeys: KeyTrie<LatinAlias[]>;
  cjk: Map<number, CjkAlias[]>;
  /** Folded package prefixes and domains of each entry (context evidence). */
  hints: string[][];
  /** Folded cue groups of each entry's `cued` names (empty when it has none). */
  cues: string[][][];
  /** Folded `contextWords` of each entry (empty when it has none). */
  contextWords: string[][];
  /** Folded `signInAs` names → entry index. */
  signIn: Map<string, number>;
  notWithin: string[][];
  /** The characters a Chinese alias starts with, one bit per UTF-16 code unit (the scan skips the rest). */
  cjkFirst: Uint32Array;
  /** normalizeName(vendor) of each entry (owner detection). */
  vendorKeys: string[];
}

const SEP = /[\s\-_]/;

/** A word character of the folded text: what /[a-z0-9]+/ takes as one word. */
function isTokenCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Column of a key character (a-z, 0-9, '.') in the trie's table, or -1. */
function keyColumn(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26;
  return c === 0x2e ? 36 : -1;
}

const KEY_COLUMNS = 37;

/**
 * Exact lookup of keys made of a-z, 0-9 and '.', one character at a time: the
 * scan follows a word of the text through the trie and only reads the value
 * when the word is a key, instead of cutting every word out of the text and
 * hashing it (most words are not keys).
 */
export class KeyTrie<V> {
  /** next[node * KEY_COLUMNS + column]: the child node, 0 for none (the root is no one's child). */
  private next = new Int32Array(KEY_COLUMNS * 64);
  private nodeCount = 1;
  private readonly values: (V | undefined)[] = [undefined];

  constructor(entries: Iterable<[string, V]>) {
    for (const [key, value] of entries) this.values[this.insert(key)] = value;
  }

  private insert(key: string): number {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const col = keyColumn(key.charCodeAt(i));
      if (col < 0) throw new Error(`not a key character in ${JSON.stringify(key)}`);
      let child = this.next[node * KEY_COLUMNS + col]!;
      if (child === 0) {
        child = this.nodeCount++;
        if (this.nodeCount * KEY_COLUMNS > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[node * KEY_COLUMNS + col] = child;
        this.values.push(undefined);
      }
      node = child;
    }
    return node;
  }

  /** The node after reading character `c` in `node`; -1 once no key can follow. */
  step(node: number, c: number): number {
    if (node < 0) return -1;
    const col = keyColumn(c);
    if (col < 0) return -1;
    const child = this.next[node * KEY_COLUMNS + col]!;
    return child === 0 ? -1 : child;
  }

  /** After readWord: the node the word ended in, or -1 when no key is the word or starts it. */
  wordNode = -1;

  /**
   * Read the word (a run of a-z and 0-9) that starts at `from` through the
   * trie, in one call with the steps written out: on a background that has
   * just started this loop runs in the interpreter, where two calls per
   * character cost more than the reading itself. Returns the word's end.
   */
  readWord(text: string, from: number): number {
    const next = this.next;
    let node = 0;
    let i = from;
    for (const n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      let col: number;
      if (c >= 0x61 && c <= 0x7a) col = c - 0x61;
      else if (c >= 0x30 && c <= 0x39) col = c - 0x30 + 26;
      else break;
      if (node >= 0) {
        const child = next[node * KEY_COLUMNS + col]!;
        node = child === 0 ? -1 : child;
      }
    }
    this.wordNode = node;
    return i;
  }

  /** The node after reading text[from, to), starting in `node`. */
  walk(text: string, from: number, to: number, node = 0): number {
    for (let i = from; i < to && node >= 0; i++) node = this.step(node, text.charCodeAt(i));
    return node;
  }

  /** The value of the key that ends in `node`, if any. */
  valueAt(node: number): V | undefined {
    return node > 0 ? this.values[node] : undefined;
  }
}

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

/** The start of the alias that latinSource() turns into plain characters. */
function literalPrefix(folded: string): string {
  let i = 0;
  while (i < folded.length && !SEP.test(folded[i]!) && folded[i] !== '+' && folded[i] !== '&') i++;
  return folded.slice(0, i);
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
  const cues: string[][][] = [];
  const contextWords: string[][] = [];
  const signIn = new Map<string, number>();
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
    const cuedSet = new Set(e.cued?.names ?? []);
    const all = [...e.aliases.en, ...e.aliases.zh, e.name, ...(e.packages ?? []), ...cuedSet];
    for (const raw of all) {
      const alias = raw.trim();
      // A leading "The" is optional ("The Trade Desk"), and keeps "the" out of the index.
      const folded = fold(alias).replace(/^the\s+(?=\S)/, '');
      if (!alias || seen.has(folded)) continue;
      seen.add(folded);
      const cued = cuedSet.has(raw);
      const ambiguous = cued || ambiguousSet.has(alias);
      const ref: AliasRef = {
        entry,
        alias,
        ambiguous,
        exactCase: isAcronym(alias),
        capitalised: ambiguous && /^[A-Z]/.test(alias),
        cued,
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
        const item: LatinAlias = {
          ...ref,
          folded,
          match: null,
        };
        const dotted = /^([a-z0-9]+\.[a-z0-9]+)/.exec(folded);
        const lead = dotted ? dotted[1]! : leadingToken(folded);
        addLatin(lead, item);
        // A package ("com.google.firebase") is found through its dotted key only; its
        // squashed key would be its first word ("com"), met in every web address.
        const squash = ambiguous || dotted ? '' : squashedKey(folded);
        if (squash && squash !== lead) addLatin(squash, item);
      }
    }
    hints.push([...(e.packages ?? []), ...(e.domains ?? [])].map((h) => fold(h)));
    cues.push((e.cued?.sentenceHas ?? []).map((group) => group.map((w) => fold(w))));
    contextWords.push((e.contextWords ?? []).map((w) => fold(w)));
    for (const n of e.signInAs ?? []) signIn.set(fold(n), entry);
    notWithin.push((e.notWithin ?? []).map((s) => fold(s)));
  });
  for (const list of cjk.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  const cjkFirst = new Uint32Array(0x10000 >> 5);
  for (const c of cjk.keys()) cjkFirst[c >> 5]! |= 1 << (c & 31);
  const vendorKeys = entries.map((e) => normalizeName(e.vendor));
  const latinKeys = new KeyTrie(latin);
  return {
    entries,
    latin,
    latinKeys,
    cjk,
    cjkFirst,
    hints,
    cues,
    contextWords,
    signIn,
    notWithin,
    vendorKeys,
  };
}

function acceptsCase(ref: AliasRef, text: string, start: number, end: number): boolean {
  if (ref.exactCase) return text.slice(start, end) === ref.alias;
  if (ref.capitalised) {
    const c = text.charCodeAt(start);
    if (c >= 0x41 && c <= 0x5a) return true;
    // Chinese text writes Latin names as it likes ("fresco使用的…"); a name glued to Chinese is a name.
    return isChineseCode(text.charCodeAt(start - 1)) || isChineseCode(text.charCodeAt(end));
  }
  return true;
}

/** How far a dotted key ("com.google") reads into the word after the dot. */
const DOTTED_TAIL = 39;

/**
 * The aliases that may start at the word region[s, end): those keyed by the
 * word, by the word with the next one after a dot ("com.google"), and by the
 * word without a trailing "sdk" ("adjustsdk"), in that order.
 */
function candidatesAt(
  cat: CompiledCatalog,
  region: string,
  s: number,
  end: number,
  node: number,
): LatinAlias[] | undefined {
  const keys = cat.latinKeys;
  let cands = keys.valueAt(node);
  if (node >= 0 && region.charCodeAt(end) === 0x2e && isTokenCode(region.charCodeAt(end + 1))) {
    let tailEnd = end + 1;
    const limit = Math.min(region.length, end + 1 + DOTTED_TAIL);
    while (tailEnd < limit && isTokenCode(region.charCodeAt(tailEnd))) tailEnd++;
    const more = keys.valueAt(keys.walk(region, end + 1, tailEnd, keys.step(node, 0x2e)));
    if (more) cands = cands ? [...cands, ...more] : more;
  }
  if (end - s > 3 && region.endsWith('sdk', end)) {
    const more = keys.valueAt(keys.walk(region, s, end - 3));
    if (more) cands = cands ? [...cands, ...more] : more;
  }
  return cands;
}

/**
 * Every alias occurrence in the text (leftmost-longest), before any context
 * rule. `folded` is fold(text).
 */
export function scanAliases(cat: CompiledCatalog, text: string, folded: string): Hit[] {
  const hits: Hit[] = [];
  const region = folded;
  const n = region.length;
  // Latin aliases: each word (a run of a-z0-9) is followed through the key trie as it is read.
  const keys = cat.latinKeys;
  for (let i = 0; i < n;) {
    const c = region.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) {
      i++;
      continue;
    }
    const s = i;
    i = keys.readWord(region, s);
    const node = keys.wordNode;
    const cands = candidatesAt(cat, region, s, i, node);
    if (!cands) continue;
    for (const a of cands) {
      const { re, literal } = latinMatch(a);
      if (!region.startsWith(literal, s)) continue;
      re.lastIndex = s;
      const r = re.exec(region);
      if (!r) continue;
      const end = s + r[0].length;
      if (acceptsCase(a, text, s, end)) hits.push({ start: s, end, ref: a });
    }
  }
  const first = cat.cjkFirst;
  for (let i = 0; i < n; i++) {
    const c = region.charCodeAt(i);
    if ((first[c >> 5]! & (1 << (c & 31))) === 0) continue;
    const list = cat.cjk.get(c);
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
