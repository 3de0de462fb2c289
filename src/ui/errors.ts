/**
 * A failed command in the cashier's words, in both languages (the screen
 * picks one, and follows a switch of language): the service's own text;
 * the UI's own words only when the service could not say anything (not
 * reached, or something else answered) or the page itself failed.
 */
import type { Shown } from '../core/i18n';
import { CommandError } from './api';
import { uiText } from './i18n';

export function errorText(error: unknown): Shown {
  if (error instanceof CommandError) {
    if (error.text) return error.text;
    if (error.code === 'unreachable') return uiText('error.unreachable');
    return uiText('error.answered', { status: error.status, code: error.code });
  }
  return uiText('error.unexpected', {
    detail: error instanceof Error ? error.message : String(error),
  });
}

export interface Problem {
  text: Shown;
  /** The input the service named (e.g. `printer.target`, `addressLines.1`), or null. */
  field: string | null;
}

export function problemOf(error: unknown): Problem {
  return { text: errorText(error), field: error instanceof CommandError ? error.field : null };
}

/** The problem's text when it is about `field` or anything inside it (`addressLines` ← `addressLines.2`). */
export function problemAt(problem: Problem | null, field: string): Shown | null {
  if (!problem?.field) return null;
  return problem.field === field || problem.field.startsWith(`${field}.`) ? problem.text : null;
}

/** The problem's text when it is at none of `fields`: the form shows it on its own, not at a field. */
export function problemElsewhere(problem: Problem | null, fields: readonly string[]): Shown | null {
  if (!problem || fields.some((field) => problemAt(problem, field) !== null)) return null;
  return problem.text;
}
