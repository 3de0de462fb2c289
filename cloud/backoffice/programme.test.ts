/**
 * The programme editor's commands against the real cloud (PGlite, and
 * PostgreSQL when one answers): a published programme is a `programme.saved`
 * in the chain's log that a till pulls; versions with who and what changed;
 * a roll-back publishes an older version again; a store manager reads but
 * never publishes; an invalid programme is refused naming its field.
 */
import { expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope } from '../../src/core/events';
import { encodeHlc } from '../../src/core/hlc';
import { memberEvents, testEventId } from '../../src/core/member/test-events';
import { memberView } from '../../src/core/member';
import { programmeTemplate } from '../../src/core/templates';
import type { Programme } from '../../src/core/programme';
import { parseIsoDate, startOfLocalDay } from '../../src/core/time';
import { programmeInForce } from '../programme';
import { describeBackoffice, errorOf } from '../test/backoffice';
import { VERSIONS_LISTED } from './handlers/programme';
import type { Till } from '../test/cloud';

const bakery = programmeTemplate('bakeri')!;

function withPointsPerStep(programme: Programme, pointsPerStep: number): Programme {
  if (!programme.points || programme.points.earn.mode !== 'per_amount')
    throw new Error('the bakery earns per amount');
  return {
    ...programme,
    points: { ...programme.points, earn: { ...programme.points.earn, pointsPerStep } },
  };
}

async function pulledProgrammes(till: Till) {
  const events = await till.pullAll();
  return events.filter((e) => e.type === 'programme.saved') as EventEnvelope<'programme.saved'>[];
}

describeBackoffice('the programme editor’s commands', (cloud) => {
  it('publishes to the chain’s log, which a till pulls; lists versions with who and what; rolls back', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode, 'Kasse 1');
    expect(await owner.ok('programme.get')).toEqual({ programme: null, version: null });

    const first = await owner.ok('programme.publish', { programme: bakery.programme });
    expect(first).toMatchObject({
      number: 1,
      author: { name: 'Kari Eier', staffId: null, storeId: null },
      rolledBackTo: null,
    });
    // The first version changes nothing: all of it is new.
    expect(first.changed).toEqual([]);

    const doubled = withPointsPerStep(bakery.programme, 2);
    const second = await owner.ok('programme.publish', { programme: doubled, note: 'dobbelt' });
    expect(second.number).toBe(2);
    expect(second.note).toBe('dobbelt');
    expect(second.changed).toEqual(['points']);

    // The till pulls both, the newest last by clock: the one it applies.
    let pulled = await pulledProgrammes(till);
    expect(pulled.map((e) => e.id)).toEqual([first.eventId, second.eventId]);
    expect(pulled[1]!.payload.programme).toEqual(doubled);
    expect(pulled[1]!.storeId).toBe('cloud');

    const current = await owner.ok('programme.get');
    expect(current.programme).toEqual(doubled);
    expect(current.version?.number).toBe(2);

    // Back to version 1: a new version 3 with version 1's rules.
    const third = await owner.ok('programme.rollBack', { number: 1 });
    expect(third).toMatchObject({ number: 3, rolledBackTo: 1, changed: ['points'] });
    pulled = await pulledProgrammes(till);
    expect(pulled.at(-1)!.payload.programme).toEqual(bakery.programme);
    expect((await owner.ok('programme.get')).programme).toEqual(bakery.programme);

    const history = await owner.ok('programme.history');
    expect(history.map((v) => [v.number, v.author.name, v.rolledBackTo])).toEqual([
      [3, 'Kari Eier', 1],
      [2, 'Kari Eier', null],
      [1, 'Kari Eier', null],
    ]);
    expect(history.every((v) => v.at > 0)).toBe(true);

    // A version that does not exist.
    const missing = await owner.call('programme.rollBack', { number: 9 });
    expect(missing.status).toBe(404);

    // A programme a till saves (PUT /v1/programme or its own push) is a version too, by clock.
    const tillSave: EventEnvelope<'programme.saved'> = {
      id: testEventId(Date.now() + 60_000),
      ...till.origin,
      hlc: encodeHlc({ wallMs: Date.now() + 60_000, counter: 0, node: till.origin.terminalId }),
      type: 'programme.saved',
      memberId: null,
      payload: { programme: doubled, staffId: 'staff-1', at: Date.now() + 60_000 },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    expect((await till.push([tillSave])).rejected).toEqual([]);
    const [newest] = await owner.ok('programme.history');
    expect(newest).toMatchObject({
      number: 4,
      author: { accountId: null, name: null, staffId: 'staff-1', storeId: stores[0]!.storeId },
      changed: ['points'],
    });
  });

  it('lists the newest versions of a long history, numbered among all, and rolls back to an older one', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    const total = VERSIONS_LISTED + 5;
    const start = Date.now() - total * 1000;
    // A till that saved its programme many times (each a version), points per step 1, 2, 3 …
    const saves: EventEnvelope<'programme.saved'>[] = Array.from({ length: total }, (_, i) => ({
      id: testEventId(start + i * 1000),
      ...till.origin,
      hlc: encodeHlc({ wallMs: start + i * 1000, counter: 0, node: till.origin.terminalId }),
      type: 'programme.saved',
      memberId: null,
      payload: {
        programme: withPointsPerStep(bakery.programme, i + 1),
        staffId: null,
        at: start + i * 1000,
      },
      schemaVersion: EVENT_SCHEMA_VERSION,
    }));
    for (let i = 0; i < saves.length; i += 50)
      expect((await till.push(saves.slice(i, i + 50))).rejected).toEqual([]);

    const history = await owner.ok('programme.history');
    expect(history).toHaveLength(VERSIONS_LISTED);
    expect(history[0]!.number).toBe(total);
    expect(history.at(-1)!.number).toBe(total - VERSIONS_LISTED + 1);
    // The oldest listed still says what it changed from the one before it.
    expect(history.at(-1)!.changed).toEqual(['points']);
    const current = await owner.ok('programme.get');
    expect(current.version?.number).toBe(total);
    expect(current.programme).toEqual(withPointsPerStep(bakery.programme, total));

    // Version 3 is beyond the list, and still there to go back to.
    const back = await owner.ok('programme.rollBack', { number: 3 });
    expect(back).toMatchObject({ number: total + 1, rolledBackTo: 3 });
    expect((await owner.ok('programme.get')).programme).toEqual(
      withPointsPerStep(bakery.programme, 3),
    );
  });

  it('publishes to chosen stores and from a date: in the event the tills pull, and in the versions', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum', 'Torget', 'Havna']);
    const [sentrum, torget, havna] = stores as [
      (typeof stores)[0],
      (typeof stores)[0],
      (typeof stores)[0],
    ];
    const till = await cloud().pair(sentrum.storeCode);
    await owner.ok('programme.publish', { programme: bakery.programme });

    // Two points per step at Sentrum and Torget from a day ten days ahead (midnight in Oslo).
    const inTenDays = new Date(Date.now() + 10 * 86_400_000);
    const day = inTenDays.toISOString().slice(0, 10);
    const midnight = startOfLocalDay(parseIsoDate(day), 'Europe/Oslo');
    const planned = await owner.ok('programme.publish', {
      programme: withPointsPerStep(bakery.programme, 2),
      stores: [torget.storeId, sentrum.storeId, sentrum.storeId],
      from: day,
    });
    expect(planned).toMatchObject({
      number: 2,
      planned: true,
      startsAt: midnight,
      inForce: { everywhere: false, stores: [] },
    });
    expect(planned.stores!.map((s) => s.name).sort()).toEqual(['Sentrum', 'Torget']);
    const pulled = (await pulledProgrammes(till)).at(-1)!;
    expect(pulled.payload).toMatchObject({
      stores: [sentrum.storeId, torget.storeId].sort(),
      from: midnight,
    });

    // Version 1 stays in force everywhere until then; the editor's draft starts from version 2.
    let history = await owner.ok('programme.history');
    expect(history.map((v) => [v.number, v.planned, v.inForce.everywhere])).toEqual([
      [2, true, false],
      [1, false, true],
    ]);
    expect((await owner.ok('programme.get')).version?.number).toBe(2);

    // Three points at Havna, today: in force there now; version 1 still at the other two.
    const today = await owner.ok('programme.publish', {
      programme: withPointsPerStep(bakery.programme, 3),
      stores: [havna.storeId],
      from: new Date().toISOString().slice(0, 10),
    });
    expect(today).toMatchObject({ planned: false, stores: [{ name: 'Havna' }] });
    history = await owner.ok('programme.history');
    expect(history[0]!.inForce).toEqual({
      everywhere: false,
      stores: [{ storeId: havna.storeId, name: 'Havna' }],
    });
    expect(history[2]!.inForce.stores.map((s) => s.name)).toEqual(['Sentrum', 'Torget']);
    // The chain as a whole (members' pages, conflicts) reads the version for every store.
    expect((await programmeInForce(cloud().server.database, pulled.chainId)).points?.earn).toEqual(
      bakery.programme.points!.earn,
    );

    // A store manager of Torget sees only Torget's name among the stores.
    const manager = await cloud().storeManager(owner, [torget.storeId]);
    const seen = await manager.browser.ok('programme.history');
    expect(seen[0]!.stores).toEqual([]);
    expect(seen[1]!.stores).toEqual([{ storeId: torget.storeId, name: 'Torget' }]);
  });

  it('refuses a past day, a day that is not one, no store and a store of another chain', async () => {
    const { owner } = await cloud().chainWithOwner(['Sentrum']);
    const other = await cloud().chainWithOwner(['Annen']);
    const publish = (extra: Record<string, unknown>) =>
      owner.call('programme.publish', { programme: bakery.programme, ...extra });
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ from: '2020-01-31' }, 'from', 'backoffice.ui.programme.publish.pastDate'],
      [{ from: '2027-02-30' }, 'from', 'backoffice.ui.programme.publish.badDate'],
      [{ from: '31.01.2027' }, 'from', 'backoffice.ui.programme.publish.badDate'],
      [{ stores: [] }, 'stores', 'backoffice.ui.programme.publish.noStores'],
      [
        { stores: [other.stores[0]!.storeId] },
        'stores',
        'backoffice.ui.programme.publish.unknownStore',
      ],
    ];
    for (const [extra, field, key] of cases) {
      const answer = await publish(extra);
      expect(answer.status, JSON.stringify(extra)).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'invalid_request', field, said: { key } });
    }
    expect(await owner.ok('programme.history')).toEqual([]);
  });

  it('refuses a store manager’s publishing and roll-back, and lets them read', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    await owner.ok('programme.publish', { programme: bakery.programme });
    const manager = await cloud().storeManager(owner, [stores[0]!.storeId]);
    const refused = await manager.browser.call('programme.publish', {
      programme: withPointsPerStep(bakery.programme, 5),
    });
    expect(refused.status).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');
    expect((await manager.browser.call('programme.rollBack', { number: 1 })).status).toBe(403);
    expect((await manager.browser.ok('programme.get')).programme).toEqual(bakery.programme);
    expect(await manager.browser.ok('programme.history')).toHaveLength(1);
    expect((await manager.browser.ok('programme.templates')).map((t) => t.id)).toEqual([
      'bakeri',
      'dyrebutikk',
      'klesbutikk',
      'blank',
    ]);
  });

  it('refuses an invalid programme naming the field, and writes nothing', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    const answer = await owner.call('programme.publish', {
      programme: withPointsPerStep(bakery.programme, -1),
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      code: 'invalid_request',
      field: 'programme.points.earn.pointsPerStep',
    });
    const percent = await owner.call('programme.publish', {
      programme: {
        ...bakery.programme,
        cashback: { enabled: true, percent: 120, excludedCategories: [] },
      },
    });
    expect(errorOf(percent)).toMatchObject({
      field: 'programme.cashback.percent',
      said: { key: 'programme.percentAtMost100' },
    });
    expect(await pulledProgrammes(till)).toEqual([]);
    expect(await owner.ok('programme.history')).toEqual([]);
  });

  it('gives the preview the chain’s catalogue and a real member, read under a draft', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    expect(await owner.ok('programme.catalogue')).toEqual([]);
    const at = Date.now() - 10_000;
    const catalogue: EventEnvelope<'catalogue.saved'> = {
      id: testEventId(at),
      ...till.origin,
      hlc: encodeHlc({ wallMs: at, counter: 0, node: till.origin.terminalId }),
      type: 'catalogue.saved',
      memberId: null,
      payload: { products: bakery.catalogue, staffId: null, at },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    const m = memberEvents('member-preview');
    const number = memberNumberFor('29', 42);
    const enrolled = m.enrolled(
      at,
      { phoneE164: '+4791234567', memberNumber: number },
      till.origin,
    );
    expect((await till.push([catalogue, enrolled])).rejected).toEqual([]);

    expect((await owner.ok('programme.catalogue')).map((p) => p.sku)).toEqual(
      bakery.catalogue.map((p) => p.sku),
    );
    for (const query of ['912 34 567', number]) {
      const found = await owner.ok('programme.previewMember', { query });
      expect(found?.memberId).toBe('member-preview');
      expect(found?.memberNumber).toBe(number);
      for (const hidden of [stores[0]!.storeId, till.origin.terminalId, '+4791234567', '@'])
        expect(JSON.stringify(found)).not.toContain(hidden);
      // The page reads the member under the draft with the engine.
      const view = memberView(bakery.programme, found!.ledger, Date.now());
      expect(view.memberId).toBe('member-preview');
    }
    expect(await owner.ok('programme.previewMember', { query: '40000000' })).toBeNull();
  });
});
