/**
 * Staff are events (`staff.saved`, `staff.logged_in`): the `staff` table becomes
 * a projection of the chain's staff, beside the demo staff who stay rows of this
 * till only (`chain_wide = 0`, their PINs are public).
 *
 * - `pin_hash` may be null: a till may hear of a staff member's change before
 *   the save that set their PIN (events arrive in any order); they cannot log in
 *   until it arrives.
 * - `saved_hlc`: the save whose name, role and active flag are in force (newest
 *   by clock); `pin_hlc`: the save whose PIN hash is in force.
 * - The last log-in: the newest `staff.logged_in` by its `at`, and its terminal.
 *
 * Rows from before are kept as they are; the demo's two are marked local. The
 * service writes a `staff.saved` for each of the others at start (once).
 */
export const sql = /* sql */ `
CREATE TABLE staff_new (
  staff_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  -- scrypt with a per-PIN salt; a PIN is never stored. Null until a save with a PIN is heard of.
  pin_hash TEXT,
  created_at INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  -- 1: from staff.saved events (every till of the chain); 0: this till only (the demo staff)
  chain_wide INTEGER NOT NULL DEFAULT 1 CHECK (chain_wide IN (0, 1)),
  saved_hlc TEXT,
  pin_hlc TEXT,
  last_login_at INTEGER,
  last_login_terminal_id TEXT,
  last_login_hlc TEXT
) STRICT;
INSERT INTO staff_new (staff_id, name, role, pin_hash, created_at, chain_wide)
  SELECT staff_id, name, role, pin_hash, created_at,
         CASE WHEN staff_id IN ('demo-kari', 'demo-morten') THEN 0 ELSE 1 END
    FROM staff;
DROP TABLE staff;
ALTER TABLE staff_new RENAME TO staff;

CREATE INDEX events_staff_login ON events (json_extract(payload, '$.staffId'))
  WHERE type = 'staff.logged_in';
CREATE INDEX events_staff_saved ON events (json_extract(payload, '$.employeeId'))
  WHERE type = 'staff.saved';
`;
