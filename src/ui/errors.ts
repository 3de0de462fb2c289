/**
 * A failed command in the cashier's words: the few refusals the till expects
 * (no printer, not a manager, set by the environment) in the UI's language;
 * anything else in the service's own message, with the field it names.
 */
import { CommandError, errorMessage } from './api';
import type { I18n } from './i18n';

export interface Problem {
  message: string;
  /** The input the service named (e.g. `printer.target`, `addressLines.1`), or null. */
  field: string | null;
}

export function problemOf(error: unknown, t: I18n['t']): Problem {
  if (!(error instanceof CommandError)) return { message: errorMessage(error), field: null };
  const { code, field } = error;
  if (code === 'no_printer') return { message: t('print.noPrinter'), field };
  if (code === 'forbidden') return { message: t('print.managerOnly'), field };
  // "printer.target: not a printer …": the field is shown by where the message stands.
  const message =
    field && error.message.startsWith(`${field}: `)
      ? error.message.slice(field.length + 2)
      : error.message;
  return { message, field };
}

/** The problem's message when it is about `field` or anything inside it (`addressLines` ← `addressLines.2`). */
export function problemAt(problem: Problem | null, field: string): string | null {
  if (!problem?.field) return null;
  return problem.field === field || problem.field.startsWith(`${field}.`) ? problem.message : null;
}
