/**
 * A programme version published in the cloud to one store from a date, through
 * the real cloud to two tills of the chain: both pull it; the chosen store's
 * till runs it from midnight of that day by its own clock, with nothing pulled
 * then and the cloud stopped; the other store's till never does.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseProgramme } from '../../src/core/programme';
import { addDays, localDateOf, startOfLocalDay } from '../../src/core/time';
import { saveProgramme } from '../../cloud/programme-change';
import { startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { CHAIN_PROGRAMME, scenario } from './support/scenario';
import type { WorldClock } from './support/till';

const DAY = 86_400_000;
const ZONE = 'Europe/Oslo';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud('pglite');
});
afterAll(async () => {
  await cloud.dispose();
});

it('runs a version at its chosen store from its date, and nowhere else', async () => {
  // The cloud stamps the chain's first version with its own clock: the tills share it.
  const world: WorldClock = { now: Date.now() };
  const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
  try {
    const a = s.till('A');
    const b = s.till('B');
    const nameAt = async (till: typeof a) => (await till.call('programme.get', {})).name;
    expect(await nameAt(a)).toBe('Kjedebakeriet');

    // Christmas rules for store A from the next midnight in Oslo.
    const midnight = startOfLocalDay(addDays(localDateOf(world.now, ZONE), 1), ZONE);
    await saveProgramme(
      cloud.server.database,
      s.chain.chainId,
      {
        programme: parseProgramme({ ...CHAIN_PROGRAMME, name: 'Julebakeriet' }),
        staffId: null,
        stores: [s.chain.storeIds['Butikk A']!],
        from: midnight,
      },
      world.now,
    );
    await s.syncAll();
    expect(await nameAt(a)).toBe('Kjedebakeriet');
    expect(await nameAt(b)).toBe('Kjedebakeriet');

    // The cloud is gone by then: the till needs nothing more.
    await cloud.stop();
    world.now = midnight - 1;
    expect(await nameAt(a)).toBe('Kjedebakeriet');
    world.now = midnight;
    expect(await nameAt(a)).toBe('Julebakeriet');
    expect((await a.call('status.get', {})).storeName).toBe('Julebakeriet');
    world.now = midnight + 30 * DAY;
    expect(await nameAt(a)).toBe('Julebakeriet');
    expect(await nameAt(b)).toBe('Kjedebakeriet');

    // After a restart too (nothing kept in memory decides it).
    await a.restart();
    expect(await nameAt(a)).toBe('Julebakeriet');
  } finally {
    await s.close();
    await cloud.ensureRunning();
  }
});
