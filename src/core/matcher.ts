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

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Indexes into `outs` of terms ending here (own and via fail links). */
  out: number[];
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

export class TermMatcher<T> implements Scanner<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly outs: Out<T>[] = [];
  readonly size: number;

  /**
   * Transitions for ASCII characters with failure links resolved: one array read
   * per character. Columns are the ASCII characters some term contains
   * (asciiColumn); column 0 stands for all others and always leads to the root.
   * Narrow rows keep the table small enough to stay in cache while the whole
   * text is scanned.
   */
  private ascii: Int32Array = new Int32Array(0);
  private asciiColumn = new Uint8Array(128);
  private asciiWidth = 1;
  /** 1 for a node where some term ends (read per character, so a flat array, not node.out). */
  private accepting: Uint8Array = new Uint8Array(0);
  /**
   * One bit per UTF-16 code unit that occurs in some term. Any other character
   * leads back to the root from every state, so the scan needs no map lookup for
   * it: in CJK text most characters are in no term.
   */
  private inTerms: Uint32Array = new Uint32Array(0x10000 >> 5);
  private readonly memo = new TransitionMemo();

  constructor(readonly specs: readonly TermSpec<T>[]) {
    for (const spec of specs) this.add(spec);
    this.size = this.outs.length;
    this.link();
  }

  private add(spec: TermSpec<T>): void {
    let raw = spec.term.trim();
    if (!raw) return;
    const prefix = raw.endsWith('*');
    if (prefix) raw = raw.slice(0, -1);
    const term = fold(raw);
    if (!term) return;
    let node = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      this.inTerms[c >> 5]! |= 1 << (c & 31);
      let nx = this.nodes[node]!.next.get(c);
      if (nx === undefined) {
        nx = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [] });
        this.nodes[node]!.next.set(c, nx);
      }
      node = nx;
    }
    this.nodes[node]!.out.push(this.outs.length);
    this.outs.push({
      length: term.length,
      value: spec.value,
      term: spec.term,
      prefix,
      leftBoundary: isWordCode(term.charCodeAt(0)),
      rightBoundary: !prefix && isWordCode(term.charCodeAt(term.length - 1)),
    });
  }

  private link(): void {
    const queue: number[] = [];
    for (const child of this.nodes[0]!.next.values()) queue.push(child);
    for (let qi = 0; qi < queue.length; qi++) {
      const id = queue[qi]!;
      const node = this.nodes[id]!;
      for (const [c, child] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const childNode = this.nodes[child]!;
        childNode.fail = target !== undefined && target !== child ? target : 0;
        const failOut = this.nodes[childNode.fail]!.out;
        if (failOut.length) childNode.out = childNode.out.concat(failOut);
        queue.push(child);
      }
    }
    // Dense ASCII table in breadth-first order, so a node's failure target is already filled in.
    const n = this.nodes.length;
    const column = this.asciiColumn;
    const used: number[] = [];
    for (const node of this.nodes) {
      for (const c of node.next.keys()) {
        if (c < 128 && column[c] === 0) {
          used.push(c);
          column[c] = used.length;
        }
      }
    }
    const width = used.length + 1;
    const ascii = new Int32Array(n * width);
    const order = [0, ...queue];
    for (const id of order) {
      const node = this.nodes[id]!;
      const base = id * width;
      const failBase = node.fail * width;
      for (const c of used) {
        const nx = node.next.get(c);
        const k = column[c]!;
        ascii[base + k] = nx !== undefined ? nx : id === 0 ? 0 : ascii[failBase + k]!;
      }
    }
    this.ascii = ascii;
    this.asciiWidth = width;
    this.accepting = new Uint8Array(n);
    for (let id = 0; id < n; id++) if (this.nodes[id]!.out.length) this.accepting[id] = 1;
  }

  /**
   * All hits in folded[from, to), in order of end position. `folded` must be
   * the output of fold() on the original text.
   */
  scan(folded: string, from = 0, to = folded.length, limit = Infinity): TermHit<T>[] {
    const hits: TermHit<T>[] = [];
    const nodes = this.nodes;
    let state = 0;
    const ascii = this.ascii;
    const column = this.asciiColumn;
    const width = this.asciiWidth;
    const accepting = this.accepting;
    const inTerms = this.inTerms;
    const memo = this.memo;
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
          nx = this.resolve(state, c);
          memo.set(state, c, nx);
        }
        state = nx;
      }
      if (accepting[state] === 0) continue;
      const out = nodes[state]!.out;
      for (let k = 0; k < out.length; k++) {
        const o = this.outs[out[k]!]!;
        const start = i + 1 - o.length;
        if (o.leftBoundary && start > 0 && isWordCode(folded.charCodeAt(start - 1))) continue;
        let end = i + 1;
        if (o.rightBoundary && end < folded.length && isWordCode(folded.charCodeAt(end))) continue;
        if (o.prefix) while (end < to && isWordCode(folded.charCodeAt(end))) end++;
        hits.push({ start, end, value: o.value, term: o.term });
        if (hits.length >= limit) return hits;
      }
    }
    return hits;
  }

  /** The state after reading `c` in `state`: follow failure links until some node has an edge for it. */
  private resolve(state: number, c: number): number {
    const nodes = this.nodes;
    let nx = nodes[state]!.next.get(c);
    for (let f = state; nx === undefined && f !== 0;) {
      f = nodes[f]!.fail;
      nx = nodes[f]!.next.get(c);
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
