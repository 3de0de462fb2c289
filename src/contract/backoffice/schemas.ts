/**
 * What the back office's forms send, checked by the same schemas in the
 * browser (next to each field) and in the cloud (before any handler runs).
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { boundedId, isWellFormedText } from '../../core/limits';
import { says } from '../../core/schema-messages';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * An e-mail address as accounts are kept: trimmed, Unicode NFC, lower case (one
 * account per address, however it is typed). The check is the shape only.
 */
export function foldEmail(typed: string): string {
  return typed.trim().normalize('NFC').toLowerCase();
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const Email = z
  .string()
  .max(254, says(msg('backoffice.input.email')))
  .refine((value) => EMAIL_SHAPE.test(value.trim()) && isWellFormedText(value), {
    message: says(msg('backoffice.input.email')),
  })
  .transform(foldEmail);

/** A password being set: 12 to 256 characters (any characters; spaces too). */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN, says(msg('backoffice.input.passwordLength', { min: PASSWORD_MIN })))
  .max(PASSWORD_MAX, says(msg('backoffice.input.passwordTooLong', { max: PASSWORD_MAX })))
  .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

/** A password typed to log in: not judged (an old one may be shorter), only bounded. */
export const TypedPassword = z
  .string()
  .min(1, says(msg('backoffice.input.passwordNeeded')))
  .max(PASSWORD_MAX, says(msg('backoffice.input.passwordTooLong', { max: PASSWORD_MAX })));

export const PersonName = z
  .string()
  .trim()
  .min(1, says(msg('backoffice.input.nameNeeded')))
  .max(80, says(msg('backoffice.input.nameTooLong', { max: 80 })))
  .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

export const AccountRole = z.enum(['owner', 'store_manager']);
export type AccountRole = z.infer<typeof AccountRole>;

/** A one-time link's token (from the link's #token=…). */
export const LinkToken = z
  .string()
  .regex(/^lojal_l_[A-Za-z0-9_-]{43}$/, says(msg('backoffice.input.linkToken')));

export const Id = boundedId;
