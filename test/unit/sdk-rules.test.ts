import { describe, expect, it } from 'vitest';
import { findSdks, type CatalogEntry } from '../../src/core/sdk';
import { badQuotes, ctxFor, ids } from './sdk-helpers';
import { analyze } from '../../src/core/analyze';

const ctx = ctxFor();
const find = (text: string): string[] => ids(findSdks(text, ctx));

describe("a phone maker's bare name is its push SDK only where the sentence speaks of the makers' push", () => {
  it("brand lists beside the makers' push SDKs give each maker's push entry", () => {
    expect(
      find(
        '如您通过部分手机厂商（如小米、华为、VIVO、OPPO等品牌）的手机使用本应用，我们接入的上述手机厂商Push SDK需要收集手机唯一标识信息。',
      ),
    ).toEqual(['xiaomi-push', 'huawei-push', 'vivo-push', 'oppo-push']);
    expect(
      find(
        '为与您使用的终端机型适配消息推送功能，我们可能会通过SDK技术与终端设备制造商（魅族、华为、荣耀）共享手机型号。',
      ),
    ).toEqual(['meizu-push', 'huawei-push', 'honor-push']);
  });

  it("the same names elsewhere, or as a table's company, are no push SDK", () => {
    expect(find('我们与华为、小米合作推出联名活动，并为您推送活动消息。')).toEqual([]);
    expect(find('我们在华为、小米等应用商店上架。')).toEqual([]);
    expect(find('SDK名称：华为分析SDK\n使用目的：统计\n第三方：华为技术有限公司')).toEqual([
      'huawei-analytics',
    ]);
    expect(find('SDK名称：消息推送\n第三方名称：小米科技有限责任公司（手机厂商）')).not.toContain(
      'xiaomi-push',
    );
  });
});

describe('an ambiguous Chinese name takes its SDK word from the list or bracket it is in', () => {
  it('the word after the last name of a list, and a bracket after an SDK word', () => {
    expect(find('我们接入的第三方服务，包括新浪微博、微信、QQ等分享功能。')).toEqual([
      'weibo-open',
      'wechat-open',
      'qq-connect',
    ]);
    expect(find('个推用于推送唤醒功能。')).toEqual(['getui']);
    // the SDK word after 的 ("中国移动、中国联通、中国电信的认证SDK")
    expect(
      find('为实现本机号码一键登录，我们接入了中国移动、中国联通、中国电信的认证SDK。'),
    ).toEqual(['cmic-auth', 'unicom-auth', 'telecom-auth']);
    expect(find('本应用使用了华为HMS Core推送服务。')).toEqual(['huawei-push']);
    expect(find('我们接入了第三方SDK（穿山甲）用于广告投放。')).toEqual(['pangle']);
    expect(find('包括第三方登录方式提供商（QQ、微信）。')).toEqual(['qq-connect', 'wechat-open']);
  });

  it("a company's bare name in a list of sign-in choices is its sign-in SDK", () => {
    expect(find('You can sign in using your Google or Apple account.')).toEqual([
      'google-sign-in',
      'sign-in-with-apple',
    ]);
    // a choice that is no provider is passed over
    expect(find('You can register using your e-mail address, Google or LinkedIn.')).toEqual([
      'google-sign-in',
      'linkedin-login',
    ]);
    expect(find('Log in with Amazon to pay faster.')).toEqual(['login-with-amazon']);
    // an SDK of several roles takes sign-in where the sentence signs up or registers with it
    const roles = (text: string) => findSdks(text, ctx).map((f) => [f.id, f.category]);
    expect(roles('You may register with Apple, Google or Facebook.')).toContainEqual([
      'facebook-sdk',
      'login',
    ]);
    expect(roles('You can sign up using your Facebook account.')).toEqual([
      ['facebook-sdk', 'login'],
    ]);
    expect(find('You can log in with LINE or Kakao.')).toEqual(['line-sdk', 'kakao-sdk']);
    // the same names elsewhere are no SDK
    expect(find('Our founders previously worked at Google and Apple.')).toEqual([]);
    expect(find('You can sign in with your email and password.')).toEqual([]);
    // a product named by a longer alias is that product, not the company's sign-in
    expect(find('You can register using Google Analytics data.')).toEqual(['google-analytics']);
  });

  it('names in a list of account sign-ins are sign-in SDKs, and only the entries that sign in', () => {
    expect(find('您也可以使用微信或QQ账号登录，我们将获取您的昵称和头像。')).toEqual([
      'wechat-open',
      'qq-connect',
    ]);
    // the last name a sign-in itself ("Apple账号登录")
    expect(find('您可以使用微信、QQ或Apple账号登录。')).toEqual([
      'wechat-open',
      'qq-connect',
      'sign-in-with-apple',
    ]);
    // 快手 is the ad network's bare name: a sign-in with it is no ad SDK
    expect(find('快手账号登录后，您可以观看视频。')).toEqual([]);
    expect(find('您可以使用快手、微信或Apple账号登录。')).toEqual([
      'wechat-open',
      'sign-in-with-apple',
    ]);
    expect(find('您可以用微信账号联系客服。')).toEqual([]);
  });

  it('the same names without such a word stay out', () => {
    expect(find('您可以使用微信联系客服，或在微博上关注我们。')).toEqual([]);
    expect(find('请关注我们的微信公众号（微信号：abc）。')).toEqual([]);
    expect(find('我们的合作伙伴（快手、微信）会在活动页展示。')).toEqual([]);
  });
});

describe('a social network named bare counts where the sentence speaks of its button or sign-in', () => {
  it('like and share buttons, social plugins, signing in with the account', () => {
    expect(
      find('Our Web site includes Social Media Features, such as the Facebook Like button.'),
    ).toEqual(['facebook-sdk']);
    expect(
      find('If you click on a Facebook "like" button on our service, Facebook may collect data.'),
    ).toEqual(['facebook-sdk']);
    expect(
      find(
        'You may sign into our Services using a social networking account such as a Facebook, Twitter or LinkedIn account.',
      ),
    ).toEqual(['facebook-sdk', 'twitter-kit', 'linkedin-login']);
  });

  it('its category follows the use the sentence names', () => {
    const found = findSdks('You can log in with your LinkedIn account to apply for jobs.', ctx);
    expect(found.map((f) => [f.id, f.category])).toEqual([['linkedin-login', 'login']]);
    const shared = findSdks('Share articles with the Twitter share button on each page.', ctx);
    expect(shared.map((f) => [f.id, f.category])).toEqual([['twitter-kit', 'social']]);
  });

  it('the same names without such words stay out', () => {
    expect(find('Follow us on Facebook and Twitter for news about our products.')).toEqual([]);
    expect(find('Our founder previously worked at LinkedIn and Twitter.')).toEqual([]);
  });
});

describe('catalog names that name one product, not its maker', () => {
  it('Tenpay runs QQ Wallet too: 财付通 alone is no WeChat Pay', () => {
    expect(
      find('QQ钱包功能由财付通公司向您提供服务。当您开通QQ钱包功能时，财付通会收集您的姓名。'),
    ).toEqual(['qq-wallet']);
    expect(find('支付功能由财付通支付SDK提供。')).toEqual(['wechat-pay']);
  });

  it("Meta's image library is no Facebook SDK: only the SDK's own packages are", () => {
    expect(find('我们使用的com.facebook.cache、com.facebook.common两个包用于图片缓存。')).toEqual(
      [],
    );
    expect(find('图片加载使用了Fresco开源库（com.facebook.fresco）。')).toEqual(['fresco']);
    expect(find('The app embeds com.facebook.login to let you sign in.')).toEqual(['facebook-sdk']);
  });
});

describe('ambiguous names need SDK context', () => {
  it('ordinary words and capitalised sentence starts do not fire', () => {
    expect(find('The bank opened a new branch and adjusted its opening hours.')).toEqual([]);
    expect(find('Adjust advertising delivery strategies based on the season.')).toEqual([]);
    expect(find('Segment your customers by region before you plan advertising.')).toEqual([]);
    expect(find('Our team values unity; we also track singular events in physics.')).toEqual([]);
    expect(find('He bought a mango and watched an octopus at the aquarium.')).toEqual([]);
    expect(find('Intercom calls are available from the device page.')).toEqual([]);
  });

  it('the same names count with SDK words nearby, right before "SDK", or in a table field', () => {
    expect(find('We measure installs with the Adjust SDK.')).toEqual(['adjust']);
    expect(find('Attribution data is sent to Branch for deep linking and analytics.')).toEqual([
      'branch',
    ]);
    expect(find('Events are forwarded through Segment to our analytics tools.')).toEqual([
      'segment',
    ]);
    expect(find('We use Singular to measure advertising campaigns.')).toEqual(['singular']);
    expect(find('SDK Name: Octopus\nPurpose: advertising')).toEqual(['octopus']);
    expect(find('Partner Name: JD\nPurpose of Cooperation: ads')).toEqual(['jd-union']);
  });

  it('a name counts beside words of the use its category is for', () => {
    expect(
      find('If you upgrade, payment is handled by Stripe, which receives your card details.'),
    ).toEqual(['stripe']);
    expect(find('To link your bank account we use Plaid.')).toEqual(['plaid']);
    // The same words mean nothing for a name of another category, or without them.
    expect(find('Our checkout page was redesigned by Segment designers.')).toEqual([]);
    expect(find('The new office has a Stripe pattern on every wall.')).toEqual([]);
  });

  it('capitalised names listed next to unambiguous SDK names count', () => {
    expect(find('The app includes Mixpanel, Segment and Amplitude.')).toEqual([
      'mixpanel',
      'segment',
      'amplitude',
    ]);
    expect(find('We rely on Firebase Crashlytics & Sentry.')).toEqual([
      'firebase-crashlytics',
      'sentry',
    ]);
    // Not a list: other words between the names.
    expect(find('We use Mixpanel. Our Segment team meets weekly.')).toEqual(['mixpanel']);
  });

  it('items of a vertical list whose neighbours open with unambiguous SDK names count', () => {
    const list = [
      'We use the following services in the app:',
      '- AppsFlyer: attribution of app installs.',
      '- Adjust: mobile measurement.',
      '- Stripe (Stripe, Inc.): payments.',
      '- Branch – deep links.',
      '',
      '- Mixpanel: product analytics.',
    ].join('\n');
    expect(find(list)).toEqual(['appsflyer', 'adjust', 'stripe', 'branch', 'mixpanel']);
    // A name whose "The" the hit leaves out opens its item as well.
    expect(find('- Criteo: used in our app\n- The Trade Desk: used in our app')).toEqual([
      'criteo',
      'the-trade-desk',
    ]);
    // Alone, an item opening with the word is no SDK; nor is a verb that starts an item.
    expect(find('Your choices:\n- Adjust: change the settings of your device.')).toEqual([]);
    expect(
      find('- AppsFlyer: attribution of app installs.\n- Adjust your settings: open the menu.'),
    ).toEqual(['appsflyer']);
    // A paragraph between the items ends the list.
    expect(
      find('- AppsFlyer: attribution.\nWe review every partner each year.\n- Branch: offices.'),
    ).toEqual(['appsflyer']);
  });

  it('lower-case common words never count, even near SDK words', () => {
    expect(
      find(
        'Each segment of the advertising market grew; the tracking branch of the team adjusted.',
      ),
    ).toEqual([]);
  });

  it('all-caps acronyms match only in capitals', () => {
    expect(find('广告由GDT提供。')).toEqual(['tencent-youlianghui']);
    expect(find('The gdt value in the log is ignored.')).toEqual([]);
    expect(find('The CSJ ad network serves the banner.')).toEqual(['pangle']);
  });

  it('Chinese ambiguous names need an SDK word right after them', () => {
    expect(find('京东方今年投产了一条新的显示面板生产线。')).toEqual([]);
    expect(find('我在京东买了一台电视，还用微信和家人聊天。')).toEqual([]);
    expect(find('每个推送都会打扰我，这个推荐也不太好。')).toEqual([]);
    expect(find('我们集成了京东广告SDK和个推推送。')).toEqual(['jd-union', 'getui']);
    expect(find('本应用使用微信登录和微信分享功能。')).toEqual(['wechat-open']);
    // A carrier's name before "SDK" is its one-tap sign-in SDK; the carrier alone is no SDK.
    expect(
      find(
        '一键登录时，阿里云号码认证SDK、中国移动SDK、中国联通SDK、中国电信SDK需要收集网络信息。',
      ),
    ).toEqual(['aliyun-number-auth', 'cmic-auth', 'unicom-auth', 'telecom-auth']);
    expect(find('您可以使用中国移动、中国联通或中国电信的手机号码注册。')).toEqual([]);
    expect(find('指纹识别功能通过腾讯指纹认证SDK（Android端）实现。')).toEqual(['tencent-soter']);
  });

  it('generic company words alone name nothing', () => {
    expect(find('We work with Google, Apple, Amazon and Microsoft on many projects.')).toEqual([]);
    expect(find('您可以使用华为、小米、OPPO或vivo手机访问我们的服务。')).toEqual([]);
    expect(find('We use Google Analytics and Apple Pay.')).toEqual([
      'google-analytics',
      'apple-pay',
    ]);
  });
});

describe('the policy owner is never an SDK', () => {
  it('"hereinafter referred to as"', () => {
    const text =
      'Mixpanel, Inc. (hereinafter referred to as "Mixpanel" or "we") explains how it handles data.\n' +
      'Mixpanel analytics collects events from the apps of our customers.';
    expect(find(text)).toEqual([]);
  });

  it('("X", "we")', () => {
    const text =
      'This policy describes how Sentry ("Sentry", "we", "us") processes data. Sentry SDK sends crash reports.';
    expect(find(text)).toEqual([]);
  });

  it('以下简称“X”', () => {
    const text =
      '友盟同欣（北京）科技有限公司（以下简称“友盟+”或“我们”）非常重视您的隐私。友盟+SDK会收集设备信息。';
    expect(find(text)).toEqual([]);
  });

  it('简称 names only the quoted name, not the channels listed after it', () => {
    const text =
      '为确保您的某银行电子银行（简称“电子银行”，包括手机银行、个人网上银行、微信银行）账号安全，我们收集必要信息。\n' +
      '（3）微信SDK。为了向您提供登录和分享服务，我们使用了微信SDK，该SDK由腾讯公司提供。';
    expect(find(text)).toEqual(['wechat-open']);
    // Unquoted, the name ends at the first comma.
    expect(find('某某科技（简称星河，提供微信小程序开发服务）使用了友盟SDK。')).toEqual(['umeng']);
  });

  it('"Thank you for using X", "\"X\" in this statement means", and a title line', () => {
    expect(
      find('Thank you for using Pinterest! We show Pinterest Ads and use Google Analytics.'),
    ).toEqual(['google-analytics']);
    expect(
      find(
        '"PayPal" in this statement means PayPal, Inc. PayPal processes payments; Venmo is a PayPal service.',
      ),
    ).toEqual([]);
    expect(
      find(
        'Bugsnag Privacy Policy\nBugsnag collects crash reports from the apps of its customers.',
      ),
    ).toEqual([]);
  });

  it('only the owner is skipped: other SDKs of the same policy are kept', () => {
    const text =
      'Mixpanel, Inc. (hereinafter "Mixpanel") operates this site. We use Google Analytics on the website and Mixpanel SDK in apps.';
    expect(find(text)).toEqual(['google-analytics']);
  });

  it("the writer named where the policy itself starts, after a site's menus", () => {
    const menus = 'Home Products Deals Support Careers Investors '.repeat(40);
    expect(
      find(
        menus +
          'Privacy Notice\nThis Privacy Notice describes how Amazon.com and its affiliates (collectively "Amazon") collect information. We host data on Amazon Web Services and use Google Analytics.',
      ),
    ).toEqual(['google-analytics']);
    expect(
      find(
        menus +
          'Adobe Privacy Policy\nThis policy describes how Adobe (also referred to as "we," "us" or "our") uses data. Adobe Analytics measures our sites.',
      ),
    ).toEqual([]);
    expect(
      find(
        menus +
          'Privacy Policy Introduction Information Google collects Why Google collects data\nWe use Google Analytics and Google Maps.',
      ),
    ).toEqual([]);
  });

  it("after the menus, a Chinese policy's later 以下简称 still names a partner, not the writer", () => {
    const menus = '首页 产品 服务 下载 关于我们 '.repeat(120);
    const text =
      menus +
      '隐私政策\n我们需将上述信息传输给北京旷视科技有限公司（以下简称“旷视”），用于实名认证。';
    expect(find(text)).toEqual(['megvii']);
  });

  it('a name later in the text is not taken for the owner', () => {
    const filler = 'We care about your privacy and explain our practices below. '.repeat(40);
    const text =
      filler + 'Our partner (hereinafter "AppsFlyer") measures installs with the AppsFlyer SDK.';
    expect(find(text)).toEqual(['appsflyer']);
  });
});

describe('denials and evidence', () => {
  it('a denied SDK is not reported', () => {
    expect(find('We do not use Google Analytics or any other tracking tool.')).toEqual([]);
    expect(find('我们不会接入友盟SDK。')).toEqual([]);
    expect(find('We use Mixpanel for product analytics. We do not use Hotjar.')).toEqual([
      'mixpanel',
    ]);
  });

  it('one finding per SDK, at most three exact quotes, sections from the context', () => {
    const lines = [
      'Introduction.',
      'We use Firebase Crashlytics to collect crash reports.',
      'Crashlytics receives your device identifier.',
      'More about Firebase Crashlytics below.',
      'Crashlytics keeps data for 90 days.',
      'We also use Mixpanel.',
    ];
    const text = lines.join('\n');
    const found = findSdks(text, ctxFor({ sectionAt: (o) => (o < 60 ? 0 : 1) }));
    expect(ids(found)).toEqual(['firebase-crashlytics', 'mixpanel']);
    const crash = found[0]!;
    expect(crash.evidence.map((e) => e.quote)).toEqual(lines.slice(1, 4));
    expect(crash.evidence.map((e) => e.section)).toEqual([0, 1, 1]);
    expect(crash.dataTypes).toEqual(['device-id']);
    expect(crash.vendor).toBe('Google LLC');
    expect(badQuotes(text, found)).toEqual([]);
  });

  it('what a sentence says of a list of names holds for every name in it', () => {
    const types = (text: string): Record<string, string[]> =>
      Object.fromEntries(findSdks(text, ctx).map((f) => [f.id ?? f.name, f.dataTypes.sort()]));
    expect(
      types(
        '我们接入了穿山甲、优量汇和快手等广告SDK，这些SDK会收集您的设备标识符（OAID）、网络类型。',
      ),
    ).toEqual({
      pangle: ['device-id', 'network'],
      'tencent-youlianghui': ['device-id', 'network'],
      'kuaishou-ads': ['device-id', 'network'],
    });
    expect(types('We share your device identifier with Mixpanel, Sentry and Amplitude.')).toEqual({
      mixpanel: ['device-id'],
      sentry: ['device-id'],
      amplitude: ['device-id'],
    });
    // A short note in brackets after each name keeps the list one list; each note is its name's.
    expect(
      types(
        'We use Google Maps (location search), Mixpanel (usage analytics) and AppsFlyer (attribution). These partners receive your IP address.',
      ),
    ).toEqual({
      'google-maps': ['location', 'network'],
      mixpanel: ['network'],
      appsflyer: ['network'],
    });
    // Names in separate sentences keep their own data.
    expect(types('我们使用友盟统计。极光推送会收集您的网络类型。')).toEqual({
      umeng: [],
      jpush: ['network'],
    });
    // What the user may choose to give, after the data the service takes, is no SDK's data
    // (read with the real data-type rules, as the card does).
    const cardTypes = (text: string) =>
      Object.fromEntries(analyze({ text }).sdks.map((f) => [f.id ?? f.name, f.dataTypes]));
    expect(
      cardTypes(
        '签约个人信息至少包括姓名、身份证号码、住址、身份证正反面照片，您还可以自愿选择是否向我们提供支付宝账号。',
      ),
    ).toEqual({ alipay: [] });
    expect(
      cardTypes(
        '我们接入了微信SDK用于登录。\n\n人脸识别功能通过腾讯云人脸核身SDK实现，将收集、处理您的面部生物识别信息，但您可以选择其他认证方式（微信认证）。',
      ),
    ).toEqual({ 'wechat-open': [], 'tencent-faceid': ['biometric'] });
    expect(cardTypes('我们会将您的姓名、身份证号码提供给支付宝用于实名认证。').alipay).toContain(
      'government-id',
    );
  });

  it('quotes stay short on long lines', () => {
    const long = 'x'.repeat(500) + ' then we use Amplitude analytics for events ' + 'y'.repeat(500);
    const found = findSdks(long, ctx);
    expect(ids(found)).toEqual(['amplitude']);
    expect(found[0]!.evidence[0]!.quote.length).toBeLessThanOrEqual(300);
    expect(found[0]!.evidence[0]!.quote).toContain('Amplitude');
    expect(badQuotes(long, found)).toEqual([]);
  });

  it('a vendor company named right after an SDK is not a second SDK', () => {
    expect(find('我们接入了穿山甲SDK（北京巨量引擎网络技术有限公司），用于广告投放。')).toEqual([
      'pangle',
    ]);
    expect(
      find(
        '8）OCR识别SDK：为了识别证件，我们使用北京市商汤科技开发有限公司的OCR识别SDK，获取摄像头权限。',
      ),
    ).toEqual(['?OCR识别SDK']);
  });

  it('names in brackets right after an SDK are its other names or its maker, no second SDK', () => {
    expect(
      find('我行使用了百度统计SDK和友盟+（站长统计）SDK，需要获取您的设备标识。'),
    ).not.toContain('cnzz');
    expect(
      find('Facebook Analytics (Facebook) user behaviour https://www.facebook.com/policy'),
    ).toEqual(['facebook-analytics']);
    // an SDK named after the brackets close is one
    expect(find('我们接入了友盟SDK（统计分析），以及极光推送SDK。')).toContain('jpush');
  });

  it('an identifier named in a data list is no SDK; the same name as a partner is one', () => {
    expect(find('设备识别符（如MAC地址、Android ID、OAID、CAID）、传感器信息。')).not.toContain(
      'caid',
    );
    expect(find('合作方名称：中广协CAID\n使用目的：标识用户')).toContain('caid');
    expect(find('定向推送功能通过小米PUSH（Android端）实现。')).toEqual(['xiaomi-push']);
    expect(find('我们接入了极验SDK用于人机验证。')).toEqual(['geetest']);
  });

  it('an SDK of several roles takes the one the policy names for it', () => {
    const categoryOf = (text: string, id: string) =>
      findSdks(text, ctx).find((f) => f.id === id)?.category;
    expect(categoryOf('为了向您提供微信授权登录的服务，我们使用了微信SDK。', 'wechat-open')).toBe(
      'login',
    );
    expect(categoryOf('您可以通过微信分享SDK将内容分享给好友。', 'wechat-open')).toBe('social');
    // both named, or neither: its usual category
    expect(categoryOf('我们使用了微信SDK，用于登录和分享。', 'wechat-open')).toBe('social');
  });

  it('a platform named only where one of its products is, is no second SDK', () => {
    const found = find(
      'Tools: Firebase Analytics (Google) user behaviour https://firebase.google.com/support/privacy/ Firebase Crashlytics (Google) crash reporting',
    );
    expect(found).toContain('firebase-analytics');
    expect(found).toContain('firebase-crashlytics');
    expect(found).not.toContain('firebase');
    // the platform named on its own elsewhere is kept
    expect(find('We host files on Firebase. We use Firebase Analytics to count visits.')).toContain(
      'firebase',
    );
  });

  it('Chinese names inside longer words do not count', () => {
    expect(find('我们会获取您的手环信息和循环信号，用于凝聚推动团队合作的金融云服务。')).toEqual(
      [],
    );
  });
});

describe('user-added entries', () => {
  it('extraEntries are matched like catalog entries and may override one', () => {
    const extra: CatalogEntry[] = [
      {
        id: 'acme-beacon',
        name: 'Acme Beacon',
        vendor: 'Acme',
        category: 'analytics',
        aliases: { en: ['Acme Beacon'], zh: ['阿克米信标'] },
        source: 'user',
      },
    ];
    const c = ctxFor({ extraEntries: extra });
    expect(ids(findSdks('We embed Acme Beacon. 我们还接入了阿克米信标。', c))).toEqual([
      'acme-beacon',
    ]);
    expect(ids(findSdks('We embed Acme Beacon.', ctx))).toEqual([]);
  });

  it('malformed user entries are ignored, not fatal', () => {
    const broken = [
      {
        id: 'x',
        name: 'Acme Beacon',
        vendor: 'Acme',
        category: 'nonsense',
        aliases: { en: ['Acme Beacon'], zh: [] },
        source: 'u',
      },
      {
        id: 'y',
        name: 'Zeta Probe',
        vendor: 'Zeta',
        category: 'analytics',
        aliases: { en: 'Zeta Probe' },
        source: 'u',
      },
      null,
    ] as unknown as CatalogEntry[];
    const c = ctxFor({ extraEntries: broken });
    expect(ids(findSdks('We embed Acme Beacon, Zeta Probe and Mixpanel.', c))).toEqual([
      'mixpanel',
    ]);
  });
});

describe('ambiguous names used as words in tables', () => {
  it('a verb at the start of a table cell or field is not an SDK', () => {
    expect(
      find('Purpose of Cooperation | Adjust advertising delivery strategies based on device data'),
    ).toEqual([]);
    expect(
      find(
        'Partner Type | BeiZi SDK\nPurpose of Cooperation |\nAdjust advertising delivery strategies based on user device information',
      ),
    ).toEqual(['beizi']);
  });
  it('the same name with SDK context still counts', () => {
    expect(find('SDK Name | Adjust SDK\nPurpose | attribution')).toEqual(['adjust']);
  });
});

describe('the names a policy writes an SDK under', () => {
  it('are kept as written beside the canonical name, without the maker or the vendor', () => {
    const text =
      '我们接入了穿山甲SDK（字节跳动穿山甲），用于广告投放。如您使用小米、华为手机，我们接入的手机厂商推送SDK会收集设备标识。友盟SDK，提供方：北京友盟网络科技有限公司。';
    const found = findSdks(text, ctx);
    const pangle = found.find((f) => f.id === 'pangle');
    expect(pangle?.aliases).toEqual(['穿山甲', '字节跳动穿山甲']);
    const huawei = found.find((f) => f.id === 'huawei-push');
    expect(huawei).toBeDefined();
    expect(huawei?.aliases).toBeUndefined();
    expect(found.find((f) => f.id === 'umeng')?.aliases).toEqual(['友盟']);
    // A name written as the catalog's own gives no alias.
    expect(findSdks('We use Pangle to show ads.', ctx)[0]?.aliases).toBeUndefined();
  });
});

describe('catalog names that are also ordinary words count only where an SDK is meant', () => {
  it('钉钉, 蒲公英, 网宿, 天御 and 优图 as SDK list names; the plant and the office app in prose are none', () => {
    const list = [
      '1. SDK名称：钉钉SDK',
      '使用目的：分享到钉钉',
      '2. SDK名称：蒲公英SDK',
      '使用目的：测试版本分发',
      '3. SDK名称：腾讯天御SDK',
      '使用目的：风险控制',
      '4. SDK名称：腾讯优图SDK',
      '使用目的：证件识别',
      '5. SDK名称：网宿SDK',
      '使用目的：网络加速',
    ].join('\n');
    expect(find(list)).toEqual([
      'dingtalk-open',
      'pgyer',
      'tencent-tianyu',
      'tencent-youtu',
      'wangsu',
    ]);
    expect(find('春天的校园里开满了蒲公英，员工可以在钉钉上请假。')).toEqual([]);
    expect(find('We use GameAnalytics, Bmob and LeanCloud in our games.')).toEqual([
      'gameanalytics',
      'bmob',
      'leancloud',
    ]);
  });
});

describe('an ambiguous name written with "The" in a one-line list', () => {
  it('"Google Ad Manager and The Trade Desk" names both, and the card keeps its own name', () => {
    const text =
      'We share viewing data with advertising partners, including Google Ad Manager and The Trade Desk, to deliver interest-based ads.';
    const found = findSdks(text, ctx);
    expect(ids(found)).toEqual(['google-ad-manager', 'the-trade-desk']);
    expect(found.find((f) => f.id === 'the-trade-desk')?.aliases).toBeUndefined();
    // the word alone is still no name: "and the trade desk of the bank"
    expect(find('We share data with Google Ad Manager and the trade desk of our bank.')).toEqual([
      'google-ad-manager',
    ]);
  });
});
