/** Staff of this till: names, roles and hashed PINs (local only, never synced). */
import { reading } from './db';
import type { Db, Readable } from './db';
import { hashPin, verifyPin } from './secrets';

export type StaffRole = 'cashier' | 'manager';

export interface StaffMember {
  staffId: string;
  name: string;
  role: StaffRole;
  createdAt: number;
}

interface StaffRow {
  staff_id: string;
  name: string;
  role: StaffRole;
  pin_hash: string;
  created_at: number;
}

function fromRow(row: StaffRow): StaffMember {
  return { staffId: row.staff_id, name: row.name, role: row.role, createdAt: row.created_at };
}

export function listStaff(handle: Readable): StaffMember[] {
  const db = reading(handle);
  const rows = db.prepare('SELECT * FROM staff ORDER BY name, staff_id').all() as StaffRow[];
  return rows.map(fromRow);
}

export function staffById(db: Db, staffId: string): StaffMember | null {
  const row = db.prepare('SELECT * FROM staff WHERE staff_id = ?').get(staffId) as
    StaffRow | undefined;
  return row ? fromRow(row) : null;
}

/** The staff member whose PIN this is, or null. PINs are unique per till (saveStaff checks). */
export function staffByPin(db: Db, pin: string): StaffMember | null {
  const rows = db.prepare('SELECT * FROM staff ORDER BY staff_id').all() as StaffRow[];
  const match = rows.find((row) => verifyPin(pin, row.pin_hash));
  return match ? fromRow(match) : null;
}

/** This staff member if the PIN is theirs, else null (a log-in by name hashes one PIN only). */
export function staffWithPin(db: Db, staffId: string, pin: string): StaffMember | null {
  const row = db.prepare('SELECT * FROM staff WHERE staff_id = ?').get(staffId) as
    StaffRow | undefined;
  return row && verifyPin(pin, row.pin_hash) ? fromRow(row) : null;
}

export interface StaffInput {
  staffId: string;
  name: string;
  role: StaffRole;
  pin: string;
  createdAt: number;
}

/** Create or update a staff member. Answers the other staff member holding the PIN, if any. */
export function saveStaff(
  db: Db,
  input: StaffInput,
): { saved: StaffMember } | { pinTakenBy: StaffMember } {
  const holder = staffByPin(db, input.pin);
  if (holder && holder.staffId !== input.staffId) return { pinTakenBy: holder };
  db.prepare(
    `INSERT INTO staff (staff_id, name, role, pin_hash, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, role = excluded.role,
       pin_hash = excluded.pin_hash`,
  ).run(input.staffId, input.name, input.role, hashPin(input.pin), input.createdAt);
  return { saved: staffById(db, input.staffId)! };
}
