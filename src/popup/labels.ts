/** Display labels for card ids (ids never change; labels are translated). */
import type { Card } from '../core/types';
import { t } from '../platform/i18n';
import { factorsOf, type DurationUnit } from './format';

/** Message keys allow only [A-Za-z0-9_@], so ids with hyphens are mapped. */
function keyOf(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/-/g, '_')}`;
}

/** A counted phrase: key_one for 1, key_other otherwise (Chinese has the same text for both). */
export function plural(key: string, n: number, ...more: (string | number)[]): string {
  return t(`${key}_${n === 1 ? 'one' : 'other'}`, n, ...more);
}

export const label = {
  dataType: (id: string) => t(keyOf('dt', id)),
  sdkCategory: (id: string) => t(keyOf('cat', id)),
  optOut: (id: string) => t(keyOf('opt', id)),
  flag: (id: string) => t(keyOf('flag', id)),
  retention: (id: string) => t(keyOf('ret', id)),
  language: (id: string) => t(keyOf('lang', id)),
  topic: (id: string) => t(keyOf('popup_topic', id)),
  severity: (s: 'high' | 'medium' | 'low') =>
    t(s === 'high' ? 'severityHigh' : s === 'medium' ? 'severityMedium' : 'severityLow'),
  party: (p: 'first' | 'third' | 'both') =>
    t(p === 'first' ? 'partyFirst' : p === 'third' ? 'partyThird' : 'partyBoth'),
  duration: (n: number, unit: DurationUnit) => plural(`popup_dur_${unit}`, n),
};

/** One translated sentence per score factor, rebuilt from the card (English reason as fallback). */
export function reasonLines(card: Card): { text: string; points?: number }[] {
  const factors = factorsOf(card);
  if (!factors) return card.score.reasons.map((text) => ({ text }));
  return factors.map((f) => ({ text: reasonText(card, f.code, f.reason), points: f.points }));
}

function reasonText(card: Card, code: string, fallback: string): string {
  const sev = /^sensitive-(high|medium|low)$/.exec(code)?.[1] as
    'high' | 'medium' | 'low' | undefined;
  if (sev) {
    const types = card.sensitiveData.filter((d) => d.severity === sev);
    const list = types.map((d) => label.dataType(d.type)).join(t('popup_listSep'));
    return plural('popup_reason_sensitive', types.length, label.severity(sev), list);
  }
  if (code === 'third-party') {
    return plural(
      'popup_reason_third_party',
      card.sensitiveData.filter((d) => d.party !== 'first').length,
    );
  }
  if (code === 'sdks') {
    const ads = card.sdks.filter((s) => s.category === 'ads').length;
    const base = plural('popup_reason_sdks', card.sdks.length);
    return ads ? `${base}${t('popup_listSep')}${t('popup_reason_sdks_ads', ads)}` : base;
  }
  const flag = /^sharing-(\w+)$/.exec(code)?.[1];
  if (flag) return label.flag(flag);
  const ret = /^retention-([a-z-]+)$/.exec(code)?.[1];
  if (ret) return t(keyOf('popup_reason_ret', ret));
  if (code === 'opt-out') return plural('popup_reason_optout', card.optOut.length);
  return fallback;
}
