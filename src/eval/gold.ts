/**
 * Scoring one card against one gold card, and a set of them, exactly by the
 * scoring table of ../shared/gold/README.md. Pure functions: no I/O.
 */
import {
  DATA_TYPES,
  OPT_OUT_KINDS,
  RETENTION_KINDS,
  SDK_CATEGORIES,
  SHARING_FLAGS,
  type Card,
  type SharingFlag,
} from '../core/types';
import { f1Of, mean, prf, ratio, type Counts, type Prf, type Ratio } from './metrics';
import { matchNames, type NameMatch } from './names';
import { optOutMatches } from './optout-match';

export interface GoldSdk {
  name: string;
  aliases: string[];
  category: string;
  quote?: string;
  dataTypes?: string[];
}

export interface GoldOptOut {
  kind: string;
  target?: string;
  quote?: string;
}

export interface GoldCard {
  id: string;
  language?: string;
  isPolicy?: boolean;
  sensitiveData: { must: Record<string, string>; may: string[] };
  sdks: GoldSdk[];
  sdksMay: string[];
  retention: { summary: string; kinds: Record<string, string>; days: number[] };
  optOut: GoldOptOut[];
  sharing: Record<SharingFlag, { value: boolean; quote?: string }>;
}

function fail(id: string, what: string): never {
  throw new Error(`gold card ${id}: ${what}`);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown, id: string, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    fail(id, `${what} must be a list of strings`);
  return v as string[];
}

function checkId(value: string, allowed: readonly string[], id: string, what: string): string {
  if (!allowed.includes(value)) fail(id, `${what} "${value}" is not a taxonomy id`);
  return value;
}

/** Check the shape of a parsed gold file and return it typed; throws with the reason otherwise. */
export function parseGoldCard(raw: unknown, fallbackId = '?'): GoldCard {
  if (!isObject(raw)) fail(fallbackId, 'not a JSON object');
  const id = typeof raw.id === 'string' ? raw.id : fallbackId;
  const sd = raw.sensitiveData;
  if (!isObject(sd) || !isObject(sd.must)) fail(id, 'sensitiveData.must missing');
  const must: Record<string, string> = {};
  for (const [type, quote] of Object.entries(sd.must)) {
    must[checkId(type, DATA_TYPES, id, 'sensitive type')] = String(quote);
  }
  const may = stringArray(sd.may, id, 'sensitiveData.may').map((t) =>
    checkId(t, DATA_TYPES, id, 'sensitive type'),
  );
  if (!Array.isArray(raw.sdks)) fail(id, 'sdks must be a list');
  const sdks: GoldSdk[] = raw.sdks.map((s: unknown) => {
    if (!isObject(s) || typeof s.name !== 'string') fail(id, 'an SDK entry has no name');
    return {
      name: s.name,
      aliases: stringArray(s.aliases, id, `aliases of ${s.name}`),
      category: checkId(String(s.category), SDK_CATEGORIES, id, 'SDK category'),
      ...(typeof s.quote === 'string' ? { quote: s.quote } : {}),
      ...(Array.isArray(s.dataTypes)
        ? { dataTypes: stringArray(s.dataTypes, id, 'dataTypes') }
        : {}),
    };
  });
  const ret = raw.retention;
  if (!isObject(ret) || typeof ret.summary !== 'string') fail(id, 'retention.summary missing');
  const kinds: Record<string, string> = {};
  for (const [kind, quote] of Object.entries(isObject(ret.kinds) ? ret.kinds : {})) {
    kinds[checkId(kind, RETENTION_KINDS, id, 'retention kind')] = String(quote);
  }
  const days = Array.isArray(ret.days) ? ret.days : [];
  if (!days.every((d) => typeof d === 'number' && d > 0))
    fail(id, 'retention.days must be positive numbers');
  if (!Array.isArray(raw.optOut)) fail(id, 'optOut must be a list');
  const optOut: GoldOptOut[] = raw.optOut.map((o: unknown) => {
    if (!isObject(o) || typeof o.kind !== 'string') fail(id, 'an opt-out entry has no kind');
    return {
      kind: checkId(o.kind, OPT_OUT_KINDS, id, 'opt-out kind'),
      ...(typeof o.target === 'string' ? { target: o.target } : {}),
      ...(typeof o.quote === 'string' ? { quote: o.quote } : {}),
    };
  });
  const sh = raw.sharing;
  if (!isObject(sh)) fail(id, 'sharing missing');
  const sharing = {} as GoldCard['sharing'];
  for (const flag of SHARING_FLAGS) {
    const f = sh[flag];
    if (!isObject(f) || typeof f.value !== 'boolean') fail(id, `sharing.${flag}.value missing`);
    sharing[flag] = { value: f.value, ...(typeof f.quote === 'string' ? { quote: f.quote } : {}) };
  }
  return {
    id,
    ...(typeof raw.language === 'string' ? { language: raw.language } : {}),
    ...(typeof raw.isPolicy === 'boolean' ? { isPolicy: raw.isPolicy } : {}),
    sensitiveData: { must, may },
    sdks,
    sdksMay: stringArray(raw.sdksMay, id, 'sdksMay'),
    retention: { summary: ret.summary, kinds, days: days as number[] },
    optOut,
    sharing,
  };
}

export interface OptOutItem {
  kind: string;
  target?: string;
}

/** What one card got right and wrong against its gold card. */
export interface GoldPolicyResult {
  id: string;
  sensitive: Counts & { missed: string[]; extra: string[] };
  sdks: Counts & {
    categoryRight: number;
    missed: string[];
    /** Card names matching no gold entry or sdksMay name. */
    extra: string[];
    /** Card names matching a gold SDK that an earlier card entry already matched. */
    duplicates: string[];
    /** Card names matching sdksMay (ignored). */
    ignored: string[];
    categoryWrong: { name: string; card: string; gold: string }[];
  };
  retentionSummary: { card: string; gold: string; right: boolean };
  retentionKinds: Counts & { missed: string[]; extra: string[] };
  retentionDays: { found: number; total: number; missed: number[] };
  optOut: {
    cardMatched: number;
    cardTotal: number;
    goldMatched: number;
    goldTotal: number;
    missed: OptOutItem[];
    extra: OptOutItem[];
  };
  sharing: {
    right: number;
    total: number;
    wrong: { flag: SharingFlag; card: boolean; gold: boolean }[];
  };
  language: { card: string; gold?: string };
  isPolicy: { card: boolean; gold?: boolean };
}

function scoreSensitive(card: Card, gold: GoldCard): GoldPolicyResult['sensitive'] {
  const reported = [...new Set(card.sensitiveData.map((f) => f.type as string))];
  const mustTypes = Object.keys(gold.sensitiveData.must);
  const may = new Set(gold.sensitiveData.may);
  const extra = reported.filter((t) => !mustTypes.includes(t) && !may.has(t));
  const missed = mustTypes.filter((t) => !reported.includes(t));
  const tp = reported.filter((t) => mustTypes.includes(t)).length;
  return { tp, fp: extra.length, fn: missed.length, missed, extra };
}

/** A card SDK entry's names: its name plus any aliases the engine chose to add. */
function cardSdkNames(sdk: Card['sdks'][number]): string[] {
  const aliases = (sdk as { aliases?: unknown }).aliases;
  const extra = Array.isArray(aliases)
    ? aliases.filter((a): a is string => typeof a === 'string')
    : [];
  return [sdk.name, ...extra];
}

/**
 * SDK matching. Each card entry, in card order, goes to the first of:
 * an exact match with an unmatched gold SDK (TP); an exact match with an
 * already matched gold SDK (duplicate, FP); an exact sdksMay name (ignored);
 * then the same three for containment matches; else FP. Exact matches come
 * first so that "Firebase Crashlytics" goes to that gold entry and not to
 * "Firebase".
 */
function scoreSdks(card: Card, gold: GoldCard): GoldPolicyResult['sdks'] {
  const matched = new Array<boolean>(gold.sdks.length).fill(false);
  const out: GoldPolicyResult['sdks'] = {
    tp: 0,
    fp: 0,
    fn: 0,
    categoryRight: 0,
    missed: [],
    extra: [],
    duplicates: [],
    ignored: [],
    categoryWrong: [],
  };
  for (const sdk of card.sdks) {
    const names = cardSdkNames(sdk);
    const goldMatches = gold.sdks.map((g) => matchNames(names, [g.name, ...g.aliases]));
    const mayMatch = gold.sdksMay.reduce<NameMatch>((best, n) => {
      const m = matchNames(names, [n]);
      return m === 'exact' || best === 'exact' ? 'exact' : (m ?? best);
    }, null);
    let outcome: 'tp' | 'dup' | 'may' | 'fp' = 'fp';
    let index = -1;
    for (const level of ['exact', 'contains'] as const) {
      index = goldMatches.findIndex((m, i) => m === level && !matched[i]);
      if (index >= 0) {
        outcome = 'tp';
        break;
      }
      if (goldMatches.some((m) => m === level)) {
        outcome = 'dup';
        break;
      }
      if (mayMatch === level) {
        outcome = 'may';
        break;
      }
    }
    if (outcome === 'tp') {
      const g = gold.sdks[index]!;
      matched[index] = true;
      out.tp++;
      if (g.category === sdk.category) out.categoryRight++;
      else out.categoryWrong.push({ name: sdk.name, card: sdk.category, gold: g.category });
    } else if (outcome === 'dup') {
      out.fp++;
      out.duplicates.push(sdk.name);
    } else if (outcome === 'may') {
      out.ignored.push(sdk.name);
    } else {
      out.fp++;
      out.extra.push(sdk.name);
    }
  }
  gold.sdks.forEach((g, i) => {
    if (!matched[i]) out.missed.push(g.name);
  });
  out.fn = out.missed.length;
  return out;
}

function scoreRetention(
  card: Card,
  gold: GoldCard,
): Pick<GoldPolicyResult, 'retentionSummary' | 'retentionKinds' | 'retentionDays'> {
  const cardKinds = [...new Set(card.retention.statements.map((s) => s.kind as string))];
  const goldKinds = Object.keys(gold.retention.kinds);
  const missedKinds = goldKinds.filter((k) => !cardKinds.includes(k));
  const extraKinds = cardKinds.filter((k) => !goldKinds.includes(k));
  const periods = card.retention.statements
    .filter((s) => s.kind === 'stated-period' && typeof s.days === 'number')
    .map((s) => s.days as number);
  const missedDays = gold.retention.days.filter(
    (d) => !periods.some((p) => p >= 0.7 * d && p <= 1.45 * d),
  );
  return {
    retentionSummary: {
      card: card.retention.summary,
      gold: gold.retention.summary,
      right: card.retention.summary === gold.retention.summary,
    },
    retentionKinds: {
      tp: goldKinds.length - missedKinds.length,
      fp: extraKinds.length,
      fn: missedKinds.length,
      missed: missedKinds,
      extra: extraKinds,
    },
    retentionDays: {
      found: gold.retention.days.length - missedDays.length,
      total: gold.retention.days.length,
      missed: missedDays,
    },
  };
}

function item(o: { kind: string; target?: string | undefined }): OptOutItem {
  return o.target === undefined ? { kind: o.kind } : { kind: o.kind, target: o.target };
}

function scoreOptOut(card: Card, gold: GoldCard): GoldPolicyResult['optOut'] {
  const extra = card.optOut.filter((c) => !gold.optOut.some((g) => optOutMatches(g, c)));
  const missed = gold.optOut.filter((g) => !card.optOut.some((c) => optOutMatches(g, c)));
  return {
    cardMatched: card.optOut.length - extra.length,
    cardTotal: card.optOut.length,
    goldMatched: gold.optOut.length - missed.length,
    goldTotal: gold.optOut.length,
    missed: missed.map(item),
    extra: extra.map(item),
  };
}

function scoreSharing(card: Card, gold: GoldCard): GoldPolicyResult['sharing'] {
  const wrong: GoldPolicyResult['sharing']['wrong'] = [];
  for (const flag of SHARING_FLAGS) {
    const c = card.sharing[flag].value;
    const g = gold.sharing[flag].value;
    if (c !== g) wrong.push({ flag, card: c, gold: g });
  }
  return { right: SHARING_FLAGS.length - wrong.length, total: SHARING_FLAGS.length, wrong };
}

export function scoreGoldPolicy(card: Card, gold: GoldCard): GoldPolicyResult {
  return {
    id: gold.id,
    sensitive: scoreSensitive(card, gold),
    sdks: scoreSdks(card, gold),
    ...scoreRetention(card, gold),
    optOut: scoreOptOut(card, gold),
    sharing: scoreSharing(card, gold),
    language: { card: card.language, ...(gold.language ? { gold: gold.language } : {}) },
    isPolicy: {
      card: card.detection.isPolicy,
      ...(gold.isPolicy !== undefined ? { gold: gold.isPolicy } : {}),
    },
  };
}

export interface GoldFigures {
  policies: number;
  sensitive: Prf;
  sdks: Prf & { categoryAccuracy: Ratio };
  retentionSummaryAccuracy: Ratio;
  retentionKinds: Prf;
  retentionDaysRecall: Ratio;
  optOut: {
    precision: number;
    recall: number;
    f1: number;
    cardMatched: number;
    cardTotal: number;
    goldMatched: number;
    goldTotal: number;
  };
  sharingAccuracy: Ratio;
  /** Mean of sensitive F1, SDK F1, retention-summary accuracy, opt-out F1 and sharing accuracy. */
  cardScore: number;
  /** Not part of the card score: language and policy detection against the gold. */
  languageAccuracy: Ratio;
  detectionAccuracy: Ratio;
}

function sum<T>(items: T[], get: (t: T) => number): number {
  return items.reduce((acc, t) => acc + get(t), 0);
}

function sumCounts(items: Counts[]): Counts {
  return { tp: sum(items, (c) => c.tp), fp: sum(items, (c) => c.fp), fn: sum(items, (c) => c.fn) };
}

/** Micro-averaged figures over a set of policies. */
export function aggregateGold(results: GoldPolicyResult[]): GoldFigures {
  const sensitive = prf(sumCounts(results.map((r) => r.sensitive)));
  const sdkPrf = prf(sumCounts(results.map((r) => r.sdks)));
  const sdks = {
    ...sdkPrf,
    categoryAccuracy: ratio(
      sum(results, (r) => r.sdks.categoryRight),
      sdkPrf.tp,
    ),
  };
  const retentionSummaryAccuracy = ratio(
    results.filter((r) => r.retentionSummary.right).length,
    results.length,
  );
  const retentionKinds = prf(sumCounts(results.map((r) => r.retentionKinds)));
  const retentionDaysRecall = ratio(
    sum(results, (r) => r.retentionDays.found),
    sum(results, (r) => r.retentionDays.total),
  );
  const cardMatched = sum(results, (r) => r.optOut.cardMatched);
  const cardTotal = sum(results, (r) => r.optOut.cardTotal);
  const goldMatched = sum(results, (r) => r.optOut.goldMatched);
  const goldTotal = sum(results, (r) => r.optOut.goldTotal);
  const oPrecision = cardTotal === 0 ? 1 : cardMatched / cardTotal;
  const oRecall = goldTotal === 0 ? 1 : goldMatched / goldTotal;
  const optOut = {
    precision: oPrecision,
    recall: oRecall,
    f1: f1Of(oPrecision, oRecall),
    cardMatched,
    cardTotal,
    goldMatched,
    goldTotal,
  };
  const sharingAccuracy = ratio(
    sum(results, (r) => r.sharing.right),
    sum(results, (r) => r.sharing.total),
  );
  const withLanguage = results.filter((r) => r.language.gold !== undefined);
  const withDetection = results.filter((r) => r.isPolicy.gold !== undefined);
  return {
    policies: results.length,
    sensitive,
    sdks,
    retentionSummaryAccuracy,
    retentionKinds,
    retentionDaysRecall,
    optOut,
    sharingAccuracy,
    cardScore: mean([
      sensitive.f1,
      sdks.f1,
      retentionSummaryAccuracy.value ?? 0,
      optOut.f1,
      sharingAccuracy.value ?? 0,
    ]),
    languageAccuracy: ratio(
      withLanguage.filter((r) => r.language.card === r.language.gold).length,
      withLanguage.length,
    ),
    detectionAccuracy: ratio(
      withDetection.filter((r) => r.isPolicy.card === r.isPolicy.gold).length,
      withDetection.length,
    ),
  };
}
