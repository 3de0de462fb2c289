/**
 * A segment's members in the back office: the count, a page of the list and
 * the CSV export. Who matches is one SQL query (./sql.ts); a listed member's
 * row is their folded ledger seen at `now` (the engine's view), masked as the
 * account may see it (src/contract/backoffice/segments.ts: phone and e-mail
 * of an owner's every member, of a store manager's own stores' customers).
 */
import { memberStatus, memberView } from '../../src/core/member';
import type { MemberLedger } from '../../src/core/member-types';
import { maskPhone } from '../../src/core/phone';
import type { Locale } from '../../src/core/i18n';
import type { Programme, SegmentRule } from '../../src/core/programme';
import { isoDate, localDateOf } from '../../src/core/time';
import type {
  BoSegmentCount,
  BoSegmentExport,
  BoSegmentMember,
  BoSegmentMembers,
} from '../../src/contract/backoffice/segments';
import { SEGMENT_EXPORT_MAX, SEGMENT_PAGE_SIZE } from '../../src/contract/backoffice/segments';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { readLedgers } from '../member-ledgers';
import { programmeInForce } from '../programme';
import type { Scope } from '../backoffice/scope';
import type { SegmentSqlSettings } from './sql';
import { segmentSql } from './sql';
import { kronerCell, toCsv } from './csv';

export interface SegmentCountOptions {
  /** The programme's time zone, status days and tiers; the chain's programme in force when left out. */
  settings?: SegmentSqlSettings;
}

/** How many of the chain's members the rule matches at `now` (one SQL query). */
export async function segmentCount(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  now: number,
  options: SegmentCountOptions = {},
): Promise<number> {
  const settings = options.settings ?? (await programmeInForce(db, chainId));
  const query = segmentSql(chainId, rule, now, settings);
  const [row] = await db.query<{ n: unknown }>(query.count, query.params);
  return toInt(row?.n ?? 0);
}

/** The matching members' ids in member number order, `limit` from `offset`. */
export async function segmentMemberIds(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  now: number,
  settings: SegmentSqlSettings,
  offset: number,
  limit: number,
): Promise<string[]> {
  const query = segmentSql(chainId, rule, now, settings);
  const rows = await db.query<{ member_id: string }>(query.page, [...query.params, limit, offset]);
  return rows.map((r) => r.member_id);
}

export async function countForBackoffice(
  db: Queryable,
  scope: Scope,
  rule: SegmentRule,
  now: number,
): Promise<BoSegmentCount> {
  return { count: await segmentCount(db, scope.chainId, rule, now), at: now };
}

/** The stores each member enrolled or bought in (the search index's), for masking. */
async function storesOf(
  db: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Map<string, string[]>> {
  const rows = await db.query<{ member_id: string; store_ids: string[] }>(
    'SELECT member_id, store_ids FROM members WHERE chain_id = $1 AND member_id = ANY($2::text[])',
    [chainId, memberIds],
  );
  return new Map(rows.map((r) => [r.member_id, r.store_ids]));
}

function rowOf(
  ledger: MemberLedger,
  stores: readonly string[],
  scope: Scope,
  programme: Programme,
  now: number,
): BoSegmentMember {
  const view = memberView(programme, ledger, now);
  const visible =
    scope.role === 'owner' ||
    [ledger.enrolledStoreId, ...stores].some((storeId) => scope.reaches(storeId));
  const email = ledger.profile.email;
  const name = [ledger.profile.firstName, ledger.profile.lastName].filter(Boolean).join(' ');
  return {
    memberId: ledger.memberId,
    memberNumber: ledger.memberNumber,
    name: name === '' ? null : name,
    contactVisible: visible,
    phone:
      ledger.phoneE164 === null ? null : visible ? ledger.phoneE164 : maskPhone(ledger.phoneE164),
    email: email === null ? null : visible ? email : '•••',
    postalCode: ledger.profile.postalCode,
    tier: view.tier?.name ?? null,
    status: memberStatus(view, now, programme.memberStatusDays),
    purchases: view.stats.purchases,
    spendOre: view.stats.spendOre,
    lastPurchaseAt: view.stats.lastPurchaseAt,
    consents: { ...view.consents },
  };
}

/** The rows of these members, in the order given (any without a ledger left out). */
async function rowsOf(
  db: Queryable,
  scope: Scope,
  memberIds: readonly string[],
  programme: Programme,
  now: number,
): Promise<BoSegmentMember[]> {
  const [ledgers, stores] = await Promise.all([
    readLedgers(db, scope.chainId, memberIds),
    storesOf(db, scope.chainId, memberIds),
  ]);
  return memberIds.flatMap((id) => {
    const ledger = ledgers.get(id);
    return ledger ? [rowOf(ledger, stores.get(id) ?? [], scope, programme, now)] : [];
  });
}

export async function segmentMembersPage(
  db: Queryable,
  scope: Scope,
  rule: SegmentRule,
  page: number,
  now: number,
): Promise<BoSegmentMembers> {
  const programme = await programmeInForce(db, scope.chainId);
  const [ids, count] = await Promise.all([
    segmentMemberIds(
      db,
      scope.chainId,
      rule,
      now,
      programme,
      page * SEGMENT_PAGE_SIZE,
      SEGMENT_PAGE_SIZE + 1,
    ),
    segmentCount(db, scope.chainId, rule, now, { settings: programme }),
  ]);
  const members = await rowsOf(db, scope, ids.slice(0, SEGMENT_PAGE_SIZE), programme, now);
  return { members, count, page, more: ids.length > SEGMENT_PAGE_SIZE, at: now };
}

/** The export's headings, in the reader's language. */
const HEADINGS: Record<Locale, string[]> = {
  nb: [
    'Medlemsnummer',
    'Navn',
    'Telefon',
    'E-post',
    'Postnummer',
    'Nivå',
    'Status',
    'Kjøp',
    'Omsetning (kr)',
    'Siste kjøp',
    'Samtykke SMS',
    'Samtykke e-post',
  ],
  en: [
    'Member number',
    'Name',
    'Phone',
    'E-mail',
    'Postal code',
    'Tier',
    'Status',
    'Purchases',
    'Spend (NOK)',
    'Last purchase',
    'SMS consent',
    'E-mail consent',
  ],
  sv: [
    'Medlemsnummer',
    'Namn',
    'Telefon',
    'E-post',
    'Postnummer',
    'Nivå',
    'Status',
    'Köp',
    'Omsättning (kr)',
    'Senaste köp',
    'Samtycke sms',
    'Samtycke e-post',
  ],
};

const STATUS_WORDS: Record<Locale, Record<BoSegmentMember['status'], string>> = {
  nb: { new: 'Ny', active: 'Aktiv', lapsing: 'På vei bort', lost: 'Tapt' },
  en: { new: 'New', active: 'Active', lapsing: 'Lapsing', lost: 'Lost' },
  sv: { new: 'Ny', active: 'Aktiv', lapsing: 'På väg bort', lost: 'Förlorad' },
};

const YES_NO: Record<Locale, [string, string]> = {
  nb: ['Ja', 'Nei'],
  en: ['Yes', 'No'],
  sv: ['Ja', 'Nej'],
};

const EXPORT_BATCH = 500;

/** A name as a file name: letters and digits kept (æøå too), the rest a dash. */
function fileNameOf(name: string | undefined, day: string): string {
  const base = (name ?? 'segment')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'segment'}-${day}.csv`;
}

export async function segmentExport(
  db: Queryable,
  scope: Scope,
  rule: SegmentRule,
  name: string | undefined,
  locale: Locale,
  now: number,
): Promise<BoSegmentExport> {
  const programme = await programmeInForce(db, scope.chainId);
  const ids = await segmentMemberIds(
    db,
    scope.chainId,
    rule,
    now,
    programme,
    0,
    SEGMENT_EXPORT_MAX + 1,
  );
  const kept = ids.slice(0, SEGMENT_EXPORT_MAX);
  const members: BoSegmentMember[] = [];
  for (let i = 0; i < kept.length; i += EXPORT_BATCH) {
    const rows = await rowsOf(db, scope, kept.slice(i, i + EXPORT_BATCH), programme, now);
    // A file leaves the back office: a store manager's holds only their own stores' customers
    // (as members.exportList does), not the chain's members they may page through masked.
    members.push(...(scope.role === 'owner' ? rows : rows.filter((m) => m.contactVisible)));
  }
  const zone = programme.timeZone;
  const [yes, no] = YES_NO[locale];
  const csv = toCsv(
    HEADINGS[locale],
    members.map((m) => [
      m.memberNumber,
      m.name,
      m.phone,
      m.email,
      m.postalCode,
      m.tier ? (locale === 'sv' ? (m.tier.sv ?? m.tier.nb) : m.tier[locale]) : null,
      STATUS_WORDS[locale][m.status],
      m.purchases,
      kronerCell(m.spendOre),
      m.lastPurchaseAt === null ? null : isoDate(localDateOf(m.lastPurchaseAt, zone)),
      m.consents.sms ? yes : no,
      m.consents.email ? yes : no,
    ]),
  );
  return {
    fileName: fileNameOf(name, isoDate(localDateOf(now, zone))),
    csv,
    rows: members.length,
    truncated: ids.length > SEGMENT_EXPORT_MAX,
  };
}
