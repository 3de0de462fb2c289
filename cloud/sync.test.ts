import { describe, expect, it } from 'vitest';
import { parseEvent } from '../src/core/events';
import type { LojalEvent } from '../src/core/events';
import { DAY, HOUR, memberEvents } from '../src/core/member/test-events';
import { testProgramme } from '../src/core/member/test-programme';
import { ProgrammeResponse, ROUTES, SaveProgrammeResponse } from '../src/sync/protocol';
import { describeOnEachDatabase, expectBody, expectError, request } from './test/cloud';

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);

function ids(events: readonly { id: string }[]): string[] {
  return events.map((e) => e.id);
}

describeOnEachDatabase('push and pull', (cloud) => {
  it('round-trips events: what one till pushes, another till of the chain pulls unchanged', async () => {
    const store = await cloud().newStore();
    const tillA = await cloud().pair(store.storeCode, 'Kasse 1');
    const tillB = await cloud().pair(store.storeCode, 'Kasse 2');
    const m = memberEvents('member-roundtrip');
    const pushed: LojalEvent[] = [
      m.enrolled(T0, {}, tillA.origin),
      m.sale(T0 + HOUR, {
        ...tillA.origin,
        effects: { pointsEarned: 120, stamps: [{ cardId: 'kaffe', count: 2 }] },
      }),
      m.consentChanged(T0 + 2 * HOUR, 'email', true, tillA.origin),
    ];
    const answer = await tillA.push(pushed);
    expect(answer).toEqual({ acked: ids(pushed), rejected: [] });

    const pulled = await tillB.pullAll();
    expect(pulled).toEqual(pushed.map((e) => parseEvent(e)));
  });

  it('stores a retried batch once, in the same or another order, and acks it every time', async () => {
    const till = await cloud().newTill();
    const m = memberEvents('member-retry');
    const batch = [
      m.enrolled(T0, {}, till.origin),
      m.sale(T0 + HOUR, till.origin),
      m.sale(T0 + 2 * HOUR, till.origin),
      m.pointsAdjusted(T0 + 3 * HOUR, 10, till.origin),
    ];
    expect((await till.push(batch)).acked).toEqual(ids(batch));
    expect((await till.push(batch)).acked).toEqual(ids(batch));
    const reordered = [batch[3]!, batch[1]!, batch[0]!, batch[2]!];
    expect((await till.push(reordered)).acked).toEqual(ids(reordered));
    // A batch naming one event twice stores it once too.
    expect((await till.push([batch[2]!, batch[2]!])).acked).toEqual([batch[2]!.id]);

    const pulled = await till.pullAll();
    expect(ids(pulled)).toEqual(ids(batch));
  });

  it('pages through the chain in server order with the cursor, never repeating or skipping', async () => {
    const till = await cloud().newTill();
    const pushed: LojalEvent[] = [];
    for (let k = 0; k < 5; k++) {
      const m = memberEvents(`member-page-${k}`);
      pushed.push(m.enrolled(T0 + k * DAY, {}, till.origin));
      for (let s = 1; s <= 4; s++) pushed.push(m.sale(T0 + k * DAY + s * HOUR, till.origin));
    }
    // Three pushes, so server order spans batches.
    await till.push(pushed.slice(0, 7));
    await till.push(pushed.slice(7, 18));
    await till.push(pushed.slice(18));

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await till.pull(after, 10);
      pages += 1;
      expect(page.events.length).toBeLessThanOrEqual(10);
      seen.push(...ids(page.events));
      if (page.more) expect(page.next).not.toBe(after);
      after = page.next;
      if (!page.more) break;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(ids(pushed));

    const atEnd = await till.pull(after, 10);
    expect(atEnd).toEqual({ events: [], next: after, more: false });

    const later = memberEvents('member-page-late').enrolled(T0 + 9 * DAY, {}, till.origin);
    await till.push([later]);
    const tail = await till.pull(after, 10);
    expect(ids(tail.events)).toEqual([later.id]);
    expect(tail.more).toBe(false);
  });

  it('never lets a reader skip an event while several tills push at once', async () => {
    const store = await cloud().newStore();
    const tills = await Promise.all(
      [1, 2, 3, 4].map((k) => cloud().pair(store.storeCode, `Kasse ${k}`)),
    );
    const reader = await cloud().pair(store.storeCode, 'Leser');
    const batchesPerTill = 6;
    const batches = tills.map((till, t) =>
      Array.from({ length: batchesPerTill }, (_, b) => {
        const m = memberEvents(`member-concurrent-${t}-${b}`);
        return [m.enrolled(T0 + b * HOUR, {}, till.origin), m.sale(T0 + b * HOUR + 1, till.origin)];
      }),
    );
    const pushedIds = batches.flat(2).map((e) => e.id);

    let pushing = true;
    const seen: string[] = [];
    let after: string | undefined;
    const reading = (async () => {
      // Keep reading while the pushes run, and once more after they end.
      for (let lastRound = false; ;) {
        const page = await reader.pull(after, 5);
        seen.push(...ids(page.events));
        after = page.next;
        if (!page.more && lastRound) return;
        if (!page.more && !pushing) lastRound = true;
      }
    })();
    await Promise.all(
      tills.map(async (till, t) => {
        for (const batch of batches[t]!) expect((await till.push(batch)).rejected).toEqual([]);
      }),
    );
    pushing = false;
    await reading;

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushedIds].sort());
    expect(ids(await reader.pullAll())).toEqual(seen);
  });

  it('rejects a bad event by itself, with its index and a reason, and stores the rest', async () => {
    const till = await cloud().newTill();
    const m = memberEvents('member-mixed');
    const good = m.enrolled(T0, {}, till.origin);
    const noMember = { ...m.pinSet(T0 + HOUR, null, till.origin), memberId: null };
    const badHlc = { ...m.sale(T0 + HOUR, till.origin), hlc: 'yesterday' };
    // A newer schema version is read, not refused: the schemas change only additively.
    const newer = { ...m.sale(T0 + 2 * HOUR, till.origin), schemaVersion: 99 };
    const nul = m.profileUpdated(T0 + 3 * HOUR, { firstName: 'Ka\u0000ri' }, till.origin);
    const answer = await till.push([good, 'not an event', noMember, badHlc, newer, nul]);

    expect(answer.acked).toEqual([good.id, newer.id]);
    expect(answer.rejected.map((r) => [r.index, r.id, r.code, r.field])).toEqual([
      [1, null, 'invalid_event', null],
      [2, noMember.id, 'invalid_event', null],
      [3, badHlc.id, 'invalid_event', 'hlc'],
      [5, nul.id, 'invalid_text', 'payload.fields.firstName'],
    ]);
    expect(answer.rejected[2]!.message).toMatch(/^hlc:/);
    expect(ids(await till.pullAll())).toEqual([good.id, newer.id]);
  });

  it('refuses a push whose events speak for another store or terminal of the same chain', async () => {
    const store = await cloud().newStore();
    const otherStore = await cloud().newStore(store.chain);
    const till = await cloud().pair(store.storeCode, 'Kasse 1');
    const sameStoreTill = await cloud().pair(store.storeCode, 'Kasse 2');
    const otherStoreTill = await cloud().pair(otherStore.storeCode, 'Kasse 1');
    expect(otherStoreTill.pairing.chainId).toBe(till.pairing.chainId);
    const m = memberEvents('member-impostor');
    const asOtherTerminal = m.enrolled(T0, {}, sameStoreTill.origin);
    const asOtherStore = m.sale(T0 + HOUR, otherStoreTill.origin);
    const answer = await till.push([asOtherTerminal, asOtherStore]);
    expect(answer.acked).toEqual([]);
    expect(answer.rejected.map((r) => r.code)).toEqual(['wrong_terminal', 'wrong_store']);
    expect(await till.pullAll()).toEqual([]);

    const mismatch = await till.call('POST', ROUTES.push, {
      terminalId: sameStoreTill.pairing.terminalId,
      events: [],
    });
    expect(expectError(mismatch, 400, 'invalid_request').field).toBe('terminalId');
  });

  it('turns a programme saved in the cloud into a programme.saved event the tills pull', async () => {
    const store = await cloud().newStore();
    const till = await cloud().pair(store.storeCode);
    const adminToken = await cloud().server.admin.addAdminToken(store.chain);
    // A till event with a clock ahead of the cloud's: the cloud's save must still sort after it.
    const ahead = memberEvents('member-clock').enrolled(
      T0,
      {},
      { ...till.origin, hlcWallMs: Date.now() + DAY },
    );
    await till.push([ahead]);

    const programme = testProgramme({ name: 'Kaffeklubben', punchCards: [] });
    const saved = expectBody(
      await request(cloud().url, 'PUT', ROUTES.programme, {
        token: adminToken,
        body: { programme, staffId: 'eier' },
      }),
      200,
      SaveProgrammeResponse,
    );
    expect(saved.hlc > ahead.hlc).toBe(true);

    const pulled = await till.pullAll();
    const event = pulled.find((e) => e.id === saved.eventId);
    expect(event?.type).toBe('programme.saved');
    expect(event?.memberId).toBeNull();
    expect(event?.chainId).toBe(till.pairing.chainId);
    expect(event?.type === 'programme.saved' && event.payload.programme).toEqual(programme);

    const current = expectBody(await till.call('GET', ROUTES.programme), 200, ProgrammeResponse);
    expect(current.eventId).toBe(saved.eventId);
    expect(current.programme).toEqual(programme);

    // Tills cannot use the cloud's programme door, and a broken programme names its field.
    expectError(await till.call('PUT', ROUTES.programme, { programme }), 403, 'forbidden');
    const broken = await request(cloud().url, 'PUT', ROUTES.programme, {
      token: adminToken,
      body: { programme: { ...programme, currency: 'kroner' } },
    });
    expect(expectError(broken, 400, 'invalid_request').field).toBe('programme.currency');
  });

  it('answers health without a token', async () => {
    const answer = await request(cloud().url, 'GET', ROUTES.health);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'ok', protocolVersion: 1 });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  describe('unknown routes', () => {
    it('answer 404 in the error format', async () => {
      expectError(await request(cloud().url, 'GET', '/v1/nothing-here'), 404, 'not_found');
    });
  });
});
