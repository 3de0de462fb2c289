/**
 * The chain's conflicts as the back office shows them: the open ones the cloud
 * keeps (cloud/members.ts, the engine's flags recomputed at each push) that
 * nobody settled yet, and the settled ones kept in `conflict_settlements`
 * (migration 008) after the flag itself is gone. Where and when come from the
 * member's own events (the sales that used the coupon twice, the spends and
 * returns behind a negative balance); a conflict belongs to the stores of
 * those events (a store manager's scope). Members are read by folding their
 * events with the engine, so an erased member shows nothing of them.
 */
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION, isKnownEventType } from '../../src/core/events';
import type { EventEnvelope, MemberEvent } from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../../src/core/hlc';
import { SETTLE_REFUSALS } from '../../src/contract/backoffice/conflicts';
import { msg } from '../../src/core/i18n';
import { LIMITS } from '../../src/core/limits';
import { foldMember } from '../../src/core/member';
import type { MemberLedger } from '../../src/core/member-types';
import {
  CONFLICTS_LIST_MAX,
  CONFLICT_KINDS,
  SETTLED_LIST_MAX,
} from '../../src/contract/backoffice/conflicts';
import type {
  BoConflict,
  BoConflictEvent,
  BoConflictKind,
  BoConflictMember,
  BoConflicts,
  BoSettleAction,
} from '../../src/contract/backoffice/conflicts';
import type { Account } from '../accounts/accounts';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { appendEvents, newestHlc } from '../event-log';
import { envelopeOf, lockMembers } from '../event-rows';
import type { EventRow } from '../event-rows';
import { memberEventRows } from '../members';
import { programmeInForce } from '../programme';
import { CLOUD_ORIGIN } from '../programme-change';
import { BoError, notFound } from './errors';
import type { Scope } from './scope';

/** An event behind a conflict, as kept with its settlement. */
interface Involved {
  what: BoConflictEvent['what'];
  eventId: string;
  hlc: string;
  at: number;
  storeId: string;
  terminalId: string;
  receiptNo: string | null;
}

type ConflictRow = {
  conflict_id: string;
  member_id: string;
  kind: BoConflictKind;
  subject: string;
  flag: Record<string, unknown>;
  first_seen_at: unknown;
  last_seen_at: unknown;
};

/** The id the back office is given: one occurrence of a flag (it comes back as a new one). */
const CONFLICT_ID_SQL = `md5(c.member_id || chr(31) || c.kind || chr(31) || c.subject || chr(31) || c.first_seen_at::text)`;

const SHOWN_FOR_BALANCE = 3;

type Payload = Record<string, unknown>;
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The events behind a flag, oldest first. */
function involvedIn(
  row: Pick<ConflictRow, 'kind' | 'flag'>,
  events: readonly EventRow[],
): Involved[] {
  const known = events.filter((e) => isKnownEventType(e.type));
  const voided = new Set(
    known.filter((e) => e.type === 'sale.voided').map((e) => str((e.payload as Payload).saleId)),
  );
  const of = (e: EventRow, what: Involved['what']): Involved => {
    const p = e.payload as Payload;
    return {
      what,
      eventId: e.id,
      hlc: e.hlc,
      at: num(p.at),
      storeId: e.store_id,
      terminalId: e.terminal_id,
      receiptNo: str(p.receiptNo),
    };
  };
  let found: Involved[];
  if (row.kind === 'negative_points' || row.kind === 'negative_cashback') {
    const points = row.kind === 'negative_points';
    found = known
      .flatMap((e): Involved[] => {
        const p = e.payload as Payload;
        if (e.type === 'sale.committed' && !voided.has(str(p.saleId))) {
          const effects = (p.effects ?? {}) as Payload;
          const spent = points ? num(effects.pointsRedeemed) : num(effects.cashbackRedeemedOre);
          return spent > 0 ? [of(e, 'sale')] : [];
        }
        if (e.type === 'sale.returned') {
          const reversed = (p.reversed ?? {}) as Payload;
          return (points ? num(reversed.points) : num(reversed.cashbackOre)) > 0
            ? [of(e, 'return')]
            : [];
        }
        if (points && e.type === 'points.adjusted' && num(p.points) < 0)
          return [of(e, 'adjustment')];
        return [];
      })
      .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
      .slice(-SHOWN_FOR_BALANCE);
  } else {
    const saleIds = new Set(
      Array.isArray(row.flag.saleIds) ? row.flag.saleIds.map((s) => String(s)) : [],
    );
    found = known
      .filter(
        (e) => e.type === 'sale.committed' && saleIds.has(str((e.payload as Payload).saleId) ?? ''),
      )
      .map((e) => of(e, 'sale'));
  }
  return found.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

function foldOf(rows: readonly EventRow[]): MemberLedger | null {
  try {
    return foldMember(
      rows
        .filter((r) => isKnownEventType(r.type))
        .map((r) => envelopeOf(r) as unknown as MemberEvent),
    );
  } catch {
    return null;
  }
}

const MASK = '•';

function memberAsSeen(ledger: MemberLedger | null, role: Account['role']): BoConflictMember {
  if (!ledger || ledger.erased)
    return {
      name: null,
      memberNumber: ledger ? mask(ledger.memberNumber) : '',
      phone: null,
      email: null,
      erased: true,
    };
  const first = ledger.profile.firstName?.trim() ?? '';
  const last = ledger.profile.lastName?.trim() ?? '';
  if (role === 'owner')
    return {
      name: [first, last].filter(Boolean).join(' ') || null,
      memberNumber: ledger.memberNumber,
      phone: ledger.phoneE164,
      email: ledger.profile.email ?? null,
      erased: false,
    };
  return {
    name: [first, last ? `${last.slice(0, 1)}.` : ''].filter(Boolean).join(' ') || null,
    memberNumber: mask(ledger.memberNumber),
    phone: null,
    email: null,
    erased: false,
  };
}

function mask(memberNumber: string): string {
  return MASK.repeat(Math.max(0, memberNumber.length - 4)) + memberNumber.slice(-4);
}

interface Places {
  stores: Map<string, string>;
  terminals: Map<string, string>;
}

async function placesOf(db: Queryable, chainId: string): Promise<Places> {
  const [stores, terminals] = await Promise.all([
    db.query<{ id: string; name: string }>('SELECT id, name FROM stores WHERE chain_id = $1', [
      chainId,
    ]),
    db.query<{ id: string; name: string }>('SELECT id, name FROM terminals WHERE chain_id = $1', [
      chainId,
    ]),
  ]);
  return {
    stores: new Map(stores.map((s) => [s.id, s.name])),
    terminals: new Map(terminals.map((t) => [t.id, t.name])),
  };
}

/** A store manager reaches a conflict when any event behind it was at one of their stores. */
function reachable(scope: Scope, involved: readonly Involved[]): boolean {
  if (scope.role === 'owner') return true;
  return involved.some((i) => i.storeId !== CLOUD_ORIGIN && scope.reaches(i.storeId));
}

function eventAsSeen(i: Involved, scope: Scope, places: Places): BoConflictEvent {
  const fromCloud = i.storeId === CLOUD_ORIGIN;
  const seen = fromCloud || scope.reaches(i.storeId);
  return {
    what: i.what,
    at: i.at,
    reachable: seen,
    storeName: seen && !fromCloud ? (places.stores.get(i.storeId) ?? null) : null,
    tillName: seen && !fromCloud ? (places.terminals.get(i.terminalId) ?? null) : null,
    receiptNo: seen ? i.receiptNo : null,
  };
}

function amountOf(kind: BoConflictKind, flag: Record<string, unknown>): number | null {
  if (kind === 'negative_points') return num(flag.points);
  if (kind === 'negative_cashback') return num(flag.amountOre);
  return null;
}

function subjectOf(kind: BoConflictKind, subject: string): string | null {
  return kind === 'negative_points' || kind === 'negative_cashback' ? null : subject;
}

async function openRows(
  db: Queryable,
  chainId: string,
  conflictId?: string,
): Promise<ConflictRow[]> {
  return db.query<ConflictRow>(
    `SELECT ${CONFLICT_ID_SQL} AS conflict_id, c.member_id, c.kind, c.subject, c.flag,
            c.first_seen_at, c.last_seen_at
       FROM conflicts c
      WHERE c.chain_id = $1 AND c.kind = ANY($2::text[])
        AND ($3::text IS NULL OR ${CONFLICT_ID_SQL} = $3)
        AND NOT EXISTS (SELECT 1 FROM conflict_settlements s
                         WHERE s.chain_id = c.chain_id AND s.conflict_id = ${CONFLICT_ID_SQL})
      ORDER BY c.first_seen_at, c.member_id, c.kind, c.subject
      LIMIT $4`,
    [chainId, [...CONFLICT_KINDS], conflictId ?? null, 4 * CONFLICTS_LIST_MAX],
  );
}

type SettledRow = ConflictRow & {
  involved: Involved[];
  action: BoSettleAction;
  points: number | null;
  note: string;
  settled_at: unknown;
  by_name: string;
};

export async function conflictsInScope(
  db: Queryable,
  account: Account,
  scope: Scope,
  now: number,
): Promise<BoConflicts> {
  const chainId = scope.chainId;
  const [open, settled, places, programme] = await Promise.all([
    openRows(db, chainId),
    db.query<SettledRow>(
      `SELECT c.conflict_id, c.member_id, c.kind, c.subject, c.flag, c.first_seen_at, c.last_seen_at,
              c.involved, c.action, c.points, c.note, c.settled_at, a.name AS by_name
         FROM conflict_settlements c JOIN accounts a ON a.id = c.settled_by
        WHERE c.chain_id = $1 AND ($2::boolean OR c.store_ids && $3::text[])
        ORDER BY c.settled_at DESC, c.conflict_id
        LIMIT $4`,
      [
        chainId,
        scope.role === 'owner',
        (await scope.stores(db)).map((s) => s.storeId),
        SETTLED_LIST_MAX,
      ],
    ),
    placesOf(db, chainId),
    programmeInForce(db, chainId),
  ]);
  const memberIds = [...new Set([...open, ...settled].map((r) => r.member_id))];
  const byMember = await memberEventRows(db, chainId, memberIds);
  const ledgers = new Map(memberIds.map((id) => [id, foldOf(byMember.get(id) ?? [])]));
  const shown = (row: ConflictRow, involved: Involved[]): Omit<BoConflict, 'settlement'> => ({
    conflictId: row.conflict_id,
    kind: row.kind,
    subject: subjectOf(row.kind, row.subject),
    amount: amountOf(row.kind, row.flag),
    member: memberAsSeen(ledgers.get(row.member_id) ?? null, account.role),
    events: involved.map((i) => eventAsSeen(i, scope, places)),
    firstSeenAt: toInt(row.first_seen_at),
    lastSeenAt: toInt(row.last_seen_at),
  });
  const openShown: BoConflict[] = [];
  for (const row of open) {
    const involved = involvedIn(row, byMember.get(row.member_id) ?? []);
    if (!reachable(scope, involved)) continue;
    openShown.push({ ...shown(row, involved), settlement: null });
    if (openShown.length >= CONFLICTS_LIST_MAX) break;
  }
  void now;
  return {
    open: openShown,
    settled: settled.map((row) => ({
      ...shown(row, row.involved),
      settlement: {
        action: row.action,
        points: row.points,
        // A note may name the member: an erased member's is not shown.
        note: ledgers.get(row.member_id)?.erased ? '' : row.note,
        byName: row.by_name,
        at: toInt(row.settled_at),
      },
    })),
    maxAdjustment: Math.min(
      LIMITS.maxPointsAdjustment,
      programme.points?.maxManualAdjustment ?? LIMITS.maxPointsAdjustment,
    ),
  };
}

export interface Settlement {
  conflictId: string;
  action: BoSettleAction;
  note: string;
  points: number | null;
}

/**
 * Settles an open conflict in one transaction, under the member's lock: the
 * settlement row (a second settlement of the same conflict finds it and is
 * refused), and for an adjustment the member's `points.adjusted` by the
 * account, with a clock after every event the cloud holds, which the tills pull.
 */
export async function settleConflict(
  db: Database,
  account: Account,
  scope: Scope,
  input: Settlement,
  now: number,
): Promise<BoConflict> {
  const chainId = scope.chainId;
  await db.transaction(async (tx) => {
    const [row] = await openRows(tx, chainId, input.conflictId);
    if (!row) {
      const done = await tx.query<{ store_ids: string[] }>(
        'SELECT store_ids FROM conflict_settlements WHERE chain_id = $1 AND conflict_id = $2',
        [chainId, input.conflictId],
      );
      if (done[0] && (scope.role === 'owner' || done[0].store_ids.some((s) => scope.reaches(s))))
        throw new BoError(
          'invalid_request',
          'the conflict is settled already',
          null,
          msg(SETTLE_REFUSALS.settledAlready),
        );
      throw notFound('the conflict');
    }
    await lockMembers(tx, chainId, [row.member_id]);
    const rows = (await memberEventRows(tx, chainId, [row.member_id])).get(row.member_id) ?? [];
    const involved = involvedIn(row, rows);
    if (!reachable(scope, involved)) throw notFound('the conflict');
    let event: EventEnvelope<'points.adjusted'> | null = null;
    if (input.action === 'adjust') {
      const points = input.points!;
      const ledger = foldOf(rows);
      if (!ledger || ledger.erased)
        throw new BoError(
          'invalid_request',
          'the member is erased',
          'action',
          msg(SETTLE_REFUSALS.memberErased),
        );
      const programme = await programmeInForce(tx, chainId);
      const cap = Math.min(
        LIMITS.maxPointsAdjustment,
        programme.points?.maxManualAdjustment ?? LIMITS.maxPointsAdjustment,
      );
      if (Math.abs(points) > cap)
        throw new BoError(
          'invalid_request',
          `a manual adjustment moves at most ${cap} points in this chain`,
          'points',
          msg(SETTLE_REFUSALS.pointsOverCap, { max: cap }),
        );
      const latest = await newestHlc(tx, chainId);
      const seen = latest ? decodeHlc(latest) : null;
      const clock = seen
        ? receiveHlc(null, seen, now, CLOUD_ORIGIN)
        : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
      event = {
        id: uuidv7({ msecs: now }),
        chainId,
        storeId: CLOUD_ORIGIN,
        terminalId: CLOUD_ORIGIN,
        hlc: encodeHlc(clock),
        type: 'points.adjusted',
        memberId: row.member_id,
        payload: {
          points,
          actionId: null,
          reason: { nb: input.note, en: input.note },
          staffId: account.accountId,
          at: now,
          availableAt: now,
          expireAt: null,
        },
        schemaVersion: EVENT_SCHEMA_VERSION,
      };
    }
    const storeIds = [...new Set(involved.map((i) => i.storeId).filter((s) => s !== CLOUD_ORIGIN))];
    const kept = await tx.query<{ conflict_id: string }>(
      `INSERT INTO conflict_settlements (chain_id, conflict_id, member_id, kind, subject, flag,
         first_seen_at, last_seen_at, store_ids, involved, action, points, event_id, note,
         settled_by, settled_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::text[], $10::jsonb, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (chain_id, conflict_id) DO NOTHING
       RETURNING conflict_id`,
      [
        chainId,
        row.conflict_id,
        row.member_id,
        row.kind,
        row.subject,
        JSON.stringify(row.flag),
        toInt(row.first_seen_at),
        toInt(row.last_seen_at),
        storeIds,
        JSON.stringify(involved),
        input.action,
        event ? event.payload.points : null,
        event ? event.id : null,
        input.note,
        account.accountId,
        now,
      ],
    );
    if (kept.length === 0)
      throw new BoError(
        'invalid_request',
        'the conflict is settled already',
        null,
        msg(SETTLE_REFUSALS.settledAlready),
      );
    if (event) await appendEvents(tx, chainId, [event], now);
  });
  const listed = await conflictsInScope(db, account, scope, now);
  const settled = listed.settled.find((c) => c.conflictId === input.conflictId);
  if (!settled) throw notFound('the conflict');
  return settled;
}
