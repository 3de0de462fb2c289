/** The member's rights: an export of everything held on them, and erasure. */
import { memberEvents, memberSales } from '../../store';
import type { Handlers } from '../handler-types';
import { requireLedger, requireMember, viewOf } from '../member-access';

export const memberPrivacyHandlers: Handlers<'member.export' | 'member.erase'> = {
  'member.export': ({ memberId }, ctx) => {
    // An erased member can still ask what is held: the answer is only anonymous figures.
    const ledger = requireLedger(ctx, memberId);
    const view = viewOf(ctx, ledger);
    return {
      exportedAt: new Date(ctx.now).toISOString(),
      memberId,
      erased: ledger.erased,
      memberNumber: ledger.memberNumber,
      profile: { ...ledger.profile, phoneE164: ledger.phoneE164 },
      enrolment: {
        at: new Date(ledger.enrolledAt).toISOString(),
        storeId: ledger.enrolledStoreId,
        terminalId: ledger.enrolledTerminalId,
        termsVersion: ledger.termsVersion,
        referrerId: ledger.referrerId,
      },
      consents: ledger.consents,
      consentHistory: ledger.consentHistory,
      hasPin: ledger.pinHash !== null,
      points: view.points,
      cashbackOre: view.cashbackOre,
      tier: view.tier,
      punchCards: view.punchCards,
      coupons: view.coupons,
      ledger: { ...ledger, pinHash: ledger.pinHash === null ? null : '(set)' },
      sales: memberSales(ctx.db, memberId).map((sale) => ({
        saleId: sale.saleId,
        receiptNo: sale.receiptNo,
        at: new Date(sale.at).toISOString(),
        storeId: sale.storeId,
        totalOre: sale.totalOre,
        voided: sale.voided,
        returnedOre: sale.returnedOre,
        lines: sale.committed.lines,
        benefits: sale.committed.benefits,
        effects: sale.committed.effects,
      })),
      events: memberEvents(ctx.db, memberId).map((event) =>
        event.type === 'member.pin_set'
          ? { ...event, payload: { ...event.payload, pinHash: event.payload.pinHash && '(set)' } }
          : event,
      ),
    };
  },

  'member.erase': ({ memberId }, ctx) => {
    requireMember(ctx, memberId);
    // The store redacts the member's stored events in the same transaction.
    ctx.append([
      ctx.event('member.erased', memberId, { staffId: ctx.session.staffId, at: ctx.now }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return { erased: true, memberId };
  },
};
