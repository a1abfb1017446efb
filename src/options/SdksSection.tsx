/** Custom SDK entries: name, other names it goes by, vendor, category. */
import { useState } from 'preact/hooks';
import { SDK_CATEGORIES, type SdkCategory } from '../core/types';
import { t } from '../platform/i18n';
import type { CustomSdk } from '../settings';
import { FieldError } from './FieldError';
import { errorsFor, label } from './labels';

/** "A, B、C；D" -> ['A', 'B', 'C', 'D'] (English and Chinese separators). */
export function splitAliases(text: string): string[] {
  return text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function SdksSection({
  sdks,
  onAdd,
  onRemove,
}: {
  sdks: readonly CustomSdk[];
  /** Add an SDK; returns the problems found as "field: message" (nothing is added then). */
  onAdd: (sdk: CustomSdk) => string[];
  onRemove: (index: number) => void;
}) {
  const [name, setName] = useState('');
  const [aliases, setAliases] = useState('');
  const [vendor, setVendor] = useState('');
  const [category, setCategory] = useState<SdkCategory>('analytics');
  const [errors, setErrors] = useState<string[]>([]);

  const add = () => {
    if (!name.trim()) {
      setErrors([`name: ${t('options_sdkNameEmpty')}`]);
      return;
    }
    const sdk: CustomSdk = {
      name: name.trim(),
      aliases: splitAliases(aliases),
      ...(vendor.trim() ? { vendor: vendor.trim() } : {}),
      category,
    };
    const found = onAdd(sdk);
    setErrors(found);
    if (!found.length) {
      setName('');
      setAliases('');
      setVendor('');
    }
  };
  const nameErrors = errorsFor(errors, 'name');
  const aliasErrors = errorsFor(errors, 'aliases');
  const vendorErrors = errorsFor(errors, 'vendor');
  const otherErrors = errors.filter((e) => !/^(name|aliases|vendor)[.:[]/.test(e));

  return (
    <section aria-labelledby="h-sdks">
      <h2 id="h-sdks">{t('options_sdksTitle')}</h2>
      <p class="help">{t('options_sdksHelp')}</p>
      {sdks.length > 0 ? (
        <ul class="list" id="sdk-list">
          {sdks.map((s, i) => (
            <li key={`${s.name}|${i}`}>
              <strong>{s.name}</strong>
              {s.aliases.length > 0 && <span class="muted">({s.aliases.join(', ')})</span>}
              {s.vendor && <span class="muted">{s.vendor}</span>}
              <span class="tag">{label.sdkCategory(s.category)}</span>
              <button
                type="button"
                class="link-button remove"
                aria-label={t('options_removeSdk', s.name)}
                onClick={() => onRemove(i)}
              >
                {t('options_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('options_sdksNone')}</p>
      )}
      <fieldset class="add-form">
        <legend>{t('options_sdkAdd')}</legend>
        <div class="grid">
          <label for="sdk-name">{t('options_sdkName')}</label>
          <div>
            <input
              id="sdk-name"
              type="text"
              value={name}
              aria-invalid={nameErrors.length > 0}
              aria-describedby="sdk-name-error"
              onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <FieldError id="sdk-name-error" errors={nameErrors} />
          </div>
          <label for="sdk-aliases">{t('options_sdkAliases')}</label>
          <div>
            <input
              id="sdk-aliases"
              type="text"
              value={aliases}
              aria-invalid={aliasErrors.length > 0}
              aria-describedby="sdk-aliases-help sdk-aliases-error"
              onInput={(e) => setAliases((e.currentTarget as HTMLInputElement).value)}
            />
            <p class="hint" id="sdk-aliases-help">
              {t('options_sdkAliasesHelp')}
            </p>
            <FieldError id="sdk-aliases-error" errors={aliasErrors} />
          </div>
          <label for="sdk-vendor">{t('options_sdkVendor')}</label>
          <div>
            <input
              id="sdk-vendor"
              type="text"
              value={vendor}
              aria-describedby="sdk-vendor-error"
              onInput={(e) => setVendor((e.currentTarget as HTMLInputElement).value)}
            />
            <FieldError id="sdk-vendor-error" errors={vendorErrors} />
          </div>
          <label for="sdk-category">{t('options_sdkCategory')}</label>
          <select
            id="sdk-category"
            value={category}
            onChange={(e) =>
              setCategory((e.currentTarget as HTMLSelectElement).value as SdkCategory)
            }
          >
            {SDK_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {label.sdkCategory(c)}
              </option>
            ))}
          </select>
        </div>
        <FieldError id="sdk-error" errors={otherErrors} />
        <button type="button" id="sdk-add" class="primary" onClick={add}>
          {t('options_sdkAddButton')}
        </button>
      </fieldset>
    </section>
  );
}
