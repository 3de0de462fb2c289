/**
 * A staff member added or changed in the back office (`staff.save`): a
 * `staff.saved` event, the one the tills write (src/service/staff.ts), written
 * by the cloud into the chain's log with the account as its author
 * (`payload.staffId`), terminal `cloud` and a clock after everything the chain
 * holds, so every till pulls and folds it (src/store/projections/staff.ts) and
 * the person logs in at the tills with the PIN. The event holds the PIN's
 * scrypt hash in the till's own form and cost, never the PIN.
 *
 * The till's rules for a save are kept (src/service/staff.ts; they live in the
 * till's service, over its own store, so they are said again here over the
 * chain's log): a PIN is unique among the active staff, and a change that
 * leaves the chain without an active manager is refused. A store manager
 * changes only staff of their stores (added or seen there).
 */
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope, LojalEvent } from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../../src/core/hlc';
import { msg } from '../../src/core/i18n';
import { sameStaffName } from '../../src/core/staff-names';
import type { BoParsedInput } from '../../src/contract/backoffice/commands';
import type { BoStaffMember } from '../../src/contract/backoffice/types';
import { hashPassword, verifyPassword } from '../accounts/passwords';
import type { ScryptCost } from '../accounts/passwords';
import type { Database, Queryable } from '../db/database';
import { appendEvents, newestHlc } from '../event-log';
import { lockChain, lockStaff } from '../event-rows';
import { CLOUD_ORIGIN } from '../programme-change';
import { BoError, notFound } from './errors';
import type { Scope } from './scope';
import { staffInScope } from './staff';

/** The till's PIN hashing cost (src/store/secrets.ts), the only one a `staff.saved` may carry. */
export const STAFF_PIN_COST: ScryptCost = { N: 16384, r: 8, p: 1 };

interface StaffState {
  employeeId: string;
  name: string;
  hlc: string;
  role: 'cashier' | 'manager';
  active: boolean;
  pinHash: string | null;
  pinHlc: string;
}

/** Each staff member's newest save by clock, and their newest PIN hash (as the till folds them). */
async function chainStaff(tx: Queryable, chainId: string): Promise<Map<string, StaffState>> {
  const rows = await tx.query<{
    hlc: string;
    employee_id: string;
    name: string;
    role: 'cashier' | 'manager';
    active: boolean;
    pin_hash: string | null;
  }>(
    `SELECT hlc, payload->>'employeeId' AS employee_id, payload->>'name' AS name, payload->>'role' AS role,
            (payload->>'active')::boolean AS active, payload->>'pinHash' AS pin_hash
       FROM events WHERE chain_id = $1 AND type = 'staff.saved'`,
    [chainId],
  );
  const staff = new Map<string, StaffState>();
  for (const r of rows) {
    const known = staff.get(r.employee_id) ?? {
      employeeId: r.employee_id,
      name: r.name,
      hlc: '',
      role: r.role,
      active: false,
      pinHash: null,
      pinHlc: '',
    };
    if (r.hlc > known.hlc)
      Object.assign(known, { hlc: r.hlc, name: r.name, role: r.role, active: r.active });
    if (r.pin_hash !== null && r.hlc > known.pinHlc)
      Object.assign(known, { pinHash: r.pin_hash, pinHlc: r.hlc });
    staff.set(r.employee_id, known);
  }
  return staff;
}

const refusal = (field: string, key: Parameters<typeof msg>[0], message: string) =>
  new BoError('invalid_request', message, field, msg(key));

export async function saveStaffMember(
  db: Database,
  scope: Scope,
  authorId: string,
  input: BoParsedInput<'staff.save'>,
  now: number,
): Promise<BoStaffMember> {
  // Hashed before the transaction (scrypt is slow; no lock waits for it).
  const pinHash = input.pin === undefined ? null : await hashPassword(input.pin, STAFF_PIN_COST);
  const employeeId = input.staffId ?? uuidv7({ msecs: now });
  // Who the account reaches (read before the lock: its queries run side by side).
  let storeId: string;
  if (input.staffId === undefined) {
    await scope.requireStores(db, [input.storeId!]);
    storeId = input.storeId!;
  } else {
    const reached = (await staffInScope(db, scope)).find((s) => s.staffId === input.staffId);
    if (!reached) throw notFound('the staff member');
    storeId = reached.addedAtStoreId ?? reached.stores[0]!.storeId;
  }
  await db.transaction(async (tx) => {
    // Under the staff lock, as a till's push of staff saves: two saves cannot each pass the rules.
    await lockStaff(tx, scope.chainId);
    const staff = await chainStaff(tx, scope.chainId);
    const existing = input.staffId === undefined ? null : (staff.get(input.staffId) ?? null);
    // As the till rules (src/service/staff.ts): the log-in picks people by name, so no two
    // active ones share one; asked when someone is added, renamed or enabled again.
    const becomesVisible =
      existing === null || !existing.active || !sameStaffName(existing.name, input.name);
    if (
      input.active &&
      becomesVisible &&
      [...staff.values()].some(
        (s) => s.employeeId !== employeeId && s.active && sameStaffName(s.name, input.name),
      )
    )
      throw refusal(
        'name',
        'backoffice.stores.staffNameTaken',
        'an active staff member has this name',
      );
    if (input.pin !== undefined) {
      for (const other of staff.values()) {
        if (other.employeeId === employeeId || !other.active || other.pinHash === null) continue;
        // Never says whose PIN it is: that would tell another person's PIN.
        if (await verifyPassword(input.pin, other.pinHash).catch(() => false))
          throw refusal('pin', 'backoffice.stores.pinTaken', 'an active staff member has this PIN');
      }
    }
    const staysManager = input.active && input.role === 'manager';
    if (existing !== null && existing.active && existing.role === 'manager' && !staysManager) {
      const others = [...staff.values()].filter(
        (s) => s.employeeId !== existing.employeeId && s.active && s.role === 'manager',
      );
      if (others.length === 0)
        throw refusal(
          existing.role !== input.role ? 'role' : 'active',
          'backoffice.stores.lastManager',
          'the chain would have no active manager',
        );
    }
    // The chain's lock for the clock only, after the PINs' checks (scrypt): pushes wait for it.
    await lockChain(tx, scope.chainId);
    const latest = await newestHlc(tx, scope.chainId);
    const clock = latest
      ? receiveHlc(null, decodeHlc(latest), now, CLOUD_ORIGIN)
      : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
    const event: EventEnvelope<'staff.saved'> = {
      id: uuidv7({ msecs: now }),
      chainId: scope.chainId,
      storeId,
      terminalId: CLOUD_ORIGIN,
      hlc: encodeHlc(clock),
      type: 'staff.saved',
      memberId: null,
      payload: {
        employeeId,
        name: input.name,
        role: input.role,
        pinHash,
        active: input.active,
        staffId: authorId,
        at: now,
      },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    await appendEvents(tx, scope.chainId, [event as unknown as LojalEvent], now);
  });
  const saved = (await staffInScope(db, scope)).find((s) => s.staffId === employeeId);
  if (!saved) throw notFound('the staff member');
  return saved;
}
