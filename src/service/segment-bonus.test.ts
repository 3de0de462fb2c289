/**
 * A bonus campaign for "lapsing" members, decided at the till from its own data
 * (the member's ledger on the till's file store), at checkout.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestTill } from './testing';
import type { TestTill } from './testing';

const DAY = 86_400_000;
let till: TestTill;
beforeEach(async () => {
  // 5 January 2026, 10:00 in Oslo.
  till = await openTestTill({ start: Date.UTC(2026, 0, 5, 9, 0, 0) });
  const programme = await till.call('programme.get', {});
  await till.call(
    'programme.save',
    {
      programme: {
        ...programme,
        points: {
          enabled: true,
          earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
        },
        bonusCampaigns: [
          {
            id: 'vi-savner-deg',
            name: { nb: 'Vi savner deg', en: 'We miss you' },
            multiplier: 3,
            validFrom: '2026-01-01',
            validTo: '2026-12-31',
            segment: { statuses: ['lapsing'] },
          },
        ],
      },
    },
    till.manager,
  );
});
afterEach(() => till.close());

let seq = 0;
async function enrol() {
  seq += 1;
  const { member } = await till.call('member.enrol', {
    phone: `4${String(6_000_000 + seq).padStart(7, '0')}`,
    acceptTerms: true,
  });
  return member.memberId;
}

async function buy(memberId: string) {
  seq += 1;
  till.clock.now += 60_000;
  return till.call('sale.commit', {
    lines: [{ sku: 'kaffe-stor', quantity: 2 }],
    memberId,
    idempotencyKey: `segment-bonus-${seq}-key`,
    paymentMethod: 'card',
  });
}

describe('a bonus campaign for lapsing members', () => {
  it('triples the points of a lapsing member at checkout, not those of an active one', async () => {
    const lapsing = await enrol();
    const active = await enrol();
    await buy(lapsing);
    await buy(active);
    // 95 days on, only `active` has bought since (10 days ago).
    till.clock.now += 85 * DAY;
    await buy(active);
    till.clock.now += 10 * DAY;

    const forLapsing = await buy(lapsing);
    const forActive = await buy(active);
    const base = Math.floor(forActive.evaluation.totalOre / 1000);
    expect(base).toBeGreaterThan(0);
    expect(forActive.evaluation.effects!.pointsEarned).toBe(base);
    expect(forLapsing.evaluation.totalOre).toBe(forActive.evaluation.totalOre);
    expect(forLapsing.evaluation.effects!.pointsEarned).toBe(3 * base);

    // Bought today, the lapsing member is active again: the next purchase earns the base.
    expect((await buy(lapsing)).evaluation.effects!.pointsEarned).toBe(base);
    const member = await till.call('member.get', { memberId: lapsing });
    expect(member.bonusCampaignIds).toEqual([]);
  });
});
