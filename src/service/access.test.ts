import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName, Session } from './commands';
import { CommandRoles } from './commands';
import { failure, openTestTill, SYSTEM_SESSION } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

describe('sessions', () => {
  it('logs in with a PIN and answers who it is, with a token that stands for the session', async () => {
    const login = await till.call(
      'session.login',
      { pin: '9999' },
      { role: 'cashier', staffId: null },
    );
    expect(login).toMatchObject({
      name: 'Morten (leder)',
      role: 'manager',
      staffId: 'demo-morten',
    });
    expect(login.sessionToken.length).toBeGreaterThanOrEqual(40);
    expect(till.service.sessionFromToken(login.sessionToken)).toEqual({
      role: 'manager',
      staffId: 'demo-morten',
    });
    expect(till.service.sessionFromToken('made-up-token')).toBeNull();
  });

  it('refuses a wrong PIN with 401', async () => {
    const error = await failure(till.call('session.login', { pin: '1234' }));
    expect(error).toMatchObject({ code: 'wrong_pin', field: 'pin', status: 401 });
  });

  it('locks log-in after five wrong PINs in a row, longer each time; the lock passes with time', async () => {
    for (let i = 0; i < 5; i++) {
      expect(await failure(till.call('session.login', { pin: '1234' }))).toMatchObject({
        code: 'wrong_pin',
      });
    }
    // Even the right PIN is refused while locked, so guessing cannot go on.
    const locked = await failure(till.call('session.login', { pin: '9999' }));
    expect(locked).toMatchObject({ code: 'login_locked', field: 'pin', status: 429 });
    expect(locked.message).toMatch(/30 s/);
    till.clock.now += 30_000;
    expect(await failure(till.call('session.login', { pin: '1234' }))).toMatchObject({
      code: 'wrong_pin',
    });
    expect((await failure(till.call('session.login', { pin: '9999' }))).message).toMatch(/60 s/);
    till.clock.now += 60_000;
    await till.call('session.login', { pin: '9999' });
    // A right PIN does not clear the count: the next wrong one locks again at once.
    expect(await failure(till.call('session.login', { pin: '1234' }))).toMatchObject({
      code: 'wrong_pin',
    });
    expect((await failure(till.call('session.login', { pin: '9999' }))).message).toMatch(/120 s/);
    // An hour without a wrong PIN (after the lock) forgets them.
    till.clock.now += 120_000 + 60 * 60_000 + 1;
    for (let i = 0; i < 4; i++) await failure(till.call('session.login', { pin: '1234' }));
    await till.call('session.login', { pin: '9999' });
  });

  it('ends exactly the session that logs out', async () => {
    const a = await till.call('session.login', { pin: '1111' });
    const b = await till.call('session.login', { pin: '1111' });
    const sessionA = till.service.sessionFromToken(a.sessionToken)!;
    await till.call('session.logout', {}, sessionA);
    expect(till.service.sessionFromToken(a.sessionToken)).toBeNull();
    expect(till.service.sessionFromToken(b.sessionToken)).not.toBeNull();
  });

  it('ends a session left idle for more than twelve hours', async () => {
    const login = await till.call('session.login', { pin: '1111' });
    till.clock.now += 13 * 60 * 60 * 1000;
    expect(till.service.sessionFromToken(login.sessionToken)).toBeNull();
  });
});

describe('roles', () => {
  const managerOnly: Array<[CommandName, CommandInput<CommandName>]> = [
    ['staff.list', {}],
    ['staff.save', { name: 'Per', role: 'cashier', pin: '4444' }],
    ['member.search', { name: 'kari' }],
    ['member.update', { memberId: 'x', profile: {} }],
    ['member.awardAction', { memberId: 'x', actionId: 'y' }],
    ['member.export', { memberId: 'x' }],
    ['member.erase', { memberId: 'x', confirm: true }],
    ['sale.void', { saleId: 'x', reason: 'r' }],
    ['sale.return', { saleId: 'x', lines: [{ lineId: 'l', quantity: 1 }] }],
    ['programme.save', { programme: { name: 'x', termsVersion: '1' } }],
    ['programme.templates', {}],
    ['catalogue.save', { products: [] }],
    ['devices.save', { printer: null }],
    ['devices.listPorts', {}],
    ['receiptHeader.save', { orgNumber: '' }],
    ['checkoutSettings.save', { autoRewards: true }],
    ['sync.pair', { cloudUrl: 'https://sky.example.no', storeCode: '7K4M-Q2XP' }],
    ['sync.unpair', { force: true }],
    ['sync.conflicts', {}],
    ['report.today', {}],
    ['report.printToday', {}],
  ];

  it('lists every manager-only command of the contract here', () => {
    const contract = Object.entries(CommandRoles)
      .filter(([, role]) => role === 'manager')
      .map(([name]) => name)
      .sort();
    expect(managerOnly.map(([name]) => name).sort()).toEqual(contract);
  });

  it('refuses a cashier every manager action with 403 and a clear message', async () => {
    for (const [name, input] of managerOnly) {
      const error = await failure(till.call(name, input, till.cashier));
      expect(error, name).toMatchObject({ code: 'forbidden', status: 403 });
      expect(error.message, name).toContain('This needs a manager.');
    }
  });

  it('lets a manager and the system session through', async () => {
    expect(await till.call('staff.list', {}, till.manager)).toHaveLength(2);
    expect(await till.call('staff.list', {}, SYSTEM_SESSION)).toHaveLength(2);
    const templates = await till.call('programme.templates', {}, till.manager);
    expect(templates.map((t) => t.id)).toContain('bakeri');
  });
});

describe('bad input', () => {
  const cases: Array<[CommandName, unknown, string | null]> = [
    ['session.login', { pin: '12' }, 'pin'],
    ['member.enrol', { phone: '', acceptTerms: true }, 'phone'],
    [
      'member.enrol',
      { phone: '98765432', acceptTerms: true, profile: { email: 'no' } },
      'profile.email',
    ],
    [
      'member.enrol',
      { phone: '98765432', acceptTerms: true, profile: { postalCode: '12' } },
      'profile.postalCode',
    ],
    ['member.lookup', { query: '  ' }, 'query'],
    [
      'sale.commit',
      { lines: [{ sku: 'a', quantity: 1 }], idempotencyKey: 'short', paymentMethod: 'card' },
      'idempotencyKey',
    ],
    [
      'sale.commit',
      {
        lines: [{ sku: 'a', quantity: 1 }],
        idempotencyKey: 'long-enough-key',
        paymentMethod: 'gold',
      },
      'paymentMethod',
    ],
    ['basket.evaluate', { lines: [{ sku: 'a', quantity: 1.5 }] }, 'lines.0.quantity'],
    ['member.consent', { memberId: 'm', channel: 'fax', granted: true }, 'channel'],
    ['basket.evaluate', 'not an object', null],
  ];

  it.each(cases)('%s %j → invalid_input at %s', async (name, input, field) => {
    const session: Session = SYSTEM_SESSION;
    const error = await failure(
      till.service.call(name, input as CommandInput<typeof name>, session),
    );
    expect(error).toMatchObject({ code: 'invalid_input', status: 400, field });
    if (field) expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('validates a programme before saving it, naming the field', async () => {
    const error = await failure(
      till.call(
        'programme.save',
        { programme: { name: 'x', termsVersion: '1', memberNumberPrefix: '21' } },
        till.manager,
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'programme.memberNumberPrefix' });
    expect(error.message).toContain('read as price and weight codes');
  });

  it('leaves no trace of a refused command', async () => {
    const before = await till.call('status.get', {});
    await failure(
      till.call('member.enrol', { phone: '98765432', acceptTerms: true, referral: '41111111' }),
    );
    expect((await till.call('member.lookup', { query: '98765432' })).member).toBeNull();
    expect((await till.call('status.get', {})).sync.pending).toBe(before.sync.pending);
  });
});

describe('staff', () => {
  it('adds staff with unique PINs', async () => {
    const per = await till.call(
      'staff.save',
      { name: 'Per', role: 'cashier', pin: '4444' },
      till.manager,
    );
    expect(per).toMatchObject({ name: 'Per', role: 'cashier' });
    const login = await till.call('session.login', { pin: '4444' });
    expect(login.staffId).toBe(per.staffId);
    const clash = await failure(
      till.call('staff.save', { name: 'Pål', role: 'cashier', pin: '1111' }, till.manager),
    );
    expect(clash).toMatchObject({ code: 'pin_taken', field: 'pin', status: 409 });
    expect(clash.message).not.toContain('Kari');
  });
});
