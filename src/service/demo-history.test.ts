/**
 * The full demo (members and 90 days of sales through the service's own
 * commands): deterministic from its seed, dated back from the till's clock,
 * the three members the README names are there as it says, and the demo's
 * points can be spent.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberDetail } from './commands';
import { DEMO_MEMBER_COUNT, demoPhone } from './demo-history';
import { tempDir } from '../store/testing/temp-db';
import { openTestTill, SYSTEM_SESSION } from './testing';
import { openTillService } from './till-service';
import type { TestTill } from './testing';

const DAY_MS = 86_400_000;
// Tuesday 2 December 2025, 10:00 in Oslo: the demo's 90 days end at this minute.
const NOW = Date.UTC(2025, 11, 2, 9, 0, 0);
// Seeding 300 members and some 2,000 sales takes seconds; a loaded test machine more.
const SLOW = 120_000;

interface ReadmeMember {
  phone: string;
  memberNumber: string;
  name: string;
}

/** The demo members the README names, read from its table. */
function readmeMembers(): ReadmeMember[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^\| (48\d\d \d{4}) \| (\d{13}) \| ([^|]+?) +\|/gm)].map((m) => ({
    phone: m[1]!.replace(' ', ''),
    memberNumber: m[2]!,
    name: m[3]!,
  }));
}

async function memberByPhone(till: TestTill, phone: string): Promise<MemberDetail | null> {
  const found = await till.call('member.lookup', { query: phone }, till.manager);
  if (!found.member) return null;
  return till.call('member.get', { memberId: found.member.memberId }, till.manager);
}

/** What a store's members are, in a form two stores can be compared by. */
async function digest(till: TestTill, count: number) {
  const rows: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const m = await memberByPhone(till, demoPhone(i));
    rows.push(
      m && [
        m.memberNumber,
        m.profile.firstName,
        m.profile.birthDate,
        m.points.balance,
        m.tier?.levelId,
        m.stats.purchases,
        m.stats.spendOre,
        m.punchCards.map((c) => [c.stamps, c.rewardsAvailable.length]),
      ],
    );
  }
  return rows;
}

describe('the full demo store', () => {
  let till: TestTill;
  let seconds = 0;

  beforeAll(async () => {
    const started = performance.now();
    till = await openTestTill({ demo: 'full', start: NOW });
    seconds = (performance.now() - started) / 1000;
  }, SLOW);
  afterAll(() => till?.close());

  it('has its members, each tier, birthdays across the year, consents and ready rewards', async () => {
    console.log(`the full demo opened in ${seconds.toFixed(1)} s`);
    const members: MemberDetail[] = [];
    for (let i = 0; i < DEMO_MEMBER_COUNT; i++) {
      const member = await memberByPhone(till, demoPhone(i));
      expect(member, demoPhone(i)).not.toBeNull();
      members.push(member!);
    }
    const count = (test: (m: MemberDetail) => boolean) => members.filter(test).length;
    for (const tier of ['bronse', 'solv', 'gull'])
      expect(
        count((m) => m.tier?.levelId === tier),
        tier,
      ).toBeGreaterThanOrEqual(3);
    const months = new Set(members.map((m) => m.profile.birthDate?.slice(5, 7)));
    expect(months.size).toBe(12);
    const sms = count((m) => m.consents.sms);
    expect(sms).toBeGreaterThan(50);
    expect(sms).toBeLessThan(DEMO_MEMBER_COUNT);
    expect(count((m) => m.consents.email)).toBeGreaterThan(30);
    expect(count((m) => m.punchCards.some((c) => c.stamps === c.of - 1))).toBeGreaterThan(5);
    expect(count((m) => m.punchCards.some((c) => c.rewardsAvailable.length > 0))).toBeGreaterThan(
      5,
    );
    expect(count((m) => m.points.valueOre > 0)).toBeGreaterThan(100);
  });

  it('has 90 days of sales ending now, by the demo cashier', async () => {
    const [last] = await till.call('sale.recent', { limit: 1 });
    expect(last!.at).toBeLessThanOrEqual(NOW);
    expect(last!.at).toBeGreaterThan(NOW - DAY_MS);
    expect(last!.staffId).toBe('demo-kari');
    const ingrid = await memberByPhone(till, demoPhone(0));
    // Her first purchase was the programme's first morning, 89 days before today.
    expect(ingrid!.stats.firstPurchaseAt!).toBeGreaterThan(NOW - 90 * DAY_MS);
    expect(ingrid!.stats.firstPurchaseAt!).toBeLessThan(NOW - 88 * DAY_MS);
    expect(ingrid!.stats.purchases).toBeGreaterThan(20);
  });

  it('has the three members the README names, as it describes them', async () => {
    const named = readmeMembers();
    expect(named.map((m) => m.name)).toEqual(['Ingrid Haugen', 'Ola Berg', 'Sara Lie']);
    const [ingrid, ola, sara] = await Promise.all(
      named.map(async ({ phone, memberNumber, name }) => {
        const member = await memberByPhone(till, phone);
        expect(member?.memberNumber, name).toBe(memberNumber);
        // The member number finds the same member.
        const byNumber = await till.call('member.lookup', { query: memberNumber });
        expect(byNumber.member?.memberId).toBe(member!.memberId);
        expect(`${member!.profile.firstName} ${member!.profile.lastName}`).toBe(name);
        return member!;
      }),
    );

    expect(ingrid!.tier?.levelId).toBe('gull');
    expect(ingrid!.points.balance).toBeGreaterThan(2000);
    expect(ingrid!.points.valueOre).toBeGreaterThan(100_000);
    expect(ingrid!.points.valueOre).toBe(ingrid!.points.balance * 50);

    const olaCoffee = ola!.punchCards.find((c) => c.cardId === 'kaffe')!;
    expect([olaCoffee.stamps, olaCoffee.of, olaCoffee.rewardsAvailable]).toEqual([8, 9, []]);

    const saraBread = sara!.punchCards.find((c) => c.cardId === 'brod')!;
    expect(saraBread.rewardsAvailable.length).toBeGreaterThan(0);
    expect(sara!.coupons.map((c) => c.ruleId)).toContain('birthday');
  });

  it("spends a member's points in kroner (100 points take 50 kr off)", async () => {
    const [ingrid] = readmeMembers();
    // The card scanned: the member is verified for this basket.
    const lookup = await till.call('member.lookup', { query: ingrid!.memberNumber });
    const evaluation = await till.call('basket.evaluate', {
      lines: [{ sku: 'kvaefjordkake', quantity: 1 }],
      memberId: lookup.member!.memberId,
      verification: lookup.verification!.token,
      selections: { pointsToRedeem: 100 },
    });
    expect(evaluation.rejected).toEqual([]);
    const points = evaluation.benefits.find((b) => b.kind === 'points_redemption');
    expect(points).toMatchObject({ points: 100, amountOre: 5_000 });
    expect(evaluation.effects?.pointsRedeemed).toBe(100);
  });
});

describe('the demo history', () => {
  const small = { members: 40, days: 20 };

  it(
    'is the same for the same seed (member numbers, balances), and not for another',
    async () => {
      const digests = [];
      for (const seed of [7, 7, 8]) {
        const till = await openTestTill({
          demo: 'full',
          demoHistory: { ...small, seed },
          start: NOW,
        });
        try {
          digests.push(await digest(till, small.members));
        } finally {
          till.close();
        }
      }
      expect(digests[0]!.every((row) => row !== null)).toBe(true);
      expect(digests[1]).toEqual(digests[0]);
      expect(digests[2]).not.toEqual(digests[0]);
    },
    SLOW,
  );

  it('has every member, and no sale after now, when the till first starts before opening', async () => {
    const early = Date.UTC(2025, 11, 2, 4, 0, 0); // 05:00 in Oslo, the doors open at 07:00
    const till = await openTestTill({ demo: 'full', demoHistory: small, start: early });
    try {
      expect((await digest(till, small.members)).every((row) => row !== null)).toBe(true);
      const [last] = await till.call('sale.recent', { limit: 1 });
      expect(last!.at).toBeLessThan(early - 10 * 3_600_000);
    } finally {
      till.close();
    }
  });

  it('prints no receipts, with a printer set', async () => {
    const dir = tempDir('lojal-demo-printer-');
    const service = openTillService({
      dataDir: dir.dir,
      clock: () => NOW,
      demo: 'full',
      demoHistory: small,
      devices: {
        printer: { target: { kind: 'tcp', host: '127.0.0.1', port: 9 }, width: 48, type: 'epson' },
      },
    });
    try {
      const status = await service.call('status.get', {}, SYSTEM_SESSION);
      expect(status.devices.printer).toMatchObject({
        source: 'env',
        pendingJobs: 0,
        failedJobs: 0,
      });
    } finally {
      service.close();
      await service.whenClosed();
      dir.remove();
    }
  });

  it('is not made for a test till unless asked (the minimal demo)', async () => {
    const till = await openTestTill({ start: NOW });
    try {
      expect(await memberByPhone(till, demoPhone(0))).toBeNull();
      expect(await till.call('sale.recent', { limit: 1 })).toEqual([]);
    } finally {
      till.close();
    }
  });
});
