import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { openTestTill } from './testing';

let dir: TempDir;
beforeEach(() => {
  dir = tempDir('lojal-restart-');
});
afterEach(() => dir.remove());

describe('restart', () => {
  it('finds members, sales, programme, staff and identity again after the till restarts', async () => {
    const till = await openTestTill({ dir });
    try {
      const before = await till.call('status.get', {});
      const { member } = await till.call('member.enrol', {
        phone: '98765432',
        acceptTerms: true,
        profile: { firstName: 'Kari' },
      });
      const sale = await till.call('sale.commit', {
        lines: [{ sku: 'kaffe-stor', quantity: 2 }],
        memberId: member.memberId,
        idempotencyKey: 'restart-sale-1',
        paymentMethod: 'card',
      });
      await till.call('staff.save', { name: 'Per', role: 'cashier', pin: '4444' }, till.manager);
      const oldToken = (await till.call('session.login', { pin: '1111' })).sessionToken;

      till.clock.now += 3_600_000;
      await till.restart();

      // Sessions live in memory only: a restart logs everyone out.
      expect(till.service.sessionFromToken(oldToken)).toBeNull();
      const after = await till.call('status.get', {});
      expect(after.terminalId).toBe(before.terminalId);
      // The enrolment, the sale and Per's staff.saved (demo staff log-ins are no events).
      expect(after.sync.pending).toBe(before.sync.pending + 3);

      const found = await till.call('member.lookup', { query: '98765432' });
      expect(found.member?.memberId).toBe(member.memberId);
      const view = await till.call('member.get', { memberId: member.memberId });
      expect(view.points.balance).toBe(sale.evaluation.effects!.pointsEarned);
      const { duplicate: _duplicate, ...record } = sale;
      expect(await till.call('sale.get', { saleId: sale.saleId })).toEqual(record);
      // The same idempotency key after a restart still answers the first sale.
      const retried = await till.call('sale.commit', {
        lines: [{ sku: 'kaffe-stor', quantity: 2 }],
        memberId: member.memberId,
        idempotencyKey: 'restart-sale-1',
        paymentMethod: 'card',
      });
      expect(retried).toMatchObject({ duplicate: true, saleId: sale.saleId });

      // The demo store is seeded once, not on every start.
      expect(await till.call('catalogue.get', {})).toHaveLength(
        (await till.call('programme.templates', {}, till.manager)).find((t) => t.id === 'bakeri')!
          .catalogue.length,
      );
      expect((await till.call('staff.list', {}, till.manager)).map((s) => s.name)).toEqual([
        'Kari (kasse)',
        'Morten (leder)',
        'Per',
      ]);
      // Per's PIN still opens the till (the projection kept his hash).
      expect((await till.call('session.login', { pin: '4444' })).name).toBe('Per');

      // The next member and receipt numbers carry on from where they were.
      const next = await till.call('member.enrol', { phone: '41234567', acceptTerms: true });
      expect(next.member.memberNumber).not.toBe(member.memberNumber);
      const nextSale = await till.call('sale.commit', {
        lines: [{ sku: 'kaffe-stor', quantity: 1 }],
        idempotencyKey: 'restart-sale-2',
        paymentMethod: 'cash',
      });
      expect(nextSale.receiptNo).not.toBe(sale.receiptNo);
      expect(nextSale.receiptNo.split('-')[0]).toBe(sale.receiptNo.split('-')[0]);
    } finally {
      till.close();
    }
  });

  it('takes the terminal identity it is given', async () => {
    const till = await openTestTill({
      dir,
      terminal: { chainId: 'kjede', storeId: 'butikk-7', terminalId: 'kasse-2', slot: 42 },
    });
    try {
      const { member } = await till.call('member.enrol', { phone: '98765432', acceptTerms: true });
      expect(member.memberNumber.slice(0, 12)).toBe('290042000001');
      const status = await till.call('status.get', {});
      expect(status.terminalId).toBe('kasse-2');
      expect(status.sync.state).toBe('unpaired');
    } finally {
      till.close();
    }
  });
});
