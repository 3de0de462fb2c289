/**
 * Rows of another system's file read into members to enrol, or refused with
 * their row, column and reason (pure: no file, no database).
 */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding } from './detect';
import { parseImportInstant, planImport, suggestMapping } from './plan';
import type { ImportRecord } from './plan';

const ZONE = 'Europe/Oslo';
const NOW = Date.UTC(2026, 11, 6, 12);
const OPTIONS = {
  existingPhones: new Map<string, string>(),
  today: '2026-12-06',
  now: NOW,
  timeZone: ZONE,
};
const HEADER = [
  'Mobil',
  'Fornavn',
  'Etternavn',
  'E-post',
  'Fødselsdato',
  'Postnr',
  'Kjønn',
  'Kundenr',
  'SMS',
  'Samtykketidspunkt',
  'Kilde',
];

const rows = (...cells: string[][]): ImportRecord[] =>
  cells.map((c, i) => ({ row: i + 2, cells: c }));
const keyOf = (p: { reason: { key: string } }) => p.reason.key.replace('backoffice.import.', '');

describe('detecting a file', () => {
  it('tells UTF-8 with and without a byte-order mark from Windows-1252', () => {
    expect(detectEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('utf-8-bom');
    expect(detectEncoding(new TextEncoder().encode('Ærøskøbing'))).toBe('utf-8');
    expect(detectEncoding(Uint8Array.from([0x41, 0xe6, 0xf8, 0xe5]))).toBe('windows-1252');
    // A lone continuation byte, an overlong form and a surrogate are not UTF-8.
    expect(detectEncoding(Uint8Array.from([0x80]))).toBe('windows-1252');
    expect(detectEncoding(Uint8Array.from([0xc0, 0xaf]))).toBe('windows-1252');
    expect(detectEncoding(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe('windows-1252');
  });

  it('takes ; or , by the header, counting outside quotes', () => {
    expect(detectDelimiter('a;b;c\r\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a,b,"c;d"\n')).toBe(',');
    expect(detectDelimiter('telefon')).toBe(';');
  });
});

describe('the mapping', () => {
  it('is guessed from the headings', () => {
    expect(suggestMapping(HEADER)).toEqual({
      phone: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      birthDate: 4,
      postalCode: 5,
      gender: 6,
      oldMemberNumber: 7,
      smsConsent: 8,
      consentAt: 9,
      consentSource: 10,
    });
  });
});

describe('planning an import', () => {
  const mapping = suggestMapping(HEADER);

  it('takes a good row with its profile, and a consent with its time and source', () => {
    const plan = planImport(
      HEADER,
      rows([
        '987 65 432',
        'Åse',
        'Ødegård',
        'ase@eksempel.no',
        '31.01.1990',
        '0150',
        'K',
        'A-17',
        'ja',
        '2024-03-01 12:30',
        'Nettbutikk',
      ]),
      [],
      mapping,
      OPTIONS,
    );
    expect(plan.refused).toEqual([]);
    expect(plan.notes).toEqual([]);
    expect(plan.candidates).toEqual([
      {
        row: 2,
        phoneE164: '+4798765432',
        profile: {
          firstName: 'Åse',
          lastName: 'Ødegård',
          email: 'ase@eksempel.no',
          birthDate: '1990-01-31',
          postalCode: '0150',
          gender: 'female',
        },
        consents: { sms: true, email: false },
        // 12:30 in Oslo in March is 11:30 UTC.
        consentGiven: { at: Date.UTC(2024, 2, 1, 11, 30), source: 'Nettbutikk' },
        oldMemberNumber: 'A-17',
      },
    ]);
  });

  it("reads its own export back: a text kept from Excel behind a quote mark ('+47…) is the text", () => {
    const plan = planImport(
      HEADER,
      rows(["'+4798765432", 'Åse', "'-Ødegård", '', '', '', '', "'=A-17", '', '', '']),
      [],
      mapping,
      OPTIONS,
    );
    expect(plan.refused).toEqual([]);
    expect(plan.candidates).toMatchObject([
      {
        phoneE164: '+4798765432',
        profile: { firstName: 'Åse', lastName: '-Ødegård' },
        oldMemberNumber: '=A-17',
      },
    ]);
    // Only that guard is taken off: a quote mark before anything else is the text's own.
    const own = planImport(
      HEADER,
      rows(['98765433', "'Åse'", '', '', '', '', '', '', '', '', '']),
      [],
      mapping,
      OPTIONS,
    );
    expect(own.candidates[0]!.profile.firstName).toBe("'Åse'");
  });

  it('a consent without time or source: imported without marketing consent, and said so', () => {
    const plan = planImport(
      HEADER,
      rows(
        ['98765432', 'Ola', '', '', '', '', '', '', 'ja', '', 'Kasse'],
        ['41234567', 'Kari', '', '', '', '', '', '', 'ja', '2024-01-01', ''],
      ),
      [],
      mapping,
      OPTIONS,
    );
    expect(plan.candidates.map((c) => [c.row, c.consents, c.consentGiven])).toEqual([
      [2, { sms: false, email: false }, null],
      [3, { sms: false, email: false }, null],
    ]);
    expect(plan.notes.map((n) => [n.row, n.column, keyOf(n)])).toEqual([
      [2, 'SMS', 'note.consentWithoutProof'],
      [3, 'SMS', 'note.consentWithoutProof'],
    ]);
  });

  it('names every row not taken: row, column and reason', () => {
    const plan = planImport(
      HEADER,
      rows(
        ['', 'Uten', 'Telefon', '', '', '', '', '', '', '', ''],
        ['12', 'Kort', 'Nummer', '', '', '', '', '', '', '', ''],
        ['98765432', 'Bad', 'Dato', '', '31.02.1990', '', '', '', '', '', ''],
        ['98765432', 'Første', '', '', '', '', '', '', '', '', ''],
        ['+47 987 65 432', 'Andre', '', '', '', '', '', '', '', '', ''],
        ['91112222', 'Allerede', '', '', '', '', '', '', '', '', ''],
        ['92223333', 'Mange', '', '', '', '', '', '', '', '', '', 'ekstra'],
        ['93334444', 'Få'],
        ['94445555', 'Rar', '', 'ikke-epost', '', '12', 'Q', '', 'kanskje', 'i går', 'x'],
      ),
      [{ row: 11, kind: 'unclosedQuote' }],
      mapping,
      { ...OPTIONS, existingPhones: new Map([['+4791112222', '2900000000017']]) },
    );
    expect(plan.candidates.map((c) => c.row)).toEqual([5]);
    expect(plan.refused.map((p) => [p.row, p.column, keyOf(p)])).toEqual([
      [2, 'Mobil', 'reason.phoneMissing'],
      [3, 'Mobil', 'reason.phoneInvalid'],
      [4, 'Fødselsdato', 'reason.dateInvalid'],
      [6, 'Mobil', 'reason.duplicateInFile'],
      [7, 'Mobil', 'reason.alreadyMember'],
      [8, null, 'reason.tooManyColumns'],
      [9, null, 'reason.tooFewColumns'],
      [10, 'E-post', 'reason.emailInvalid'],
      [10, 'Postnr', 'reason.postalCodeInvalid'],
      [10, 'Kjønn', 'reason.genderInvalid'],
      [10, 'SMS', 'reason.consentInvalid'],
      [11, null, 'reason.unclosedQuote'],
    ]);
    expect(plan.refused[3]!.reason.params).toEqual({ row: 5 });
    expect(plan.refused[4]!.reason.params).toEqual({ number: '2900000000017' });
    expect(plan.rows).toBe(10);
  });

  it('reads instants with an offset, in the zone, or not at all', () => {
    expect(parseImportInstant('2024-06-01T10:00:00Z', ZONE)).toBe(Date.UTC(2024, 5, 1, 10));
    expect(parseImportInstant('2024-06-01T10:00:00+02:00', ZONE)).toBe(Date.UTC(2024, 5, 1, 8));
    expect(parseImportInstant('01.06.2024 10:00', ZONE)).toBe(Date.UTC(2024, 5, 1, 8));
    expect(parseImportInstant('01.06.2024', ZONE)).toBe(Date.UTC(2024, 4, 31, 22));
    expect(parseImportInstant('2024-13-01', ZONE)).toBeNull();
    expect(parseImportInstant('i går', ZONE)).toBeNull();
  });

  it('a birth date in the future or a consent time after now is refused', () => {
    const plan = planImport(
      HEADER,
      rows(
        ['98765432', '', '', '', '2027-01-01', '', '', '', '', '', ''],
        ['41234567', '', '', '', '', '', '', '', 'ja', '2030-01-01', 'Kasse'],
      ),
      [],
      mapping,
      OPTIONS,
    );
    expect(plan.refused.map((p) => [p.row, p.column, keyOf(p)])).toEqual([
      [2, 'Fødselsdato', 'reason.dateInvalid'],
      [3, 'Samtykketidspunkt', 'reason.consentAtInvalid'],
    ]);
  });
});
