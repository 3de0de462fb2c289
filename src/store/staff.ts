/**
 * Staff of this till: the chain's staff (projected from `staff.saved` events,
 * src/store/projections/staff.ts) and the demo staff, rows of this till only
 * (`chain_wide = 0`: their PINs are public, so they open no other till).
 * PINs are kept as scrypt hashes only.
 */
import { reading } from './db';
import type { Db, Readable } from './db';
import { hashPin, verifyPin } from './secrets';
import { statement } from './statements';

export type StaffRole = 'cashier' | 'manager';

export interface StaffMember {
  staffId: string;
  name: string;
  role: StaffRole;
  createdAt: number;
  active: boolean;
  /** False for the demo staff (this till only). */
  chainWide: boolean;
  lastLoginAt: number | null;
  lastLoginTerminalId: string | null;
}

interface StaffRow {
  staff_id: string;
  name: string;
  role: StaffRole;
  pin_hash: string | null;
  created_at: number;
  active: number;
  chain_wide: number;
  last_login_at: number | null;
  last_login_terminal_id: string | null;
}

function fromRow(row: StaffRow): StaffMember {
  return {
    staffId: row.staff_id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    active: row.active === 1,
    chainWide: row.chain_wide === 1,
    lastLoginAt: row.last_login_at,
    lastLoginTerminalId: row.last_login_terminal_id,
  };
}

/** Every staff member, or only those who may log in (`activeOnly`). */
export function listStaff(handle: Readable, options: { activeOnly?: boolean } = {}): StaffMember[] {
  const db = reading(handle);
  const where = options.activeOnly ? 'WHERE active = 1' : '';
  const rows = db
    .prepare(`SELECT * FROM staff ${where} ORDER BY name, staff_id`)
    .all() as StaffRow[];
  return rows.map(fromRow);
}

/** True when someone can log in: an active staff member with a PIN. */
export function hasActiveStaff(handle: Readable): boolean {
  const db = reading(handle);
  return (
    db.prepare('SELECT 1 FROM staff WHERE active = 1 AND pin_hash IS NOT NULL LIMIT 1').get() !==
    undefined
  );
}

/** Active managers of this till (the chain's and the demo's). */
export function activeManagerIds(handle: Readable): string[] {
  const db = reading(handle);
  return db
    .prepare("SELECT staff_id FROM staff WHERE active = 1 AND role = 'manager' ORDER BY staff_id")
    .pluck()
    .all() as string[];
}

/** Read where a session token becomes a session, so on every command: prepared once. */
export function staffById(handle: Readable, staffId: string): StaffMember | null {
  const row = statement(reading(handle), 'SELECT * FROM staff WHERE staff_id = ?').get(staffId) as
    StaffRow | undefined;
  return row ? fromRow(row) : null;
}

/** A stored hash that cannot be read (or costs too much) matches no PIN. */
function matches(pin: string, stored: string | null): boolean {
  if (stored === null) return false;
  try {
    return verifyPin(pin, stored);
  } catch {
    return false;
  }
}

/** The active staff member whose PIN this is, or null. PINs are unique among active staff. */
export function staffByPin(handle: Readable, pin: string): StaffMember | null {
  const db = reading(handle);
  const rows = db
    .prepare('SELECT * FROM staff WHERE active = 1 AND pin_hash IS NOT NULL ORDER BY staff_id')
    .all() as StaffRow[];
  const match = rows.find((row) => matches(pin, row.pin_hash));
  return match ? fromRow(match) : null;
}

/** This staff member if active and the PIN is theirs, else null (a log-in by name hashes one PIN only). */
export function staffWithPin(handle: Readable, staffId: string, pin: string): StaffMember | null {
  const db = reading(handle);
  const row = db.prepare('SELECT * FROM staff WHERE staff_id = ? AND active = 1').get(staffId) as
    StaffRow | undefined;
  return row && matches(pin, row.pin_hash) ? fromRow(row) : null;
}

/** The stored PIN hash (for writing a chain's first events from rows kept before staff were events). */
export function storedPinHash(handle: Readable, staffId: string): string | null {
  const db = reading(handle);
  return (
    (db.prepare('SELECT pin_hash FROM staff WHERE staff_id = ?').pluck().get(staffId) as
      string | null | undefined) ?? null
  );
}

/**
 * Rows of the chain's staff that no `staff.saved` event made (kept from before
 * staff were events): managers first, then by name.
 */
export function staffWithoutEvents(handle: Readable): StaffMember[] {
  const db = reading(handle);
  const rows = db
    .prepare(
      `SELECT * FROM staff WHERE chain_wide = 1 AND saved_hlc IS NULL
        ORDER BY CASE role WHEN 'manager' THEN 0 ELSE 1 END, created_at, name, staff_id`,
    )
    .all() as StaffRow[];
  return rows.map(fromRow);
}

export function hasStaffEvents(handle: Readable): boolean {
  const db = reading(handle);
  return db.prepare("SELECT 1 FROM events WHERE type = 'staff.saved' LIMIT 1").get() !== undefined;
}

export interface StaffInput {
  staffId: string;
  name: string;
  role: StaffRole;
  /** The new PIN; absent keeps the one stored (a new row needs one). */
  pin?: string;
  active?: boolean;
  createdAt: number;
}

/**
 * Create or update a staff member of this till only (the demo staff). Answers
 * the other active staff member holding the PIN, if any.
 */
export function saveStaff(
  db: Db,
  input: StaffInput,
): { saved: StaffMember } | { pinTakenBy: StaffMember } {
  if (input.pin !== undefined) {
    const holder = staffByPin(db, input.pin);
    if (holder && holder.staffId !== input.staffId) return { pinTakenBy: holder };
  }
  const pinHash = input.pin === undefined ? null : hashPin(input.pin);
  const active = input.active === false ? 0 : 1;
  db.prepare(
    `INSERT INTO staff (staff_id, name, role, pin_hash, created_at, active, chain_wide)
     VALUES (?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, role = excluded.role,
       pin_hash = coalesce(excluded.pin_hash, staff.pin_hash), active = excluded.active`,
  ).run(input.staffId, input.name, input.role, pinHash, input.createdAt, active);
  return { saved: staffById(db, input.staffId)! };
}

/** A log-in of a staff member of this till only (the chain's are `staff.logged_in` events). */
export function recordLocalLogin(db: Db, staffId: string, at: number, terminalId: string): void {
  db.prepare(
    `UPDATE staff SET last_login_at = ?, last_login_terminal_id = ?
      WHERE staff_id = ? AND chain_wide = 0`,
  ).run(at, terminalId, staffId);
}
