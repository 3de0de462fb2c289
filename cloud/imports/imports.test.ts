/**
 * Members imported from another system's CSV, against a real cloud (PGlite and
 * PostgreSQL), through the back office's RPC as the page calls it: a
 * Windows-1252 file with `;` and CRLF sent in two parts; the dry run names
 * every row not taken (row, column, reason) and saves nothing; the import
 * creates `member.enrolled` events from storeId 'cloud' that a till pulls and
 * folds, and finds by phone; a consent only with its time and source; made
 * again, it creates nobody twice. The export for Excel: an owner's every
 * member, a store manager's own stores' only. Refusals: a store manager may
 * not import, a mapping without the phone, another account's upload.
 */
import iconv from 'iconv-lite';
import { beforeAll, expect, it } from 'vitest';
import { isValidEan13, memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent, MemberEvent } from '../../src/core/events';
import { foldMember } from '../../src/core/member';
import { isoDate, localDateOf } from '../../src/core/time';
import { memberEvents } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { programmeTemplate } from '../../src/core/templates';
import { IMPORT_PART_BYTES } from '../../src/contract/backoffice/imports';
import type { BoImportPreview, BoImportReport } from '../../src/contract/backoffice/imports';
import { saveProgramme } from '../programme-change';
import type { Till } from '../test/cloud';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';

const T0 = Date.now() - 3 * 24 * 3_600_000;
const EXISTING_PHONE = '+4791112222';

const LINES = [
  'Mobil;Fornavn;Etternavn;E-post;Fødselsdato;Postnr;Kjønn;Kundenr;SMS;Samtykketidspunkt;Kilde',
  '98765432;Åse;Ødegård;ase@eksempel.no;31.01.1990;0150;K;A-1;ja;2024-03-01 12:30;Nettbutikk', // 2 taken, consent
  '41234567;Bjørn;Ærø;;;;M;A-2;ja;;', // 3 taken, consent without proof
  ';Uten;Telefon;;;;;A-3;;;', // 4 phone missing
  '12;Kort;Nummer;;;;;A-4;;;', // 5 phone invalid
  '92345678;Dårlig;Dato;;31.02.1990;;;A-5;;;', // 6 bad date
  '98765432;Dobbel;Ødegård;;;;;A-6;;;', // 7 duplicate of row 2
  '91112222;Allerede;Medlem;;;;;A-7;;;', // 8 already a member
  '93456789;For;Mange;;;;;A-8;;;;ekstra', // 9 too many columns
  '"94567890;Uten;Slutt;;;;;A-9;;;', // 10 unclosed quote
  '95678901;Siste;Rad;siste@eksempel.no;;;;A-10;nei;;', // 11 taken
];
const FILE = iconv.encode(LINES.join('\r\n') + '\r\n', 'win1252');
const MAPPING = {
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
};

async function upload(browser: BoBrowser, bytes: Uint8Array, partBytes = IMPORT_PART_BYTES) {
  let uploadId: string | null = null;
  let preview: BoImportPreview | null = null;
  for (let part = 0, at = 0; at < bytes.length; part++, at += partBytes) {
    const last = at + partBytes >= bytes.length;
    const answer: { uploadId: string; preview: BoImportPreview | null } = await browser.ok(
      'imports.upload',
      {
        uploadId,
        fileName: 'gamle-medlemmer.csv',
        part,
        data: Buffer.from(bytes.subarray(at, at + partBytes)).toString('base64'),
        last,
      },
    );
    uploadId = answer.uploadId;
    preview = answer.preview;
  }
  return preview!;
}

const said = (p: { row: number; column: string | null; reason: { key: string } }) => [
  p.row,
  p.column,
  p.reason.key.replace('backoffice.import.', ''),
];

async function membersAtTill(till: Till) {
  const events = (await till.pullAll()) as LojalEvent[];
  const byMember = new Map<string, MemberEvent[]>();
  for (const e of events)
    if (e.memberId !== null)
      byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e as MemberEvent]);
  return { events, members: [...byMember.values()].map((list) => foldMember(list)!) };
}

describeBackoffice('importing members from another system’s CSV', (cloud) => {
  let owner: BoBrowser;
  let manager: BoBrowser;
  let till: Till;
  let preview: BoImportPreview;

  beforeAll(async () => {
    const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    owner = made.owner;
    till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
    await saveProgramme(
      cloud().server.database,
      made.chainId,
      { programme: parseProgramme(programmeTemplate('bakeri')!.programme), staffId: null },
      Date.now(),
    );
    const existing = memberEvents('member-allerede');
    await till.push([
      existing.enrolled(
        T0,
        { phoneE164: EXISTING_PHONE, memberNumber: memberNumberFor('29', 1_000_001) },
        till.origin,
      ),
    ]);
    manager = (await cloud().storeManager(owner, [made.stores[0]!.storeId])).browser;
    preview = await upload(owner, FILE, 700);
  });

  it('reads the file: Windows-1252, ;, its header and a guessed mapping', () => {
    expect(preview.encoding).toBe('windows-1252');
    expect(preview.delimiter).toBe(';');
    expect(preview.header[4]).toBe('Fødselsdato');
    expect(preview.rows).toBe(10);
    expect(preview.sample[0]!.slice(0, 3)).toEqual(['98765432', 'Åse', 'Ødegård']);
    expect(preview.suggested).toEqual(MAPPING);
  });

  it('the dry run names every row not taken and saves nothing', async () => {
    const before = (await till.pullAll()).length;
    const report: BoImportReport = await owner.ok('imports.dryRun', {
      uploadId: preview.uploadId,
      mapping: MAPPING,
      locale: 'nb',
    });
    expect(report.take).toBe(3);
    expect(report.refused.map(said)).toEqual([
      [4, 'Mobil', 'reason.phoneMissing'],
      [5, 'Mobil', 'reason.phoneInvalid'],
      [6, 'Fødselsdato', 'reason.dateInvalid'],
      [7, 'Mobil', 'reason.duplicateInFile'],
      [8, 'Mobil', 'reason.alreadyMember'],
      [9, null, 'reason.tooManyColumns'],
      [10, null, 'reason.unclosedQuote'],
    ]);
    expect(report.notes.map(said)).toEqual([[3, 'SMS', 'note.consentWithoutProof']]);
    expect(report.reportCsv.startsWith('\uFEFF"Rad";"Kolonne";"Årsak";"Importert"\r\n')).toBe(true);
    expect(report.reportCsv).toContain(
      `8;"Mobil";"Allerede medlem (medlemsnummer ${memberNumberFor('29', 1_000_001)})`,
    );
    expect((await till.pullAll()).length).toBe(before);
  });

  it('imports: a till pulls and finds the members, consents only with time and source', async () => {
    const progress = await owner.ok('imports.run', {
      uploadId: preview.uploadId,
      mapping: MAPPING,
      from: 0,
    });
    expect(progress).toMatchObject({ done: 3, total: 3, finished: true, created: 3 });
    const { events, members } = await membersAtTill(till);
    const imported = events.filter((e) => e.type === 'member.enrolled' && e.storeId === 'cloud');
    expect(imported).toHaveLength(3);
    const byPhone = new Map(members.map((m) => [m.phoneE164, m]));
    const ase = byPhone.get('+4798765432')!;
    expect(ase.profile).toEqual({
      firstName: 'Åse',
      lastName: 'Ødegård',
      email: 'ase@eksempel.no',
      birthDate: '1990-01-31',
      postalCode: '0150',
      gender: 'female',
    });
    expect(ase.enrolledStoreId).toBe('cloud');
    expect(ase.consents).toEqual({ sms: true, email: false });
    // Enrolled without consent, then the consent as recorded: its own time, from the cloud.
    expect(ase.consentHistory.filter((c) => c.granted)).toMatchObject([
      { channel: 'sms', granted: true, at: Date.UTC(2024, 2, 1, 11, 30), storeId: 'cloud' },
    ]);
    const consent = events.find(
      (e) => e.type === 'member.consent_changed' && e.memberId === ase.memberId,
    )!;
    expect((consent.payload as { source?: string }).source).toBe('Nettbutikk');
    const bjorn = byPhone.get('+4741234567')!;
    expect(bjorn.consents).toEqual({ sms: false, email: false });
    expect(bjorn.profile.lastName).toBe('Ærø');
    // Numbered in slot 0, which no till is given: valid EAN-13 under the programme's prefix.
    const numbers = [ase, bjorn, byPhone.get('+4795678901')!].map((m) => m.memberNumber);
    expect(numbers).toEqual([1, 2, 3].map((n) => memberNumberFor('29', n)));
    expect(numbers.every(isValidEan13)).toBe(true);
    const found = await till.lookupMembers({ phone: '98765432' });
    expect(found.map((m) => m.memberId)).toEqual([ase.memberId]);
  });

  it('made again, it creates nobody twice', async () => {
    const before = (await till.pullAll()).length;
    const again = await owner.ok('imports.run', {
      uploadId: preview.uploadId,
      mapping: MAPPING,
      from: 0,
    });
    expect(again).toMatchObject({ created: 0, alreadyImported: 3, refused: [] });
    expect((await till.pullAll()).length).toBe(before);
    // The same file uploaded anew: its members are members now, refused as such.
    const second = await upload(owner, FILE);
    const report = await owner.ok('imports.dryRun', {
      uploadId: second.uploadId,
      mapping: MAPPING,
      locale: 'en',
    });
    expect(report.take).toBe(0);
    expect(
      report.refused.filter((p) => p.reason.key.endsWith('alreadyMember')).map((p) => p.row),
    ).toEqual([2, 3, 8, 11]);
  });

  it('exports for Excel: an owner every member, a store manager their own stores’', async () => {
    const all = await owner.ok('members.exportList', { locale: 'nb' });
    expect(all.rows).toBe(4);
    expect(all.csv.startsWith('\uFEFF"Medlemsnummer";"Fornavn";"Etternavn";"Telefon"')).toBe(true);
    const today = isoDate(localDateOf(Date.now(), 'Europe/Oslo'));
    // A phone starts with +: written behind a ' so Excel does not take it for a formula.
    expect(all.csv.split('\r\n')).toContain(
      `"${memberNumberFor('29', 1)}";"Åse";"Ødegård";"'+4798765432";"ase@eksempel.no";"1990-01-31";"0150";"K";"${today}";"ja";"nei"`,
    );
    expect(all.csv.endsWith('\r\n')).toBe(true);
    const own = await manager.ok('members.exportList', { locale: 'nb' });
    expect(own.rows).toBe(1);
    expect(own.csv).toContain(`"${memberNumberFor('29', 1_000_001)}"`);
    expect(own.csv).not.toContain('Åse');
  });

  it('refuses: a store manager’s import, a mapping without the phone, another’s upload', async () => {
    const forbidden = await manager.call('imports.upload', {
      uploadId: null,
      fileName: 'x.csv',
      part: 0,
      data: Buffer.from(FILE).toString('base64'),
      last: true,
    });
    expect(forbidden.status).toBe(403);
    const noPhone = await owner.call('imports.dryRun', {
      uploadId: preview.uploadId,
      mapping: { firstName: 1 },
      locale: 'nb',
    });
    expect(noPhone.status).toBe(400);
    expect(errorOf(noPhone)).toMatchObject({
      code: 'invalid_request',
      field: 'mapping',
      said: { key: 'backoffice.import.mapping.phoneRequired' },
    });
    const other = await cloud().chainWithOwner(['Annet']);
    const stranger = await other.owner.call('imports.run', {
      uploadId: preview.uploadId,
      mapping: MAPPING,
      from: 0,
    });
    expect(stranger.status).toBe(404);
    expect(errorOf(stranger).field).toBe('uploadId');
  });
});

describeBackoffice('import uploads held per chain', (cloud) => {
  it('one chain’s many uploads never push out another chain’s', async () => {
    const first = await cloud().chainWithOwner(['Første']);
    const busy = await cloud().chainWithOwner(['Travel']);
    const kept = await upload(first.owner, FILE);
    const uploads: string[] = [];
    for (let i = 0; i < 25; i++) uploads.push((await upload(busy.owner, FILE)).uploadId);
    const dry = await first.owner.call('imports.dryRun', {
      uploadId: kept.uploadId,
      mapping: MAPPING,
      locale: 'nb',
    });
    expect(dry.status).toBe(200);
    // The busy chain's own oldest went; its newest are held.
    const oldest = await busy.owner.call('imports.dryRun', {
      uploadId: uploads[0],
      mapping: MAPPING,
      locale: 'nb',
    });
    expect(oldest.status).toBe(404);
    const newest = await busy.owner.call('imports.dryRun', {
      uploadId: uploads.at(-1),
      mapping: MAPPING,
      locale: 'nb',
    });
    expect(newest.status).toBe(200);
  });
});
