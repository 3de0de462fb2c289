/**
 * Pushing the outbox against the real cloud on loopback: two batches on their
 * way at once, and a body limit smaller than a batch (as a proxy in front of
 * the cloud may have), which the till meets by sending less at a time, storing
 * every event once. The API is the real one; the wrapper only watches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePath } from '../../src/service';
import { openDatabase, pendingCount } from '../../src/store';
import type { Db } from '../../src/store';
import { loadPairing } from '../../src/store/sync-pairing';
import { cloudApi } from '../../src/sync/cloud-api';
import type { CloudApi } from '../../src/sync/cloud-api';
import { PUSH_BATCHES_IN_FLIGHT, pushOutbox } from '../../src/sync/push';
import { busyDay } from './support/activity';
import { cloudEvents, newChain, startTestCloud } from './support/cloud';
import type { TestChain, TestCloud } from './support/cloud';
import { CATALOGUE, CHAIN_PROGRAMME } from './support/scenario';
import { openSyncTill, T0 } from './support/till';
import type { WorldClock } from './support/till';

/** Comfortably more than one event, far less than a batch of 40. */
const BODY_LIMIT = 12_000;

interface Watched {
  api: CloudApi;
  /** The batch sizes sent, in order. */
  sizes: number[];
  /** Those the cloud answered (not refused as too large for its body limit). */
  answered: number[];
  maxInFlight: number;
  /** Members found in two batches on their way at the same time. */
  shared: Set<string>;
}

function watched(api: CloudApi): Watched {
  const inFlight = new Set<ReadonlySet<string>>();
  const w: Watched = {
    sizes: [],
    answered: [],
    maxInFlight: 0,
    shared: new Set(),
    api: {
      ...api,
      async push(terminalId, events) {
        w.sizes.push(events.length);
        const members = new Set(events.flatMap((e) => (e.memberId === null ? [] : [e.memberId])));
        for (const other of inFlight) for (const m of members) if (other.has(m)) w.shared.add(m);
        inFlight.add(members);
        w.maxInFlight = Math.max(w.maxInFlight, inFlight.size);
        try {
          const answer = await api.push(terminalId, events);
          w.answered.push(events.length);
          return answer;
        } finally {
          inFlight.delete(members);
        }
      },
    },
  };
  return w;
}

describe('pushing the outbox', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('pglite', { bodyLimitBytes: BODY_LIMIT });
  });
  afterAll(async () => {
    await cloud?.dispose();
  });

  async function tillWithADay(events: number, tag: number) {
    const world: WorldClock = { now: T0 };
    const chain = await newChain(cloud, ['Sentrum'], CHAIN_PROGRAMME);
    // Background sync off (the helper's default): this test pushes by hand.
    const till = await openSyncTill({ name: `push-${tag}`, world });
    await till.pair(cloud.server.url, chain.storeCodes.Sentrum!);
    await till.call('catalogue.save', { products: CATALOGUE });
    await till.sync();
    const before = (await cloudEvents(cloud, chain)).length;
    await busyDay(till, world, events, tag);
    const { db } = openDatabase(databasePath(till.dir.dir));
    const pairing = loadPairing(db)!;
    const api = cloudApi({
      baseUrl: pairing.cloudUrl,
      token: () => pairing.token,
      timeoutMs: 10_000,
    });
    return { till, chain, db, pairing, api, before };
  }

  /** The outbox is empty and the cloud holds each of its events once. */
  async function expectAllStoredOnce(db: Db, chain: TestChain, before: number, pending: number) {
    expect(pendingCount(db)).toBe(0);
    const stored = await cloudEvents(cloud, chain);
    expect(stored.length).toBe(before + pending);
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
  }

  it(`keeps ${PUSH_BATCHES_IN_FLIGHT} batches on their way at once, sharing no member, and stores each event once`, async () => {
    const { till, chain, db, pairing, api, before } = await tillWithADay(60, 61);
    try {
      const pending = pendingCount(db);
      expect(pending).toBeGreaterThanOrEqual(60);
      const members = db
        .prepare('SELECT COUNT(DISTINCT member_id) FROM events WHERE pushed = 0')
        .pluck()
        .get() as number;
      expect(members).toBeGreaterThan(5);
      const w = watched(api);
      const outcome = await pushOutbox(db, w.api, pairing.terminalId, 5, () => false);
      expect(outcome).toEqual({ pushed: pending, rejected: [], setAside: 0 });
      expect(w.maxInFlight).toBe(PUSH_BATCHES_IN_FLIGHT);
      // Side by side in the cloud, not one waiting for the other's member locks.
      expect([...w.shared]).toEqual([]);
      // Each event stored by one answered request.
      expect(w.answered.reduce((a, b) => a + b, 0)).toBe(pending);
      await expectAllStoredOnce(db, chain, before, pending);
    } finally {
      db.close();
      till.close();
    }
  });

  it('meets a body limit smaller than a batch by sending less at a time, losing nothing', async () => {
    // Enough for a full batch of 40 in each lane.
    const { till, chain, db, pairing, api, before } = await tillWithADay(120, 62);
    try {
      const pending = pendingCount(db);
      const w = watched(api);
      const outcome = await pushOutbox(db, w.api, pairing.terminalId, 40, () => false);
      expect(outcome).toEqual({ pushed: pending, rejected: [], setAside: 0 });
      // Refused whole at 40 (and at 20 while the limit is still too small), then halved.
      expect(w.sizes[0]).toBe(40);
      expect(Math.min(...w.sizes)).toBeLessThan(40);
      await expectAllStoredOnce(db, chain, before, pending);
    } finally {
      db.close();
      till.close();
    }
  });
});
