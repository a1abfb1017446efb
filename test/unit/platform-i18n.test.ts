/** Locale files: same keys in every language, valid names, and every key the UI uses exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { formatEntry } = await import('../../src/platform/i18n');

const ROOT = join(import.meta.dirname, '../..');
const LOCALES = join(ROOT, 'public/_locales');
type Catalog = Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;
const load = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Catalog;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('locales', () => {
  const en = load('en');
  const zh = load('zh_CN');

  const tw = load('zh_TW');

  it('has the same keys in English and Chinese, all with text', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(tw).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of [
      ...Object.entries(en),
      ...Object.entries(zh),
      ...Object.entries(tw),
    ]) {
      expect(entry.message.trim().length, key).toBeGreaterThan(0);
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });

  it('defines every message the manifest, popup and options page ask for', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
    const used = new Set([...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!));
    for (const file of [
      ...sourceFiles(join(ROOT, 'src/popup')),
      ...sourceFiles(join(ROOT, 'src/options')),
    ]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_@]+)'/g))
        used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(en[key], key).toBeDefined();
  });

  it('has a label for every card id the popup shows', async () => {
    const types = await import('../../src/core/types');
    const ids: [string, readonly string[]][] = [
      ['dt', types.DATA_TYPES],
      ['cat', types.SDK_CATEGORIES],
      ['opt', types.OPT_OUT_KINDS],
      ['flag', types.SHARING_FLAGS],
      ['ret', [...types.RETENTION_KINDS, 'not-stated']],
      ['lang', types.LANGUAGES],
    ];
    for (const [prefix, list] of ids) {
      for (const id of list) expect(en[`${prefix}_${id.replace(/-/g, '_')}`], id).toBeDefined();
    }
  });
});

describe('the Traditional Chinese (Taiwan) messages', () => {
  it('are what npm run gen:locales writes from the Simplified ones', async () => {
    const { zhTwCatalogText } = await import('../../scripts/zh-tw-locale');
    const zhCn = readFileSync(join(LOCALES, 'zh_CN', 'messages.json'), 'utf8');
    expect(readFileSync(join(LOCALES, 'zh_TW', 'messages.json'), 'utf8')).toBe(
      zhTwCatalogText(zhCn),
    );
  });

  it('use Taiwan words and keep every placeholder', () => {
    const zh = load('zh_CN');
    const tw = load('zh_TW');
    expect(tw.opt_account_deletion!.message).toBe('註銷帳號');
    expect(tw.optionsTitle!.message).toBe('PolicyLens 設定');
    expect(tw.dt_children!.message).toBe('兒童個人資料');
    for (const [key, entry] of Object.entries(zh)) {
      const names = (s: string) => [...s.matchAll(/\$[A-Za-z0-9_]+\$|\$\d/g)].map((m) => m[0]);
      expect(names(tw[key]!.message), key).toEqual(names(entry.message));
      expect(tw[key]!.placeholders, key).toEqual(entry.placeholders);
    }
    expect(formatEntry(tw.retentionDays!, ['180'])).toBe('180 天');
  });
});

describe('formatEntry', () => {
  it('fills named placeholders from positional substitutions', () => {
    const entry = load('en').quoteCount!;
    expect(formatEntry(entry, ['3'])).toBe('3 quote(s)');
    expect(formatEntry(load('zh_CN').retentionDays!, ['180'])).toBe('180 天');
    expect(formatEntry({ message: 'no placeholders' }, ['x'])).toBe('no placeholders');
  });
});
