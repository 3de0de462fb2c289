/**
 * Staff as events at one till (a file database through the service): staff.save's
 * rules, the `staff.saved` and `staff.logged_in` events it writes (a PIN's hash,
 * never the PIN), log-in only for active staff, the demo staff kept local, and a
 * till from before staff were events writing its staff rows as events once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../store/db';
import { hashPin, verifyPin } from '../store/secrets';
import { tempDir } from '../store/testing/temp-db';
import type { Session } from './commands';
import { failure, openTestTill, SYSTEM_SESSION } from './testing';
import type { TestTill } from './testing';
import { databasePath, openTillService } from './till-service';

type StaffEventRow = { type: string; payload: string; terminal_id: string };

function staffEvents(till: TestTill): Array<{ type: string; payload: Record<string, unknown> }> {
  const db = new Database(databasePath(till.dir.dir), { readonly: true });
  try {
    const rows = db
      .prepare(
        "SELECT type, payload, terminal_id FROM events WHERE type LIKE 'staff.%' ORDER BY hlc",
      )
      .all() as StaffEventRow[];
    return rows.map((r) => ({
      type: r.type,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
    }));
  } finally {
    db.close();
  }
}

async function sessionOf(till: TestTill, pin: string): Promise<Session> {
  const login = await till.call('session.login', { pin });
  return till.service.sessionFromToken(login.sessionToken)!;
}

describe('staff as events', () => {
  let till: TestTill;
  beforeEach(async () => {
    till = await openTestTill();
  });
  afterEach(() => till.close());

  it('adds a staff member as a staff.saved event with the PIN hashed, never in clear', async () => {
    const per = await till.call(
      'staff.save',
      { name: 'Per', role: 'cashier', pin: '58203947' },
      till.manager,
    );
    expect(per).toMatchObject({ name: 'Per', role: 'cashier', active: true, chainWide: true });
    expect(per.lastLoginAt).toBeNull();
    const [saved] = staffEvents(till);
    expect(saved!.type).toBe('staff.saved');
    expect(saved!.payload).toMatchObject({
      employeeId: per.staffId,
      name: 'Per',
      role: 'cashier',
      active: true,
      staffId: 'demo-morten',
      at: till.clock.now,
    });
    expect(verifyPin('58203947', saved!.payload.pinHash as string)).toBe(true);
    // A name change keeps the PIN: the event says so with null.
    await till.call(
      'staff.save',
      { staffId: per.staffId, name: 'Per Hansen', role: 'cashier' },
      till.manager,
    );
    expect(staffEvents(till)[1]!.payload).toMatchObject({ name: 'Per Hansen', pinHash: null });
    expect((await till.call('session.login', { pin: '58203947' })).name).toBe('Per Hansen');
    // Nowhere in the till's files (database, WAL) in clear.
    till.service.close();
    for (const file of readdirSync(till.dir.dir)) {
      const bytes = readFileSync(join(till.dir.dir, file));
      expect(bytes.includes(Buffer.from('58203947')), file).toBe(false);
    }
    till.service = openTillService({ dataDir: till.dir.dir, clock: () => till.clock.now });
  });

  it('lists staff with their state and last log-in; the demo staff as this till only', async () => {
    till.clock.now += 60_000;
    const lise = await till.call(
      'staff.save',
      { name: 'Lise', role: 'manager', pin: '4321' },
      till.manager,
    );
    till.clock.now += 60_000;
    await sessionOf(till, '4321');
    await sessionOf(till, '1111');
    const list = await till.call('staff.list', {}, till.manager);
    expect(list.map((s) => [s.name, s.chainWide])).toEqual([
      ['Kari (kasse)', false],
      ['Lise', true],
      ['Morten (leder)', false],
    ]);
    const db = new Database(databasePath(till.dir.dir), { readonly: true });
    const terminalId = db
      .prepare("SELECT value FROM settings WHERE key = 'terminal.terminal_id'")
      .pluck()
      .get() as string;
    db.close();
    expect(terminalId).toBeTruthy();
    expect(list.find((s) => s.staffId === lise.staffId)).toMatchObject({
      active: true,
      lastLoginAt: till.clock.now,
      lastLoginTerminalId: terminalId,
      createdAt: till.clock.now - 60_000,
    });
    expect(list.find((s) => s.staffId === 'demo-kari')).toMatchObject({
      lastLoginAt: till.clock.now,
      lastLoginTerminalId: terminalId,
    });
    // Lise's log-in is an event (it reaches the chain); Kari's is not.
    expect(staffEvents(till).filter((e) => e.type === 'staff.logged_in')).toEqual([
      { type: 'staff.logged_in', payload: { staffId: lise.staffId, at: till.clock.now } },
    ]);
  });

  it('lets a disabled staff member in nowhere until enabled again', async () => {
    const per = await till.call(
      'staff.save',
      { name: 'Per', role: 'cashier', pin: '4444' },
      till.manager,
    );
    await till.call(
      'staff.save',
      { staffId: per.staffId, name: 'Per', role: 'cashier', active: false },
      till.manager,
    );
    expect(await failure(till.call('session.login', { pin: '4444' }))).toMatchObject({
      code: 'wrong_pin',
      status: 401,
    });
    expect(
      await failure(till.call('session.login', { pin: '4444', staffId: per.staffId })),
    ).toMatchObject({ code: 'unknown_staff', status: 404 });
    const names = await till.call('staff.names', {});
    expect(names.map((n) => n.name)).not.toContain('Per');
    expect(
      (await till.call('staff.list', {}, till.manager)).find((s) => s.name === 'Per'),
    ).toMatchObject({
      active: false,
    });
    // Their PIN is free for someone else while they are disabled.
    const pal = await till.call(
      'staff.save',
      { name: 'Pål', role: 'cashier', pin: '4444' },
      till.manager,
    );
    expect((await till.call('session.login', { pin: '4444' })).staffId).toBe(pal.staffId);
    // Enabled again with a new PIN, Per logs in.
    await till.call(
      'staff.save',
      { staffId: per.staffId, name: 'Per', role: 'cashier', pin: '5555', active: true },
      till.manager,
    );
    expect((await till.call('session.login', { pin: '5555' })).staffId).toBe(per.staffId);
  });

  it('ends the sessions of a staff member disabled or demoted here', async () => {
    await till.call('staff.save', { name: 'Lise', role: 'manager', pin: '4321' }, till.manager);
    const liseLogin = await till.call('session.login', { pin: '4321' });
    const lise = till.service.sessionFromToken(liseLogin.sessionToken)!;
    expect((await till.call('staff.list', {}, lise)).length).toBe(3);
    // Demoted by Morten: her manager session ends at once.
    await till.call(
      'staff.save',
      { staffId: liseLogin.staffId, name: 'Lise', role: 'cashier' },
      till.manager,
    );
    expect(till.service.sessionFromToken(liseLogin.sessionToken)).toBeNull();
    // A name change leaves a session be; disabling ends it.
    const again = await till.call('session.login', { pin: '4321' });
    await till.call(
      'staff.save',
      { staffId: again.staffId, name: 'Lise B', role: 'cashier' },
      till.manager,
    );
    expect(till.service.sessionFromToken(again.sessionToken)).not.toBeNull();
    await till.call(
      'staff.save',
      { staffId: again.staffId, name: 'Lise B', role: 'cashier', active: false },
      till.manager,
    );
    expect(till.service.sessionFromToken(again.sessionToken)).toBeNull();
    // Morten's own session is untouched.
    expect((await till.call('staff.list', {}, till.manager)).length).toBe(3);
  });

  it('refuses a new member without a PIN, a PIN another uses, and an unknown id', async () => {
    expect(
      await failure(till.call('staff.save', { name: 'Per', role: 'cashier' }, till.manager)),
    ).toMatchObject({ code: 'pin_required', field: 'pin', status: 400 });
    const taken = await failure(
      till.call('staff.save', { name: 'Per', role: 'cashier', pin: '9999' }, till.manager),
    );
    expect(taken).toMatchObject({ code: 'pin_taken', field: 'pin', status: 409 });
    // Never says whose.
    expect(JSON.stringify(taken)).not.toContain('Morten');
    expect(
      await failure(
        till.call('staff.save', { staffId: 'nobody', name: 'X', role: 'cashier' }, till.manager),
      ),
    ).toMatchObject({ code: 'unknown_staff', field: 'staffId', status: 404 });
    expect(staffEvents(till)).toEqual([]);
  });

  it('refuses a name another active staff member has: the log-in picks people by name', async () => {
    const morten = (await till.call('staff.list', {}, till.manager)).find(
      (s) => s.role === 'manager',
    )!;
    const twin = await failure(
      till.call(
        'staff.save',
        { name: ` ${morten.name.toUpperCase()} `, role: 'cashier', pin: '4321' },
        till.manager,
      ),
    );
    expect(twin).toMatchObject({ code: 'name_taken', field: 'name', status: 409 });
    expect(twin.text.nb).toContain('heter det samme');
    // Saving someone under their own name is no clash; a name freed by a disabled colleague may be taken.
    await till.call(
      'staff.save',
      { staffId: morten.staffId, name: morten.name, role: 'manager' },
      till.manager,
    );
    const per = await till.call(
      'staff.save',
      { name: 'Per', role: 'cashier', pin: '4321' },
      till.manager,
    );
    await till.call(
      'staff.save',
      { staffId: per.staffId, name: 'Per', role: 'cashier', active: false },
      till.manager,
    );
    expect(
      (await till.call('staff.save', { name: 'Per', role: 'cashier', pin: '4322' }, till.manager))
        .name,
    ).toBe('Per');
  });

  it('keeps a manager from disabling or demoting themselves, and the till from losing its last manager', async () => {
    const own = await failure(
      till.call(
        'staff.save',
        { staffId: 'demo-morten', name: 'Morten', role: 'cashier' },
        till.manager,
      ),
    );
    expect(own).toMatchObject({ code: 'own_account', field: 'role', status: 409 });
    expect(
      await failure(
        till.call(
          'staff.save',
          { staffId: 'demo-morten', name: 'Morten', role: 'manager', active: false },
          till.manager,
        ),
      ),
    ).toMatchObject({ code: 'own_account', field: 'active', status: 409 });
    // Someone else (the system) disabling the only manager.
    expect(
      await failure(
        till.call(
          'staff.save',
          { staffId: 'demo-morten', name: 'Morten', role: 'manager', active: false },
          SYSTEM_SESSION,
        ),
      ),
    ).toMatchObject({ code: 'last_manager', status: 409 });
    // With a second manager, Lise may disable Morten; a demo row changes, no event.
    await till.call('staff.save', { name: 'Lise', role: 'manager', pin: '4321' }, till.manager);
    const lise = await sessionOf(till, '4321');
    const morten = await till.call(
      'staff.save',
      { staffId: 'demo-morten', name: 'Morten (leder)', role: 'manager', active: false },
      lise,
    );
    expect(morten).toMatchObject({ active: false, chainWide: false });
    expect(staffEvents(till).filter((e) => e.type === 'staff.saved')).toHaveLength(1);
    expect(await failure(till.call('session.login', { pin: '9999' }))).toMatchObject({
      code: 'wrong_pin',
    });
  });
});

describe('a till from before staff were events', () => {
  it('writes its staff rows as staff.saved events once, managers first, keeping their PINs', async () => {
    const dir = tempDir('lojal-staff-legacy-');
    try {
      // A till at schema 6 with its own staff (and the demo's Kari).
      const old = new Database(databasePath(dir.dir));
      migrate(old, 6);
      const insert = old.prepare(
        'INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      );
      insert.run('s-kasse', 'Ola', 'cashier', hashPin('1357'), 1);
      insert.run('s-leder', 'Anne', 'manager', hashPin('2468'), 2);
      insert.run('s-leder2', 'Bo', 'manager', hashPin('3579'), 3);
      insert.run('demo-kari', 'Kari (kasse)', 'cashier', hashPin('1111'), 4);
      old.close();
      const clock = () => Date.UTC(2026, 2, 2, 9, 0, 0);
      let service = openTillService({ dataDir: dir.dir, clock, demo: false });
      const read = () => {
        const db = new Database(databasePath(dir.dir), { readonly: true });
        try {
          return (
            db
              .prepare("SELECT payload FROM events WHERE type = 'staff.saved' ORDER BY hlc")
              .pluck()
              .all() as string[]
          ).map((p) => JSON.parse(p) as Record<string, unknown>);
        } finally {
          db.close();
        }
      };
      const saves = read();
      expect(saves.map((p) => [p.employeeId, p.role, p.staffId])).toEqual([
        ['s-leder', 'manager', null],
        ['s-leder2', 'manager', 's-leder'],
        ['s-kasse', 'cashier', 's-leder'],
      ]);
      const login = await service.call('session.login', { pin: '1357' }, SYSTEM_SESSION);
      expect(login.name).toBe('Ola');
      const list = await service.call('staff.list', {}, SYSTEM_SESSION);
      expect(list.map((s) => [s.staffId, s.chainWide])).toEqual([
        ['s-leder', true],
        ['s-leder2', true],
        ['demo-kari', false],
        ['s-kasse', true],
      ]);
      // Once: a restart writes nothing more.
      service.close();
      service = openTillService({ dataDir: dir.dir, clock, demo: false });
      expect(read()).toHaveLength(3);
      service.close();
    } finally {
      dir.remove();
    }
  });
});
