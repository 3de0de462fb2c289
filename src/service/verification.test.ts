/**
 * Issue 10, point 5: verification is the service's word, member PINs and staff
 * log-ins are throttled (surviving a restart), and only a manager sets a
 * member's PIN without the old one. Real till service, file SQLite database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, Session } from './commands';
import { FIRST_LOCK_MS } from './login-throttle';
import { VERIFICATION_TTL_MS } from './verifications';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
  // Any points or coupon redemption above 5 kr needs the member verified.
  const programme = await till.call('programme.get', {});
  await till.call(
    'programme.save',
    { programme: { ...programme, verifyRedemptionAboveOre: 500 } },
    till.manager,
  );
});
afterEach(() => till.close());

let keySeq = 0;
const newKey = () => `verification-test-${++keySeq}`;

async function enrol(phone: string, memberPin?: string) {
  const { member } = await till.call('member.enrol', {
    phone,
    acceptTerms: true,
    profile: { firstName: 'Kari' },
    ...(memberPin === undefined ? {} : { memberPin }),
  });
  return member;
}

/** A sale redeeming the welcome coupon on four big coffees: above the 5 kr limit. */
function bigRedemption(memberId: string, extra: Partial<CommandInput<'sale.commit'>> = {}) {
  return {
    lines: [{ sku: 'kaffe-stor', quantity: 4 }],
    memberId,
    selections: { couponIds: [`W-${memberId}`] },
    idempotencyKey: newKey(),
    paymentMethod: 'card' as const,
    ...extra,
  };
}

async function anotherCashier(): Promise<Session> {
  const login = await till.call('session.login', { pin: '1111' });
  return till.service.sessionFromToken(login.sessionToken)!;
}

describe('verification is the service’s word', () => {
  it('attack: a cashier’s sale.commit with verified: true no longer skips the card/PIN check', async () => {
    const member = await enrol('98765432');
    const refused = await failure(
      till.call('sale.commit', bigRedemption(member.memberId, { verified: true })),
    );
    expect(refused).toMatchObject({ code: 'verification_required', status: 403 });
    expect(refused.text.nb).toMatch(/skann kortet/);
    const evaluation = await till.call('basket.evaluate', {
      ...bigRedemption(member.memberId),
      verified: true,
    });
    expect(evaluation.needsVerification).toBe(true);
    expect(await till.call('sale.recent', {})).toEqual([]);
  });

  it('a phone lookup gives no verification; a card or QR lookup gives one for this session', async () => {
    const member = await enrol('98765432');
    const byPhone = await till.call('member.lookup', { query: '98765432' });
    expect(byPhone.via).toBe('phone');
    expect(byPhone.verification).toBeUndefined();
    const byCard = await till.call('member.lookup', { query: member.memberNumber });
    expect(byCard.verification?.token).toMatch(/^[\w-]{40,}$/);
    expect(byCard.verification?.expiresAt).toBe(till.clock.now + VERIFICATION_TTL_MS);
    const byQr = await till.call('member.lookup', { query: member.qrToken });
    expect(byQr.via).toBe('qr');
    // One verification per session and member: a second scan renews the same one.
    expect(byQr.verification?.token).toBe(byCard.verification?.token);

    const sale = await till.call(
      'sale.commit',
      bigRedemption(member.memberId, { verification: byCard.verification!.token }),
    );
    expect(sale.evaluation.effects?.couponsRedeemed).toEqual([`W-${member.memberId}`]);
  });

  it('refuses a verification given to another session or for another member', async () => {
    const kari = await enrol('98765432');
    const ola = await enrol('98765433');
    const scanned = await till.call('scan.classify', { code: `LJM-${kari.qrToken}` });
    expect(scanned.kind).toBe('member');
    const token = scanned.kind === 'member' ? scanned.verification!.token : '';

    const otherSession = await anotherCashier();
    const fromOther = await failure(
      till.call('sale.commit', bigRedemption(kari.memberId, { verification: token }), otherSession),
    );
    expect(fromOther).toMatchObject({ code: 'verification_required', status: 403 });
    const forOla = await failure(
      till.call('sale.commit', bigRedemption(ola.memberId, { verification: token })),
    );
    expect(forOla).toMatchObject({ code: 'verification_required' });
    const madeUp = await failure(
      till.call('sale.commit', bigRedemption(kari.memberId, { verification: 'x'.repeat(43) })),
    );
    expect(madeUp).toMatchObject({ code: 'verification_required' });
    expect(await till.call('sale.recent', {})).toEqual([]);

    const sale = await till.call(
      'sale.commit',
      bigRedemption(kari.memberId, { verification: token }),
    );
    expect(sale.duplicate).toBe(false);
  });

  it('ends a verification with the sale, at log-out, and after half an hour', async () => {
    const member = await enrol('98765432');
    // Points to spend: a first sale earns them (the basket shows what is redeemed).
    const lookup = () => till.call('member.lookup', { query: member.memberNumber });
    const first = (await lookup()).verification!.token;
    await till.call('sale.commit', {
      lines: [{ sku: 'kaffe-stor', quantity: 1 }],
      memberId: member.memberId,
      idempotencyKey: newKey(),
      paymentMethod: 'card',
      verification: first,
    });
    // Used by a sale: the next sale needs a fresh scan.
    expect(
      await failure(
        till.call('sale.commit', bigRedemption(member.memberId, { verification: first })),
      ),
    ).toMatchObject({ code: 'verification_required' });

    const second = (await lookup()).verification!.token;
    expect(second).not.toBe(first);
    till.clock.now += VERIFICATION_TTL_MS;
    expect(
      await failure(
        till.call('sale.commit', bigRedemption(member.memberId, { verification: second })),
      ),
    ).toMatchObject({ code: 'verification_required' });

    const session = await anotherCashier();
    const third = (await till.call('member.lookup', { query: member.memberNumber }, session))
      .verification!.token;
    await till.call('session.logout', {}, session);
    const again = await anotherCashier();
    expect(
      await failure(
        till.call('sale.commit', bigRedemption(member.memberId, { verification: third }), again),
      ),
    ).toMatchObject({ code: 'verification_required' });
  });

  it('a right member PIN gives a verification; a scan notification carries none', async () => {
    const member = await enrol('98765432', '2468');
    const wrong = await failure(
      till.call('member.verifyPin', { memberId: member.memberId, memberPin: '1357' }),
    );
    expect(wrong).toMatchObject({ code: 'wrong_member_pin', field: 'memberPin', status: 401 });
    const { verification } = await till.call('member.verifyPin', {
      memberId: member.memberId,
      memberPin: '2468',
    });
    const sale = await till.call(
      'sale.commit',
      bigRedemption(member.memberId, { verification: verification.token }),
    );
    expect(sale.evaluation.effects?.couponsRedeemed).toEqual([`W-${member.memberId}`]);

    const heard: unknown[] = [];
    till.service.subscribe((n) => heard.push(n));
    const serial = await till.service.handleScan(`LJM-${member.qrToken}`, 'serial');
    expect(serial).toMatchObject({ kind: 'member', via: 'qr' });
    expect(JSON.stringify(heard)).not.toContain('verification');
  });

  it('a member enrolled now is verified for the session that enrolled them', async () => {
    const enrolled = await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
    expect(enrolled.created).toBe(true);
    const sale = await till.call(
      'sale.commit',
      bigRedemption(enrolled.member.memberId, { verification: enrolled.verification!.token }),
    );
    expect(sale.duplicate).toBe(false);
    const again = await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
    expect(again.created).toBe(false);
    expect(again.verification).toBeUndefined();
  });
});

describe('member PIN throttle', () => {
  const guess = (memberId: string, memberPin: string, session?: Session) =>
    till.call('member.verifyPin', { memberId, memberPin }, session);

  it('attack: five wrong PINs lock the member’s PIN, longer each time, also after a restart', async () => {
    const kari = await enrol('98765432', '2468');
    const ola = await enrol('98765433', '1357');
    for (let i = 0; i < 5; i++) {
      expect(await failure(guess(kari.memberId, `000${i}`))).toMatchObject({
        code: 'wrong_member_pin',
      });
    }
    // Locked: the right PIN too, through every door that takes a member PIN.
    const locked = await failure(guess(kari.memberId, '2468'));
    expect(locked).toMatchObject({ code: 'member_pin_locked', field: 'memberPin', status: 429 });
    expect(locked.text.nb).toMatch(/sperret i 30 s/);
    expect(
      await failure(
        till.call('basket.evaluate', {
          lines: [{ sku: 'kaffe-stor', quantity: 1 }],
          memberId: kari.memberId,
          memberPin: '2468',
        }),
      ),
    ).toMatchObject({ code: 'member_pin_locked' });
    // Another member is not touched, and neither is another session's view of the lock.
    await guess(ola.memberId, '1357');

    await till.restart();
    till.clock.now += 10_000;
    expect((await failure(guess(kari.memberId, '2468'))).text.nb).toMatch(/sperret i 20 s/);
    till.clock.now += 20_000;
    // One more wrong PIN after the lock: the next lock is twice as long.
    await failure(guess(kari.memberId, '0009'));
    expect((await failure(guess(kari.memberId, '2468'))).text.nb).toMatch(
      new RegExp(`sperret i ${(2 * FIRST_LOCK_MS) / 1000} s`),
    );
    till.clock.now += 2 * FIRST_LOCK_MS;
    // A right PIN clears the count.
    await guess(kari.memberId, '2468');
    expect(await failure(guess(kari.memberId, '0000'))).toMatchObject({
      code: 'wrong_member_pin',
    });
  });
});

describe('setting a member’s PIN', () => {
  it('attack: a cashier cannot overwrite a member’s PIN; a manager can reset it', async () => {
    const member = await enrol('98765432', '2468');
    const set = (input: Partial<CommandInput<'member.setPin'>>, session?: Session) =>
      till.call(
        'member.setPin',
        { memberId: member.memberId, memberPin: '5555', ...input },
        session,
      );

    const overwrite = await failure(set({}));
    expect(overwrite).toMatchObject({ code: 'old_pin_required', field: 'oldPin', status: 403 });
    const wrongOld = await failure(set({ oldPin: '1111' }));
    expect(wrongOld).toMatchObject({ code: 'wrong_member_pin', field: 'oldPin', status: 401 });
    // Refused: the PIN is unchanged.
    await till.call('member.verifyPin', { memberId: member.memberId, memberPin: '2468' });

    await set({ oldPin: '2468' });
    await till.call('member.verifyPin', { memberId: member.memberId, memberPin: '5555' });

    await set({ memberPin: '7777' }, till.manager);
    await till.call('member.verifyPin', { memberId: member.memberId, memberPin: '7777' });
  });

  it('lets a cashier set a first PIN for a member who has none', async () => {
    const member = await enrol('98765432');
    await till.call('member.setPin', { memberId: member.memberId, memberPin: '4321' });
    await till.call('member.verifyPin', { memberId: member.memberId, memberPin: '4321' });
  });
});

describe('staff log-in throttle', () => {
  const login = (pin: string, deviceToken?: string) =>
    till.call('session.login', { pin, ...(deviceToken === undefined ? {} : { deviceToken }) });

  it('attack: guessing from an unknown client no longer locks out a till that logged in before', async () => {
    const till1 = (await login('1111')).deviceToken;
    const till2 = (await login('9999')).deviceToken;
    const till3 = (await login('1111')).deviceToken;
    expect(till2).not.toBe(till1);
    for (let i = 0; i < 5; i++) {
      expect(await failure(login('1234'))).toMatchObject({ code: 'wrong_pin' });
    }
    expect(await failure(login('9999'))).toMatchObject({ code: 'login_locked', status: 429 });
    // Made-up device tokens are unknown clients.
    expect(await failure(login('9999', 'made-up-device'))).toMatchObject({
      code: 'login_locked',
    });
    // The right manager PIN still logs in at the tills that logged in before.
    const manager = await login('9999', till1);
    expect(manager).toMatchObject({ role: 'manager', deviceToken: till1 });

    // A known device's own wrong PINs lock that device only.
    for (let i = 0; i < 5; i++) await failure(login('1234', till2));
    expect(await failure(login('1111', till2))).toMatchObject({ code: 'login_locked' });
    await login('1111', till1);

    // A cashier cannot guess four at a time between log-ins of their own.
    for (let i = 0; i < 4; i++) await failure(login('1234', till3));
    await login('1111', till3);
    await failure(login('1235', till3));
    expect(await failure(login('1111', till3))).toMatchObject({ code: 'login_locked' });

    // A restart clears neither lock.
    await till.restart();
    till.clock.now += 10_000;
    expect(await failure(login('9999'))).toMatchObject({ code: 'login_locked' });
    expect(await failure(login('9999', till2))).toMatchObject({ code: 'login_locked' });
    await login('9999', till1);
  });
});
