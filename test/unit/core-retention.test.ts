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

  it('does not take response deadlines, ages or dates for retention', () => {
    expect(ret('We will respond to your request within 15 days.').summary).toBe('not-stated');
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

  it('tells the other kinds apart', () => {
    expect(
      ret('We retain personal data for as long as necessary to provide the service.').summary,
    ).toBe('as-long-as-necessary');
    expect(ret('我们仅在实现目的所必需的最短期限内保存您的个人信息。').summary).toBe(
      'as-long-as-necessary',
    );
    expect(ret('We keep your data until you delete your account.').summary).toBe('until-deletion');
    expect(ret('当您注销账号后，我们将删除或匿名化处理您的个人信息。').summary).toBe(
      'until-deletion',
    );
    expect(ret('Aggregated data may be stored indefinitely.').summary).toBe('indefinite');
    expect(ret('We will permanently delete your data on request.').summary).not.toBe('indefinite');
  });

  it('summary is the most informative kind, and not-stated when silent', () => {
    const r = ret('We retain data as long as necessary. Backups are deleted after 30 days.');
    expect(r.summary).toBe('stated-period');
    expect(ret('We care about your privacy.').summary).toBe('not-stated');
  });
});
