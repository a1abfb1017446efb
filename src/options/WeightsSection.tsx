/**
 * Grade weights and thresholds, with what each does. A policy starts at 100
 * points; findings take points away, opt-out paths give some back; the
 * thresholds turn points into a grade.
 */
import { useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { DEFAULT_WEIGHTS, LIMITS, type Settings } from '../settings';
import { FieldError } from './FieldError';
import { errorsFor, label } from './labels';

interface Field {
  /** Path in settings.weights, e.g. "severity.high" or "sdkCap". */
  path: string;
  label: () => string;
}
interface Group {
  id: string;
  title: () => string;
  help: () => string;
  fields: Field[];
}

const groupFields = (
  group: 'severity' | 'sharing' | 'retention' | 'thresholds',
  name: (k: string) => string,
) =>
  Object.keys(DEFAULT_WEIGHTS[group]).map((k) => ({ path: `${group}.${k}`, label: () => name(k) }));

export const WEIGHT_GROUPS_SHOWN: Group[] = [
  {
    id: 'severity',
    title: () => t('options_wSeverity'),
    help: () => t('options_wSeverityHelp'),
    fields: groupFields('severity', (k) => label.severity(k as 'high')),
  },
  {
    id: 'third-party',
    title: () => t('options_wThirdParty'),
    help: () => t('options_wThirdPartyHelp'),
    fields: [{ path: 'thirdParty', label: () => t('options_wPointsPerType') }],
  },
  {
    id: 'sdks',
    title: () => t('options_wSdks'),
    help: () => t('options_wSdksHelp'),
    fields: [
      { path: 'sdk', label: () => t('options_wSdk') },
      { path: 'adsSdk', label: () => t('options_wAdsSdk') },
      { path: 'sdkCap', label: () => t('options_wSdkCap') },
    ],
  },
  {
    id: 'sharing',
    title: () => t('options_wSharing'),
    help: () => t('options_wSharingHelp'),
    fields: groupFields('sharing', (k) => label.flag(k)),
  },
  {
    id: 'retention',
    title: () => t('options_wRetention'),
    help: () => t('options_wRetentionHelp'),
    fields: groupFields('retention', (k) => label.retention(k)),
  },
  {
    id: 'opt-out',
    title: () => t('options_wOptOut'),
    help: () => t('options_wOptOutHelp'),
    fields: [
      { path: 'optOut', label: () => t('options_wOptOutEach') },
      { path: 'optOutCap', label: () => t('options_wOptOutCap') },
    ],
  },
  {
    id: 'thresholds',
    title: () => t('options_wThresholds'),
    help: () => t('options_wThresholdsHelp'),
    fields: groupFields('thresholds', (k) => t('options_wGradeAtLeast', k)),
  },
];

function valueAt(obj: unknown, path: string): number | undefined {
  let v: unknown = obj;
  for (const part of path.split('.')) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return typeof v === 'number' ? v : undefined;
}

export function WeightsSection({
  settings,
  errors,
  generation,
  onChange,
  onReset,
}: {
  settings: Settings;
  /** Problems found in the settings ("weights.sdk: ..."). */
  errors: readonly string[];
  /** Changes when the settings were replaced (load, import, reset): fields start again. */
  generation: number;
  onChange: (path: string, value: number) => void;
  onReset: () => void;
}) {
  const exactly = (path: string) =>
    errors.filter((e) => e.startsWith(`${path}:`)).map((e) => e.slice(path.length + 1).trim());
  return (
    <section aria-labelledby="h-weights">
      <h2 id="h-weights">{t('options_weightsTitle')}</h2>
      <p class="help">{t('options_weightsHelp')}</p>
      {WEIGHT_GROUPS_SHOWN.map((g) => (
        <fieldset class="weights" key={g.id} data-group={g.id}>
          <legend>{g.title()}</legend>
          <p class="help" id={`w-help-${g.id}`}>
            {g.help()}
          </p>
          <div class="weight-fields">
            {g.fields.map((f) => (
              <WeightField
                key={`${f.path}|${generation}`}
                path={f.path}
                label={f.label()}
                helpId={`w-help-${g.id}`}
                value={valueAt(settings.weights, f.path) ?? valueAt(DEFAULT_WEIGHTS, f.path)!}
                builtIn={valueAt(DEFAULT_WEIGHTS, f.path)!}
                errors={errorsFor(errors, `weights.${f.path}`)}
                onChange={(v) => onChange(f.path, v)}
              />
            ))}
          </div>
          {g.id === 'thresholds' && (
            <FieldError id="w-thresholds-error" errors={exactly('weights.thresholds')} />
          )}
        </fieldset>
      ))}
      <FieldError id="w-error" errors={exactly('weights')} />
      <button type="button" id="weights-reset" onClick={onReset}>
        {t('options_weightsReset')}
      </button>
    </section>
  );
}

function WeightField(props: {
  path: string;
  label: string;
  helpId: string;
  value: number;
  builtIn: number;
  errors: string[];
  onChange: (v: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  const id = `w-${props.path.replace(/\./g, '-')}`;
  const own = props.errors;
  return (
    <div class="weight">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={0}
        max={LIMITS.weightMax}
        step="any"
        value={text}
        aria-invalid={own.length > 0}
        aria-describedby={`${props.helpId} ${id}-error`}
        onInput={(e) => {
          const v = (e.currentTarget as HTMLInputElement).value;
          setText(v);
          props.onChange(v.trim() === '' ? Number.NaN : Number(v));
        }}
      />
      <span class="hint">{t('options_builtInValue', props.builtIn)}</span>
      <FieldError id={`${id}-error`} errors={own} />
    </div>
  );
}
