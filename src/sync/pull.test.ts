import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store';
import type { Db } from '../store';
import { quarantinedRaw, quarantineList } from '../store/quarantine';
import { pullCursor } from '../store/sync-pairing';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { applyRemoteEvents } from './pull';
import { appendEvents } from '../store/append';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
});
afterEach(() => {
  db.close();
  tmp.remove();
});

const ctx = () => ({ db, clock: () => T0 + 3_600_000, node: 'till-here' });
const ids = (table: string) =>
  db.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as string[];

describe('applying a pulled page', () => {
  it('sets aside an event whose write fails, applies the others of the page, and moves the cursor', () => {
    const a = testTill('till-a');
    const first = a.sale(null, T0);
    // A write that fails however valid the event (a bug in a projection, say).
    const clash = a.enrolled('m-poison', T0 + 1_000);
    db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON members WHEN NEW.member_id = 'm-poison'
      BEGIN SELECT RAISE(ABORT, 'projection bug'); END`);
    const enrolled = a.enrolled('m1', T0 + 2_000, { qrToken: 'ljm-OTHEROTHEROTHEROTHER01' });
    const after = a.sale('m1', T0 + 3_000);
    const outcome = applyRemoteEvents(ctx(), [first, clash, enrolled, after], '42');
    expect(outcome.applied.map((e) => e.id)).toEqual([first.id, enrolled.id, after.id]);
    expect(outcome.quarantined).toBe(1);
    expect(quarantineList(db, 10)).toEqual([
      expect.objectContaining({
        direction: 'pulled',
        eventId: clash.id,
        eventType: 'member.enrolled',
        code: 'apply_failed',
        reason: expect.stringContaining('projection bug'),
        reported: false,
      }),
    ]);
    expect(ids('events')).not.toContain(clash.id);
    expect(pullCursor(db)).toBe('42');
    // Pulled again (a cursor reset): kept once.
    applyRemoteEvents(ctx(), [clash], '43');
    expect(quarantineList(db, 10)).toHaveLength(1);
  });

  it('does not set aside an event the log already holds (an older version stored it)', () => {
    const a = testTill('till-a');
    const future = { ...a.sale(null, T0), hlc: '999999999999990-000000-till-a' };
    db.prepare(
      `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
         schema_version, received_at, pushed, origin)
       VALUES (?, 'chain-1', 'store-1', 'till-a', ?, 'sale.committed', NULL, '{}', 1, 0, 1, 'remote')`,
    ).run(future.id, future.hlc);
    const outcome = applyRemoteEvents(ctx(), [future], '5');
    expect(outcome).toMatchObject({ applied: [], quarantined: 0 });
    expect(quarantineList(db, 10)).toEqual([]);
    expect(pullCursor(db)).toBe('5');
  });

  it('fails the page, setting nothing aside, when the till itself cannot write (a full disk)', () => {
    const a = testTill('till-a');
    applyRemoteEvents(ctx(), [a.sale(null, T0)], '1');
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    const page = Array.from({ length: 50 }, (_, i) =>
      a.enrolled(`m${i}`, T0 + i * 1_000, {
        qrToken: `ljm-FULLDISKFULLDISK${String(i).padStart(6, '0')}`,
      }),
    );
    expect(() => applyRemoteEvents(ctx(), page, '2')).toThrow(/full/i);
    db.pragma('max_page_count = 1073741823');
    expect(quarantineList(db, 10)).toEqual([]);
    expect(pullCursor(db)).toBe('1');
    // Room again: the same page applies.
    expect(applyRemoteEvents(ctx(), page, '2').applied).toHaveLength(50);
  });

  it('quarantines exactly the events that do not parse or are too far ahead, whatever the page holds', () => {
    const a = testTill('till-a');
    const good = fc.constant(null).map(() => ({ kind: 'good' as const }));
    const bad = fc.constantFrom('shape', 'text', 'future', 'number').map((kind) => ({ kind }));
    fc.assert(
      fc.property(fc.array(fc.oneof(good, bad), { maxLength: 12 }), (plan) => {
        db.prepare('DELETE FROM quarantine').run();
        let at = T0;
        const page = plan.map((p, i) => {
          at += 1_000;
          const event = a.sale(null, at) as unknown as Record<string, unknown>;
          const payload = event.payload as Record<string, unknown>;
          switch (p.kind) {
            case 'good':
              return event;
            case 'shape':
              return { ...event, payload: { ...payload, lines: 'none' } };
            case 'text':
              return { ...event, payload: { ...payload, staffId: `x\ud800${i}` } };
            case 'number':
              return { ...event, payload: { ...payload, totalOre: 2 ** 60 } };
            case 'future':
              return { ...event, hlc: `999999999999990-000000-till-a` };
          }
        });
        const outcome = applyRemoteEvents(ctx(), page);
        const badCount = plan.filter((p) => p.kind !== 'good').length;
        expect(outcome.quarantined).toBe(badCount);
        expect(outcome.applied.length + outcome.quarantined).toBe(plan.length);
        const codes = quarantineList(db, 100).map((q) => q.code);
        expect(codes.filter((c) => c === 'clock_ahead')).toHaveLength(
          plan.filter((p) => p.kind === 'future').length,
        );
      }),
      { numRuns: 40 },
    );
  });

  describe("an erased member's data in the quarantine", () => {
    const rawOf = () =>
      quarantineList(db, 10).map((q) => ({ q, raw: quarantinedRaw(db, q.seq) ?? '' }));

    it('is blanked when the erasure comes after the event was set aside (id, code and reason stay)', () => {
      const a = testTill('till-a');
      const enrolled = a.enrolled('m-gone', T0 + 1_000, { phoneE164: '+4791234567' });
      // Unreadable for this version (a field it bounds): set aside as it came.
      const bad = { ...enrolled, payload: { ...enrolled.payload, staffId: 'x\ud800' } };
      applyRemoteEvents(ctx(), [bad], '1');
      expect(rawOf()[0]!.raw).toContain('+4791234567');
      applyRemoteEvents(ctx(), [a.erased('m-gone', T0 + 2_000)], '2');
      const [{ q, raw }] = rawOf() as [
        { q: ReturnType<typeof quarantineList>[number]; raw: string },
      ];
      expect(raw).not.toContain('+4791234567');
      expect(raw).not.toContain('Nordmann');
      expect(raw).not.toContain('kari@example.no');
      expect(q).toMatchObject({ eventId: enrolled.id, code: 'invalid_event' });
      expect(q.reason).toContain('staffId');
    });

    it('is blanked when the erasure is made on this till', () => {
      const a = testTill('till-a');
      const enrolled = a.enrolled('m-gone', T0 + 1_000, { phoneE164: '+4791234567' });
      const bad = { ...enrolled, payload: { ...enrolled.payload, staffId: 'x\ud800' } };
      applyRemoteEvents(ctx(), [bad], '1');
      appendEvents(db, [testTill('till-here').erased('m-gone', T0 + 2_000)]);
      expect(rawOf()[0]!.raw).not.toContain('+4791234567');
      expect(rawOf()[0]!.raw).not.toContain('Nordmann');
    });

    it('is never kept when the event is set aside after the erasure', () => {
      const a = testTill('till-a');
      const enrolled = a.enrolled('m-gone', T0 + 1_000, { phoneE164: '+4791234567' });
      applyRemoteEvents(ctx(), [a.erased('m-gone', T0 + 2_000)], '1');
      const bad = { ...enrolled, payload: { ...enrolled.payload, staffId: 'x\ud800' } };
      applyRemoteEvents(ctx(), [bad], '2');
      expect(rawOf()).toHaveLength(1);
      expect(rawOf()[0]!.raw).not.toContain('+4791234567');
      expect(rawOf()[0]!.raw).not.toContain('Nordmann');
      expect(rawOf()[0]!.q).toMatchObject({ eventId: enrolled.id, code: 'invalid_event' });
    });

    it("keeps other members' quarantined events as they came", () => {
      const a = testTill('till-a');
      const other = a.enrolled('m-stays', T0 + 1_000, { phoneE164: '+4791234567' });
      const bad = { ...other, payload: { ...other.payload, staffId: 'x\ud800' } };
      applyRemoteEvents(ctx(), [bad, a.erased('m-gone', T0 + 2_000)], '1');
      expect(rawOf()[0]!.raw).toContain('+4791234567');
    });
  });
});
