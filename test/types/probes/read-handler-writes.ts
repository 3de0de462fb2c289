// A reading command's handler (member.get is declared `access: 'read'`) that
// tries to write: each marked line must fail to compile.
import { inTransaction, saveStaff, setSetting } from '../../../src/store';
import type { Handlers } from '../../../src/service/handler-types';

export const probe: Handlers<'member.get'> = {
  'member.get': (_input, ctx) => {
    // expect-error: a statement that writes, straight on the handle
    ctx.db.prepare('DELETE FROM members').run();
    // expect-error: a store function that writes
    setSetting(ctx.db, 'storeName', 'x');
    // expect-error: another store function that writes
    saveStaff(ctx.db, { staffId: 's', name: 'x', role: 'cashier', pinHash: 'x' });
    // expect-error: a transaction
    inTransaction(ctx.db, () => undefined);
    // expect-error: events
    ctx.append([]);
    throw new Error('never runs: this file is only compiled');
  },
};
