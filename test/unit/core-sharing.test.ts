import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/core/sections';
import { compileSharingRules, findSharing } from '../../src/core/sharing';
import { htmlInput } from '../../src/cli/load';

const rules = compileSharingRules();
const flags = (text: string) => {
  const f = findSharing(buildDoc({ text }), rules);
  return Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
};

describe('sharing flags', () => {
  it('reads practices', () => {
    expect(
      flags('We share device identifiers with advertising partners to show you targeted ads.')
        .advertising,
    ).toBe(true);
    expect(flags('We may sell your personal information to data brokers.').sale).toBe(true);
    expect(
      flags('Your data may be transferred to and stored in countries outside your country.')
        .crossBorder,
    ).toBe(true);
    expect(flags('We may share information with our affiliates and subsidiaries.').affiliates).toBe(
      true,
    );
    expect(flags('我们会将您的个人信息提供给关联公司。').affiliates).toBe(true);
    expect(flags('我们仅会在以下情况下，公开披露您的个人信息。').publicDisclosure).toBe(true);
  });

  it('a transfer abroad in the "if" clause of a Chinese conditional is hypothetical', () => {
    expect(
      flags(
        '本公司会将个人信息存储于中华人民共和国境内，且不会向境外传输。如本公司因业务发展需要，需向境外进行传输的，将明确告知并征得您的同意。',
      ).crossBorder,
    ).toBe(false);
    for (const text of [
      '如果我们向境外传输，我们将会遵循相关国家规定或者征求您的同意。',
      '若我们需向境外合作方传输您的个人信息，我们也将采取合理且必要的措施。',
      '如在符合适用法律规定的情形下因业务需要向境外传输个人信息的，我们会事先征得您的同意，向您告知用户信息出境的目的、接收方等情况。',
      '我们将采取必要措施，保障境外接收方处理个人信息的活动达到中国法律规定的个人信息保护标准。',
    ])
      expect(flags(text).crossBorder, text).toBe(false);
    // a practice with the same words, or "if you use" opening a real transfer, stays true
    expect(flags('我们会将您的订单信息传输至境外的合作方，以完成跨境配送。').crossBorder).toBe(
      true,
    );
    expect(
      flags('如您使用跨境购服务，我们会将您的订单信息提供给境外商家，以完成配送。').crossBorder,
    ).toBe(true);
  });

  it('a headquarters abroad reaching data held in China from afar is a cross-border transfer', () => {
    expect(
      flags(
        '在符合相关法律法规规定的情况下，我们的全球总部基于提高管理效率等目的，可能会远程获取中国境内用户的相关信息。',
      ).crossBorder,
    ).toBe(true);
    expect(flags('我们的海外团队可能远程访问存储在中国境内的服务器。').crossBorder).toBe(true);
    // remote help on the user's own device goes nowhere
    expect(flags('客服人员可能通过远程协助查看您的设备，以解决问题。').crossBorder).toBe(false);
  });

  it('reads what users post becoming public, and transfers out of the state or country', () => {
    for (const text of [
      'Comments you provide may be published on the Site at the discretion of the editors.',
      'Content you post on message boards becomes available to the public.',
      'Public activity on your account will remain accessible to the public after deletion.',
    ])
      expect(flags(text).publicDisclosure, text).toBe(true);
    for (const text of [
      'We do not make your profile available to the public.',
      'Any changes to this policy will be published on the Site.',
    ])
      expect(flags(text).publicDisclosure, text).toBe(false);
    expect(
      flags(
        'Your information may be transferred to computers located outside of the state, province, country or other jurisdiction in which you reside.',
      ).crossBorder,
    ).toBe(true);
    expect(flags('Visitors from outside the state may buy tickets at the door.').crossBorder).toBe(
      false,
    );
  });

  it('takes advertisers for advertising only when data goes to them or is used by them', () => {
    const ad = (text: string) => flags(text).advertising;
    expect(ad('We may share your information with advertisers.')).toBe(true);
    expect(ad('Advertisers may use cookies to collect information about your visits.')).toBe(true);
    expect(ad('We use statistics to inform advertisers about the nature of our audience.')).toBe(
      true,
    );
    // advertisers as a source of data, or as sites one may link to
    expect(
      ad('We may receive your non-personal data from analytics or advertisers providers.'),
    ).toBe(false);
    expect(
      ad('You may link to third party websites, advertisers, vendor products and social networks.'),
    ).toBe(false);
  });

  it('does not take contests, legal rights to ask or menu items for advertising', () => {
    const ad = (text: string) => flags(text).advertising;
    expect(
      ad('You may enter contests, sweepstakes and other promotions sponsored by our partners.'),
    ).toBe(false);
    expect(
      ad(
        'California Civil Code Section 1798.83 permits California residents to request certain information regarding our disclosure of personal information to third parties for their direct marketing purposes.',
      ),
    ).toBe(false);
    expect(
      ad(
        'Skip to main content Sign up Open menu Terms Privacy Community Merchant Advertising Developers Copyright Trademark This policy explains how we use data',
      ),
    ).toBe(false);
    expect(ad('We use Google Ads, Facebook Pixel and DoubleClick to show you ads.')).toBe(true);
    expect(ad('We share promotional offers data with third parties for their marketing.')).toBe(
      true,
    );
  });

  it('sharing the law may count as a sale is a sale that may happen', () => {
    expect(
      flags(
        'Sharing your advertising identifier with ad networks may be a "sale" or "sharing" under the California Consumer Privacy Act.',
      ).sale,
    ).toBe(true);
    expect(flags('This use of cookies may constitute a “sale” under California law.').sale).toBe(
      true,
    );
    expect(
      flags(
        'We do not engage in any activity that would be considered a sale of personal information.',
      ).sale,
    ).toBe(false);
    // a sale event of the shop is no sale of data
    expect(flags('There will be a sale on all shoes this weekend.').sale).toBe(false);
  });

  it("a denial for children's data only is no denial for everyone's", () => {
    const f = findSharing(
      buildDoc({
        text: 'We do not sell or share the personal information of consumers we know to be under 16.',
      }),
      rules,
    );
    expect(f.sale.value).toBe(false);
    expect(f.sale.denials).toBeUndefined();
    expect(
      findSharing(buildDoc({ text: 'We do not sell your personal information.' }), rules).sale
        .denials?.length,
    ).toBe(1);
    expect(
      findSharing(buildDoc({ text: '我们不会将儿童个人信息用于个性化广告。' }), rules).advertising
        .denials,
    ).toBeUndefined();
    // everyone's data denied, children's named too: still a denial
    expect(
      findSharing(
        buildDoc({
          text: 'We do not sell your personal information, including that of children under 16.',
        }),
        rules,
      ).sale.denials?.length,
    ).toBe(1);
  });

  it('reads denials as no', () => {
    expect(flags('We do not sell your personal information.').sale).toBe(false);
    expect(flags('我们不会出售您的个人信息。').sale).toBe(false);
    expect(
      flags('We will not sell, rent or trade your data without your prior permission.').sale,
    ).toBe(false);
    expect(
      flags('In principle, we will not transfer the above information abroad.').crossBorder,
    ).toBe(false);
    expect(flags('We do not use your data for advertising.').advertising).toBe(false);
  });

  it('keeps denials as reassurance', () => {
    const f = findSharing(buildDoc({ text: 'We never sell your personal data.' }), rules);
    expect(f.sale.value).toBe(false);
    expect(f.sale.denials?.[0]?.quote).toBe('We never sell your personal data.');
  });

  it('affiliates count where data goes to or is handled by them', () => {
    expect(
      flags('We may share your information with other adidas Group entities for customer service.')
        .affiliates,
    ).toBe(true);
    expect(flags('关联公司：指与我们存在关联关系的公司的单称或合称。').affiliates).toBe(false);
    expect(
      flags('This statement sets forth the practices of Example LLC and its affiliates.')
        .affiliates,
    ).toBe(false);
    expect(
      flags('We track traffic directed to our site from affiliate web sites.').affiliates,
    ).toBe(false);
    // who provides an SDK or the service, with its affiliates, shares nothing with the group
    expect(
      flags(
        '我们使用了华为推送SDK，该SDK由华为终端有限公司及其关联公司提供，需要采集您的设备标识。',
      ).affiliates,
    ).toBe(false);
    expect(
      flags('韩站是由重庆宝上云科技有限公司及其关联公司在内的企业提供的互联网服务。').affiliates,
    ).toBe(false);
    expect(flags('我们可能会将您的个人信息提供给我们的关联公司。').affiliates).toBe(true);
  });

  it('a sentence that states the practice is quoted before one that only excepts it from a denial', () => {
    const f = findSharing(
      buildDoc({
        text: '1.我行不会公开披露您的个人信息，如确需披露，我行会事先征得您的明示同意。2.请您理解，在法律、法律程序、诉讼或政府主管部门强制性要求的情况下，我行可能会公开披露您的个人信息。',
      }),
      rules,
    ).publicDisclosure;
    expect(f.value).toBe(true);
    expect(f.evidence.map((e) => e.quote.slice(0, 6))).toEqual(['2.请您理解', '1.我行不会']);
  });

  it('data processed outside the country where the user lives is a transfer abroad', () => {
    expect(
      flags(
        'We maintain servers around the world and your information may be processed on servers located outside of the country where you live.',
      ).crossBorder,
    ).toBe(true);
  });

  it('a transfer abroad only "if it is ever needed" states no practice; one the service needs does', () => {
    for (const text of [
      '如果确有必要进行数据的跨境传输，我们会单独向您明确告知并征得您的授权同意。',
      '如果需要将您的个人信息转移到境外，我们将另行获得您的授权同意。',
      '如果我们因业务需求等特殊情况下，确需向中华人民共和国境外提供您的个人信息的，我们将事先取得您的单独同意。',
    ])
      expect(flags(text).crossBorder, text).toBe(false);
    expect(
      flags('您使用的产品、服务涉及跨境，我们需要向境外提供您的个人信息的。').crossBorder,
    ).toBe(true);
  });

  it('an overseas document or a person in another country is no transfer of data', () => {
    expect(flags('为完成认证，我们需要您提供海外新证件的正反面照片。').crossBorder).toBe(false);
    expect(
      flags(
        'If your child under 13 in the United States has provided us with personal information, contact us.',
      ).crossBorder,
    ).toBe(false);
    expect(
      flags('Your personal information will be transferred to the United States.').crossBorder,
    ).toBe(true);
  });

  it('a foreign website, phone or IP region, or a change of the outbound situation, is no transfer', () => {
    for (const text of [
      '官网链接：https://github.com/zxing/zxing（该网站为境外网站，可能无法直接访问）',
      '我们需要处理您的账号信息，在您的主页展示IP地址归属地，境内展示对应的省级信息，境外展示对应的国家信息。',
      '在境外手机登录场景时，我们需要处理您的真实姓名及身份证号码信息。',
      '如发生个人信息出境情况变更、使用目的变更等情形，我们将对本政策进行修订并向您告知。',
      '5.个人信息出境情况发生变更时，我们会向您传递通知。',
    ])
      expect(flags(text).crossBorder, text).toBe(false);
    expect(
      flags('如您使用跨境交易服务，需要向境外传输您的个人信息的，我们会单独获取您的同意。')
        .crossBorder,
    ).toBe(true);
  });

  it('an advertising identifier collected is not advertising', () => {
    for (const text of [
      '我们需要收集您的设备信息，包括：唯一设备识别符（IMEI）、MAC地址、广告标识符、设备型号。',
      'We collect the hardware model, device memory, advertising identifiers and time zone.',
      'We collect your IP address and mobile device identifiers (such as your advertising ID).',
    ])
      expect(flags(text).advertising, text).toBe(false);
    expect(
      flags('We use your advertising ID to show you personalised ads on other apps.').advertising,
    ).toBe(true);
  });

  it('advertising filtered out of what users post is not advertising', () => {
    for (const text of [
      '我们可能会收集并保存您发送的上述信息内容用于过滤色情、暴力、政治、辱骂、恶意广告等不当内容，以此净化游戏环境。',
      'We scan messages you send to other players to remove spam advertising and malicious ads.',
    ])
      expect(flags(text).advertising, text).toBe(false);
    expect(
      flags('我们会收集您的设备信息用于过滤恶意广告，并向您展示个性化广告。').advertising,
    ).toBe(true);
  });

  it('public disclosure is not read from a safeguard, a breach, a change list or a scope statement', () => {
    for (const text of [
      '我们已使用符合业界标准的安全防护措施保护您提供的个人信息，防止数据遭到未经授权访问、公开披露、使用、修改、损坏或丢失。',
      '如果我们的管理防护设施遭到破坏，导致信息被非授权访问、公开披露、篡改，我们将承担相应的法律责任。',
      '（3）个人信息共享、转让或公开披露的主要对象发生变化；',
      '我们制定本政策，以便您了解我们如何收集、使用、共享、转让、公开披露您的个人信息。',
      '您可通过Soul网站上公示的其他联系方式与我们联系。',
      'We take steps to prevent children from posting or publicly disclosing personal information.',
      'In some circumstances, we also collect information about you from publicly accessible sources.',
    ])
      expect(flags(text).publicDisclosure, text).toBe(false);
    expect(flags('在信息板发布信息时请注意，所发布的信息将在互联网公开。').publicDisclosure).toBe(
      true,
    );
    // The "公开披露" heading beside "共享" and "转移" (not only "转让") names the practice.
    const f = findSharing(
      buildDoc({
        text: '4.2 共享\n\n我们会与合作伙伴共享必要的信息。\n\n4.3 转移\n\n合并时信息可能随之转移。\n\n4.4 公开披露\n\n我们不会公开我们所处理的您的个人信息，除非取得您单独同意。',
      }),
      rules,
    ).publicDisclosure;
    expect(f.value).toBe(true);
    expect(f.evidence[0]?.quote).toContain('除非取得您单独同意');
  });

  it('quotes a statement of advertising before a sentence where the user turns it off', () => {
    const text = [
      'You may turn off personalized ads in the app.',
      'To disable targeted ads, reset your advertising identifier.',
      'We share information with advertising partners who use it to show you ads based on your interests.',
    ].join('\n');
    const ad = findSharing(buildDoc({ text }), rules).advertising;
    expect(ad.value).toBe(true);
    expect(ad.evidence.map((e) => e.quote)).toEqual([
      'We share information with advertising partners who use it to show you ads based on your interests.',
      'You may turn off personalized ads in the app.',
      'To disable targeted ads, reset your advertising identifier.',
    ]);
    // A sentence of control alone still shows the practice.
    expect(flags('您可以在设置中关闭我们向您展示的个性化广告。').advertising).toBe(true);
  });

  it('quotes a statement of advertising before one that names only marketing', () => {
    const text = [
      'We use information to personalize your experience and send you marketing communications.',
      'We and our advertising partners use cookies to deliver interest-based advertising on other websites.',
    ].join('\n');
    expect(findSharing(buildDoc({ text }), rules).advertising.evidence.map((e) => e.quote)).toEqual(
      [
        'We and our advertising partners use cookies to deliver interest-based advertising on other websites.',
        'We use information to personalize your experience and send you marketing communications.',
      ],
    );
  });

  it('a sale needs data as what is sold', () => {
    // Data sold or rented, actively, passively, or named before the verb.
    for (const text of [
      'We may rent, sell, or share your information with non-affiliated third parties.',
      'You can remove your name from lists we sell or rent to third parties.',
      'We reserve the right to sell aggregated, anonymous data about our users.',
      '我们可能会出售您的个人信息。',
      // The law's word in quotes, straight or typographic.
      'Our use of advertising cookies may be considered a "sale" of personal information.',
      'Under California law, our use of cookies may be a “sale” or “sharing” of personal information.',
      // The categories the law names: identifiers, internet activity.
      'In the preceding 12 months, we have "sold" or "shared" identifiers and internet activity with advertising partners.',
    ])
      expect(flags(text).sale, text).toBe(true);
    // The law's link is named, not denied: the sale is neither stated nor denied by it.
    const link = findSharing(
      buildDoc({
        text: 'Privacy Terms Cookies Do not sell my personal information AdChoices\n\nYou may use the "Do Not Sell or Share My Personal Information" link.',
      }),
      rules,
    ).sale;
    expect([link.value, link.denials ?? []]).toEqual([false, []]);
    // Products, services, a business or its assets are not data; nor a rights notice,
    // a corporate transaction, or a restriction on others.
    for (const text of [
      'If you purchase a product sold through our store, we may collect your name and mailing address.',
      'We sell children’s products for purchase by adults.',
      'For example, if part of our business is sold we may give our customer list as part of that transaction.',
      'In the event of bankruptcy, our liquidator may sell such information as an asset.',
      'California residents have the right to opt out of the sale of personal information.',
      'Under Nevada law, Nevada residents who have purchased goods from us may opt out of the "sale" of "covered information".',
      'We will respect your decision to opt out for at least 12 months before asking you again to authorize the sale of your personal information.',
      'Vendors are restricted from using, selling or altering this data.',
      'We do not engage in the “sale” of personal information.',
      // A reader buying something is no sale of data.
      'If you buy the ad-free version, payment is handled by Google Play; we only receive the order number.',
      'You can buy your tickets in the app.',
      'You may opt out of the “sale” or “sharing” of your personal information.',
      'We dont sell or profit from the information you provide.',
      '如果我们决定将某产品线出售，我们同时会将您的个人信息转移给第三方。',
      '作为卖家时，您可以查阅您出售的商品订单信息。',
    ])
      expect(flags(text).sale, text).toBe(false);
  });

  it('does not read near-misses', () => {
    expect(
      flags('In the event of a merger or sale of all of our assets, data may be transferred.').sale,
    ).toBe(false);
    expect(flags('当您提出售后申请时，我们需要核验您的身份。').sale).toBe(false);
    expect(
      flags('If, in the future, we need to transfer data abroad, we will ask for your consent.')
        .crossBorder,
    ).toBe(false);
    expect(
      flags('Information made public by yourself may be collected without consent.')
        .publicDisclosure,
    ).toBe(false);
  });
});

describe('navigation text', () => {
  it('is not a statement of practice', () => {
    expect(flags('Toggle navigation HOME ADVERTISING BLOG JOBS FAQ CONTACT').advertising).toBe(
      false,
    );
    expect(flags('Sign Up Terms Privacy Community Merchant Advertising').advertising).toBe(false);
    expect(flags('We Show Ads Based On Your Activity.').advertising).toBe(false);
    expect(
      flags('We show ads based on your activity and share data with advertisers.').advertising,
    ).toBe(true);
  });
});

describe('a table column of sales', () => {
  const sale = (input: Parameters<typeof buildDoc>[0]) => findSharing(buildDoc(input), rules).sale;
  const table = (
    sold: string[],
  ) => `<html><body><main><h1>Privacy Notice for California Residents</h1>
<p>This notice describes the personal information we collected in the last 12 months.</p>
<table><tr><th>Category</th><th>Examples</th><th>Collected</th><th>Sold or shared</th></tr>
<tr><td>Identifiers</td><td>Name, email address, IP address</td><td>Yes</td><td>${sold[0]}</td></tr>
<tr><td>Geolocation data</td><td>Approximate location</td><td>Yes</td><td>${sold[1]}</td></tr>
</table></main></body></html>`;

  it('a row marked Yes under "Sold or shared" is a sale, quoted by its row', () => {
    const f = sale(htmlInput(table(['No', 'Yes'])).input);
    expect(f.value).toBe(true);
    expect(f.evidence.map((e) => e.quote)).toEqual([
      'Geolocation data | Approximate location | Yes | Yes',
    ]);
  });

  it('rows all marked No are denials, and the Collected column is not read as sales', () => {
    const f = sale(htmlInput(table(['No', 'No'])).input);
    expect(f.value).toBe(false);
    expect(f.denials?.length).toBe(2);
  });

  it('reads a Markdown table in a text file, and stops at the end of the table', () => {
    const text = [
      'Privacy notice',
      '| Category | Sold in the last 12 months? |',
      '| --- | --- |',
      '| Identifiers | Yes |',
      '',
      '| Product | Price |',
      '| Yes | 12 |',
    ].join('\n');
    const f = sale({ text });
    expect(f.evidence.map((e) => e.quote)).toEqual(['| Identifiers | Yes |']);
  });

  it('reads a Chinese table whose header asks 是否出售 and whose cells say 是 or 否', () => {
    const html = `<html><body><main><h1>个人信息保护政策</h1>
<p>下表列出我们收集的个人信息类别。</p>
<table><tr><th>信息类别</th><th>示例</th><th>是否出售</th></tr>
<tr><td>设备信息</td><td>设备型号、操作系统版本</td><td>否</td></tr>
<tr><td>位置信息</td><td>大致位置</td><td>是</td></tr>
</table></main></body></html>`;
    const f = sale(htmlInput(html).input);
    expect(f.value).toBe(true);
    expect(f.evidence.map((e) => e.quote)).toEqual(['位置信息 | 大致位置 | 是']);
    const none = sale(htmlInput(html.replace('<td>是</td>', '<td>否</td>')).input);
    expect(none.value).toBe(false);
    expect(none.denials?.map((e) => e.quote)).toEqual([
      '设备信息 | 设备型号、操作系统版本 | 否',
      '位置信息 | 大致位置 | 否',
    ]);
  });
});

describe('a table column of sharing for advertising', () => {
  it('a row marked Yes under "Shared for cross-context behavioral advertising" is advertising', () => {
    const html = `<html><body><main><h1>Privacy Notice for California Residents</h1>
<p>This notice describes the personal information we collected in the last 12 months.</p>
<table><tr><th>Category</th><th>Recipients</th><th>Sold</th><th>Shared for cross-context behavioral advertising</th></tr>
<tr><td>Identifiers</td><td>Analytics providers</td><td>No</td><td>Yes</td></tr>
<tr><td>Precise geolocation</td><td>Service providers</td><td>No</td><td>No</td></tr>
</table></main></body></html>`;
    const f = findSharing(buildDoc(htmlInput(html).input), rules);
    expect(f.advertising.value).toBe(true);
    expect(f.advertising.evidence.map((e) => e.quote)).toEqual([
      'Identifiers | Analytics providers | No | Yes',
    ]);
    expect(f.sale.value).toBe(false);
    const none = findSharing(
      buildDoc(htmlInput(html.replace('<td>Yes</td>', '<td>No</td>')).input),
      rules,
    );
    expect(none.advertising.value).toBe(false);
  });
});
