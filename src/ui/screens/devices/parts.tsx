/** Small pieces the devices screen's forms share. */
import { useId } from 'react';
import type { ReactNode } from 'react';
import type { Shown } from '../../../core/i18n';
import type { PrinterStatus, ScannerStatus } from '../../../contract/devices';
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

/**
 * Under a form: what the service said that was not about one field, or that
 * the save went through; then Lagre and, when there is something saved, Fjern.
 * The row is there even when empty, so the panel keeps its spacing.
 */
export function SaveFooter({
  problem,
  done,
  disabled,
  saveLabel,
  remove = null,
  testId,
}: {
  problem: Shown | null;
  done: boolean;
  disabled: boolean;
  /** null: no Lagre (nothing this person can set here). */
  saveLabel: string | null;
  remove?: { label: string; onRemove(): void } | null;
  testId: string;
}) {
  const { t, say } = useI18n();
  return (
    <>
      {problem && (
        <div className="notice notice-error" role="alert" data-testid={`${testId}-error`}>
          {say(problem)}
        </div>
      )}
      {done && (
        <div className="notice notice-info" role="status" data-testid={`${testId}-saved`}>
          {t('devices.saved')}
        </div>
      )}
      <div className="row">
        {saveLabel !== null && (
          <button
            type="submit"
            className="btn btn-primary"
            disabled={disabled}
            data-testid={`${testId}-save`}
          >
            {saveLabel}
          </button>
        )}
        {remove && (
          <button
            type="button"
            className="btn"
            disabled={disabled}
            data-testid={`${testId}-remove`}
            onClick={remove.onRemove}
          >
            {remove.label}
          </button>
        )}
      </div>
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
  const { t, say, time } = useI18n();
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
        {say(status.detail)}
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
        say(status.lastError.detail) !== say(status.detail) && (
          <small data-testid={`${device}-last-error`}>
            {t('devices.lastError', {
              time: time(status.lastError.at),
              reason: say(status.lastError.detail),
            })}
          </small>
        )}
    </div>
  );
}
