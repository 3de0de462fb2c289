import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ean13CheckDigit } from '../core/ean13';
import type { Notification } from './types';
import { openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

describe('products', () => {
  it('searches by name or SKU, case-insensitively with Nordic letters, and by barcode', async () => {
    const byName = await till.call('product.search', { query: 'GROVBRØD' });
    expect(byName.map((p) => p.sku)).toContain('grovbrod');
    const bySku = await till.call('product.search', { query: 'KAFFE-ST' });
    expect(bySku.map((p) => p.sku)).toEqual(['kaffe-stor']);
    const barcode = byName[0]!.barcodes[0]!;
    expect((await till.call('product.byBarcode', { barcode }))?.sku).toBe(byName[0]!.sku);
    expect(await till.call('product.byBarcode', { barcode: '7040000000000' })).toBeNull();
  });

  it('saves a catalogue (manager) that replaces the old one', async () => {
    const saved = await till.call(
      'catalogue.save',
      {
        products: [
          { sku: 'bolle', name: 'Skolebolle', category: 'Bakst', priceOre: 3500, vatRate: 15 },
        ],
      },
      till.manager,
    );
    expect(saved.map((p) => p.sku)).toEqual(['bolle']);
    expect(await till.call('product.search', { query: 'kaffe' })).toEqual([]);
  });
});

describe('scan.classify', () => {
  it('attaches a member by card or QR, adds a product, offers a campaign coupon, refuses the rest', async () => {
    const programme = await till.call('programme.get', {});
    await till.call(
      'programme.save',
      {
        programme: {
          ...programme,
          campaigns: [
            {
              id: 'var',
              code: 'VAR26',
              validFrom: '2026-03-01',
              validTo: '2026-05-31',
              coupon: {
                name: { nb: 'Vårkupong', en: 'Spring coupon' },
                benefit: { kind: 'amount', amountOre: 2000 },
              },
            },
          ],
        },
      },
      till.manager,
    );
    const { member } = await till.call('member.enrol', {
      phone: '98765432',
      acceptTerms: true,
      profile: { firstName: 'Kari' },
    });
    const product = (await till.call('catalogue.get', {}))[0]!;

    expect(await till.call('scan.classify', { code: `${member.memberNumber}\r\n` })).toMatchObject({
      kind: 'member',
      via: 'member_number',
      member: { memberId: member.memberId, firstName: 'Kari' },
    });
    expect(await till.call('scan.classify', { code: `LJM-${member.qrToken}` })).toMatchObject({
      kind: 'member',
      via: 'qr',
    });
    expect(await till.call('scan.classify', { code: product.barcodes[0]! })).toMatchObject({
      kind: 'product',
      product: { sku: product.sku },
    });
    expect(await till.call('scan.classify', { code: 'var26' })).toEqual({
      kind: 'coupon',
      couponCode: 'VAR26',
      campaignId: 'var',
    });

    const last = Number(member.memberNumber[12]);
    const damaged = member.memberNumber.slice(0, 12) + String((last + 3) % 10);
    expect(await till.call('scan.classify', { code: damaged })).toMatchObject({
      kind: 'rejected',
      code: 'bad_check_digit',
    });
    expect(await till.call('scan.classify', { code: 'hello' })).toMatchObject({
      kind: 'rejected',
      code: 'unknown',
    });
    const strangerCard = '290999999999';
    expect(
      await till.call('scan.classify', { code: strangerCard + ean13CheckDigit(strangerCard) }),
    ).toMatchObject({ kind: 'rejected', code: 'unknown_member' });
  });

  it('handleScan classifies and tells every subscriber', async () => {
    await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
    const heard: Notification[] = [];
    const unsubscribe = till.service.subscribe((n) => heard.push(n));
    const product = (await till.call('catalogue.get', {}))[0]!;
    const result = await till.service.handleScan(product.barcodes[0]!, 'serial');
    expect(result.kind).toBe('product');
    expect(heard).toEqual([{ type: 'scan', source: 'serial', code: product.barcodes[0], result }]);
    unsubscribe();
    await till.service.handleScan('noise', 'hid');
    expect(heard).toHaveLength(1);
  });
});

describe('notifications and status', () => {
  it('tells subscribers about changes once committed, and counts events waiting for the cloud', async () => {
    const heard: Notification[] = [];
    till.service.subscribe((n) => heard.push(n));
    const before = await till.call('status.get', {});
    expect(before.storeName).toBe('Bakeriet');
    expect(before.sync).toEqual({ state: 'unpaired', pending: 2, lastSyncAt: null });

    await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
    expect(heard).toEqual([{ type: 'data', what: 'members' }]);
    expect((await till.call('status.get', {})).sync.pending).toBe(3);

    till.service.notify({ type: 'sync', state: 'offline', pending: 3, lastSyncAt: null });
    expect(heard.at(-1)).toEqual({ type: 'sync', state: 'offline', pending: 3, lastSyncAt: null });
  });

  it('a failing subscriber does not stop the others', async () => {
    const heard: Notification[] = [];
    till.service.subscribe(() => {
      throw new Error('broken screen');
    });
    till.service.subscribe((n) => heard.push(n));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      till.service.notify({ type: 'data', what: 'sales' });
    } finally {
      console.error = quiet;
    }
    expect(heard).toEqual([{ type: 'data', what: 'sales' }]);
  });
});
