import { describe, expect, it } from 'vitest';
import { findSdks } from '../../src/core/sdk';
import { endsWithLabel } from '../../src/core/sdk/labels';
import { badQuotes, ctxFor, ids } from './sdk-helpers';

const ctx = ctxFor();

describe('SDK blocks and tables', () => {
  it('Chinese "label：value" blocks, one field a line, with an SDK the catalog does not know', () => {
    const text = [
      '附录：第三方SDK目录',
      'SDK名称：友盟+SDK',
      '使用目的：统计分析应用的使用情况',
      '收集个人信息类型：设备信息（IMEI、OAID）、网络信息',
      '隐私政策链接：https://www.umeng.com/page/policy',
      'SDK名称：星河快传SDK',
      '第三方名称：某某星河科技有限公司',
      '使用目的：用于文件的上传与存储',
      '收集个人信息类型：位置信息、网络信息',
      'SDK名称：青禾互动SDK',
      '使用目的：广告投放与效果监测',
      '收集个人信息类型：设备标识符',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['umeng', '?星河快传SDK', '?青禾互动SDK']);
    const [umeng, xinghe, qinghe] = found;
    expect(umeng!.purpose).toBe('统计分析应用的使用情况');
    expect(umeng!.dataTypes.sort()).toEqual(['device-id', 'network']);
    expect(xinghe!.category).toBe('cloud');
    expect(xinghe!.purpose).toBe('用于文件的上传与存储');
    expect(xinghe!.dataTypes.sort()).toEqual(['location', 'network']);
    expect(xinghe!.evidence[0]!.quote).toBe('SDK名称：星河快传SDK');
    expect(xinghe!.id).toBeUndefined();
    // The record's vendor field names who makes the SDK the catalog does not know.
    expect(xinghe!.vendor).toBe('某某星河科技有限公司');
    expect(qinghe!.vendor).toBeUndefined();
    expect(qinghe!.category).toBe('ads');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('numbered blocks ("1. SDK名称：…"): the number ends no sentence, the company field is the vendor', () => {
    const text = [
      '第三方SDK目录',
      '1. SDK名称：GroMore SDK',
      '使用目的：广告投放、广告监测',
      '第三方主体：北京巨量引擎网络技术有限公司',
      '',
      '2. SDK名称：Unity Ads',
      '使用目的：广告',
      '第三方主体：Unity Technologies',
      '',
      '3. SDK名称：青禾互动SDK',
      '使用目的：统计分析',
    ].join('\n');
    const found = findSdks(text, ctx);
    // The companies in the vendor fields (巨量引擎, Unity) are no SDKs of their own.
    expect(ids(found)).toEqual(['gromore', 'unity-ads', '?青禾互动SDK']);
    const [gromore, unity, qinghe] = found;
    expect(gromore!.purpose).toBe('广告投放、广告监测');
    // One quote for the line, not a second one from after its number.
    expect(gromore!.evidence.map((e) => e.quote)).toEqual(['1. SDK名称：GroMore SDK']);
    expect(unity!.evidence.map((e) => e.quote)).toEqual(['2. SDK名称：Unity Ads']);
    expect(qinghe!.category).toBe('analytics');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('an unknown SDK described in prose takes its vendor from the company named before it', () => {
    const text = [
      '我们接入的第三方SDK：',
      '1）青石OCR SDK：为了向您提供证件快速识别服务，我们使用了青石视觉科技有限公司的青石OCR SDK，需要获取您的摄像头权限。',
      '2）云雀消息SDK、云雀客服SDK：为了向您提供消息通知和在线沟通服务，我们使用了云雀网络公司提供的云雀消息SDK和云雀客服SDK。',
      '3）畅行卡SDK：为了向您提供交通卡充值服务，我们使用了本公司的畅行卡SDK。',
    ].join('\n');
    const found = findSdks(text, ctx);
    const by = Object.fromEntries(found.map((f) => [f.name, f]));
    expect(by['青石OCR SDK']?.vendor).toBe('青石视觉科技有限公司');
    expect(by['云雀消息SDK']?.vendor).toBe('云雀网络公司');
    // The second of two SDKs from the same company.
    expect(by['云雀客服SDK']?.vendor).toBe('云雀网络公司');
    // The policy's own company is no vendor; a top-up is a payment.
    expect(by['畅行卡SDK']?.vendor).toBeUndefined();
    expect(by['畅行卡SDK']?.category).toBe('payment');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('an unknown SDK takes its vendor from the company named after it', () => {
    const text = [
      'Third-party SDKs we use:',
      'SDK name: Lark Notify SDK (provided by Lark Messaging Inc.)',
      'Purpose: push notifications',
      'SDK name: Heron Maps SDK',
      'Purpose: Heron Maps SDK, developed by Heron Geo Technologies, shows nearby stores on a map',
      'SDK name: Kite Pay SDK',
      'Purpose: Kite Pay SDK (provided by Kite Finance Co., Ltd.) handles payments',
      'SDK name: Wren Survey SDK',
      'Purpose: Wren Survey SDK is provided by the partner company to collect feedback',
      'SDK名称：云帆推送SDK（由云帆网络有限公司提供）',
      '使用目的：消息推送',
    ].join('\n');
    const found = findSdks(text, ctx);
    const by = Object.fromEntries(found.map((f) => [f.name, f]));
    expect(Object.keys(by)).toEqual([
      'Lark Notify SDK',
      'Heron Maps SDK',
      'Kite Pay SDK',
      'Wren Survey SDK',
      '云帆推送SDK',
    ]);
    expect(by['Lark Notify SDK']?.vendor).toBe('Lark Messaging Inc.');
    expect(by['Heron Maps SDK']?.vendor).toBe('Heron Geo Technologies');
    expect(by['Kite Pay SDK']?.vendor).toBe('Kite Finance Co., Ltd.');
    // "the partner company" names no one.
    expect(by['Wren Survey SDK']?.vendor).toBeUndefined();
    expect(by['云帆推送SDK']?.vendor).toBe('云帆网络有限公司');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('several fields on one line (SDK名称 … 公司名称 … 使用目的 …)', () => {
    const text =
      '我们使用到的SDK目录\n' +
      'SDK名称：腾讯浏览服务 公司名称：腾讯科技（深圳）有限公司 使用目的：APP内网页加载展示 收集的个人信息的类型/字段：设备信息、网络信息\n' +
      'SDK名称：云帆推送 公司名称：云帆网络有限公司 使用目的：消息推送 收集的个人信息的类型/字段：设备标识符\n';
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['tencent-x5', '?云帆推送']);
    expect(found[0]!.purpose).toBe('APP内网页加载展示');
    expect(found[1]!.category).toBe('push');
    expect(found[1]!.dataTypes).toEqual(['device-id']);
  });

  it('English "Partner Name / Partner Type / Purpose" blocks, with continuation lines', () => {
    const text = [
      'Third-party SDKs',
      'Partner Type: Advertising partner',
      'Partner Name: Northwind Ads SDK',
      'Purpose of Cooperation:',
      'Show advertisements in the app',
      'Measure ad clicks',
      'Shared Personal Information Fields: device identifiers (OAID, IDFA), IP address',
      'Partner Type: Payment partner',
      'Partner Name: PayPal',
      'Purpose of Cooperation: process payments',
      'Shared Personal Information Fields: None',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?Northwind Ads SDK', 'paypal']);
    expect(found[0]!.purpose).toBe('Show advertisements in the app; Measure ad clicks');
    expect(found[0]!.category).toBe('ads');
    expect(found[0]!.dataTypes.sort()).toEqual(['device-id', 'network']);
    expect(found[1]!.purpose).toBe('process payments');
  });

  it('an unknown SDK named by its company in "Partner Name" takes its name from "Partner Type"', () => {
    const text = [
      'Partner Type: Lanting Advertising SDK',
      'Partner Name: Hangzhou Lanting Network Technology Co., Ltd.',
      'Purpose of Cooperation: Provide advertising services to users',
      'Partner Type: Data storage service partner',
      'Partner Name: Qingshan Storage',
      'Purpose of Cooperation: Provide data storage services',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?Lanting Advertising SDK', '?Qingshan Storage']);
    expect(found.map((f) => f.category)).toEqual(['ads', 'cloud']);
  });

  it('English translations of Chinese SDK lists (SDK name / Company / Usage / Types collected)', () => {
    const text = [
      'Third-party SDK list',
      'SDK name: Umeng+ SDK',
      'Company name: Youmeng Tongxin (Beijing) Technology Co., Ltd.',
      'Usage: statistics of app usage',
      'Types of personal information collected: device information (IMEI, OAID), network information',
      'Privacy policy link: https://www.umeng.com/page/policy',
      'Third-party SDK name: Kestrel Share SDK',
      'Service provider: Kestrel Ltd.',
      'Usage scenarios: sharing content to social platforms',
      'Permissions required: network access',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['umeng', '?Kestrel Share SDK']);
    expect(found[0]!.purpose).toBe('statistics of app usage');
    expect(found[0]!.dataTypes.sort()).toEqual(['device-id', 'network']);
    expect(found[1]!.category).toBe('social');
    expect(found[1]!.dataTypes).toEqual(['network']);
  });

  it('table rows with " | " cells and a header row', () => {
    const text = [
      'The SDKs we use:',
      '| SDK Name | Purpose | Information collected | Privacy policy |',
      '| --- | --- | --- | --- |',
      '| Firebase Crashlytics | crash reporting | device identifier, IP address | https://firebase.google.com/support/privacy |',
      '| Lumen Maps Kit | map display and location search | precise location | https://example.com/privacy |',
      '| Mango | advertising | OAID | https://example.com |',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['firebase-crashlytics', '?Lumen Maps Kit', 'mango-ads']);
    expect(found[0]!.purpose).toBe('crash reporting');
    expect(found[1]!.category).toBe('maps');
    expect(found[1]!.dataTypes).toEqual(['location']);
    expect(found[2]!.dataTypes).toEqual(['device-id']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('tab-separated Chinese table rows', () => {
    const text = [
      '第三方名称\t使用目的\t收集个人信息类型',
      '芒果\t广告投放\t设备信息',
      '晨星客服SDK\t在线客服\t网络信息',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['mango-ads', '?晨星客服SDK']);
    expect(found[1]!.category).toBe('cloud');
  });

  it('lines that start with an SDK name and a colon ("3）华为推送SDK：…")', () => {
    const text = [
      '（3）使用的第三方SDK：',
      '1）华为推送SDK：为了向您及时推送消息通知，我们使用了华为推送SDK，需要获取您的设备标识信息。',
      '2）社交金融SDK、移动经理SDK：为了向您提供在线沟通服务，需要获取您的网络信息。',
      '3. Branch SDK: used for deep links; it receives your IP address.',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['huawei-push', '?社交金融SDK', '?移动经理SDK', 'branch']);
    expect(found[0]!.dataTypes).toEqual(['device-id']);
    expect(found[1]!.dataTypes).toEqual(['network']);
    expect(found[3]!.dataTypes).toEqual(['network']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('a remark in brackets may stand between the name and its colon; a heading for the SDKs it then names is none', () => {
    const text = [
      '（11）星河SDK（仅涉及安卓）：为了减少应用程序大小，通过动态下发的方式更新资源，我们使用了星河SDK，需要读取手机电话状态。',
      '（12）页面统计SDK（js组件）：为了统计活动页面的访问情况，我们使用了百度统计SDK，需要获取您的设备标识信息。',
      '（13）人脸识别SDK：为了向您提供人脸识别服务，我们使用北京市商汤科技开发有限公司的人脸识别SDK，获取您的摄像头权限。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?星河SDK', 'baidu-mobstat', '?人脸识别SDK']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('a name that starts with 本 is a name unless it means "this SDK" ("本机号认证SDK：…")', () => {
    const text = [
      '19）本机号认证SDK：为了向您提供本机号认证功能，我们使用了移动通讯运营商的本机号认证SDK，获取您的手机卡信息。',
      '20）本SDK：用于统计分析，获取您的设备标识信息。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?本机号认证SDK']);
    expect(found[0]!.category).toBe('login');
  });

  it('a sentence that introduces the list is no SDK ("我们的产品接入了以下第三方SDK：")', () => {
    const text = [
      '我们的产品接入了以下第三方SDK：',
      '本应用集成了如下SDK：',
      'We use the following SDK: it helps us count visits.',
      '1. 星河快传SDK：用于文件的上传与存储，收集网络信息。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?星河快传SDK']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('table rows written out with commas: an SDK name, then its company ("小米渠道SDK,小米科技有限责任公司,…")', () => {
    const text = [
      '第三方服务名称 合作伙伴名称 获取的权限/信息 用途 合作伙伴网站',
      '小米渠道SDK,小米科技有限责任公司,访问联网、获取当前网络环境。用户信息/数据类型：设备标识信息,识别渠道用户,https://privacy.mi.com/',
      'Heron Crash SDK, Heron Labs Inc., collects crash logs and your IP address',
      // A sentence that happens to start with a name and a comma names no company after it.
      '第三方SDK,我们会严格审查其安全能力。',
      '星河SDK,用于统计分析。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?小米渠道SDK', '?Heron Crash SDK']);
    expect(found[0]!.vendor).toBe('小米科技有限责任公司');
    expect(found[0]!.dataTypes.sort()).toEqual(['device-id', 'network']);
    expect(found[1]!.vendor).toBe('Heron Labs Inc.');
    expect(found[1]!.category).toBe('crash');
    expect(found[1]!.dataTypes).toEqual(['network']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('a comma row may give a component and a purpose before the company; one provided by the company itself is none', () => {
    const text = [
      'SDK类型 插件名称 实现功能及场景描述 SDK提供者信息 个人信息类型 调用的设备权限',
      '指纹认证SDK（仅安卓）,FIDO指纹认证组件,验证指纹信息,某某认证科技有限公司,指纹信息,指纹权限',
      '硬件钱包SDK,硬件钱包组件,提供硬件钱包与客户端交互能力,某某融科技股份有限公司,位置信息,位置权限',
      '数据分析SDK,行内数据采集组件,提供客户端数据采集分析功能,我行,用户点击分析',
      // a public body's information centre provides an SDK too
      '电子社保卡SDK,电子社保卡组件,电子社保卡申领、社保信息查询等,某某部信息中心,手机号、位置信息,相机权限',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?指纹认证SDK', '?硬件钱包SDK', '?电子社保卡SDK']);
    expect(found[0]!.vendor).toBe('某某认证科技有限公司');
    expect(found[0]!.category).toBe('login');
    // The purpose is the cells between the name and the company; the data cells after
    // the company still give the data types.
    expect(found[1]!.purpose).toBe('硬件钱包组件,提供硬件钱包与客户端交互能力');
    expect(found[1]!.dataTypes).toEqual(['location']);
    expect(found[1]!.category).toBe('payment');
    expect(found[2]!.vendor).toBe('某某部信息中心');
    expect(found[2]!.purpose).toBe('电子社保卡组件,电子社保卡申领、社保信息查询等');
    expect(found[2]!.dataTypes.sort()).toEqual(['contact-info', 'location']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('a comma row\'s purpose may run long before the company; an "…API" named on its line is an SDK too', () => {
    const text = [
      '重庆畅通卡充值SDK,交通卡充值组件,提供给重庆畅通卡持卡用户通过手机NFC功能或通过线下共享蓝牙机具进行自助在线充值公交卡,某某移动金融有限责任公司,经纬度,相机、电话、位置权限',
      '4.星河短视频API：获取IMEI权限、MAC地址权限、手机号权限',
      '我们通过应用程序接口（API）：向合作方传输必要信息。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?重庆畅通卡充值SDK', '?星河短视频API']);
    expect(found[0]!.vendor).toBe('某某移动金融有限责任公司');
    expect(found[0]!.category).toBe('payment');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('a numbered line that holds only an SDK name heads the paragraph or the fields below it', () => {
    const text = [
      '涉及个人信息使用的逐项SDK相关情况如下：',
      '（1）人脸识别SDK。',
      '为了向您提供身份核验服务，我们使用了人脸识别SDK，该SDK由某某视觉科技有限公司提供，需要获取您的网络信息。',
      '（2）录音SDK。',
      '（3）小米推送SDK。',
      '为了向您推送消息，我们使用了小米推送SDK，需要采集您的设备标识OAID。',
      '11.3.1 星河分享SDK',
      '使用目的：消息分享',
      '涉及个人信息类型：设备信息（IMEI/MAC）',
      '（4）使用的第三方SDK',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['?人脸识别SDK', '?录音SDK', 'xiaomi-push', '?星河分享SDK']);
    const [face, recorder, xiaomi, share] = found;
    expect(face!.category).toBe('login');
    expect(face!.vendor).toBe('某某视觉科技有限公司');
    expect(face!.dataTypes).toEqual(['network']);
    // The paragraph that names the SDK is quoted as well as its heading.
    expect(face!.evidence.map((e) => e.quote)).toEqual([
      '（1）人脸识别SDK。',
      '为了向您提供身份核验服务，我们使用了人脸识别SDK，该SDK由某某视觉科技有限公司提供，需要获取您的网络信息。',
    ]);
    // The next heading is no description of the one before it.
    expect(recorder!.purpose).toBeUndefined();
    expect(xiaomi!.dataTypes).toEqual(['device-id']);
    expect(share!.purpose).toBe('消息分享');
    expect(share!.category).toBe('social');
    expect(share!.dataTypes).toEqual(['device-id']);
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('vertical two-column tables ("SDK名称 | 友盟SDK" rows) and rows short of empty cells', () => {
    const vertical = [
      'SDK名称 | 友盟SDK',
      '使用目的 | 统计分析',
      '收集个人信息类型 | 设备信息、网络信息',
      'SDK名称 | 北辰地图SDK',
      '使用目的 | 地图展示',
      '收集个人信息类型 | 位置信息',
    ].join('\n');
    const v = findSdks(vertical, ctx);
    expect(ids(v)).toEqual(['umeng', '?北辰地图SDK']);
    expect(v[0]!.purpose).toBe('统计分析');
    expect(v[1]!.category).toBe('maps');
    expect(v[1]!.dataTypes).toEqual(['location']);

    const short = [
      'SDK名称 | 使用目的 | 收集个人信息类型 | 隐私政策',
      '南风推送SDK | 消息推送 | 设备标识符 | https://example.com/p',
      '西岭统计SDK | 网络信息 | https://example.com/q',
    ].join('\n');
    const s = findSdks(short, ctx);
    expect(ids(s)).toEqual(['?南风推送SDK', '?西岭统计SDK']);
    expect(s[0]!.purpose).toBe('消息推送');
    expect(s[1]!.purpose).toBeUndefined();
    expect(s[1]!.dataTypes).toEqual(['network']);
    // A two-cell header row is a header, not an SDK called "使用目的".
    expect(ids(findSdks('SDK名称 | 使用目的\n东篱SDK | 广告投放', ctx))).toEqual(['?东篱SDK']);
  });

  it('infers the category of unknown SDKs from their purpose', () => {
    const cases: [string, string][] = [
      ['消息推送', 'push'],
      ['统计分析', 'analytics'],
      ['在线支付与收银', 'payment'],
      ['手机号一键登录', 'login'],
      ['地图展示与定位', 'maps'],
      ['收集崩溃日志', 'crash'],
      ['分享到社交平台', 'social'],
      ['图片存储', 'cloud'],
      ['advertising', 'ads'],
      ['video playback', 'other'],
      // the first cue wins; permissions it asks for are not what it is for
      ['用于人脸登录、人脸转账、人脸支付', 'login'],
      ['手机/电话权限、定位权限', 'other'],
      ['location permission, to show nearby stores on a map', 'maps'],
      // a speech service that also guides the user by voice is not a map
      ['为了向您提供语音交互服务，用于提供语音识别、语音导航服务', 'other'],
      ['speech recognition, so you can navigate the app by voice', 'other'],
      ['语音导航与路线规划', 'maps'],
    ];
    for (const [purpose, cat] of cases) {
      const found = findSdks(`SDK名称：试验组件\n使用目的：${purpose}\n`, ctx);
      expect(found.map((f) => [f.name, f.category])).toEqual([['试验组件', cat]]);
    }
    // risk control guards payments and sign-ins but is none of them
    const risk = (line: string) => findSdks(line, ctx).map((f) => [f.name, f.category]);
    expect(risk('SDK名称：试验组件\n使用目的：交易欺诈识别与支付安全\n')).toEqual([
      ['试验组件', 'other'],
    ]);
    expect(
      risk(
        '（8）设备指纹SDK：为了向您提供支付设备安全检测、交易欺诈识别服务，需要采集您的手机型号。',
      ),
    ).toEqual([['设备指纹SDK', 'other']]);
    // a name that only hints at a category leaves its purpose the say
    expect(
      risk('（5）社交金融SDK：为了向您提供消息通知和在线沟通服务，需要获取您的网络信息。'),
    ).toEqual([['社交金融SDK', 'push']]);
  });

  it("the company in a record's name field makes the SDK named beside it; the outline's next heading ends the record", () => {
    const text = [
      '（二）第三方SDK',
      'SDK名称：阿里云号码认证SDK',
      '第三方名称：阿里云计算有限公司',
      '使用目的：一键登录',
      'SDK名称：神策分析SDK',
      '第三方名称：神策网络科技（北京）有限公司',
      '使用目的：统计分析',
      '（三）公开披露',
      '我们仅会在法律法规要求时公开披露您的个人信息。',
      '四、我们如何存储您的个人信息',
      '我们将在境内存储您的个人信息。',
    ].join('\n');
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['aliyun-number-auth', 'sensors-data']);
    expect(found.map((f) => f.purpose)).toEqual(['一键登录', '统计分析']);
    // a company alone in the name field is still the record's SDK
    const alone = findSdks(
      ['SDK名称：一键登录SDK', '第三方名称：阿里云计算有限公司', '使用目的：一键登录'].join('\n'),
      ctx,
    );
    expect(ids(alone)).toEqual(['aliyun']);
    // a value's own items ("1. …") still go on under its label
    const items = findSdks(
      ['SDK名称：神策分析SDK', '使用目的：', '1. 统计分析', '2. 用户画像'].join('\n'),
      ctx,
    );
    expect(items[0]!.purpose).toContain('用户画像');
  });

  it('a name that may be plain words, beside an SDK-only name in the same field, describes it', () => {
    const text = [
      '5. TalkingData Game Analytics SDK',
      'Purpose: game data statistics',
      'Personal information collected: device identifiers, IP address',
      'Provider: Beijing Tendcloud Tianxia Technology Co., Ltd.',
    ].join('\n');
    expect(ids(findSdks(text, ctx))).toEqual(['talkingdata']);
    expect(ids(findSdks('SDK名称：GameAnalytics SDK\n使用目的：游戏数据统计', ctx))).toEqual([
      'gameanalytics',
    ]);
  });

  it('a block without a name field, or with a generic type only, gives nothing', () => {
    const text = [
      'Information type: avatar and nickname;',
      'Purpose of use: used to improve online identity information.',
      'Partner Type: Third-party payment service partner',
      'Purpose of Cooperation: Provide third-party payment services',
    ].join('\n');
    expect(findSdks(text, ctx)).toEqual([]);
  });
});

describe('a label before the first colon of a line', () => {
  it.each([
    ['**用途**', true],
    ['  * 目的 ', true],
    ['Purpose', true],
    ['1. Purpose  ', true],
    ['(1)SDK名称', true],
    ['第三方名称', true],
    ['abc 使用目的', true],
    ['12345678使用目的', true],
    // the label must start within the first 8 characters, after no letter
    ['123456789使用目的', false],
    ['xPurpose', false],
    // the text must end with the label
    ['Purpose of this section', false],
    ['时间', false],
    ['', false],
  ])('%j → %s', (text, want) => {
    expect(endsWithLabel(text)).toBe(want);
  });
});
