import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberEvents, openDatabase } from '../store';
import { databasePath } from './till-service';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

const PERSONAL = [
  '98765432',
  'Kari',
  'Nordmann',
  'kari@example.no',
  '1990-05-17',
  '0150',
  '93333333',
];

async function enrolAndShop() {
  const { member } = await till.call('member.enrol', {
    phone: '98765432',
    acceptTerms: true,
    consents: { sms: true, email: true },
    profile: {
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: 'kari@example.no',
      birthDate: '1990-05-17',
      postalCode: '0150',
    },
    memberPin: '2468',
  });
  await till.call(
    'member.update',
    { memberId: member.memberId, profile: {}, phone: '93333333' },
    till.manager,
  );
  const sale = await till.call('sale.commit', {
    lines: [{ sku: 'grovbrod', quantity: 2 }],
    memberId: member.memberId,
    idempotencyKey: 'privacy-sale-1',
    paymentMethod: 'card',
  });
  return { member, sale };
}

describe('export', () => {
  it('gives the manager everything held on the member', async () => {
    const { member, sale } = await enrolAndShop();
    const exported = await till.call('member.export', { memberId: member.memberId }, till.manager);
    expect(exported).toMatchObject({
      memberId: member.memberId,
      erased: false,
      memberNumber: member.memberNumber,
      profile: { firstName: 'Kari', email: 'kari@example.no', phoneE164: '+4793333333' },
      consents: { sms: true, email: true },
      hasPin: true,
    });
    expect((exported.sales as Array<{ saleId: string }>).map((s) => s.saleId)).toEqual([
      sale.saleId,
    ]);
    const types = (exported.events as Array<{ type: string }>).map((e) => e.type);
    expect(types).toEqual([
      'member.enrolled',
      'member.pin_set',
      'member.profile_updated',
      'sale.committed',
    ]);
    expect(exported.consentHistory).toHaveLength(2);
  });
});

describe('erasure', () => {
  it('removes personal data everywhere and keeps the anonymous sale', async () => {
    const { member, sale } = await enrolAndShop();
    const refused = await failure(
      till.call('member.erase', { memberId: member.memberId, confirm: true }, till.cashier),
    );
    expect(refused.code).toBe('forbidden');
    const unconfirmed = await failure(
      till.call(
        'member.erase',
        { memberId: member.memberId, confirm: false as unknown as true },
        till.manager,
      ),
    );
    expect(unconfirmed).toMatchObject({ code: 'invalid_input', field: 'confirm' });

    expect(
      await till.call('member.erase', { memberId: member.memberId, confirm: true }, till.manager),
    ).toEqual({ erased: true, memberId: member.memberId });

    // Not findable by any key any more.
    for (const query of ['93333333', '98765432', member.memberNumber, `LJM-${member.qrToken}`]) {
      expect((await till.call('member.lookup', { query })).member, query).toBeNull();
    }
    expect((await till.call('member.search', { name: 'kari' }, till.manager)).length).toBe(0);
    expect((await failure(till.call('member.get', { memberId: member.memberId }))).code).toBe(
      'unknown_member',
    );
    const scan = await till.call('scan.classify', { code: member.memberNumber });
    expect(scan.kind).toBe('rejected');

    // The export holds only anonymous figures.
    const exported = await till.call('member.export', { memberId: member.memberId }, till.manager);
    const text = JSON.stringify(exported);
    for (const personal of [...PERSONAL, member.qrToken]) expect(text).not.toContain(personal);
    expect(exported).toMatchObject({ erased: true, consents: { sms: false, email: false } });

    // The sale stays for the figures.
    const kept = await till.call('sale.get', { saleId: sale.saleId });
    expect(kept.evaluation.totalOre).toBe(sale.evaluation.totalOre);
    expect(kept.voided).toBe(false);

    // And the stored log itself holds no personal data (read straight from the file).
    const { db } = openDatabase(databasePath(till.dir.dir));
    try {
      const log = JSON.stringify(memberEvents(db, member.memberId));
      for (const personal of [...PERSONAL, member.qrToken]) expect(log).not.toContain(personal);
      const row = JSON.stringify(db.prepare('SELECT * FROM members').all());
      for (const personal of [...PERSONAL, member.qrToken]) expect(row).not.toContain(personal);
    } finally {
      db.close();
    }
  });

  it('lets the same phone enrol again as a new member after erasure', async () => {
    const { member } = await enrolAndShop();
    await till.call('member.erase', { memberId: member.memberId, confirm: true }, till.manager);
    const again = await till.call('member.enrol', { phone: '93333333', acceptTerms: true });
    expect(again.created).toBe(true);
    expect(again.member.memberId).not.toBe(member.memberId);
    expect(again.member.points.balance).toBe(0);
  });
});
