/**
 * Checks that a user pattern cannot backtrack for long, used by checkPattern()
 * in user-terms.ts on top of syntax, length, empty-match, back-reference and
 * nested-repetition checks. Without them, patterns such as these take seconds
 * or longer on a single 2,000-character chunk:
 *   - repeated groups with bounded repetitions inside: "(a{1,2}){1,40}$";
 *   - repetitions next to each other that can match the same letters:
 *     "a*a*a*b", "(?:\d+)?\d+x", ".*x.*y" (polynomial backtracking);
 *   - alternatives that can start alike, one group after another:
 *     "(?:a|a)(?:a|a)...c" (2^n tries per start position);
 *   - literal terms with many `*` wildcards: "a**********b", "*?*?*?*?b".
 * Both the settings layer (before saving) and the engine (before compiling)
 * refuse them, so nothing a user types can freeze a page.
 *
 * The regex check parses the pattern into atoms (a letter, an escape, a class
 * or ".") and groups, and refuses:
 *   1. a group repeated more than once ("{2}", "*", "+", "{1,5}") that
 *      contains any repetition or alternation;
 *   2. a repetition that can start on letters an earlier, still "open"
 *      repetition can also match. A repetition stays open until a required
 *      atom that it cannot match closes it: in "\d+\.\d+" the "." closes the
 *      first "\d+", in "\w+x\w+" the "x" does not (\w matches x).
 *   3. more than LIMITS.regexRepetitions repetitions, or counts above 100;
 *   4. groups of alternatives that can start with the same letter whose
 *      sizes multiply past 64 ("(a|a)(a|a)(a|a)...": 2^n tries per start).
 * Whether two atoms can match the same letter is tested on a sample alphabet
 * (ASCII, common CJK and Latin letters, and every character of the pattern).
 */
/** Repetitions (`*`, `+`, `?`, `{m,n}`) allowed in one regular expression. */
export const MAX_REGEX_REPETITIONS = 6;
/** Wildcard `*` allowed in one literal term (each can stretch over up to 30 letters). */
export const MAX_WILDCARD_STARS = 2;
const LIMITS = { regexRepetitions: MAX_REGEX_REPETITIONS, wildcardStars: MAX_WILDCARD_STARS };

type Pred = (c: string) => boolean;
interface Quant {
  min: number;
  max: number;
}
type Item =
  | { kind: 'atom'; pred: Pred; q: Quant }
  | { kind: 'group'; alts: Item[][]; q: Quant; look: boolean }
  | { kind: 'zero' };

class Refused extends Error {}

const MAX_COUNT = 100;
const EXTRA_SAMPLE = ' \u00a0\u3000é ßİı中文个人信息，。１Ａ😀';

function sampleAlphabet(source: string): string[] {
  const chars = new Set<string>();
  for (let c = 0x09; c <= 0x0d; c++) chars.add(String.fromCharCode(c));
  for (let c = 0x20; c <= 0x7e; c++) chars.add(String.fromCharCode(c));
  for (const c of EXTRA_SAMPLE) chars.add(c);
  for (const c of source) chars.add(c);
  return [...chars];
}

function predOf(atom: string): Pred {
  const re = new RegExp(`^(?:${atom})$`, 'iu');
  return (c) => re.test(c);
}

class Parser {
  private i = 0;
  repetitions = 0;
  constructor(private readonly src: string) {}

  parse(): Item[][] {
    const alts = this.alternatives();
    if (this.i < this.src.length) throw new Refused('unbalanced parentheses');
    return alts;
  }

  private alternatives(): Item[][] {
    const alts: Item[][] = [[]];
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === ')') break;
      if (c === '|') {
        this.i++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1]!.push(this.item());
    }
    return alts;
  }

  private item(): Item {
    const s = this.src;
    const c = s[this.i]!;
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'zero' };
    }
    if (c === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (/^\?<?[=!]/.test(s.slice(this.i))) {
        look = true;
        this.i += s[this.i + 1] === '<' ? 3 : 2;
      } else if (s.startsWith('?<', this.i)) this.i = s.indexOf('>', this.i) + 1;
      const alts = this.alternatives();
      if (s[this.i] !== ')') throw new Refused('unbalanced parentheses');
      this.i++;
      return { kind: 'group', alts, q: this.quantifier(), look };
    }
    let atom: string;
    if (c === '\\') {
      const next = s[this.i + 1] ?? '';
      if (next === 'b' || next === 'B') {
        this.i += 2;
        return { kind: 'zero' };
      }
      const m =
        /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[\s\S])/u.exec(
          s.slice(this.i),
        )!;
      atom = m[0];
    } else if (c === '[') {
      let j = this.i + 1;
      if (s[j] === '^') j++; // in JavaScript "[]" and "[^]" are complete classes
      while (j < s.length && s[j] !== ']') j += s[j] === '\\' ? 2 : 1;
      atom = s.slice(this.i, j + 1);
    } else {
      atom = String.fromCodePoint(s.codePointAt(this.i)!);
    }
    this.i += atom.length;
    return { kind: 'atom', pred: predOf(atom), q: this.quantifier() };
  }

  private quantifier(): Quant {
    const s = this.src;
    const c = s[this.i];
    let q: Quant = { min: 1, max: 1 };
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.i));
      if (m) {
        const min = Number(m[1]);
        const max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
        if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT))
          throw new Refused(`repetition counts above ${MAX_COUNT} are not allowed`);
        q = { min, max };
        this.i += m[0].length - 1;
      }
    }
    if (q.min === 1 && q.max === 1 && c !== '{') return q;
    this.i++;
    if (s[this.i] === '?') this.i++; // lazy
    if (q.max > q.min) this.repetitions++;
    return q;
  }
}

function containsRepetitionOrAlternation(alts: Item[][]): boolean {
  if (alts.length > 1) return true;
  return alts.some((alt) =>
    alt.some(
      (it) =>
        (it.kind !== 'zero' && (it.q.min !== 1 || it.q.max !== 1)) ||
        (it.kind === 'group' && containsRepetitionOrAlternation(it.alts)),
    ),
  );
}

function unionPred(alts: Item[][]): Pred {
  const preds: Pred[] = [];
  const walk = (items: Item[]) => {
    for (const it of items) {
      if (it.kind === 'atom') preds.push(it.pred);
      else if (it.kind === 'group') it.alts.forEach(walk);
    }
  };
  alts.forEach(walk);
  return (c) => preds.some((p) => p(c));
}

/** Most backtracking branches that groups of overlapping alternatives may multiply into. */
const MAX_AMBIGUITY = 64;

/** What an alternative's first letter can be; undefined when it can match empty text. */
function firstPred(items: Item[]): Pred | undefined {
  const preds: Pred[] = [];
  for (const it of items) {
    if (it.kind === 'zero') continue;
    if (it.kind === 'atom') preds.push(it.pred);
    else if (it.look) continue;
    else {
      const inner = it.alts.map(firstPred);
      if (inner.some((p) => p === undefined)) return undefined;
      preds.push(...(inner as Pred[]));
    }
    if (it.q.min >= 1) return (c) => preds.some((p) => p(c));
  }
  return undefined;
}

const ADJACENT =
  'two repetitions next to each other can match the same text (for example "\\d+\\d+" or ".*x.*"), which can take very long';

interface Context {
  sample: string[];
  /** Product of the sizes of alternations whose alternatives can start alike. */
  ambiguity: number;
}

function analyse(items: Item[], liveIn: Pred[], ctx: Context): Pred[] {
  const sample = ctx.sample;
  let live = liveIn;
  const overlap = (a: Pred, b: Pred) => sample.some((c) => a(c) && b(c));
  const step = (pred: Pred, q: Quant) => {
    const variable = q.max > q.min;
    if (variable && live.some((l) => overlap(l, pred))) throw new Refused(ADJACENT);
    if (q.min >= 1) live = live.filter((l) => overlap(l, pred));
    if (variable) live = [...live, pred];
  };
  for (const it of items) {
    if (it.kind === 'zero') continue;
    if (it.kind === 'atom') {
      step(it.pred, it.q);
      continue;
    }
    if (it.look) {
      // Zero-width, but its inside still runs: check it on its own.
      for (const alt of it.alts) analyse(alt, [], ctx);
      continue;
    }
    if (it.alts.length > 1) {
      const firsts = it.alts.map(firstPred);
      const alike = firsts.some(
        (a, i) => !a || firsts.some((b, j) => j > i && (!b || overlap(a, b))),
      );
      if (alike) {
        ctx.ambiguity *= it.alts.length;
        if (ctx.ambiguity > MAX_AMBIGUITY)
          throw new Refused(
            'too many alternatives that can start with the same letter, as in "(a|a)(a|a)(a|a)..." (each one doubles the work)',
          );
      }
    }
    if (it.q.max > 1) {
      if (containsRepetitionOrAlternation(it.alts))
        throw new Refused(
          'a repeated group contains another repetition or an alternation (catastrophic backtracking)',
        );
      step(unionPred(it.alts), it.q);
      continue;
    }
    const out = new Set<Pred>(it.q.min === 0 ? live : []);
    for (const alt of it.alts) for (const p of analyse(alt, live, ctx)) out.add(p);
    live = [...out];
  }
  return live;
}

/** Why a (syntactically valid) regular expression could be slow, or undefined if it is safe. */
export function regexSlowReason(source: string): string | undefined {
  try {
    const parser = new Parser(source);
    const alts = parser.parse();
    if (parser.repetitions > LIMITS.regexRepetitions)
      return `too many repetitions (at most ${LIMITS.regexRepetitions})`;
    const ctx: Context = { sample: sampleAlphabet(source), ambiguity: 1 };
    for (const alt of alts) analyse(alt, [], ctx);
    return undefined;
  } catch (e) {
    if (e instanceof Refused) return e.message;
    return `the pattern could not be checked: ${(e as Error).message}`;
  }
}

/** Why a literal-with-wildcards term could be slow, or undefined if it is safe. */
export function wildcardSlowReason(pattern: string): string | undefined {
  const p = pattern.trim();
  if (/\*\s*\*/.test(p))
    return 'two * wildcards in a row (one * already stands for any run of letters)';
  const stars = p.split('*').length - 1;
  if (stars > LIMITS.wildcardStars) return `too many * wildcards (at most ${LIMITS.wildcardStars})`;
  return undefined;
}
