/**
 * A member's row in the cloud's `member_facts` and `member_point_lots`
 * (cloud/db/migrations/013_projections.sql), from the member's ledger. Nothing
 * here depends on the clock or the programme's rules: what does (the balance
 * now, the tier now, rolling windows, the status) is read at query time from
 * these instants, as `pointsAt` and `tierOfFacts` show for the engine's own
 * `pointBalancesAt` and `tierAt`.
 *
 * `advanceMemberFacts` moves a row on by a plain sale without the ledger:
 * equal to `memberFactsOf(foldMember([...events, sale]))` when the sale is one
 * the cloud appends to a ledger's tail unread (it redeems nothing, sorts after
 * every event folded, and its sale id is new; the member holds no deficit the
 * fast path would have to look at — the ledger is flag-free).
 */
import type { EventEnvelope } from '../events';
import type { MemberLedger, PointLot, TierView } from '../member-types';
import type { Programme } from '../programme';
import { compareHlc } from '../hlc';
import { blankLedger } from '../member/fold';
import { tierAt } from '../member/tier';
import { isCalendarDate, isoDate, localDateOf } from '../time';

export interface PointLotFact {
  /** The lot's index in the ledger's lots. */
  lotNo: number;
  sourceId: string;
  earnedAt: number;
  availableAt: number;
  expiresAt: number | null;
  /** Local date of expiresAt (YYYY-MM-DD), null when it never expires. */
  expiresDay: string | null;
  points: number;
  remaining: number;
}

export interface MemberFacts {
  memberId: string;
  erased: boolean;
  mergedInto: string | null;
  enrolledAt: number;
  /** YYYY-MM-DD in the chain's time zone. */
  enrolledDay: string;
  enrolledStoreId: string;
  enrolledStaffId: string | null;
  birthDate: string | null;
  gender: string | null;
  postalCode: string | null;
  consentSms: boolean;
  consentEmail: boolean;
  pointsDeficit: number;
  lotCount: number;
  /** Lots with points left (remaining > 0), in ledger order. */
  openLots: PointLotFact[];
  cashbackOre: number;
  /** [at, points] per earning, in the ledger's order. */
  earnLog: Array<[number, number]>;
  /** Points earned per local calendar year ("2026" → points). */
  earnedByYear: Record<string, number>;
  stamps: Record<string, number>;
  purchases: number;
  spendOre: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  /**
   * The latest `at` of any of the member's sales, voided or returned ones too:
   * a window with none of the member's sales after its start counts none (a
   * segment's visits and spend skip the member without reading sale_facts).
   */
  lastSaleAt: number | null;
  categories: string[];
  lastHlc: string;
}

function localDay(ms: number, timeZone: string): string {
  return isoDate(localDateOf(ms, timeZone));
}

function localYear(ms: number, timeZone: string): string {
  return String(localDateOf(ms, timeZone).year);
}

/** Keys in sorted order: JSON of two equal records is then equal text (a rebuild's rows compare equal). */
function sortedRecord(record: Record<string, number>): Record<string, number> {
  const sorted: Record<string, number> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key]!;
  return sorted;
}

/** The lots with points left, as `member_point_lots` rows hold them (lotNo: the index in `lots`). */
export function openLotsOf(lots: readonly PointLot[], timeZone: string): PointLotFact[] {
  const open: PointLotFact[] = [];
  lots.forEach((lot, lotNo) => {
    if (lot.remaining <= 0) return;
    open.push({
      lotNo,
      sourceId: lot.sourceId,
      earnedAt: lot.earnedAt,
      availableAt: lot.availableAt,
      expiresAt: lot.expiresAt,
      expiresDay: lot.expiresAt === null ? null : localDay(lot.expiresAt, timeZone),
      points: lot.points,
      remaining: lot.remaining,
    });
  });
  return open;
}

const sameLot = (a: PointLotFact, b: PointLotFact) =>
  a.sourceId === b.sourceId &&
  a.earnedAt === b.earnedAt &&
  a.availableAt === b.availableAt &&
  a.expiresAt === b.expiresAt &&
  a.expiresDay === b.expiresDay &&
  a.points === b.points &&
  a.remaining === b.remaining;

/**
 * What turns the open lots `before` into `after`: the lots to write (new or
 * changed) and the lot numbers no longer open. A member with a year of lots
 * whose push spends from one or adds one rewrites those, not all of them.
 */
export function lotChanges(
  before: readonly PointLotFact[],
  after: readonly PointLotFact[],
): { write: PointLotFact[]; gone: number[] } {
  const old = new Map(before.map((l) => [l.lotNo, l]));
  const write: PointLotFact[] = [];
  for (const lot of after) {
    const was = old.get(lot.lotNo);
    if (!was || !sameLot(was, lot)) write.push(lot);
    old.delete(lot.lotNo);
  }
  return { write, gone: [...old.keys()] };
}

/** The member's facts as the ledger holds them, local days in `timeZone`. */
export function memberFactsOf(ledger: MemberLedger, timeZone: string): MemberFacts {
  const earnedByYear: Record<string, number> = {};
  for (const entry of ledger.earnLog) {
    const year = localYear(entry.at, timeZone);
    earnedByYear[year] = (earnedByYear[year] ?? 0) + entry.points;
  }
  const openLots = openLotsOf(ledger.lots, timeZone);
  return {
    memberId: ledger.memberId,
    erased: ledger.erased,
    mergedInto: ledger.mergedInto ?? null,
    enrolledAt: ledger.enrolledAt,
    enrolledDay: localDay(ledger.enrolledAt, timeZone),
    enrolledStoreId: ledger.enrolledStoreId,
    enrolledStaffId: ledger.enrolledStaffId,
    // The fold empties the profile of an erased member; said again here, as the table promises it.
    // A date no calendar has (a till once took 30 February) is kept out: the fact is a date.
    birthDate:
      ledger.erased ||
      ledger.profile.birthDate === null ||
      !isCalendarDate(ledger.profile.birthDate)
        ? null
        : ledger.profile.birthDate,
    gender: ledger.erased ? null : ledger.profile.gender,
    postalCode: ledger.erased ? null : ledger.profile.postalCode,
    consentSms: !ledger.erased && ledger.consents.sms,
    consentEmail: !ledger.erased && ledger.consents.email,
    pointsDeficit: ledger.pointsDeficit,
    lotCount: ledger.lots.length,
    openLots,
    cashbackOre: ledger.cashbackOre,
    earnLog: ledger.earnLog.map((e) => [e.at, e.points]),
    earnedByYear: sortedRecord(earnedByYear),
    stamps: sortedRecord(ledger.stamps),
    purchases: ledger.purchases,
    spendOre: ledger.spendOre,
    firstPurchaseAt: ledger.firstPurchaseAt,
    lastPurchaseAt: ledger.lastPurchaseAt,
    lastSaleAt: ledger.sales.reduce<number | null>(
      (latest, sale) => (latest === null || sale.at > latest ? sale.at : latest),
      null,
    ),
    categories: [...ledger.categoriesBought],
    lastHlc: ledger.lastHlc,
  };
}

/**
 * The facts moved on by one plain sale (see the module's comment for when
 * that equals a refold), as the fold's applySale and `finish` would. Returns a
 * new object; `facts` is not changed.
 */
export function advanceMemberFacts(
  facts: MemberFacts,
  event: EventEnvelope<'sale.committed'>,
  timeZone: string,
): MemberFacts {
  const next: MemberFacts = {
    ...facts,
    openLots: [...facts.openLots],
    earnLog: [...facts.earnLog],
    earnedByYear: { ...facts.earnedByYear },
    stamps: { ...facts.stamps },
    categories: [...facts.categories],
  };
  if (compareHlc(event.hlc, next.lastHlc) > 0) next.lastHlc = event.hlc;
  const sale = event.payload;
  // Categories stay even on a merged member (the fold's `finish` does not clear them).
  for (const line of sale.lines)
    if (!next.categories.includes(line.category)) next.categories.push(line.category);
  next.categories.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // The ledger keeps a merged member's sales too.
  next.lastSaleAt = Math.max(next.lastSaleAt ?? sale.at, sale.at);
  // A member merged into another holds nothing else: the fold's `finish` clears what a sale adds.
  if (next.mergedInto !== null) return next;
  next.purchases += 1;
  next.firstPurchaseAt = Math.min(next.firstPurchaseAt ?? sale.at, sale.at);
  next.lastPurchaseAt = Math.max(next.lastPurchaseAt ?? sale.at, sale.at);
  next.spendOre += Math.max(0, sale.totalOre);
  const effects = sale.effects;
  if (!effects) return next;
  if (effects.pointsEarned > 0) {
    // earnPoints: an outstanding deficit is paid off first.
    const payOff = Math.min(next.pointsDeficit, effects.pointsEarned);
    next.pointsDeficit -= payOff;
    const remaining = effects.pointsEarned - payOff;
    if (remaining > 0)
      next.openLots.push({
        lotNo: next.lotCount,
        sourceId: sale.saleId,
        earnedAt: sale.at,
        availableAt: effects.pointsAvailableAt,
        expiresAt: effects.pointsExpireAt,
        expiresDay:
          effects.pointsExpireAt === null ? null : localDay(effects.pointsExpireAt, timeZone),
        points: effects.pointsEarned,
        remaining,
      });
    next.lotCount += 1;
    next.earnLog.push([sale.at, effects.pointsEarned]);
    const year = localYear(sale.at, timeZone);
    next.earnedByYear[year] = (next.earnedByYear[year] ?? 0) + effects.pointsEarned;
    next.earnedByYear = sortedRecord(next.earnedByYear);
  }
  next.cashbackOre += effects.cashbackEarnedOre - effects.cashbackRedeemedOre;
  const stamps = { ...next.stamps };
  for (const s of effects.stamps) stamps[s.cardId] = (stamps[s.cardId] ?? 0) + s.count;
  next.stamps = sortedRecord(stamps);
  return next;
}

/** The points a member holds at `now` from the stored lots (pointBalancesAt's balance and pending). */
export function pointsAt(
  facts: Pick<MemberFacts, 'openLots' | 'pointsDeficit'>,
  now: number,
): { balance: number; pending: number } {
  let available = 0;
  let pending = 0;
  for (const lot of facts.openLots) {
    if (lot.expiresAt !== null && lot.expiresAt <= now) continue;
    if (lot.availableAt > now) pending += lot.remaining;
    else available += lot.remaining;
  }
  return { balance: available - facts.pointsDeficit, pending };
}

/**
 * The member's tier at `now` under the programme, from the stored earnings:
 * the engine's tierAt (its once-per-period flag aside, which the facts do not
 * keep), so a report or segment placing members by `earn_log` /
 * `earned_by_year` places them as a till would.
 */
export function tierOfFacts(
  programme: Programme,
  facts: Pick<MemberFacts, 'memberId' | 'enrolledAt' | 'earnLog'>,
  now: number,
): Omit<TierView, 'oncePerPeriodAvailable'> | null {
  // tierAt reads the enrolment instant and the earnings only (and the once-per-period uses, dropped here).
  const ledger = blankLedger({
    memberId: facts.memberId,
    memberNumber: '',
    qrToken: '',
    enrolledAt: facts.enrolledAt,
    enrolledStoreId: '',
    enrolledTerminalId: '',
    enrolledStaffId: null,
    termsVersion: '',
    referrerId: null,
  });
  ledger.earnLog = facts.earnLog.map(([at, points], i) => ({ sourceId: String(i), at, points }));
  const tier = tierAt(programme, ledger, now);
  if (!tier) return null;
  const { oncePerPeriodAvailable: _unused, ...rest } = tier;
  return rest;
}
