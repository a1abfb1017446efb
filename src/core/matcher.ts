/**
 * Many literal terms matched in one pass (Aho-Corasick over folded text).
 * Terms may end with `*` (a word prefix: "advertis*" matches "advertising").
 * Latin terms match on word boundaries; CJK terms match anywhere.
 */
import { fold, isWordCode } from './fold';

export interface TermSpec<T> {
  term: string;
  value: T;
}

export interface TermHit<T> {
  start: number;
  end: number;
  value: T;
  term: string;
}

interface Out<T> {
  length: number;
  value: T;
  term: string;
  prefix: boolean;
  leftBoundary: boolean;
  rightBoundary: boolean;
}

/** What the areas need of a matcher: the full scan or a precomputed one (see prescan.ts). */
export interface Scanner<T> {
  scan(folded: string, from?: number, to?: number, limit?: number): TermHit<T>[];
  test(folded: string, from?: number, to?: number): boolean;
}

/**
 * Resolved transitions for characters outside ASCII, remembered as the scan
 * meets them: an open-addressing hash table over typed arrays, keyed by
 * (state, character). A lookup here is a few array reads; a Map per node was
 * the slowest part of scanning CJK text. The table stops growing at MAX_BITS
 * (a few hundred KB); transitions beyond that are resolved each time.
 */
class TransitionMemo {
  private static readonly MIN_BITS = 8;
  private static readonly MAX_BITS = 16;
  private bits = TransitionMemo.MIN_BITS;
  private states = new Int32Array(1 << TransitionMemo.MIN_BITS).fill(-1);
  private chars = new Int32Array(1 << TransitionMemo.MIN_BITS);
  private targets = new Int32Array(1 << TransitionMemo.MIN_BITS);
  private count = 0;

  /** The target remembered for (state, c), or -1. */
  get(state: number, c: number): number {
    const mask = (1 << this.bits) - 1;
    for (let h = this.slot(state, c); ; h = (h + 1) & mask) {
      const s = this.states[h]!;
      if (s === -1) return -1;
      if (s === state && this.chars[h] === c) return this.targets[h]!;
    }
  }

  set(state: number, c: number, target: number): void {
    if ((this.count + 1) * 2 > 1 << this.bits) {
      if (this.bits >= TransitionMemo.MAX_BITS) return; // full: the caller resolves it again next time
      this.grow();
    }
    const mask = (1 << this.bits) - 1;
    let h = this.slot(state, c);
    while (this.states[h] !== -1) h = (h + 1) & mask;
    this.states[h] = state;
    this.chars[h] = c;
    this.targets[h] = target;
    this.count++;
  }

  private slot(state: number, c: number): number {
    return Math.imul(state * 65599 + c, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const { states, chars, targets } = this;
    this.bits++;
    this.states = new Int32Array(1 << this.bits).fill(-1);
    this.chars = new Int32Array(1 << this.bits);
    this.targets = new Int32Array(1 << this.bits);
    this.count = 0;
    for (let h = 0; h < states.length; h++) {
      if (states[h] !== -1) this.set(states[h]!, chars[h]!, targets[h]!);
    }
  }
}

/**
 * The automaton built from the specs: a trie in flat typed arrays (edges in
 * one Map keyed by node and character, children as linked lists), failure
 * links and, per node, the nearest node on its failure chain where a term
 * ends (`outLink`), so no node copies its failure target's terms.
 */
interface Automaton {
  /** node * 0x10000 + character -> child node. */
  edges: Map<number, number>;
  fail: Int32Array;
  /** First term ending exactly at the node (index into outs), or -1; further ones via outNext. */
  outHead: Int32Array;
  outNext: Int32Array;
  /** Nearest node on the failure chain with terms of its own, or -1. */
  outLink: Int32Array;
  ascii: Int32Array;
  asciiWidth: number;
  /** 1 for a node where some term ends, itself or via outLink. */
  accepting: Uint8Array;
}

export class TermMatcher<T> implements Scanner<T> {
  private readonly outs: Out<T>[] = [];
  /** The folded terms of `outs`, in the same order, until the automaton is built. */
  private pending: string[] | null = [];
  readonly size: number;

  /**
   * Built on the first scan, not in the constructor: rule sets compile
   * matchers that a given analysis may never run on its own (each area's
   * terms are also in the combined automaton of prescan.ts).
   *
   * Transitions for ASCII characters have failure links resolved: one array
   * read per character. Columns are the ASCII characters some term contains
   * (asciiColumn); column 0 stands for all others and always leads to the root.
   * Narrow rows keep the table small enough to stay in cache while the whole
   * text is scanned.
   */
  private auto: Automaton | null = null;
  private readonly asciiColumn = new Uint8Array(128);
  /**
   * One bit per UTF-16 code unit that occurs in some term. Any other character
   * leads back to the root from every state, so the scan needs no map lookup for
   * it: in CJK text most characters are in no term.
   */
  private readonly inTerms: Uint32Array = new Uint32Array(0x10000 >> 5);
  private readonly memo = new TransitionMemo();

  constructor(readonly specs: readonly TermSpec<T>[]) {
    for (const spec of specs) this.add(spec);
    this.size = this.outs.length;
  }

  private add(spec: TermSpec<T>): void {
    let raw = spec.term.trim();
    if (!raw) return;
    const prefix = raw.endsWith('*');
    if (prefix) raw = raw.slice(0, -1);
    const term = fold(raw);
    if (!term) return;
    this.pending!.push(term);
    this.outs.push({
      length: term.length,
      value: spec.value,
      term: spec.term,
      prefix,
      leftBoundary: isWordCode(term.charCodeAt(0)),
      rightBoundary: !prefix && isWordCode(term.charCodeAt(term.length - 1)),
    });
  }

  /** Build the automaton now rather than on the first scan (compileRules does, for the combined one). */
  prepare(): this {
    this.automaton();
    return this;
  }

  private automaton(): Automaton {
    if (this.auto) return this.auto;
    const terms = this.pending!;
    this.pending = null;
    const edges = new Map<number, number>();
    let size = 1;
    // Each character of a term adds at most one node to the root.
    let capacity = 1;
    for (const t of terms) capacity += t.length;
    // children as linked lists: first child, next sibling, the character leading to the node
    const firstChild = new Int32Array(capacity).fill(-1);
    const sibling = new Int32Array(capacity);
    const via = new Int32Array(capacity);
    const outHead = new Int32Array(capacity).fill(-1);
    const outNext = new Int32Array(terms.length).fill(-1);
    const outTail = new Int32Array(capacity).fill(-1);
    const inTerms = this.inTerms;
    terms.forEach((term, index) => {
      let node = 0;
      for (let i = 0; i < term.length; i++) {
        const c = term.charCodeAt(i);
        inTerms[c >> 5]! |= 1 << (c & 31);
        const key = node * 0x10000 + c;
        let nx = edges.get(key);
        if (nx === undefined) {
          nx = size++;
          via[nx] = c;
          sibling[nx] = firstChild[node]!;
          firstChild[node] = nx;
          edges.set(key, nx);
        }
        node = nx;
      }
      // terms ending at one node keep their order
      if (outHead[node] === -1) outHead[node] = index;
      else outNext[outTail[node]!] = index;
      outTail[node] = index;
    });
    const fail = new Int32Array(size);
    const outLink = new Int32Array(size).fill(-1);
    const order = new Int32Array(size);
    let tail = 0;
    order[tail++] = 0;
    for (let child = firstChild[0]!; child !== -1; child = sibling[child]!) order[tail++] = child;
    for (let qi = 1; qi < tail; qi++) {
      const id = order[qi]!;
      for (let child = firstChild[id]!; child !== -1; child = sibling[child]!) {
        const c = via[child]!;
        let f = fail[id]!;
        while (f !== 0 && !edges.has(f * 0x10000 + c)) f = fail[f]!;
        const target = edges.get(f * 0x10000 + c);
        const ft = target !== undefined && target !== child ? target : 0;
        fail[child] = ft;
        outLink[child] = outHead[ft] !== -1 ? ft : outLink[ft]!;
        order[tail++] = child;
      }
    }
    // Dense ASCII table in breadth-first order, so a node's failure target is already filled in.
    const column = this.asciiColumn;
    const used: number[] = [];
    for (let id = 1; id < size; id++) {
      const c = via[id]!;
      if (c < 128 && column[c] === 0) {
        used.push(c);
        column[c] = used.length;
      }
    }
    const width = used.length + 1;
    const ascii = new Int32Array(size * width);
    for (let qi = 0; qi < size; qi++) {
      const id = order[qi]!;
      const base = id * width;
      // the failure target's row, then the node's own ASCII edges over it (the root's row starts at 0)
      if (id !== 0) ascii.copyWithin(base, fail[id]! * width, fail[id]! * width + width);
      for (let child = firstChild[id]!; child !== -1; child = sibling[child]!) {
        const c = via[child]!;
        if (c < 128) ascii[base + column[c]!] = child;
      }
    }
    const accepting = new Uint8Array(size);
    for (let id = 0; id < size; id++) {
      if (outHead[id] !== -1 || outLink[id] !== -1) accepting[id] = 1;
    }
    this.auto = { edges, fail, outHead, outNext, outLink, ascii, asciiWidth: width, accepting };
    return this.auto;
  }

  /**
   * All hits in folded[from, to), in order of end position. `folded` must be
   * the output of fold() on the original text.
   */
  scan(folded: string, from = 0, to = folded.length, limit = Infinity): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    const auto = this.automaton();
    let state = 0;
    const { ascii, asciiWidth: width, accepting, outHead, outNext, outLink } = auto;
    const column = this.asciiColumn;
    const inTerms = this.inTerms;
    const memo = this.memo;
    const outs = this.outs;
    for (let i = from; i < to; i++) {
      const c = folded.charCodeAt(i);
      if (c < 128) {
        state = ascii[state * width + column[c]!]!;
      } else if ((inTerms[c >> 5]! & (1 << (c & 31))) === 0) {
        state = 0;
        continue; // the root accepts nothing
      } else {
        let nx = memo.get(state, c);
        if (nx < 0) {
          nx = this.resolve(auto, state, c);
          memo.set(state, c, nx);
        }
        state = nx;
      }
      if (accepting[state] === 0) continue;
      // the terms ending here: the node's own, then each node on its output chain
      for (
        let node = outHead[state] !== -1 ? state : outLink[state]!;
        node !== -1;
        node = outLink[node]!
      ) {
        for (let k = outHead[node]!; k !== -1; k = outNext[k]!) {
          const o = outs[k]!;
          const start = i + 1 - o.length;
          if (o.leftBoundary && start > 0 && isWordCode(folded.charCodeAt(start - 1))) continue;
          let end = i + 1;
          if (o.rightBoundary && end < folded.length && isWordCode(folded.charCodeAt(end)))
            continue;
          if (o.prefix) while (end < to && isWordCode(folded.charCodeAt(end))) end++;
          hits.push({ start, end, value: o.value, term: o.term });
          if (hits.length >= limit) return hits;
        }
      }
    }
    return hits;
  }

  /** The state after reading `c` in `state`: follow failure links until some node has an edge for it. */
  private resolve(auto: Automaton, state: number, c: number): number {
    const { edges, fail } = auto;
    let nx = edges.get(state * 0x10000 + c);
    for (let f = state; nx === undefined && f !== 0;) {
      f = fail[f]!;
      nx = edges.get(f * 0x10000 + c);
    }
    return nx ?? 0;
  }

  /** True when any term occurs in folded[from, to); stops at the first hit. */
  test(folded: string, from = 0, to = folded.length): boolean {
    return this.scan(folded, from, to, 1).length > 0;
  }
}

/** A matcher for a plain list of terms, asked only whether (and where) any of them occurs. */
export function termSet(terms: readonly string[]): TermMatcher<1> {
  return new TermMatcher(terms.map((term) => ({ term, value: 1 as const })));
}
