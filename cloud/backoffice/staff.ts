/**
 * The chain's staff as the back office shows them, folded from the tills'
 * `staff.saved` and `staff.logged_in` events the cloud holds, in any order:
 * name, role and active from the newest save by clock (as the till's own
 * projection, src/store/projections/staff.ts), added when and where from the
 * earliest save, and the last log-in per store from the newest log-in there.
 */
import type { BoStaffMember } from '../../src/contract/backoffice/types';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import type { Scope } from './scope';

interface Save {
  hlc: string;
  storeId: string;
  employeeId: string;
  name: string;
  role: 'cashier' | 'manager';
  active: boolean;
  at: number;
}

interface Login {
  staffId: string;
  storeId: string;
  at: number;
}

async function readSaves(db: Queryable, chainId: string): Promise<Save[]> {
  const rows = await db.query<{
    hlc: string;
    store_id: string;
    employee_id: string;
    name: string;
    role: 'cashier' | 'manager';
    active: boolean;
    at: unknown;
  }>(
    `SELECT hlc, store_id, payload->>'employeeId' AS employee_id, payload->>'name' AS name,
            payload->>'role' AS role, (payload->>'active')::boolean AS active,
            (payload->>'at')::bigint AS at
       FROM events WHERE chain_id = $1 AND type = 'staff.saved'`,
    [chainId],
  );
  return rows.map((r) => ({
    hlc: r.hlc,
    storeId: r.store_id,
    employeeId: r.employee_id,
    name: r.name,
    role: r.role,
    active: r.active === true,
    at: toInt(r.at),
  }));
}

/** The newest log-in of each staff member at each store (index events_chain_staff_login, migration 006). */
async function readLastLogins(db: Queryable, chainId: string): Promise<Login[]> {
  const rows = await db.query<{ staff_id: string; store_id: string; at: unknown }>(
    `SELECT payload->>'staffId' AS staff_id, store_id, max((payload->>'at')::bigint) AS at
       FROM events WHERE chain_id = $1 AND type = 'staff.logged_in'
      GROUP BY payload->>'staffId', store_id`,
    [chainId],
  );
  return rows.map((r) => ({ staffId: r.staff_id, storeId: r.store_id, at: toInt(r.at) }));
}

export function foldStaff(
  saves: readonly Save[],
  logins: readonly Login[],
): Map<string, Omit<BoStaffMember, 'stores'> & { logins: Map<string, number> }> {
  const byId = new Map<string, { newest: Save; first: Save }>();
  for (const save of saves) {
    const known = byId.get(save.employeeId);
    if (!known) {
      byId.set(save.employeeId, { newest: save, first: save });
      continue;
    }
    if (save.hlc > known.newest.hlc) known.newest = save;
    if (save.at < known.first.at || (save.at === known.first.at && save.hlc < known.first.hlc))
      known.first = save;
  }
  const staff = new Map<string, Omit<BoStaffMember, 'stores'> & { logins: Map<string, number> }>();
  for (const [staffId, { newest, first }] of byId) {
    staff.set(staffId, {
      staffId,
      name: newest.name,
      role: newest.role,
      active: newest.active,
      addedAt: first.at,
      addedAtStoreId: first.storeId,
      logins: new Map(),
    });
  }
  for (const login of logins) {
    const member = staff.get(login.staffId);
    if (!member) continue;
    const known = member.logins.get(login.storeId);
    if (known === undefined || login.at > known) member.logins.set(login.storeId, login.at);
  }
  return staff;
}

/**
 * The staff of the stores in scope: everyone added at or logged in at one of
 * them, with only those stores listed. An owner sees the whole chain's.
 */
export async function staffInScope(db: Queryable, scope: Scope): Promise<BoStaffMember[]> {
  const [saves, logins, stores] = await Promise.all([
    readSaves(db, scope.chainId),
    readLastLogins(db, scope.chainId),
    scope.stores(db),
  ]);
  const storeIds = new Set(stores.map((s) => s.storeId));
  const result: BoStaffMember[] = [];
  for (const member of foldStaff(saves, logins).values()) {
    const addedHere = storeIds.has(member.addedAtStoreId ?? '');
    const seen = [...member.logins].filter(([storeId]) => storeIds.has(storeId));
    if (!addedHere && seen.length === 0) continue;
    const listed = new Map<string, number | null>();
    if (addedHere) listed.set(member.addedAtStoreId!, null);
    for (const [storeId, at] of seen) listed.set(storeId, at);
    const { logins: _all, ...rest } = member;
    result.push({
      ...rest,
      // A store outside the scope is not named, not even as where they were added.
      addedAtStoreId: addedHere ? member.addedAtStoreId : null,
      stores: [...listed].map(([storeId, lastLoginAt]) => ({ storeId, lastLoginAt })),
    });
  }
  return result.sort(
    (a, b) => a.name.localeCompare(b.name, 'nb') || a.staffId.localeCompare(b.staffId),
  );
}
