/**
 * The members an account reaches as a CSV file for Excel: an owner the
 * chain's, a store manager those who enrolled or bought in their stores (the
 * search index's store_ids), erased and merged-away members left out. Phone
 * and e-mail are masked where the account may not see them, as on the
 * members' page. Written by the segments' CSV writer (cloud/segments/csv.ts:
 * byte-order mark, `;`, CRLF, every text quoted so a member number or a phone
 * stays text).
 */
import type { Locale } from '../../src/core/i18n';
import type { MemberLedger } from '../../src/core/member-types';
import { maskPhone } from '../../src/core/phone';
import { isoDate, localDateOf } from '../../src/core/time';
import type { BoMembersExport } from '../../src/contract/backoffice/imports';
import type { Queryable } from '../db/database';
import { readLedgers } from '../member-ledgers';
import { programmeInForce } from '../programme';
import type { Scope } from '../backoffice/scope';
import { toCsv } from '../segments/csv';

const HEADINGS: Record<Locale, string[]> = {
  nb: [
    'Medlemsnummer',
    'Fornavn',
    'Etternavn',
    'Telefon',
    'E-post',
    'Fødselsdato',
    'Postnummer',
    'Kjønn',
    'Innmeldt',
    'Samtykke SMS',
    'Samtykke e-post',
  ],
  en: [
    'Member number',
    'First name',
    'Last name',
    'Phone',
    'E-mail',
    'Birth date',
    'Postal code',
    'Gender',
    'Enrolled',
    'SMS consent',
    'E-mail consent',
  ],
  sv: [
    'Medlemsnummer',
    'Förnamn',
    'Efternamn',
    'Telefon',
    'E-post',
    'Födelsedatum',
    'Postnummer',
    'Kön',
    'Inskriven',
    'Samtycke sms',
    'Samtycke e-post',
  ],
};
const YES_NO: Record<Locale, [string, string]> = {
  nb: ['ja', 'nei'],
  en: ['yes', 'no'],
  sv: ['ja', 'nej'],
};
const GENDER: Record<Locale, Record<'female' | 'male' | 'other', string>> = {
  nb: { female: 'K', male: 'M', other: 'A' },
  en: { female: 'F', male: 'M', other: 'O' },
  sv: { female: 'K', male: 'M', other: 'A' },
};

/** Ledgers read this many at a time. */
const BATCH = 1000;

export async function exportMembers(
  db: Queryable,
  scope: Scope,
  locale: Locale,
  now: number,
): Promise<BoMembersExport> {
  const programme = await programmeInForce(db, scope.chainId);
  const zone = programme.timeZone;
  const storeIds = scope.role === 'owner' ? null : (await scope.stores(db)).map((s) => s.storeId);
  const rows = await db.query<{ member_id: string; store_ids: string[] }>(
    `SELECT member_id, store_ids FROM members
      WHERE chain_id = $1 AND NOT erased
        AND ($2::text[] IS NULL OR store_ids && $2::text[])
      ORDER BY member_number, member_id`,
    [scope.chainId, storeIds],
  );
  const [yes, no] = YES_NO[locale];
  const lines: (string | number | null)[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ledgers = await readLedgers(
      db,
      scope.chainId,
      batch.map((r) => r.member_id),
    );
    for (const row of batch) {
      const ledger: MemberLedger | undefined = ledgers.get(row.member_id);
      if (!ledger || ledger.erased || ledger.mergedInto !== undefined) continue;
      const visible =
        scope.role === 'owner' ||
        [ledger.enrolledStoreId, ...row.store_ids].some((id) => scope.reaches(id));
      const p = ledger.profile;
      lines.push([
        ledger.memberNumber,
        p.firstName,
        p.lastName,
        ledger.phoneE164 === null ? null : visible ? ledger.phoneE164 : maskPhone(ledger.phoneE164),
        p.email === null ? null : visible ? p.email : '•••',
        p.birthDate,
        p.postalCode,
        p.gender === null ? null : GENDER[locale][p.gender],
        isoDate(localDateOf(ledger.enrolledAt, zone)),
        ledger.consents.sms ? yes : no,
        ledger.consents.email ? yes : no,
      ]);
    }
  }
  return {
    fileName: `medlemmer-${isoDate(localDateOf(now, zone))}.csv`,
    csv: toCsv(HEADINGS[locale], lines),
    rows: lines.length,
  };
}
