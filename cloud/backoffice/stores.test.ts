/**
 * Stores and staff from the back office against a real cloud (PGlite and
 * PostgreSQL): a store an owner adds has a code a real till pairs with; a
 * staff member saved in the back office is one `staff.saved` by the account
 * (the PIN's hash only) that a real till service pulls, after which the new
 * PIN logs in there; the till's rules (a PIN unique among the active staff, an
 * active manager kept); a store manager only for their stores.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LojalEvent } from '../../src/core/events';
import { verifyPassword } from '../accounts/passwords';
import { openSyncTill } from '../../test/sync/support/till';
import type { SyncTill } from '../../test/sync/support/till';
import type { Till } from '../test/cloud';
import { describeBackoffice, errorOf, staffSaved } from '../test/backoffice';
import type { BoAnswer, BoBrowser } from '../test/backoffice';

/** A refusal with its status. */
const refused = (answer: BoAnswer) => ({ status: answer.status, ...errorOf(answer) });

describeBackoffice('stores and staff in the back office', (cloud) => {
  let owner: BoBrowser;
  let ownerId: string;
  let sentrumId: string;
  let torgetId: string;
  let sentrum: Till;
  const tills: SyncTill[] = [];

  beforeAll(async () => {
    const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    owner = made.owner;
    ownerId = (await owner.ok('session.get')).account.accountId;
    sentrumId = made.stores[0]!.storeId;
    torgetId = made.stores[1]!.storeId;
    sentrum = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
    // The chain's first manager, saved at a till.
    const pushed = await sentrum.push([
      staffSaved(sentrum, 'staff-siri', { name: 'Siri Sjef', role: 'manager' }),
    ]);
    expect(pushed.rejected).toEqual([]);
  });

  afterAll(() => {
    for (const till of tills.splice(0)) till.close();
  });

  async function tillAt(storeCode: string, name: string): Promise<SyncTill> {
    const till = await openSyncTill({ name, world: { now: Date.now() } });
    tills.push(till);
    await till.pair(cloud().url, storeCode);
    await till.sync();
    return till;
  }

  it('adds a store whose code a till pairs with, and renames it; a name twice is refused beside the field', async () => {
    const added = await owner.ok('stores.add', { name: '  Bryggen  ' });
    expect(added).toMatchObject({ name: 'Bryggen', terminals: [] });
    expect(added.storeCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const listed = await owner.ok('stores.list');
    expect(listed.map((s) => s.name)).toContain('Bryggen');

    const till = await tillAt(added.storeCode, 'bryggen');
    const after = (await owner.ok('stores.list')).find((s) => s.storeId === added.storeId)!;
    expect(after.terminals.map((t) => t.name)).toEqual(['Kasse bryggen']);

    const twice = refused(await owner.call('stores.add', { name: 'Sentrum' }));
    expect(twice).toMatchObject({ status: 400, code: 'invalid_request', field: 'name' });
    expect(twice.text.nb).toBe('Kjeden har allerede en butikk med dette navnet.');
    const empty = refused(await owner.call('stores.add', { name: ' ' }));
    expect(empty).toMatchObject({ status: 400, field: 'name' });

    const renamed = await owner.ok('stores.rename', {
      storeId: added.storeId,
      name: 'Bryggen Øst',
    });
    expect(renamed).toMatchObject({ name: 'Bryggen Øst', storeCode: added.storeCode });
    expect(
      refused(await owner.call('stores.rename', { storeId: added.storeId, name: 'Torget' })),
    ).toMatchObject({ status: 400, field: 'name' });
    expect(till.service).toBeDefined();
  });

  it('saves a cashier as a staff.saved by the account that a till pulls; the PIN then logs in there', async () => {
    const till = await tillAt(
      (await owner.ok('stores.list')).find((s) => s.storeId === sentrumId)!.storeCode,
      'sentrum',
    );
    const saved = await owner.ok('staff.save', {
      storeId: sentrumId,
      name: 'Nina Ny',
      role: 'cashier',
      pin: '482193',
      pinAgain: '482193',
    });
    expect(saved).toMatchObject({
      name: 'Nina Ny',
      role: 'cashier',
      active: true,
      addedAtStoreId: sentrumId,
    });
    expect((await owner.ok('staff.list')).map((s) => s.name)).toContain('Nina Ny');

    // The event as the tills get it: the author is the account, the PIN only hashed, at the till's cost.
    const events = (await sentrum.pullAll()) as LojalEvent[];
    const save = events.find(
      (e) => e.type === 'staff.saved' && e.payload.employeeId === saved.staffId,
    ) as Extract<LojalEvent, { type: 'staff.saved' }>;
    expect(save.terminalId).toBe('cloud');
    expect(save.payload.staffId).toBe(ownerId);
    expect(JSON.stringify(save)).not.toContain('482193');
    expect(save.payload.pinHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    // (The till's own check of it is the log-in below.)
    expect(await verifyPassword('482193', save.payload.pinHash!)).toBe(true);
    const newestBefore = events
      .filter((e) => e.id !== save.id)
      .map((e) => e.hlc)
      .sort()
      .at(-1)!;
    expect(save.hlc > newestBefore).toBe(true);

    await till.sync();
    const login = await till.service.call(
      'session.login',
      { pin: '482193' },
      { role: 'cashier', staffId: null },
    );
    expect(login).toMatchObject({ staffId: saved.staffId, name: 'Nina Ny', role: 'cashier' });

    // A new PIN, then disabled: the till follows each.
    await owner.ok('staff.save', {
      staffId: saved.staffId,
      name: 'Nina Nyberg',
      role: 'cashier',
      pin: '551177',
      pinAgain: '551177',
    });
    await till.sync();
    await expect(
      till.service.call('session.login', { pin: '482193' }, { role: 'cashier', staffId: null }),
    ).rejects.toThrow();
    const again = await till.service.call(
      'session.login',
      { pin: '551177' },
      { role: 'cashier', staffId: null },
    );
    expect(again).toMatchObject({ name: 'Nina Nyberg' });
    const disabled = await owner.ok('staff.save', {
      staffId: saved.staffId,
      name: 'Nina Nyberg',
      role: 'cashier',
      active: false,
    });
    expect(disabled.active).toBe(false);
    await till.sync();
    await expect(
      till.service.call('session.login', { pin: '551177' }, { role: 'cashier', staffId: null }),
    ).rejects.toThrow();
  });

  it('a manager saved in the back office logs in at a till and adds staff there, which the cloud takes from the till', async () => {
    const storeCode = (await owner.ok('stores.list')).find(
      (s) => s.storeId === sentrumId,
    )!.storeCode;
    const till = await tillAt(storeCode, 'sjef');
    const mona = await owner.ok('staff.save', {
      storeId: sentrumId,
      name: 'Mona Sjef',
      role: 'manager',
      pin: '606060',
      pinAgain: '606060',
    });
    await till.sync();
    const login = await till.service.call(
      'session.login',
      { pin: '606060' },
      { role: 'cashier', staffId: null },
    );
    expect(login).toMatchObject({ staffId: mona.staffId, role: 'manager' });
    const session = till.service.sessionFromToken(login.sessionToken)!;
    await till.service.call(
      'staff.save',
      { name: 'Per Kasse', role: 'cashier', pin: '717171' },
      session,
    );
    await till.sync();
    // The cloud's trust rule took Mona (an active manager of the chain) as the author.
    const listed = await owner.ok('staff.list');
    expect(listed.find((s) => s.name === 'Per Kasse')).toMatchObject({
      role: 'cashier',
      active: true,
      addedAtStoreId: sentrumId,
    });
    // A PIN a till saved is as unique to the back office.
    const taken = refused(
      await owner.call('staff.save', {
        storeId: torgetId,
        name: 'Ola',
        role: 'cashier',
        pin: '717171',
        pinAgain: '717171',
      }),
    );
    expect(taken).toMatchObject({ status: 400, field: 'pin' });
    // So is a name (the till's log-in picks people by name), case and spaces aside.
    const twin = refused(
      await owner.call('staff.save', {
        storeId: torgetId,
        name: ' per kasse ',
        role: 'cashier',
        pin: '818181',
        pinAgain: '818181',
      }),
    );
    expect(twin).toMatchObject({ status: 400, field: 'name' });
  });

  it('keeps the till’s rules: PINs typed twice alike, unique among active staff, an active manager kept', async () => {
    const differ = refused(
      await owner.call('staff.save', {
        storeId: sentrumId,
        name: 'Ola',
        role: 'cashier',
        pin: '1234',
        pinAgain: '1235',
      }),
    );
    expect(differ).toMatchObject({ status: 400, field: 'pinAgain' });
    const noPin = refused(
      await owner.call('staff.save', { storeId: sentrumId, name: 'Ola', role: 'cashier' }),
    );
    expect(noPin).toMatchObject({ status: 400, field: 'pin' });

    const first = await owner.ok('staff.save', {
      storeId: torgetId,
      name: 'Trine Torget',
      role: 'manager',
      pin: '700700',
      pinAgain: '700700',
    });
    const taken = refused(
      await owner.call('staff.save', {
        storeId: sentrumId,
        name: 'Ola',
        role: 'cashier',
        pin: '700700',
        pinAgain: '700700',
      }),
    );
    expect(taken).toMatchObject({ status: 400, field: 'pin' });
    expect(taken.text.nb).toBe('Velg en annen PIN-kode.');
    expect(JSON.stringify(taken)).not.toContain('Trine');

    // Siri (from the till) and the others are managers: the others may go, then Siri may not.
    await owner.ok('staff.save', {
      staffId: first.staffId,
      name: 'Trine Torget',
      role: 'cashier',
    });
    const others = (await owner.ok('staff.list')).filter(
      (s) => s.active && s.role === 'manager' && s.staffId !== 'staff-siri',
    );
    for (const other of others) await owner.ok('staff.save', { ...other, active: false });
    expect(
      (await owner.ok('staff.list')).filter((s) => s.active && s.role === 'manager'),
    ).toMatchObject([{ staffId: 'staff-siri' }]);
    const last = refused(
      await owner.call('staff.save', {
        staffId: 'staff-siri',
        name: 'Siri Sjef',
        role: 'manager',
        active: false,
      }),
    );
    expect(last).toMatchObject({ status: 400, field: 'active' });
    expect(last.text.nb).toBe(
      'Kjeden må ha minst én aktiv leder på kassene. Gjør en annen til leder først.',
    );
    // A disabled staff member's PIN is free again (as at the till).
    await owner.ok('staff.save', {
      staffId: first.staffId,
      name: 'Trine Torget',
      role: 'cashier',
      active: false,
    });
    await owner.ok('staff.save', {
      storeId: sentrumId,
      name: 'Ola Olsen',
      role: 'cashier',
      pin: '700700',
      pinAgain: '700700',
    });
  });

  it('lets a store manager save staff of their stores only, and never add a store', async () => {
    const manager = await cloud().storeManager(owner, [torgetId], 'Tor Sjef');
    const torgetStaff = await manager.browser.ok('staff.save', {
      storeId: torgetId,
      name: 'Kasper Kasse',
      role: 'cashier',
      pin: '135790',
      pinAgain: '135790',
    });
    expect(torgetStaff.addedAtStoreId).toBe(torgetId);
    const elsewhere = refused(
      await manager.browser.call('staff.save', {
        storeId: sentrumId,
        name: 'Snik',
        role: 'cashier',
        pin: '246802',
        pinAgain: '246802',
      }),
    );
    expect(elsewhere).toMatchObject({ status: 404, code: 'not_found' });
    // Siri was added at Sentrum and never seen at Torget: not theirs to change.
    const siri = refused(
      await manager.browser.call('staff.save', {
        staffId: 'staff-siri',
        name: 'Siri Sjef',
        role: 'cashier',
      }),
    );
    expect(siri).toMatchObject({ status: 404, code: 'not_found' });
    expect(JSON.stringify(siri)).not.toContain('Siri');
    expect(refused(await manager.browser.call('stores.add', { name: 'Ny' }))).toMatchObject({
      status: 403,
    });
    expect(
      refused(await manager.browser.call('stores.rename', { storeId: torgetId, name: 'Ny' })),
    ).toMatchObject({ status: 403 });
    const names = (await owner.ok('staff.list')).map((s) => s.name);
    expect(names).toContain('Kasper Kasse');
    expect(names).not.toContain('Snik');
  });
});
