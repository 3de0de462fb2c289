/**
 * Issue 12, point 1: the first run of a till on an empty store (`LOJAL_DEMO=0`).
 * Real till services on file SQLite databases; the pairing paths against the
 * real cloud server on 127.0.0.1 (PGlite, and PostgreSQL when one answers).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { describeOnEachDatabase, request } from '../../cloud/test/cloud';
import type { TestCloud } from '../../cloud/test/cloud';
import { programmeTemplate } from '../core/templates';
import { ROUTES } from '../sync/protocol';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import type { CommandInput, CommandName, CommandOutputs, Session } from './commands';
import { assertOwnEventsParse, failure } from './testing';
import { databasePath, openTillService } from './till-service';
import type { TillService } from './types';

const ANONYMOUS: Session = { role: 'anonymous', staffId: null };
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const PIN = '4711';

interface EmptyTill {
  service: TillService;
  dir: TempDir;
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    session?: Session,
  ): Promise<CommandOutputs[N]>;
  /** Every event in the till's log: type, payload and origin. */
  events(): Array<{ type: string; payload: Record<string, unknown>; origin: string }>;
  close(): void;
}

const open: EmptyTill[] = [];
afterEach(() => {
  for (const till of open.splice(0)) till.close();
});

/** A till started as `LOJAL_DEMO=0` starts one: no programme, no products, no staff. */
function emptyTill(demo: false | 'minimal' = false): EmptyTill {
  const dir = tempDir('lojal-setup-');
  const service = openTillService({
    dataDir: dir.dir,
    clock: () => T0,
    demo,
    sync: { background: false, random: () => 0.5 },
  });
  const read = <T>(body: (db: Database.Database) => T): T => {
    const db = new Database(databasePath(dir.dir), { readonly: true });
    try {
      return body(db);
    } finally {
      db.close();
    }
  };
  const till: EmptyTill = {
    service,
    dir,
    call: (name, input, session = ANONYMOUS) => service.call(name, input, session),
    events: () =>
      read((db) =>
        (
          db.prepare('SELECT type, payload, origin FROM events ORDER BY hlc').all() as Array<{
            type: string;
            payload: string;
            origin: string;
          }>
        ).map((row) => ({ ...row, payload: JSON.parse(row.payload) as Record<string, unknown> })),
      ),
    close() {
      service.close();
      assertOwnEventsParse(dir.dir);
      dir.remove();
    },
  };
  open.push(till);
  return till;
}

function sessionOf(till: EmptyTill, token: string): Session {
  const session = till.service.sessionFromToken(token);
  if (!session) throw new Error('the first run gave a session the till does not know');
  return session;
}

const manager = { name: 'Ingrid Leder', pin: PIN };

describe('setup.status', () => {
  it('asks for the first run on an empty till, offering the templates and their products', async () => {
    const till = emptyTill();
    const status = await till.call('setup.status', {});
    expect(status.needed).toBe(true);
    expect(status.paired).toBe(false);
    expect(status.templates.map((t) => [t.id, t.products])).toEqual([
      ['bakeri', programmeTemplate('bakeri')!.catalogue.length],
      ['dyrebutikk', programmeTemplate('dyrebutikk')!.catalogue.length],
      ['klesbutikk', programmeTemplate('klesbutikk')!.catalogue.length],
      ['blank', 0],
    ]);
    expect(status.templates[0]!.products).toBeGreaterThan(0);
    expect(status.templates[3]!.name).toMatchObject({ nb: 'Tom butikk', en: 'Blank store' });
  });

  it('is not needed on a till with staff who can log in (the demo)', async () => {
    const till = emptyTill('minimal');
    expect(await till.call('setup.status', {})).toMatchObject({ needed: false, paired: false });
  });
});

describe('setup.start from a template', () => {
  it('makes the store: the manager logged in, the programme named after the store, its products, the receipt header and the status bar', async () => {
    const till = emptyTill();
    const bakery = programmeTemplate('bakeri')!;
    const result = await till.call('setup.start', {
      manager,
      start: { kind: 'template', templateId: 'bakeri', storeName: 'Bakeriet på Hjørnet' },
    });
    if (!result.loggedIn) throw new Error('the first run did not log the manager in');
    expect(result).toMatchObject({ name: 'Ingrid Leder', role: 'manager' });
    const session = sessionOf(till, result.sessionToken);
    expect(session).toEqual({ role: 'manager', staffId: result.staffId });

    // In force: the template's programme under the store's name, and its products.
    const programme = await till.call('programme.get', {}, session);
    expect(programme).toEqual({ ...bakery.programme, name: 'Bakeriet på Hjørnet' });
    const products = await till.call('catalogue.get', {}, session);
    expect(products.map((p) => p.sku).sort()).toEqual(bakery.catalogue.map((p) => p.sku).sort());
    expect((await till.call('receiptHeader.get', {}, session)).storeName).toBe(
      'Bakeriet på Hjørnet',
    );
    expect((await till.call('status.get', {}, session)).storeName).toBe('Bakeriet på Hjørnet');

    // The manager is staff now: the first run is over, and their PIN logs in.
    expect(await till.call('setup.status', {})).toMatchObject({ needed: false });
    const login = await till.call('session.login', { pin: PIN });
    expect(login).toMatchObject({ staffId: result.staffId, role: 'manager' });
    expect(await till.call('staff.names', {})).toEqual([
      { staffId: result.staffId, name: 'Ingrid Leder' },
    ]);

    // A sale of one of the template's products goes through.
    const sale = await till.call(
      'sale.commit',
      {
        idempotencyKey: 'first-sale-1',
        lines: [{ sku: bakery.catalogue[0]!.sku, quantity: 1 }],
        paymentMethod: 'card',
      } as CommandInput<'sale.commit'>,
      session,
    );
    expect(sale.evaluation.totalOre).toBe(bakery.catalogue[0]!.priceOre);
    expect(sale.staffId).toBe(result.staffId);

    // Events: the manager (a hash, never the PIN), the programme and the catalogue, by the manager.
    const events = till.events();
    const types = events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['staff.saved', 'programme.saved', 'catalogue.saved']),
    );
    const staffSaved = events.find((e) => e.type === 'staff.saved')!;
    expect(staffSaved.payload).toMatchObject({
      employeeId: result.staffId,
      name: 'Ingrid Leder',
      role: 'manager',
      active: true,
      staffId: null,
    });
    expect(String(staffSaved.payload.pinHash)).not.toContain(PIN);
    expect(events.find((e) => e.type === 'programme.saved')!.payload.staffId).toBe(result.staffId);
  });

  it('a blank store: no products, a plain programme under the store name', async () => {
    const till = emptyTill();
    const result = await till.call('setup.start', {
      manager,
      start: { kind: 'template', templateId: 'blank', storeName: 'Sykkelverkstedet' },
    });
    if (!result.loggedIn) throw new Error('not logged in');
    const session = sessionOf(till, result.sessionToken);
    expect(await till.call('catalogue.get', {}, session)).toEqual([]);
    const programme = await till.call('programme.get', {}, session);
    expect(programme.name).toBe('Sykkelverkstedet');
    expect(programme.points?.earn).toEqual({
      mode: 'per_amount',
      orePerStep: 1000,
      pointsPerStep: 1,
    });
    expect(programme.tiers).toBeNull();
    expect(programme.punchCards).toEqual([]);
    // The catalogue editor's products take Norway's VAT rates: one is accepted at once.
    const saved = await till.call(
      'catalogue.save',
      {
        products: [
          {
            sku: 'service',
            barcodes: [],
            name: 'Service',
            category: 'Verksted',
            priceOre: 49_900,
            vatRate: 25,
            quickKey: true,
          },
        ],
      } as CommandInput<'catalogue.save'>,
      session,
    );
    expect(saved).toHaveLength(1);
  });

  it('is refused once the till is set up, and on a till with staff, writing nothing', async () => {
    const till = emptyTill();
    await till.call('setup.start', {
      manager,
      start: { kind: 'template', templateId: 'dyrebutikk', storeName: 'Dyrebutikken' },
    });
    const before = till.events().length;
    const again = await failure(
      till.call('setup.start', {
        manager: { name: 'Noen Andre', pin: '1234' },
        start: { kind: 'template', templateId: 'blank', storeName: 'Overtatt' },
      }),
    );
    expect(again).toMatchObject({ code: 'already_set_up', status: 409 });
    expect(again.text.nb).toMatch(/allerede satt opp/);
    expect(till.events()).toHaveLength(before);
    expect(await failure(till.call('session.login', { pin: '1234' }))).toMatchObject({
      code: 'wrong_pin',
    });

    const demo = emptyTill('minimal');
    const demoBefore = demo.events().length;
    expect(
      await failure(
        demo.call('setup.start', {
          manager,
          start: { kind: 'template', templateId: 'bakeri', storeName: 'X' },
        }),
      ),
    ).toMatchObject({ code: 'already_set_up', status: 409 });
    expect(demo.events()).toHaveLength(demoBefore);
  });

  it('names the field at fault: the store name, the PIN', async () => {
    const till = emptyTill();
    const noStore = await failure(
      till.call('setup.start', {
        manager,
        start: { kind: 'template', templateId: 'bakeri', storeName: '  ' },
      }),
    );
    expect(noStore).toMatchObject({ code: 'invalid_input', field: 'start.storeName', status: 400 });
    const shortPin = await failure(
      till.call('setup.start', {
        manager: { name: 'Ingrid', pin: '12' },
        start: { kind: 'template', templateId: 'bakeri', storeName: 'Bakeriet' },
      }),
    );
    expect(shortPin).toMatchObject({ code: 'invalid_input', field: 'manager.pin' });
    expect(till.events()).toEqual([]);
  });

  it('the paired path is refused on a till not paired', async () => {
    const till = emptyTill();
    expect(
      await failure(till.call('setup.start', { manager, start: { kind: 'paired' } })),
    ).toMatchObject({ code: 'not_paired', status: 409 });
    expect(till.events()).toEqual([]);
  });
});

describeOnEachDatabase('setup.start with the chain', (cloud: () => TestCloud) => {
  async function chainWithProgramme(name?: string) {
    const store = await cloud().newStore(name);
    const admin = await cloud().server.admin.addAdminToken(store.chain);
    const saved = await request(cloud().url, 'PUT', ROUTES.programme, {
      token: admin,
      body: {
        programme: { ...programmeTemplate('klesbutikk')!.programme, name: 'Klær Nord' },
        staffId: null,
      },
    });
    expect(saved.status).toBe(200);
    return store;
  }

  it('a wrong store code is refused at its field and writes nothing; the till can try again', async () => {
    const till = emptyTill();
    const wrong = await failure(
      till.call('setup.start', {
        manager,
        start: { kind: 'pair', cloudUrl: cloud().url, storeCode: 'ZZZZ-ZZZZ' },
      }),
    );
    expect(wrong).toMatchObject({ code: 'store_code_not_found', field: 'storeCode', status: 404 });
    expect(till.events()).toEqual([]);
    expect(await till.call('setup.status', {})).toMatchObject({ needed: true, paired: false });

    const unreachable = await failure(
      till.call('setup.start', {
        manager,
        start: { kind: 'pair', cloudUrl: 'http://127.0.0.1:9', storeCode: 'ZZZZ-ZZZZ' },
      }),
    );
    expect(unreachable).toMatchObject({ code: 'cloud_unavailable', field: 'cloudUrl' });
    expect(till.events()).toEqual([]);
    expect(await till.call('setup.status', {})).toMatchObject({ needed: true, paired: false });
  });

  it("a chain without staff: the manager becomes the chain's first, the chain's programme is in force, the cloud takes the manager", async () => {
    const store = await chainWithProgramme();
    const till = emptyTill();
    const result = await till.call('setup.start', {
      manager,
      start: { kind: 'pair', cloudUrl: cloud().url, storeCode: store.storeCode },
    });
    if (!result.loggedIn) throw new Error('not logged in');
    const session = sessionOf(till, result.sessionToken);
    expect((await till.call('programme.get', {}, session)).name).toBe('Klær Nord');
    expect(await till.call('setup.status', {})).toMatchObject({ needed: false, paired: true });

    // The manager's event reaches the chain, and the cloud keeps it (it refuses none).
    const report = await till.service.sync.syncNow();
    expect(report).toMatchObject({ ok: true, rejected: 0 });
    const reader = await cloud().pair(store.storeCode, 'Leser');
    const pulled = await reader.pull();
    const staffEvents = pulled.events.filter((e) => e.type === 'staff.saved');
    expect(staffEvents).toHaveLength(1);
    expect(staffEvents[0]).toMatchObject({
      chainId: store.chainId,
      payload: { employeeId: result.staffId, role: 'manager', staffId: null },
    });
    expect(JSON.stringify(pulled.events)).not.toContain(`"${PIN}"`);
  });

  it("a chain with staff: no new manager; the chain's manager logs in here with their PIN", async () => {
    const store = await chainWithProgramme();
    const first = emptyTill();
    const made = await first.call('setup.start', {
      manager,
      start: { kind: 'pair', cloudUrl: cloud().url, storeCode: store.storeCode },
    });
    expect(made.loggedIn).toBe(true);
    expect((await first.service.sync.syncNow()).ok).toBe(true);

    const second = emptyTill();
    const joined = await second.call('setup.start', {
      manager: { name: 'Per Ny', pin: '2468' },
      start: { kind: 'pair', cloudUrl: cloud().url, storeCode: store.storeCode },
    });
    expect(joined).toEqual({ loggedIn: false, chainName: store.chain, staff: 1 });
    expect(second.events().filter((e) => e.origin === 'local' && e.type === 'staff.saved')).toEqual(
      [],
    );
    expect(await failure(second.call('session.login', { pin: '2468' }))).toMatchObject({
      code: 'wrong_pin',
    });
    expect(await second.call('session.login', { pin: PIN })).toMatchObject({
      name: 'Ingrid Leder',
      role: 'manager',
    });
    expect(await second.call('setup.status', {})).toMatchObject({ needed: false, paired: true });
  });

  it('a till paired already without staff: the manager only', async () => {
    const store = await chainWithProgramme();
    const till = emptyTill();
    await till.service.sync.pair(cloud().url, store.storeCode, 'Kasse 1');
    expect(await till.call('setup.status', {})).toMatchObject({ needed: true, paired: true });
    const result = await till.call('setup.start', { manager, start: { kind: 'paired' } });
    expect(result).toMatchObject({ loggedIn: true, name: 'Ingrid Leder', role: 'manager' });
    expect(await till.call('setup.status', {})).toMatchObject({ needed: false, paired: true });
  });
});
