/**
 * New tills from snapshots (docs/architecture.md, "Sync"): a till that starts
 * from the cloud's member ledgers and then pulls only later events holds the
 * same member rows as a till that replayed the chain's whole log — with voids
 * and returns of sales folded into the snapshot, events older than it arriving
 * after it, erasures, and a coupon and points redeemed at two tills at once.
 * A real cloud on loopback (PGlite and PostgreSQL) and real till databases.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import type { LojalEvent } from '../../src/core/events';
import { memberEvents, MINUTE, DAY } from '../../src/core/member/test-events';
import type { MemberEventMaker } from '../../src/core/member/test-events';
import { openDatabase } from '../../src/store';
import type { Db } from '../../src/store';
import { tempDir } from '../../src/store/testing/temp-db';
import { setSetting, SettingKeys } from '../../src/store/settings';
import { cloudApi } from '../../src/sync/cloud-api';
import type { CloudApi } from '../../src/sync/cloud-api';
import { pullAll } from '../../src/sync/pull';
import { SnapshotMembersResponse } from '../../src/sync/protocol';
import type { SnapshotMember } from '../../src/sync/protocol';
import { refreshWaiting, snapshotIfFarBehind } from '../../src/sync/snapshot';
import { membersNeedingSnapshot, SnapshotKeys, snapshotSetting } from '../../src/store/snapshots';
import { pullCursor } from '../../src/store/sync-pairing';
import type { ApplyContext } from '../../src/sync/pull';
import { setSalesRetentionDays, snapshotMembersBody } from '../../cloud/snapshots';
import { describeOnEachDatabase } from '../../cloud/test/cloud';
import type { Till } from '../../cloud/test/cloud';
import { staffSavedEvent } from '../../cloud/test/staff-events';

const dirs = tempDir('lojal-snapshot-');
afterAll(() => dirs.remove());

/** What a writer till does; turned into events by `play`. */
type Op =
  | { kind: 'enrol'; till: number }
  | { kind: 'sale'; till: number; member: number; points: number; redeem: number }
  | { kind: 'void'; till: number; sale: number }
  | { kind: 'return'; till: number; sale: number; points: number }
  | { kind: 'late'; till: number; member: number; points: number; back: number }
  | { kind: 'erase'; till: number; member: number }
  | { kind: 'profile'; till: number; member: number; name: string }
  | { kind: 'double'; member: number };

const till = fc.integer({ min: 0, max: 1 });
const index = fc.nat({ max: 20 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enrol' as const), till }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      till,
      member: index,
      points: fc.nat({ max: 200 }),
      redeem: fc.nat({ max: 50 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('void' as const), till, sale: index }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      till,
      sale: index,
      points: fc.nat({ max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('late' as const),
      till,
      member: index,
      points: fc.nat({ max: 100 }),
      back: fc.integer({ min: 1, max: 200 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), till, member: index }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('profile' as const),
      till,
      member: index,
      name: fc.constantFrom('Ola', 'Kari', 'Åse'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('double' as const), member: index }) },
);

interface World {
  tills: Till[];
  members: MemberEventMaker[];
  sales: Array<{ maker: MemberEventMaker; saleId: string }>;
  now: number;
  start: number;
}

/** The events of `ops`, each with the writer till that pushes it. */
function play(world: World, ops: readonly Op[]): Array<{ till: Till; event: LojalEvent }> {
  const out: Array<{ till: Till; event: LojalEvent }> = [];
  const at = () => (world.now += 7 * MINUTE);
  for (const o of ops) {
    if (
      o.kind !== 'enrol' &&
      o.kind !== 'void' &&
      o.kind !== 'return' &&
      world.members.length === 0
    )
      continue;
    const member = 'member' in o ? world.members[o.member % world.members.length]! : null;
    const t = 'till' in o ? world.tills[o.till]! : world.tills[0]!;
    switch (o.kind) {
      case 'enrol': {
        const m = memberEvents(`snap-${world.start}-${world.members.length}`);
        world.members.push(m);
        out.push({ till: t, event: m.enrolled(at(), {}, t.origin) });
        break;
      }
      case 'sale': {
        const event = member!.sale(at(), {
          ...t.origin,
          effects: { pointsEarned: o.points, pointsRedeemed: o.redeem },
        });
        world.sales.push({ maker: member!, saleId: event.payload.saleId });
        out.push({ till: t, event });
        break;
      }
      case 'void':
      case 'return': {
        if (world.sales.length === 0) break;
        const sale = world.sales[o.sale % world.sales.length]!;
        out.push({
          till: t,
          event:
            o.kind === 'void'
              ? sale.maker.voided(at(), sale.saleId, t.origin)
              : sale.maker.returned(at(), sale.saleId, {
                  ...t.origin,
                  reversed: { points: o.points },
                }),
        });
        break;
      }
      case 'late': {
        // A till offline since long ago: its sale's clock is before everything since.
        const when = Math.max(world.start + MINUTE, world.now - o.back * 7 * MINUTE);
        const event = member!.sale(when, {
          ...t.origin,
          effects: { pointsEarned: o.points },
        });
        world.sales.push({ maker: member!, saleId: event.payload.saleId });
        out.push({ till: t, event });
        break;
      }
      case 'erase':
        out.push({ till: t, event: member!.erased(at(), t.origin) });
        break;
      case 'profile':
        out.push({
          till: t,
          event: member!.profileUpdated(at(), { firstName: o.name }, t.origin),
        });
        break;
      case 'double': {
        // Two tills, both offline, redeem the member's welcome coupon and points.
        const when = at();
        for (const w of world.tills) {
          const event = member!.sale(when, {
            ...w.origin,
            effects: { couponsRedeemed: ['welcome'], pointsRedeemed: 30 },
          });
          world.sales.push({ maker: member!, saleId: event.payload.saleId });
          out.push({ till: w, event });
        }
        break;
      }
    }
  }
  return out;
}

/** Pushes in order, one batch per run of the same till (a member's enrolment lands first). */
async function pushAll(batch: Array<{ till: Till; event: LojalEvent }>): Promise<void> {
  let i = 0;
  while (i < batch.length) {
    const t = batch[i]!.till;
    const run: LojalEvent[] = [];
    while (i < batch.length && batch[i]!.till === t) run.push(batch[i++]!.event);
    const answer = await t.push(run);
    expect(answer.rejected).toEqual([]);
  }
}

interface TillDb {
  ctx: ApplyContext;
  api: CloudApi;
}

function tillDb(name: string, url: string, pairing: Till, snapshots: boolean): TillDb {
  const { db } = openDatabase(dirs.path(`${name}.db`));
  setSetting(db, SettingKeys.storeId, pairing.pairing.storeId);
  const api = cloudApi({ baseUrl: url, token: () => pairing.token, timeoutMs: 30_000 });
  return {
    ctx: { db, clock: () => Date.now(), node: name.replace(/[^A-Za-z0-9]/g, '') },
    api: snapshots ? api : { ...api, snapshots: undefined },
  };
}

const EVERY_TIME = { minEventsBehind: 0, checkEveryMs: 0, pruneEveryMs: 0, membersPerPage: 2 };
const NEVER_AGAIN = { ...EVERY_TIME, checkEveryMs: Number.MAX_SAFE_INTEGER };

function memberRows(db: Db): unknown[] {
  return (
    db.prepare('SELECT * FROM members ORDER BY member_id').all() as Array<{ ledger: string }>
  ).map((row) => ({ ...row, ledger: JSON.parse(row.ledger) as unknown }));
}

let runs = 0;

describeOnEachDatabase(
  'new tills from snapshots',
  (cloud) => {
    it('fold(snapshot + later events) equals fold(all events): voids and returns of folded sales, late events, erasures, double redemptions', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 3, maxLength: 25 }),
          fc.array(op, { minLength: 1, maxLength: 15 }),
          fc.array(op, { minLength: 1, maxLength: 15 }),
          async (before, between, after) => {
            runs += 1;
            const own = await cloud().newStore();
            const other = await cloud().newStore(own.chain);
            const writers = [
              await cloud().pair(own.storeCode, 'Kasse 1'),
              await cloud().pair(other.storeCode, 'Kasse 1'),
            ];
            const start = Date.now() - 20 * DAY + runs * MINUTE;
            const world: World = { tills: writers, members: [], sales: [], now: start, start };
            const fresh = tillDb(
              `fresh-${runs}-${cloud().target}`,
              cloud().url,
              await cloud().pair(own.storeCode, 'Ny'),
              true,
            );
            const replay = tillDb(
              `replay-${runs}-${cloud().target}`,
              cloud().url,
              await cloud().pair(own.storeCode, 'Gammel'),
              false,
            );
            try {
              await pushAll(play(world, [{ kind: 'enrol', till: 1 }, ...before]));
              // The new till starts here: snapshots, then only what comes after.
              await pullAll(fresh.ctx, fresh.api, 1000, () => false, EVERY_TIME);
              const snapshotTaken = fresh.ctx.db
                .prepare("SELECT count(*) AS n FROM events WHERE type = 'member.enrolled'")
                .get() as { n: number };
              expect(snapshotTaken.n).toBe(0);
              await pushAll(play(world, between));
              await pullAll(fresh.ctx, fresh.api, 1000, () => false, NEVER_AGAIN);
              await pushAll(play(world, after));
              await pullAll(fresh.ctx, fresh.api, 1000, () => false, NEVER_AGAIN);
              await pullAll(replay.ctx, replay.api, 1000, () => false);

              expect(memberRows(fresh.ctx.db)).toEqual(memberRows(replay.ctx.db));
              const waiting = fresh.ctx.db
                .prepare('SELECT count(*) AS n FROM member_bases WHERE needs_snapshot = 1')
                .get() as { n: number };
              expect(waiting.n).toBe(0);
            } finally {
              fresh.ctx.db.close();
              replay.ctx.db.close();
            }
          },
        ),
        { numRuns: 12 },
      );
    }, 300_000);

    it('answers a terminal of the chain only, with the chain’s members and its own store’s sales', async () => {
      const own = await cloud().newStore();
      const other = await cloud().newStore(own.chain);
      const stranger = await cloud().newStore();
      const [a, b, s] = [
        await cloud().pair(own.storeCode),
        await cloud().pair(other.storeCode),
        await cloud().pair(stranger.storeCode),
      ];
      const m = memberEvents(`scoped-${Date.now()}`);
      const at = Date.now() - DAY;
      await b.push([m.enrolled(at, {}, b.origin), m.sale(at + MINUTE, b.origin)]);
      await a.push([m.sale(at + 2 * MINUTE, a.origin)]);
      const api = (t: Till) =>
        cloudApi({ baseUrl: cloud().url, token: () => t.token, timeoutMs: 10_000 }).snapshots!;
      const page = await api(a).members({ after: '', limit: 10 });
      expect(page.members.map((x) => x.memberId)).toEqual([m.memberId]);
      const ledger = JSON.parse(
        inflateRawSync(Buffer.from(page.members[0]!.deflated, 'base64')).toString('utf8'),
      ) as { memberId: string; sales: unknown[] };
      expect(ledger.memberId).toBe(m.memberId);
      expect(ledger.sales).toHaveLength(2);
      const head = (t: Till) =>
        api(t)
          .head('0')
          .then((h) => h.at);
      const events = await api(a).events('0', await head(a), 100);
      expect(events.events.map((e) => (e as LojalEvent).storeId)).toEqual([own.storeId]);
      expect((await api(s).members({ ids: [m.memberId] })).members).toEqual([]);
      expect((await api(s).members({ after: '', limit: 10 })).members).toEqual([]);
      expect((await api(s).events('0', await head(s), 100)).events).toEqual([]);
    });

    it('pulls what commits while a snapshot is taken: nothing falls between its pages and its head', async () => {
      const own = await cloud().newStore();
      const writer = await cloud().pair(own.storeCode, 'Kasse 1');
      const m = memberEvents(`during-${Date.now()}`);
      await writer.push([m.enrolled(Date.now() - DAY, {}, writer.origin)]);
      const fresh = tillDb(
        `during-${cloud().target}`,
        cloud().url,
        await cloud().pair(own.storeCode, 'Ny'),
        true,
      );
      // A manager saved at another till just after the new till's last page of events.
      const saved = staffSavedEvent(writer.origin, `emp-${Date.now()}`, {
        role: 'manager',
        at: Date.now(),
      });
      const snapshots = fresh.api.snapshots!;
      let pushedDuring = false;
      const api: CloudApi = {
        ...fresh.api,
        snapshots: {
          ...snapshots,
          async events(after, upTo, limit) {
            const page = await snapshots.events(after, upTo, limit);
            if (!pushedDuring && !page.more) {
              pushedDuring = true;
              expect((await writer.push([saved])).rejected).toEqual([]);
            }
            return page;
          },
        },
      };
      try {
        await pullAll(fresh.ctx, api, 1000, () => false, EVERY_TIME);
        expect(pushedDuring).toBe(true);
        const held = fresh.ctx.db.prepare('SELECT id FROM events WHERE id = ?').get(saved.id);
        expect(held).toEqual({ id: saved.id });
        expect(memberRows(fresh.ctx.db)).toHaveLength(1);
      } finally {
        fresh.ctx.db.close();
      }
    });

    it('refuses a page whose ledger does not read or is another member’s, installing nothing of it', async () => {
      const own = await cloud().newStore();
      const writer = await cloud().pair(own.storeCode, 'Kasse 1');
      const [m, n] = [memberEvents(`edge-m-${Date.now()}`), memberEvents(`edge-n-${Date.now()}`)];
      await writer.push([
        m.enrolled(Date.now() - DAY, {}, writer.origin),
        n.enrolled(Date.now() - DAY + MINUTE, {}, writer.origin),
      ]);
      const tampered = [
        // n's ledger under m's id
        (page: SnapshotMembersResponse) => [
          { ...page.members[0]!, deflated: page.members[1]!.deflated },
          page.members[1]!,
        ],
        // base64, not deflated JSON
        (page: SnapshotMembersResponse) => [
          page.members[0]!,
          { ...page.members[1]!, deflated: Buffer.from('{"memberId":').toString('base64') },
        ],
      ];
      for (const [k, tamper] of tampered.entries()) {
        const fresh = tillDb(
          `edge-${k}-${cloud().target}`,
          cloud().url,
          await cloud().pair(own.storeCode, `Ny ${k}`),
          true,
        );
        const snapshots = fresh.api.snapshots!;
        const api: CloudApi = {
          ...fresh.api,
          snapshots: {
            ...snapshots,
            async members(query) {
              const page = await snapshots.members(query);
              return { ...page, members: tamper(page) };
            },
          },
        };
        try {
          await expect(
            pullAll(fresh.ctx, api, 1000, () => false, { ...EVERY_TIME, membersPerPage: 10 }),
          ).rejects.toMatchObject({ problem: { code: 'incompatible' } });
          expect(memberRows(fresh.ctx.db)).toEqual([]);
        } finally {
          fresh.ctx.db.close();
        }
      }
    });

    /** A snapshot whose first page's 281st member (in the second part of 250) is changed by `spoil`. */
    async function refusedWhole(spoil: (page: SnapshotMember[]) => SnapshotMember) {
      const own = await cloud().newStore();
      const writer = await cloud().pair(own.storeCode, 'Kasse 1');
      const stamp = Date.now();
      const makers = Array.from({ length: 300 }, (_, i) =>
        memberEvents(`parts-${stamp}-${String(i).padStart(3, '0')}`),
      );
      const answer = await writer.push(
        makers.map((m, i) => m.enrolled(stamp - DAY + i, {}, writer.origin)),
      );
      expect(answer.rejected).toEqual([]);
      const fresh = tillDb(
        `parts-${cloud().target}`,
        cloud().url,
        await cloud().pair(own.storeCode, 'Ny'),
        true,
      );
      const snapshots = fresh.api.snapshots!;
      const api: CloudApi = {
        ...fresh.api,
        snapshots: {
          ...snapshots,
          async members(query) {
            const page = await snapshots.members(query);
            const members = page.members.map((m, i) => (i === 280 ? spoil(page.members) : m));
            return { ...page, members };
          },
        },
      };
      try {
        await expect(
          pullAll(fresh.ctx, api, 1000, () => false, { ...EVERY_TIME, membersPerPage: 2000 }),
        ).rejects.toMatchObject({ problem: { code: 'incompatible' } });
        expect(memberRows(fresh.ctx.db)).toEqual([]);
        expect(fresh.ctx.db.prepare('SELECT count(*) FROM member_bases').pluck().get()).toBe(0);
      } finally {
        fresh.ctx.db.close();
      }
    }

    it('refuses a page of several parts whole when a ledger past the first part does not fit', async () => {
      // The 281st member carries the 1st one's ledger.
      await refusedWhole((members) => ({ ...members[280]!, deflated: members[0]!.deflated }));
    });

    it("refuses a page whole when a ledger past the first part is its member's but makes no row", async () => {
      await refusedWhole((members) => {
        const member = members[280]!;
        const ledger = JSON.parse(
          inflateRawSync(Buffer.from(member.deflated, 'base64')).toString('utf8'),
        ) as Record<string, unknown>;
        delete ledger.profile;
        return { ...member, deflated: deflateRawSync(JSON.stringify(ledger)).toString('base64') };
      });
    });

    it('leaves a member whose ledger is over the cap waiting, on either side, installs the rest and completes the snapshot', async () => {
      const own = await cloud().newStore();
      const writer = await cloud().pair(own.storeCode, 'Kasse 1');
      const stamp = Date.now();
      const [a, big, c] = ['a', 'b', 'c'].map((k) => memberEvents(`cap-${stamp}-${k}`)) as [
        MemberEventMaker,
        MemberEventMaker,
        MemberEventMaker,
      ];
      const events: LojalEvent[] = [a, big, c].map((m, i) =>
        m.enrolled(stamp - DAY + i, {}, writer.origin),
      );
      for (let i = 1; i <= 40; i++)
        events.push(
          big.sale(stamp - DAY + i * MINUTE, {
            ...writer.origin,
            effects: { pointsEarned: i },
          }),
        );
      expect((await writer.push(events)).rejected).toEqual([]);
      // The cap between the small ledgers and the big one.
      const reader = cloudApi({
        baseUrl: cloud().url,
        token: () => writer.token,
        timeoutMs: 10_000,
      }).snapshots!;
      const length = (m: { deflated: string }) =>
        inflateRawSync(Buffer.from(m.deflated, 'base64')).length;
      const whole = await reader.members({ after: '', limit: 10 });
      const byId = new Map(whole.members.map((m) => [m.memberId, length(m)]));
      const cap = Math.max(byId.get(a.memberId)!, byId.get(c.memberId)!) + 1;
      expect(byId.get(big.memberId)!).toBeGreaterThan(cap);
      expect(whole.tooLarge).toBeUndefined();

      const installedAndWaiting = (db: Db) => {
        expect(memberRows(db).map((r) => (r as { member_id: string }).member_id)).toEqual([
          a.memberId,
          c.memberId,
        ]);
        expect(membersNeedingSnapshot(db, 10)).toEqual([big.memberId]);
        expect(snapshotSetting(db, SnapshotKeys.pending)).toBeNull();
        expect(pullCursor(db)).not.toBe('0');
      };

      // The cloud with the cap: it leaves the big one out and names it.
      const cloudSide = tillDb(
        `cap-cloud-${cloud().target}`,
        cloud().url,
        await cloud().pair(own.storeCode, 'Ny 1'),
        true,
      );
      const capped: CloudApi = {
        ...cloudSide.api,
        snapshots: {
          ...cloudSide.api.snapshots!,
          async members(query) {
            const body = await snapshotMembersBody(
              cloud().server.database,
              own.chainId,
              'ids' in query ? { after: '', limit: query.ids.length, ids: query.ids } : query,
              cap,
            );
            return SnapshotMembersResponse.parse(JSON.parse(body));
          },
        },
      };
      try {
        const page = await capped.snapshots!.members({ after: '', limit: 10 });
        expect(page.members.map((m) => m.memberId)).toEqual([a.memberId, c.memberId]);
        expect(page.tooLarge).toEqual([big.memberId]);
        // The snapshot, the pull and the fresh bases asked after it: still too large.
        await pullAll(cloudSide.ctx, capped, 1000, () => false, {
          ...EVERY_TIME,
          membersPerPage: 2000,
        });
        installedAndWaiting(cloudSide.ctx.db);
      } finally {
        cloudSide.ctx.db.close();
      }

      // The till with the cap, the cloud without: that member alone is refused.
      const tillSide = tillDb(
        `cap-till-${cloud().target}`,
        cloud().url,
        await cloud().pair(own.storeCode, 'Ny 2'),
        true,
      );
      try {
        const outcome = await snapshotIfFarBehind(
          tillSide.ctx,
          tillSide.api.snapshots!,
          { ...EVERY_TIME, membersPerPage: 2000, maxLedgerBytes: cap },
          () => false,
        );
        expect(outcome).toMatchObject({ members: 2, tooLarge: [big.memberId] });
        installedAndWaiting(tillSide.ctx.db);
        // Asked again where it fits, it is installed and waits no more.
        expect(await refreshWaiting(tillSide.ctx, tillSide.api.snapshots!, () => false)).toBe(1);
        expect(membersNeedingSnapshot(tillSide.ctx.db, 10)).toEqual([]);
        expect(memberRows(tillSide.ctx.db)).toHaveLength(3);
      } finally {
        tillSide.ctx.db.close();
      }
    });

    it('tells tills the chain’s retention for other stores’ sales', async () => {
      const store = await cloud().newStore();
      const t = await cloud().pair(store.storeCode);
      const api = cloudApi({ baseUrl: cloud().url, token: () => t.token, timeoutMs: 10_000 });
      expect((await api.snapshots!.head('0')).salesRetentionDays).toBe(90);
      await setSalesRetentionDays(cloud().server.database, store.chainId, 30);
      expect(await api.snapshots!.head('0')).toEqual({
        at: '0',
        behind: 0,
        salesRetentionDays: 30,
      });
    });
  },
  {
    limits: {
      perAddress: { capacity: 10_000, refillPerSecond: 10_000 },
      perToken: { capacity: 10_000, refillPerSecond: 10_000 },
    },
  },
);
