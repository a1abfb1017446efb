import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/core/sections';
import { compileRetentionRules, findRetention } from '../../src/core/retention';

const rules = compileRetentionRules();
const ret = (text: string) => findRetention(buildDoc({ text }), rules);

describe('retention', () => {
  it('reads stated periods in days', () => {
    const r = ret('Video files are retained for only 7 days. Logs are kept for six months.');
    expect(r.summary).toBe('stated-period');
    expect(r.statements.filter((s) => s.kind === 'stated-period').map((s) => s.days)).toEqual([
      7, 180,
    ]);
    expect(
      ret('我们将在您注销账号后10个工作日内删除您的个人信息。').statements.some(
        (s) => s.days === 10,
      ),
    ).toBe(true);
    expect(ret('您的个人信息保存期限为3年。').statements[0]?.days).toBe(1095);
  });

  it("an account deleted after the user's inactivity is kept for that period", () => {
    const days = (text: string) => ret(text).statements.map((s) => [s.kind, s.days ?? null]);
    expect(
      days('If you have not logged in for 24 months, we will delete your account and its content.'),
    ).toEqual([['stated-period', 720]]);
    expect(days('If you have not used the app for 2 years, we delete your data.')).toEqual([
      ['stated-period', 730],
    ]);
    expect(days('如您连续24个月未登录，我们将注销您的账号并删除相关信息。')[0]).toEqual([
      'stated-period',
      720,
    ]);
    // a denial of the period itself stays a denial
    expect(ret('We do not store your data for 90 days.').summary).toBe('not-stated');
  });

  it('data kept while the account exists is kept until deletion', () => {
    expect(ret('Account data is kept while your account exists.').summary).toBe('until-deletion');
    expect(ret('We store your photos while your account remains open.').summary).toBe(
      'until-deletion',
    );
  });

  it("a retention table's rows give their periods without a cue", () => {
    const table = (heading: string, rows: string[]) =>
      findRetention(
        buildDoc({
          blocks: [
            { kind: 'heading', text: 'Privacy Policy', level: 1 },
            { kind: 'paragraph', text: 'This policy explains how we use your personal data.' },
            { kind: 'heading', text: heading, level: 2 },
            ...rows.map((text) => ({ kind: 'table-row' as const, text })),
          ],
        }),
        rules,
      ).statements.map((st) => [st.kind, st.days ?? null]);
    expect(
      table('Retention', [
        'Data | Retention period',
        'Account information | Life of the account plus 30 days',
        'Order records | 7 years',
      ]),
    ).toEqual([
      ['stated-period', 30],
      ['stated-period', 2555],
      ['until-deletion', null],
    ]);
    expect(table('个人信息的保存期限', ['信息类型 | 保存期限', '订单信息 | 3年'])).toEqual([
      ['stated-period', 1095],
    ]);
    // the same rows under another heading say nothing of retention
    expect(table('Our offices', ['Berlin office | open 5 days a week'])).toEqual([]);
  });

  it('data overwritten on a cycle is kept for that cycle', () => {
    const r = ret('Backups are overwritten on a rolling 35-day cycle.');
    expect(r.statements.map((s) => [s.kind, s.days])).toEqual([['stated-period', 35]]);
    // Overwritten with no period says nothing of how long.
    expect(ret('Your previous edits, once overwritten, are no longer available.').summary).toBe(
      'not-stated',
    );
  });

  it('data logged for a period is kept for it; staying logged in is a session, and "every" how often', () => {
    expect(ret('We log your IP address for 7 days to fight abuse.').statements[0]?.days).toBe(7);
    for (const text of [
      'You will stay logged in for 30 days unless you log out.',
      'Log in at least once every 12 months to keep your account.',
      '我们每隔6个月清理一次保存的日志。',
    ])
      expect(ret(text).summary, text).toBe('not-stated');
    expect(ret('日志保存6个月。').statements[0]?.days).toBe(180);
  });

  it('kept until the user deletes it, in the words "至您主动删除为止"', () => {
    for (const text of [
      '您的浏览记录、搜索记录将保存至您主动删除为止。',
      '您发布的内容将一直保存，直到您注销为止。',
    ])
      expect(ret(text).summary, text).toBe('until-deletion');
  });

  it('"所必须的期间" (as written for 所必需) is as long as necessary', () => {
    expect(
      ret('保存期限将以不超过为您提供服务所必须的期间为原则。').statements.map((s) => s.kind),
    ).toEqual(['as-long-as-necessary']);
  });

  it('what the law permits is a period only where data is kept under it, not a legal basis', () => {
    const kinds = (text: string) => ret(text).statements.map((s) => s.kind);
    for (const text of [
      'In such cases, the storage and processing of your data is permitted by law without your consent.',
      "Deletion of your personal information may be denied if it would violate another person's rights or as otherwise permitted by applicable law.",
    ])
      expect(kinds(text), text).toEqual([]);
    expect(kinds('We may retain your information as permitted by law.')).toEqual([
      'as-long-as-necessary',
    ]);
    expect(kinds('We store data only as long as required or permitted by law.')).toEqual([
      'as-long-as-necessary',
    ]);
  });

  it("the life of the user's account or membership is until-deletion, not a purpose's need", () => {
    const kinds = (text: string) => ret(text).statements.map((s) => s.kind);
    for (const text of [
      'We keep most personal information for as long as you are an active user of our products.',
      'Period of storage: until you send a deletion request.',
      'We retain your information while you are a registered user.',
    ])
      expect(kinds(text), text).toEqual(['until-deletion']);
    expect(
      kinds(
        'We retain your data for as long as your account is active or as needed to provide you the Service.',
      ),
    ).toEqual(['until-deletion', 'as-long-as-necessary']);
    expect(
      kinds(
        'We also keep a permanent record of the fact that you asked us not to send you marketing.',
      ),
    ).toEqual(['indefinite']);
  });

  it('a breach named as the ground for erasure is no retention statement', () => {
    const zh = [
      '在以下情形中，您可以向我们提出删除个人信息的请求：',
      '（3）若我们超出目的范围或者必要期限收集、存储、使用您的个人信息；',
      '（4）如果我们违反法律法规的规定保存您的个人信息。',
    ].join('\n');
    expect(ret(zh).summary).toBe('not-stated');
    const en =
      'You may ask us to erase your data: (a) if we have kept your data longer than necessary for the purposes above.';
    expect(ret(en).summary).toBe('not-stated');
    // The service's own practice is still read.
    expect(ret('我们仅在实现目的所必需的期限内存储您的个人信息。').summary).toBe(
      'as-long-as-necessary',
    );
  });

  it('does not take response deadlines, ages or dates for retention', () => {
    expect(ret('We will respond to your request within 15 days.').summary).toBe('not-stated');
    // a shop's "In-Store" or the "App Store" is no storing
    expect(
      ret(
        'By toll-free telephone: 1-866-480-3565 Free In-Store Pickup Free One Year Returns Apply.',
      ).summary,
    ).toBe('not-stated');
    expect(ret('Ratings in the App Store are shown for one year.').summary).toBe('not-stated');
    expect(ret('We store your order history for one year.').statements[0]?.days).toBe(365);
    expect(ret('我们将在十五天内予以回复。').summary).toBe('not-stated');
    expect(
      ret('We do not knowingly store data of children under 13 years of age.').statements.some(
        (s) => s.days,
      ),
    ).toBe(false);
    expect(
      ret('本政策更新日期：2022 年 02 月 17 日。我们会保存您的信息。').statements.some(
        (s) => s.days,
      ),
    ).toBe(false);
  });

  it('the policy called a notice, or purposes to fulfil, make no deadline of a period', () => {
    const days = (text: string) =>
      ret(text)
        .statements.map((s) => s.days)
        .filter(Boolean);
    expect(
      days(
        'We retain personal information for as long as needed to fulfil the purposes described in this notice, for example order records are kept for seven years for tax purposes.',
      ),
    ).toEqual([2555]);
    expect(
      days(
        'Records of identity checks will be retained for 10 years to fulfil our regulatory obligations.',
      ),
    ).toEqual([3650]);
    // Replies, fulfilled requests and notices given ahead stay deadlines.
    expect(days('We will fulfil your request within 45 days.')).toEqual([]);
    expect(days('Requests are fulfilled within 30 days.')).toEqual([]);
    expect(days('The deletion request will be processed within 30 days at the latest.')).toEqual(
      [],
    );
    expect(days("We will give you 30 days' notice before we delete your data.")).toEqual([]);
  });

  it('a look-back period of a rights notice, or a site menu, is no retention period', () => {
    expect(
      ret(
        'We collect and store the following categories of Personal Information, and in the preceding 12 months we have disclosed them for a business purpose.',
      ).summary,
    ).toBe('not-stated');
    expect(
      ret(
        'You have the right to request the categories of data we retained and deleted over the past twelve months.',
      ).summary,
    ).toBe('not-stated');
    expect(
      ret(
        'Gift Cards Kindle Store Luggage Delete Subscriptions Prime Video Stores Two Hour Delivery Movies',
      ).summary,
    ).toBe('not-stated');
    // A removal that takes days after the request is how long the data stays (OPP-115 labels it so).
    expect(
      ret('Please allow 10 days for your email to be removed from our marketing database.')
        .statements[0]?.days,
    ).toBe(10);
  });

  it('data deleted permanently is not data kept permanently', () => {
    expect(
      ret(
        'Electronic files which contain personal information will be deleted permanently using a technical method.',
      ).statements.some((s) => s.kind === 'indefinite'),
    ).toBe(false);
    expect(ret('We may store the information we hold about you indefinitely.').summary).toBe(
      'indefinite',
    );
  });

  it('a range gives both of its bounds', () => {
    const days = (text: string) =>
      ret(text)
        .statements.filter((s) => s.kind === 'stated-period' && s.days !== undefined)
        .map((s) => s.days);
    expect(days('The deadlines for storing documents are two to ten years.')).toEqual([730, 3650]);
    expect(days('Logs are retained for 30-90 days.')).toEqual([30, 90]);
    expect(days('您的交易信息保存期限为3至5年。')).toEqual([1095, 1825]);
  });

  it('tells the other kinds apart', () => {
    expect(
      ret('We will save your e-mail address and the time of registration until you unsubscribe.')
        .summary,
    ).toBe('until-deletion');
    expect(
      ret('We retain personal data for as long as necessary to provide the service.').summary,
    ).toBe('as-long-as-necessary');
    expect(ret('我们仅在实现目的所必需的最短期限内保存您的个人信息。').summary).toBe(
      'as-long-as-necessary',
    );
    expect(ret('我们仅在本政策所述目的所必需且最短时限内存储您的信息。').summary).toBe(
      'as-long-as-necessary',
    );
    expect(
      ret(
        '我们仅在您使用服务期间和法律法规要求的最短时限内保留您的个人信息，浏览记录的存储期限不会超过1个月。',
      ).statements.map((s) => s.kind),
    ).toEqual(['stated-period', 'as-long-as-necessary']);
    expect(ret('We keep your data until you delete your account.').summary).toBe('until-deletion');
    expect(ret('当您注销账号后，我们将删除或匿名化处理您的个人信息。').summary).toBe(
      'until-deletion',
    );
    expect(ret('Aggregated data may be stored indefinitely.').summary).toBe('indefinite');
    expect(ret('We will permanently delete your data on request.').summary).not.toBe('indefinite');
  });

  it('a duty to retain, or "for a certain time" without a number, is as long as necessary', () => {
    expect(
      ret(
        'Please note that we may be required to keep this information (or to keep it for a certain time) before we delete it.',
      ).summary,
    ).toBe('as-long-as-necessary');
    expect(ret('We may be required to retain some records by law.').summary).toBe(
      'as-long-as-necessary',
    );
    // Keeping data confidential is a duty, but not about how long it is kept.
    expect(
      ret('Our service providers are obligated to keep this information confidential.').summary,
    ).toBe('not-stated');
  });

  it('a statement that introduces its examples is no label; 所必须的期限 is the necessary period', () => {
    const kinds = (text: string) => ret(text).statements.map((s) => s.kind);
    expect(
      kinds(
        '2.我行仅在本政策所述目的所必需期间和法律法规及监管要求的时限内保留您的个人信息,例如：',
      ),
    ).toEqual(['as-long-as-necessary']);
    expect(
      kinds('We keep your data only as long as necessary for the purpose, for example:'),
    ).toEqual(['as-long-as-necessary']);
    // a label before its items says nothing itself
    expect(kinds('Retention as long as necessary:')).toEqual([]);
    expect(kinds('我们存储儿童个人信息不会超过实现信息收集、使用目的所必须的期限。')).toEqual([
      'as-long-as-necessary',
    ]);
    expect(
      kinds('我行仅在为实现本政策的目的所必须的最低时限内，确定您个人信息的最长储存期限。'),
    ).toEqual(['as-long-as-necessary']);
  });

  it('summary is the most informative kind, and not-stated when silent', () => {
    const r = ret('We retain data as long as necessary. Backups are deleted after 30 days.');
    expect(r.summary).toBe('stated-period');
    expect(ret('We care about your privacy.').summary).toBe('not-stated');
  });

  it('quotes the erasure when it comes in the sentence after the account closure', () => {
    const quotes = (text: string) =>
      ret(text)
        .statements.filter((s) => s.kind === 'until-deletion')
        .flatMap((s) => s.evidence.map((e) => e.quote));
    expect(
      quotes(
        '当您注销账号后，您将无法再以该账号登录和使用我们的产品与服务；\n该账号下的内容、信息、数据将会被删除或匿名化处理。',
      ),
    ).toEqual(['该账号下的内容、信息、数据将会被删除或匿名化处理。']);
    // A next sentence that names the closure itself is its own statement; the
    // verification step before it is not a retention statement.
    expect(
      quotes(
        '在您申请账号注销时，我们将对您的身份进行验证。\n完成账号注销后，您在该账号下的个人信息将进行删除或匿名化处理。',
      ),
    ).toEqual(['完成账号注销后，您在该账号下的个人信息将进行删除或匿名化处理。']);
    // What else the closure loses (unused benefits) is cleared too, but only the
    // erasure of data is retention; it may come a sentence later.
    expect(
      quotes(
        '当您注销账号后，您将无法再登录；\n且该账号已产生但未消耗完毕的权益等全部权益将被清除；\n该账号下的内容、信息、记录等将会被删除或匿名化处理。',
      ),
    ).toEqual(['该账号下的内容、信息、记录等将会被删除或匿名化处理。']);
    expect(quotes('当您注销账号后，您将无法再登录；\n且该账号下的全部权益将被清除。')).toEqual([]);
    expect(quotes('注销账号后，该账号的全部权益将被清除。')).toEqual([]);
    expect(quotes('After you close your account, your information will be deleted.')).toHaveLength(
      1,
    );
  });

  it('does not take service hours for a retention period', () => {
    expect(
      ret(
        '您可以授权我们将您的人脸信息保存至信息库，可实现7*24小时人脸识别认证服务。',
      ).statements.some((s) => s.days),
    ).toBe(false);
    expect(
      ret('Our support team stores your tickets and is available 24 hours a day.').statements.some(
        (s) => s.days,
      ),
    ).toBe(false);
    // a real 24-hour period still counts
    expect(ret('Chat messages are stored for 24 hours and then deleted.').statements[0]?.days).toBe(
      1,
    );
  });
});
