/**
 * The member fold: a member's events → MemberLedger. The result depends only on
 * the *set* of events (any arrival order, any duplicates give an identical
 * ledger), because the events are folded in HLC order (ties by id) and voids and
 * returns are applied retroactively to the sale they belong to.
 *
 * Rules decided here:
 * - The enrolment is the member's earliest `member.enrolled` in HLC order; a
 *   later one for the same member id is counted but ignored. Events that sort
 *   before the enrolment still count (a till can see a sale first).
 * - A sale is the first `sale.committed` for its sale id; a return is the first
 *   `sale.returned` for its return id; a referral reward is the first for its
 *   referee (two tills may both emit one).
 * - Voids and returns are causally after their sale (the till that voids has
 *   seen the sale), so an incremental step never meets a sale whose void it has
 *   already folded.
 * - Profile fields, phone and PIN: last writer by HLC wins, per field.
 * - Consent: the latest record by HLC for a channel decides. HLC puts a
 *   withdrawal made at a till that had seen the grant after that grant, so a
 *   withdrawal is never undone by an older grant arriving late; a new grant
 *   after a withdrawal counts (the member changed their mind).
 * - Erasure wins whatever the order: once a `member.erased` is in the set the
 *   ledger has no phone, profile, profile clocks, PIN hash or QR token (`''`:
 *   the token is a personal identifier and a blank string never scans), both
 *   consents are false and the consent history keeps no staff ids. Member id,
 *   member number, sums and sale summaries (anonymous figures) stay.
 */
import { PROFILE_FIELDS } from '../events';
import type { EventEnvelope, MemberEvent, Profile } from '../events';
import { compareHlc } from '../hlc';
import type { MemberLedger, SaleSummary } from '../member-types';
import { earnPoints, spendPoints } from './points';

type ProfileField = (typeof PROFILE_FIELDS)[number];
type Channel = 'sms' | 'email';
const CHANNELS: readonly Channel[] = ['sms', 'email'];
const PHONE_FIELD = 'phoneE164';

/** What returns took back from one sale, summed over its (distinct) returns. */
interface ReturnedShare {
  refundOre: number;
  points: number;
  cashbackOre: number;
  qualifyingSpendOre: number;
  stamps: Map<string, number>;
  couponsRestored: Set<string>;
  rewardsRestored: Set<string>;
  pointsRedeemedRestored: number;
  cashbackRedeemedRestoredOre: number;
  quantities: Map<string, number>;
}

/** Voids and returns, gathered before folding so they apply to the sale itself. */
interface Retroactive {
  voidedSaleIds: ReadonlySet<string>;
  returnsBySale: ReadonlyMap<string, ReturnedShare>;
}

const NOTHING_RETROACTIVE: Retroactive = { voidedSaleIds: new Set(), returnsBySale: new Map() };

export function emptyProfile(): Profile {
  return {
    firstName: null,
    lastName: null,
    email: null,
    birthDate: null,
    postalCode: null,
    gender: null,
  };
}

/** Fold a member's events. Null when the set holds no enrolment. */
export function foldMember(events: readonly MemberEvent[]): MemberLedger | null {
  const ordered = distinctInHlcOrder(events);
  const enrolment = ordered.find(
    (e): e is EventEnvelope<'member.enrolled'> => e.type === 'member.enrolled',
  );
  if (!enrolment) return null;
  const own = ordered.filter((e) => e.memberId === enrolment.memberId);
  const retroactive = collectRetroactive(own);
  const ledger = startLedger(enrolment);
  for (const event of own) {
    if (event.type === 'member.enrolled') {
      count(ledger, event);
      if (event.id === enrolment.id) applyEnrolment(ledger, event);
    } else {
      applyEvent(ledger, event, retroactive);
    }
  }
  return finish(ledger);
}

/**
 * The fold continued from a ledger instead of from the enrolment: equal to
 * `foldMember([...E, ...later])` when `base` is `foldMember(E)`, every event
 * of `later` that counts sorts after `base.lastHlc`, and no void or return in
 * `later` is for a sale folded into `base` (see `reachesBefore`). A till that
 * keeps a member as a snapshot (its base) refolds with this. Events of
 * `later` at or before the base's clock are ignored: the base holds them.
 */
export function foldMemberFrom(base: MemberLedger, later: readonly MemberEvent[]): MemberLedger {
  const ledger = structuredClone(base);
  const own = distinctInHlcOrder(later).filter(
    (e) => e.memberId === base.memberId && compareHlc(e.hlc, base.lastHlc) > 0,
  );
  const retroactive = collectRetroactive(own);
  for (const event of own) {
    // The base holds the enrolment that counts; a later one is only counted.
    if (event.type === 'member.enrolled') count(ledger, event);
    else applyEvent(ledger, event, retroactive);
  }
  return finish(ledger);
}

/**
 * True when `event` cannot be folded on top of `base` (foldMemberFrom): it
 * sorts at or before the base's clock (a late arrival the base may lack), or
 * it voids or returns a sale the base folded already (its effect is applied
 * at the sale). Only the member's whole history (the cloud's) can fold it.
 */
export function reachesBefore(base: MemberLedger, event: MemberEvent): boolean {
  if (event.memberId !== base.memberId) return false;
  if (compareHlc(event.hlc, base.lastHlc) <= 0) return true;
  if (event.type !== 'sale.voided' && event.type !== 'sale.returned') return false;
  const saleId = event.payload.saleId;
  return base.sales.some((s) => s.saleId === saleId);
}

/**
 * True when `event` cannot be applied incrementally and the store must refold
 * the member from the log: no ledger yet (events may have arrived before the
 * enrolment), a void or return (retroactive), or an event not newer than the
 * ledger's last (late arrival or duplicate).
 */
export function needsRefold(ledger: MemberLedger | null, event: MemberEvent): boolean {
  if (ledger === null) return true;
  if (event.memberId !== ledger.memberId) return false;
  if (event.type === 'sale.voided' || event.type === 'sale.returned') return true;
  return compareHlc(event.hlc, ledger.lastHlc) <= 0;
}

/**
 * The incremental step: equal to `foldMember([...events, event])` when
 * `needsRefold(ledger, event)` is false. With a null ledger it folds the event
 * alone (right for a member's first event). Throws when a refold is needed, so
 * a wrong shortcut cannot go unnoticed. Does not modify `ledger`.
 */
export function applyMemberEvent(
  ledger: MemberLedger | null,
  event: MemberEvent,
): MemberLedger | null {
  if (ledger === null) return foldMember([event]);
  if (event.memberId !== ledger.memberId) return ledger;
  return applyMemberEventInPlace(structuredClone(ledger), event);
}

/**
 * The same step, changing `ledger` itself instead of a copy: for a caller that
 * owns the object (the store, with a row it has just read). Copying a long
 * member history on every sale costs more than the sale.
 */
export function applyMemberEventInPlace(ledger: MemberLedger, event: MemberEvent): MemberLedger {
  if (event.memberId !== ledger.memberId) return ledger;
  if (needsRefold(ledger, event)) {
    throw new RangeError(
      `event ${event.id} (${event.type}) needs a refold of member ${ledger.memberId} from the log`,
    );
  }
  if (event.type === 'member.enrolled') count(ledger, event);
  else applyEvent(ledger, event, NOTHING_RETROACTIVE);
  return finish(ledger);
}

function distinctInHlcOrder(events: readonly MemberEvent[]): MemberEvent[] {
  const sorted = events
    .filter((e) => e.memberId !== null)
    .sort(
      (a, b) =>
        compareHlc(a.hlc, b.hlc) ||
        compareText(a.id, b.id) ||
        // Same id twice with the same clock: pick one by content, not arrival.
        compareText(JSON.stringify(a), JSON.stringify(b)),
    );
  const seen = new Set<string>();
  return sorted.filter((e) => {
    if (seen.has(e.id)) return false;
    seen.add(e.id);
    return true;
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function collectRetroactive(ordered: readonly MemberEvent[]): Retroactive {
  const voidedSaleIds = new Set<string>();
  const returnsBySale = new Map<string, ReturnedShare>();
  const seenReturnIds = new Set<string>();
  for (const event of ordered) {
    if (event.type === 'sale.voided') voidedSaleIds.add(event.payload.saleId);
    if (event.type !== 'sale.returned') continue;
    const { saleId, returnId, reversed, refundOre, lines } = event.payload;
    if (seenReturnIds.has(returnId)) continue;
    seenReturnIds.add(returnId);
    let share = returnsBySale.get(saleId);
    if (!share) {
      share = {
        refundOre: 0,
        points: 0,
        cashbackOre: 0,
        qualifyingSpendOre: 0,
        stamps: new Map(),
        couponsRestored: new Set(),
        rewardsRestored: new Set(),
        pointsRedeemedRestored: 0,
        cashbackRedeemedRestoredOre: 0,
        quantities: new Map(),
      };
      returnsBySale.set(saleId, share);
    }
    share.refundOre += refundOre;
    share.points += reversed.points;
    share.cashbackOre += reversed.cashbackOre;
    share.qualifyingSpendOre += reversed.qualifyingSpendOre;
    share.pointsRedeemedRestored += reversed.pointsRedeemedRestored;
    share.cashbackRedeemedRestoredOre += reversed.cashbackRedeemedRestoredOre;
    for (const s of reversed.stamps) addTo(share.stamps, s.cardId, s.count);
    for (const c of reversed.couponsRestored) share.couponsRestored.add(c);
    for (const r of reversed.rewardsRestored) share.rewardsRestored.add(r);
    for (const l of lines) addTo(share.quantities, l.lineId, l.quantity);
  }
  return { voidedSaleIds, returnsBySale };
}

function addTo(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/** Who a ledger is of, as its enrolment says; everything else starts empty. */
export type LedgerIdentity = Pick<
  MemberLedger,
  | 'memberId'
  | 'memberNumber'
  | 'qrToken'
  | 'enrolledAt'
  | 'enrolledStoreId'
  | 'enrolledTerminalId'
  | 'enrolledStaffId'
  | 'termsVersion'
  | 'referrerId'
>;

/** A member's ledger before any event has changed it (the fold's start; the preview's new member). */
export function blankLedger(identity: LedgerIdentity): MemberLedger {
  // In the fold's own order: stored ledgers' JSON keeps its key order.
  return {
    memberId: identity.memberId,
    memberNumber: identity.memberNumber,
    qrToken: identity.qrToken,
    phoneE164: null,
    profile: emptyProfile(),
    profileClock: {},
    erased: false,
    erasedAt: null,
    enrolledAt: identity.enrolledAt,
    enrolledStoreId: identity.enrolledStoreId,
    enrolledTerminalId: identity.enrolledTerminalId,
    enrolledStaffId: identity.enrolledStaffId,
    termsVersion: identity.termsVersion,
    consents: { sms: false, email: false },
    consentHistory: [],
    referrerId: identity.referrerId,
    pinHash: null,
    lots: [],
    pointsDeficit: 0,
    earnLog: [],
    cashbackOre: 0,
    stamps: {},
    couponRedemptions: {},
    rewardRedemptions: {},
    tierOnceRedemptions: {},
    purchasedCoupons: [],
    referralRewards: [],
    qualifyingSpendOre: 0,
    purchases: 0,
    spendOre: 0,
    firstPurchaseAt: null,
    lastPurchaseAt: null,
    categoriesBought: [],
    sales: [],
    lastHlc: '',
    eventCount: 0,
  };
}

function startLedger(enrolment: EventEnvelope<'member.enrolled'>): MemberLedger {
  const p = enrolment.payload;
  return blankLedger({
    memberId: enrolment.memberId ?? '',
    memberNumber: p.memberNumber,
    qrToken: p.qrToken ?? '',
    enrolledAt: p.at,
    enrolledStoreId: enrolment.storeId,
    enrolledTerminalId: enrolment.terminalId,
    enrolledStaffId: p.staffId,
    termsVersion: p.termsVersion,
    referrerId: p.referrerId,
  });
}

function count(ledger: MemberLedger, event: MemberEvent): void {
  ledger.eventCount += 1;
  if (compareHlc(event.hlc, ledger.lastHlc) > 0) ledger.lastHlc = event.hlc;
}

function applyEnrolment(ledger: MemberLedger, event: EventEnvelope<'member.enrolled'>): void {
  const p = event.payload;
  for (const field of PROFILE_FIELDS) writeProfileField(ledger, field, p.profile[field], event.hlc);
  writePhone(ledger, p.phoneE164, event.hlc);
  for (const channel of CHANNELS) {
    recordConsent(ledger, event, channel, p.consents[channel], p.termsVersion, p.staffId, p.at);
  }
}

function applyEvent(ledger: MemberLedger, event: MemberEvent, retro: Retroactive): void {
  count(ledger, event);
  switch (event.type) {
    case 'member.enrolled':
      return;
    case 'member.profile_updated': {
      const { fields } = event.payload;
      for (const field of PROFILE_FIELDS) {
        const value = fields[field];
        if (value !== undefined) writeProfileField(ledger, field, value, event.hlc);
      }
      if (fields.phoneE164 !== undefined) writePhone(ledger, fields.phoneE164, event.hlc);
      return;
    }
    case 'member.consent_changed': {
      const p = event.payload;
      recordConsent(ledger, event, p.channel, p.granted, p.termsVersion, p.staffId, p.at);
      return;
    }
    case 'member.pin_set':
      // Folded in HLC order, so the last write wins.
      ledger.pinHash = event.payload.pinHash;
      return;
    case 'member.erased':
      if (!ledger.erased) {
        ledger.erased = true;
        ledger.erasedAt = event.payload.at;
      }
      return;
    case 'member.merged':
      // The first merge (in HLC order) decides; balances are cleared in `finish`.
      ledger.mergedInto ??= event.payload.intoMemberId;
      return;
    case 'member.absorbed':
      applyAbsorbed(ledger, event);
      return;
    case 'sale.committed':
      applySale(ledger, event, retro);
      return;
    case 'sale.voided':
    case 'sale.returned':
      // Applied to their sale through `retro`.
      return;
    case 'points.adjusted': {
      const p = event.payload;
      if (p.points > 0) {
        earn(ledger, event.id, p.at, p.availableAt, p.expireAt, p.points);
      } else if (p.points < 0) {
        spendPoints(ledger, -p.points, p.at);
      }
      return;
    }
    case 'coupon.purchased': {
      const p = event.payload;
      if (ledger.purchasedCoupons.some((c) => c.couponId === p.couponId)) return;
      ledger.purchasedCoupons.push({
        couponId: p.couponId,
        offerId: p.offerId,
        issuedAt: p.at,
        validTo: p.validTo,
      });
      spendPoints(ledger, p.costPoints, p.at);
      return;
    }
    case 'referral.rewarded': {
      const p = event.payload;
      if (ledger.referralRewards.some((r) => r.refereeId === p.refereeId)) return;
      ledger.referralRewards.push({
        refereeId: p.refereeId,
        saleId: p.saleId,
        at: p.at,
        points: p.points,
        couponId: p.couponId,
      });
      if (p.points > 0) earn(ledger, `referral:${p.refereeId}`, p.at, p.at, p.expireAt, p.points);
      return;
    }
  }
}

function earn(
  ledger: MemberLedger,
  sourceId: string,
  at: number,
  availableAt: number,
  expiresAt: number | null,
  points: number,
): void {
  earnPoints(ledger, { sourceId, earnedAt: at, availableAt, expiresAt, points });
  ledger.earnLog.push({ sourceId, at, points });
}

function applySale(
  ledger: MemberLedger,
  event: EventEnvelope<'sale.committed'>,
  retro: Retroactive,
): void {
  const sale = event.payload;
  if (ledger.sales.some((s) => s.saleId === sale.saleId)) return;
  const voided = retro.voidedSaleIds.has(sale.saleId);
  const returned = voided ? undefined : retro.returnsBySale.get(sale.saleId);
  const effects = sale.effects;
  const returnedOre = returned?.refundOre ?? 0;
  const netTotalOre = voided ? 0 : Math.max(0, sale.totalOre - returnedOre);
  const netQualifyingOre =
    voided || !effects
      ? 0
      : Math.max(0, effects.qualifyingSpendOre - (returned?.qualifyingSpendOre ?? 0));
  const summary: SaleSummary = {
    saleId: sale.saleId,
    eventId: event.id,
    hlc: event.hlc,
    at: sale.at,
    storeId: event.storeId,
    terminalId: event.terminalId,
    totalOre: sale.totalOre,
    netTotalOre,
    voided,
    returnedOre: voided ? 0 : returnedOre,
    qualifyingSpendOre: netQualifyingOre,
  };
  ledger.sales.push(summary);
  if (voided) return; // as if it never happened

  const keptLines = sale.lines.filter(
    (line) => (returned?.quantities.get(line.lineId) ?? 0) < line.quantity,
  );
  const fullyReturned = returned !== undefined && sale.lines.length > 0 && keptLines.length === 0;
  if (!fullyReturned) {
    ledger.purchases += 1;
    ledger.firstPurchaseAt = Math.min(ledger.firstPurchaseAt ?? sale.at, sale.at);
    ledger.lastPurchaseAt = Math.max(ledger.lastPurchaseAt ?? sale.at, sale.at);
  }
  ledger.spendOre += netTotalOre;
  for (const line of keptLines) addCategory(ledger, line.category);

  if (!effects) return;
  const pointsSpent = Math.max(0, effects.pointsRedeemed - (returned?.pointsRedeemedRestored ?? 0));
  if (pointsSpent > 0) spendPoints(ledger, pointsSpent, sale.at);
  const pointsEarned = Math.max(0, effects.pointsEarned - (returned?.points ?? 0));
  if (pointsEarned > 0) {
    earn(
      ledger,
      sale.saleId,
      sale.at,
      effects.pointsAvailableAt,
      effects.pointsExpireAt,
      pointsEarned,
    );
  }
  const cashbackEarned = Math.max(0, effects.cashbackEarnedOre - (returned?.cashbackOre ?? 0));
  const cashbackSpent = Math.max(
    0,
    effects.cashbackRedeemedOre - (returned?.cashbackRedeemedRestoredOre ?? 0),
  );
  ledger.cashbackOre += cashbackEarned - cashbackSpent;

  const stampsByCard = new Map<string, number>();
  for (const s of effects.stamps) addTo(stampsByCard, s.cardId, s.count);
  for (const [cardId, stamps] of stampsByCard) {
    const net = stamps - (returned?.stamps.get(cardId) ?? 0);
    if (net > 0) ledger.stamps[cardId] = (ledger.stamps[cardId] ?? 0) + net;
  }
  for (const couponId of new Set(effects.couponsRedeemed)) {
    if (!returned?.couponsRestored.has(couponId)) {
      redeem(ledger.couponRedemptions, couponId, sale.saleId);
    }
  }
  for (const rewardId of new Set(effects.rewardsRedeemed)) {
    if (!returned?.rewardsRestored.has(rewardId)) {
      redeem(ledger.rewardRedemptions, rewardId, sale.saleId);
    }
  }
  if (effects.tierOnceUsed !== null) {
    redeem(ledger.tierOnceRedemptions, effects.tierOnceUsed, sale.saleId);
  }
  ledger.qualifyingSpendOre += netQualifyingOre;
}

/** The balances of a member merged into this one; once per merged member. */
function applyAbsorbed(ledger: MemberLedger, event: EventEnvelope<'member.absorbed'>): void {
  const p = event.payload;
  const aliases = (ledger.aliases ??= []);
  if (aliases.some((a) => a.memberId === p.fromMemberId)) return;
  aliases.push({
    memberId: p.fromMemberId,
    memberNumber: p.memberNumber,
    qrToken: p.qrToken ?? '',
  });
  p.lots.forEach((lot, i) => {
    earnPoints(ledger, { sourceId: `merge:${p.fromMemberId}:${i}`, ...lot });
  });
  p.earned.forEach((entry, i) => {
    ledger.earnLog.push({
      sourceId: `merge:${p.fromMemberId}:${i}`,
      at: entry.at,
      points: entry.points,
    });
  });
  if (p.pointsDeficit > 0) spendPoints(ledger, p.pointsDeficit, p.at);
  ledger.cashbackOre += p.cashbackOre;
  for (const s of p.stamps) ledger.stamps[s.cardId] = (ledger.stamps[s.cardId] ?? 0) + s.count;
  ledger.qualifyingSpendOre += p.qualifyingSpendOre;
  ledger.purchases += p.purchases;
  ledger.spendOre += p.spendOre;
  if (p.firstPurchaseAt !== null)
    ledger.firstPurchaseAt = Math.min(
      ledger.firstPurchaseAt ?? p.firstPurchaseAt,
      p.firstPurchaseAt,
    );
  if (p.lastPurchaseAt !== null)
    ledger.lastPurchaseAt = Math.max(ledger.lastPurchaseAt ?? p.lastPurchaseAt, p.lastPurchaseAt);
}

function redeem(redemptions: Record<string, string[]>, key: string, saleId: string): void {
  (redemptions[key] ??= []).push(saleId);
}

function addCategory(ledger: MemberLedger, category: string): void {
  const list = ledger.categoriesBought;
  if (list.includes(category)) return;
  list.push(category);
  list.sort(compareText);
}

function writeProfileField<K extends ProfileField>(
  ledger: MemberLedger,
  field: K,
  value: Profile[K],
  hlc: string,
): void {
  if (!isNewer(ledger, field, hlc)) return;
  ledger.profile[field] = value;
  ledger.profileClock[field] = hlc;
}

function writePhone(ledger: MemberLedger, phone: string | null, hlc: string): void {
  if (!isNewer(ledger, PHONE_FIELD, hlc)) return;
  ledger.phoneE164 = phone;
  ledger.profileClock[PHONE_FIELD] = hlc;
}

function isNewer(ledger: MemberLedger, field: string, hlc: string): boolean {
  const last = ledger.profileClock[field];
  return last === undefined || compareHlc(hlc, last) > 0;
}

function recordConsent(
  ledger: MemberLedger,
  event: MemberEvent,
  channel: Channel,
  granted: boolean,
  termsVersion: string,
  staffId: string | null,
  at: number,
): void {
  ledger.consentHistory.push({
    channel,
    granted,
    at,
    storeId: event.storeId,
    terminalId: event.terminalId,
    staffId,
    termsVersion,
    eventId: event.id,
  });
  ledger.consents[channel] = granted;
}

/**
 * Apply a merge and erasure (whatever order they arrived in). Idempotent. A
 * member merged into another holds nothing (its balances were moved in
 * `member.absorbed`) and no phone (so it is not a second holder of its phone).
 */
function finish(ledger: MemberLedger): MemberLedger {
  if (ledger.mergedInto !== undefined) {
    ledger.phoneE164 = null;
    ledger.lots = [];
    ledger.pointsDeficit = 0;
    ledger.earnLog = [];
    ledger.cashbackOre = 0;
    ledger.stamps = {};
    ledger.qualifyingSpendOre = 0;
    ledger.purchases = 0;
    ledger.spendOre = 0;
    ledger.firstPurchaseAt = null;
    ledger.lastPurchaseAt = null;
  }
  if (!ledger.erased) return ledger;
  if (ledger.aliases) ledger.aliases = ledger.aliases.map((a) => ({ ...a, qrToken: '' }));
  ledger.qrToken = '';
  ledger.phoneE164 = null;
  ledger.profile = emptyProfile();
  ledger.profileClock = {};
  ledger.pinHash = null;
  ledger.consents = { sms: false, email: false };
  ledger.consentHistory = ledger.consentHistory.map((record) => ({ ...record, staffId: null }));
  return ledger;
}
