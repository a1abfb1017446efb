import { describe, expect, it } from 'vitest';
import { buildDoc } from '../../src/core/sections';
import { compileOptOutRules, findOptOuts } from '../../src/core/optout';
import { routesIn } from '../../src/core/routes';

const rules = compileOptOutRules();
const paths = (text: string) =>
  findOptOuts(buildDoc({ text }), rules).map((p) => [p.kind, p.target ?? null]);

describe('opt-out paths', () => {
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

  it('does not take an address given as an example for a way to reach anyone', () => {
    const text =
      'The information gathered includes cookies, page requests and the domain name (e.g., www.example-news.com). To opt out of tracking, visit https://optout.example.org/choices or write to privacy@example.org.';
    const targets = paths(text).map((p) => p[1]);
    expect(targets).not.toContain('www.example-news.com');
    expect(targets).toContain('https://optout.example.org/choices');
    expect(targets).toContain('privacy@example.org');
    expect(
      paths('如需退订，请发送邮件至 unsub@example.cn，邮件标题例如 user@example.com 的形式。')
        .filter((p) => p[0] === 'email')
        .map((p) => p[1]),
    ).toEqual(['unsub@example.cn']);
  });
});
