import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze';
import { catalogEntries, findSdks } from '../../src/core/sdk';
import { compileCatalog } from '../../src/core/sdk/compile';
import { ctxFor, ids } from './sdk-helpers';

const ctx = ctxFor();
const hasCjk = (s: string): boolean => /[\u3000-\u9fff]/.test(s);

/** A plain sentence naming the alias; ambiguous aliases get SDK context. */
function sentence(alias: string, ambiguous: boolean): string {
  if (hasCjk(alias))
    return ambiguous
      ? `我们接入了${alias}SDK，用于提供相关服务。`
      : `我们接入了${alias}，用于提供相关服务。`;
  return ambiguous
    ? `For this feature we use the ${alias} SDK to provide the service.`
    : `For this feature we use ${alias} to provide the service.`;
}

describe('every catalog alias is found in a sentence built from it', () => {
  it('plain and ambiguous aliases, and package names', () => {
    const misses: string[] = [];
    for (const e of catalogEntries()) {
      const amb = new Set(e.ambiguous ?? []);
      const all = [...e.aliases.en, ...e.aliases.zh, ...(e.packages ?? [])];
      for (const alias of all) {
        const found = findSdks(sentence(alias, amb.has(alias)), ctx);
        if (found.length !== 1 || found[0]!.id !== e.id)
          misses.push(
            `${e.id} <${alias}> -> ${found.map((f) => f.id ?? f.name).join(',') || 'nothing'}`,
          );
      }
    }
    expect(misses).toEqual([]);
  });

  it('ambiguous aliases do not fire in the same sentence without SDK context', () => {
    const fired: string[] = [];
    for (const e of catalogEntries())
      for (const alias of e.ambiguous ?? []) {
        const text = hasCjk(alias)
          ? `昨天我和朋友聊起了${alias}，大家都很感兴趣。`
          : `Yesterday my friend and I talked about ${alias} for a while.`;
        const found = findSdks(text, ctx);
        if (found.length) fired.push(`${e.id} <${alias}>`);
      }
    expect(fired).toEqual([]);
  });

  it('a lower-case ambiguous name counts glued to Chinese, never in English', () => {
    const wrong: string[] = [];
    for (const e of catalogEntries())
      for (const alias of e.ambiguous ?? []) {
        // Capitalised names only: all-caps acronyms ("JD", "QQ") must stay in capitals.
        if (hasCjk(alias) || !/^[A-Z]/.test(alias) || alias === alias.toUpperCase()) continue;
        if (alias.includes(' ')) continue; // a multi-word name keeps its space, never glued
        const lower = alias.toLowerCase();
        const glued = findSdks(`我们接入了${lower}SDK，用于提供相关服务。`, ctx);
        if (glued.length !== 1 || glued[0]!.id !== e.id) wrong.push(`${e.id} <${lower}SDK>`);
        if (findSdks(`昨天我和朋友聊起了${lower}，大家都很感兴趣。`, ctx).length)
          wrong.push(`${e.id} <${lower}> without SDK context`);
        if (findSdks(`Our partners use ${lower} for advertising and analytics.`, ctx).length)
          wrong.push(`${e.id} <${lower}> in English`);
      }
    expect(wrong).toEqual([]);
    // A library named in lower case in an app's list, its context words in the sentence.
    const text =
      '由于图片处理涉及设备的存储功能，fresco使用的com.facebook.cache、com.facebook.common三个SDK包会读写您设备的存储信息。';
    expect(findSdks(text, ctx).map((f) => f.id)).toEqual(['fresco']);
  });

  it('finds the canonical entry whatever name is used, with one card entry', () => {
    const text = [
      'We integrate the Umeng SDK for statistics.',
      '本应用接入了友盟+SDK，用于统计分析。',
      'UMeng Analytics collects your device identifier.',
      'The Umeng+ service also receives your IP address.',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(found.map((f) => f.id)).toEqual(['umeng']);
    expect(found[0]!.evidence.length).toBe(3);
    for (const ev of found[0]!.evidence) expect(text).toContain(ev.quote);
  });

  it('Sign in with Apple by the names Chinese policies give it', () => {
    for (const text of [
      '您可以使用Apple账号登录。',
      '支持Apple ID登录。',
      '您可以选择苹果ID登录。',
    ])
      expect(ids(findSdks(text, ctx)), text).toEqual(['sign-in-with-apple']);
  });

  it('the health platforms a fitness app reads from, by their names', () => {
    const text =
      'Privacy Policy\n\nIf you connect Apple Health (HealthKit) or Google Fit, we read the heart rate and steps you approve.';
    const found = analyze({ text }).sdks;
    expect(ids(found)).toEqual(['apple-healthkit', 'google-fit']);
    expect(found.every((f) => f.dataTypes.includes('health'))).toBe(true);
    expect(ids(findSdks('我们接入了华为运动健康服务，读取您授权的步数。', ctx))).toEqual([
      'huawei-health-kit',
    ]);
    // "Health Connect" is also a plain phrase: only as an SDK
    expect(ids(findSdks('Our Health Connect program links members with nurses.', ctx))).toEqual([]);
    expect(ids(findSdks('We read your sleep data from the Health Connect SDK.', ctx))).toEqual([
      'health-connect',
    ]);
  });
});

describe('the alias index', () => {
  it('files a package under its dotted key, not under "com" (met in every web address)', () => {
    const cat = compileCatalog(catalogEntries());
    expect(cat.latin.has('com')).toBe(false);
    expect(cat.latin.get('com.bytedance')?.map((a) => a.alias)).toContain(
      'com.bytedance.sdk.openadsdk',
    );
  });
});
