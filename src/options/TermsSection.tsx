/** Custom terms: the list, and a form to add one (checked as you type, tried on a sample). */
import { useState } from 'preact/hooks';
import { TERM_AREAS } from '../core/settings';
import { DATA_TYPES, OPT_OUT_KINDS, RETENTION_KINDS } from '../core/types';
import { t } from '../platform/i18n';
import { checkUserPattern, type CustomTerm, type TermArea } from '../settings';
import { FieldError } from './FieldError';
import { label } from './labels';
import { TryTerm } from './TryTerm';

export const TARGETS: Record<TermArea, readonly string[]> = {
  'data-type': DATA_TYPES,
  retention: RETENTION_KINDS,
  'opt-out': OPT_OUT_KINDS,
};

export function TermsSection({
  terms,
  onAdd,
  onRemove,
  loadLastPage,
}: {
  terms: readonly CustomTerm[];
  /** Add a term; returns the problems found (nothing is added then). */
  onAdd: (term: CustomTerm) => string[];
  onRemove: (index: number) => void;
  loadLastPage: () => Promise<{ title: string; text: string } | undefined>;
}) {
  const [area, setArea] = useState<TermArea>('data-type');
  const [target, setTarget] = useState<string>(TARGETS['data-type'][0]!);
  const [pattern, setPattern] = useState('');
  const [regex, setRegex] = useState(false);
  const [addErrors, setAddErrors] = useState<string[]>([]);

  const term = { area, target, pattern, ...(regex ? { regex: true } : {}) } as CustomTerm;
  const check = pattern.trim() ? checkUserPattern(pattern.trim(), regex) : undefined;
  const patternErrors = [...(check && !check.ok ? [check.error] : []), ...addErrors];

  const add = () => {
    if (!pattern.trim()) {
      setAddErrors([t('options_termEmpty')]);
      return;
    }
    // The reason is already shown next to the field.
    if (check && !check.ok) return;
    const errors = onAdd({ ...term, pattern: pattern.trim() });
    setAddErrors(errors);
    if (!errors.length) setPattern('');
  };

  return (
    <section aria-labelledby="h-terms">
      <h2 id="h-terms">{t('options_termsTitle')}</h2>
      <p class="help">{t('options_termsHelp')}</p>
      {terms.length > 0 ? (
        <ul class="list" id="term-list">
          {terms.map((x, i) => (
            <li key={`${x.area}|${x.target}|${x.pattern}|${i}`} data-pattern={x.pattern}>
              <span class="tag">{label.area(x.area)}</span>
              <span class="tag">{label.target(x.area, x.target)}</span>
              <code>{x.pattern}</code>
              {x.regex && <span class="tag">{t('options_termRegexShort')}</span>}
              <button
                type="button"
                class="link-button remove"
                aria-label={t('options_removeTerm', x.pattern)}
                onClick={() => onRemove(i)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('options_termsNone')}</p>
      )}

      <fieldset class="add-form">
        <legend>{t('options_termAdd')}</legend>
        <div class="grid">
          <label for="term-area">{t('options_termArea')}</label>
          <select
            id="term-area"
            value={area}
            onChange={(e) => {
              const a = (e.currentTarget as HTMLSelectElement).value as TermArea;
              setArea(a);
              setTarget(TARGETS[a][0]!);
            }}
          >
            {TERM_AREAS.map((a) => (
              <option key={a} value={a}>
                {label.area(a)}
              </option>
            ))}
          </select>
          <label for="term-target">{t('options_termTarget')}</label>
          <select
            id="term-target"
            value={target}
            onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value)}
          >
            {TARGETS[area].map((x) => (
              <option key={x} value={x}>
                {label.target(area, x)}
              </option>
            ))}
          </select>
          <label for="term-pattern">{t('options_termPattern')}</label>
          <div>
            <input
              id="term-pattern"
              type="text"
              value={pattern}
              maxLength={300}
              aria-invalid={patternErrors.length > 0}
              aria-describedby="term-pattern-help term-pattern-error"
              onInput={(e) => {
                setPattern((e.currentTarget as HTMLInputElement).value);
                setAddErrors([]);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <p class="hint" id="term-pattern-help">
              {regex ? t('options_termRegexHelp') : t('options_termPatternHelp')}
            </p>
            <FieldError id="term-pattern-error" errors={patternErrors} />
          </div>
          <span />
          <label class="check">
            <input
              id="term-regex"
              type="checkbox"
              checked={regex}
              onChange={(e) => setRegex((e.currentTarget as HTMLInputElement).checked)}
            />{' '}
            {t('options_termRegex')}
          </label>
        </div>
        <TryTerm term={term} loadLastPage={loadLastPage} />
        <button type="button" id="term-add" class="primary" onClick={add}>
          {t('options_termAddButton')}
        </button>
      </fieldset>
    </section>
  );
}
