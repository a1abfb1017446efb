import { uiLang } from '../platform/i18n';
import { problemText } from '../settings/problem-text';

/** Problems with one field, in words, next to it (tied to the field by aria-describedby). */
export function FieldError({ id, errors }: { id: string; errors: readonly string[] }) {
  if (!errors.length) return null;
  return (
    <ul class="field-error" id={id} aria-live="polite">
      {errors.map((e, i) => (
        <li key={i}>{problemText(e, uiLang())}</li>
      ))}
    </ul>
  );
}
