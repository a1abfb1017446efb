import { describe, expect, it } from 'vitest';
import { optOutMatches, targetRule, targetWords, targetsMatch } from '../../src/eval/optout-match';

describe('targetsMatch', () => {
  it('e-mail: equal ignoring case (and a mailto: prefix)', () => {
    expect(targetsMatch('email', 'privacy@example.com', 'PRIVACY@Example.COM')).toBe(true);
    expect(targetsMatch('email', 'privacy@example.com', 'mailto:privacy@example.com')).toBe(true);
    expect(targetsMatch('email', 'privacy@example.com', 'support@example.com')).toBe(false);
    expect(targetsMatch('email', 'privacy@example.com', 'privacy@example.com.cn')).toBe(false);
  });

  it('URL: equal ignoring case, scheme, www. and a trailing slash', () => {
    expect(
      targetsMatch('url', 'https://www.example.com/optout/', 'http://example.com/optout'),
    ).toBe(true);
    expect(targetsMatch('url', 'https://example.com/OptOut', 'example.com/optout/')).toBe(true);
    expect(targetsMatch('url', 'https://example.com/optout', 'https://example.com/opt-out')).toBe(
      false,
    );
  });

  it('phone: equal in digits', () => {
    expect(targetsMatch('phone', '400-000-0000', '400 000 0000')).toBe(true);
    expect(targetsMatch('phone', '0731-88672100', '(0731) 8867 2100')).toBe(true);
    expect(targetsMatch('phone', '400-000-0000', '400-000-0001')).toBe(false);
  });

  it('other targets: at least half of the gold target words shared', () => {
    // gold words: me, account, and, security (4); card shares me, account, security (3 >= 2)
    expect(
      targetsMatch('settings-path', 'Me -> Account and Security', 'Me > Account & Security'),
    ).toBe(true);
    // shares only "me" (1 < 2)
    expect(targetsMatch('settings-path', 'Me -> Account and Security', 'Me -> Wallet')).toBe(false);
    // exactly half: account, and (2 >= 2)
    expect(targetsMatch('settings-path', 'Me -> Account and Security', 'Account and Privacy')).toBe(
      true,
    );
  });

  it('Chinese targets are compared by character pairs', () => {
    expect([...targetWords('设置-隐私-个性化推荐')].sort()).toEqual(
      ['设置', '隐私', '个性', '性化', '化推', '推荐'].sort(),
    );
    // shares 设置, 隐私, 个性, 性化 (4 of 6)
    expect(targetsMatch('ad-personalization', '设置-隐私-个性化推荐', '设置 > 隐私 > 个性化')).toBe(
      true,
    );
    // shares only 设置 (1 of 6)
    expect(targetsMatch('ad-personalization', '设置-隐私-个性化推荐', '设置-通用')).toBe(false);
  });

  it('a path with no target never matches a gold target', () => {
    expect(targetsMatch('settings-path', 'Me -> Account and Security', undefined)).toBe(false);
  });

  it('the rule for other kinds follows the shape of the gold target', () => {
    expect(targetRule('account-deletion', 'https://example.com/delete')).toBe('url');
    expect(targetRule('consent-withdrawal', 'privacy@example.com')).toBe('email');
    expect(targetRule('unsubscribe', '回复TD退订')).toBe('words');
    expect(targetRule('settings-path', '400-000-0000')).toBe('phone');
  });
});

describe('optOutMatches', () => {
  it('needs the same kind; a gold entry without target matches on kind alone', () => {
    expect(
      optOutMatches({ kind: 'account-deletion' }, { kind: 'account-deletion', target: 'Me' }),
    ).toBe(true);
    expect(optOutMatches({ kind: 'account-deletion' }, { kind: 'consent-withdrawal' })).toBe(false);
    expect(
      optOutMatches({ kind: 'email', target: 'a@b.com' }, { kind: 'url', target: 'a@b.com' }),
    ).toBe(false);
  });
});
