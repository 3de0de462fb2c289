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

/** One problem, or each of a form's problems at once, or none. */
export type Problems = Problem | readonly Problem[] | null;

function listOf(problems: Problems): readonly Problem[] {
  if (problems === null) return [];
  return 'text' in problems ? [problems] : problems;
}

function isAt(problem: Problem, field: string): boolean {
  return (
    problem.field !== null && (problem.field === field || problem.field.startsWith(`${field}.`))
  );
}

/** The text of the problem about `field` or anything inside it (`addressLines` ← `addressLines.2`). */
export function problemAt(problems: Problems, field: string): Shown | null {
  return listOf(problems).find((problem) => isAt(problem, field))?.text ?? null;
}

/** The text of a problem at none of `fields`: the form shows it on its own, not at a field. */
export function problemElsewhere(problems: Problems, fields: readonly string[]): Shown | null {
  return (
    listOf(problems).find((problem) => !fields.some((field) => isAt(problem, field)))?.text ?? null
  );
}
