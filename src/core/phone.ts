/**
 * Phone numbers as members give them at the till: "98765432", "987 65 432",
 * "+47 987 65 432", "0047 98765432". Everything is stored and looked up as E.164.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { msg } from './i18n';
import type { Msg } from './i18n';

export type PhoneResult = { ok: true; e164: string } | { ok: false; reason: Msg };

/** Digits plus the separators people type; letters are never silently dropped. */
const TYPED_PHONE = /^\+?[\d\s().-]+$/;
const NORWEGIAN_DIGITS = 8;

/**
 * Parsing a number with its country's rules costs more than the lookup it
 * leads to, and a till meets the same numbers again and again (the lookup and
 * its clash check, the masked phone on every answer): the last answers are kept.
 */
const REMEMBERED = 512;

function remembered<T>(compute: (key: string) => T): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= REMEMBERED) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    return answer;
  };
}

const normalisedInNorway = remembered((input) => parsePhone(input, 'NO'));

export function normalisePhone(input: string, defaultCountry: CountryCode = 'NO'): PhoneResult {
  return defaultCountry === 'NO' ? normalisedInNorway(input) : parsePhone(input, defaultCountry);
}

function parsePhone(input: string, defaultCountry: CountryCode): PhoneResult {
  const typed = input.trim();
  if (typed === '') {
    return { ok: false, reason: msg('identify.phoneEmpty') };
  }
  if (!TYPED_PHONE.test(typed)) {
    return {
      ok: false,
      reason: msg('identify.phoneCharacters'),
    };
  }
  // A valid number has the right length: the length is looked at only to say what is wrong.
  const parsed = parsePhoneNumberFromString(typed, defaultCountry);
  if (parsed?.isValid()) return { ok: true, e164: parsed.number };
  const lengthProblem = validatePhoneNumberLength(typed, defaultCountry);
  if (
    lengthProblem === 'TOO_SHORT' ||
    lengthProblem === 'TOO_LONG' ||
    lengthProblem === 'INVALID_LENGTH'
  ) {
    return { ok: false, reason: wrongLength(typed, defaultCountry, lengthProblem) };
  }
  return {
    ok: false,
    reason: msg('identify.phoneInvalid', { typed }),
  };
}

function wrongLength(typed: string, country: CountryCode, problem: string): Msg {
  const digits = typed.replace(/\D/g, '').length;
  const national = !typed.startsWith('+') && !typed.startsWith('00');
  if (country === 'NO' && national) {
    const few = digits < NORWEGIAN_DIGITS;
    return msg('identify.phoneNorwegianLength', { typed, problem: few ? 'few' : 'many' });
  }
  if (problem === 'TOO_SHORT' || problem === 'TOO_LONG') {
    const few = problem === 'TOO_SHORT';
    return msg('identify.phoneLength', { typed, problem: few ? 'few' : 'many' });
  }
  return msg('identify.phoneWrongLength', { typed });
}

/**
 * A phone number the cashier may see: only the last three digits, e.g.
 * "+47 ••• •• 432". Works for any E.164 number; unparsable input masks entirely.
 */
export function maskPhone(e164: string): string {
  // Norway's (and Svalbard's) +47 numbers have 8 national digits: no parsing needed.
  if (/^\+47\d{8}$/.test(e164)) return `+47 ••• •• ${e164.slice(-3)}`;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return '•••';
  const national = parsed.nationalNumber;
  const shown = national.slice(-3);
  const hidden = Math.max(national.length - 3, 0);
  // Norwegian numbers are read 3-2-3; others in threes.
  const groups = hidden === 5 ? [3, 2] : chunks(hidden, 3);
  const maskedGroups = groups.map((size) => '•'.repeat(size));
  return `+${parsed.countryCallingCode} ${[...maskedGroups, shown].join(' ')}`;
}

function chunks(total: number, size: number): number[] {
  const out: number[] = [];
  for (let left = total; left > 0; left -= size) out.push(Math.min(size, left));
  return out;
}
