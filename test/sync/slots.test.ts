/**
 * Member numbers across tills of one chain: the cloud gives each till a slot
 * at pairing and the till numbers new members in it, so tills enrolling
 * offline never hand out the same number. Numbers handed out before pairing
 * (under a random slot) stay the members' numbers; when two unpaired tills
 * happened to hand out the same one, lookups answer the earliest enrolment and
 * the clash is listed for the manager.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../helpers/said';
import { memberNumberFor } from '../../src/core/ean13';
import { MEMBERS_PER_SLOT, terminalSlot } from '../../src/store/members';
import { SLOTS } from '../../src/sync';
import { backends, newChain, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { expectConverged } from './support/converge';
import { CATALOGUE, CHAIN_PROGRAMME, scenario } from './support/scenario';
import { HOUR, openSyncTill, T0 } from './support/till';
import type { WorldClock } from './support/till';

const MIN = 60_000;
const PER_TILL = 120;

it('the protocol and the store agree on the size of a slot', () => {
  expect(SLOTS.size).toBe(MEMBERS_PER_SLOT);
});

for (const backend of await backends()) {
  const title = `member-number slots (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('two tills enrolling offline hand out distinct numbers, each in the slot pairing gave it', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const slots = s.tills.map((t) => t.service.sync.status().cloud!.slot!);
        expect(new Set(slots).size).toBe(2);
        for (const [i, till] of s.tills.entries()) {
          expect(slots[i]).toBeLessThanOrEqual(SLOTS.lastBeforeRandom);
          expect(till.readDb(terminalSlot)).toBe(slots[i]);
        }

        // No sync while they enrol: as good as offline.
        const numbers = new Map<string, string>();
        for (let k = 0; k < PER_TILL; k++) {
          world.now += 1_000;
          for (const [i, till] of s.tills.entries()) {
            const phone = `4${i}${String(k).padStart(6, '0')}`;
            const { member } = await till.call(
              'member.enrol',
              { phone, acceptTerms: true },
              till.cashier,
            );
            expect(member.memberNumber).toBe(
              memberNumberFor('29', slots[i]! * MEMBERS_PER_SLOT + k + 1),
            );
            numbers.set(member.memberId, member.memberNumber);
          }
        }
        await s.syncAll();

        const everywhere = s.tills.map((till) =>
          till.readDb(
            (db) => db.prepare('SELECT member_number FROM members').pluck().all() as string[],
          ),
        );
        for (const held of everywhere) {
          expect(held).toHaveLength(2 * PER_TILL);
          expect(new Set(held).size).toBe(2 * PER_TILL);
        }
        expect(new Set(numbers.values()).size).toBe(2 * PER_TILL);
        const [someId, someNumber] = [...numbers.entries()][7]!;
        const looked = await s.tills[1]!.call('member.lookup', { query: someNumber });
        expect(looked).toMatchObject({ via: 'member_number', member: { memberId: someId } });
        expect(looked.clash).toBeUndefined();
        for (const till of s.tills) {
          const conflicts = await till.call('sync.conflicts', {});
          expect(conflicts.local).toEqual([]);
        }
        await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
      } finally {
        await s.close();
      }
    });

    it('keeps numbers two unpaired tills both handed out, answers the earliest, and lists the clash', async () => {
      const world: WorldClock = { now: T0 };
      const chain = await newChain(cloud, ['Nord', 'Sør'], CHAIN_PROGRAMME);
      // Two tills set up for the chain before pairing, which happened to pick the same slot.
      const tills = [
        await openSyncTill({
          name: 'early',
          world,
          terminal: { chainId: chain.chainId, storeId: 'unpaired', terminalId: 'early', slot: 777 },
        }),
        await openSyncTill({
          name: 'late',
          world,
          terminal: { chainId: chain.chainId, storeId: 'unpaired', terminalId: 'late', slot: 777 },
        }),
      ] as const;
      try {
        const [early, late] = tills;
        const first = await early.call(
          'member.enrol',
          { phone: '41000001', acceptTerms: true, profile: { firstName: 'Først' } },
          early.cashier,
        );
        world.now += 5 * MIN;
        const second = await late.call(
          'member.enrol',
          { phone: '41000002', acceptTerms: true, profile: { firstName: 'Sist' } },
          late.cashier,
        );
        const shared = first.member.memberNumber;
        expect(second.member.memberNumber).toBe(shared);
        expect(shared).toBe(memberNumberFor('29', 777 * MEMBERS_PER_SLOT + 1));

        world.now += MIN;
        await early.pair(cloud.server.url, chain.storeCodes.Nord!);
        await late.pair(cloud.server.url, chain.storeCodes['Sør']!);
        await early.call('catalogue.save', { products: CATALOGUE });
        for (let pass = 0; pass < 2; pass++) for (const t of tills) await t.sync();

        // Both members keep their number; a lookup by it answers the earlier enrolment.
        for (const till of tills) {
          const found = await till.call('member.lookup', { query: shared }, till.cashier);
          expect(found.member?.memberId).toBe(first.member.memberId);
          // Not silently: the answer says who else has the number.
          expect(found.clash).toEqual({
            kind: 'duplicate_member_number',
            memberIds: [first.member.memberId, second.member.memberId],
          });
          const second2 = await till.call('member.get', { memberId: second.member.memberId });
          expect(second2.memberNumber).toBe(shared);
          const { local } = await till.call('sync.conflicts', {});
          expect(local).toEqual([
            expect.objectContaining({
              kind: 'duplicate_member_number',
              value: shared,
              members: [
                expect.objectContaining({ memberId: first.member.memberId, firstName: 'Først' }),
                expect.objectContaining({ memberId: second.member.memberId, firstName: 'Sist' }),
              ],
            }),
          ]);
          expect(render(local[0]!.text, 'nb')).toMatch(/gir Først/);
        }

        // From now on each numbers in its own slot: no new clash.
        const slots = tills.map((t) => t.service.sync.status().cloud!.slot!);
        expect(slots[0]).not.toBe(slots[1]);
        world.now += MIN;
        const after = [];
        for (const [i, till] of tills.entries()) {
          const { member } = await till.call(
            'member.enrol',
            { phone: `4200000${i}`, acceptTerms: true },
            till.cashier,
          );
          expect(member.memberNumber).toBe(memberNumberFor('29', slots[i]! * MEMBERS_PER_SLOT + 1));
          after.push(member.memberNumber);
        }
        for (let pass = 0; pass < 2; pass++) for (const t of tills) await t.sync();
        expect(new Set(after).size).toBe(2);
        for (const till of tills) {
          expect((await till.call('sync.conflicts', {})).local).toHaveLength(1);
        }
        await expectConverged(tills, cloud, chain, world.now + HOUR);
      } finally {
        for (const t of tills) t.close();
      }
    });
  });
}
