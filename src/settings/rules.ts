/** From settings to what the engine takes, and the "try before saving" box. */
import type { RuleSettings, ScoreWeights } from '../core/settings';
import { DEFAULT_WEIGHTS } from '../core/score';
import { OPT_OUT_KINDS, RETENTION_KINDS, DATA_TYPES } from '../core/types';
import { userTermMatchers } from '../core/user-terms';
import { normalizeSettings } from './normalize';
import { checkUserPattern } from './pattern-safety';
import { LIMITS, WEIGHT_GROUPS, WEIGHT_NUMBERS, type CustomTerm, type Settings } from './types';

const TARGETS: Record<CustomTerm['area'], readonly string[]> = {
  'data-type': DATA_TYPES,
  retention: RETENTION_KINDS,
  'opt-out': OPT_OUT_KINDS,
};

/**
 * What analyze() takes as options.settings. Only changed parts are included,
 * so default settings give {} (one compile cache entry for everybody on
 * defaults). A custom term that fails the save-time checks (which cannot
 * happen for settings that went through load or save) is left out and named
 * in `warnings`; the engine reports terms it cannot compile in card.warnings.
 */
export function toRuleSettingsWithWarnings(s: Settings): {
  rules: RuleSettings;
  warnings: string[];
} {
  const n = normalizeSettings(s);
  const rules: RuleSettings = {};
  const warnings: string[] = [];
  if (n.disabledTypes.length) rules.disabledTypes = n.disabledTypes;
  if (Object.keys(n.severity).length) rules.severity = n.severity;
  const terms = n.customTerms.filter((t) => {
    const check = checkUserPattern(t.pattern, t.regex);
    if (!check.ok) warnings.push(`Custom term "${t.pattern}" was skipped: ${check.error}.`);
    return check.ok;
  });
  if (terms.length) rules.customTerms = terms;
  if (n.customSdks.length) rules.customSdks = n.customSdks;
  const weights: Partial<ScoreWeights> = {};
  const given = n.weights as Record<string, unknown>;
  for (const k of WEIGHT_NUMBERS) if (typeof given[k] === 'number') weights[k] = given[k];
  for (const g of WEIGHT_GROUPS) {
    if (given[g])
      (weights as Record<string, unknown>)[g] = { ...DEFAULT_WEIGHTS[g], ...(given[g] as object) };
  }
  if (Object.keys(weights).length) rules.weights = weights;
  return { rules, warnings };
}

export function toRuleSettings(s: Settings): RuleSettings {
  return toRuleSettingsWithWarnings(s).rules;
}

export interface TermMatch {
  start: number;
  end: number;
  text: string;
}

/**
 * Run one term on a sample text, exactly as the engine would (same compiled
 * pattern, same line-sized chunks), after the save-time checks. The sample is
 * cut to LIMITS.sampleLength characters and at most LIMITS.sampleMatches
 * matches are returned.
 */
export function tryTerm(
  term: CustomTerm,
  sample: string,
): { ok: true; matches: TermMatch[]; truncated: boolean } | { ok: false; error: string } {
  const targets = TARGETS[term.area];
  if (!targets) return { ok: false, error: `unknown area "${String(term.area)}"` };
  if (!targets.includes(term.target)) {
    return { ok: false, error: `"${term.target}" is not a known ${term.area} target` };
  }
  const check = checkUserPattern(term.pattern, term.regex);
  if (!check.ok) return { ok: false, error: check.error };
  const warnings: string[] = [];
  const [matcher] = userTermMatchers([term], () => true, warnings);
  if (!matcher) return { ok: false, error: warnings[0] ?? 'the term could not be compiled' };
  const text = sample.slice(0, LIMITS.sampleLength);
  const hits = matcher.scan(text, text);
  return {
    ok: true,
    matches: hits
      .slice(0, LIMITS.sampleMatches)
      .map((h) => ({ start: h.start, end: h.end, text: text.slice(h.start, h.end) })),
    truncated: sample.length > text.length || hits.length > LIMITS.sampleMatches,
  };
}
