/**
 * The rule files are versioned data: each validates against rules.schema.json,
 * has no term twice in a list, and every term can match (a term the folding
 * cannot reach is dead weight). The grade thresholds are ordered.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/core/fold';
import { TermMatcher } from '../../src/core/matcher';
import { compileRules, RULES_VERSION } from '../../src/core/compile';

const DIR = 'src/core/rules';
const schema = JSON.parse(readFileSync(`${DIR}/rules.schema.json`, 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'rules.schema.json');

/** Every list of strings in a rule file, with its path. */
function termLists(
  value: unknown,
  path: string,
  out: [string, string[]][] = [],
): [string, string[]][] {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out.push([path, value as string[]]);
    else value.forEach((v, i) => termLists(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) termLists(v, `${path}.${k}`, out);
  }
  return out;
}

describe('rule files', () => {
  it('are all there', () => {
    expect(files.sort()).toEqual([
      'datatypes.json',
      'detection.json',
      'optout.json',
      'retention.json',
      'score.json',
      'sharing.json',
      'topics.json',
    ]);
  });

  it.each(files)('%s validates against rules.schema.json', (file) => {
    const data = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as unknown;
    const ok = validate(data);
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it.each(files)('%s: every term matches itself once folded, and none is listed twice', (file) => {
    const data = JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')) as unknown;
    for (const [path, list] of termLists(data, file)) {
      const seen = new Set<string>();
      for (const term of list) {
        const key = fold(term);
        expect(seen.has(key), `${path}: "${term}" twice`).toBe(false);
        seen.add(key);
        if (path.endsWith('.description') || /closureAfterZh/.test(path)) continue;
        const sample = ` ${term.replace(/\*$/, 'ing')} `;
        const m = new TermMatcher([{ term, value: 1 }]);
        expect(m.test(fold(sample)), `${path}: "${term}" cannot match "${sample}"`).toBe(true);
      }
    }
  });

  it.each(files)(
    '%s: its descriptions hold no web address (rule files ship in the bundle, which must name no place to go)',
    (file) => {
      const descriptions: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, w] of Object.entries(v)) {
            if (k === 'description' && typeof w === 'string') descriptions.push(w);
            else walk(w);
          }
        }
      };
      walk(JSON.parse(readFileSync(`${DIR}/${file}`, 'utf8')));
      expect(descriptions.length).toBeGreaterThan(0);
      expect(descriptions.filter((d) => /https?:\/\//.test(d))).toEqual([]);
    },
  );

  it('rejects a rule file that breaks the schema', () => {
    expect(
      validate({ version: 'one', description: 'x', topics: [{ topic: 'nope', terms: [] }] }),
    ).toBe(false);
  });

  it('compiles once per rule set and settings, and reports a version', () => {
    expect(RULES_VERSION).toMatch(/^\d+(\.\d+)+/);
    expect(compileRules()).toBe(compileRules());
    const a = compileRules({ disabledTypes: ['health'] });
    expect(a).not.toBe(compileRules());
    expect(compileRules({ disabledTypes: ['health'] })).toBe(a);
  });

  it('reports a user term that cannot compile and keeps the rest', () => {
    const r = compileRules({
      customTerms: [
        { area: 'data-type', target: 'health', pattern: '(a+)+$', regex: true },
        { area: 'data-type', target: 'health', pattern: 'glucose' },
      ],
    });
    expect(r.warnings.length).toBe(1);
    expect(r.warnings[0]).toMatch(/\(a\+\)\+\$/);
    expect(r.dataTypes.user.length).toBe(1);
  });

  it('orders the grade thresholds', () => {
    const t = compileRules().weights.thresholds;
    expect(t.A).toBeGreaterThan(t.B);
    expect(t.B).toBeGreaterThan(t.C);
    expect(t.C).toBeGreaterThan(t.D);
  });
});
