/**
 * The demo store a new till starts with: the bakery template (programme and
 * catalogue) and two staff members. Their PINs are public (README): change them
 * before real use.
 */
import { programmeTemplate } from '../core/templates';
import { saveStaff } from '../store';
import type { CommandContext } from './handler-types';
import { seedDemoReceiptHeader } from './devices';

export const DEMO_STAFF = [
  { staffId: 'demo-kari', name: 'Kari (kasse)', role: 'cashier', pin: '1111' },
  { staffId: 'demo-morten', name: 'Morten (leder)', role: 'manager', pin: '9999' },
] as const;

export function seedDemoStore(ctx: CommandContext): void {
  const bakery = programmeTemplate('bakeri');
  if (!bakery) throw new Error('the bakery template is missing');
  ctx.append([
    ctx.event('programme.saved', null, { programme: bakery.programme, staffId: null, at: ctx.now }),
    ctx.event('catalogue.saved', null, { products: bakery.catalogue, staffId: null, at: ctx.now }),
  ]);
  for (const staff of DEMO_STAFF) saveStaff(ctx.db, { ...staff, createdAt: ctx.now });
  seedDemoReceiptHeader(ctx.db);
}
