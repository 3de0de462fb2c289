/**
 * A staff member's name and PIN typed twice (the first run's manager, the staff
 * screen's form), checked before anything is sent: every problem at once, each
 * at its field, in the order the fields stand.
 */
import type { Shown } from '../core/i18n';
import type { Problem } from './errors';
import { uiText } from './i18n';

const PIN = /^\d{4,8}$/;

export interface PersonForm {
  name: string;
  pin: string;
  pinAgain: string;
  /** A new person needs a PIN; someone's PIN left empty stays as it is. */
  pinNeeded: boolean;
  /** "Type your name" on the first run, "type the name" for someone else. */
  nameMissing: Shown;
}

export function personFormProblems(form: PersonForm): Problem[] {
  const problems: Problem[] = [];
  if (form.name.trim() === '') problems.push({ field: 'name', text: form.nameMissing });
  if (form.pinNeeded || form.pin !== '') {
    if (!PIN.test(form.pin)) problems.push({ field: 'pin', text: uiText('setup.pinFormat') });
    else if (form.pin !== form.pinAgain)
      problems.push({ field: 'pinAgain', text: uiText('setup.pinMismatch') });
  }
  return problems;
}

/** The first field at fault in `form` takes the focus (after the problems are drawn). */
export function focusFirstInvalid(form: HTMLElement | null): void {
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
}
