import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/core/sections';
import { compileOptOutRules, findOptOuts } from '../../src/core/optout';
import { routesIn } from '../../src/core/routes';

const rules = compileOptOutRules();
const paths = (text: string) =>
  findOptOuts(buildDoc({ text }), rules).map((p) => [p.kind, p.target ?? null]);
/** The targets of the paths of these kinds, in card order. */
const targetsOf = (text: string, ...kinds: string[]) =>
  paths(text)
    .filter((p) => kinds.includes(p[0]!))
    .map((p) => p[1]);

describe('opt-out paths', () => {
  it('a switch for personalised content is no unsubscribe; a notice service cancelled is no account', () => {
    const t =
      '若您不想接收个性化内容展示，我们在产品中的【设置-其他-个人信息与隐私】页面为您提供了个性化推荐开关，您可以自主选择关闭。';
    expect(targetsOf(t, 'unsubscribe')).toEqual([]);
    expect(targetsOf(t, 'ad-personalization')).toEqual(['设置-其他-个人信息与隐私']);
    expect(targetsOf('如您不想接收我们的营销短信，您可以回复TD退订。', 'unsubscribe').length).toBe(
      1,
    );
    expect(
      targetsOf(
        '您可在登录手机银行后，通过“消息服务定制”菜单，注销账户变动通知服务。',
        'account-deletion',
      ),
    ).toEqual([]);
    // a list item's label "手机银行注销—" cancels what its sentence names: here the notice service
    expect(
      targetsOf(
        '手机银行注销—您可在登录手机银行后，通过“消息服务定制”菜单，注销账户变动通知服务。',
        'account-deletion',
      ),
    ).toEqual([]);
    expect(
      targetsOf('账号注销：您可以在“我的-设置-账号与安全”中注销您的账号。', 'account-deletion'),
    ).toEqual(['我的-设置-账号与安全']);
    expect(targetsOf('您可以通过“我的-设置-注销账号”注销您的账号。', 'account-deletion')).toEqual([
      '我的-设置-注销账号',
    ]);
  });

  it('a page where the service reads data is no control; the page where the user reads it is', () => {
    // "授权我们访问": the service accesses the location; "一起听" is a feature, not a way out.
    expect(
      targetsOf(
        '如您使用“一起听”功能，我们需要您授权我们访问您的位置权限，以便在“一起听”功能中展示您和其他用户的距离。',
        'settings-path',
      ),
    ).toEqual([]);
    expect(
      targetsOf(
        'If you use "Nearby", we may access your location to show your distance on the "Nearby" page.',
        'settings-path',
      ),
    ).toEqual([]);
    // The user's own access still counts, in both languages.
    expect(targetsOf('您可以在“个人中心”页面访问您的个人信息。', 'settings-path')).toEqual([
      '个人中心',
    ]);
    expect(
      targetsOf(
        'You can access your personal information by going to the "Account Management" page.',
        'settings-path',
      ),
    ).toEqual(['Account Management']);
  });

  it('the “修改系统设置” permission is a permission the app asks for, not the phone settings', () => {
    expect(
      targetsOf(
        '为使用设置铃声服务，您可能还需开启您设备上的修改系统设置权限，以实现铃声的设置。',
        'browser-control',
      ),
    ).toEqual([]);
    // The phone's own system settings stay a way to control the app.
    expect(
      paths('您可以在手机的系统设置中关闭位置权限。').some((p) => p[0] === 'browser-control'),
    ).toBe(true);
  });

  it("a route that starts at the phone's system is the device's settings", () => {
    const t =
      '您也可以随时通过相关功能设置取消该权限，路径为：系统-设置-授权管理-应用权限管理-影视大全-相机，勾选取消授权。';
    expect(targetsOf(t, 'settings-path')).toEqual([]);
    expect(targetsOf(t, 'browser-control')).toEqual([
      '系统-设置-授权管理-应用权限管理-影视大全-相机',
    ]);
    // a system permission named near a product page leaves the page the product's
    expect(
      targetsOf(
        '您可在“隐私”中更改您对系统权限的授权，以及在“权限设置”中更改其他授权。',
        'settings-path',
      ),
    ).toContain('权限设置');
  });

  it('copies settings routes exactly', () => {
    const t = 'You may cancel your account at any time through “Me -> Account and Security”.';
    expect(routesIn(t, 0, t.length).map((r) => r.target)).toEqual(['Me -> Account and Security']);
    const z = '您可以在"控制台-费用管理-订单信息"查看您的所有订单状态。';
    expect(routesIn(z, 0, z.length).map((r) => r.target)).toEqual(['控制台-费用管理-订单信息']);
    expect(paths(t)).toContainEqual(['account-deletion', 'Me -> Account and Security']);
    expect(paths('您可以通过“我的”>“设置”>“隐私”关闭个性化推荐。')).toContainEqual([
      'ad-personalization',
      '“我的”>“设置”>“隐私”',
    ]);
  });

  it('finds contact targets', () => {
    expect(paths('To exercise your rights, email privacy@example.com.')).toContainEqual([
      'email',
      'privacy@example.com',
    ]);
    expect(paths('如有问题，请拨打客服电话：400-123-4567。')).toContainEqual([
      'phone',
      '400-123-4567',
    ]);
    expect(paths('You can opt out at https://example.com/opt-out.')).toContainEqual([
      'url',
      'https://example.com/opt-out',
    ]);
    expect(paths('You can request deletion by calling 1-800-555-0199.')).toEqual([
      ['phone', '1-800-555-0199'],
    ]);
  });

  it("a Japanese number is a phone; an address's postal code is none", () => {
    const t =
      'For questions you may contact us by emailing privacy@example.jp, or calling 0570-20-0606, or writing to 2-1-33 Sakurajima, Konohana-ku, Osaka 554-0031 Japan.';
    expect(targetsOf(t, 'phone')).toEqual(['0570-20-0606']);
    expect(
      targetsOf('Write to us at 1 Main St, Springfield, or phone us on 555-867-5309.', 'phone'),
    ).toEqual(['555-867-5309']);
  });

  it('reads cookie controls however the cookies are named', () => {
    expect(paths('You may disable or delete the cookies at any time.')).toContainEqual([
      'browser-control',
      null,
    ]);
    expect(
      paths('You can learn how to de-activate cookies using the Help feature of your browser.'),
    ).toContainEqual(['browser-control', null]);
  });

  it('reads a browser privacy signal as a browser control, and not where it is ignored', () => {
    expect(
      paths(
        'You can enable Global Privacy Control in your browser to opt out of targeted advertising.',
      ),
    ).toContainEqual(['browser-control', null]);
    expect(
      paths('You may use an opt-out preference signal to exercise your right to opt out.'),
    ).toContainEqual(['browser-control', null]);
    expect(
      paths('We do not respond to Global Privacy Control signals at this time.').map((p) => p[0]),
    ).not.toContain('browser-control');
  });

  it('finds kinds without targets', () => {
    expect(paths('You can unsubscribe from marketing emails at any time.')).toContainEqual([
      'unsubscribe',
      null,
    ]);
    expect(paths('您可以随时撤回您的授权同意。')).toContainEqual(['consent-withdrawal', null]);
    expect(paths('You can set your browser to refuse cookies.')).toContainEqual([
      'browser-control',
      null,
    ]);
    expect(paths('回复TD退订营销短信，您可以拒绝接收。').map((p) => p[0])).toContain('unsubscribe');
  });

  it('an account named by the product is an account to delete', () => {
    expect(paths('You may choose to delete your reddit account at any time.')).toEqual([
      ['account-deletion', null],
    ]);
    expect(paths('If you want to close your Ubisoft account, you can do so here.')).toEqual([
      ['account-deletion', null],
    ]);
    // no user's way: the company deletes
    expect(paths('We will delete your inactive account after two years.')).toEqual([]);
  });

  it('ignores what is not a way out', () => {
    expect(paths('We may delete your account if you violate these terms.')).toEqual([]);
    expect(paths('You cannot unsubscribe from service messages.')).toEqual([]);
    // a URL to a third party's policy is not an opt-out path
    expect(paths('Umeng SDK privacy policy: https://www.umeng.com/page/policy')).toEqual([]);
    // a phone number in a version line is not a contact
    expect(paths('版本号：20220217')).toEqual([]);
    // a fax line is not a number to call; the phone beside it is
    expect(paths('Contact us: Phone 888-512-8907, Fax 800-660-5292.')).toEqual([
      ['phone', '888-512-8907'],
    ]);
    expect(paths('客服电话：400-123-4567，传真：010-12345678')).toEqual([
      ['phone', '400-123-4567'],
    ]);
  });
});

describe('targets', () => {
  it('a kind with a concrete target drops its bare mention', () => {
    const text =
      'You may withdraw your consent at any time.\nYou may withdraw your consent through “Settings -> Privacy”.';
    expect(paths(text).filter((p) => p[0] === 'consent-withdrawal')).toEqual([
      ['consent-withdrawal', 'Settings -> Privacy'],
    ]);
  });

  it("a route right after 手机 and a quote mark is the phone's own settings", () => {
    const t =
      '撤回同意：您可以通过关闭设备权限的方式撤回授权，路径为：手机“设置”-“应用”-“权限管理”。';
    expect(targetsOf(t, 'browser-control')).toEqual(['“设置”-“应用”-“权限管理”']);
    expect(targetsOf(t, 'settings-path')).toEqual([]);
    // 手机银行 is the product.
    expect(
      targetsOf('您可以通过手机银行“我的”-“设置”-“注销账户”注销您的账户。', 'settings-path'),
    ).toEqual(['“我的”-“设置”-“注销账户”']);
  });

  it("a route in the system's quoted settings is the phone's; 本系统 is the product", () => {
    const t = '如需撤回授权，可在系统“设置-应用-轻记账-权限”中关闭相应权限。';
    expect(targetsOf(t, 'browser-control')).toEqual(['设置-应用-轻记账-权限']);
    expect(targetsOf(t, 'settings-path')).toEqual([]);
    expect(
      targetsOf('您可以在本系统“个人中心-账号设置”修改密码。', 'settings-path', 'browser-control'),
    ).toEqual(['个人中心-账号设置']);
  });

  it("the site's cookie controls named as a link are a browser control's target", () => {
    const t =
      'You can manage cookies at any time via the “Cookie Preferences” link at the bottom of every page.';
    expect(targetsOf(t, 'browser-control')).toEqual(['Cookie Preferences']);
    // A page of the product that is not about cookies gives the cookie control no target.
    expect(
      targetsOf(
        'You can disable cookies, and update your choices on the “Privacy Settings” page of your account.',
        'browser-control',
      ),
    ).toEqual([null]);
  });

  it('a web address written without scheme or www is a url where the sentence sends the reader to it', () => {
    expect(
      targetsOf(
        'To opt out of interest-based advertising, visit optout.aboutads.info or youradchoices.com/appchoices.',
        'url',
      ),
    ).toEqual(['optout.aboutads.info', 'youradchoices.com/appchoices']);
    expect(
      targetsOf(
        'To opt out of Google Analytics, install the browser add-on at tools.google.com/dlpage/gaoptout.',
        'url',
      ),
    ).toEqual(['tools.google.com/dlpage/gaoptout']);
    // a company named by its domain, an e-mail's domain, a cue only inside the address
    expect(targetsOf('To opt out, write to Amazon.com, Inc., 410 Terry Ave.', 'url')).toEqual([]);
    expect(targetsOf('To opt out, e-mail privacy@example.com.', 'url')).toEqual([]);
    expect(
      targetsOf('A list of our partners is available at example.com/partner-opt-out.', 'url'),
    ).toEqual([]);
  });

  it("revoking the app's access is withdrawing consent", () => {
    expect(
      targetsOf(
        'You can revoke access at any time in Settings > Connected apps.',
        'consent-withdrawal',
      ),
    ).toEqual(['Settings > Connected apps']);
    expect(
      targetsOf(
        'You can revoke our access to your Google account at any time.',
        'consent-withdrawal',
      ),
    ).toEqual([null]);
    // the app named: "revoke PulseTrack's access"
    expect(
      targetsOf(
        "You can revoke PulseTrack's access to Apple Health at any time under Sharing > Apps > PulseTrack.",
        'consent-withdrawal',
      ),
    ).toEqual(['Sharing > Apps > PulseTrack']);
  });

  it('a Chinese label that names the way opens an instruction ("注销账号：进入…")', () => {
    expect(
      targetsOf('注销账号：进入“我的-设置-账号与安全”，点击注销账号。', 'account-deletion'),
    ).toEqual(['我的-设置-账号与安全']);
    expect(
      targetsOf('1. 撤回授权：进入“我的-设置-隐私-权限管理”关闭相应权限。', 'consent-withdrawal'),
    ).toEqual(['我的-设置-隐私-权限管理']);
    // a label that names no way leaves the route a settings path only
    expect(
      targetsOf(
        '账号信息：进入“我的-设置-账号与安全”查看。',
        'account-deletion',
        'consent-withdrawal',
      ),
    ).toEqual([]);
  });

  it('an account the service closes is no way for the user to delete it', () => {
    expect(targetsOf('如您违反本协议，我们有权注销您的账号。', 'account-deletion')).toEqual([]);
    expect(
      targetsOf('如您连续24个月未登录，我们将注销您的账号并删除相关信息。', 'account-deletion'),
    ).toEqual([]);
    // the user's request, then the service completing it
    expect(
      targetsOf('您可以申请注销账号，我们将在15个工作日内完成注销。', 'account-deletion'),
    ).toEqual([null]);
  });

  it("a route after 'On iOS' or 'On Android' is the phone's settings, an app's route on them the app's", () => {
    const ios =
      'On iOS, go to Settings > Privacy & Security > Tracking and turn off "Allow Apps to Request to Track".';
    expect(targetsOf(ios, 'browser-control')).toEqual(['Settings > Privacy & Security > Tracking']);
    expect(targetsOf(ios, 'settings-path')).toEqual([]);
    expect(
      targetsOf(
        'Android: open Settings > Google > Ads and turn off ad personalisation.',
        'browser-control',
      ),
    ).toEqual(['Settings > Google > Ads']);
    const app = 'In our Android app, go to Me > Settings > Privacy to turn off personalised ads.';
    expect(targetsOf(app, 'settings-path')).toEqual(['Me > Settings > Privacy']);
    expect(targetsOf(app, 'browser-control')).toEqual([]);
  });

  it("a cookie control named alone is the site's browser control, not a step of its menus", () => {
    const t =
      'You may withdraw your consent at any time via the "Cookie settings" link in the footer.';
    expect(targetsOf(t, 'browser-control')).toEqual(['Cookie settings']);
    expect(targetsOf(t, 'consent-withdrawal')).toEqual(['Cookie settings']);
    expect(targetsOf(t, 'settings-path')).toEqual([]);
    // a route of several steps that ends in cookies stays the product's own settings
    expect(
      targetsOf('You can turn off analytics under Settings > Privacy > Cookies.', 'settings-path'),
    ).toEqual(['Settings > Privacy > Cookies']);
    // 通过页面底部的“Cookie设置”链接: the control's place on the web page may stand before its name
    const zh = '您可以通过页面底部的“Cookie设置”链接管理Cookie。';
    expect(targetsOf(zh, 'browser-control')).toEqual(['Cookie设置']);
    expect(targetsOf(zh, 'settings-path')).toEqual([]);
    expect(targetsOf('您可以随时删除Cookie。', 'browser-control')).toEqual([null]);
    expect(targetsOf('You can change your cookie choices at any time.', 'browser-control')).toEqual(
      [null],
    );
    // an app screen's button is no page ("点击右上角【删除】按钮")
    expect(
      targetsOf('找到需删除的通知，您可以点击右上角【删除】按钮删除。', 'settings-path'),
    ).toEqual([]);
  });

  it('a quoted control placed in the footer or header of the site is a named page', () => {
    const t =
      'You can change your cookie preferences at any time by clicking "Cookie Settings" in the footer of our website.';
    expect(targetsOf(t, 'browser-control')).toEqual(['Cookie Settings']);
    expect(
      targetsOf(
        'To change your ad preferences, click "Ad Choices" in the header.',
        'ad-personalization',
      ),
    ).toEqual(['Ad Choices']);
  });

  it('a quoted page followed by 链接 (link) is a named page', () => {
    expect(targetsOf('您可以点击“隐私设置”链接，关闭个性化推荐。', 'ad-personalization')).toEqual([
      '隐私设置',
    ]);
  });

  it('a browser signal the service honours is a browser control; one it ignores is none', () => {
    for (const text of [
      'We honor Global Privacy Control signals sent by your browser.',
      'Our website recognizes the GPC signal as a valid request to opt out.',
      'We respond to Do Not Track signals.',
      'You may also turn on Global Privacy Control in your browser, which we honor.',
      'Global Privacy Control signals sent by your browser are honored.',
    ])
      expect(paths(text), text).toEqual([['browser-control', null]]);
    // the law's link named beside it denies nothing
    expect(
      targetsOf(
        'You may opt out by clicking the "Do Not Sell or Share My Personal Information" link, or by enabling Global Privacy Control in your browser, which we honor.',
        'browser-control',
      ),
    ).toEqual([null]);
    for (const text of [
      'Our site does not respond to Do Not Track signals.',
      'We currently do not honor browser requests not to be tracked (Do Not Track signals).',
      'We will continue to work with the online industry to define how to treat Do Not Track signals.',
    ])
      expect(paths(text), text).toEqual([]);
  });

  it('an address spelled out against robots is an e-mail target, as written', () => {
    expect(
      targetsOf(
        'Write to our data protection officer at dpo(at)example(dot)de or to legal (AT) example [dot] org.',
        'email',
      ),
    ).toEqual(['dpo(at)example(dot)de', 'legal (AT) example [dot] org']);
    expect(
      targetsOf('You can exercise your rights by emailing privacy [at] example.com.', 'email'),
    ).toEqual(['privacy [at] example.com']);
    // "(at)" with no domain after it is a word.
    expect(targetsOf('Our team (at) work answers every request. Email us.', 'email')).toEqual([]);
  });

  it('an e-mail address ends where a word the page glued to it begins', () => {
    expect(
      targetsOf(
        'Si tiene alguna pregunta, contacte con nosotros: Por e-mail: privacy@example.comPolítica de privacidad',
        'email',
      ),
    ).toEqual(['privacy@example.com']);
    expect(
      targetsOf(
        'Our data protection officer can be reached under dpo@example.com.IX Duration of storage',
        'email',
      ),
    ).toEqual(['dpo@example.com']);
    expect(
      targetsOf(
        'Contact us at privacy@example.com.Alternatively, you may write to our office.',
        'email',
      ),
    ).toEqual(['privacy@example.com']);
    expect(
      targetsOf(
        'To opt out, visit https://preferences.example.com/Hearst/Login.aspx.If you want us to stop, tell us.',
        'url',
      ),
    ).toEqual(['https://preferences.example.com/Hearst/Login.aspx']);
    expect(
      targetsOf(
        'If you are an individual subject to the GDPR, you can read more about your rights here: https://ec.example.eu/law/data-protection_enAvailable on: Android iPhone',
        'url',
      ),
    ).toEqual(['https://ec.example.eu/law/data-protection_en']);
    // capitals in the name itself stay
    expect(targetsOf('Please e-mail Privacy@Example.COM with your request.', 'email')).toEqual([
      'Privacy@Example.COM',
    ]);
  });

  it('does not take an address given as an example for a way to reach anyone', () => {
    const text =
      'The information gathered includes cookies, page requests and the domain name (e.g., www.example-news.com). To opt out of tracking, visit https://optout.example.org/choices or write to privacy@example.org.';
    const targets = paths(text).map((p) => p[1]);
    expect(targets).not.toContain('www.example-news.com');
    expect(targets).toContain('https://optout.example.org/choices');
    expect(targets).toContain('privacy@example.org');
    // a domain named to block in the browser is no page to visit; the browser setting stays
    const block =
      'You can also disable cookies for conversion tracking by setting your browser to block cookies from the domain "www.googleadservices.com".';
    expect(targetsOf(block, 'url')).toEqual([]);
    expect(paths(block).map((p) => p[0])).toContain('browser-control');
    expect(
      targetsOf(
        '如需退订，请发送邮件至 unsub@example.cn，邮件标题例如 user@example.com 的形式。',
        'email',
      ),
    ).toEqual(['unsub@example.cn']);
  });
  it('turning off a permission is no way out of targeted ads unless unwanted ads are why', () => {
    const t = '位置权限仅用于向您推荐本地图书馆活动，您可以在手机“设置-应用-权限”中关闭。';
    expect(paths(t)).toEqual([['browser-control', '设置-应用-权限']]);
    expect(
      targetsOf(
        '如用户不希望获得我们的定向信息推荐服务，用户可在手机设备的“设置-应用-权限管理”路径中关闭地理位置系统权限。',
        'ad-personalization',
      ),
    ).toEqual(['设置-应用-权限管理']);
  });
});

describe('where a route lives', () => {
  it('a route on the phone is a browser-control, one in the product a settings-path', () => {
    const t =
      'You may withdraw authorization and consent for this product APP through the permission management interface by using [local mobile phone: Settings -> Permission Management -> Enable or Disable the Corresponding Permission].';
    const got = paths(t);
    expect(got).toContainEqual(['browser-control', 'Settings -> Permission Management']);
    expect(got).toContainEqual(['consent-withdrawal', 'Settings -> Permission Management']);
    expect(got).not.toContainEqual(['settings-path', 'Settings -> Permission Management']);
    const z = '例如您可以通过移动设备中的“设置-隐私-照片”来关闭您对手机相册的授权。';
    expect(paths(z)).toContainEqual(['browser-control', '设置-隐私-照片']);
    expect(paths(z)).not.toContainEqual(['settings-path', '设置-隐私-照片']);
  });

  it('"System Permissions" as a step of the product menu is the product settings, not the phone', () => {
    const t =
      'You may use [“Me” page -> System Permissions -> Enable or Disable the Corresponding Permission].';
    expect(paths(t)).toContainEqual(['settings-path', '“Me” page -> System Permissions']);
    expect(paths(t).map((p) => p[0])).not.toContain('browser-control');
    const z =
      '您可以通过“我的”-“设置”-“隐私管理”-“系统权限管理”来操作管理及撤回您在App内设置的系统授权。';
    expect(paths(z).map((p) => p[0])).toContain('settings-path');
    expect(paths(z).map((p) => p[0])).not.toContain('browser-control');
  });

  it('the cue nearest the route wins, and a phone number or an app on a platform is no device', () => {
    // The device comes first, the app's own menu last: the menu is the product's.
    const z =
      '您可以在设备本身操作系统中关闭地理位置等权限，或通过我的>设置>账号与安全中心>权限管理改变同意范围或撤回您的授权。';
    expect(paths(z)).toContainEqual(['settings-path', '我的>设置>账号与安全中心>权限管理']);
    expect(
      paths(
        '如您希望更换您注册时所提供的手机号的，您需要自行前往【设置-账号与安全-更换绑定手机】完成修改。',
      ),
    ).toContainEqual(['settings-path', '设置-账号与安全-更换绑定手机']);
    expect(
      paths('iOS端用户：如您需要注销帐号，请在【我的】-【设置】-【账号注销】按提示进行注销。').map(
        (p) => p[0],
      ),
    ).not.toContain('browser-control');
  });

  it('"In other forms, you may also use [route]" keeps the kinds of the sentence before', () => {
    const t =
      'You may withdraw authorization and consent through [local mobile phone: Settings -> Permission Management]. In other forms, you may also use [“Me” page -> System Permissions -> Enable or Disable the Corresponding Permission].';
    expect(paths(t)).toContainEqual(['consent-withdrawal', '“Me” page -> System Permissions']);
    // Without the cue, another sentence's route is only a settings path.
    const plain =
      'You may withdraw authorization and consent through [local mobile phone: Settings -> Permission Management]. You may change your avatar in [“Me” page -> Profile -> Edit].';
    expect(paths(plain)).not.toContainEqual(['consent-withdrawal', '“Me” page -> Profile']);
  });
});

describe('which quotes a path keeps', () => {
  const quotesOf = (text: string, kind: string) =>
    findOptOuts(buildDoc({ text }), rules)
      .filter((p) => p.kind === kind)
      .flatMap((p) => p.evidence.map((e) => e.quote));

  it('a sentence about what follows an opt-out is kept only when nothing says how', () => {
    const en = [
      'Please note that if you opt out of this advertising, you may still receive untailored ads from us.',
      'If you delete cookies or change browsers, you will need to opt out of interest-based advertising again.',
      'You may opt out of interest-based advertising at any time.',
    ].join(' ');
    expect(quotesOf(en, 'ad-personalization')).toEqual([
      'You may opt out of interest-based advertising at any time.',
    ]);
    const zh = [
      '如果您关闭个性化推荐，您将无法看到与您兴趣相关的内容。',
      '如果您拒绝个性化广告，您仍会看到数量相同的广告。',
      '您可以在设置中关闭个性化推荐。',
    ].join('');
    expect(quotesOf(zh, 'ad-personalization')).toEqual(['您可以在设置中关闭个性化推荐。']);
    // The deleting may come second among what the user does.
    const second = [
      'You may decline our cookies if your browser permits.',
      'If you change browsers or computers, or delete the cookies on your computer, you may need to re-enter your preferences.',
    ].join(' ');
    expect(quotesOf(second, 'browser-control')).toEqual([
      'You may decline our cookies if your browser permits.',
    ]);
    // Alone, it still shows that the choice exists.
    const alone =
      'You may reject all cookies, but if you reject all cookies, you will not be able to sign in.';
    expect(quotesOf(alone, 'browser-control')).toEqual([alone]);
  });
});

describe('routes', () => {
  it('a quoted control placed on the screen is a page to use', () => {
    expect(
      paths(
        'If you want to access your data, you may do so by logging in via ‘Login’ on the upper right of the website.',
      ),
    ).toContainEqual(['settings-path', 'Login']);
    expect(
      paths('To change your choices, you can tap “Privacy” at the top of any screen.'),
    ).toContainEqual(['settings-path', 'Privacy']);
    // A quoted word with no place on the screen stays a word.
    expect(paths('You can read “Login” in our glossary.').map((p) => p[0])).not.toContain(
      'settings-path',
    );
  });

  it('a quoted control named for a way out is its target, not a page of settings', () => {
    const text =
      'You may stop our e-mails by clicking the "unsubscribe" link in the message, or through your online profile.';
    expect(paths(text)).toContainEqual(['unsubscribe', 'unsubscribe']);
    expect(paths(text).map((p) => p[0])).not.toContain('settings-path');
  });

  it('a quoted or bracketed route keeps its last label whole and ends at its bracket', () => {
    const a = '您也可以通过“工作台-应用管理”选择开通或关闭应用。';
    expect(routesIn(a, 0, a.length).map((r) => r.target)).toEqual(['工作台-应用管理']);
    const b = '您可以通过路径<我的-设置-推送通知设置>来控制您是否接收消息通知。';
    expect(routesIn(b, 0, b.length).map((r) => r.target)).toEqual(['我的-设置-推送通知设置']);
    const c = '您可以通过<设备系统设置-应用详情页-通知设置>或<App-我-设置-推送通知设置>关闭通知。';
    expect(routesIn(c, 0, c.length).map((r) => r.target)).toEqual([
      '设备系统设置-应用详情页-通知设置',
      'App-我-设置-推送通知设置',
    ]);
    // Unquoted, a verb after the route is still no part of it; a 管理 or 设置 just before
    // that verb ends the page's name.
    const d = '您可以通过我的-设置-权限管理改变同意范围。';
    expect(routesIn(d, 0, d.length).map((r) => r.target)).toEqual(['我的-设置-权限管理']);
    const e = '您可以在我的-设置-隐私设置关闭个性化推荐。';
    expect(routesIn(e, 0, e.length).map((r) => r.target)).toEqual(['我的-设置-隐私设置']);
    const f = '您可以在我的-设置-账号安全中修改密码。';
    expect(routesIn(f, 0, f.length).map((r) => r.target)).toEqual(['我的-设置-账号安全']);
  });

  it('a last label is whole: long up to its quote, Latin running into Chinese, 管理 ending it, a corner and its control', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('设置路径为：“我的—设置—隐私权限设置—允许哔哩哔哩个性化展现广告推荐”。')).toEqual(
      ['我的—设置—隐私权限设置—允许哔哩哔哩个性化展现广告推荐'],
    );
    expect(routes('您可以通过“我的-设置-隐私设置-UC阅读兴趣管理”关闭。')).toEqual([
      '我的-设置-隐私设置-UC阅读兴趣管理',
    ]);
    expect(routes('您可以通过App-我的-隐私中心-个性化标签管理，选择您喜欢的标签。')).toEqual([
      'App-我的-隐私中心-个性化标签管理',
    ]);
    expect(routes('您可以通过【酷狗商城】-右上角【我的】-【收货地址管理】中更正地址。')).toEqual([
      '【酷狗商城】-右上角【我的】-【收货地址管理】',
    ]);
    // commas standing for spaces around the dashes
    expect(routes('您可以在移动客户端【我,-,帐号与安全,-,永久删除账号】申请。')).toEqual([
      '我,-,帐号与安全,-,永久删除账号',
    ]);
  });

  it('an unquoted route ends before "in" and what is done there; prose after a dash is no label', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('如果想关闭流量功能，可以在设置-隐私-隐私控制中将其关闭；')).toEqual([
      '设置-隐私-隐私控制',
    ]);
    expect(routes('用户可以在我的>设置>账号管理>微信绑定>解除绑定中解除微信绑定。')).toEqual([
      '我的>设置>账号管理>微信绑定>解除绑定',
    ]);
    // 中心 is part of a label, not "in".
    expect(routes('您可以在我的-个人中心查看。')).toEqual(['我的-个人中心']);
    expect(routes('电话银行注销—您可以通过拨打95533，选择人工服务。')).toEqual([]);
    expect(routes('快捷支付管理—快捷支付是建设银行针对第三方支付机构推出的授权支付服务。')).toEqual(
      [],
    );
    expect(routes('您可以在我的-是否公开资料中设置。')).toEqual(['我的-是否公开资料']);
  });

  it('two routes joined by 或 ("or") are two routes, neither holding the 或', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('官网包中的注销路径为：设置—用户中心—账号注销或设置—账号注销。')).toEqual([
      '设置—用户中心—账号注销',
      '设置—账号注销',
    ]);
    expect(routes('具体操作路径为：设置—应用—权限管理，或设置—隐私，或在产品中查阅。')).toEqual([
      '设置—应用—权限管理',
      '设置—隐私',
    ]);
    expect(
      routes('您可以通过登录逍遥网-个人中心-注销账户或在本产品内通过用户中心—安全中心的方式注销。'),
    ).toEqual(['逍遥网-个人中心-注销账户', '用户中心—安全中心']);
    expect(routes('Go to Me > Privacy or Settings > Security to turn it off.')).toEqual([
      'Me > Privacy',
      'Settings > Security',
    ]);
    // 或 between two actions at the end of one route splits nothing.
    expect(routes('您可以在我的-设置-开启或关闭个性化推荐。')).toEqual([
      '我的-设置-开启或关闭个性化推荐',
    ]);
  });

  it('an English label in sentence case is whole; the verb that opens the instruction is no step', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(
      routes('You can delete it under Settings → Account → Delete account, at any time.'),
    ).toEqual(['Settings → Account → Delete account']);
    expect(routes('Open Profile > Edit profile to change your name.')).toEqual([
      'Profile > Edit profile',
    ]);
    expect(routes('Tap Settings > Location services.')).toEqual(['Settings > Location services']);
    // lower-case words that go on with the sentence are no part of the label
    expect(routes('Settings > Privacy lets you choose what to share.')).toEqual([
      'Settings > Privacy',
    ]);
  });

  it('a last label ends before what is done there; a site may be the first step', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('求职者可以在我的>在线简历>性别更改性别。')).toEqual(['我的>在线简历>性别']);
    expect(routes('您可以在我的>附件简历增加新的附件简历文件。')).toEqual(['我的>附件简历']);
    expect(routes('在我的>设置>账号管理>修改手机号中更换手机号码。')).toEqual([
      '我的>设置>账号管理>修改手机号',
    ]);
    expect(routes('您可以在我的>设置>账号管理>注销账号中直接申请注销账号。')).toEqual([
      '我的>设置>账号管理>注销账号',
    ]);
    expect(routes('您可以在搜索>历史搜索中点击删除。')).toEqual(['搜索>历史搜索']);
    expect(routes('可以在www.xoyo.com-安全中心-账号安全中根据要求和步骤进行修改。')).toEqual([
      'www.xoyo.com-安全中心-账号安全',
    ]);
    // a verb that begins the page's own name stays
    expect(routes('您可以在设置-账号与安全-更换绑定手机完成修改。')).toEqual([
      '设置-账号与安全-更换绑定手机',
    ]);
  });

  it('an appendix, a consent button and a site menu glued to the text are no settings paths', () => {
    expect(targetsOf('您可通过附录-二《个人信息收集清单》查看详情。', 'settings-path')).toEqual([]);
    expect(
      targetsOf(
        'You will be asked to grant your consent by clicking the "I accept" button before you can access the site.',
        'settings-path',
      ),
    ).toEqual([]);
    expect(
      targetsOf(
        'Sell Your Apps on Amazon Become an Affiliate Advertise Your Products Self-Publish with Us ›See More Amazon Payment Products Amazon Rewards Visa Signature Cards Shop with Points Credit Card Marketplace Manage Your Account',
        'settings-path',
      ),
    ).toEqual([]);
    // a real page beside a consent word stays
    expect(
      targetsOf(
        'You can change your choices at any time in the "Privacy Settings" page.',
        'settings-path',
      ),
    ).toEqual(['Privacy Settings']);
  });

  it('a comma left inside the quotes of a page name is no part of it', () => {
    expect(targetsOf('在“账户,”功能中管理绑定的银行卡、其他账户服务；', 'settings-path')).toEqual([
      '账户',
    ]);
  });

  it('two quoted routes joined by a word are two routes', () => {
    const t = '或通过“工银e支付-支付明细”以及“安全中心-e支付安全管理”查询相关交易明细。';
    expect(routesIn(t, 0, t.length).map((r) => r.target)).toEqual([
      '工银e支付-支付明细',
      '安全中心-e支付安全管理',
    ]);
    // Quoted labels of one route stay one route.
    const u = '您可以通过"TanCloud"-"个人中心"-"账号注销"所示的流程注销账号。';
    expect(routesIn(u, 0, u.length).map((r) => r.target)).toEqual([
      '"TanCloud"-"个人中心"-"账号注销"',
    ]);
  });

  it('a numbered section of the policy is no page; a quoted menu is', () => {
    expect(
      targetsOf(
        '您可以通过“1.访问和修改您的个人信息”中列明的方式删除您的部分信息。',
        'settings-path',
      ),
    ).toEqual([]);
    expect(
      targetsOf(
        '您可在登录手机银行后，通过“消息服务定制”菜单，关闭账户变动通知服务。',
        'settings-path',
      ),
    ).toEqual(['消息服务定制']);
  });

  it('a slash joins two names of one page; a verb before the last quoted label keeps the label', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('您可以通过“我的-设置-安全中心-登录管理-指纹/面容登录”开启或关闭。')).toEqual([
      '我的-设置-安全中心-登录管理-指纹/面容登录',
    ]);
    expect(routes('您可以通过<书架/精选/发现-搜索-搜索历史>删除搜索记录。')).toEqual([
      '书架/精选/发现-搜索-搜索历史',
    ]);
    expect(routes('您可以通过“我的”—右上角“设置”—选择“清空足迹”删除浏览记录。')).toEqual([
      '“我的”—右上角“设置”—选择“清空足迹”',
    ]);
    expect(routes('修改路径为：点击头像-点击编辑按钮/拟修改内容对应区域。')).toEqual([
      '头像-点击编辑按钮',
    ]);
  });

  it('an address labelled for another desk is no privacy contact', () => {
    expect(
      targetsOf(
        'Contact us: Tel. 1-866-693-6948 Sales: sales@foxitsoftware.com Business Development: bd@foxitsoftware.com Privacy: privacy@foxitsoftware.com',
        'email',
      ),
    ).toEqual(['privacy@foxitsoftware.com']);
  });

  it('the app itself is no page of it', () => {
    expect(
      targetsOf(
        '您可以在“起点读书App”中通过路径<我的-设置-隐私设置>来控制是否需要开启个性化推荐。',
        'ad-personalization',
        'settings-path',
      ),
    ).toEqual(['我的-设置-隐私设置', '我的-设置-隐私设置']);
  });

  it('a route whose dash the text wrote with a comma for a space is still one route', () => {
    expect(
      targetsOf(
        '你可以通过客户端【设置】-,【管理个性化内容推荐】所提供的路径对个性化内容推荐功能进行开启或关闭。',
        'ad-personalization',
      ),
    ).toEqual(['【设置】-,【管理个性化内容推荐】']);
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(routes('请进入【我,-,设置,-,系统权限管理】关闭。')).toEqual([
      '我,-,设置,-,系统权限管理',
    ]);
  });

  it('a page where the user posts or keeps content is where data lives, no control', () => {
    expect(
      targetsOf(
        '对于您在「广场」中发布的文本信息，我们会进行审核，您可以根据本政策第五条删除。',
        'settings-path',
      ),
    ).toEqual([]);
    expect(
      targetsOf(
        '一旦您注销账户，我们将删除您的一切信息（例如您在“云保管”中存储的文件）。',
        'settings-path',
      ),
    ).toEqual([]);
    expect(targetsOf('您可以在「广场」中删除您发布的内容。', 'settings-path')).toEqual(['广场']);
  });

  it('a page named in title case, as a link reads, is a route', () => {
    expect(
      targetsOf(
        'You can learn more about how to opt-out of interest-based advertising by going to the Advertising Preferences page.',
        'ad-personalization',
      ),
    ).toEqual(['Advertising Preferences']);
    expect(
      targetsOf(
        "If you do not want to receive e-mail or other communications from us, please adjust your Customer Communication Preferences . If you don't want to receive in-app notifications from us, please adjust your notification settings in the app or device.",
        'unsubscribe',
      ),
    ).toEqual(['Customer Communication Preferences']);
    // the page word itself in capitals, with no lower-case one anywhere near
    expect(
      targetsOf(
        'You can opt-out of receiving marketing communications from Example Corp by going to the Example Corp Preference Center.',
        'unsubscribe',
      ),
    ).toEqual(['Example Corp Preference Center']);
    // lower-case words between the name and "page" make no title
    expect(
      targetsOf(
        "You may opt out by going to the Network Advertising Initiative's consumer opt-out page.",
        'settings-path',
      ),
    ).toEqual([]);
  });

  it('the page where others see the user is no page the user goes to', () => {
    expect(
      targetsOf(
        '如您不希望其他人在“附近的人”页面看到您，您可以在【我的】-【设置】-【消息和隐私设置】中选择关闭。',
        'settings-path',
      ),
    ).toEqual(['【我的】-【设置】-【消息和隐私设置】']);
    expect(targetsOf('您可以在“附近的人”页面中选择关闭位置展示。', 'settings-path')).toEqual([
      '附近的人',
    ]);
  });

  it('being suggested to friends is no advertising; recommendations shown to the user are', () => {
    const sentence =
      '如果您不希望被推荐给好友，可以在【我的】-【设置】-【消息和隐私设置】中选择关闭。';
    expect(targetsOf(sentence, 'ad-personalization')).toEqual([]);
    expect(targetsOf(sentence, 'settings-path')).toEqual(['【我的】-【设置】-【消息和隐私设置】']);
    expect(
      targetsOf(
        '如果您不希望我们推荐给您感兴趣的内容，可以在【我的】-【设置】-【推送设置】中选择关闭。',
        'ad-personalization',
      ),
    ).toEqual(['【我的】-【设置】-【推送设置】']);
  });

  it('a route told in steps, each page quoted, is one route', () => {
    expect(
      targetsOf(
        '您可以通过以下路径选择关闭或开启接收程序化广告：1.进入【我的】页面后,2.点击【设置】,3.点击【隐私设置】并选择关闭【程序化广告】按钮。',
        'ad-personalization',
      ),
    ).toEqual(['【我的】>【设置】>【隐私设置】']);
    expect(
      targetsOf(
        '如注销网上银行，您可登录网上银行后，进入“我的账户”菜单中的“账户管理”，选择“注销网银服务”。',
        'account-deletion',
      ),
    ).toEqual(['“我的账户”>“账户管理”>“注销网银服务”']);
    expect(
      targetsOf(
        'To delete your account, go to "Settings", then tap "Account".',
        'account-deletion',
      ),
    ).toEqual(['"Settings">"Account"']);
    // the same page named twice is one step; buttons that do the way out are no pages
    expect(
      targetsOf(
        '您可以在侧边栏点击右上角【我的】进入【我的】页面删除您的订单信息。',
        'settings-path',
      ),
    ).toEqual(['我的']);
    expect(
      targetsOf(
        'If you wish to unsubscribe, enter your email address, select "unsubscribe" and click "submit".',
        'settings-path',
        'unsubscribe',
      ),
    ).toEqual([null]);
  });

  it("a route offered as another way, after a clause of another kind, is not the first kind's", () => {
    const t =
      '如您需要撤回我行收集您的个人信息授权，您可以通过注销手机银行的方式，撤回我们继续收集您个人信息的全部授权，也可以通过“我的-设置-安全中心-授权管理”分别撤回已授权第三方收集您个人信息的授权。';
    expect(targetsOf(t, 'account-deletion')).toEqual([null]);
    expect(targetsOf(t, 'consent-withdrawal')).toEqual(['我的-设置-安全中心-授权管理']);
  });

  it('a phone number keeps its extension', () => {
    expect(
      targetsOf(
        '个人信息保护负责人联系方式为021-61870500-86018。如您有疑问，可以联系我们。',
        'phone',
      ),
    ).toEqual(['021-61870500-86018']);
    expect(targetsOf('我们的个人信息保护负责人联系方式：电话028-85437733-9。', 'phone')).toEqual([
      '028-85437733-9',
    ]);
    // Spaces turned into commas by the page's text extraction.
    expect(
      targetsOf('您可以通过客服热线向我们反映相关问题：求职者请拨打400,065,5799-4。', 'phone'),
    ).toEqual(['400,065,5799-4']);
  });

  it('a site registration number, a content-report line or a court is no way to reach us', () => {
    const phones = (text: string) => targetsOf(text, 'phone');
    expect(
      phones('如您有疑问，请联系我们：© 2021 www.app.example 京公网安备 11010802026035号'),
    ).toEqual([]);
    expect(
      phones(
        '如您有疑问，请联系我们。中央网信办违法和不良信息举报中心，违法和不良信息举报电话：010-58341833',
      ),
    ).toEqual([]);
    expect(
      phones('如您与我们产生争议，您可以向深圳市南山区人民法院提起诉讼，法院电话: 0755-86608312。'),
    ).toEqual([]);
    expect(phones('如您有疑问，请联系我们，联系电话：0755-86685111。')).toEqual(['0755-86685111']);
  });

  it('digits inside a web address are no phone number', () => {
    expect(
      targetsOf(
        '中国移动号码认证SDK，隐私政策：https://wap.cmpassport.com/resources/html/contract.html?contentId=10000009826805，如有疑问请联系客服电话400-123-4567。',
        'phone',
      ),
    ).toEqual(['400-123-4567']);
    expect(
      targetsOf(
        '隐私政策：http://terms.aliyun.com/legal/suit_bu1_ali_cloud201902141711_54837.html?spm=5176.19720258.J_92.88，您可以联系客服。',
        'phone',
      ),
    ).toEqual([]);
  });

  it("a QQ account, digits in a page's %-escaped data and a number glued to the next word", () => {
    expect(
      targetsOf('如有疑问，您可以联系我们的客服。QQ：705141382，电话：0755-86685111', 'phone'),
    ).toEqual(['0755-86685111']);
    expect(
      targetsOf(
        'Call: 1-800-982-9337 9 am - 5 pm PST %7B%22date%22%3A%22080720%22%2C%22locale%22%3A%22us%22%7D',
        'phone',
      ),
    ).toEqual(['1-800-982-9337']);
    expect(
      targetsOf('Call our customer service at 1-888-221-1161or visit our help center.', 'phone'),
    ).toEqual(['1-888-221-1161']);
  });

  it('a five-digit service line is a phone where the user is told to call it', () => {
    expect(targetsOf('如您不同意上述授权，可拨打95588客服热线进行调整或退订。', 'phone')).toEqual([
      '95588',
    ]);
    expect(targetsOf('如您需要注销账号，请联系我们。联系电话：【950618】', 'phone')).toEqual([
      '950618',
    ]);
    // Another company's line, and a number that is no line, are not.
    expect(
      targetsOf(
        '支付宝：支付宝（中国）网络技术有限公司，客服电话：95188，如需投诉请联系它。',
        'phone',
      ),
    ).toEqual([]);
    expect(targetsOf('如需删除信息，请联系客服，订单满10086元可免运费。', 'phone')).toEqual([]);
  });

  it('opting out of marketing messages is unsubscribing, not a way out of targeted ads', () => {
    const kinds = paths('You can opt out of receiving our marketing emails.').map((p) => p[0]);
    expect(kinds).toContain('unsubscribe');
    expect(kinds).not.toContain('ad-personalization');
    expect(
      paths(
        'Even if you opt out of getting marketing messages, we will still send you receipts.',
      ).map((p) => p[0]),
    ).not.toContain('ad-personalization');
    expect(
      paths('You can opt out of targeted advertising in your ad settings.').map((p) => p[0]),
    ).toContain('ad-personalization');
  });

  it('a reference to a part of the policy is no step; a label that starts with 第三方 is one', () => {
    const routes = (t: string) => routesIn(t, 0, t.length).map((r) => r.target);
    expect(
      routes(
        '您可以根据短信中的指示退订（详见本政策第六部分“您的权利”-第（三）段“改变授权范围”）。',
      ),
    ).toEqual([]);
    expect(
      routes('您可以随时在APP【设置】-【账号与安全】-【第三方绑定】取消绑定第三方账号。'),
    ).toEqual(['【设置】-【账号与安全】-【第三方绑定】']);
    // A right's name in a heading is no page.
    expect(
      routes(
        'Correct your Data - "Right to rectification": You have the right to correct your Data.',
      ),
    ).toEqual([]);
    // Where to read the list of SDKs is no way out either.
    expect(targetsOf('您可点击【第三方SDK列表】查看我们接入的SDK详情。', 'settings-path')).toEqual(
      [],
    );
  });

  it('where to read the policy itself is no way out', () => {
    expect(
      paths('你可以在登录帐号后在【我的】-【设置】-【隐私政策】页面查看本隐私政策。').map(
        (p) => p[0],
      ),
    ).not.toContain('settings-path');
    expect(
      paths('您可以在App通过以下方式查阅我们的最新的隐私政策：我的→设置→关于我们→隐私政策。').map(
        (p) => p[0],
      ),
    ).not.toContain('settings-path');
    expect(paths('您可以通过【我的】-【设置】-【注销帐号】注销您的账号。')).toContainEqual([
      'settings-path',
      '【我的】-【设置】-【注销帐号】',
    ]);
  });

  it('a 》 that closes a 《 title is not a step between pages', () => {
    const z =
      '本《隐私政策》将努力通过通俗易懂的文字，向您说明我们为您提供的访问、更新、删除这些信息的方式。';
    expect(routesIn(z, 0, z.length)).toEqual([]);
    expect(paths(z).map((p) => p[0])).not.toContain('settings-path');
    const menu = '您可以通过我的》设置》隐私关闭个性化推荐。';
    expect(routesIn(menu, 0, menu.length).map((r) => r.target)).toEqual(['我的》设置》隐私']);
  });
  it("does not take a person's own address, or the site's name, for a way to reach the company", () => {
    const emails = (text: string) => targetsOf(text, 'email');
    expect(
      emails(
        'We will not tell advertisers that his email address is jane.roe@mailbox.example. To opt out, write to privacy@shop.example.',
      ),
    ).toEqual(['privacy@shop.example']);
    expect(
      emails(
        '例如，我们不会告诉广告主您的邮箱为 zhang@mail.example。如需退订，请发送邮件至 unsub@app.example。',
      ),
    ).toEqual(['unsub@app.example']);
    const urls = (text: string) => targetsOf(text, 'url');
    expect(
      urls(
        'We respect the privacy rights of all users of the www.shop.example websites where this policy is posted. To exercise your privacy rights, visit https://shop.example/privacy-request.',
      ),
    ).toEqual(['https://shop.example/privacy-request']);
    expect(
      urls(
        '本政策适用于您访问 www.app.example 网站时我们对您个人信息的管理。如需行使您的权利，请访问 https://app.example/rights 提交申请。',
      ),
    ).toEqual(['https://app.example/rights']);
  });

  it('a web address is a way out only where the user is given something to do there', () => {
    const urls = (text: string) => targetsOf(text, 'url');
    // Items of a list whose lead addresses the user, enumerated or not.
    expect(
      urls(
        'For more information about ad choices, please visit: (a) https://ads.example/us regarding US choices; (b) https://ads.example/eu regarding EU choices; and/or (c) https://ads.example/ca regarding Canadian choices.',
      ),
    ).toEqual(['https://ads.example/us', 'https://ads.example/eu', 'https://ads.example/ca']);
    expect(
      urls(
        '您可通过以下方式注销您的账号：\n网页端（网址为https://account.app.example）【删除账号】；',
      ),
    ).toEqual(['https://account.app.example']);
    // A list of disclosures: someone else's request, and a lead that addresses no one.
    expect(
      urls(
        'We may also provide your information to: (1) a court, to comply with a subpoena; (2) a member of the public in response to his or her request for records under Directive 12, available at www.museum.example/records; (3) our auditors.',
      ),
    ).toEqual([]);
    // Rows of an SDK table that give each SDK's policy link; where the policy applies.
    expect(
      urls(
        '推送SDK，某某科技有限公司，消息推送，访问网络、读写系统设置，https://push.example/privacy\n本隐私政策适用于您通过本应用、官方网站（https://www.app.example）来访问和使用我们的产品。',
      ),
    ).toEqual([]);
    // The user's own request is still a way.
    expect(urls('To request deletion of your data, visit https://shop.example/delete.')).toEqual([
      'https://shop.example/delete',
    ]);
  });

  it('unsubscribing: the reply is the target; personalised ads and cookies are other kinds', () => {
    expect(targetsOf('如您不想接收我们的营销短信，您可以回复“TD”退订。', 'unsubscribe')).toEqual([
      '回复“TD”退订',
    ]);
    expect(
      targetsOf('To stop receiving text messages, reply STOP to any message.', 'unsubscribe'),
    ).toEqual(['reply STOP']);
    for (const text of [
      '当您希望不再接收此类个性化广告，您可以在设置页面关闭个性化广告推荐。',
      '如果您不希望自己的活动以这种方式被追踪，则可以随时通过关闭Cookie退订。',
      'You are able to opt out of receiving targeted ads by limiting ad tracking in your device settings.',
    ])
      expect(targetsOf(text, 'unsubscribe'), text).toEqual([]);
    // A mailing list one leaves is unsubscribing, whatever tracks the e-mails.
    expect(
      targetsOf(
        '如果您不希望自己的活动以这种方式被追踪，则可以随时从我们的寄信名单中退订。',
        'unsubscribe',
      ),
    ).toHaveLength(1);
  });

  it('a product route whose last label names a kind is a way of that kind too', () => {
    const t =
      '1、登录客户端，通过“我-设置-账户安全-账户注销”提交申请；\n关闭设置路径为：“我的—设置—隐私和权限设置-程序化广告”，选择关闭。';
    expect(targetsOf(t, 'account-deletion')).toEqual(['我-设置-账户安全-账户注销']);
    expect(targetsOf(t, 'ad-personalization')).toEqual(['我的—设置—隐私和权限设置-程序化广告']);
    expect(targetsOf(t, 'settings-path')).toHaveLength(2);
    // A route to another page is a settings-path only.
    const other = '您可以在“我的-设置-账号与安全-修改密码”中修改您的密码。';
    expect(targetsOf(other, 'settings-path')).toEqual(['我的-设置-账号与安全-修改密码']);
    expect(targetsOf(other, 'account-deletion', 'ad-personalization')).toEqual([]);
  });

  it('an item that opens with the way in the imperative is an instruction; its capitalised route is no menu', () => {
    const t = [
      'Your choices',
      '- Delete your account: Profile > Settings > Account > Delete Account.',
      '- Withdraw consent to health data access at any time in Apple Health > Sharing > Apps > StrideFit.',
    ].join('\n');
    expect(targetsOf(t, 'account-deletion')).toEqual([
      'Profile > Settings > Account > Delete Account',
    ]);
    expect(targetsOf(t, 'consent-withdrawal')).toEqual([
      'Apple Health > Sharing > Apps > StrideFit',
    ]);
    expect(targetsOf(t, 'settings-path')).toEqual([
      'Profile > Settings > Account > Delete Account',
      'Apple Health > Sharing > Apps > StrideFit',
    ]);
    // the verb may come before the way's phrase: "Turn off personalised ads under …"
    expect(
      targetsOf('Turn off personalised ads under Me > Settings > Ads.', 'ad-personalization'),
    ).toEqual(['Me > Settings > Ads']);
    // a gerund or a noun names the way without telling the user to take it
    expect(
      paths(
        'Deleting your account is permanent.\nAccount deletion: we delete data within 30 days.',
      ),
    ).toEqual([]);
    // a menu glued to the page is still no route
    expect(paths('Self-Publish with Us ›See More Help › Contact Us › Privacy Settings')).toEqual(
      [],
    );
  });

  it('a quoted route of capitalised labels joined by spaced dashes is a route, as translations write 我的-设置', () => {
    const t = [
      'You can turn off personalized ads in "Me - Settings - Privacy - Personalized Ad Recommendations".',
      'You can cancel your account in “Me - Settings - Account and security - Cancel Account”.',
      'You can turn off the microphone permission in your phone\'s "Settings - Apps - Permissions".',
    ].join('\n');
    expect(targetsOf(t, 'ad-personalization')).toEqual([
      'Me - Settings - Privacy - Personalized Ad Recommendations',
    ]);
    expect(targetsOf(t, 'account-deletion')).toEqual([
      'Me - Settings - Account and security - Cancel Account',
    ]);
    expect(targetsOf(t, 'browser-control')).toEqual(['Settings - Apps - Permissions']);
    // a subject line or prose in quotes is no route; nor is a dash outside quotes
    const route = (s: string) => routesIn(s, 0, s.length).map((r) => r.target);
    expect(route('send an email with the word "No email - SheKnows" in the subject field')).toEqual(
      [],
    );
    expect(route('We use "Cookies - small files" to remember you.')).toEqual([]);
    expect(route('Go to Me - Settings - Privacy to turn it off.')).toEqual([]);
    expect(route('in "Me - Settings".')).toEqual(['Me - Settings']);
  });

  it("the law's opt-out link, named for the user to use, is a web way with no target; a denial or a footer is none", () => {
    expect(
      paths(
        'California residents may opt out of the sale or sharing of their personal information by clicking the "Do Not Sell or Share My Personal Information" link at the bottom of our website.',
      ),
    ).toEqual([['url', null]]);
    expect(paths('You can also use the Your Privacy Choices link in the footer.')).toEqual([
      ['url', null],
    ]);
    // with the page's address, the address is the target
    expect(
      paths(
        'Visit https://acme.com/do-not-sell to submit a Do Not Sell My Personal Information request.',
      ),
    ).toEqual([['url', 'https://acme.com/do-not-sell']]);
    expect(
      paths('We do not sell or share your personal information, and you can ask us about it.'),
    ).toEqual([]);
    expect(
      paths('Privacy Terms of Use Cookies Do not sell my personal information AdChoices'),
    ).toEqual([]);
  });

  it('a contact page is a way like a contact e-mail; a web address ends where Chinese begins', () => {
    const urls = (text: string) => targetsOf(text, 'url');
    expect(
      urls('您可以通过以下方式与我们联系：\n3）,通过https://kf.app.example/与我们联系；'),
    ).toEqual(['https://kf.app.example/']);
    expect(
      urls(
        'If you feel we are not following this policy, you may contact us at https://help.app.example.',
      ),
    ).toEqual(['https://help.app.example']);
    expect(
      urls('您还可以随时通过访问https://help.shop.example在线客服系统或拨打客服电话与我们联系。'),
    ).toEqual(['https://help.shop.example']);
    // Sites to read about cookies are not a way to reach us.
    expect(
      urls(
        'If you have any other questions about cookies, please visit http://www.cookies.example/ or contact us as indicated below.',
      ),
    ).toEqual([]);
  });

  it('does not take the contact details of an authority the user may complain to for a way out', () => {
    const contacts = (text: string) => targetsOf(text, 'email', 'phone');
    expect(
      contacts(
        'To opt out, e-mail privacy@shop.example. You may also contact the State Attorney General’s office at: Bureau of Consumer Protection, 100 Main Street. Suite 5 Springfield Phone: (555) 486-3132 Email: help@ag.state.example',
      ),
    ).toEqual(['privacy@shop.example']);
    expect(
      contacts(
        '如需撤回同意，请发送邮件至 privacy@app.example。如您认为我们侵害了您的权益，您可以向网信部门投诉，电话：010-12345678，邮箱：jubao@gov.example。',
      ),
    ).toEqual(['privacy@app.example']);
    // A dispute-resolution body is a place to complain too.
    expect(
      targetsOf(
        'To opt out of emails, visit https://shop.example/unsubscribe. If you have an unresolved privacy concern that we have not addressed satisfactorily, please contact TRUSTe at https://feedback.trust.example/request.',
        'url',
      ),
    ).toEqual(['https://shop.example/unsubscribe']);
    // Named only in passing, or with "us" in between, the address is still the company's.
    expect(
      contacts('法律法规或监管机构另有规定的除外。个人信息保护电子邮箱地址：dp@bank.example。'),
    ).toEqual(['dp@bank.example']);
    expect(
      contacts(
        'Before you complain to the supervisory authority, please contact us at dpo@shop.example.',
      ),
    ).toEqual(['dpo@shop.example']);
  });

  it("a sentence in which the policy lists what it covers is not a way out; the policy's own sentence is", () => {
    const quotes = (text: string, kind: string) =>
      findOptOuts(buildDoc({ text }), rules)
        .find((p) => p.kind === kind)
        ?.evidence.map((e) => e.quote);
    expect(
      quotes(
        'This policy also tells you how we use cookies, and how you can contact us if you want to unsubscribe from our services. You can unsubscribe from our newsletters at any time.',
        'unsubscribe',
      ),
    ).toEqual(['You can unsubscribe from our newsletters at any time.']);
    expect(
      quotes(
        '本政策将帮助您了解我们如何使用Cookie，以及您可以如何撤回您的同意。您可以随时撤回您的同意。',
        'consent-withdrawal',
      ),
    ).toEqual(['您可以随时撤回您的同意。']);
  });

  it("the law's words on businesses at large give no way out; the service's own offer does", () => {
    const kinds = (text: string) => paths(text).map((p) => p[0]);
    expect(
      kinds(
        "Alternately, such businesses may have in place a policy not to disclose personal information of customers to third parties for the third parties' direct marketing purposes if the customer has exercised an option to opt-out of such information-sharing.",
      ),
    ).toEqual([]);
    expect(
      kinds(
        'Under the California "Shine The Light" law, California residents may opt-out of our disclosure of personal information to third parties for their direct marketing purposes.',
      ),
    ).toContain('ad-personalization');
  });
});

describe('account deletion named by its noun', () => {
  it('"the deletion of your account" and "the cancellation of your account" are ways to delete it', () => {
    expect(
      paths('You may request deletion of your account by emailing privacy@streambox.example.'),
    ).toContainEqual(['account-deletion', null]);
    expect(
      paths('You may request the cancellation of your account through in-game contact support.'),
    ).toContainEqual(['account-deletion', null]);
  });
});
