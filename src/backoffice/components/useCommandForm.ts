/** A form's command: busy while it runs, and what the cloud (or the schema) said, by field. */
import { useCallback, useState } from 'react';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import { BoCallError } from '../api';

export interface CommandForm {
  busy: boolean;
  failure: BoCallError | null;
  /** Runs the command; its answer, or null when it failed (the failure is kept). */
  run<T>(work: () => Promise<T>): Promise<T | null>;
  /** What was said about this field, if anything. */
  fieldError(field: string): Shown | null;
  /** What was said about none of these fields (for the form's own line). */
  formError(fields: readonly string[]): Shown | null;
  clear(): void;
}

export function useCommandForm(): CommandForm {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<BoCallError | null>(null);

  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setFailure(null);
    try {
      return await work();
    } catch (error) {
      setFailure(
        error instanceof BoCallError
          ? error
          : new BoCallError(0, 'unexpected', msg('backoffice.ui.error.unexpected')),
      );
      return null;
    } finally {
      setBusy(false);
    }
  }, []);

  return {
    busy,
    failure,
    run,
    fieldError: (field) => (failure && failure.field === field ? failure.said : null),
    formError: (fields) =>
      failure && (failure.field === null || !fields.includes(failure.field)) ? failure.said : null,
    clear: () => setFailure(null),
  };
}
