/** Display labels for ids the options page lists (ids never change; labels are translated). */
import { t } from '../platform/i18n';
import type { Severity } from '../core/types';
import type { TermArea } from '../settings';

/** Message keys allow only [A-Za-z0-9_@], so ids with hyphens are mapped. */
const keyOf = (prefix: string, id: string) => `${prefix}_${id.replace(/-/g, '_')}`;

export const label = {
  dataType: (id: string) => t(keyOf('dt', id)),
  sdkCategory: (id: string) => t(keyOf('cat', id)),
  optOut: (id: string) => t(keyOf('opt', id)),
  retention: (id: string) => t(keyOf('ret', id)),
  flag: (id: string) => t(keyOf('flag', id)),
  severity: (s: Severity) =>
    t(s === 'high' ? 'severityHigh' : s === 'medium' ? 'severityMedium' : 'severityLow'),
  area: (a: TermArea) =>
    t(
      a === 'data-type'
        ? 'options_areaDataType'
        : a === 'retention'
          ? 'options_areaRetention'
          : 'options_areaOptOut',
    ),
  target: (a: TermArea, id: string) =>
    a === 'data-type'
      ? label.dataType(id)
      : a === 'retention'
        ? label.retention(id)
        : label.optOut(id),
};

/** Errors from the settings check that belong to one field: "path: message" -> "message". */
export function errorsFor(errors: readonly string[], path: string): string[] {
  return errors
    .filter((e) => e.startsWith(`${path}:`) || e.startsWith(`${path}.`) || e.startsWith(`${path}[`))
    .map((e) => e.slice(e.indexOf(':') + 1).trim());
}
