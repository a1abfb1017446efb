/**
 * Migrations of stored settings, on the saved samples of every older version
 * in test/data/settings/: each step on its own, the whole chain, and data
 * that cannot be migrated (damaged, newer, not settings).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  migrate,
  MIGRATIONS,
  SCHEMA_VERSION,
  validateSettings,
} from '../../src/settings';
import { v1ToV2, v2ToV3 } from '../../src/settings/migrate';

const DATA = resolve(import.meta.dirname, '../data/settings');
type Obj = Record<string, unknown>;
const sample = (name: string): Obj => JSON.parse(readFileSync(resolve(DATA, name), 'utf8'));
const samples = readdirSync(DATA).filter((f) => /^v\d+-.*\.json$/.test(f));

describe('the migration chain', () => {
  it('has one step per version, in order, ending at the current version', () => {
    expect(MIGRATIONS.map((m) => [m.from, m.to])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(MIGRATIONS.at(-1)!.to).toBe(SCHEMA_VERSION);
  });

  it('there is a saved sample of every older version', () => {
    const versions = new Set(samples.map((f) => (sample(f).schemaVersion as number) ?? 0));
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(versions.has(v)).toBe(true);
  });

  it.each(samples)('%s migrates to valid current settings, never throwing', (file) => {
    const result = migrate(sample(file));
    expect(result.settings.schemaVersion).toBe(SCHEMA_VERSION);
    expect(validateSettings(result.settings)).toEqual({ ok: true, settings: result.settings });
    expect(result.notices[0]).toBe(
      `Settings were upgraded from version ${sample(file).schemaVersion} to ${SCHEMA_VERSION}.`,
    );
  });
});

describe('v1 -> v2', () => {
  it('turns "<type>: <pattern>" strings into term objects, /.../ into regex terms', () => {
    const problems: string[] = [];
    const v2 = v1ToV2.up(sample('v1-basic.json'), problems);
    expect(problems).toEqual([]);
    expect(v2).toEqual({
      schemaVersion: 2,
      language: 'zh_CN',
      types: {
        network: { enabled: false },
        'contact-info': { enabled: false },
        location: { severity: 'high' },
        media: { severity: 'low' },
      },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: 'blood sugar' },
        { area: 'data-type', target: 'health', pattern: '血糖*' },
        { area: 'data-type', target: 'financial', pattern: 'credit\\s+scores?', regex: true },
        { area: 'data-type', target: 'device-id', pattern: 'advertising ID?' },
      ],
      scoring: { 'thresholds.A': 85, 'thresholds.B': 70, 'thresholds.C': 50, 'thresholds.D': 30 },
    });
  });

  it('reports term strings it cannot read', () => {
    const problems: string[] = [];
    const v2 = v1ToV2.up(sample('v1-damaged-terms.json'), problems);
    expect(problems).toEqual([
      'customTerms[0] (version 1): "blood pressure" is not "<data type>: <pattern>" and was dropped',
      'customTerms[4] (version 1): 42 is not "<data type>: <pattern>" and was dropped',
    ]);
    // Unknown targets and unsafe patterns pass this step; validation catches them.
    expect((v2.customTerms as Obj[]).map((t) => t.target)).toEqual([
      'wellness',
      'health',
      'biometric',
    ]);
  });
});

describe('v2 -> v3', () => {
  it('splits weights out of the flat scoring map and types into disabledTypes + severity', () => {
    const problems: string[] = [];
    const v3 = v2ToV3.up(sample('v2-full.json'), problems);
    expect(problems).toEqual([]);
    expect(v3.disabledTypes).toEqual(['network', 'browsing']);
    expect(v3.severity).toEqual({ location: 'high', browsing: 'low' });
    expect(v3.weights).toEqual({
      severity: { high: 10 },
      sdk: 2,
      sharing: { sale: 20 },
      thresholds: { A: 85, B: 70 },
    });
    expect(v3.autoDetect).toBe(true);
    expect(v3.customSdks).toEqual(sample('v2-full.json').customSdks);
  });

  it('drops scoring keys that were never weights, with a problem', () => {
    const problems: string[] = [];
    const v3 = v2ToV3.up(sample('v2-unknown-weight.json'), problems);
    expect(problems).toEqual(['scoring.bonus.https (version 2): not a known weight, dropped']);
    expect(v3.weights).toEqual({ severity: { high: 9 } });
  });
});

describe('migrate() end to end', () => {
  it('version 1 to 3', () => {
    const r = migrate(sample('v1-basic.json'));
    expect(r.status).toBe('migrated');
    expect(r.settings).toEqual({
      schemaVersion: 3,
      disabledTypes: ['network', 'contact-info'],
      severity: { location: 'high', media: 'low' },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: 'blood sugar' },
        { area: 'data-type', target: 'health', pattern: '血糖*' },
        { area: 'data-type', target: 'financial', pattern: 'credit\\s+scores?', regex: true },
        { area: 'data-type', target: 'device-id', pattern: 'advertising ID?' },
      ],
      customSdks: [],
      weights: { thresholds: { A: 85, B: 70, D: 30 } },
      language: 'zh_CN',
      autoDetect: false,
    });
  });

  it('version 2 to 3, keeping SDKs with Chinese aliases', () => {
    const r = migrate(sample('v2-full.json'));
    expect(r.status).toBe('migrated');
    expect(r.settings.customSdks).toEqual([
      {
        name: 'Acme Beacon',
        aliases: ['acmebeacon', 'Acme 信标'],
        vendor: 'Acme Ltd.',
        category: 'analytics',
      },
      { name: 'PushPal', aliases: [], category: 'push' },
    ]);
    expect(r.settings.customTerms.map((t) => t.area)).toEqual([
      'data-type',
      'data-type',
      'retention',
      'opt-out',
    ]);
    // browsing: disabled, and its severity "low" differs from the built-in "medium".
    expect(r.settings.severity).toEqual({ location: 'high', browsing: 'low' });
  });

  it('a damaged version 1 sample keeps what is good and says what was reset', () => {
    const r = migrate(sample('v1-damaged-terms.json'));
    expect(r.status).toBe('repaired');
    expect(r.settings.customTerms).toEqual([
      { area: 'data-type', target: 'biometric', pattern: 'face print' },
    ]);
    expect(r.settings.disabledTypes).toEqual(['browsing']);
    expect(r.problems).toEqual([
      'customTerms[0] (version 1): "blood pressure" is not "<data type>: <pattern>" and was dropped',
      'customTerms[4] (version 1): 42 is not "<data type>: <pattern>" and was dropped',
      expect.stringMatching(
        /^customTerms\[0\]\.target: "wellness" is not a known data-type target/,
      ),
      'customTerms[1].pattern: a repeated group contains another repetition or an alternation (catastrophic backtracking)',
    ]);
    expect(r.notices[1]).toContain('were reset to their defaults');
  });

  it('current data passes unchanged', () => {
    const s = { ...defaultSettings(), language: 'en' as const, disabledTypes: ['media' as const] };
    const r = migrate(s);
    expect(r).toMatchObject({ status: 'current', notices: [], settings: s });
  });

  it.each([
    [
      { schemaVersion: 4, language: 'en' },
      'newer',
      /newer version of PolicyLens \(settings version 4/,
    ],
    [{ schemaVersion: 'three' }, 'unreadable', /no valid schemaVersion \("three"\)/],
    [{ language: 'en' }, 'unreadable', /no valid schemaVersion \(missing\)/],
    [{ schemaVersion: 2.5 }, 'unreadable', /no valid schemaVersion \(2.5\)/],
    [null, 'unreadable', /could not be read/],
    ['{"schemaVersion":3}', 'unreadable', /could not be read/],
    [[{ schemaVersion: 3 }], 'unreadable', /could not be read/],
  ])('%j gives defaults (%s)', (raw, status, notice) => {
    const r = migrate(raw);
    expect(r.status).toBe(status);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.notices.join(' ')).toMatch(notice);
  });

  it('wrong types inside a version 2 object are reset one by one', () => {
    const r = migrate({
      schemaVersion: 2,
      language: 'fr',
      autoDetect: 'yes',
      types: { health: 'off', location: { severity: 'high' } },
      scoring: { 'severity.high': -5, 'thresholds.A': 90 },
      customSdks: [{ name: '', aliases: [], category: 'ads' }],
    });
    expect(r.status).toBe('repaired');
    expect(r.settings).toEqual({
      ...defaultSettings(),
      severity: { location: 'high' },
      weights: { thresholds: { A: 90 } },
    });
    expect(r.problems).toEqual([
      'types.health (version 2): was not an object and was dropped',
      'customSdks[0].name: must not be empty',
      'weights.severity.high: must be a number between 0 and 100, not number -5',
      'language: must be one of "auto", "en", "zh_CN", "zh_TW", not the text "fr"',
      'autoDetect: must be true or false, not the text "yes"',
    ]);
  });

  it('keys that would reach Object.prototype are dropped, not assigned', () => {
    const raw = JSON.parse(
      '{"schemaVersion":2,"types":{"__proto__":{"enabled":false},"media":{"enabled":false}},' +
        '"scoring":{"__proto__":{"polluted":1},"constructor":5,"sdk":3}}',
    );
    const r = migrate(raw);
    expect(r.settings.disabledTypes).toEqual(['media']);
    expect(r.settings.weights).toEqual({ sdk: 3 });
    expect(r.problems).toEqual([
      'types.__proto__: not allowed, dropped',
      'scoring.__proto__: not allowed, dropped',
      'scoring.constructor: not allowed, dropped',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
