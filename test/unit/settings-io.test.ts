/**
 * Export / import of settings files and what the engine gets from settings
 * (toRuleSettings): a round trip through a file gives identical settings, and
 * each kind of setting changes the next analysis.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core';
import {
  BUILT_IN_SEVERITY,
  DEFAULT_WEIGHTS,
  defaultSettings,
  exportSettings,
  importSettings,
  loadSettings,
  migrate,
  resetSettings,
  saveSettings,
  toRuleSettings,
  toRuleSettingsWithWarnings,
  type Settings,
} from '../../src/settings';
import { areas } from './settings-fake-storage';

const DATA = resolve(import.meta.dirname, '../data/settings');

function richSettings(): Settings {
  return {
    ...migrate(JSON.parse(readFileSync(resolve(DATA, 'v2-full.json'), 'utf8'))).settings,
    customTerms: [
      { area: 'data-type', target: 'health', pattern: 'blood sugar' },
      { area: 'data-type', target: 'financial', pattern: '银行卡号' },
      { area: 'retention', target: 'indefinite', pattern: 'kept\\s+forever', regex: true },
      { area: 'opt-out', target: 'unsubscribe', pattern: '退订*' },
    ],
  };
}

describe('export -> reset -> import', () => {
  it('gives back identical settings', async () => {
    const { sync, local } = areas();
    const s = richSettings();
    expect((await saveSettings(s, sync, local)).ok).toBe(true);
    const loaded = (await loadSettings(sync, local)).settings;
    const file = exportSettings(loaded, new Date('2026-03-04T05:06:07Z'));
    await resetSettings(sync, local);
    expect((await loadSettings(sync, local)).settings).toEqual(defaultSettings());
    const imported = importSettings(file);
    expect(imported).toEqual({ ok: true, settings: loaded });
    await saveSettings(imported.ok ? imported.settings : defaultSettings(), sync, local);
    expect((await loadSettings(sync, local)).settings).toEqual(s);
  });

  it('writes every value, with schemaVersion and exportedAt', () => {
    const s = defaultSettings();
    s.severity.network = 'high';
    s.weights = { thresholds: { A: 90 } };
    const file = JSON.parse(exportSettings(s, new Date('2026-03-04T05:06:07Z')));
    expect(file.schemaVersion).toBe(3);
    expect(file.exportedAt).toBe('2026-03-04T05:06:07.000Z');
    expect(file.severity).toEqual({ ...BUILT_IN_SEVERITY, network: 'high' });
    expect(file.weights).toEqual({
      ...DEFAULT_WEIGHTS,
      thresholds: { ...DEFAULT_WEIGHTS.thresholds, A: 90 },
    });
    expect(file.language).toBe('auto');
    expect(file.autoDetect).toBe(false);
    // Importing the full file gives back only the differences.
    const back = importSettings(JSON.stringify(file));
    expect(back).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        severity: { network: 'high' },
        weights: { thresholds: { A: 90 } },
      },
    });
  });

  it('a file with a byte-order mark still imports', () => {
    const file = `\uFEFF${exportSettings(richSettings())}`;
    expect(importSettings(file).ok).toBe(true);
  });
});

describe('toRuleSettings: what the next analysis uses', () => {
  const POLICY = [
    'Privacy Policy',
    'Information we collect',
    'We collect your blood sugar readings, your precise location and your email address.',
    'We use the Acme Beacon analytics SDK to measure use of the app.',
    'Retention',
    'Your records are kept forever.',
    'Your choices',
    '回复退订即可取消短信。',
  ].join('\n');

  it('default settings give an empty object', () => {
    expect(toRuleSettings(defaultSettings())).toEqual({});
  });

  it('custom terms, SDKs, disabled types, severities and weights all reach the card', () => {
    const before = analyze({ text: POLICY });
    expect(before.sensitiveData.map((d) => d.type)).not.toContain('health');
    expect(before.sdks.map((x) => x.name)).not.toContain('Acme Beacon');

    const s = richSettings();
    s.disabledTypes = ['location'];
    s.severity = { 'contact-info': 'high' };
    const rules = toRuleSettings(s);
    const after = analyze({ text: POLICY }, { settings: rules });
    const types = after.sensitiveData.map((d) => d.type);
    expect(types).toContain('health');
    expect(types).not.toContain('location');
    expect(after.sensitiveData.find((d) => d.type === 'contact-info')?.severity).toBe('high');
    expect(after.sdks.map((x) => x.name)).toContain('Acme Beacon');
    expect(after.retention.statements.map((r) => r.kind)).toContain('indefinite');
    expect(after.optOut.map((o) => o.kind)).toContain('unsubscribe');
    expect(after.warnings).toBeUndefined();
    // Weights: v2-full raised the high-severity weight to 10 and sdk to 2.
    expect(rules.weights).toEqual({
      severity: { ...DEFAULT_WEIGHTS.severity, high: 10 },
      sdk: 2,
      sharing: { ...DEFAULT_WEIGHTS.sharing, sale: 20 },
      thresholds: { ...DEFAULT_WEIGHTS.thresholds, A: 85, B: 70 },
    });
    const strict = analyze(
      { text: POLICY },
      { settings: { ...rules, weights: { thresholds: { A: 100, B: 100, C: 100, D: 100 } } } },
    );
    expect(strict.score.grade).toBe('E');
  });

  it('a term that slipped past saving is skipped and reported, the rest still runs', () => {
    const s = defaultSettings();
    s.customTerms = [
      { area: 'data-type', target: 'health', pattern: 'a*a*a*b', regex: true },
      { area: 'data-type', target: 'health', pattern: 'blood sugar' },
    ];
    const { rules, warnings } = toRuleSettingsWithWarnings(s);
    expect(warnings).toEqual([
      'Custom term "a*a*a*b" was skipped: two repetitions next to each other can match the same text (for example "\\d+\\d+" or ".*x.*"), which can take very long.',
    ]);
    expect(rules.customTerms).toEqual([
      { area: 'data-type', target: 'health', pattern: 'blood sugar' },
    ]);
    const card = analyze({ text: POLICY }, { settings: rules });
    expect(card.sensitiveData.map((d) => d.type)).toContain('health');
  });
});
