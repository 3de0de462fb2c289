/**
 * Issue 10's attacks on the cloud, each against the real server on loopback
 * (PGlite and PostgreSQL): the cloud refuses what no till could have written,
 * per event and with a code, keeps the refusal for the chain's managers, and
 * the chain goes on: the valid event of the same batch lands, and later
 * pushes and pulls work.
 */
import { expect, it } from 'vitest';
import { encodeHlc } from '../src/core/hlc';
import { LIMITS } from '../src/core/limits';
import { memberNumberFor } from '../src/core/ean13';
import { DAY, HOUR, memberEvents, testEventId } from '../src/core/member/test-events';
import { testProgramme } from '../src/core/member/test-programme';
import {
  ConflictsResponse,
  MAX_QUARANTINE_REPORTS,
  QuarantineResponse,
  RefusedResponse,
  ROUTES,
} from '../src/sync/protocol';
import type { PushResponse } from '../src/sync/protocol';
import { describeOnEachDatabase, expectBody, expectError, request } from './test/cloud';
import type { TestCloud, Till } from './test/cloud';
import { recordRefusals } from './refusals';
import { saveProgramme } from './programme-change';
import { EVENT_SCHEMA_VERSION } from '../src/core/events';
import type { EventEnvelope } from '../src/core/events';

/** Recent enough that no clock is ahead, old enough to sort before anything pushed later. */
const T0 = Date.now() - 7 * DAY;

function refusedCodes(answer: PushResponse): Array<[string | null, string]> {
  return answer.rejected.map((r) => [r.id, r.code]);
}

async function maxHlc(cloud: TestCloud, chainId: string): Promise<string | null> {
  const rows = await cloud.server.database.query<{ max_hlc: string | null }>(
    'SELECT max_hlc FROM chains WHERE id = $1',
    [chainId],
  );
  return rows[0]!.max_hlc;
}

/** A till with an enrolled member, and the maker of that member's events. */
async function tillWithMember(cloud: TestCloud, memberId: string) {
  const till = await cloud.newTill();
  const m = memberEvents(memberId);
  const enrolled = m.enrolled(T0, {}, till.origin);
  expect((await till.push([enrolled])).acked).toEqual([enrolled.id]);
  return { till, m, enrolled };
}

/** After an attack: the till still pushes a sale and pulls it back. */
async function chainGoesOn(till: Till, m: ReturnType<typeof memberEvents>) {
  const sale = m.sale(Date.now() - HOUR, till.origin);
  expect(await till.push([sale])).toEqual({ acked: [sale.id], rejected: [] });
  expect((await till.pullRaw()).map((e) => (e as { id: string }).id)).toContain(sale.id);
}

async function refusedList(cloud: TestCloud, chain: string): Promise<RefusedResponse> {
  const admin = await cloud.server.admin.addAdminToken(chain);
  return expectBody(
    await request(cloud.url, 'GET', ROUTES.refused, { token: admin }),
    200,
    RefusedResponse,
  );
}

/** A PIN hash of the till's form (the cloud stores it, never reads it). */
const PIN_HASH = `scrypt$16384$8$1$${'a'.repeat(22)}$${'b'.repeat(43)}`;
let staffClock = 0;

/** A `staff.saved` from this till: `author` saves `employeeId` as `role`. */
function staffSaved(
  till: Till,
  author: string | null,
  employeeId: string,
  role: 'cashier' | 'manager',
  active = true,
): EventEnvelope<'staff.saved'> {
  staffClock += 1;
  const at = T0 + staffClock * 1000;
  return {
    id: testEventId(at),
    ...till.origin,
    hlc: encodeHlc({ wallMs: at, counter: 0, node: till.origin.terminalId }),
    type: 'staff.saved',
    memberId: null,
    payload: {
      employeeId,
      name: `Ansatt ${employeeId}`,
      role,
      pinHash: PIN_HASH,
      active,
      staffId: author,
      at,
    },
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}

describeOnEachDatabase(
  'trust at the boundary',
  (cloud) => {
    it('goes on after a till wrote a birth date that is no date (30 February): the event lands, the projections hold no date', async () => {
      const { till, m, enrolled } = await tillWithMember(cloud(), 'm-feb30');
      const profile = enrolled.payload.profile;
      const other = memberEvents('m-year0');
      const badEnrolment = other.enrolled(
        T0 + HOUR,
        {
          memberNumber: memberNumberFor('29', 2),
          qrToken: 'qr-m-year0-token',
          phoneE164: '+4791234568',
          profile: { ...profile, birthDate: '0000-01-01' },
        },
        till.origin,
      );
      const feb30 = m.profileUpdated(T0 + 2 * HOUR, { birthDate: '2026-02-30' }, till.origin);
      // Before: PostgreSQL refused the date in the member's facts and the whole push failed (500), for good.
      expect(await till.push([badEnrolment, feb30])).toEqual({
        acked: [badEnrolment.id, feb30.id],
        rejected: [],
      });
      const facts = await cloud().server.database.query<{
        member_id: string;
        birth_date: string | null;
      }>(
        `SELECT member_id, birth_date::text AS birth_date FROM member_facts
          WHERE member_id = ANY($1::text[]) ORDER BY member_id`,
        [['m-feb30', 'm-year0']],
      );
      expect(facts).toEqual([
        { member_id: 'm-feb30', birth_date: null },
        { member_id: 'm-year0', birth_date: null },
      ]);
      await chainGoesOn(till, m);
    });

    it('refuses for now an event its database cannot store (unprocessable), listed for the managers, and stores the rest of the batch', async () => {
      const { till, m } = await tillWithMember(cloud(), 'm-poison');
      const db = cloud().server.database;
      // Stands in for any value a till lets through and the cloud's tables cannot take.
      await db.query(
        "ALTER TABLE member_facts ADD CONSTRAINT poison_postcode CHECK (postal_code IS DISTINCT FROM '6666')",
      );
      const before = m.sale(T0 + HOUR, till.origin);
      const poison = m.profileUpdated(T0 + 2 * HOUR, { postalCode: '6666' }, till.origin);
      const after = m.sale(T0 + 3 * HOUR, till.origin);
      try {
        // Before: the whole push failed (500), and so did every push after it.
        const answer = await till.push([before, poison, after]);
        expect(answer.acked).toEqual([before.id, after.id]);
        expect(answer.rejected).toEqual([
          {
            id: poison.id,
            index: 1,
            code: 'unprocessable',
            message: expect.stringContaining('could not store'),
            field: null,
          },
        ]);
        const listed = await db.query<{ event_id: string; code: string; raw: string }>(
          'SELECT event_id, code, raw FROM refused_events WHERE chain_id = $1',
          [till.pairing.chainId],
        );
        expect(listed.map((r) => [r.event_id, r.code])).toEqual([[poison.id, 'unprocessable']]);
        expect(JSON.parse(listed[0]!.raw)).toEqual(poison);
        const stored = await db.query<{ id: string }>(
          'SELECT id FROM events WHERE chain_id = $1 AND id = $2',
          [till.pairing.chainId, poison.id],
        );
        expect(stored).toEqual([]);
      } finally {
        await db.query('ALTER TABLE member_facts DROP CONSTRAINT poison_postcode');
      }
      // The cloud mended: the till sends it again and it lands, off the managers' list.
      expect(await till.push([poison])).toEqual({ acked: [poison.id], rejected: [] });
      const left = await db.query('SELECT 1 FROM refused_events WHERE chain_id = $1', [
        till.pairing.chainId,
      ]);
      expect(left).toEqual([]);
      await chainGoesOn(till, m);
    });

    it('takes a refusal off the managers’ list once its event lands (a sale pushed before its member’s enrolment)', async () => {
      const till = await cloud().newTill();
      const m = memberEvents('m-early-sale');
      const enrolled = m.enrolled(T0, {}, till.origin);
      const sale = m.sale(T0 + HOUR, till.origin);
      // Two batches in flight can land out of order: the sale's arrives first.
      expect(refusedCodes(await till.push([sale]))).toEqual([[sale.id, 'unknown_member']]);
      const listed = () =>
        cloud().server.database.query<{ event_id: string }>(
          'SELECT event_id FROM refused_events WHERE chain_id = $1',
          [till.pairing.chainId],
        );
      expect(await listed()).toEqual([{ event_id: sale.id }]);
      expect(await till.push([enrolled, sale])).toEqual({
        acked: [enrolled.id, sale.id],
        rejected: [],
      });
      expect(await listed()).toEqual([]);
    });

    it("takes staff changes only from the chain's active managers (not_allowed), or a new chain's first manager", async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode);
      // A new chain: its first manager, by nobody (the first run).
      const first = staffSaved(till, null, 'anne', 'manager');
      expect(await till.push([first])).toEqual({ acked: [first.id], rejected: [] });
      // Now the chain has a manager: nobody, a stranger and a cashier are refused; the rest lands.
      const byNobody = staffSaved(till, null, 'eve', 'manager');
      const byStranger = staffSaved(till, 'mallory', 'eve', 'manager');
      const cashier = staffSaved(till, 'anne', 'per', 'cashier');
      const byCashier = staffSaved(till, 'per', 'per', 'manager');
      const answer = await till.push([byNobody, byStranger, cashier, byCashier]);
      expect(answer.acked).toEqual([cashier.id]);
      expect(refusedCodes(answer)).toEqual([
        [byNobody.id, 'not_allowed'],
        [byStranger.id, 'not_allowed'],
        [byCashier.id, 'not_allowed'],
      ]);
      expect(answer.rejected[1]!).toMatchObject({ field: 'payload.staffId' });
      expect(answer.rejected[1]!.message).toContain('mallory');
      // Earlier events of the same batch count: Per made a manager, then saving a colleague.
      const promoted = staffSaved(till, 'anne', 'per', 'manager');
      const byPer = staffSaved(till, 'per', 'lise', 'cashier');
      // Per disables Anne; after that Anne can change nobody.
      const anneOff = staffSaved(till, 'per', 'anne', 'manager', false);
      const byAnne = staffSaved(till, 'anne', 'lise', 'manager');
      const batch = await till.push([promoted, byPer, anneOff, byAnne]);
      expect(batch.acked).toEqual([promoted.id, byPer.id, anneOff.id]);
      expect(refusedCodes(batch)).toEqual([[byAnne.id, 'not_allowed']]);
      // Across pushes too (the chain's stored saves, folded by clock).
      const later = staffSaved(till, 'anne', 'lise', 'manager');
      expect(refusedCodes(await till.push([later]))).toEqual([[later.id, 'not_allowed']]);
      // Kept for the chain's managers like every refusal; the chain goes on.
      const listed = await refusedList(cloud(), store.chain);
      expect(listed.refused.filter((r) => r.code === 'not_allowed')).toHaveLength(5);
      const pulled = (await till.pullAll()).map((e) => e.id);
      expect(pulled).toEqual([first.id, cashier.id, promoted.id, byPer.id, anneOff.id]);
    });

    it("takes a first manager again once the chain's last manager is disabled", async () => {
      const till = await cloud().newTill();
      const first = staffSaved(till, null, 'ola', 'manager');
      const off = staffSaved(till, 'ola', 'ola', 'manager', false);
      expect((await till.push([first, off])).acked).toEqual([first.id, off.id]);
      const again = staffSaved(till, null, 'kim', 'manager');
      expect((await till.push([again])).acked).toEqual([again.id]);
    });

    it('refuses the clock 999999999999999-zzzzzz-x (clock_ahead); the chain clock stays put', async () => {
      const { till, m } = await tillWithMember(cloud(), 'member-overflow');
      const before = await maxHlc(cloud(), till.pairing.chainId);
      const poison = m.pointsAdjusted(T0 + HOUR, 5, {
        ...till.origin,
        hlc: '999999999999999-zzzzzz-x',
      });
      const good = m.pointsAdjusted(T0 + 2 * HOUR, 5, till.origin);
      const answer = await till.push([poison, good]);
      expect(answer.acked).toEqual([good.id]);
      expect(refusedCodes(answer)).toEqual([[poison.id, 'clock_ahead']]);
      expect(answer.rejected[0]!.field).toBe('hlc');
      expect(await maxHlc(cloud(), till.pairing.chainId)).toBe(
        good.hlc > before! ? good.hlc : before,
      );
      await chainGoesOn(till, m);
    });

    it('refuses a far-future clock with counter 0 and a clock whose counter leaves no room', async () => {
      const { till, m } = await tillWithMember(cloud(), 'member-future');
      const node = till.pairing.terminalId;
      const future = m.pointsAdjusted(T0 + HOUR, 5, {
        ...till.origin,
        hlc: encodeHlc({ wallMs: Date.now() + LIMITS.maxClockAheadMs + HOUR, counter: 0, node }),
      });
      const year33658 = m.pointsAdjusted(T0 + HOUR, 6, {
        ...till.origin,
        hlc: encodeHlc({ wallMs: 999_999_999_999_999, counter: 0, node }),
      });
      const fullCounter = m.pointsAdjusted(T0 + HOUR, 7, {
        ...till.origin,
        hlc: encodeHlc({ wallMs: T0 + HOUR, counter: 36 ** 6 - 1, node }),
      });
      const answer = await till.push([future, year33658, fullCounter]);
      expect(answer.acked).toEqual([]);
      expect(refusedCodes(answer)).toEqual([
        [future.id, 'clock_ahead'],
        [year33658.id, 'clock_ahead'],
        [fullCounter.id, 'invalid_event'],
      ]);
      // The chain's newest clock never passes the server's time plus the bound.
      const newest = await maxHlc(cloud(), till.pairing.chainId);
      expect(Number(newest!.slice(0, 15))).toBeLessThanOrEqual(Date.now() + LIMITS.maxClockAheadMs);
      // A clock within the bound is a till whose clock runs a little fast: taken.
      const fast = m.pointsAdjusted(T0 + HOUR, 8, { ...till.origin, hlcWallMs: Date.now() + HOUR });
      expect((await till.push([fast])).acked).toEqual([fast.id]);
      await chainGoesOn(till, m);
    });

    it('refuses points.adjusted of 9007199254740991 points, and more than the programme cap', async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode);
      const m = memberEvents('member-points');
      const enrolled = m.enrolled(T0, {}, till.origin);
      const huge = m.pointsAdjusted(T0 + HOUR, 9007199254740991, till.origin);
      const small = m.pointsAdjusted(T0 + 2 * HOUR, 40, till.origin);
      const answer = await till.push([enrolled, huge, small]);
      expect(answer.acked).toEqual([enrolled.id, small.id]);
      expect(refusedCodes(answer)).toEqual([[huge.id, 'invalid_event']]);
      expect(answer.rejected[0]!.field).toBe('payload.points');

      // A programme capping manual adjustments lower: the cloud holds tills to it.
      const admin = await cloud().server.admin.addAdminToken(store.chain);
      const programme = testProgramme({
        name: 'Klubben',
        points: { earn: { mode: 'per_purchase', points: 10 }, maxManualAdjustment: 500 },
      });
      const saved = await request(cloud().url, 'PUT', ROUTES.programme, {
        token: admin,
        body: { programme },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const over = m.pointsAdjusted(Date.now() - HOUR, -501, till.origin);
      const within = m.pointsAdjusted(Date.now() - HOUR, -500, till.origin);
      const capped = await till.push([over, within]);
      expect(capped.acked).toEqual([within.id]);
      expect(refusedCodes(capped)).toEqual([[over.id, 'invalid_event']]);
      expect(capped.rejected[0]!.message).toContain('at most 500 points');
      await chainGoesOn(till, m);
    });

    it("holds a till to the cap of the programme in force at its own store, not another store's", async () => {
      const home = await cloud().newStore();
      const other = await cloud().newStore(home.chain);
      const homeTill = await cloud().pair(home.storeCode);
      const otherTill = await cloud().pair(other.storeCode);
      const capped = (cap: number) =>
        testProgramme({
          name: `Klubben ${cap}`,
          points: { earn: { mode: 'per_purchase', points: 10 }, maxManualAdjustment: cap },
        });
      const db = cloud().server.database;
      await saveProgramme(db, home.chainId, { programme: capped(500), staffId: null }, Date.now());
      // A later version with a larger cap, published to the other store only.
      await saveProgramme(
        db,
        home.chainId,
        { programme: capped(1000), staffId: null, stores: [other.storeId] },
        Date.now() + 1,
      );
      const m = memberEvents('member-store-cap');
      expect((await homeTill.push([m.enrolled(T0, {}, homeTill.origin)])).rejected).toEqual([]);
      const there = m.pointsAdjusted(Date.now() - HOUR, 800, otherTill.origin);
      expect(await otherTill.push([there])).toEqual({ acked: [there.id], rejected: [] });
      const here = m.pointsAdjusted(Date.now() - HOUR, 800, homeTill.origin);
      const answer = await homeTill.push([here]);
      expect(refusedCodes(answer)).toEqual([[here.id, 'invalid_event']]);
      expect(answer.rejected[0]!.message).toContain('at most 500 points');
    });

    it('refuses member events for a member id never enrolled in the chain (unknown_member)', async () => {
      const { till, m } = await tillWithMember(cloud(), 'member-real');
      const ghost = memberEvents('member-never-enrolled');
      const sale = ghost.sale(T0 + HOUR, till.origin);
      const points = ghost.pointsAdjusted(T0 + HOUR, 10, till.origin);
      const good = m.pointsAdjusted(T0 + HOUR, 10, till.origin);
      const answer = await till.push([sale, good, points]);
      expect(answer.acked).toEqual([good.id]);
      expect(refusedCodes(answer)).toEqual([
        [sale.id, 'unknown_member'],
        [points.id, 'unknown_member'],
      ]);
      // An enrolment earlier in the same batch makes the member known.
      const late = memberEvents('member-enrolled-now');
      const batch = [late.enrolled(T0, {}, till.origin), late.sale(T0 + HOUR, till.origin)];
      expect((await till.push(batch)).acked).toEqual(batch.map((e) => e.id));
      await chainGoesOn(till, m);
    });

    it("refuses events for another chain's member ids", async () => {
      const { till: victim, m: theirs } = await tillWithMember(cloud(), 'member-of-chain-a');
      const attacker = await cloud().newTill();
      expect(attacker.pairing.chainId).not.toBe(victim.pairing.chainId);
      const steal = theirs.pointsAdjusted(T0 + HOUR, 1000, attacker.origin);
      const spend = theirs.sale(T0 + HOUR, { ...attacker.origin, effects: { pointsRedeemed: 50 } });
      const answer = await attacker.push([steal, spend]);
      expect(answer.acked).toEqual([]);
      expect(refusedCodes(answer)).toEqual([
        [steal.id, 'unknown_member'],
        [spend.id, 'unknown_member'],
      ]);
      // Nothing reached either chain.
      expect(await attacker.pullAll()).toEqual([]);
      expect((await victim.pullAll()).map((e) => e.id)).not.toContain(steal.id);
      await chainGoesOn(victim, theirs);
    });

    it('refuses "Ann\\ud800e" and NUL in text with invalid_text, naming the field', async () => {
      const { till, m } = await tillWithMember(cloud(), 'member-text');
      const surrogate = m.profileUpdated(T0 + HOUR, { firstName: 'Ann\ud800e' }, till.origin);
      const nul = m.profileUpdated(T0 + HOUR, { lastName: 'Nord\u0000mann' }, till.origin);
      const fresh = memberEvents('member-text-2');
      const enrolment = fresh.enrolled(T0, {}, till.origin);
      const badEnrolment = {
        ...enrolment,
        payload: {
          ...enrolment.payload,
          profile: { ...enrolment.payload.profile, firstName: 'Ann\ud800e' },
        },
      };
      const unknownField = {
        ...m.pointsAdjusted(T0 + HOUR, 1, till.origin),
        payload: { ...m.pointsAdjusted(T0 + HOUR, 1, till.origin).payload, note: 'x\u0000' },
      };
      const good = m.profileUpdated(T0 + 2 * HOUR, { firstName: 'Ann-Kristin' }, till.origin);
      const answer = await till.push([surrogate, nul, badEnrolment, unknownField, good]);
      expect(answer.acked).toEqual([good.id]);
      expect(answer.rejected.map((r) => [r.code, r.field])).toEqual([
        ['invalid_text', 'payload.fields.firstName'],
        ['invalid_text', 'payload.fields.lastName'],
        ['invalid_text', 'payload.profile.firstName'],
        ['invalid_text', 'payload.note'],
      ]);
      await chainGoesOn(till, m);
    });

    it('refuses an event over its size bound (event_too_large)', async () => {
      const { till, m } = await tillWithMember(cloud(), 'member-large');
      const sale = m.sale(T0 + HOUR, till.origin);
      const large = {
        ...sale,
        payload: { ...sale.payload, note: 'x'.repeat(LIMITS.maxEventBytes) },
      };
      const answer = await till.push([large]);
      expect(refusedCodes(answer)).toEqual([[large.id, 'event_too_large']]);
      await chainGoesOn(till, m);
    });

    it('stores two enrolments sharing one QR token, lists the clash, and pull still works', async () => {
      const store = await cloud().newStore();
      const tillA = await cloud().pair(store.storeCode, 'Kasse 1');
      const tillB = await cloud().pair(store.storeCode, 'Kasse 2');
      const first = memberEvents('member-qr-first').enrolled(
        T0,
        { qrToken: 'SHAREDQRTOKEN0001', memberNumber: memberNumberFor('29', 101) },
        tillA.origin,
      );
      const second = memberEvents('member-qr-second').enrolled(
        T0 + HOUR,
        {
          qrToken: 'SHAREDQRTOKEN0001',
          memberNumber: memberNumberFor('29', 102),
          phoneE164: '+4790000002',
        },
        tillB.origin,
      );
      expect((await tillA.push([first])).acked).toEqual([first.id]);
      expect((await tillB.push([second])).acked).toEqual([second.id]);

      const conflicts = await tillA.conflicts();
      const clash = conflicts.filter((c) => c.flag.kind === 'duplicate_qr_token');
      expect(clash.map((c) => c.memberId).sort()).toEqual(['member-qr-first', 'member-qr-second']);
      expect(clash[0]!.flag).toEqual({
        kind: 'duplicate_qr_token',
        memberIds: ['member-qr-first', 'member-qr-second'],
      });
      // The shared token itself is not kept in the conflicts.
      const stored = await cloud().server.database.query('SELECT * FROM conflicts');
      expect(JSON.stringify(stored)).not.toContain('SHAREDQRTOKEN0001');

      // A newly paired till pulls everything.
      const newcomer = await cloud().pair(store.storeCode, 'Kasse 3');
      expect((await newcomer.pullAll()).map((e) => e.id)).toEqual([first.id, second.id]);

      // Erasing one of the two ends the clash for both.
      const erased = memberEvents('member-qr-second').erased(T0 + 2 * HOUR, tillB.origin);
      expect((await tillB.push([erased])).acked).toEqual([erased.id]);
      const after = expectBody(await tillA.call('GET', ROUTES.conflicts), 200, ConflictsResponse);
      expect(after.conflicts.filter((c) => c.flag.kind === 'duplicate_qr_token')).toEqual([]);
    });

    it('passes on a payload field it does not know, push to pull, nested ones too', async () => {
      const store = await cloud().newStore();
      const writer = await cloud().pair(store.storeCode, 'Kasse 1');
      const reader = await cloud().pair(store.storeCode, 'Kasse 2');
      const m = memberEvents('member-newer');
      const enrolled = m.enrolled(T0, {}, writer.origin);
      const sale = m.sale(T0 + HOUR, writer.origin);
      const newer = {
        ...sale,
        payload: {
          ...sale.payload,
          giftReceipt: { printed: true, note: 'Gratulerer' },
          lines: sale.payload.lines.map((l) => ({ ...l, serialNumbers: ['SN-1'] })),
        },
      };
      expect((await writer.push([enrolled, newer])).acked).toEqual([enrolled.id, newer.id]);
      const pulled = await reader.pullRaw();
      expect(pulled).toEqual([enrolled, newer]);

      // A programme from a newer back office: its unknown fields survive the cloud's door too.
      const admin = await cloud().server.admin.addAdminToken(store.chain);
      const base = testProgramme({
        name: 'Klubben',
        points: { earn: { mode: 'per_purchase', points: 10 } },
      });
      const programme = {
        ...base,
        schemaVersion: 2,
        loyaltyApp: { deepLink: 'lojal://klubben' },
        points: { ...base.points!, roundUp: true },
      };
      const saved = await request(cloud().url, 'PUT', ROUTES.programme, {
        token: admin,
        body: { programme },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const event = (await reader.pullRaw()).at(-1) as { payload: { programme: unknown } };
      expect(event.payload.programme).toEqual(programme);
    });

    it('stores and passes on an event type it does not know, never folding it', async () => {
      const store = await cloud().newStore();
      const writer = await cloud().pair(store.storeCode, 'Kasse 1');
      const reader = await cloud().pair(store.storeCode, 'Kasse 2');
      const m = memberEvents('member-future-type');
      const enrolled = m.enrolled(T0, {}, writer.origin);
      const base = m.pointsAdjusted(T0 + HOUR, 1, writer.origin);
      const foreign = {
        ...base,
        id: testEventId(T0 + HOUR),
        type: 'member.nickname_set',
        payload: { nickname: 'Kaja', at: T0 + HOUR },
      };
      const chainWide = {
        ...foreign,
        id: testEventId(T0 + HOUR),
        type: 'store.opened',
        memberId: null,
      };
      const answer = await writer.push([enrolled, foreign, chainWide]);
      expect(answer).toEqual({ acked: [enrolled.id, foreign.id, chainWide.id], rejected: [] });
      expect(await reader.pullRaw()).toEqual([enrolled, foreign, chainWide]);
      // Member rules hold for it too: a type this version does not know for an unknown member is refused.
      const stray = { ...foreign, id: testEventId(T0 + HOUR), memberId: 'member-nobody' };
      expect(refusedCodes(await writer.push([stray]))).toEqual([[stray.id, 'unknown_member']]);
      // The member's lookup and the chain's conflicts still work with it stored.
      expect((await writer.conflicts()).length).toBe(0);
      const found = await reader.lookupMembers({ memberNumber: enrolled.payload.memberNumber });
      expect(found).toEqual([{ memberId: m.memberId, events: [enrolled] }]);
      await chainGoesOn(writer, m);
      // An erasure keeps nothing of its payload: this version cannot tell what is personal.
      await writer.push([m.erased(Date.now() - HOUR, writer.origin)]);
      const redacted = (await reader.pullRaw()).find(
        (e) => (e as { id: string }).id === foreign.id,
      );
      expect(redacted).toMatchObject({ type: 'member.nickname_set', payload: {} });
      expect(JSON.stringify(redacted)).not.toContain('Kaja');
    });

    it('keeps refusals for the chain managers, counts repeats, and takes tills quarantine reports', async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode, 'Kasse 7');
      const ghost = memberEvents('member-ghost').sale(T0, till.origin);
      await till.push([ghost]);
      await till.push([ghost, 'not an event']);
      const report = expectBody(
        await till.call('POST', ROUTES.quarantine, {
          events: [
            {
              id: 'evt-1',
              type: 'member.enrolled',
              code: 'identity_clash',
              reason: 'QR token held twice',
            },
            { id: null, type: null, code: 'unreadable', reason: 'not JSON' },
          ],
        }),
        200,
        QuarantineResponse,
      );
      expect(report).toEqual({ recorded: 2 });

      const listed = await refusedList(cloud(), store.chain);
      const byCode = new Map(listed.refused.map((r) => [r.code, r]));
      expect(byCode.get('unknown_member')).toMatchObject({
        source: 'push',
        eventId: ghost.id,
        type: 'sale.committed',
        times: 2,
        terminalId: till.pairing.terminalId,
        terminalName: 'Kasse 7',
      });
      expect(JSON.parse(byCode.get('unknown_member')!.raw!)).toEqual(ghost);
      expect(byCode.get('invalid_event')).toMatchObject({ eventId: null, raw: '"not an event"' });
      expect(byCode.get('identity_clash')).toMatchObject({
        source: 'quarantine',
        eventId: 'evt-1',
        message: 'QR token held twice',
        raw: null,
      });
      expect(byCode.get('unreadable')).toMatchObject({ source: 'quarantine', eventId: null });
      // Another chain's managers see none of it; a till cannot read the list.
      const other = await cloud().newStore();
      expect((await refusedList(cloud(), other.chain)).refused).toEqual([]);
      expectError(await till.call('GET', ROUTES.refused), 403, 'forbidden');
      // A report is bounded and well-formed.
      const tooMany = Array.from({ length: MAX_QUARANTINE_REPORTS + 1 }, () => ({
        id: null,
        type: null,
        code: 'x',
        reason: 'y',
      }));
      expect((await till.call('POST', ROUTES.quarantine, { events: tooMany })).status).toBe(400);
      const nul = await till.call('POST', ROUTES.quarantine, {
        events: [{ id: 'a\u0000', type: null, code: 'x', reason: 'y' }],
      });
      expect(nul.status).toBe(400);
    });

    it("drops the kept copy of an erased member's refused events in the erasure's own push", async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode);
      const m = memberEvents('member-refused-erased');
      expect((await till.push([m.enrolled(T0, {}, till.origin)])).acked).toHaveLength(1);
      const personal = { phoneE164: '+4791234567', lastName: 'Haugsbakk' };
      // Refused (a NUL in the e-mail), kept for the managers as it came: phone and name in it.
      const refused = m.profileUpdated(
        T0 + HOUR,
        { ...personal, email: 'a\u0000@example.no' },
        till.origin,
      );
      expect(refusedCodes(await till.push([refused]))).toEqual([[refused.id, 'invalid_text']]);
      const before = await refusedList(cloud(), store.chain);
      expect(before.refused[0]!.raw).toContain('Haugsbakk');

      expect((await till.push([m.erased(T0 + 2 * HOUR, till.origin)])).acked).toHaveLength(1);
      const after = await refusedList(cloud(), store.chain);
      expect(after.refused).toHaveLength(1);
      expect(after.refused[0]).toMatchObject({ eventId: refused.id, code: 'invalid_text' });
      expect(JSON.stringify(after.refused)).not.toContain('Haugsbakk');
      expect(JSON.stringify(after.refused)).not.toContain('91234567');

      // Sent again after the erasure (the till still holds it): refused, and no copy kept.
      const again = m.profileUpdated(
        T0 + 3 * HOUR,
        { ...personal, email: 'b\u0000@example.no' },
        till.origin,
      );
      expect(refusedCodes(await till.push([again]))).toEqual([[again.id, 'invalid_text']]);
      const last = await refusedList(cloud(), store.chain);
      expect(last.refused.map((r) => r.eventId)).toEqual([again.id, refused.id]);
      expect(JSON.stringify(last.refused)).not.toContain('Haugsbakk');
      expect(JSON.stringify(last.refused)).not.toContain('91234567');
      // A member id no database takes (a NUL, a lone surrogate) is refused like any text, never a 500.
      for (const memberId of ['member-\u0000', 'member-\ud800']) {
        const odd = { ...again, id: testEventId(T0), memberId };
        expect(refusedCodes(await till.push([odd]))).toEqual([[odd.id, 'invalid_text']]);
      }
    });

    it('keeps a bounded number of refusals per chain, the newest', async () => {
      const store = await cloud().newStore();
      const till = await cloud().pair(store.storeCode);
      const who = { chainId: store.chainId, terminalId: till.pairing.terminalId };
      const db = cloud().server.database;
      for (let i = 0; i < 5; i++) {
        await db.transaction((tx) =>
          recordRefusals(
            tx,
            who,
            [{ source: 'push', eventId: `e${i}`, type: null, code: 'invalid_event', message: 'm' }],
            Date.now(),
            3,
          ),
        );
      }
      const listed = await refusedList(cloud(), store.chain);
      expect(listed.refused.map((r) => r.eventId)).toEqual(['e4', 'e3', 'e2']);
    });

    it('answers NUL or a lone surrogate in a store code or a programme with 400, never 500', async () => {
      const store = await cloud().newStore();
      for (const storeCode of ['7K4M\u0000Q2XP', 'AB\ud800CD']) {
        const answer = await request(cloud().url, 'POST', ROUTES.pair, {
          body: { storeCode, terminalName: 'Kasse 1' },
        });
        expect(answer.status).toBe(400);
      }
      const admin = await cloud().server.admin.addAdminToken(store.chain);
      for (const name of ['Klubb\u0000en', 'Klubb\udc00en']) {
        const answer = await request(cloud().url, 'PUT', ROUTES.programme, {
          token: admin,
          body: { programme: { ...testProgramme(), name } },
        });
        expect(answer.status).toBe(400);
      }
      await expect(cloud().server.admin.addStore('Kjede\u0000', 'Butikk')).rejects.toThrow(
        /NUL or a lone surrogate/,
      );
      await expect(cloud().server.admin.addStore('Kjede', 'Butikk\ud800')).rejects.toThrow(
        /NUL or a lone surrogate/,
      );
      // The chain is untouched: pairing works.
      expect((await cloud().pair(store.storeCode)).pairing.chainId).toBe(store.chainId);
    });
  },
  // Many pairings from this one address: the per-address limit is tested in limits.test.ts.
  { limits: { perAddress: { capacity: 1_000, refillPerSecond: 1_000 } } },
);
