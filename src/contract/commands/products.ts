/** Products and scanned codes. */
import { z } from 'zod';
import type { Product } from '../../core/catalogue';
import { boundedText, LIMITS } from '../../core/limits';
import { command, returns } from './define';
import { typed } from './schemas';
import type { ScanResult } from './types';

export const productsCommands = {
  'product.search': command({
    input: z.object({
      query: typed(LIMITS.maxIdLength).min(1),
      limit: z.number().int().positive().max(50).default(20),
    }),
    output: returns<Product[]>(),
    role: 'cashier',
    access: 'read',
  }),

  'product.byBarcode': command({
    input: z.object({ barcode: typed(LIMITS.maxIdLength).min(1) }),
    output: returns<Product | null>(),
    role: 'cashier',
    access: 'read',
  }),

  /** Classify a scanned code and act on it (member, product, coupon). */
  'scan.classify': command({
    input: z.object({ code: boundedText(LIMITS.maxTextLength) }),
    output: returns<ScanResult>(),
    role: 'cashier',
    access: 'write',
  }),
};
