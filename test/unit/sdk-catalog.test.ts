import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { CATALOG_VERSION, catalogEntries } from '../../src/core/sdk';
import { catalogProblems } from '../../src/core/sdk/check';
import { SDK_CATEGORIES } from '../../src/core/types';
import { normName } from './sdk-helpers';

const dir = fileURLToPath(new URL('../../src/core/sdk/', import.meta.url));
const schema = JSON.parse(readFileSync(dir + 'catalog.schema.json', 'utf8')) as object;
const raw = JSON.parse(readFileSync(dir + 'catalog.json', 'utf8')) as {
  version: string;
  entries: { id: string }[];
};

describe('SDK catalog data', () => {
  it('is valid against its JSON schema (ajv)', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const ok = validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema rejects a broken entry', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const broken = structuredClone(raw) as { entries: Record<string, unknown>[] };
    broken.entries[0]!['id'] = 'Not Kebab';
    broken.entries[1]!['category'] = 'games';
    delete broken.entries[2]!['source'];
    expect(validate(broken)).toBe(false);
    expect((validate.errors ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('has a version and at least 250 entries, all with a known category', () => {
    expect(CATALOG_VERSION).toBe(raw.version);
    expect(CATALOG_VERSION.length).toBeGreaterThan(0);
    expect(catalogEntries().length).toBeGreaterThanOrEqual(250);
    for (const e of catalogEntries()) expect(SDK_CATEGORIES).toContain(e.category);
  });

  it('has unique ids and no normalised alias claimed by two entries', () => {
    const ids = catalogEntries().map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of catalogEntries())
      for (const a of new Set([e.name, ...e.aliases.en, ...e.aliases.zh])) {
        const n = normName(a);
        const o = owner.get(n);
        if (o && o !== e.id) clashes.push(`${a}: ${o} / ${e.id}`);
        owner.set(n, e.id);
      }
    expect(clashes).toEqual([]);
    expect(catalogProblems(catalogEntries())).toEqual([]);
  });

  it('the consistency check catches a clash and a stray ambiguous alias', () => {
    const entries = structuredClone([...catalogEntries()]);
    entries[1]!.aliases.en.push(` ${entries[0]!.aliases.en[0]!.toUpperCase()} SDK`.trim());
    entries[2]!.ambiguous = ['Nothing Like It'];
    const problems = catalogProblems(entries);
    expect(problems.some((p) => p.includes('claimed by'))).toBe(true);
    expect(problems.some((p) => p.includes('Nothing Like It'))).toBe(true);
  });

  it("the consistency check catches a cued name that is also a plain alias or another entry's", () => {
    const entries = structuredClone([...catalogEntries()]);
    const push = entries.find((e) => e.cued)!;
    push.aliases.zh.push(push.cued!.names[0]!);
    const other = entries.find((e) => !e.cued && e.aliases.zh.length)!;
    other.cued = { names: [push.aliases.zh[0]!], sentenceHas: [['推送']] };
    const problems = catalogProblems(entries);
    expect(problems.some((p) => p.includes('also a plain alias'))).toBe(true);
    expect(problems.some((p) => p.includes(`claimed by`) && p.includes(other.id))).toBe(true);
  });

  it('covers the SDKs the project names (Chinese and global)', () => {
    const names = new Set<string>();
    for (const e of catalogEntries())
      for (const a of [e.name, ...e.aliases.en, ...e.aliases.zh]) names.add(normName(a));
    const required = [
      '穿山甲',
      'GroMore',
      '优量汇',
      '广点通',
      '快手联盟',
      '百青藤',
      '京东联盟',
      'Sigmob',
      'Mintegral',
      'TopOn',
      '倍孜',
      '美数',
      '章鱼',
      '推啊',
      '有推',
      'AdBiding',
      '芒果聚合',
      'UBiX',
      '米盟',
      '鲸鸿动能',
      '阿里妈妈',
      '友盟',
      'U-Push',
      'U-Share',
      'U-APM',
      'U-Verify',
      'TalkingData',
      '神策',
      'GrowingIO',
      '百度统计',
      '腾讯灯塔',
      '极光推送',
      '极光认证',
      '个推',
      '卓信ID',
      '移动安全联盟',
      '数美',
      '同盾',
      '网易易盾',
      '顶象',
      '华为推送',
      '小米推送',
      'OPPO推送',
      'vivo推送',
      '荣耀推送',
      '魅族推送',
      '阿里云推送',
      '腾讯信鸽',
      '中国移动一键登录',
      '联通一键登录',
      '电信一键登录',
      '阿里云号码认证',
      '创蓝闪验',
      '微信开放平台',
      'QQ互联',
      '微博开放平台',
      '支付宝',
      '微信支付',
      '银联',
      '京东支付',
      '云闪付',
      '高德地图',
      '百度地图',
      '腾讯地图',
      'Bugly',
      'ShareSDK',
      'MobPush',
      'SecVerify',
      '七牛云',
      '腾讯云',
      '阿里云OSS',
      '阿里百川',
      '网易云信',
      '融云',
      '环信',
      '声网',
      '腾讯浏览服务',
      '美洽',
      '七鱼',
      '讯飞',
      '百度语音',
      'AdMob',
      'Google Ad Manager',
      'DoubleClick',
      'Google Analytics',
      'Firebase Crashlytics',
      'Firebase Cloud Messaging',
      'Google Sign-In',
      'Google Maps',
      'Facebook Login',
      'Audience Network',
      'Meta Pixel',
      'AppsFlyer',
      'Adjust',
      'Branch',
      'Kochava',
      'Singular',
      'Unity Ads',
      'AppLovin',
      'ironSource',
      'Vungle',
      'Chartboost',
      'InMobi',
      'Amazon Publisher Services',
      'Criteo',
      'Taboola',
      'Outbrain',
      'Amplitude',
      'Mixpanel',
      'Segment',
      'Braze',
      'OneSignal',
      'Sentry',
      'Hotjar',
      'FullStory',
      'Microsoft Clarity',
      'App Center',
      'TikTok Pixel',
      'Twitter Pixel',
      'LinkedIn Insight Tag',
      'Snap Pixel',
      'Snap Kit',
      'Pinterest Tag',
      'Quantcast',
      'comScore',
      'Nielsen',
      'Adobe Analytics',
      'New Relic',
      'Bugsnag',
      'Instabug',
      'Intercom',
      'Zendesk',
      'Stripe',
      'PayPal',
      'Braintree',
      'Apple Pay',
      'Sign in with Apple',
      'Twilio',
      'Mapbox',
      'HERE SDK',
      'Cloudflare',
      'AWS',
      'Azure',
      'Optimizely',
      'Heap',
      'Pendo',
      'Localytics',
      'Leanplum',
      'CleverTap',
      'MoEngage',
      'Urban Airship',
      'Tapjoy',
      'Fyber',
      'Smaato',
      'PubMatic',
      'Rubicon Project',
      'AppNexus',
      'OpenX',
      'Index Exchange',
      'The Trade Desk',
      'MediaMath',
      'AppMetrica',
      'Matomo',
      'Plausible',
      'HubSpot',
      'Marketo',
      'Salesforce',
      'Mailchimp',
      'Verizon Media',
      'Bing Ads',
      'Reddit Pixel',
      'Quora Pixel',
      'Udesk',
      '易宝支付',
      '连连支付',
      '拉卡拉支付',
      '通联支付',
      '小米支付',
      '数盟SDK',
      '网宿科技',
      'APMPlus',
      'Tealium',
      'WebEngage',
      'myTarget',
      'Pollfish',
    ];
    expect(required.filter((r) => !names.has(normName(r)))).toEqual([]);
  });
});
