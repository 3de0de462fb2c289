import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput } from './commands';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

async function enrolKari(extra: Partial<CommandInput<'member.enrol'>> = {}) {
  const { member } = await till.call('member.enrol', {
    phone: '98765432',
    acceptTerms: true,
    profile: { firstName: 'Kari' },
    ...extra,
  });
  return member;
}

let keySeq = 0;
function newKey(): string {
  keySeq += 1;
  return `test-key-${keySeq}-${Date.now()}`;
}

describe('a member sale from enrolment to void', () => {
  it('uses the welcome coupon, earns points and stamps, and a void gives everything back', async () => {
    const member = await enrolKari();
    const welcome = `W-${member.memberId}`;
    const basket = {
      lines: [
        { sku: 'grovbrod', quantity: 2 },
        { sku: 'kaffe-stor', quantity: 1 },
      ],
      memberId: member.memberId,
      selections: { couponIds: [welcome] },
    };

    const evaluation = await till.call('basket.evaluate', basket);
    expect(evaluation.rejected).toEqual([]);
    expect(evaluation.benefits.map((b) => b.kind)).toEqual([
      'member_price',
      'coupon',
      'tier_discount',
    ]);
    expect(evaluation.totalOre).toBe(evaluation.listOre - evaluation.discountOre);
    const points = evaluation.effects!.pointsEarned;
    expect(points).toBe(Math.floor(evaluation.totalOre / 1000));

    till.clock.now += 60_000;
    const sale = await till.call('sale.commit', {
      ...basket,
      idempotencyKey: newKey(),
      paymentMethod: 'card',
    });
    expect(sale.duplicate).toBe(false);
    expect(sale.memberId).toBe(member.memberId);
    expect(sale.receiptNo).toMatch(/^\d+-000001$/);
    expect(sale.evaluation.totalOre).toBe(evaluation.totalOre);
    expect(sale.evaluation.effects?.couponsRedeemed).toEqual([welcome]);
    expect(sale.staffId).toBe(till.cashier.staffId);

    const after = await till.call('member.get', { memberId: member.memberId });
    expect(after.points.balance).toBe(points);
    expect(after.punchCards.find((c) => c.cardId === 'brod')?.stamps).toBe(2);
    expect(after.punchCards.find((c) => c.cardId === 'kaffe')?.stamps).toBe(1);
    expect(after.coupons.map((c) => c.couponId)).not.toContain(welcome);
    expect(after.stats).toMatchObject({ purchases: 1, spendOre: sale.evaluation.totalOre });

    const voided = await till.call(
      'sale.void',
      { saleId: sale.saleId, reason: 'wrong basket' },
      till.manager,
    );
    expect(voided.voided).toBe(true);
    const restored = await till.call('member.get', { memberId: member.memberId });
    expect(restored.points.balance).toBe(0);
    expect(restored.punchCards.every((c) => c.stamps === 0)).toBe(true);
    expect(restored.coupons.map((c) => c.couponId)).toContain(welcome);
    expect(restored.stats.purchases).toBe(0);

    const again = await failure(
      till.call('sale.void', { saleId: sale.saleId, reason: 'again' }, till.manager),
    );
    expect(again).toMatchObject({ code: 'already_voided', field: 'saleId', status: 409 });
  });

  it('sells without a member and records the sale', async () => {
    const sale = await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-liten', quantity: 3 }],
      idempotencyKey: newKey(),
      paymentMethod: 'cash',
    });
    expect(sale.memberId).toBeNull();
    expect(sale.evaluation.totalOre).toBe(3 * 3900);
    expect(sale.evaluation.effects).toBeNull();
    expect((await till.call('sale.get', { saleId: sale.saleId })).evaluation.totalOre).toBe(11_700);
  });

  it('answers sale.get and sale.recent with what commit answered', async () => {
    const first = await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-liten', quantity: 1 }],
      idempotencyKey: newKey(),
      paymentMethod: 'card',
    });
    till.clock.now += 1000;
    const member = await enrolKari();
    const second = await till.call('sale.commit', {
      lines: [{ sku: 'grovbrod', quantity: 1 }],
      memberId: member.memberId,
      idempotencyKey: newKey(),
      paymentMethod: 'vipps',
    });
    const { duplicate: _d1, ...firstRecord } = first;
    const { duplicate: _d2, ...secondRecord } = second;
    expect(await till.call('sale.get', { saleId: second.saleId })).toEqual(secondRecord);
    expect(await till.call('sale.recent', {})).toEqual([secondRecord, firstRecord]);
    expect(second.evaluation.earnedSummary.length).toBeGreaterThan(0);
    expect(second.receiptNo).not.toBe(first.receiptNo);
  });
});

describe('idempotency', () => {
  it('records one sale for a key sent twice and answers the repeat as a duplicate', async () => {
    const member = await enrolKari();
    const commit = {
      lines: [{ sku: 'kaffe-stor', quantity: 2 }],
      memberId: member.memberId,
      idempotencyKey: newKey(),
      paymentMethod: 'card' as const,
    };
    const first = await till.call('sale.commit', commit);
    till.clock.now += 5_000;
    const second = await till.call('sale.commit', commit);
    expect(second.duplicate).toBe(true);
    expect(second.saleId).toBe(first.saleId);
    expect(second.receiptNo).toBe(first.receiptNo);
    expect(await till.call('sale.recent', {})).toHaveLength(1);
    const view = await till.call('member.get', { memberId: member.memberId });
    expect(view.stats.purchases).toBe(1);
    expect(view.punchCards.find((c) => c.cardId === 'kaffe')?.stamps).toBe(2);
  });
});

describe('basket problems', () => {
  it('names an unknown product by its line', async () => {
    const error = await failure(
      till.call('basket.evaluate', {
        lines: [
          { sku: 'kaffe-stor', quantity: 1 },
          { sku: 'no-such-thing', quantity: 1 },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'unknown_product', field: 'lines.1.sku', status: 404 });
  });

  it('refuses an empty basket at commit, and a quantity of zero as bad input', async () => {
    const empty = await failure(
      till.call('sale.commit', { lines: [], idempotencyKey: newKey(), paymentMethod: 'card' }),
    );
    expect(empty).toMatchObject({ code: 'empty_basket', field: 'lines' });
    const zero = await failure(
      till.call('basket.evaluate', { lines: [{ sku: 'kaffe-stor', quantity: 0 }] }),
    );
    expect(zero).toMatchObject({ code: 'invalid_input', field: 'lines.0.quantity', status: 400 });
  });

  it('reports a coupon that cannot be used instead of applying it', async () => {
    const member = await enrolKari();
    const evaluation = await till.call('basket.evaluate', {
      lines: [{ sku: 'kaffe-stor', quantity: 1 }],
      memberId: member.memberId,
      selections: { couponIds: ['W-someone-else'] },
    });
    expect(evaluation.rejected.map((r) => r.ref)).toEqual(['W-someone-else']);
    expect(evaluation.benefits.some((b) => b.kind === 'coupon')).toBe(false);
  });
});

describe('verification of big redemptions', () => {
  it('refuses a phone-only redemption above the limit until the member PIN is typed', async () => {
    const programme = await till.call('programme.get', {});
    await till.call(
      'programme.save',
      { programme: { ...programme, verifyRedemptionAboveOre: 500 } },
      till.manager,
    );
    const member = await enrolKari({ memberPin: '2468' });
    const commit = {
      lines: [{ sku: 'kaffe-stor', quantity: 4 }],
      memberId: member.memberId,
      selections: { couponIds: [`W-${member.memberId}`] },
      idempotencyKey: newKey(),
      paymentMethod: 'card' as const,
    };
    expect((await till.call('basket.evaluate', commit)).needsVerification).toBe(true);
    const refused = await failure(till.call('sale.commit', commit));
    expect(refused).toMatchObject({ code: 'verification_required', status: 403 });
    const wrongPin = await failure(till.call('sale.commit', { ...commit, memberPin: '1357' }));
    expect(wrongPin).toMatchObject({ code: 'wrong_member_pin', field: 'memberPin', status: 401 });
    expect(await till.call('sale.recent', {})).toEqual([]);

    const sale = await till.call('sale.commit', { ...commit, memberPin: '2468' });
    expect(sale.evaluation.effects?.couponsRedeemed).toEqual([`W-${member.memberId}`]);
    // A card scan verifies too: the service's verification rides with the basket.
    const card = await till.call('member.lookup', { query: member.memberNumber });
    const scanned = await till.call('sale.commit', {
      ...commit,
      selections: { pointsToRedeem: 1 },
      verification: card.verification!.token,
      idempotencyKey: newKey(),
    });
    expect(scanned.duplicate).toBe(false);
  });
});

describe('returns', () => {
  it('refunds part of a sale, takes back its share of points, and refuses more than was bought', async () => {
    const member = await enrolKari();
    const sale = await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-stor', quantity: 4, lineId: 'coffee' }],
      memberId: member.memberId,
      idempotencyKey: newKey(),
      paymentMethod: 'card',
    });
    const earned = sale.evaluation.effects!.pointsEarned;
    expect(earned).toBeGreaterThan(0);

    const cashierTry = await failure(
      till.call('sale.return', { saleId: sale.saleId, lines: [{ lineId: 'coffee', quantity: 1 }] }),
    );
    expect(cashierTry).toMatchObject({ code: 'forbidden', status: 403 });

    const returned = await till.call(
      'sale.return',
      { saleId: sale.saleId, lines: [{ lineId: 'coffee', quantity: 3 }] },
      till.manager,
    );
    const paid = sale.evaluation.lines[0]!.paidOre;
    // The first units carry the spare øre, so three of four refund this much.
    expect(returned.refundOre).toBe(3 * Math.floor(paid / 4) + Math.min(3, paid % 4));
    expect(returned.returnedOre).toBe(returned.refundOre);
    const view = await till.call('member.get', { memberId: member.memberId });
    expect(view.points.balance).toBeLessThan(earned);

    const tooMany = await failure(
      till.call(
        'sale.return',
        { saleId: sale.saleId, lines: [{ lineId: 'coffee', quantity: 2 }] },
        till.manager,
      ),
    );
    expect(tooMany).toMatchObject({
      code: 'return_exceeds_sale',
      field: 'lines.0.quantity',
      status: 409,
    });
    expect(tooMany.message).toContain('4 bought, 3 returned before');

    const unknownLine = await failure(
      till.call(
        'sale.return',
        { saleId: sale.saleId, lines: [{ lineId: 'nope', quantity: 1 }] },
        till.manager,
      ),
    );
    expect(unknownLine).toMatchObject({ code: 'unknown_line', field: 'lines.0.lineId' });

    const last = await till.call(
      'sale.return',
      { saleId: sale.saleId, lines: [{ lineId: 'coffee', quantity: 1 }] },
      till.manager,
    );
    expect(last.returnedOre).toBe(sale.evaluation.totalOre);
    expect((await till.call('member.get', { memberId: member.memberId })).points.balance).toBe(0);
  });

  it('refuses to return from a voided sale', async () => {
    const sale = await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-stor', quantity: 1, lineId: 'c' }],
      idempotencyKey: newKey(),
      paymentMethod: 'card',
    });
    await till.call('sale.void', { saleId: sale.saleId, reason: 'test' }, till.manager);
    const error = await failure(
      till.call(
        'sale.return',
        { saleId: sale.saleId, lines: [{ lineId: 'c', quantity: 1 }] },
        till.manager,
      ),
    );
    expect(error).toMatchObject({ code: 'sale_voided', status: 409 });
  });
});
