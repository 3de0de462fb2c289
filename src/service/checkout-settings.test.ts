/**
 * This till's checkout settings (checkoutSettings.get/save): "use rewards
 * automatically" is off on a new till, a manager turns it on, it stays after a
 * restart and belongs to this till's file only; a cashier may read it, not change it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill | null = null;
afterEach(() => {
  till?.close();
  till = null;
});

describe('checkout settings', () => {
  it('are off on a new till, turned on by a manager, and kept over a restart', async () => {
    till = await openTestTill();
    expect(await till.call('checkoutSettings.get', {}, till.cashier)).toEqual({
      autoRewards: false,
    });
    expect(await till.call('checkoutSettings.save', { autoRewards: true }, till.manager)).toEqual({
      autoRewards: true,
    });
    await till.restart();
    expect(await till.call('checkoutSettings.get', {}, till.cashier)).toEqual({
      autoRewards: true,
    });
    await till.call('checkoutSettings.save', { autoRewards: false }, till.manager);
    expect(await till.call('checkoutSettings.get', {}, till.cashier)).toEqual({
      autoRewards: false,
    });
  });

  it('are a manager’s to change, and a wrong value is refused at its field', async () => {
    till = await openTestTill();
    expect(
      await failure(till.call('checkoutSettings.save', { autoRewards: true }, till.cashier)),
    ).toMatchObject({ code: 'forbidden', status: 403 });
    const wrong = await failure(
      till.call(
        'checkoutSettings.save',
        { autoRewards: 'yes' } as unknown as { autoRewards: boolean },
        till.manager,
      ),
    );
    expect(wrong).toMatchObject({ status: 400, field: 'autoRewards' });
    expect(await till.call('checkoutSettings.get', {}, till.cashier)).toEqual({
      autoRewards: false,
    });
  });
});
