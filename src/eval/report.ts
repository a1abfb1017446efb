/**
 * The whole evaluation as one object (what `eval --json` prints), and its
 * readable table. Pure: the caller does the reading and the analysing.
 */
import type { Card } from '../core/types';
import {
  aggregateBy,
  aggregateCorpus,
  indexPolicy,
  quotesNotFoundIn,
  scoreCorpusPolicy,
  type CorpusFigures,
  type CorpusPolicy,
  type CorpusPolicyResult,
  type QuoteNotFound,
} from './corpus';
import {
  aggregateGold,
  scoreGoldPolicy,
  type GoldCard,
  type GoldFigures,
  type GoldPolicyResult,
} from './gold';
import {
  CORPUS_METRICS,
  GOLD_CARD_SCORE_GOAL,
  checkGoals,
  goalText,
  meets,
  type GoalCheck,
} from './goals';
import { CORPUS_DATA_TYPES } from './corpus';
import type { Prf, Ratio } from './metrics';

export interface GoldRun {
  gold: GoldCard;
  card: Card;
  /** The text the card was made from (for the quote check). */
  text: string;
}

export interface CorpusRun {
  policy: CorpusPolicy;
  card: Card;
}

export interface EvalReport {
  gold: {
    figures: GoldFigures;
    policies: GoldPolicyResult[];
    quotesNotFound: QuoteNotFound[];
  } | null;
  corpora: {
    all: CorpusFigures;
    bySource: Record<string, CorpusFigures>;
    byLanguage: Record<string, CorpusFigures>;
    policies: CorpusPolicyResult[];
    quotesNotFound: QuoteNotFound[];
  } | null;
  goals: GoalCheck[];
  /** True when no checked figure misses its goal. */
  allGoalsMet: boolean;
}

export function buildReport(goldRuns: GoldRun[], corpusRuns: CorpusRun[]): EvalReport {
  let gold: EvalReport['gold'] = null;
  if (goldRuns.length > 0) {
    const policies = goldRuns.map((r) => scoreGoldPolicy(r.card, r.gold));
    gold = {
      figures: aggregateGold(policies),
      policies,
      quotesNotFound: goldRuns.flatMap((r) => quotesNotFoundIn(r.card, r.text, r.gold.id)),
    };
  }
  let corpora: EvalReport['corpora'] = null;
  if (corpusRuns.length > 0) {
    const policies = corpusRuns.map((r) =>
      scoreCorpusPolicy(r.card, r.policy, indexPolicy(r.policy)),
    );
    corpora = {
      all: aggregateCorpus(policies),
      bySource: aggregateBy(policies, (p) => p.source),
      byLanguage: aggregateBy(policies, (p) => p.lang),
      policies,
      quotesNotFound: policies.flatMap((p) => p.quotesNotFound),
    };
  }
  const groups: Record<string, CorpusFigures> = {};
  if (corpora) {
    for (const [k, v] of Object.entries(corpora.bySource)) groups[k] = v;
    for (const [k, v] of Object.entries(corpora.byLanguage)) groups[`lang:${k}`] = v;
  }
  const goals = checkGoals(gold?.figures ?? null, gold?.quotesNotFound.length ?? 0, groups);
  return { gold, corpora, goals, allGoalsMet: goals.every((g) => g.met !== false) };
}

const f3 = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'n/a' : x.toFixed(3);
const mark = (met: boolean | null): string => (met === null ? ' ' : met ? '✓' : '✗');
const frac = (r: Ratio): string => `${r.num}/${r.den}`;

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function padLeft(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

function prfLine(label: string, p: Prf): string {
  return `  ${pad(label, 30)} P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}   (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`;
}

function list(label: string, items: string[]): string | null {
  return items.length === 0 ? null : `${label} ${items.join(', ')}`;
}

function goldPolicyLines(p: GoldPolicyResult): string[] {
  const missed = [
    list('sensitive:', p.sensitive.missed),
    list('sdks:', p.sdks.missed),
    list('retention kinds:', p.retentionKinds.missed),
    list('retention days:', p.retentionDays.missed.map(String)),
    list(
      'opt-out:',
      p.optOut.missed.map((o) => (o.target ? `${o.kind} "${o.target}"` : o.kind)),
    ),
  ].filter((x): x is string => x !== null);
  const extra = [
    list('sensitive:', p.sensitive.extra),
    list('sdks:', p.sdks.extra),
    list('sdk duplicates:', p.sdks.duplicates),
    list('retention kinds:', p.retentionKinds.extra),
    list(
      'opt-out:',
      p.optOut.extra.map((o) => (o.target ? `${o.kind} "${o.target}"` : o.kind)),
    ),
  ].filter((x): x is string => x !== null);
  const wrong = [
    p.retentionSummary.right
      ? null
      : `retention summary ${p.retentionSummary.card} (gold ${p.retentionSummary.gold})`,
    ...p.sharing.wrong.map((w) => `sharing.${w.flag} ${w.card} (gold ${w.gold})`),
    ...p.sdks.categoryWrong.map((c) => `${c.name} category ${c.card} (gold ${c.gold})`),
  ].filter((x): x is string => x !== null);
  const out = [`  ${p.id}`];
  if (missed.length) out.push(`    missed  ${missed.join('; ')}`);
  if (extra.length) out.push(`    extra   ${extra.join('; ')}`);
  if (wrong.length) out.push(`    wrong   ${wrong.join('; ')}`);
  if (out.length === 1) out.push('    all right');
  return out;
}

function quoteLines(items: QuoteNotFound[], limit: number): string[] {
  const out = items.slice(0, limit).map((q) => {
    const shown = q.quote.length > 90 ? `${q.quote.slice(0, 87)}...` : q.quote;
    return `  ${q.id}  ${q.area}: ${JSON.stringify(shown)}`;
  });
  if (items.length > limit) out.push(`  ... and ${items.length - limit} more (see --json)`);
  return out;
}

function idList(label: string, ids: string[], limit = 12): string | null {
  if (ids.length === 0) return null;
  const shown = ids.slice(0, limit).join(', ');
  return `  ${pad(label, 32)} ${ids.length}: ${shown}${ids.length > limit ? ', ...' : ''}`;
}

/** Which corpus policies count against each recall or specificity figure. */
function corpusMisses(policies: CorpusPolicyResult[]): string[] {
  const ids = (keep: (p: CorpusPolicyResult) => boolean) => policies.filter(keep).map((p) => p.id);
  return [
    idList(
      'no retention statement',
      ids((p) => !!p.retention?.annotated && !p.retention.cardHas),
    ),
    idList(
      'no opt-out path',
      ids((p) => !!p.optOut?.annotated && !p.optOut.cardHas),
    ),
    idList(
      'advertising missed',
      ids((p) => !!p.advertising?.annotated && !p.advertising.cardValue),
    ),
    idList(
      'advertising not annotated',
      ids((p) => !!p.advertising && !p.advertising.annotated && p.advertising.cardValue),
    ),
  ].filter((x): x is string => x !== null);
}

/** The readable report: figures with 3 decimals, each goal marked ✓ (met) or ✗ (missed). */
export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  const g = report.gold;
  if (g) {
    const f = g.figures;
    const scoreMet = meets(f.cardScore, GOLD_CARD_SCORE_GOAL);
    lines.push(`Gold cards (${f.policies} policies)`);
    lines.push(
      `  ${pad('card score', 30)} ${f3(f.cardScore)} ${mark(scoreMet)}  (goal ${goalText(GOLD_CARD_SCORE_GOAL)})`,
    );
    lines.push(prfLine('sensitive data', f.sensitive));
    lines.push(prfLine('SDKs', f.sdks));
    lines.push(
      `  ${pad('SDK category accuracy', 30)} ${f3(f.sdks.categoryAccuracy.value)}  (${frac(f.sdks.categoryAccuracy)})`,
    );
    lines.push(
      `  ${pad('retention summary accuracy', 30)} ${f3(f.retentionSummaryAccuracy.value)}  (${frac(f.retentionSummaryAccuracy)})`,
    );
    lines.push(prfLine('retention kinds', f.retentionKinds));
    lines.push(
      `  ${pad('retention days recall', 30)} ${f3(f.retentionDaysRecall.value)}  (${frac(f.retentionDaysRecall)})`,
    );
    lines.push(
      `  ${pad('opt-out paths', 30)} P ${f3(f.optOut.precision)}  R ${f3(f.optOut.recall)}  F1 ${f3(f.optOut.f1)}   (card ${f.optOut.cardMatched}/${f.optOut.cardTotal}, gold ${f.optOut.goldMatched}/${f.optOut.goldTotal})`,
    );
    lines.push(
      `  ${pad('sharing accuracy', 30)} ${f3(f.sharingAccuracy.value)}  (${frac(f.sharingAccuracy)})`,
    );
    lines.push(
      `  ${pad('language accuracy', 30)} ${f3(f.languageAccuracy.value)}  (${frac(f.languageAccuracy)})`,
    );
    lines.push(
      `  ${pad('detection accuracy', 30)} ${f3(f.detectionAccuracy.value)}  (${frac(f.detectionAccuracy)})`,
    );
    const nf = g.quotesNotFound.length;
    lines.push(`  ${pad('quotes not found', 30)} ${nf} ${mark(nf === 0)}  (goal 0)`);
    lines.push('');
    lines.push('Per policy');
    for (const p of g.policies) lines.push(...goldPolicyLines(p));
    if (nf > 0) {
      lines.push('Gold quotes not found in the text (bugs)');
      lines.push(...quoteLines(g.quotesNotFound, 20));
    }
    lines.push('');
  }
  const c = report.corpora;
  if (c) {
    const groups: [string, CorpusFigures][] = [
      ...Object.entries(c.bySource),
      ...Object.entries(c.byLanguage).map(([k, v]): [string, CorpusFigures] => [`lang ${k}`, v]),
    ];
    if (groups.length > 1) groups.push(['all', c.all]);
    const labelWidth = 34;
    const colWidth = 11;
    lines.push(`Corpora (${c.all.policies} policies)`);
    lines.push(
      `  ${pad('', labelWidth)}${groups.map(([name]) => padLeft(name, colWidth)).join('')}   goal`,
    );
    lines.push(
      `  ${pad('policies', labelWidth)}${groups.map(([, f]) => padLeft(String(f.policies), colWidth)).join('')}`,
    );
    for (const m of CORPUS_METRICS) {
      const cells = groups.map(([, f]) => {
        const v = m.get(f);
        if (v === null) return padLeft('n/a  ', colWidth);
        const text = m.key === 'quotes.notFound' ? String(v) : f3(v);
        return padLeft(`${text} ${m.goal ? mark(meets(v, m.goal)) : ' '}`, colWidth);
      });
      lines.push(
        `  ${pad(m.label, labelWidth)}${cells.join('')}   ${m.goal ? goalText(m.goal) : ''}`,
      );
      if (m.key === 'dataTypes.recall') {
        for (const t of CORPUS_DATA_TYPES) {
          const typeCells = groups.map(([, f]) => {
            const r = f.dataTypes?.perType[t];
            return padLeft(r ? `${f3(r.value)}  ` : 'n/a  ', colWidth);
          });
          lines.push(`  ${pad(`  ${t}`, labelWidth)}${typeCells.join('')}`);
        }
      }
    }
    const misses = corpusMisses(c.policies);
    if (misses.length > 0) {
      lines.push('');
      lines.push('Corpus policies that miss (ids; all details in --json)');
      lines.push(...misses);
    }
    if (c.quotesNotFound.length > 0) {
      lines.push('');
      lines.push(`Corpus quotes not found in the text (bugs): ${c.quotesNotFound.length}`);
      lines.push(...quoteLines(c.quotesNotFound, 20));
    }
    lines.push('');
  }
  if (!g && !c)
    return [...lines, 'Nothing was evaluated: no gold cards and no corpus policies.'].join('\n');
  const missed = report.goals.filter((x) => x.met === false);
  lines.push(
    missed.length === 0
      ? `All ${report.goals.length} goals met.`
      : `${missed.length} of ${report.goals.length} goals missed: ${missed.map((x) => `${x.group} ${x.key} ${x.key === 'quotes.notFound' ? String(x.value) : f3(x.value)}`).join(', ')}`,
  );
  return lines.join('\n');
}
