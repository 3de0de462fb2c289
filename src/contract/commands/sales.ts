/** Baskets and sales. */
import { z } from 'zod';
import { PaymentMethod } from '../../core/events';
import type { Evaluation } from '../../core/basket-types';
import { msg } from '../../core/i18n';
import { boundedId, LIMITS } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { command, returns } from './define';
import { BasketInput, typed } from './schemas';
import type { SaleRecord } from './types';

export const salesCommands = {
  'basket.evaluate': command({
    input: BasketInput,
    output: returns<Evaluation>(),
    role: 'cashier',
    access: 'write',
    rest: { method: 'POST', path: '/baskets/evaluate', request: { body: 'input' } },
  }),

  'sale.commit': command({
    input: BasketInput.extend({
      idempotencyKey: boundedId().min(8),
      paymentMethod: PaymentMethod,
    }),
    output: returns<SaleRecord & { duplicate: boolean }>(),
    role: 'cashier',
    access: 'write',
    rest: {
      method: 'POST',
      path: '/sales',
      request: { headers: { 'Idempotency-Key': 'idempotencyKey' }, body: 'input' },
      created: (out) => !out.duplicate,
    },
  }),

  'sale.void': command({
    input: z.object({
      saleId: boundedId(),
      reason: typed(LIMITS.maxTextLength).min(1, says(msg('contract.voidReason'))),
    }),
    output: returns<SaleRecord>(),
    role: 'manager',
    access: 'write',
    rest: {
      method: 'POST',
      path: '/sales/:id/void',
      request: { params: { id: 'saleId' }, body: 'input' },
    },
  }),

  'sale.return': command({
    input: z.object({
      saleId: boundedId(),
      lines: z
        .array(
          z.object({
            lineId: boundedId(),
            quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
          }),
        )
        .min(1)
        .max(LIMITS.maxBasketLines),
    }),
    output: returns<SaleRecord & { refundOre: number }>(),
    role: 'manager',
    access: 'write',
    rest: {
      method: 'POST',
      path: '/sales/:id/return',
      request: { params: { id: 'saleId' }, body: 'input' },
    },
  }),

  'sale.get': command({
    input: z.object({ saleId: boundedId() }),
    output: returns<SaleRecord>(),
    role: 'cashier',
    access: 'read',
    rest: {
      method: 'GET',
      path: '/sales/:id',
      request: { params: { id: 'saleId' }, body: 'none' },
    },
  }),

  'sale.recent': command({
    input: z.object({ limit: z.number().int().positive().max(100).default(20) }),
    output: returns<SaleRecord[]>(),
    role: 'cashier',
    access: 'read',
  }),
};
