/**
 * The back office's reports (src/contract/backoffice/reports.ts): the stores
 * counted come from the session's scope (a store manager's own; a store
 * outside it is not_found), the figures from the projections' queries
 * (cloud/backoffice/reports/*), names from the programme in force and the
 * chain's staff, shaped by src/core/reports.
 */
import type {
  BoCouponRow,
  BoReportFrame,
  BoTierPeriod,
  BoTopMember,
} from '../../../src/contract/backoffice/reports';
import { LIABILITY_MONTHS } from '../../../src/contract/backoffice/reports';
import type { Text } from '../../../src/core/i18n';
import { maskPhone } from '../../../src/core/phone';
import type { Programme } from '../../../src/core/programme';
import {
  couponOrigin,
  daysOfRange,
  monthPeriods,
  nextMonths,
  tierMove,
} from '../../../src/core/reports/shape';
import { isoDate, localDateOf } from '../../../src/core/time';
import type { Queryable } from '../../db/database';
import { programmeInForce } from '../../programme';
import { liabilityRows, tierFactRows } from '../reports/members';
import {
  couponRows,
  enrolmentRows,
  memberShareRows,
  punchCardRows,
  topMemberRows,
} from '../reports/sales';
import type { Scope } from '../scope';
import type { BoHandlers } from './types';

interface Counted {
  frame: BoReportFrame;
  /** For the queries: null when every store of the chain is counted (an owner choosing none). */
  storeIds: string[] | null;
  programme: Programme;
}

/** The stores a report counts and its frame: those chosen (each within the scope) or all the scope has. */
async function counted(
  db: Queryable,
  scope: Scope,
  input: { storeIds: string[]; from: string; to: string },
): Promise<Counted> {
  const reachable = await scope.stores(db);
  if (input.storeIds.length > 0) await scope.requireStores(db, input.storeIds);
  const chosen = new Set(input.storeIds);
  const stores =
    input.storeIds.length > 0 ? reachable.filter((s) => chosen.has(s.storeId)) : reachable;
  const programme = await programmeInForce(db, scope.chainId);
  return {
    frame: {
      from: input.from,
      to: input.to,
      timeZone: programme.timeZone,
      stores: stores.map((s) => ({ storeId: s.storeId, name: s.name })),
    },
    storeIds:
      input.storeIds.length === 0 && scope.role === 'owner' ? null : stores.map((s) => s.storeId),
    programme,
  };
}

/** The chain's staff names by employee id, from the newest save of each (as the members' page names them). */
async function staffNames(db: Queryable, chainId: string): Promise<Map<string, string>> {
  const rows = await db.query<{ employee_id: string; name: string }>(
    `SELECT DISTINCT ON (payload->>'employeeId') payload->>'employeeId' AS employee_id,
            payload->>'name' AS name
       FROM events WHERE chain_id = $1 AND type = 'staff.saved'
      ORDER BY payload->>'employeeId', hlc DESC`,
    [chainId],
  );
  return new Map(rows.map((r) => [r.employee_id, r.name]));
}

/** The name of the rule a coupon came from, in the programme in force. */
function couponRuleName(programme: Programme, row: Omit<BoCouponRow, 'name'>): Text | null {
  if (row.ruleId === null) return null;
  switch (row.kind) {
    case 'campaign':
      return programme.campaigns.find((c) => c.id === row.ruleId)?.coupon.name ?? null;
    case 'spend':
      return programme.spendCoupons.find((r) => r.id === row.ruleId)?.coupon.name ?? null;
    case 'tier':
      return programme.tiers?.levels.find((l) => l.id === row.ruleId)?.name ?? null;
    default:
      return null;
  }
}

export const reportHandlers = {
  'reports.memberShare': async (input, ctx) => {
    const { frame, storeIds } = await counted(ctx.db, ctx.scope, input);
    const rows = await memberShareRows(ctx.db, ctx.scope.chainId, { ...input, storeIds });
    const byDay = new Map(rows.filter((r) => r.day !== '').map((r) => [r.day, r]));
    const empty = { amountOre: 0, memberAmountOre: 0, receipts: 0, memberReceipts: 0, members: 0 };
    const total = rows.find((r) => r.day === '') ?? { day: '', ...empty };
    return {
      ...frame,
      days: daysOfRange(input.from, input.to).map((day) => ({ ...empty, ...byDay.get(day), day })),
      total: { ...total, day: '' as const },
    };
  },

  'reports.enrolments': async (input, ctx) => {
    const { frame, storeIds } = await counted(ctx.db, ctx.scope, input);
    const [rows, staff] = await Promise.all([
      enrolmentRows(ctx.db, ctx.scope.chainId, { ...input, storeIds }),
      staffNames(ctx.db, ctx.scope.chainId),
    ]);
    const storeName = new Map(frame.stores.map((s) => [s.storeId, s.name]));
    const perDay = new Map<string, number>();
    for (const row of rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.enrolments);
    return {
      ...frame,
      rows: rows.map((row) => ({
        ...row,
        storeName: storeName.get(row.storeId) ?? row.storeId,
        staffName: row.staffId === null ? null : (staff.get(row.staffId) ?? null),
      })),
      byDay: daysOfRange(input.from, input.to).map((day) => ({
        day,
        enrolments: perDay.get(day) ?? 0,
      })),
      total: rows.reduce((sum, row) => sum + row.enrolments, 0),
    };
  },

  'reports.topMembers': async (input, ctx) => {
    const { frame, storeIds } = await counted(ctx.db, ctx.scope, input);
    const rows = await topMemberRows(ctx.db, ctx.scope.chainId, { ...input, storeIds });
    // As the members' page: a store manager sees the phone of their own stores' customers only.
    const seesContact = (stores: readonly string[]) =>
      ctx.scope.role === 'owner' || stores.some((id) => ctx.scope.reaches(id));
    const members: BoTopMember[] = rows.map((row, i) => ({
      rank: i + 1,
      memberId: row.memberId,
      memberNumber: row.memberNumber ?? '',
      name: row.erased ? null : row.name,
      phone:
        row.erased || row.phoneE164 === null
          ? null
          : seesContact(row.storeIds)
            ? row.phoneE164
            : maskPhone(row.phoneE164),
      erased: row.erased,
      spendOre: row.spendOre,
      receipts: row.receipts,
    }));
    return { ...frame, n: input.n, members };
  },

  'reports.coupons': async (input, ctx) => {
    const { frame, storeIds, programme } = await counted(ctx.db, ctx.scope, input);
    const rows = await couponRows(ctx.db, ctx.scope.chainId, { ...input, storeIds });
    const shaped: BoCouponRow[] = rows.map((row) => {
      // The kind from the id's prefix, as couponOrigin reads it.
      const kind = couponOrigin(`${row.prefix}-`, null)!.kind;
      const base = { kind, ruleId: row.ruleId, redemptions: row.redemptions };
      return { ...base, name: couponRuleName(programme, base) };
    });
    return { ...frame, rows: shaped, total: shaped.reduce((sum, r) => sum + r.redemptions, 0) };
  },

  'reports.punchCards': async (input, ctx) => {
    const { frame, storeIds, programme } = await counted(ctx.db, ctx.scope, input);
    const sizes = Object.fromEntries(programme.punchCards.map((card) => [card.id, card.stamps]));
    const rows = await punchCardRows(ctx.db, ctx.scope.chainId, { ...input, storeIds, sizes });
    const shaped = rows.map((row) => ({
      ...row,
      name: programme.punchCards.find((card) => card.id === row.cardId)?.name ?? null,
    }));
    return { ...frame, rows: shaped, total: shaped.reduce((sum, r) => sum + r.completed, 0) };
  },

  'reports.liability': async (input, ctx) => {
    const { frame, storeIds, programme } = await counted(ctx.db, ctx.scope, input);
    const rows = await liabilityRows(ctx.db, ctx.scope.chainId, { storeIds, at: ctx.now });
    const pointValueOre = programme.points?.enabled ? programme.points.redeemValueOre : 0;
    const perMonth = new Map(rows.expiring.map((r) => [r.month, r.points]));
    const today = isoDate(localDateOf(ctx.now, programme.timeZone));
    return {
      ...frame,
      pointValueOre,
      points: rows.points,
      valueOre: rows.points * pointValueOre,
      members: rows.members,
      expiring: nextMonths(today, LIABILITY_MONTHS).map((month) => {
        const points = perMonth.get(month) ?? 0;
        return { month, points, valueOre: points * pointValueOre };
      }),
    };
  },

  'reports.tiers': async (input, ctx) => {
    const { frame, storeIds, programme } = await counted(ctx.db, ctx.scope, input);
    const tiersOn = programme.tiers?.enabled === true;
    const periods = monthPeriods(input.from, input.to, programme.timeZone);
    if (!tiersOn || periods.length === 0) return { ...frame, tiersOn, periods: [] };
    const facts = await tierFactRows(ctx.db, ctx.scope.chainId, {
      storeIds,
      before: periods[periods.length - 1]!.start,
    });
    const counts: BoTierPeriod[] = periods.map(({ period, start, end }) => {
      const tally = { period, up: 0, kept: 0, down: 0 };
      for (const member of facts) {
        const move = tierMove(programme, member, start, end);
        if (move) tally[move] += 1;
      }
      return tally;
    });
    return { ...frame, tiersOn, periods: counts };
  },
} satisfies Pick<
  BoHandlers,
  | 'reports.memberShare'
  | 'reports.enrolments'
  | 'reports.topMembers'
  | 'reports.coupons'
  | 'reports.punchCards'
  | 'reports.liability'
  | 'reports.tiers'
>;
