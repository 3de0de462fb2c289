import { expect, it } from 'vitest';
import { testProgramme } from '../src/core/member/test-programme';
import { ROUTES, UnpairResponse, highestSlotFor, slotOfTerminal } from '../src/sync/protocol';
import { describeOnEachDatabase, expectBody, expectError, request } from './test/cloud';

it('numbers terminals into slots around the range unpaired tills pick from', () => {
  expect([1, 2, 499, 500, 501, 9499].map(slotOfTerminal)).toEqual([1, 2, 499, 1000, 1001, 9999]);
  expect(() => slotOfTerminal(0)).toThrow(RangeError);
  expect(['29', '290', '2901', '29012', '290123'].map(highestSlotFor)).toEqual([
    9999, 999, 99, 9, 0,
  ]);
});

describeOnEachDatabase(
  'member-number slots at pairing',
  (cloud) => {
    it('gives each terminal of a chain its own slot, counted per chain', async () => {
      const storeA = await cloud().newStore();
      const storeB = await cloud().newStore(storeA.chain);
      const tills = [
        await cloud().pair(storeA.storeCode, 'Kasse 1'),
        await cloud().pair(storeB.storeCode, 'Kasse 1'),
        await cloud().pair(storeA.storeCode, 'Kasse 2'),
      ];
      expect(tills.map((t) => t.pairing.slot)).toEqual([1, 2, 3]);
      expect(tills.every((t) => !t.pairing.existingTerminal)).toBe(true);
      const otherChain = await cloud().newTill();
      expect(otherChain.pairing.slot).toBe(1);

      // Pairings at once still get distinct slots.
      const many = await Promise.all(
        [4, 5, 6, 7, 8].map((k) => cloud().pair(storeB.storeCode, `Kasse ${k}`)),
      );
      expect(many.map((t) => t.pairing.slot).sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8]);
    });

    it('pairs a terminal again when it sends its token: same id and slot, new token, old one revoked', async () => {
      const storeA = await cloud().newStore();
      const storeB = await cloud().newStore(storeA.chain);
      await cloud().pair(storeA.storeCode, 'Kasse 1');
      const till = await cloud().pair(storeA.storeCode, 'Kasse 2');
      expect(till.pairing.slot).toBe(2);

      // Moved to the chain's other store, paired again with its token.
      const again = (await cloud().pair(storeB.storeCode, 'Kasse 2 (flyttet)', till.token)).pairing;
      expect(again).toMatchObject({
        terminalId: till.pairing.terminalId,
        slot: 2,
        storeId: storeB.storeId,
        existingTerminal: true,
      });
      expect(again.token).not.toBe(till.token);
      expectError(await till.call('GET', ROUTES.pull), 401, 'unauthorized');
      expect((await request(cloud().url, 'GET', ROUTES.pull, { token: again.token })).status).toBe(
        200,
      );

      // A revoked token, or one of another chain, pairs a new terminal with the next slot.
      const revoked = (await cloud().pair(storeA.storeCode, 'Kasse 3', till.token)).pairing;
      expect(revoked).toMatchObject({ slot: 3, existingTerminal: false });
      expect(revoked.terminalId).not.toBe(till.pairing.terminalId);
      const foreign = await cloud().newTill();
      const crossed = (await cloud().pair(storeA.storeCode, 'Kasse 4', foreign.token)).pairing;
      expect(crossed).toMatchObject({ chainId: storeA.chainId, slot: 4, existingTerminal: false });
      // The other chain's till was not touched.
      expect((await foreign.call('GET', ROUTES.pull)).status).toBe(200);
    });

    it('skips the slots unpaired tills pick from, and refuses when the prefix allows no more', async () => {
      const store = await cloud().newStore();
      await cloud().server.database.query('UPDATE chains SET slots_given = 498 WHERE id = $1', [
        store.chainId,
      ]);
      expect((await cloud().pair(store.storeCode, 'Kasse 499')).pairing.slot).toBe(499);
      expect((await cloud().pair(store.storeCode, 'Kasse 500')).pairing.slot).toBe(1000);

      // Under a 3-digit prefix the highest slot is 999: no room for slot 1001.
      const adminToken = await cloud().server.admin.addAdminToken(store.chain);
      const programme = testProgramme({ memberNumberPrefix: '290' });
      expect(
        (
          await request(cloud().url, 'PUT', ROUTES.programme, {
            token: adminToken,
            body: { programme },
          })
        ).status,
      ).toBe(200);
      const refused = expectError(
        await request(cloud().url, 'POST', ROUTES.pair, {
          body: { storeCode: store.storeCode, terminalName: 'Kasse 501' },
        }),
        409,
        'slots_exhausted',
      );
      expect(refused.message).toMatch(/prefix 290 allows \(up to 999\)/);
      expect(refused.field).toBe('storeCode');
      const counted = await cloud().server.database.query<{ slots_given: unknown }>(
        'SELECT slots_given FROM chains WHERE id = $1',
        [store.chainId],
      );
      expect(Number(counted[0]!.slots_given)).toBe(500);
    });

    it('unpairs: the token is revoked, the terminal keeps its slot and nobody else gets it', async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode, 'Kasse 1');
      expect(expectBody(await till.call('POST', ROUTES.unpair), 200, UnpairResponse)).toEqual({
        revoked: true,
      });
      expectError(await till.call('GET', ROUTES.pull), 401, 'unauthorized');
      expectError(await till.call('POST', ROUTES.unpair), 401, 'unauthorized');
      const next = await cloud().pair(store.storeCode, 'Kasse 2');
      expect(next.pairing.slot).toBe(2);
      const adminToken = await cloud().server.admin.addAdminToken(store.chain);
      expectError(
        await request(cloud().url, 'POST', ROUTES.unpair, { token: adminToken }),
        403,
        'forbidden',
      );
    });
  },
  // Many pairings from this one address: the per-address limit is tested in limits.test.ts.
  { limits: { perAddress: { capacity: 1_000, refillPerSecond: 1_000 } } },
);
