/**
 * The members' folded ledgers the pushes keep (member_ledgers, migration 010):
 * after any sequence of pushes — events shuffled, late, pushed twice, returns
 * redelivered under new ids, voids and returns after their sales, erasures,
 * coupons redeemed twice — each stored ledger equals `foldMember` of all the
 * member's events, and a rebuild from the log writes the same rows. On PGlite
 * and on PostgreSQL, through the push's own path (appendEvents → storeEvents).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { MemberEvent } from '../src/core/events';
import { foldMember } from '../src/core/member';
import { DAY, HOUR, memberEvents, saleLine } from '../src/core/member/test-events';
import type { Database } from './db/database';
import { loadMigrations, migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { openPostgres } from './db/postgres';
import { appendEvents } from './event-log';
import {
  chainLedgers,
  decodeLedger,
  foldPendingChains,
  rebuildMemberLedgers,
} from './member-ledgers';
import { currentLedgersDeflated } from './snapshots';
import { indexMembers } from './members';
import { saveProgramme } from './programme-change';
import { testProgramme } from '../src/core/member/test-programme';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const TILLS = ['till-A', 'till-B'] as const;
const MEMBERS = ['m-1', 'm-2'] as const;

const step = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('sale' as const), coupon: fc.boolean() }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('void' as const), target: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      target: fc.nat(),
      redeliver: fc.boolean(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      points: fc.integer({ min: -50, max: 80 }),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('profile' as const),
      phone: fc.constantFrom('+4790000001', '+4790000002'),
    }),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'erase' as const }), weight: 1 },
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** One member's history in real-time order: the enrolment first, voids and returns after their sales. */
function history(memberId: string, steps: readonly Step[], chainId: string): MemberEvent[] {
  const m = memberEvents(memberId);
  let at = T0;
  const options = () => {
    at += 37 * 60_000;
    return { chainId, terminalId: TILLS[Math.floor(at / 60_000) % 2]!, storeId: 'store-1' };
  };
  const events: MemberEvent[] = [m.enrolled(at, {}, options())];
  const sales: Array<{ saleId: string }> = [];
  const returns: MemberEvent[] = [];
  for (const s of steps) {
    switch (s.kind) {
      case 'sale': {
        const saleId = `${chainId}-${memberId}-sale-${sales.length}`;
        sales.push({ saleId });
        events.push(
          m.sale(at, {
            ...options(),
            saleId,
            lines: [saleLine({ unitPriceOre: 25_000 })],
            // Every sale with a coupon redeems the same one: a double redemption.
            effects: { pointsEarned: 25, couponsRedeemed: s.coupon ? ['W-m-1'] : [] },
          }),
        );
        break;
      }
      case 'void': {
        const sale = sales[s.target % Math.max(1, sales.length)];
        if (sale) events.push(m.voided(at, sale.saleId, options()));
        break;
      }
      case 'return': {
        const previous = returns.at(-1);
        if (s.redeliver && previous) {
          // The same return delivered again by another till, under a new event id.
          const again = m.returned(at, (previous.payload as { saleId: string }).saleId, {
            ...options(),
            returnId: (previous.payload as { returnId: string }).returnId,
            reversed: { points: 10 },
          });
          events.push(again);
          break;
        }
        const sale = sales[s.target % Math.max(1, sales.length)];
        if (!sale) break;
        const returned = m.returned(at, sale.saleId, { ...options(), reversed: { points: 10 } });
        returns.push(returned);
        events.push(returned);
        break;
      }
      case 'adjust':
        events.push(m.pointsAdjusted(at, s.points, options()));
        break;
      case 'profile':
        events.push(m.profileUpdated(at, { phoneE164: s.phone }, options()));
        break;
      case 'erase':
        events.push(m.erased(at + HOUR, options()));
        break;
    }
  }
  return events;
}

const scenario = fc.record({
  steps: fc.tuple(...MEMBERS.map(() => fc.array(step, { minLength: 2, maxLength: 14 }))),
  /** Events pushed again (the same ids: a retried batch). */
  again: fc.array(fc.nat(), { maxLength: 6 }),
  /** Where the arrival order is cut into pushes. */
  cuts: fc.array(fc.nat(), { maxLength: 5 }),
  seed: fc.integer(),
  /** Pushed in clock order (the common case) or shuffled (late arrivals everywhere). */
  shuffled: fc.boolean(),
});

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function storedRows(db: Database, chainId: string) {
  // The ledger a row means (its tail applied): a rebuild writes it whole, a push may keep a tail.
  return (await chainLedgers(db, chainId, null, 1_000)).map((l) => ({
    member_id: l.memberId,
    ledger: JSON.stringify(l.ledger),
    last_hlc: l.lastHlc,
  }));
}

/** The chain's lookup rows and open conflicts, without the times they were seen. */
async function indexRows(db: Database, chainId: string) {
  return {
    members: await db.query(
      `SELECT member_id, member_number, phone_e164, erased, enrolled_at, qr_token, full_name,
              name_key, surname_key, store_ids
         FROM members WHERE chain_id = $1 ORDER BY member_id`,
      [chainId],
    ),
    conflicts: await db.query(
      `SELECT member_id, kind, subject, flag FROM conflicts WHERE chain_id = $1
        ORDER BY member_id, kind, subject`,
      [chainId],
    ),
  };
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'member ledgers kept by the pushes', () => {
    let instance: DatabaseInstance | null = null;
    let db: Database | null = null;
    let chains = 0;
    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    it('equal foldMember of all the events after any pushes, and a rebuild writes the same rows', async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ steps, again, cuts, seed, shuffled }) => {
          chains += 1;
          const chainId = `chain-p${chains}`;
          await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [
            chainId,
          ]);
          const all = MEMBERS.flatMap((memberId, i) => history(memberId, steps[i]!, chainId));
          const byClock = [...all].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
          const arrival = [
            ...(shuffled ? shuffle(all, seed) : byClock),
            ...again.map((n) => all[n % all.length]!),
          ];
          const at = [...new Set(cuts.map((c) => c % arrival.length))].sort((a, b) => a - b);
          const pushes = [0, ...at, arrival.length]
            .slice(1)
            .map((end, i, ends) => arrival.slice(i === 0 ? 0 : ends[i - 1], end));
          for (const batch of pushes)
            if (batch.length > 0)
              await db!.transaction((tx) => appendEvents(tx, chainId, batch, T0 + 30 * DAY));

          const rows = await storedRows(db!, chainId);
          expect(rows.map((r) => r.member_id)).toEqual([...MEMBERS]);
          for (const row of rows) {
            const expected = foldMember(all.filter((e) => e.memberId === row.member_id))!;
            expect(JSON.parse(row.ledger)).toEqual(expected);
            expect(row.last_hlc).toBe(expected.lastHlc);
          }
          const miscounted = await db!.query(
            `SELECT member_id FROM member_ledgers
              WHERE chain_id = $1 AND tail_length <> json_array_length(tail::json)`,
            [chainId],
          );
          expect(miscounted).toEqual([]);
          // The lookup index and the conflicts are those of the members' whole folds,
          // whether a push read a member's ledger or only appended to its tail.
          const indexed = await indexRows(db!, chainId);
          const folds = MEMBERS.map((id) => foldMember(all.filter((e) => e.memberId === id))!);
          await db!.transaction((tx) => indexMembers(tx, chainId, folds, T0 + 30 * DAY));
          expect(await indexRows(db!, chainId)).toEqual(indexed);
          await rebuildMemberLedgers(db!, chainId, T0 + 31 * DAY);
          expect(await storedRows(db!, chainId)).toEqual(rows);
        }),
        { numRuns: target.label === 'PGlite' ? 25 : 40 },
      );
    }, 300_000);

    it("applies an event in clock order to the stored ledger without reading the member's history", async () => {
      const chainId = 'chain-incremental';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const m = memberEvents('m-inc');
      const earlier = [
        m.enrolled(T0, {}, { chainId }),
        m.sale(T0 + HOUR, { chainId, saleId: 's-1', effects: { pointsEarned: 40 } }),
      ];
      await db!.transaction((tx) => appendEvents(tx, chainId, earlier, T0 + DAY));
      // The stored sale's row is made unreadable to the engine: a push that folded
      // the history again would fail (and keep no ledger); one that applies the new
      // event to the stored ledger does not notice.
      await db!.query(
        "UPDATE events SET payload = '{}'::jsonb WHERE chain_id = $1 AND type = 'sale.committed'",
        [chainId],
      );
      const later = m.sale(T0 + 2 * HOUR, { chainId, saleId: 's-2', effects: { pointsEarned: 2 } });
      await db!.transaction((tx) => appendEvents(tx, chainId, [later], T0 + DAY));
      const [stored] = await chainLedgers(db!, chainId, null, 1);
      expect(stored!.ledger).toEqual(foldMember([...earlier, later]));
    });

    it("reads a member whose ledger holds redemptions, so a new programme's coupon rule flags them at their next sale", async () => {
      const chainId = 'chain-uses';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const campaign = (usesPerMember: number) =>
        testProgramme({
          campaigns: [
            {
              id: 'var26',
              coupon: {
                name: { nb: '10 % i april', en: '10 % in April' },
                benefit: { kind: 'percent' as const, percent: 10 },
                validDays: 30,
              },
              validFrom: '2026-01-01',
              validTo: '2026-12-31',
              usesPerMember,
            },
          ],
        });
      await saveProgramme(db!, chainId, { programme: campaign(2), staffId: null }, T0);
      const m = memberEvents('m-uses');
      const origin = { chainId, storeId: 'store-1' };
      const twice = [
        m.enrolled(T0, {}, origin),
        m.sale(T0 + HOUR, { ...origin, effects: { couponsRedeemed: ['C-var26-m-uses'] } }),
        m.sale(T0 + 2 * HOUR, { ...origin, effects: { couponsRedeemed: ['C-var26-m-uses'] } }),
      ];
      await db!.transaction((tx) => appendEvents(tx, chainId, twice, T0 + DAY));
      const kinds = async () =>
        (
          await db!.query<{ kind: string }>('SELECT kind FROM conflicts WHERE chain_id = $1', [
            chainId,
          ])
        ).map((r) => r.kind);
      expect(await kinds()).toEqual([]);
      // Now one use each: the member's two uses are a double redemption.
      await saveProgramme(db!, chainId, { programme: campaign(1), staffId: null }, T0 + DAY);
      const plain = m.sale(T0 + 3 * HOUR, { ...origin, effects: { pointsEarned: 5 } });
      await db!.transaction((tx) => appendEvents(tx, chainId, [plain], T0 + 2 * DAY));
      expect(await kinds()).toEqual(['coupon_redeemed_twice']);
    });

    it('keeps a tail of event ids, and reads a tail written before (the events themselves) as well', async () => {
      const chainId = 'chain-tail-ids';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const m = memberEvents('m-tail');
      const sale = (n: number) =>
        m.sale(T0 + n * HOUR, { chainId, saleId: `s-${n}`, effects: { pointsEarned: 10 * n } });
      const events = [m.enrolled(T0, {}, { chainId }), sale(1), sale(2), sale(3)];
      await db!.transaction((tx) => appendEvents(tx, chainId, events.slice(0, 2), T0 + DAY));
      await db!.transaction((tx) => appendEvents(tx, chainId, [events[2]!], T0 + DAY));
      const tail = async () =>
        (
          await db!.query<{ tail: string }>('SELECT tail FROM member_ledgers WHERE chain_id = $1', [
            chainId,
          ])
        )[0]!.tail;
      // The sale is in `events` once; the tail only names it.
      expect(JSON.parse(await tail())).toEqual([events[2]!.id]);
      // A tail as migration 025 found it: the event itself, then an id appended after it.
      await db!.query('UPDATE member_ledgers SET tail = $2 WHERE chain_id = $1', [
        chainId,
        JSON.stringify([events[2]]),
      ]);
      await db!.transaction((tx) => appendEvents(tx, chainId, [events[3]!], T0 + DAY));
      expect(JSON.parse(await tail())).toEqual([events[2], events[3]!.id]);
      const [stored] = await chainLedgers(db!, chainId, null, 1);
      expect(stored!.ledger).toEqual(foldMember(events));
    });

    it('reads a member from the log when the tail names an event the log does not hold', async () => {
      const chainId = 'chain-tail-missing';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const m = memberEvents('m-missing');
      const events = [
        m.enrolled(T0, {}, { chainId }),
        m.sale(T0 + HOUR, { chainId, saleId: 's-1', effects: { pointsEarned: 40 } }),
      ];
      await db!.transaction((tx) => appendEvents(tx, chainId, events, T0 + DAY));
      await db!.query(
        `UPDATE member_ledgers SET tail = '["no-such-event"]', tail_length = 1 WHERE chain_id = $1`,
        [chainId],
      );
      const expected = foldMember(events);
      // What segments read, page by page.
      const [paged] = await chainLedgers(db!, chainId, null, 10);
      expect(paged!.ledger).toEqual(expected);
      // What a new till's snapshot gets.
      const [deflated] = await currentLedgersDeflated(db!, chainId, ['m-missing']);
      expect(decodeLedger(deflated!.deflated)).toEqual(expected);
      // What a push reads (it logs the row and writes the member again).
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const later = m.pointsAdjusted(T0 + 2 * HOUR, 5, { chainId });
      await db!.transaction((tx) => appendEvents(tx, chainId, [later], T0 + DAY));
      errors.mockRestore();
      const [after] = await chainLedgers(db!, chainId, null, 10);
      expect(after!.ledger).toEqual(foldMember([...events, later]));
    });

    it('folds a member from the log when its stored row does not read back', async () => {
      const chainId = 'chain-unreadable';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const m = memberEvents('m-bad');
      const earlier = [
        m.enrolled(T0, {}, { chainId }),
        m.sale(T0 + HOUR, { chainId, saleId: 's-1', effects: { pointsEarned: 40 } }),
      ];
      await db!.transaction((tx) => appendEvents(tx, chainId, earlier, T0 + DAY));
      // A tail whose event sorts before the ledger's clock: applying it throws.
      await db!.query('UPDATE member_ledgers SET tail = $2, tail_length = 1 WHERE chain_id = $1', [
        chainId,
        JSON.stringify([earlier[0]]),
      ]);
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const later = m.pointsAdjusted(T0 + 2 * HOUR, 5, { chainId });
      await db!.transaction((tx) => appendEvents(tx, chainId, [later], T0 + DAY));
      expect(errors).toHaveBeenCalled();
      errors.mockRestore();
      const [stored] = await chainLedgers(db!, chainId, null, 1);
      expect(stored!.ledger).toEqual(foldMember([...earlier, later]));
    });

    it("pages through a chain's ledgers in member order (what snapshots read)", async () => {
      const chainId = 'chain-pages';
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      const ids = ['m-c', 'm-a', 'm-e', 'm-b', 'm-d'];
      const events = ids.flatMap((id) => {
        const m = memberEvents(id);
        return [m.enrolled(T0, {}, { chainId }), m.sale(T0 + HOUR, { chainId })];
      });
      await db!.transaction((tx) => appendEvents(tx, chainId, events, T0 + DAY));
      const first = await chainLedgers(db!, chainId, null, 3);
      const rest = await chainLedgers(db!, chainId, first.at(-1)!.memberId, 3);
      expect([...first, ...rest].map((l) => l.memberId)).toEqual([...ids].sort());
      for (const l of [...first, ...rest]) {
        expect(l.ledger).toEqual(foldMember(events.filter((e) => e.memberId === l.memberId)));
        expect(l.lastHlc).toBe(l.ledger.lastHlc);
      }
    });
  });
}

const postgres = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

describeOn(postgres, 'migration 010 with data', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it("folds every existing chain's members from its log", async () => {
    instance = await postgres.create();
    db = await openPostgres(instance.location.databaseUrl!);
    const migrations = loadMigrations();
    await migrate(db, migrations.slice(0, 9));
    await db.query("INSERT INTO chains (id, name, created_at) VALUES ('c1', 'Kjede', 0)");
    const origin = { chainId: 'c1', storeId: 's1', terminalId: 't1' };
    const a = memberEvents('member-a');
    const b = memberEvents('member-b');
    const sale = a.sale(T0 + HOUR, { ...origin, saleId: 'sale-a' });
    const events = [
      a.enrolled(T0, {}, origin),
      b.enrolled(T0, { memberNumber: '2900000000027' }, origin),
      sale,
      b.sale(T0 + 2 * HOUR, origin),
      a.voided(T0 + 3 * HOUR, 'sale-a', origin),
    ];
    for (const e of events) {
      await db.query(
        `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, received_at)
         VALUES ('c1', $1, 's1', 't1', $2, $3, $4, $5, $6::jsonb, 0)`,
        [e.id, e.hlc, e.type, e.memberId, e.schemaVersion, JSON.stringify(e.payload)],
      );
    }
    expect(await migrate(db)).toEqual(migrations.slice(9).map((m) => m.version));
    expect(await foldPendingChains(db, T0 + DAY)).toEqual(['c1']);
    // Folded once: a second start finds nothing left to fold.
    expect(await foldPendingChains(db, T0 + DAY)).toEqual([]);
    const ledgers = await chainLedgers(db, 'c1', null, 10);
    expect(ledgers.map((l) => l.memberId)).toEqual(['member-a', 'member-b']);
    for (const l of ledgers)
      expect(l.ledger).toEqual(foldMember(events.filter((e) => e.memberId === l.memberId)));
    expect(ledgers[0]!.ledger.sales[0]).toMatchObject({ saleId: 'sale-a', voided: true });
  });
});
