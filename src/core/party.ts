/** Who receives the data a sentence talks about: the service, third parties, or both. */
import type { Party, Topic } from './types';
import { TermMatcher, type Scanner } from './matcher';

/** Words that name a party other than the service; a sentence set of the one text scan. */
export const THIRD_PARTY_TERMS = new TermMatcher(
  [
    'third part*',
    'third-part*',
    'partner*',
    'sdk',
    'sdks',
    'advertiser*',
    'ad network*',
    'advertising network*',
    'service provider*',
    'vendor*',
    'affiliate*',
    'shared with',
    'share it with',
    'share your',
    'share such',
    'disclose to',
    'provide to',
    'provided to',
    'transfer to',
    'analytics provider*',
    '第三方',
    '合作方',
    '合作伙伴',
    '服务商',
    '服务提供商',
    '广告主',
    '共享',
    '提供给',
    '委托',
    '关联公司',
  ].map((term) => ({ term, value: 1 })),
);

const THIRD_TOPICS: ReadonlySet<Topic> = new Set(['sdks', 'sharing']);

/** Party for one sentence (folded text), given the topic of its section. */
export function partyOf(
  folded: string,
  start: number,
  end: number,
  topic: Topic,
  third: Scanner<unknown> = THIRD_PARTY_TERMS,
): Party {
  if (THIRD_TOPICS.has(topic)) return 'third';
  return third.test(folded, start, end) ? 'third' : 'first';
}

export function mergeParty(a: Party | undefined, b: Party): Party {
  if (!a || a === b) return b;
  return 'both';
}
