/**
 * Validation of settings and settings files: every problem of an invalid
 * file listed in words, nothing changed by a failed import, and the
 * hand-written validator cross-checked with ajv against settings.schema.json
 * (ajv is for tests only: it generates code, which the extension may not).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../src/settings/settings.schema.json';
import {
  checkSettings,
  defaultSettings,
  importSettings,
  LIMITS,
  loadSettings,
  saveSettings,
  UI_LANGUAGES,
  validateSettings,
} from '../../src/settings';
import { MAX_PATTERN_LENGTH } from '../../src/core/user-terms';
import { DEFAULT_WEIGHTS } from '../../src/core/score';
import {
  DATA_TYPES,
  OPT_OUT_KINDS,
  RETENTION_KINDS,
  SDK_CATEGORIES,
  SEVERITIES,
} from '../../src/core/types';
import { areas } from './settings-fake-storage';

const ajv = new Ajv({ allErrors: true });
const schemaValid = ajv.compile(schema);

describe('invalid files: every problem, in words', () => {
  it('lists each problem of a file with many', () => {
    const file = {
      schemaVersion: 3,
      exportedAt: '2026-01-01T00:00:00.000Z',
      disabledTypes: ['health', 'wellness', 'health'],
      severity: { health: 'critical', mood: 'high' },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: 'blood sugar' },
        { area: 'retention', target: 'forever', pattern: 'kept' },
        { area: 'data-type', target: 'health', pattern: 'x'.repeat(201) },
        { area: 'opt-out', target: 'email', pattern: '(a|aa)*b', regex: true },
        { area: 'opt-out', target: 'email', pattern: 'unsubscribe[', regex: true },
        { area: 'data-type', target: 'health', pattern: 'a', colour: 'red' },
        'blood pressure',
      ],
      customSdks: [
        { name: 'Acme', aliases: ['acme sdk'], category: 'analytics' },
        { name: 'acme', aliases: 'acme2', category: 'spyware' },
      ],
      weights: {
        severity: { high: 150, extreme: 3 },
        sdkCap: '25',
        thresholds: { A: 50, B: 60 },
      },
      language: 'fr',
      autoDetect: 1,
      theme: 'dark',
    };
    const result = importSettings(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      'theme: unknown setting',
      'disabledTypes[1]: the text "wellness" is not a known data type',
      'disabledTypes[2]: "health" is listed twice',
      'severity.health: must be one of "high", "medium", "low", not the text "critical"',
      'severity.mood: "mood" is not a known data type',
      'customTerms[1].target: "forever" is not a known retention target (one of "stated-period", "until-deletion", "as-long-as-necessary", "indefinite")',
      'customTerms[2].pattern: the pattern is longer than 200 characters',
      'customTerms[3].pattern: a repeated group contains another repetition or an alternation (catastrophic backtracking)',
      expect.stringMatching(/^customTerms\[4\]\.pattern: not a valid regular expression: /),
      'customTerms[5].colour: unknown setting',
      'customTerms[6]: must be an object with area, target and pattern, not the text "blood pressure"',
      'customSdks[1].name: another custom SDK is already called "acme"',
      'customSdks[1].aliases: must be a list of names, not the text "acme2"',
      'customSdks[1].category: must be one of "ads", "analytics", "push", "payment", "login", "maps", "crash", "social", "cloud", "other", not the text "spyware"',
      'weights.sdkCap: must be a number between 0 and 100, not the text "25"',
      'weights.severity.extreme: unknown setting',
      'weights.severity.high: must be a number between 0 and 100, not number 150',
      'weights.thresholds: must go down from A to D (now A 50, B 60, C 50, D 35)',
      'language: must be one of "auto", "en", "zh_CN", "zh_TW", not the text "fr"',
      'autoDetect: must be true or false, not number 1',
    ]);
  });

  it.each([
    ['', /^the file is not valid JSON: /],
    ['{"schemaVersion": 3,', /^the file is not valid JSON: /],
    ['[1, 2]', /^the file must hold a JSON object with the settings$/],
    ['"settings"', /^the file must hold a JSON object with the settings$/],
    ['{"language":"en"}', /^schemaVersion: must be a whole number from 1 to 3, not missing$/],
    [
      '{"schemaVersion":7}',
      /^schemaVersion: the file comes from a newer version of PolicyLens \(settings version 7/,
    ],
  ])('file %j is refused: %s', (text, message) => {
    const result = importSettings(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a file over 2 MB without reading it', () => {
    const result = importSettings(`{"schemaVersion":3,"x":"${'a'.repeat(2_000_001)}"}`);
    expect(result).toEqual({ ok: false, errors: ['the file is larger than 2 MB'] });
  });

  it('more terms or SDKs than allowed, aliases too many or too long', () => {
    const result = importSettings(
      JSON.stringify({
        schemaVersion: 3,
        customTerms: Array.from({ length: LIMITS.customTerms + 1 }, (_, i) => ({
          area: 'data-type',
          target: 'health',
          pattern: `term ${i}`,
        })),
        customSdks: [
          {
            name: 'N'.repeat(101),
            aliases: Array.from({ length: 21 }, (_, i) => `alias ${i}`),
            vendor: 'V'.repeat(101),
            category: 'ads',
          },
        ],
      }),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      'customTerms: has 501 terms (at most 500)',
      'customSdks[0].name: is longer than 100 characters',
      'customSdks[0].aliases: has 21 names (at most 20)',
      'customSdks[0].vendor: is longer than 100 characters',
    ]);
  });

  it('an older file is upgraded on import, and what an upgrade would drop is an error', () => {
    const v1 = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../data/settings/v1-damaged-terms.json'), 'utf8'),
    );
    const result = importSettings(JSON.stringify(v1));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toHaveLength(4);
    const good = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../data/settings/v2-full.json'), 'utf8'),
    );
    const ok = importSettings(JSON.stringify({ ...good, exportedAt: '2025-05-05T00:00:00Z' }));
    expect(ok.ok).toBe(true);
    expect(ok.ok && ok.settings.customSdks.map((s) => s.name)).toEqual(['Acme Beacon', 'PushPal']);
  });

  it('a failed import changes nothing in storage', async () => {
    const { sync, local } = areas();
    const s = defaultSettings();
    s.language = 'en';
    s.disabledTypes = ['media'];
    await saveSettings(s, sync, local);
    const before = new Map(sync.items);
    const result = importSettings(
      JSON.stringify({ schemaVersion: 3, language: 'xx', disabledTypes: [] }),
    );
    expect(result.ok).toBe(false);
    expect(sync.items).toEqual(before);
    expect((await loadSettings(sync, local)).settings).toEqual(s);
  });
});

describe('validateSettings', () => {
  it('accepts defaults and normalizes what it accepts', () => {
    expect(validateSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
    const r = validateSettings({
      schemaVersion: 3,
      disabledTypes: ['network', 'biometric'],
      severity: { network: 'low', health: 'medium' },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: '  blood sugar ', regex: false },
      ],
      customSdks: [{ name: ' Acme ', aliases: ['a', 'a', ' '], vendor: '', category: 'ads' }],
    });
    expect(r.ok).toBe(false); // the blank alias
    const ok = validateSettings({
      schemaVersion: 3,
      disabledTypes: ['network', 'biometric'],
      severity: { network: 'low', health: 'medium' },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: '  blood sugar ', regex: false },
      ],
      customSdks: [{ name: ' Acme ', aliases: ['a', 'a'], vendor: '', category: 'ads' }],
    });
    expect(ok).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        disabledTypes: ['biometric', 'network'],
        severity: { health: 'medium' },
        customTerms: [{ area: 'data-type', target: 'health', pattern: 'blood sugar' }],
        customSdks: [{ name: 'Acme', aliases: ['a'], category: 'ads' }],
      },
    });
  });
});

describe('settings.schema.json', () => {
  it('states the same limits and lists as the code', () => {
    const p = schema.properties;
    const d = schema.definitions;
    expect(p.customTerms.maxItems).toBe(LIMITS.customTerms);
    expect(p.customSdks.maxItems).toBe(LIMITS.customSdks);
    expect(d.customTerm.properties.pattern.maxLength).toBe(MAX_PATTERN_LENGTH);
    expect(d.customSdk.properties.aliases.maxItems).toBe(LIMITS.aliases);
    expect(d.customSdk.properties.name.maxLength).toBe(LIMITS.nameLength);
    expect(d.weight.maximum).toBe(LIMITS.weightMax);
    expect(p.disabledTypes.items.enum).toEqual([...DATA_TYPES]);
    expect(Object.keys(p.severity.properties)).toEqual([...DATA_TYPES]);
    expect(p.severity.properties.health.enum).toEqual([...SEVERITIES]);
    expect(d.customSdk.properties.category.enum).toEqual([...SDK_CATEGORIES]);
    expect(p.language.enum).toEqual([...UI_LANGUAGES]);
    expect(d.customTerm.allOf.map((c) => c.then.properties.target.enum)).toEqual([
      [...DATA_TYPES],
      [...RETENTION_KINDS],
      [...OPT_OUT_KINDS],
    ]);
    for (const [k, v] of Object.entries(DEFAULT_WEIGHTS)) {
      const prop = (p.weights.properties as Record<string, { properties?: object }>)[k];
      expect(prop, k).toBeDefined();
      if (typeof v === 'object') expect(Object.keys(prop!.properties!)).toEqual(Object.keys(v));
    }
    expect(Object.keys(p.weights.properties)).toHaveLength(Object.keys(DEFAULT_WEIGHTS).length);
  });

  it('accepts every saved or exported current-version sample the validator accepts', () => {
    const dir = resolve(import.meta.dirname, '../data/settings');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
      const raw = JSON.parse(readFileSync(resolve(dir, f), 'utf8'));
      const imported = importSettings(JSON.stringify(raw));
      if (imported.ok) expect(schemaValid(imported.settings), f).toBe(true);
    }
  });

  // Checks only the hand-written validator makes (a schema cannot say them).
  const HAND_ONLY = [
    /^weights\.thresholds: must go down/,
    /\.name: another custom SDK is already called/,
    /\.pattern: (?!must be text|the pattern is longer than|the pattern is empty)/,
  ];

  const junk: fc.Arbitrary<unknown> = fc.oneof(
    fc.constant(null),
    fc.integer({ min: -5, max: 200 }),
    fc.string({ maxLength: 5 }),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  /** Usually `valid`, sometimes junk. */
  const mostly = (valid: fc.Arbitrary<unknown>) =>
    fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: junk, weight: 1 });
  /** Usually nothing, sometimes junk. */
  const rarely = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 9 },
    { arbitrary: junk, weight: 1 },
  );
  const weight = mostly(
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: -10, max: 120, noNaN: true })),
  );
  /** Mostly valid (area, target) pairs, some mismatched, some junk. */
  const term = mostly(
    fc
      .tuple(
        fc.constantFrom(
          ['data-type', 'health'],
          ['retention', 'indefinite'],
          ['opt-out', 'email'],
          ['data-type', 'financial'],
          ['retention', 'email'],
        ),
        mostly(
          fc.constantFrom('blood sugar', '血糖*', 'kept forever', 'x'.repeat(201), '   ', 'a**b'),
        ),
        fc.option(mostly(fc.constant(false)), { nil: undefined }),
        rarely,
      )
      .map(([[area, target], pattern, regex, bad]) => ({
        area,
        target,
        pattern,
        ...(regex !== undefined ? { regex } : {}),
        ...(bad !== undefined ? { target: bad } : {}),
      })),
  );
  const sdk = mostly(
    fc.record(
      {
        name: mostly(fc.constantFrom('Acme', 'acme', 'Beacon 信标', 'PushPal', '')),
        aliases: mostly(fc.array(mostly(fc.constantFrom('x', 'y', 'z', '')), { maxLength: 3 })),
        vendor: mostly(fc.constantFrom('Acme Ltd.', 'Push Inc.', 'V'.repeat(101))),
        category: mostly(fc.constantFrom('ads', 'push', 'maps', 'spyware')),
      },
      { requiredKeys: ['name', 'category'] },
    ),
  );
  const settingsLike = fc.record(
    {
      schemaVersion: mostly(fc.constant(3)),
      disabledTypes: mostly(
        fc.array(mostly(fc.constantFrom('health', 'media', 'network', 'nope')), { maxLength: 3 }),
      ),
      severity: mostly(
        fc.dictionary(
          fc.constantFrom('health', 'location', 'media', 'network', 'browsing', 'mood'),
          mostly(fc.constantFrom('high', 'low', 'medium', 'extreme')),
        ),
      ),
      customTerms: mostly(fc.array(term, { maxLength: 2 })),
      customSdks: mostly(fc.array(sdk, { maxLength: 2 })),
      weights: mostly(
        fc.record(
          {
            sdk: weight,
            severity: mostly(fc.record({ high: weight, low: weight }, { requiredKeys: [] })),
            thresholds: mostly(fc.record({ A: weight, D: weight }, { requiredKeys: [] })),
          },
          { requiredKeys: [] },
        ),
      ),
      language: mostly(fc.constantFrom(...UI_LANGUAGES, 'fr')),
      autoDetect: mostly(fc.boolean()),
      extra: rarely,
    },
    { requiredKeys: ['schemaVersion'] },
  );

  it('agrees with the hand-written validator on generated settings (ajv cross-check)', () => {
    let valid = 0;
    fc.assert(
      fc.property(settingsLike, (raw) => {
        if (raw.extra === undefined) delete raw.extra;
        const errors = checkSettings(raw).errors;
        const structural = errors.filter((e) => !HAND_ONLY.some((re) => re.test(e)));
        const ajvOk = schemaValid(raw);
        if (ajvOk) valid++;
        expect(structural.length === 0, `${JSON.stringify(raw)}\n${errors.join('\n')}`).toBe(ajvOk);
      }),
      { numRuns: 1500, seed: 7 },
    );
    expect(valid).toBeGreaterThan(10);
  });
});

describe('the extension bundle stays free of code generation', () => {
  it('src/settings neither imports ajv nor uses eval or new Function', () => {
    const dir = resolve(import.meta.dirname, '../../src/settings');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const src = readFileSync(resolve(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(src, f).not.toMatch(/from ['"]ajv|new Function|\beval\(/);
      expect(src, f).not.toMatch(/\b(window|document|chrome|browser|localStorage)\./);
    }
  });

  it('src/settings compiles with lib ES2022 only (no DOM, no Node types)', () => {
    const root = resolve(import.meta.dirname, '../..');
    const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', 'src/settings/tsconfig.json', '--noEmit'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
