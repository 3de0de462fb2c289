import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ean13CheckDigit, isMemberNumber } from '../core/ean13';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

const kari = {
  phone: '987 65 432',
  acceptTerms: true as const,
  profile: {
    firstName: 'Kari',
    lastName: 'Nordmann',
    email: 'kari@example.no',
    birthDate: '1990-05-17',
    postalCode: '0150',
  },
};

describe('enrolment', () => {
  it('enrols with a normalised phone, a member number, a QR token and the welcome coupon', async () => {
    const { member, created } = await till.call('member.enrol', kari);
    expect(created).toBe(true);
    expect(isMemberNumber(member.memberNumber, '29')).toBe(true);
    expect(member.qrToken).toMatch(/^[A-Z2-7]{26}$/);
    expect(member.termsVersion).toBe('2026-01');
    expect(member.consents).toEqual({ sms: false, email: false });
    expect(member.coupons.map((c) => c.couponId)).toEqual([`W-${member.memberId}`]);

    const full = await till.call('member.get', { memberId: member.memberId }, till.manager);
    expect(full.phoneE164).toBe('+4798765432');
    expect(full.profile).toMatchObject(kari.profile);
  });

  it('answers the existing member for a phone already enrolled, in any form', async () => {
    const first = await till.call('member.enrol', kari);
    const again = await till.call('member.enrol', {
      phone: '+47 98 76 54 32',
      acceptTerms: true,
      profile: { firstName: 'Someone else' },
    });
    expect(again.created).toBe(false);
    expect(again.member.memberId).toBe(first.member.memberId);
    expect(again.member.profile.firstName).toBe('Kari');
  });

  it('gives every member their own number', async () => {
    const numbers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const { member } = await till.call('member.enrol', {
        phone: `4000000${i}`,
        acceptTerms: true,
      });
      numbers.add(member.memberNumber);
    }
    expect(numbers.size).toBe(5);
  });

  it('stores marketing consent per channel only when given', async () => {
    const { member } = await till.call('member.enrol', {
      ...kari,
      consents: { sms: true, email: false },
    });
    expect(member.consents).toEqual({ sms: true, email: false });
  });

  it('refuses enrolment without accepting the terms, naming the field', async () => {
    const error = await failure(
      till.call('member.enrol', { phone: '98765432', acceptTerms: false as unknown as true }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', field: 'acceptTerms', status: 400 });
    expect(error.message).toContain('accept the membership terms');
  });

  it('refuses a phone number that is not one, saying why', async () => {
    const error = await failure(till.call('member.enrol', { phone: '9876543', acceptTerms: true }));
    expect(error).toMatchObject({ code: 'invalid_phone', field: 'phone', status: 400 });
    expect(error.message).toContain('8 digits');
  });
});

describe('lookup', () => {
  it('finds the member by every form of their phone, by member number and by QR', async () => {
    const { member } = await till.call('member.enrol', kari);
    for (const query of [
      '98765432',
      '987 65 432',
      '+47 987 65 432',
      '0047 98765432',
      '004798765432',
    ]) {
      const found = await till.call('member.lookup', { query });
      expect(found.via, query).toBe('phone');
      expect(found.member?.memberId, query).toBe(member.memberId);
    }
    const byNumber = await till.call('member.lookup', { query: member.memberNumber });
    expect(byNumber).toMatchObject({ via: 'member_number', member: { memberId: member.memberId } });
    const byQr = await till.call('member.lookup', { query: `LJM-${member.qrToken}` });
    expect(byQr).toMatchObject({ via: 'qr', member: { memberId: member.memberId } });
  });

  it('shows the cashier a summary: first name, masked phone, tier and points', async () => {
    await till.call('member.enrol', kari);
    const { member } = await till.call('member.lookup', { query: '98765432' });
    expect(member).toMatchObject({
      firstName: 'Kari',
      phoneMasked: '+47 ••• •• 432',
      tierName: { nb: 'Bronse', en: 'Bronze' },
      pointsBalance: 0,
    });
    expect(JSON.stringify(member)).not.toContain('Nordmann');
  });

  it('refuses a member number with a wrong check digit instead of guessing', async () => {
    const { member } = await till.call('member.enrol', kari);
    const last = Number(member.memberNumber[12]);
    const damaged = member.memberNumber.slice(0, 12) + String((last + 1) % 10);
    const error = await failure(till.call('member.lookup', { query: damaged }));
    expect(error).toMatchObject({ code: 'invalid_member_number', field: 'query', status: 400 });
  });

  it('answers null for someone who is not a member', async () => {
    expect(await till.call('member.lookup', { query: '41234567' })).toEqual({
      member: null,
      via: null,
    });
    const unknownNumber = '290999999999';
    const valid = unknownNumber + ean13CheckDigit(unknownNumber);
    expect((await till.call('member.lookup', { query: valid })).member).toBeNull();
  });

  it('searches by name for managers only', async () => {
    await till.call('member.enrol', kari);
    await till.call('member.enrol', {
      phone: '91111111',
      acceptTerms: true,
      profile: { firstName: 'Øyvind', lastName: 'Ås' },
    });
    const found = await till.call('member.search', { name: 'øyv' }, till.manager);
    expect(found.map((m) => m.firstName)).toEqual(['Øyvind']);
    const bySurname = await till.call('member.search', { name: 'NORD' }, till.manager);
    expect(bySurname.map((m) => m.firstName)).toEqual(['Kari']);
    const error = await failure(till.call('member.search', { name: 'kari' }, till.cashier));
    expect(error).toMatchObject({ code: 'forbidden', status: 403 });
  });
});

describe('member details', () => {
  it('masks personal data for a cashier and shows it all to a manager', async () => {
    const { member } = await till.call('member.enrol', {
      ...kari,
      profile: { ...kari.profile, gender: 'female' },
    });
    const masked = await till.call('member.get', { memberId: member.memberId });
    expect(masked.masked).toBe(true);
    expect(masked.phoneE164).toBe('+47 ••• •• 432');
    expect(masked.profile).toEqual({
      firstName: 'Kari',
      lastName: null,
      email: null,
      birthDate: null,
      postalCode: null,
      gender: null,
    });
    const full = await till.call('member.get', { memberId: member.memberId }, till.manager);
    expect(full.masked).toBe(false);
    expect(full.profile).toMatchObject({ lastName: 'Nordmann', gender: 'female' });
  });

  it('lets a manager update the profile and phone, and refuses a phone another member has', async () => {
    const { member } = await till.call('member.enrol', kari);
    await till.call('member.enrol', { phone: '91111111', acceptTerms: true });
    const updated = await till.call(
      'member.update',
      {
        memberId: member.memberId,
        profile: { lastName: 'Hansen' },
        phone: '93 33 33 33',
      },
      till.manager,
    );
    expect(updated.profile).toMatchObject({ lastName: 'Hansen', firstName: 'Kari' });
    expect(updated.phoneE164).toBe('+4793333333');
    expect((await till.call('member.lookup', { query: '93333333' })).member?.memberId).toBe(
      member.memberId,
    );
    expect((await till.call('member.lookup', { query: '98765432' })).member).toBeNull();
    const cleared = await till.call(
      'member.update',
      { memberId: member.memberId, profile: { lastName: '' } },
      till.manager,
    );
    expect(cleared.profile.lastName).toBeNull();

    const error = await failure(
      till.call(
        'member.update',
        { memberId: member.memberId, profile: {}, phone: '91111111' },
        till.manager,
      ),
    );
    expect(error).toMatchObject({ code: 'phone_taken', field: 'phone', status: 409 });
  });

  it('refuses a birth date no calendar has, one before 1900 and one still to come, at enrolment and in an update', async () => {
    const { member } = await till.call('member.enrol', kari);
    // 7 December 2026 at the till: the 8th is still to come.
    till.clock.now = Date.UTC(2026, 11, 7, 12);
    for (const birthDate of [
      '2026-02-30',
      '1990-13-01',
      '0000-01-01',
      '1899-12-31',
      '2026-12-08',
    ]) {
      const update = await failure(
        till.call(
          'member.update',
          { memberId: member.memberId, profile: { birthDate } },
          till.manager,
        ),
      );
      expect(update, birthDate).toMatchObject({
        code: 'invalid_input',
        field: 'profile.birthDate',
      });
      const enrol = await failure(
        till.call('member.enrol', { phone: '92222222', acceptTerms: true, profile: { birthDate } }),
      );
      expect(enrol, birthDate).toMatchObject({ code: 'invalid_input', field: 'profile.birthDate' });
    }
    // Today and 29 February of a leap year are dates of birth.
    for (const birthDate of ['2026-12-07', '2024-02-29', '1900-01-01']) {
      const updated = await till.call(
        'member.update',
        { memberId: member.memberId, profile: { birthDate } },
        till.manager,
      );
      expect(updated.profile.birthDate).toBe(birthDate);
    }
  });

  it('records consent given and withdrawn with time, store, terminal, staff and terms', async () => {
    // Enrolled now: the member is at the counter, so the cashier may record their consent.
    const { member, verification } = await till.call('member.enrol', kari);
    till.clock.now += 60_000;
    const given = await till.call('member.consent', {
      memberId: member.memberId,
      channel: 'sms',
      granted: true,
      verification: verification?.token,
    });
    expect(given.consents.sms).toBe(true);
    till.clock.now += 60_000;
    const withdrawn = await till.call('member.consent', {
      memberId: member.memberId,
      channel: 'sms',
      granted: false,
    });
    expect(withdrawn.consents.sms).toBe(false);

    const exported = await till.call('member.export', { memberId: member.memberId }, till.manager);
    const history = exported.consentHistory as Array<Record<string, unknown>>;
    const sms = history.filter((c) => c.channel === 'sms');
    expect(sms.map((c) => c.granted)).toEqual([false, true, false]);
    expect(sms[1]).toMatchObject({
      at: till.clock.now - 60_000,
      storeId: 'demo-bakeri',
      staffId: till.cashier.staffId,
      termsVersion: '2026-01',
    });
    expect(String(sms[1]!.terminalId)).toMatch(/^till-/);
  });

  it('unknown member ids are a 404 with the field', async () => {
    const error = await failure(till.call('member.get', { memberId: 'nobody' }));
    expect(error).toMatchObject({ code: 'unknown_member', field: 'memberId', status: 404 });
  });
});

describe('points for actions and coupons bought with points', () => {
  it('awards action points (manager) and sells a coupon for points', async () => {
    const programme = await till.call('programme.get', {});
    await till.call(
      'programme.save',
      {
        programme: {
          ...programme,
          points: {
            ...programme.points!,
            actions: [{ id: 'review', name: { nb: 'Anmeldelse', en: 'Review' }, points: 40 }],
          },
        },
      },
      till.manager,
    );
    const { member } = await till.call('member.enrol', kari);
    const poor = await failure(
      till.call('member.buyCoupon', { memberId: member.memberId, offerId: 'gratis-kaffe' }),
    );
    expect(poor).toMatchObject({ code: 'insufficient_points', status: 409 });

    await till.call(
      'member.awardAction',
      { memberId: member.memberId, actionId: 'review' },
      till.manager,
    );
    const rich = await till.call(
      'member.awardAction',
      { memberId: member.memberId, actionId: 'review' },
      till.manager,
    );
    expect(rich.points.balance).toBe(80);

    const bought = await till.call('member.buyCoupon', {
      memberId: member.memberId,
      offerId: 'gratis-kaffe',
    });
    expect(bought.couponId).toMatch(/^P-/);
    expect(bought.member.points.balance).toBe(30);
    expect(bought.member.coupons.map((c) => c.couponId)).toContain(bought.couponId);

    const unknown = await failure(
      till.call(
        'member.awardAction',
        { memberId: member.memberId, actionId: 'nope' },
        till.manager,
      ),
    );
    expect(unknown).toMatchObject({ code: 'unknown_action', field: 'actionId' });
  });

  it('sets a member PIN without ever storing it', async () => {
    const { member } = await till.call('member.enrol', { ...kari, memberPin: '4321' });
    expect(member.hasPin).toBe(true);
    await till.call('member.setPin', {
      memberId: member.memberId,
      memberPin: '5678',
      oldPin: '4321',
    });
    const exported = JSON.stringify(
      await till.call('member.export', { memberId: member.memberId }, till.manager),
    );
    expect(exported).not.toContain('5678');
    expect(exported).not.toContain('scrypt$');
  });
});
