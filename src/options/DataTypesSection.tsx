/** Sensitive-data types: on or off, and how much each counts (severity). */
import { DATA_TYPES, SEVERITIES, type DataType, type Severity } from '../core/types';
import { t } from '../platform/i18n';
import { BUILT_IN_SEVERITY, type Settings } from '../settings';
import { label } from './labels';

export function DataTypesSection({
  settings,
  onToggle,
  onSeverity,
}: {
  settings: Settings;
  onToggle: (type: DataType, on: boolean) => void;
  onSeverity: (type: DataType, severity: Severity) => void;
}) {
  return (
    <section aria-labelledby="h-types">
      <h2 id="h-types">{t('options_typesTitle')}</h2>
      <p class="help">{t('options_typesHelp')}</p>
      <table class="types">
        <thead>
          <tr>
            <th scope="col">{t('options_typesColType')}</th>
            <th scope="col">{t('options_typesColSeverity')}</th>
          </tr>
        </thead>
        <tbody>
          {DATA_TYPES.map((type) => {
            const on = !settings.disabledTypes.includes(type);
            const sev = settings.severity[type] ?? BUILT_IN_SEVERITY[type];
            return (
              <tr key={type} data-type={type} class={on ? '' : 'off'}>
                <td>
                  <label class="check">
                    <input
                      type="checkbox"
                      id={`type-on-${type}`}
                      checked={on}
                      onChange={(e) =>
                        onToggle(type, (e.currentTarget as HTMLInputElement).checked)
                      }
                    />{' '}
                    {label.dataType(type)}
                  </label>
                </td>
                <td>
                  <select
                    id={`type-severity-${type}`}
                    aria-label={t('options_severityOf', label.dataType(type))}
                    value={sev}
                    disabled={!on}
                    onChange={(e) =>
                      onSeverity(type, (e.currentTarget as HTMLSelectElement).value as Severity)
                    }
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {label.severity(s)}
                        {s === BUILT_IN_SEVERITY[type] ? ` ${t('options_builtIn')}` : ''}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
