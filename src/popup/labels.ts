/** Display labels for card ids (ids never change; labels are translated). */
import { t } from '../platform/i18n';

/** Message keys allow only [A-Za-z0-9_@], so ids with hyphens are mapped. */
function keyOf(prefix: string, id: string): string {
  return `${prefix}_${id.replace(/-/g, '_')}`;
}

export const label = {
  dataType: (id: string) => t(keyOf('dt', id)),
  sdkCategory: (id: string) => t(keyOf('cat', id)),
  optOut: (id: string) => t(keyOf('opt', id)),
  flag: (id: string) => t(keyOf('flag', id)),
  retention: (id: string) => t(keyOf('ret', id)),
  language: (id: string) => t(keyOf('lang', id)),
  severity: (s: 'high' | 'medium' | 'low') =>
    t(s === 'high' ? 'severityHigh' : s === 'medium' ? 'severityMedium' : 'severityLow'),
  party: (p: 'first' | 'third' | 'both') =>
    t(p === 'first' ? 'partyFirst' : p === 'third' ? 'partyThird' : 'partyBoth'),
};
