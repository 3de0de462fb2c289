import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  // 10 March 2026, 10:00 in Oslo.
  till = await openTestTill({ start: Date.UTC(2026, 2, 10, 9, 0, 0) });
  const programme = await till.call('programme.get', {});
  await till.call(
    'programme.save',
    {
      programme: {
        ...programme,
        referral: { enabled: true, reward: { kind: 'points', points: 100 }, monthlyCap: 2 },
      },
    },
    till.manager,
  );
});
afterEach(() => till.close());

let phoneSeq = 0;
async function enrol(referral?: string) {
  phoneSeq += 1;
  const phone = `4${String(5_000_000 + phoneSeq).padStart(7, '0')}`;
  const { member } = await till.call('member.enrol', {
    phone,
    acceptTerms: true,
    ...(referral ? { referral } : {}),
  });
  return { member, phone };
}

let keySeq = 0;
async function buy(memberId: string) {
  keySeq += 1;
  till.clock.now += 60_000;
  return till.call('sale.commit', {
    lines: [{ sku: 'kaffe-stor', quantity: 1 }],
    memberId,
    idempotencyKey: `referral-${keySeq}-key`,
    paymentMethod: 'card',
  });
}

async function points(memberId: string): Promise<number> {
  return (await till.call('member.get', { memberId })).points.balance;
}

describe('refer a friend', () => {
  it('rewards the referrer on the friend’s first purchase only', async () => {
    const referrer = await enrol();
    const friend = await enrol(referrer.phone);
    expect(await points(referrer.member.memberId)).toBe(0);
    await buy(friend.member.memberId);
    expect(await points(referrer.member.memberId)).toBe(100);
    await buy(friend.member.memberId);
    expect(await points(referrer.member.memberId)).toBe(100);
  });

  it('takes the referrer by member number or QR as well as by phone', async () => {
    const referrer = await enrol();
    const byNumber = await enrol(referrer.member.memberNumber);
    const byQr = await enrol(`LJM-${referrer.member.qrToken}`);
    await buy(byNumber.member.memberId);
    await buy(byQr.member.memberId);
    expect(await points(referrer.member.memberId)).toBe(200);
  });

  it('refuses self-referral and an unknown referrer', async () => {
    const self = await failure(
      till.call('member.enrol', { phone: '45999999', acceptTerms: true, referral: '45 99 99 99' }),
    );
    expect(self).toMatchObject({ code: 'self_referral', field: 'referral' });
    const unknown = await failure(
      till.call('member.enrol', { phone: '45999999', acceptTerms: true, referral: '45888888' }),
    );
    expect(unknown).toMatchObject({ code: 'unknown_referrer', field: 'referral', status: 404 });
  });

  it('respects the monthly cap, and rewards again the next month', async () => {
    const referrer = await enrol();
    const friends = [];
    for (let i = 0; i < 4; i++) friends.push(await enrol(referrer.phone));
    await buy(friends[0]!.member.memberId);
    await buy(friends[1]!.member.memberId);
    await buy(friends[2]!.member.memberId);
    expect(await points(referrer.member.memberId)).toBe(200);
    // 1 April in Oslo: a new month.
    till.clock.now = Date.UTC(2026, 3, 1, 8, 0, 0);
    await buy(friends[3]!.member.memberId);
    expect(await points(referrer.member.memberId)).toBe(300);
  });

  it('does not reward when the friend’s first sale was voided and they buy again', async () => {
    const referrer = await enrol();
    const friend = await enrol(referrer.phone);
    const first = await buy(friend.member.memberId);
    await till.call('sale.void', { saleId: first.saleId, reason: 'mistake' }, till.manager);
    await buy(friend.member.memberId);
    const exported = await till.call(
      'member.export',
      { memberId: referrer.member.memberId },
      till.manager,
    );
    const ledger = exported.ledger as { referralRewards: unknown[] };
    expect(ledger.referralRewards).toHaveLength(1);
  });
});
