import { describe, expect, it } from 'vitest';
import { compareNormalised, matchNames, normaliseName } from '../../src/eval/names';

describe('normaliseName', () => {
  it('lower-cases, removes "sdk", spaces and punctuation', () => {
    expect(normaliseName('UMeng SDK')).toBe('umeng');
    expect(normaliseName('Alliance +SDK')).toBe('alliance');
    expect(normaliseName('Tencent Youlianghui SDK')).toBe('tencentyoulianghui');
    expect(normaliseName('U-App')).toBe('uapp');
  });

  it('turns full-width forms into half-width ones', () => {
    expect(normaliseName('Ｔａｌｋｉｎｇ　Ｄａｔａ')).toBe('talkingdata');
    expect(normaliseName('友盟＋ＳＤＫ')).toBe('友盟');
  });
});

describe('compareNormalised', () => {
  it('equal names match exactly', () => {
    expect(compareNormalised('umeng', 'umeng')).toBe('exact');
  });

  it('containment needs 4 Latin letters or 2 CJK characters in the shorter name', () => {
    expect(compareNormalised('google', 'googleanalytics')).toBe('contains');
    expect(compareNormalised('googleanalytics', 'google')).toBe('contains');
    expect(compareNormalised('jpus', 'jpush')).toBe('contains');
    expect(compareNormalised('jd', 'jdunion')).toBeNull();
    expect(compareNormalised('qq', 'qq互联')).toBeNull();
    expect(compareNormalised('友盟', '友盟统计')).toBe('contains');
    expect(compareNormalised('盟', '友盟')).toBeNull();
  });

  it('names that only share letters do not match', () => {
    expect(compareNormalised('admob', 'adjust')).toBeNull();
    expect(compareNormalised('', 'umeng')).toBeNull();
  });
});

describe('matchNames', () => {
  it('matches across the gold aliases, preferring an exact match', () => {
    expect(matchNames(['友盟+'], ['Umeng', '友盟', 'Umeng+'])).toBe('exact');
    expect(matchNames(['Umeng Push'], ['Umeng', '友盟'])).toBe('contains');
    expect(matchNames(['穿山甲'], ['Umeng', '友盟'])).toBeNull();
  });

  it('a name that is only the word SDK matches nothing', () => {
    expect(matchNames(['SDK'], ['sdk'])).toBeNull();
  });
});
