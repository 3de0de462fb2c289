/**
 * A chain with tills, ready to sell: the chain's programme saved in the cloud
 * (the bakery's, renamed), each till paired with its own store (through a
 * faulty proxy when asked), the catalogue saved at the first till, and
 * everyone synced.
 */
import { programmeTemplate } from '../../../src/core/templates';
import type { ProgrammeInput } from '../../../src/core/programme';
import { FaultyProxy } from '../../helpers/faulty-proxy';
import { newChain } from './cloud';
import type { TestChain, TestCloud } from './cloud';
import { openSyncTill } from './till';
import type { SyncTill, WorldClock } from './till';
import type { SyncSettings } from '../../../src/sync';

const bakery = programmeTemplate('bakeri')!;

export const CHAIN_PROGRAMME: ProgrammeInput = {
  ...bakery.programme,
  name: 'Kjedebakeriet',
  // Points can pay at the till (1 kr each), so sales spend them too.
  points: { ...bakery.programme.points!, redeemValueOre: 100 },
};
export const CATALOGUE = bakery.catalogue;

export interface TillPlan {
  name: string;
  skewMs?: number;
  /** Talk to the cloud through a faulty proxy of its own. */
  proxied?: boolean;
  sync?: SyncSettings;
}

export interface Scenario {
  chain: TestChain;
  tills: SyncTill[];
  /** Proxies by till name (for tills planned with `proxied`). */
  proxies: Map<string, FaultyProxy>;
  till(name: string): SyncTill;
  syncAll(): Promise<void>;
  close(): Promise<void>;
}

export async function scenario(
  cloud: TestCloud,
  world: WorldClock,
  plans: TillPlan[],
): Promise<Scenario> {
  await cloud.ensureRunning();
  const chain = await newChain(
    cloud,
    plans.map((p) => `Butikk ${p.name}`),
    CHAIN_PROGRAMME,
  );
  const proxies = new Map<string, FaultyProxy>();
  const tills: SyncTill[] = [];
  for (const plan of plans) {
    const till = await openSyncTill({
      name: plan.name,
      world,
      ...(plan.skewMs === undefined ? {} : { skewMs: plan.skewMs }),
      ...(plan.sync === undefined ? {} : { sync: plan.sync }),
    });
    tills.push(till);
    let url = cloud.server.url;
    if (plan.proxied) {
      const proxy = await FaultyProxy.start(cloud.server.url);
      proxies.set(plan.name, proxy);
      url = proxy.url;
    }
    await till.pair(url, chain.storeCodes[`Butikk ${plan.name}`]!);
  }
  await tills[0]!.call('catalogue.save', { products: CATALOGUE });
  const s: Scenario = {
    chain,
    tills,
    proxies,
    till: (name) => {
      const found = tills.find((t) => t.name === name);
      if (!found) throw new Error(`no till ${name}`);
      return found;
    },
    async syncAll() {
      // Twice round: the second pass brings everyone what the others pushed in the first.
      for (let pass = 0; pass < 2; pass++) for (const t of tills) await t.sync();
    },
    async close() {
      for (const t of tills) t.close();
      for (const p of proxies.values()) await p.close();
    },
  };
  await s.syncAll();
  return s;
}
