/** Small pieces the devices screen's forms share. */
import { useId } from 'react';
import type { InputHTMLAttributes, ReactNode } from 'react';
import type { Text } from '../../../core/i18n';
import type { PrinterStatus, ScannerStatus } from '../../../service/devices/types';
import { useI18n } from '../../i18n';

export interface ChoiceOption<T> {
  value: T;
  label: string;
  /** A second, smaller line (e.g. "48 tegn" under "80 mm"). */
  hint?: string;
}

/** A few options as big toggle buttons (one tap, no drop-down). */
export function Choice<T extends string | number>({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
  children,
}: {
  label: string;
  value: T;
  options: ChoiceOption<T>[];
  onChange(value: T): void;
  disabled: boolean;
  testId: string;
  children?: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <span id={id}>{label}</span>
      <div className="choice" role="group" aria-labelledby={id} data-testid={testId}>
        {options.map((option) => (
          <button
            key={String(option.value)}
            type="button"
            className="btn"
            aria-pressed={option.value === value}
            disabled={disabled}
            data-testid={`${testId}-${option.value}`}
            onClick={() => onChange(option.value)}
          >
            {option.hint ? (
              <span className="choice-lines">
                <span>{option.label}</span>
                <small>{option.hint}</small>
              </span>
            ) : (
              option.label
            )}
          </button>
        ))}
      </div>
      {children}
    </div>
  );
}

/** Under a field: why it is locked, and what the service said about it. */
export function FieldNotes({
  lockedBy,
  error,
  testId,
}: {
  lockedBy: string | null;
  error: Text | null;
  testId: string;
}) {
  const { t, pick } = useI18n();
  return (
    <>
      {lockedBy && (
        <small className="field-lock" data-testid={`${testId}-lock`}>
          {t('devices.lockedBy', { variable: lockedBy })}
        </small>
      )}
      {error && (
        <small className="field-error" role="alert" data-testid={`${testId}-error`}>
          {pick(error)}
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
  disabled,
  error,
  lockedBy = null,
  hint = null,
  testId,
  rows,
  ...input
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  disabled: boolean;
  error: Text | null;
  lockedBy?: string | null;
  /** How to write it, under the field. */
  hint?: string | null;
  testId: string;
  rows?: number;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'placeholder' | 'inputMode' | 'spellCheck'>) {
  const field = {
    disabled,
    'aria-invalid': error !== null,
    'data-testid': testId,
    value,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <label className="field">
      <span>{label}</span>
      {rows ? (
        <textarea className="input textarea" rows={rows} {...field} />
      ) : (
        <input className="input" autoComplete="off" {...input} {...field} />
      )}
      {hint && <small className="member-sub">{hint}</small>}
      <FieldNotes lockedBy={lockedBy} error={error} testId={testId} />
    </label>
  );
}

/** Under a form: what the service said that was not about one field, or that the save went through. */
export function SaveOutcome({
  problem,
  done,
  testId,
}: {
  problem: Text | null;
  done: boolean;
  testId: string;
}) {
  const { t, pick } = useI18n();
  return (
    <>
      {problem && (
        <div className="notice notice-error" role="alert" data-testid={`${testId}-error`}>
          {pick(problem)}
        </div>
      )}
      {done && (
        <div className="notice notice-info" role="status" data-testid={`${testId}-saved`}>
          {t('devices.saved')}
        </div>
      )}
    </>
  );
}

/** The device's live state and why, as the service last reported it. */
export function DeviceStatusLine({
  device,
  status,
}: {
  device: 'scanner' | 'printer';
  status: ScannerStatus | PrinterStatus;
}) {
  const { t, pick, time } = useI18n();
  const tone =
    status.state === 'connected'
      ? 'ok'
      : status.state === 'off' || status.state === 'unknown'
        ? 'off'
        : 'bad';
  return (
    <div className="device-state" data-testid={`${device}-status`}>
      <span
        className={`state-pill state-${tone}`}
        data-testid={`${device}-state`}
        data-state={status.state}
      >
        <span className="sync-dot" aria-hidden="true" />
        {t(`devices.state.${status.state}`)}
      </span>
      <span className="device-detail" data-testid={`${device}-detail`}>
        {pick(status.detail)}
      </span>
      {'pendingJobs' in status && (status.pendingJobs > 0 || status.failedJobs > 0) && (
        <small>
          {t('devices.queue', { pending: status.pendingJobs, failed: status.failedJobs })}
        </small>
      )}
      {'lastPrintedAt' in status && status.lastPrintedAt !== null && (
        <small>{t('devices.lastPrinted', { time: time(status.lastPrintedAt) })}</small>
      )}
      {status.lastError &&
        status.state !== 'connected' &&
        status.lastError.detail.en !== status.detail.en && (
          <small data-testid={`${device}-last-error`}>
            {t('devices.lastError', {
              time: time(status.lastError.at),
              reason: pick(status.lastError.detail),
            })}
          </small>
        )}
    </div>
  );
}
