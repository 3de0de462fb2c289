/**
 * Members imported from another system's CSV (issue 17, point 5): which
 * column holds what (the mapping, guessed from the header), and each row read
 * into a member to enrol or refused with its row, column and reason. Pure: the
 * file is parsed by the cloud (cloud/imports/parse.ts), the phones already in
 * the chain are passed in, and so is the clock.
 *
 * Rules:
 * - A phone is required (the till finds members by it) and must be a valid
 *   number (Norwegian without a country code).
 * - The same phone twice in the file: the first row is taken, the later ones
 *   refused naming the first (two members with one phone would be a
 *   duplicate-phone conflict at every till).
 * - A phone already a member's: refused, naming that member. Not merged into
 *   them: the member's own profile and consents, given at the till under this
 *   chain's terms, are newer than what another system exported, and a merge
 *   here would overwrite what the member chose.
 * - A consent counts only with the time it was given and where (its source):
 *   without them the member is imported without marketing consent, and the
 *   row's note says so.
 * - A field that is present but not understood (a date, an e-mail, a gender)
 *   refuses the row: better imported right than half-right.
 */
import { msg } from '../i18n';
import type { Msg } from '../i18n';
import { normalisePhone } from '../phone';
import { daysInMonth, isBirthDateOn, startOfLocalDay } from '../time';
import type { Profile } from '../events';

import { IMPORT_FIELDS } from './fields';
import type { ImportField } from './fields';

export { IMPORT_FIELDS };
export type { ImportField };

/** Which column (0-based) holds each field; a field left out is not imported. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** One data row as parsed: its row number in the file (the header is row 1) and its cells. */
export interface ImportRecord {
  row: number;
  cells: readonly string[];
}

/** A row the parser could not read at all. */
export interface BrokenRecord {
  row: number;
  kind: 'unclosedQuote' | 'badQuote';
}

export interface ImportProblem {
  row: number;
  /** The column's heading in the file, or null for the row as a whole. */
  column: string | null;
  reason: Msg;
}

/** A member to enrol from a row. */
export interface ImportCandidate {
  row: number;
  phoneE164: string;
  profile: Profile;
  consents: { sms: boolean; email: boolean };
  /** When and where the consents were given (present exactly when a consent is granted). */
  consentGiven: { at: number; source: string } | null;
  oldMemberNumber: string | null;
}

export interface ImportPlan {
  candidates: ImportCandidate[];
  /** Rows not taken, each with its reason (one entry per problem). */
  refused: ImportProblem[];
  /** Rows taken with a remark (a consent without time or source). */
  notes: ImportProblem[];
  /** Data rows read (taken + refused rows, broken ones included). */
  rows: number;
}

const LIMIT = { name: 80, email: 254, postalCode: 12, source: 200, oldNumber: 64 };

/** Header words (lower case, letters and digits only) each field is guessed from. */
const HEADER_WORDS: Record<ImportField, readonly string[]> = {
  phone: [
    'telefon',
    'telefonnummer',
    'tlf',
    'mobil',
    'mobilnummer',
    'mobiltelefon',
    'phone',
    'mobile',
    'telefonnr',
    'tlfnr',
    'mobilnr',
  ],
  firstName: ['fornavn', 'firstname', 'förnamn', 'givenname', 'first'],
  lastName: ['etternavn', 'lastname', 'efternamn', 'surname', 'familyname', 'last'],
  email: ['epost', 'email', 'mail', 'epostadresse', 'emailaddress', 'mejl'],
  birthDate: [
    'fødselsdato',
    'fodselsdato',
    'født',
    'birthdate',
    'dateofbirth',
    'birthday',
    'födelsedatum',
    'bursdag',
  ],
  postalCode: ['postnummer', 'postnr', 'postalcode', 'zip', 'zipcode', 'postcode'],
  gender: ['kjønn', 'kjonn', 'gender', 'sex', 'kön'],
  oldMemberNumber: [
    'medlemsnummer',
    'medlemsnr',
    'kundenummer',
    'kundenr',
    'membernumber',
    'memberno',
    'customerid',
    'medlemsid',
    'id',
  ],
  smsConsent: ['smssamtykke', 'samtykkesms', 'smsconsent', 'sms', 'smssamtycke'],
  emailConsent: ['epostsamtykke', 'samtykkeepost', 'emailconsent', 'epostsamtycke', 'mejlsamtycke'],
  consentAt: [
    'samtykketidspunkt',
    'samtykkedato',
    'samtykketid',
    'consentat',
    'consenttime',
    'consentdate',
    'samtyckestid',
    'samtyckesdatum',
  ],
  consentSource: ['samtykkekilde', 'kilde', 'consentsource', 'source', 'samtyckeskälla', 'källa'],
};

function headerKey(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^a-z0-9æøåäö]/g, '');
}

/** The mapping guessed from the header: each field to the first column whose heading names it. */
export function suggestMapping(header: readonly string[]): ImportMapping {
  const keys = header.map(headerKey);
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const index = keys.findIndex((k, i) => !used.has(i) && HEADER_WORDS[field].includes(k));
    if (index !== -1) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

/** Why a mapping cannot be used (the phone is required; a column once), or null. */
export function mappingProblem(mapping: ImportMapping, columns: number): Msg | null {
  if (mapping.phone === undefined) return msg('backoffice.import.mapping.phoneRequired');
  const seen = new Set<number>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    if (!Number.isInteger(column) || column < 0 || column >= columns)
      return msg('backoffice.import.mapping.noSuchColumn');
    if (seen.has(column)) return msg('backoffice.import.mapping.columnTwice');
    seen.add(column);
  }
  return null;
}

/** A date as YYYY-MM-DD from 1990-01-31, 31.01.1990, 31/1/1990 or 31-01-1990; null if none. */
export function parseImportDate(
  value: string,
): { year: number; month: number; day: number } | null {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  let date: { year: number; month: number; day: number } | null = null;
  if (m) date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(v);
  if (m) date = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  if (!date) return null;
  if (date.month < 1 || date.month > 12) return null;
  if (date.day < 1 || date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

/**
 * A cell without the quote mark our own exports (and Excel users) put before a
 * text starting with = + - @, so Excel keeps it text (csvTextField): '+4791234567
 * is the phone +4791234567. A quote mark before anything else is the text's own.
 */
function unguarded(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: { year: number; month: number; day: number }) =>
  `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}`;

/**
 * A point in time: ISO 8601 with its offset or Z, or a local date with an
 * optional time (hh:mm[:ss]) in the chain's time zone. Null if none.
 */
export function parseImportInstant(value: string, timeZone: string): number | null {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) {
    const ms = Date.parse(v);
    return Number.isFinite(ms) ? ms : null;
  }
  const m = /^(\S+?)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const date = parseImportDate(m[1]!);
  if (!date) return null;
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return null;
  return startOfLocalDay(date, timeZone) + ((h * 60 + min) * 60 + s) * 1000;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x', 'sann']);
const NO = new Set(['nei', 'n', 'no', 'false', '0', 'usann', 'nej', '']);

function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

const GENDERS: Record<string, Profile['gender']> = {
  k: 'female',
  kvinne: 'female',
  f: 'female',
  female: 'female',
  kvinna: 'female',
  dame: 'female',
  m: 'male',
  mann: 'male',
  male: 'male',
  man: 'male',
  herre: 'male',
  a: 'other',
  annet: 'other',
  other: 'other',
  annat: 'other',
  x: 'other',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PlanOptions {
  /** Phones (E.164) of the chain's live members, with their member numbers. */
  existingPhones: ReadonlyMap<string, string>;
  /** Today in the chain's time zone (YYYY-MM-DD): no one is born after it. */
  today: string;
  now: number;
  timeZone: string;
}

/**
 * Every row read against the mapping: the members to enrol, the rows refused
 * (with every reason found in them), and notes on rows taken. `header` names
 * the columns in the report.
 */
export function planImport(
  header: readonly string[],
  records: readonly ImportRecord[],
  broken: readonly BrokenRecord[],
  mapping: ImportMapping,
  options: PlanOptions,
): ImportPlan {
  const candidates: ImportCandidate[] = [];
  const refused: ImportProblem[] = [];
  const notes: ImportProblem[] = [];
  const firstRowOfPhone = new Map<string, number>();
  for (const b of broken)
    refused.push({ row: b.row, column: null, reason: msg(`backoffice.import.reason.${b.kind}`) });

  const columnName = (field: ImportField) => header[mapping[field]!] ?? null;
  for (const record of records) {
    const problems: ImportProblem[] = [];
    const refuse = (field: ImportField | null, reason: Msg) =>
      problems.push({ row: record.row, column: field ? columnName(field) : null, reason });
    if (record.cells.length > header.length) {
      refuse(
        null,
        msg('backoffice.import.reason.tooManyColumns', {
          count: record.cells.length,
          expected: header.length,
        }),
      );
      refused.push(...problems);
      continue;
    }
    if (record.cells.length < header.length) {
      refuse(
        null,
        msg('backoffice.import.reason.tooFewColumns', {
          count: record.cells.length,
          expected: header.length,
        }),
      );
      refused.push(...problems);
      continue;
    }
    const cell = (field: ImportField): string => {
      const index = mapping[field];
      return index === undefined ? '' : unguarded((record.cells[index] ?? '').trim());
    };
    const text = (field: ImportField, max: number): string | null => {
      const value = cell(field);
      if (value === '') return null;
      if (value.length > max) {
        refuse(field, msg('backoffice.import.reason.tooLong', { max }));
        return null;
      }
      return value;
    };

    let phoneE164: string | null = null;
    const typedPhone = cell('phone');
    if (typedPhone === '') refuse('phone', msg('backoffice.import.reason.phoneMissing'));
    else {
      const phone = normalisePhone(typedPhone);
      if (!phone.ok)
        refuse('phone', msg('backoffice.import.reason.phoneInvalid', { value: typedPhone }));
      else phoneE164 = phone.e164;
    }

    const firstName = text('firstName', LIMIT.name);
    const lastName = text('lastName', LIMIT.name);
    let email = text('email', LIMIT.email);
    if (email !== null && !EMAIL.test(email)) {
      refuse('email', msg('backoffice.import.reason.emailInvalid', { value: email }));
      email = null;
    }
    let birthDate: string | null = null;
    const typedBirth = cell('birthDate');
    if (typedBirth !== '') {
      const date = parseImportDate(typedBirth);
      if (!date || !isBirthDateOn(isoOf(date), options.today))
        refuse('birthDate', msg('backoffice.import.reason.dateInvalid', { value: typedBirth }));
      else birthDate = isoOf(date);
    }
    let postalCode = text('postalCode', LIMIT.postalCode);
    if (postalCode !== null && !/^\d{4}$/.test(postalCode) && !/^\d{3} ?\d{2}$/.test(postalCode)) {
      refuse(
        'postalCode',
        msg('backoffice.import.reason.postalCodeInvalid', { value: postalCode }),
      );
      postalCode = null;
    }
    let gender: Profile['gender'] = null;
    const typedGender = cell('gender');
    if (typedGender !== '') {
      gender = GENDERS[typedGender.toLowerCase()] ?? null;
      if (gender === null)
        refuse('gender', msg('backoffice.import.reason.genderInvalid', { value: typedGender }));
    }
    const oldMemberNumber = text('oldMemberNumber', LIMIT.oldNumber);

    const wants = { sms: false, email: false };
    for (const [field, channel] of [
      ['smsConsent', 'sms'],
      ['emailConsent', 'email'],
    ] as const) {
      const typed = cell(field);
      const yes = parseYesNo(typed);
      if (yes === null)
        refuse(field, msg('backoffice.import.reason.consentInvalid', { value: typed }));
      else wants[channel] = yes;
    }
    let consentGiven: ImportCandidate['consentGiven'] = null;
    let consents = { sms: false, email: false };
    if (wants.sms || wants.email) {
      const typedAt = cell('consentAt');
      const source = text('consentSource', LIMIT.source);
      const at = typedAt === '' ? null : parseImportInstant(typedAt, options.timeZone);
      if (typedAt !== '' && (at === null || at > options.now))
        refuse('consentAt', msg('backoffice.import.reason.consentAtInvalid', { value: typedAt }));
      else if (at === null || source === null)
        notes.push({
          row: record.row,
          column: columnName(wants.sms ? 'smsConsent' : 'emailConsent'),
          reason: msg('backoffice.import.note.consentWithoutProof'),
        });
      else {
        consentGiven = { at, source };
        consents = wants;
      }
    }

    if (phoneE164 !== null && problems.length === 0) {
      const first = firstRowOfPhone.get(phoneE164);
      if (first !== undefined)
        refuse('phone', msg('backoffice.import.reason.duplicateInFile', { row: first }));
    }
    if (problems.length > 0 || phoneE164 === null) {
      refused.push(...problems);
      // A refused row's notes would only confuse: the row is not imported at all.
      while (notes.length > 0 && notes.at(-1)!.row === record.row) notes.pop();
      continue;
    }
    firstRowOfPhone.set(phoneE164, record.row);
    candidates.push({
      row: record.row,
      phoneE164,
      profile: { firstName, lastName, email, birthDate, postalCode, gender },
      consents,
      consentGiven,
      oldMemberNumber,
    });
  }
  const plan = { candidates, refused, notes, rows: records.length + broken.length };
  return withMembers(plan, options.existingPhones, columnName('phone'));
}

/**
 * The plan with the rows whose phone is already a member's refused, naming
 * that member (their notes dropped). Apart from planImport so the cloud reads
 * the file once, then asks the database about the phones it found.
 */
export function withMembers(
  plan: ImportPlan,
  existingPhones: ReadonlyMap<string, string>,
  phoneColumn: string | null,
): ImportPlan {
  const refused = [...plan.refused];
  const members = new Set<number>();
  const candidates = plan.candidates.filter((c) => {
    const number = existingPhones.get(c.phoneE164);
    if (number === undefined) return true;
    members.add(c.row);
    refused.push({
      row: c.row,
      column: phoneColumn,
      reason: msg('backoffice.import.reason.alreadyMember', { number }),
    });
    return false;
  });
  refused.sort((a, b) => a.row - b.row);
  return {
    candidates,
    refused,
    notes: plan.notes.filter((n) => !members.has(n.row)),
    rows: plan.rows,
  };
}
