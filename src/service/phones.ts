/**
 * Phone numbers on the member-lookup path. libphonenumber costs more than the
 * indexed query behind a lookup, and nearly every number a Norwegian till sees
 * is a mobile number typed as 8 digits (or stored as +47 and 8 digits), so
 * those two forms take a short cut. The short cuts give exactly what
 * src/core/phone.ts gives (phones.test.ts compares them over every prefix);
 * everything else goes to it unchanged.
 */
import { maskPhone, normalisePhone } from '../core/phone';
import type { PhoneResult } from '../core/phone';

/** Norwegian mobile numbers (4x and 9x) typed without spaces or country code. */
const TYPED_MOBILE = /^[49]\d{7}$/;
/** The same numbers as stored (E.164). */
const STORED_MOBILE = /^\+47[49]\d{7}$/;

/** `normalisePhone(typed)` for a Norwegian till, with the short cut for 8 typed digits. */
export function normaliseTypedPhone(typed: string): PhoneResult {
  if (TYPED_MOBILE.test(typed)) return { ok: true, e164: `+47${typed}` };
  return normalisePhone(typed);
}

/** `maskPhone(e164)`, with the short cut for Norwegian mobile numbers (read 3-2-3). */
export function maskedPhone(e164: string): string {
  if (STORED_MOBILE.test(e164)) return `+47 ••• •• ${e164.slice(-3)}`;
  return maskPhone(e164);
}
