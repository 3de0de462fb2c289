/**
 * A member's history for the till (member.history): the member's latest
 * events read newest first, each told as what happened (a sale and its
 * benefits, points moved and why, stamps, coupons, consents), with what the
 * ledger knows besides (points that expired, coupons given, used up or
 * expired), newest first and at most `limit` entries.
 */
import type { MemberEvent } from '../core/events';
import type { Msg, Shown, Text } from '../core/i18n';
import { msg } from '../core/i18n';
import { issuedCoupons } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import type { Programme } from '../core/programme';
import { latestMemberEvents, saleById } from '../store';
import type { HistoryEntry, MemberHistory } from './commands';
import type { ReadContext } from './handler-types';
import { viewOf } from './member-access';

/** What an event stores as text: {nb, en, sv?, said?}; shown as stored. */
function shownOf(stored: { nb: string; en: string; sv?: string }): Shown {
  const text: Text = { nb: stored.nb, en: stored.en };
  if (stored.sv !== undefined) text.sv = stored.sv;
  return text;
}

function cardName(programme: Programme, cardId: string): Text | null {
  return programme.punchCards.find((c) => c.id === cardId)?.name ?? null;
}

function receiptOf(ctx: ReadContext, saleId: string): string {
  return saleById(ctx.db, saleId)?.receiptNo ?? saleId;
}

function entriesOf(ctx: ReadContext, programme: Programme, event: MemberEvent): HistoryEntry[] {
  switch (event.type) {
    case 'member.enrolled':
      return [{ kind: 'enrolled', at: event.payload.at }];
    case 'member.profile_updated':
      return [{ kind: 'profile', at: event.payload.at, fields: Object.keys(event.payload.fields) }];
    case 'member.consent_changed':
      return [
        {
          kind: 'consent',
          at: event.payload.at,
          channel: event.payload.channel,
          granted: event.payload.granted,
        },
      ];
    case 'member.pin_set':
      return [{ kind: 'pin_set', at: event.payload.at }];
    case 'member.erased':
      return [];
    // A merge in the back office: the points that came with the other member, or went.
    case 'member.absorbed': {
      const p = event.payload;
      const points = p.lots.reduce((sum, lot) => sum + lot.points, 0) - p.pointsDeficit;
      const reason = msg('member.historyMergedIn', { number: p.memberNumber });
      return [{ kind: 'points', at: p.at, points, reason, saleId: null }];
    }
    case 'member.merged':
      return [
        {
          kind: 'points',
          at: event.payload.at,
          points: 0,
          reason: msg('member.historyMergedAway'),
          saleId: null,
        },
      ];
    case 'sale.committed': {
      const sale = event.payload;
      const stored = saleById(ctx.db, sale.saleId);
      const saleId = sale.saleId;
      const at = sale.at;
      const out: HistoryEntry[] = [
        {
          kind: 'sale',
          at,
          saleId,
          receiptNo: sale.receiptNo,
          totalOre: sale.totalOre,
          voided: stored?.voided ?? false,
          returnedOre: stored?.returnedOre ?? 0,
          benefits: sale.benefits.map((b) => ({
            reason: shownOf(b.reason),
            amountOre: b.amountOre,
          })),
        },
      ];
      const effects = sale.effects;
      if (effects === null) return out;
      if (effects.pointsReasons.length > 0) {
        for (const r of effects.pointsReasons)
          out.push({ kind: 'points', at, points: r.points, reason: shownOf(r.reason), saleId });
      } else if (effects.pointsEarned > 0) {
        const reason = msg('member.historyEarned');
        out.push({ kind: 'points', at, points: effects.pointsEarned, reason, saleId });
      }
      if (effects.pointsRedeemed > 0) {
        const reason = msg('member.historyRedeemed', { receiptNo: sale.receiptNo });
        out.push({ kind: 'points', at, points: -effects.pointsRedeemed, reason, saleId });
      }
      for (const s of effects.stamps) {
        const name = cardName(programme, s.cardId);
        out.push({ kind: 'stamps', at, cardId: s.cardId, cardName: name, count: s.count, saleId });
      }
      for (const couponId of effects.couponsRedeemed) {
        const benefit = sale.benefits.find((b) => b.couponId === couponId);
        const reason: Shown = benefit ? shownOf(benefit.reason) : { nb: couponId, en: couponId };
        out.push({ kind: 'coupon', at, couponId, state: 'used', reason, saleId });
      }
      return out;
    }
    case 'sale.voided': {
      const { saleId, at } = event.payload;
      const sale = saleById(ctx.db, saleId);
      const receiptNo = sale?.receiptNo ?? saleId;
      const out: HistoryEntry[] = [{ kind: 'sale_voided', at, saleId, receiptNo }];
      const effects = sale?.committed.effects;
      if (!effects) return out;
      const reason = msg('member.historyVoided', { receiptNo });
      const points = effects.pointsRedeemed - effects.pointsEarned;
      if (points !== 0) out.push({ kind: 'points', at, points, reason, saleId });
      for (const s of effects.stamps) {
        const name = cardName(programme, s.cardId);
        out.push({ kind: 'stamps', at, cardId: s.cardId, cardName: name, count: -s.count, saleId });
      }
      return out;
    }
    case 'sale.returned': {
      const { saleId, at, reversed, refundOre } = event.payload;
      const receiptNo = receiptOf(ctx, saleId);
      const out: HistoryEntry[] = [{ kind: 'sale_returned', at, saleId, receiptNo, refundOre }];
      const reason = msg('member.historyReturned', { receiptNo });
      const points = reversed.pointsRedeemedRestored - reversed.points;
      if (points !== 0) out.push({ kind: 'points', at, points, reason, saleId });
      for (const s of reversed.stamps) {
        const name = cardName(programme, s.cardId);
        out.push({ kind: 'stamps', at, cardId: s.cardId, cardName: name, count: -s.count, saleId });
      }
      return out;
    }
    case 'points.adjusted': {
      const { points, reason, at } = event.payload;
      return [{ kind: 'points', at, points, reason: shownOf(reason), saleId: null }];
    }
    case 'coupon.purchased': {
      const { offerId, costPoints, at } = event.payload;
      const offer = programme.pointsOffers.find((o) => o.id === offerId);
      const coupon: Text = offer?.coupon.name ?? { nb: offerId, en: offerId };
      const reason = msg('member.historyCouponBought', { coupon });
      return [{ kind: 'points', at, points: -costPoints, reason, saleId: null }];
    }
    case 'referral.rewarded': {
      const { points, at, saleId } = event.payload;
      if (points === 0) return [];
      return [{ kind: 'points', at, points, reason: msg('member.historyReferral'), saleId }];
    }
  }
}

/** What the ledger knows that no single event says: expiries, and coupons given and lapsed. */
function derivedEntries(ctx: ReadContext, programme: Programme, ledger: MemberLedger) {
  const out: HistoryEntry[] = [];
  for (const lot of ledger.lots) {
    if (lot.expiresAt === null || lot.expiresAt > ctx.now || lot.remaining <= 0) continue;
    const reason: Msg = msg('member.historyExpired');
    out.push({ kind: 'points', at: lot.expiresAt, points: -lot.remaining, reason, saleId: null });
  }
  const view = viewOf(ctx, ledger);
  for (const coupon of issuedCoupons(programme, ledger, view, ctx.now)) {
    const { couponId, reason } = coupon;
    out.push({
      kind: 'coupon',
      at: coupon.validFrom,
      couponId,
      state: 'issued',
      reason,
      saleId: null,
    });
    if (coupon.usesLeft > 0 && coupon.validTo < ctx.now)
      out.push({
        kind: 'coupon',
        at: coupon.validTo,
        couponId,
        state: 'expired',
        reason,
        saleId: null,
      });
  }
  return out;
}

/**
 * The newest `limit` entries. Every event gives at least one entry but an
 * erasure (which ends the history: an erased member is not found), so the
 * `limit + 1` newest events hold every entry the answer can show.
 */
export function memberHistory(
  ctx: ReadContext,
  ledger: MemberLedger,
  limit: number,
): MemberHistory {
  const programme = ctx.programme();
  const events = latestMemberEvents(ctx.db, ledger.memberId, limit + 1);
  const fromEvents = events.flatMap((event) => entriesOf(ctx, programme, event));
  // Entries older than the oldest event read may belong among events not read:
  // they are kept only when every event was read.
  const oldestRead =
    events.length > limit ? (events[events.length - 1]?.payload.at ?? 0) : -Infinity;
  const derived = derivedEntries(ctx, programme, ledger).filter((e) => e.at >= oldestRead);
  // A stable sort: at one instant, what the ledger derived (a welcome coupon) reads as
  // after the event it came from (the enrolment), and a sale's own entries stay in order.
  const all = [...derived, ...fromEvents].sort((a, b) => b.at - a.at);
  return {
    memberId: ledger.memberId,
    entries: all.slice(0, limit),
    more: all.length > limit || events.length > limit,
  };
}
