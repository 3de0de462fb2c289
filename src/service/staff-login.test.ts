/**
 * Issue 10, point 5: staff log-in is throttled per staff member (and per
 * client), surviving a restart. A staff member who chose their name first sends
 * `staffId`: the PIN is checked against them alone and a wrong one counts
 * against them. Real till service, file SQLite database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_LOCK_MS } from './login-throttle';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

const KARI = 'demo-kari';
const MORTEN = 'demo-morten';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

function login(pin: string, options: { staffId?: string; deviceToken?: string } = {}) {
  return till.call('session.login', { pin, ...options });
}

/** A device token this till handed out: a client it knows. */
async function knownDevice(): Promise<string> {
  return (await login('1111')).deviceToken;
}

describe('staff log-in by name', () => {
  it('checks the PIN against the chosen staff member only', async () => {
    expect(await login('1111', { staffId: KARI })).toMatchObject({
      staffId: KARI,
      role: 'cashier',
    });
    // Morten's PIN under Kari's name is a wrong PIN, not Morten's log-in.
    const wrong = await failure(login('9999', { staffId: KARI }));
    expect(wrong).toMatchObject({ code: 'wrong_pin', field: 'pin', status: 401 });
    const unknown = await failure(login('1111', { staffId: 'no-such-staff' }));
    expect(unknown).toMatchObject({ code: 'unknown_staff', field: 'staffId', status: 404 });
  });

  it('attack: five wrong PINs for Kari lock Kari alone; Morten logs in from the same client and another', async () => {
    const counter = await knownDevice();
    const office = await knownDevice();
    for (let i = 0; i < 5; i++) {
      expect(
        await failure(login(`000${i}`, { staffId: KARI, deviceToken: counter })),
      ).toMatchObject({ code: 'wrong_pin' });
    }
    const locked = await failure(login('1111', { staffId: KARI, deviceToken: counter }));
    expect(locked).toMatchObject({ code: 'login_locked', field: 'pin', status: 429 });
    expect(locked.text.nb).toMatch(/Kari \(kasse\).*sperret i 30 s/);
    expect(locked.text.en).toMatch(/locked for 30 s/);
    // Per staff member: Kari's right PIN is refused from every client.
    expect(await failure(login('1111', { staffId: KARI, deviceToken: office }))).toMatchObject({
      code: 'login_locked',
    });
    expect(await failure(login('1111', { staffId: KARI }))).toMatchObject({
      code: 'login_locked',
    });

    // Morten is not touched: by name from the same client, another and an unknown one.
    expect(await login('9999', { staffId: MORTEN, deviceToken: counter })).toMatchObject({
      staffId: MORTEN,
      role: 'manager',
    });
    await login('9999', { staffId: MORTEN, deviceToken: office });
    await login('9999', { staffId: MORTEN });
    // And a PIN typed without a name is counted per client as before: not locked here.
    expect(await login('9999', { deviceToken: counter })).toMatchObject({ staffId: MORTEN });
  });

  it('keeps Kari’s lock across a restart, grows it, and lets her in once it is over', async () => {
    const counter = await knownDevice();
    const kari = (pin: string) => login(pin, { staffId: KARI, deviceToken: counter });
    for (let i = 0; i < 5; i++) await failure(kari(`000${i}`));

    await till.restart();
    till.clock.now += 10_000;
    expect((await failure(kari('1111'))).text.nb).toMatch(/sperret i 20 s/);
    till.clock.now += 20_000;

    // One more wrong PIN after the lock: the next lock is twice as long, and survives a restart.
    expect(await failure(kari('0009'))).toMatchObject({ code: 'wrong_pin' });
    expect((await failure(kari('1111'))).text.nb).toMatch(
      new RegExp(`sperret i ${(2 * FIRST_LOCK_MS) / 1000} s`),
    );
    await till.restart();
    till.clock.now += FIRST_LOCK_MS;
    expect((await failure(kari('1111'))).text.nb).toMatch(
      new RegExp(`sperret i ${FIRST_LOCK_MS / 1000} s`),
    );
    till.clock.now += FIRST_LOCK_MS;
    await failure(kari('0010'));
    expect((await failure(kari('1111'))).text.nb).toMatch(
      new RegExp(`sperret i ${(4 * FIRST_LOCK_MS) / 1000} s`),
    );
    till.clock.now += 4 * FIRST_LOCK_MS;

    // Her right PIN after the lock logs her in and starts her count again.
    expect(await kari('1111')).toMatchObject({ staffId: KARI });
    for (let i = 0; i < 4; i++) {
      expect(await failure(kari(`001${i}`))).toMatchObject({ code: 'wrong_pin' });
    }
    await kari('1111');
  });

  it('attack: guessing PINs for each name in turn locks the client too', async () => {
    const save = (name: string, pin: string) =>
      till.call('staff.save', { name, role: 'cashier', pin }, till.manager);
    const lise = await save('Lise (kasse)', '4321');
    const per = await save('Per (kasse)', '4322');
    const counter = await knownDevice();
    // Five for each of Kari, Morten and Lise (each then locked) from one client:
    // fifteen wrong PINs by name lock that client's log-ins by name.
    for (const staffId of [KARI, MORTEN, lise.staffId]) {
      for (let i = 0; i < 5; i++) {
        expect(await failure(login(`000${i}`, { staffId }))).toMatchObject({ code: 'wrong_pin' });
      }
    }
    const locked = await failure(login('4322', { staffId: per.staffId }));
    expect(locked).toMatchObject({ code: 'login_locked', status: 429 });
    expect(locked.text.nb).toMatch(/sperret i 30 s/);
    expect(locked.text.nb).not.toMatch(/Per/);
    // Only that client: Per logs in by name at a till that logged in before.
    await login('4322', { staffId: per.staffId, deviceToken: counter });
    await till.restart();
    expect(await failure(login('4322', { staffId: per.staffId }))).toMatchObject({
      code: 'login_locked',
    });
  });
});

describe('staff names for the log-in screen', () => {
  it('answers the id and name of each staff member, to anyone, and nothing else', async () => {
    const anonymous = { role: 'cashier', staffId: null } as const;
    const names = await till.call('staff.names', {}, anonymous);
    expect(names).toEqual([
      { staffId: KARI, name: 'Kari (kasse)' },
      { staffId: MORTEN, name: 'Morten (leder)' },
    ]);
  });
});
