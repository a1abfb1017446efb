/**
 * Settings in storage.sync / storage.local, on an in-memory fake that
 * enforces sync's quotas the way the browser does (throws on over-quota
 * writes): only non-default values stored, large settings split into pieces
 * under 8,192 bytes, too-large settings kept locally with a notice, damaged
 * or newer data repaired to defaults with a notice and a kept copy.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  diffFromDefaults,
  exportBrokenCopy,
  loadSettings,
  onSettingsChanged,
  resetSettings,
  saveSettings,
  type LoadResult,
  type Settings,
} from '../../src/settings';
import { KEYS, SYNC_MAX_CHUNKS, textHash } from '../../src/settings/storage';
import { areas, FakeArea } from './settings-fake-storage';

const DATA = resolve(import.meta.dirname, '../data/settings');
const sample = (name: string): unknown => JSON.parse(readFileSync(resolve(DATA, name), 'utf8'));
const fixedNow = () => new Date('2026-01-02T03:04:05.000Z');

/** Settings with `n` long custom terms, mostly Chinese (3 bytes a character in UTF-8). */
function bigSettings(n: number): Settings {
  const s = defaultSettings();
  for (let i = 0; i < n; i++) {
    s.customTerms.push({
      area: 'data-type',
      target: 'health',
      pattern: `第${i}项健康记录${'血糖血压心率睡眠体重'.repeat(12)}`,
    });
  }
  return s;
}

function chunkKeys(area: FakeArea): string[] {
  return [...area.items.keys()].filter((k) => /^settings\.\d+$/.test(k));
}

describe('what storage.sync keeps', () => {
  it('keeps only values that differ from the defaults', async () => {
    const { sync, local } = areas();
    const s = defaultSettings();
    s.language = 'en';
    s.severity.location = 'medium'; // the built-in severity: not a change
    s.severity.health = 'medium'; // built-in is high: a change
    s.weights = { severity: { high: 8, medium: 5 }, sdkCap: 25 }; // high 8 and sdkCap 25 are defaults
    const saved = await saveSettings(s, sync, local);
    expect(saved).toEqual({ ok: true, location: 'sync', notices: [] });
    const stored = JSON.parse(
      chunkKeys(sync)
        .map((k) => JSON.parse(sync.items.get(k)!))
        .join(''),
    );
    expect(stored).toEqual({
      schemaVersion: 3,
      severity: { health: 'medium' },
      weights: { severity: { medium: 5 } },
      language: 'en',
    });
    expect(stored).toEqual(diffFromDefaults(s));
    const loaded = await loadSettings(sync, local);
    expect(loaded.settings.language).toBe('en');
    expect(loaded.settings.severity).toEqual({ health: 'medium' });
    expect(loaded.notices).toEqual([]);
    expect(loaded.status).toBe('current');
  });

  it('stores the defaults as an empty difference and loads them back', async () => {
    const { sync, local } = areas();
    const empty = await loadSettings(sync, local);
    expect(empty.status).toBe('empty');
    expect(empty.settings).toEqual(defaultSettings());
    await saveSettings(defaultSettings(), sync, local);
    expect(chunkKeys(sync)).toEqual(['settings.0']);
    expect(JSON.parse(JSON.parse(sync.items.get('settings.0')!))).toEqual({ schemaVersion: 3 });
    expect((await loadSettings(sync, local)).settings).toEqual(defaultSettings());
  });

  it('refuses to save invalid settings and writes nothing', async () => {
    const { sync, local } = areas();
    const s = defaultSettings();
    s.customTerms.push({ area: 'data-type', target: 'health', pattern: '(a+)+$', regex: true });
    const saved = await saveSettings(s, sync, local);
    expect(saved.ok).toBe(false);
    expect(saved.errors).toEqual([
      'customTerms[0].pattern: a repeated group contains another repetition or an alternation (catastrophic backtracking)',
    ]);
    expect(sync.items.size).toBe(0);
    expect(local.items.size).toBe(0);
  });
});

describe('quotas', () => {
  it('splits large settings over several sync items, each under 8,192 bytes', async () => {
    const { sync, local } = areas();
    const s = bigSettings(120);
    const saved = await saveSettings(s, sync, local);
    expect(saved.location).toBe('sync');
    expect(saved.notices).toEqual([]);
    const keys = chunkKeys(sync);
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.length).toBeLessThanOrEqual(SYNC_MAX_CHUNKS);
    for (const [k, v] of sync.items) expect(FakeArea.bytes(k, v)).toBeLessThanOrEqual(8192);
    expect(sync.totalBytes()).toBeLessThanOrEqual(102_400);
    const manifest = JSON.parse(sync.items.get(KEYS.manifest)!);
    expect(manifest).toMatchObject({ schemaVersion: 3, location: 'sync', chunks: keys.length });
    const loaded = await loadSettings(sync, local);
    expect(loaded.settings).toEqual(s);
    expect(loaded.location).toBe('sync');
    expect(local.items.has(KEYS.local)).toBe(false);
  });

  it('removes pieces left over from a larger save', async () => {
    const { sync, local } = areas();
    await saveSettings(bigSettings(120), sync, local);
    expect(chunkKeys(sync).length).toBeGreaterThan(3);
    const small = defaultSettings();
    small.autoDetect = true;
    await saveSettings(small, sync, local);
    expect(chunkKeys(sync)).toEqual(['settings.0']);
    expect((await loadSettings(sync, local)).settings).toEqual(small);
  });

  it('keeps too-large settings in storage.local with a notice, and moves them back when they fit', async () => {
    const { sync, local } = areas();
    const s = bigSettings(450);
    const saved = await saveSettings(s, sync, local);
    expect(saved.location).toBe('local');
    expect(saved.notices).toHaveLength(1);
    expect(saved.notices[0]).toMatch(/too large for browser sync .* kept on this device only/);
    expect(chunkKeys(sync)).toEqual([]);
    expect(JSON.parse(sync.items.get(KEYS.manifest)!).location).toBe('local');
    const loaded = await loadSettings(sync, local);
    expect(loaded.location).toBe('local');
    expect(loaded.settings).toEqual(s);

    const smaller = bigSettings(20);
    expect((await saveSettings(smaller, sync, local)).location).toBe('sync');
    expect(local.items.has(KEYS.local)).toBe(false);
    expect((await loadSettings(sync, local)).location).toBe('sync');
  });

  it('falls back to storage.local when sync is nearly full of other data', async () => {
    const { sync, local } = areas();
    // Other keys use most of sync's 100 KB.
    for (let i = 0; i < 11; i++) await sync.set({ [`other.${i}`]: 'x'.repeat(8000) });
    const s = bigSettings(60);
    const saved = await saveSettings(s, sync, local);
    expect(saved.location).toBe('local');
    expect(saved.notices[0]).toMatch(
      /Browser sync refused the settings \(QUOTA_BYTES quota exceeded\)/,
    );
    const loaded = await loadSettings(sync, local);
    expect(loaded.location).toBe('local');
    expect(loaded.settings).toEqual(s);
  });

  it('when neither area takes the settings, save says so instead of throwing', async () => {
    const { sync, local } = areas();
    sync.failSet = new Error('sync is disabled');
    local.failSet = new Error('disk full');
    const s = defaultSettings();
    s.autoDetect = true;
    expect(await saveSettings(s, sync, local)).toEqual({
      ok: false,
      location: 'local',
      notices: [],
      errors: [
        'Browser sync refused the settings (sync is disabled), so they are kept on this device only.',
        'The settings could not be saved on this device either (disk full).',
      ],
    });
    // An upgrade that cannot be written back still loads, and keeps the old item.
    sync.seed({ settings: sample('v1-basic.json') });
    const loaded = await loadSettings(sync, local);
    expect(loaded.status).toBe('migrated');
    expect(loaded.settings.language).toBe('zh_CN');
    expect(sync.items.has('settings')).toBe(true);
  });

  it('the fake refuses over-quota writes like the browser', async () => {
    const { sync } = areas();
    await expect(sync.set({ big: 'x'.repeat(8190) })).rejects.toThrow(/QUOTA_BYTES_PER_ITEM/);
    await expect(sync.set({ b: 'x'.repeat(8186) })).resolves.toBeUndefined();
  });
});

describe('damaged stored data', () => {
  async function seeded(items: Record<string, unknown>) {
    const { sync, local } = areas();
    sync.seed(items);
    const result = await loadSettings(sync, local, { now: fixedNow });
    return { sync, local, result };
  }

  function stored(text: string, chunks = 1): Record<string, unknown> {
    return {
      [KEYS.manifest]: {
        schemaVersion: 3,
        location: 'sync',
        chunks,
        length: text.length,
        hash: textHash(text),
      },
      'settings.0': text,
    };
  }

  it('text that is not JSON: defaults, a notice, the text kept, sync rewritten', async () => {
    const { sync, local, result } = await seeded(stored('{"schemaVersion":3,"language":"en"'));
    expect(result.settings).toEqual(defaultSettings());
    expect(result.status).toBe('unreadable');
    expect(result.notices[0]).toBe(
      'The saved settings were not valid JSON, so the defaults are used.',
    );
    expect(result.hasBrokenCopy).toBe(true);
    const copy = JSON.parse((await exportBrokenCopy(local))!);
    expect(copy).toEqual({
      keptAt: '2026-01-02T03:04:05.000Z',
      reason: 'not valid JSON',
      data: '{"schemaVersion":3,"language":"en"',
    });
    expect(JSON.parse(JSON.parse(sync.items.get('settings.0')!))).toEqual({ schemaVersion: 3 });
    const again = await loadSettings(sync, local);
    expect(again.notices).toEqual([]);
    expect(again.hasBrokenCopy).toBe(true);
  });

  it('wrong shapes: bad values reset, good values kept, every problem in the notice', async () => {
    const raw = {
      schemaVersion: 3,
      disabledTypes: 'network',
      severity: { health: 'extreme', location: 'high' },
      customTerms: [
        { area: 'data-type', target: 'health', pattern: 'blood sugar' },
        { area: 'data-type', target: 'health', pattern: 7 },
      ],
      language: 7,
      autoDetect: true,
      weights: { severity: { high: 'ten' } },
    };
    const { sync, local, result } = await seeded(stored(JSON.stringify(raw)));
    expect(result.status).toBe('repaired');
    expect(result.settings).toEqual({
      ...defaultSettings(),
      severity: { location: 'high' },
      customTerms: [{ area: 'data-type', target: 'health', pattern: 'blood sugar' }],
      autoDetect: true,
    });
    const notice = result.notices.join('\n');
    for (const part of [
      'disabledTypes: must be a list of data types, not the text "network"',
      'severity.health: must be one of "high", "medium", "low", not the text "extreme"',
      'customTerms[1].pattern: must be text, not number 7',
      'language: must be one of "auto", "en", "zh_CN", "zh_TW", not number 7',
      'weights.severity.high: must be a number between 0 and 100, not the text "ten"',
    ]) {
      expect(notice).toContain(part);
    }
    expect(JSON.parse((await exportBrokenCopy(local))!).data).toEqual(raw);
    // The repaired settings were written back: the next load is clean.
    const again = await loadSettings(sync, local);
    expect(again.status).toBe('current');
    expect(again.settings).toEqual(result.settings);
  });

  it('data from an unknown newer version: defaults, a notice, the data kept and not overwritten', async () => {
    const future = { schemaVersion: 9, language: 'en', profiles: [{ name: 'work' }] };
    const items = stored(JSON.stringify(future));
    const { sync, local, result } = await seeded(items);
    expect(result.status).toBe('newer');
    expect(result.settings).toEqual(defaultSettings());
    expect(result.notices[0]).toMatch(
      /newer version of PolicyLens \(settings version 9; this one reads up to 3\)/,
    );
    expect(JSON.parse((await exportBrokenCopy(local))!).data).toEqual(future);
    expect(sync.items.get('settings.0')).toBe(JSON.stringify(items['settings.0']));
    expect(sync.setCalls).toBe(0);
  });

  it('oversize values (thousands of terms, huge patterns) are cut back with a short notice', async () => {
    const raw = {
      schemaVersion: 3,
      customTerms: Array.from({ length: 5000 }, (_, i) => ({
        area: 'data-type',
        target: 'health',
        pattern: i % 10 === 1 ? 'x'.repeat(10_000) : `term ${i}`,
      })),
    };
    const { sync, local } = areas();
    sync.seed({ [KEYS.manifest]: { schemaVersion: 3, location: 'local' } });
    local.seed({ [KEYS.local]: raw });
    const result = await loadSettings(sync, local);
    expect(result.status).toBe('repaired');
    // The first 500 entries are read; the long ones among them are dropped.
    expect(result.settings.customTerms).toHaveLength(450);
    expect(result.notices.join('\n')).toContain('customTerms: has 5000 terms (at most 500)');
    expect(result.notices.join('\n')).toContain(
      'customTerms[1].pattern: the pattern is longer than 200 characters',
    );
    for (const n of result.notices) expect(n.length).toBeLessThan(2000);
    expect(result.hasBrokenCopy).toBe(true);
    // 5 MB is too much to keep twice: the copy is cut to its first megabyte.
    const copy = JSON.parse((await exportBrokenCopy(local))!);
    expect(copy.truncated).toBe(true);
    expect(copy.text).toBe(JSON.stringify(raw).slice(0, 1_000_000));
  });

  it('a damaged manifest or a non-object value gives defaults with a notice', async () => {
    const a = await seeded({ [KEYS.manifest]: 'garbage' });
    expect(a.result.settings).toEqual(defaultSettings());
    expect(a.result.notices[0]).toBe(
      'The saved settings index was damaged, so the defaults are used.',
    );
    expect(JSON.parse((await exportBrokenCopy(a.local))!).data).toEqual({ manifest: 'garbage' });

    const b = await seeded(stored('[1,2,3]'));
    expect(b.result.status).toBe('unreadable');
    expect(b.result.notices[0]).toBe(
      'The saved settings could not be read, so the defaults are used.',
    );
    expect(JSON.parse((await exportBrokenCopy(b.local))!).data).toEqual([1, 2, 3]);
  });

  it('pieces still missing: the last good copy is used and nothing is overwritten', async () => {
    const { sync, local } = areas();
    const good = bigSettings(80);
    await saveSettings(good, sync, local);
    const n = chunkKeys(sync).length;
    expect(n).toBeGreaterThan(1);
    // Another device saved something else; only the manifest and piece 0 have arrived.
    const other = JSON.stringify({ schemaVersion: 3, language: 'zh_CN', autoDetect: true });
    sync.seed({
      [KEYS.manifest]: {
        schemaVersion: 3,
        location: 'sync',
        chunks: 2,
        length: other.length,
        hash: textHash(other),
      },
      'settings.0': other.slice(0, 20),
    });
    const setsBefore = sync.setCalls;
    const result = await loadSettings(sync, local);
    expect(result.status).toBe('incomplete');
    expect(result.settings).toEqual(good);
    expect(result.notices[0]).toMatch(/incomplete/);
    expect(sync.setCalls).toBe(setsBefore);
    // The rest arrives.
    sync.seed({ 'settings.0': other.slice(0, 20), 'settings.1': other.slice(20) });
    const done = await loadSettings(sync, local);
    expect(done.status).toBe('current');
    expect(done.settings.language).toBe('zh_CN');
  });

  it('when no copy can be kept, the damaged data is left in place', async () => {
    const { sync, local } = areas();
    const raw = { schemaVersion: 3, language: 'xx', autoDetect: true };
    sync.seed(stored(JSON.stringify(raw)));
    const before = new Map(sync.items);
    local.failSet = new Error('local storage is full');
    const result = await loadSettings(sync, local);
    expect(result.status).toBe('repaired');
    expect(result.settings).toEqual({ ...defaultSettings(), autoDetect: true });
    expect(result.hasBrokenCopy).toBe(false);
    expect(result.notices.at(-1)).toBe(
      'The unusable settings could not be kept (local storage is full).',
    );
    expect(sync.items).toEqual(before);
  });

  it('unreadable storage gives defaults and a notice, never a throw', async () => {
    const { sync, local } = areas();
    sync.failGet = new Error('sync is disabled');
    const result = await loadSettings(sync, local);
    expect(result.settings).toEqual(defaultSettings());
    expect(result.notices).toEqual(['Could not read sync storage (sync is disabled).']);
  });
});

describe('older layouts', () => {
  it('a version 1 item "settings" is upgraded, rewritten in pieces and removed', async () => {
    const { sync, local } = areas();
    sync.seed({ settings: sample('v1-basic.json') });
    const result = await loadSettings(sync, local);
    expect(result.status).toBe('migrated');
    expect(result.notices).toEqual(['Settings were upgraded from version 1 to 3.']);
    expect(result.settings.language).toBe('zh_CN');
    expect(sync.items.has('settings')).toBe(false);
    expect(sync.items.has(KEYS.manifest)).toBe(true);
    const again = await loadSettings(sync, local);
    expect(again.status).toBe('current');
    expect(again.settings).toEqual(result.settings);
  });

  it("the first builds' lone uiLanguage key sets the language", async () => {
    const { sync, local } = areas();
    sync.seed(sample('legacy-ui-language.json') as Record<string, unknown>);
    const result = await loadSettings(sync, local);
    expect(result.settings).toEqual({ ...defaultSettings(), language: 'zh_CN' });
  });
});

describe('reset and change events', () => {
  it('reset goes back to the defaults and keeps a broken copy', async () => {
    const { sync, local } = areas();
    local.seed({ [KEYS.broken]: { keptAt: 'x', reason: 'r', data: 1 } });
    const s = defaultSettings();
    s.disabledTypes = ['network'];
    await saveSettings(s, sync, local);
    await resetSettings(sync, local);
    const loaded = await loadSettings(sync, local);
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.hasBrokenCopy).toBe(true);
  });

  it('onSettingsChanged hears saves from other pages and stops when asked', async () => {
    const { sync, local } = areas();
    const heard: LoadResult[] = [];
    const stop = onSettingsChanged(sync, local, (r) => heard.push(r));
    const s = defaultSettings();
    s.disabledTypes = ['browsing'];
    await saveSettings(s, sync, local);
    await vi_waitFor(() => heard.length > 0);
    expect(heard.at(-1)!.settings.disabledTypes).toEqual(['browsing']);
    stop();
    const count = heard.length;
    s.disabledTypes = [];
    await saveSettings(s, sync, local);
    await new Promise((r) => setTimeout(r, 20));
    expect(heard.length).toBe(count);
  });
});

async function vi_waitFor(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
}
