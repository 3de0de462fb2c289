/** A form's labelled text field and the notes under a field, as every form shows them. */
import type { InputHTMLAttributes } from 'react';
import type { Shown } from '../../core/i18n';
import { useI18n } from '../i18n';

/** Under a field: why it is locked, and what the service said about it. */
export function FieldNotes({
  lockedBy,
  error,
  testId,
}: {
  lockedBy: string | null;
  error: Shown | null;
  testId?: string;
}) {
  const { t, say } = useI18n();
  return (
    <>
      {lockedBy && (
        <small className="field-lock" data-testid={testId && `${testId}-lock`}>
          {t('devices.lockedBy', { variable: lockedBy })}
        </small>
      )}
      {error && (
        <small className="field-error" role="alert" data-testid={testId && `${testId}-error`}>
          {say(error)}
        </small>
      )}
    </>
  );
}

/** A labelled text field (a textarea when given `rows`), its hint and its notes. */
export function TextField({
  label,
  value,
  onChange,
  disabled = false,
  error = null,
  invalid = error !== null,
  lockedBy = null,
  hint = null,
  testId,
  rows,
  inputClass,
  spanAll = false,
  autofocus = false,
  ...input
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
  /** What the service said about the field, shown under it. */
  error?: Shown | null;
  /** Marked as wrong; by default when it has an error (a form may say why elsewhere). */
  invalid?: boolean;
  lockedBy?: string | null;
  /** How to write it, under the field. */
  hint?: string | null;
  testId?: string;
  rows?: number;
  /** A class besides `input` (input-big, input-code). */
  inputClass?: string;
  /** Across the whole form grid. */
  spanAll?: boolean;
  /** The field a dialog puts the focus on when it opens. */
  autofocus?: boolean;
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'placeholder' | 'inputMode' | 'spellCheck' | 'autoCapitalize' | 'maxLength' | 'min'
>) {
  const field = {
    disabled,
    'data-autofocus': autofocus || undefined,
    'aria-invalid': invalid,
    'data-testid': testId,
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <label className={spanAll ? 'field span-all' : 'field'}>
      <span>{label}</span>
      {rows ? (
        <textarea className="input textarea" rows={rows} {...field} />
      ) : (
        <input
          className={inputClass ? `input ${inputClass}` : 'input'}
          autoComplete="off"
          {...input}
          {...field}
        />
      )}
      {hint && <small className="member-sub">{hint}</small>}
      <FieldNotes lockedBy={lockedBy} error={error} testId={testId} />
    </label>
  );
}
