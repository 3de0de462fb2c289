/**
 * The back office's members (src/contract/backoffice/members.ts says who sees
 * what): search over the lookup index (migration 009), a member folded from
 * their events by the engine (`foldMember`, `memberView`), and changes written
 * as member events by the cloud with the account as author — store and till
 * `cloud`, `staffId` the account's id — through the same path as a till's push
 * (appendEvents: the index, redaction and conflicts follow), so the tills pull
 * them like any other.
 */
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION, isKnownEventType } from '../../src/core/events';
import type {
  EventEnvelope,
  EventPayload,
  EventType,
  LojalEvent,
  MemberEvent,
} from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../../src/core/hlc';
import { LIMITS } from '../../src/core/limits';
import { foldMember, memberView } from '../../src/core/member';
import type { MemberLedger } from '../../src/core/member-types';
import { maskPhone, normalisePhone } from '../../src/core/phone';
import type { Programme } from '../../src/core/programme';
import { addMonths, localDateOf, startOfLocalDay } from '../../src/core/time';
import type { Msg, Shown } from '../../src/core/i18n';
import type {
  BoAuthor,
  BoMemberDetail,
  BoMemberEntry,
  BoMemberRow,
  BoMemberSearch,
} from '../../src/contract/backoffice/members';
import { MEMBER_PAGE_SIZE } from '../../src/contract/backoffice/members';
import { mergeEntryReasons } from '../../src/contract/backoffice/merge';
import type { Queryable, Database } from '../db/database';
import { toInt } from '../db/database';
import { appendEvents, newestHlc } from '../event-log';
import { envelopeOf, lockMembers } from '../event-rows';
import type { EventRow } from '../event-rows';
import { memberEventRows, nameSearchKey } from '../members';
import { CLOUD_ORIGIN } from '../programme-change';
import { programmeInForce } from '../programme';
import { BoError, notFound } from './errors';
import type { Scope } from './scope';

/** What a search typed: a member number (13 digits), a phone (digits, +, spaces), or a name. */
export function readQuery(
  q: string,
):
  | { by: 'member_number'; value: string }
  | { by: 'phone'; value: string | null }
  | { by: 'name'; value: string } {
  const compact = q.replace(/[\s().-]/g, '');
  if (/^\d{13}$/.test(compact)) return { by: 'member_number', value: compact };
  if (/^\+?\d{3,}$/.test(compact)) {
    const phone = normalisePhone(q);
    return { by: 'phone', value: phone.ok ? phone.e164 : null };
  }
  return { by: 'name', value: nameSearchKey(q) };
}

/** A LIKE pattern matching what starts with `text`. */
export function prefixPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type SearchRow = {
  member_id: string;
  member_number: string;
  full_name: string | null;
  phone_e164: string | null;
  enrolled_at: unknown;
  store_ids: string[];
};

const SEARCH_COLUMNS = 'member_id, member_number, full_name, phone_e164, enrolled_at, store_ids';

/**
 * The bare indexed query of a search (the benchmark's floor runs this too):
 * the page's rows plus one, so the caller knows whether more follow.
 */
export async function searchRows(
  db: Queryable,
  chainId: string,
  query: ReturnType<typeof readQuery>,
  page: number,
  pageSize = MEMBER_PAGE_SIZE,
): Promise<SearchRow[]> {
  const limit = pageSize + 1;
  const offset = page * pageSize;
  if (query.by === 'member_number')
    return db.query<SearchRow>(
      `SELECT ${SEARCH_COLUMNS} FROM members
        WHERE chain_id = $1 AND member_number = $2 AND NOT erased
        ORDER BY enrolled_at, member_id LIMIT $3 OFFSET $4`,
      [chainId, query.value, limit, offset],
    );
  if (query.by === 'phone') {
    if (query.value === null) return [];
    return db.query<SearchRow>(
      `SELECT ${SEARCH_COLUMNS} FROM members
        WHERE chain_id = $1 AND phone_e164 = $2 AND NOT erased
        ORDER BY enrolled_at, member_id LIMIT $3 OFFSET $4`,
      [chainId, query.value, limit, offset],
    );
  }
  const pattern = prefixPattern(query.value);
  // Two ranges of the C-collated name indexes (migration 009), read in their own order
  // (first name first, last name first) and only as far as the page; their union in name order.
  return db.query<SearchRow>(
    `SELECT ${SEARCH_COLUMNS} FROM (
       (SELECT ${SEARCH_COLUMNS}, name_key FROM members
         WHERE chain_id = $1 AND name_key COLLATE "C" LIKE $2 AND NOT erased
         ORDER BY name_key COLLATE "C", member_id LIMIT $3::int + $4::int)
       UNION
       (SELECT ${SEARCH_COLUMNS}, name_key FROM members
         WHERE chain_id = $1 AND surname_key COLLATE "C" LIKE $2 AND NOT erased
         ORDER BY surname_key COLLATE "C", member_id LIMIT $3::int + $4::int)
     ) found ORDER BY name_key COLLATE "C", member_id LIMIT $3 OFFSET $4`,
    [chainId, pattern, limit, offset],
  );
}

/** Whether the account sees this member's phone and e-mail (see the contract's comment). */
function seesContact(scope: Scope, storeIds: readonly string[]): boolean {
  return scope.role === 'owner' || storeIds.some((id) => scope.reaches(id));
}

export async function searchMembers(
  db: Queryable,
  scope: Scope,
  q: string,
  page: number,
): Promise<BoMemberSearch> {
  const query = readQuery(q);
  const rows = await searchRows(db, scope.chainId, query, page);
  const members: BoMemberRow[] = rows.slice(0, MEMBER_PAGE_SIZE).map((row) => ({
    memberId: row.member_id,
    memberNumber: row.member_number,
    name: row.full_name,
    phone:
      row.phone_e164 === null
        ? null
        : seesContact(scope, row.store_ids)
          ? row.phone_e164
          : maskPhone(row.phone_e164),
    enrolledAt: toInt(row.enrolled_at),
  }));
  return { members, by: query.by, page, more: rows.length > MEMBER_PAGE_SIZE };
}

/** A member's stored events as the engine reads them (types this version knows). */
function eventsOf(rows: readonly EventRow[]): MemberEvent[] {
  return rows
    .filter((row) => isKnownEventType(row.type))
    .map((row) => envelopeOf(row) as unknown as MemberEvent);
}

interface Loaded {
  ledger: MemberLedger;
  events: MemberEvent[];
}

export async function loadMember(
  db: Queryable,
  chainId: string,
  memberId: string,
): Promise<Loaded> {
  const rows = (await memberEventRows(db, chainId, [memberId])).get(memberId) ?? [];
  const events = eventsOf(rows);
  const ledger = events.length > 0 ? foldMember(events) : null;
  if (!ledger) throw notFound('the member');
  return { ledger, events };
}

function storesOfMember(ledger: MemberLedger): string[] {
  return [...new Set([ledger.enrolledStoreId, ...ledger.sales.map((s) => s.storeId)])];
}

/** Names of the chain's stores, accounts and staff, to tell who did what where. */
interface Names {
  stores: Map<string, string>;
  accounts: Map<string, string>;
  staff: Map<string, string>;
}

async function namesOf(db: Queryable, chainId: string): Promise<Names> {
  const [stores, accounts, staff] = await Promise.all([
    db.query<{ id: string; name: string }>('SELECT id, name FROM stores WHERE chain_id = $1', [
      chainId,
    ]),
    db.query<{ id: string; name: string }>('SELECT id, name FROM accounts WHERE chain_id = $1', [
      chainId,
    ]),
    db.query<{ employee_id: string; name: string }>(
      `SELECT DISTINCT ON (payload->>'employeeId') payload->>'employeeId' AS employee_id,
              payload->>'name' AS name
         FROM events WHERE chain_id = $1 AND type = 'staff.saved'
        ORDER BY payload->>'employeeId', hlc DESC`,
      [chainId],
    ),
  ]);
  return {
    stores: new Map(stores.map((s) => [s.id, s.name])),
    accounts: new Map(accounts.map((a) => [a.id, a.name])),
    staff: new Map(staff.map((s) => [s.employee_id, s.name])),
  };
}

/** The author an event names (`staffId`; the back office's events name an account). */
function authorOf(event: MemberEvent): string | null {
  const payload = event.payload as { staffId?: unknown };
  return typeof payload.staffId === 'string' ? payload.staffId : null;
}

function textOf(stored: { nb: string; en: string; sv?: string }): Shown {
  return stored.sv === undefined
    ? { nb: stored.nb, en: stored.en }
    : { nb: stored.nb, en: stored.en, sv: stored.sv };
}

/** One event told as an entry; what happened in a store outside the scope names neither store nor staff. */
export function entryOf(event: MemberEvent, scope: Scope, names: Names): BoMemberEntry {
  const backoffice = event.storeId === CLOUD_ORIGIN;
  const inScope = backoffice || scope.reaches(event.storeId);
  const authorId = authorOf(event);
  let by: BoAuthor = null;
  if (authorId !== null && inScope)
    by = backoffice
      ? { kind: 'account', accountId: authorId, name: names.accounts.get(authorId) ?? null }
      : { kind: 'staff', staffId: authorId, name: names.staff.get(authorId) ?? null };
  const base = {
    eventId: event.id,
    at: (event.payload as { at: number }).at,
    store: backoffice || !inScope ? null : (names.stores.get(event.storeId) ?? null),
    backoffice,
    by,
  };
  switch (event.type) {
    case 'member.enrolled':
      return { ...base, kind: 'enrolled' };
    case 'member.profile_updated':
      return { ...base, kind: 'profile', fields: Object.keys(event.payload.fields) };
    case 'member.consent_changed':
      return {
        ...base,
        kind: 'consent',
        channel: event.payload.channel,
        granted: event.payload.granted,
      };
    case 'member.pin_set':
      return { ...base, kind: 'pin', pinCleared: event.payload.pinHash === null };
    case 'member.erased':
      return { ...base, kind: 'erased' };
    case 'sale.committed': {
      const effects = event.payload.effects;
      return {
        ...base,
        kind: 'sale',
        totalOre: event.payload.totalOre,
        receiptNo: event.payload.receiptNo,
        points: effects ? effects.pointsEarned - effects.pointsRedeemed : 0,
      };
    }
    case 'sale.voided':
      return {
        ...base,
        kind: 'voided',
        reason: { nb: event.payload.reason, en: event.payload.reason },
      };
    case 'sale.returned':
      return {
        ...base,
        kind: 'returned',
        totalOre: event.payload.refundOre,
        points: event.payload.reversed.pointsRedeemedRestored - event.payload.reversed.points,
      };
    case 'points.adjusted':
      return {
        ...base,
        kind: 'points',
        points: event.payload.points,
        reason: textOf(event.payload.reason),
      };
    case 'coupon.purchased':
      return { ...base, kind: 'coupon_bought', points: -event.payload.costPoints };
    case 'referral.rewarded':
      return { ...base, kind: 'referral', points: event.payload.points };
    // A merge (cloud/backoffice/handlers/merge.ts): the points that moved, and why.
    case 'member.absorbed': {
      const p = event.payload;
      const moved = p.lots.reduce((sum, lot) => sum + lot.points, 0) - p.pointsDeficit;
      const reason = mergeEntryReasons.absorbed(p.memberNumber);
      return { ...base, kind: 'points', points: moved, reason };
    }
    case 'member.merged':
      return { ...base, kind: 'points', reason: mergeEntryReasons.merged() };
    default:
      return { ...base, kind: 'other' };
  }
}

/** The most points one manual adjustment may move in this chain (as event-log.ts checks a till's). */
export function manualAdjustmentCap(programme: Programme): number {
  return Math.min(
    LIMITS.maxPointsAdjustment,
    programme.points?.maxManualAdjustment ?? LIMITS.maxPointsAdjustment,
  );
}

export async function memberDetail(
  db: Queryable,
  scope: Scope,
  memberId: string,
  now: number,
): Promise<BoMemberDetail> {
  const { ledger, events } = await loadMember(db, scope.chainId, memberId);
  // An erased member has no page: what is left is anonymous figures (the audit keeps the erasure).
  if (ledger.erased) throw notFound('the member');
  const [programme, names] = await Promise.all([
    programmeInForce(db, scope.chainId),
    namesOf(db, scope.chainId),
  ]);
  const view = memberView(programme, ledger, now);
  const visible = seesContact(scope, storesOfMember(ledger));
  const owner = scope.role === 'owner';
  return {
    memberId,
    memberNumber: ledger.memberNumber,
    erased: ledger.erased,
    contactVisible: visible,
    phone:
      ledger.phoneE164 === null ? null : visible ? ledger.phoneE164 : maskPhone(ledger.phoneE164),
    profile: {
      firstName: ledger.profile.firstName,
      lastName: ledger.profile.lastName,
      email: visible ? ledger.profile.email : ledger.profile.email === null ? null : '•••',
      birthDate: ledger.profile.birthDate,
      postalCode: ledger.profile.postalCode,
    },
    enrolledAt: ledger.enrolledAt,
    enrolledStore: scope.reaches(ledger.enrolledStoreId)
      ? (names.stores.get(ledger.enrolledStoreId) ?? null)
      : null,
    consents: ledger.consents,
    termsVersion: ledger.termsVersion,
    hasPin: ledger.pinHash !== null,
    points: {
      enabled: programme.points?.enabled === true,
      balance: view.points.balance,
      pending: view.points.pending,
      valueOre: view.points.valueOre,
    },
    cashbackOre: view.cashbackOre,
    tier: view.tier ? { name: view.tier.name, qualifyingPoints: view.tier.qualifyingPoints } : null,
    punchCards: view.punchCards.map((card) => ({
      cardId: card.cardId,
      name: card.name,
      stamps: card.stamps,
      of: card.of,
      rewards: card.rewardsAvailable.length,
    })),
    coupons: view.coupons.map((c) => ({
      couponId: c.couponId,
      name: c.template.name,
      validTo: c.validTo,
      usesLeft: c.usesLeft,
    })),
    stats: {
      purchases: view.stats.purchases,
      spendOre: view.stats.spendOre,
      lastPurchaseAt: view.stats.lastPurchaseAt,
    },
    history: events
      .map((event) => entryOf(event, scope, names))
      .sort((a, b) => b.at - a.at || (a.eventId < b.eventId ? 1 : -1)),
    maxAdjustment: manualAdjustmentCap(programme),
    may: { editProfile: visible, grantConsent: owner, export: owner, erase: owner },
  };
}

export interface MemberChange<T extends EventType> {
  type: T;
  payload: EventPayload<T>;
}

/**
 * Writes one member event of the back office: under the member's lock (the
 * order a till's push takes locks in: member, then the chain's when numbering),
 * against the member as stored; `decide` refuses by throwing or says the event.
 * Its clock is after every event the chain holds, so its changes win over
 * earlier ones; the till's fold reads it like any other event.
 */
export async function writeMemberEvent<T extends EventType>(
  db: Database,
  scope: Scope,
  memberId: string,
  now: number,
  decide: (loaded: Loaded, programme: Programme, tx: Queryable) => Promise<MemberChange<T>>,
): Promise<EventEnvelope<T>> {
  return db.transaction(async (tx) => {
    await lockMembers(tx, scope.chainId, [memberId]);
    const loaded = await loadMember(tx, scope.chainId, memberId);
    if (loaded.ledger.erased) throw notFound('the member');
    const programme = await programmeInForce(tx, scope.chainId);
    const change = await decide(loaded, programme, tx);
    const latest = await newestHlc(tx, scope.chainId);
    const seen = [latest, loaded.ledger.lastHlc]
      .filter((h): h is string => h !== null && h !== '')
      .sort()
      .at(-1);
    const clock = seen
      ? receiveHlc(null, decodeHlc(seen), now, CLOUD_ORIGIN)
      : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
    const event = {
      id: uuidv7({ msecs: now }),
      chainId: scope.chainId,
      storeId: CLOUD_ORIGIN,
      terminalId: CLOUD_ORIGIN,
      hlc: encodeHlc(clock),
      type: change.type,
      memberId,
      payload: change.payload,
      schemaVersion: EVENT_SCHEMA_VERSION,
    } as EventEnvelope<T>;
    await appendEvents(tx, scope.chainId, [event as unknown as LojalEvent], now);
    return event;
  });
}

/** When points given now expire (as the till dates them: src/service/commands/member-rewards.ts). */
export function pointsExpiry(programme: Programme, now: number): number | null {
  const months = programme.points?.lifetimeMonths ?? null;
  if (months === null) return null;
  const zone = programme.timeZone;
  const today = localDateOf(now, zone);
  const sinceMidnight = now - startOfLocalDay(today, zone);
  return startOfLocalDay(addMonths(today, months), zone) + sinceMidnight;
}

export const fieldRefusal = (field: string, said: Msg, message: string) =>
  new BoError('invalid_request', message, field, said);

/** Another live member holding this phone, if any. */
export async function phoneHolder(
  tx: Queryable,
  chainId: string,
  phoneE164: string,
  memberId: string,
): Promise<boolean> {
  const rows = await tx.query<{ member_id: string }>(
    `SELECT member_id FROM members WHERE chain_id = $1 AND phone_e164 = $2 AND NOT erased
        AND member_id <> $3 LIMIT 1`,
    [chainId, phoneE164, memberId],
  );
  return rows.length > 0;
}

/** Everything held on a member, for a data-access request (owners only). */
export async function memberExport(db: Queryable, scope: Scope, memberId: string, now: number) {
  const { ledger, events } = await loadMember(db, scope.chainId, memberId);
  const detail = ledger.erased ? null : await memberDetail(db, scope, memberId, now);
  return {
    exportedAt: new Date(now).toISOString(),
    memberId,
    data: {
      erased: ledger.erased,
      memberNumber: ledger.memberNumber,
      phone: ledger.phoneE164,
      profile: ledger.profile,
      enrolment: {
        at: new Date(ledger.enrolledAt).toISOString(),
        storeId: ledger.enrolledStoreId,
        termsVersion: ledger.termsVersion,
        referrerId: ledger.referrerId,
      },
      consents: ledger.consents,
      consentHistory: ledger.consentHistory,
      hasPin: ledger.pinHash !== null,
      balances: detail
        ? { points: detail.points, cashbackOre: detail.cashbackOre, tier: detail.tier }
        : null,
      punchCards: detail?.punchCards ?? [],
      coupons: detail?.coupons ?? [],
      events: events.map((event) =>
        event.type === 'member.pin_set'
          ? { ...event, payload: { ...event.payload, pinHash: event.payload.pinHash && '(set)' } }
          : event,
      ),
    } as Record<string, unknown>,
  };
}

const AUDIT_PAGE = 50;

/** The back office's and the tills' changes of one member, or one account's changes. */
export async function auditList(
  db: Queryable,
  scope: Scope,
  accountIdOfCaller: string,
  input: { memberId: string; page: number } | { accountId: string; page: number },
) {
  const names = await namesOf(db, scope.chainId);
  if ('memberId' in input) {
    const { ledger, events } = await loadMember(db, scope.chainId, input.memberId);
    const entries = events
      .map((event) => ({
        ...entryOf(event, scope, names),
        memberId: input.memberId,
        memberNumber: ledger.memberNumber,
      }))
      .sort((a, b) => b.at - a.at);
    const from = input.page * AUDIT_PAGE;
    return {
      entries: entries.slice(from, from + AUDIT_PAGE),
      more: entries.length > from + AUDIT_PAGE,
    };
  }
  // A store manager reads their own changes; an owner any account's of the chain.
  if (!names.accounts.has(input.accountId)) throw notFound('the account');
  if (scope.role !== 'owner' && input.accountId !== accountIdOfCaller)
    throw notFound('the account');
  const rows = await db.query<EventRow & { member_number: string | null }>(
    `SELECT e.seq, e.id, e.chain_id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id,
            e.schema_version, e.payload, e.redacted, m.member_number
       FROM events e LEFT JOIN members m ON m.chain_id = e.chain_id AND m.member_id = e.member_id
      WHERE e.chain_id = $1 AND e.store_id = 'cloud' AND e.payload->>'staffId' = $2
        AND e.member_id IS NOT NULL
      ORDER BY e.seq DESC LIMIT $3 OFFSET $4`,
    [scope.chainId, input.accountId, AUDIT_PAGE + 1, input.page * AUDIT_PAGE],
  );
  const entries = rows
    .slice(0, AUDIT_PAGE)
    .filter((row) => isKnownEventType(row.type))
    .map((row) => ({
      ...entryOf(envelopeOf(row) as unknown as MemberEvent, scope, names),
      memberId: row.member_id!,
      memberNumber: row.member_number,
    }));
  return { entries, more: rows.length > AUDIT_PAGE };
}
