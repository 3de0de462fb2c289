/**
 * The chain's staff, projected from `staff.saved` and `staff.logged_in` in any
 * order: name, role and the active flag come from the newest save by clock, the
 * PIN hash from the newest save that carries one, the last log-in from the
 * newest `staff.logged_in` by its time (its clock breaking ties). The demo staff
 * (`chain_wide = 0`) are rows of this till only and never touched here.
 */
import type { EventEnvelope } from '../../core/events';
import type { Db } from '../db';

interface ProjectedRow {
  chain_wide: number;
  saved_hlc: string | null;
  pin_hlc: string | null;
  created_at: number;
  last_login_at: number | null;
  last_login_hlc: string | null;
}

export function projectStaffSaved(db: Db, event: EventEnvelope<'staff.saved'>): void {
  const p = event.payload;
  const row = db
    .prepare(
      'SELECT chain_wide, saved_hlc, pin_hlc, created_at, last_login_at, last_login_hlc FROM staff WHERE staff_id = ?',
    )
    .get(p.employeeId) as ProjectedRow | undefined;
  // A chain event never overwrites a local (demo) row: their ids are this till's own.
  if (row && row.chain_wide === 0) return;
  if (!row) {
    db.prepare(
      `INSERT INTO staff (staff_id, name, role, pin_hash, created_at, active, chain_wide, saved_hlc, pin_hlc)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ).run(
      p.employeeId,
      p.name,
      p.role,
      p.pinHash,
      p.at,
      p.active ? 1 : 0,
      event.hlc,
      p.pinHash === null ? null : event.hlc,
    );
    // Log-ins heard of before the save (events arrive in any order).
    const login = newestLogin(db, p.employeeId);
    if (login) setLogin(db, p.employeeId, login);
    return;
  }
  if (row.saved_hlc === null || event.hlc > row.saved_hlc) {
    db.prepare(
      'UPDATE staff SET name = ?, role = ?, active = ?, saved_hlc = ? WHERE staff_id = ?',
    ).run(p.name, p.role, p.active ? 1 : 0, event.hlc, p.employeeId);
  }
  if (p.pinHash !== null && (row.pin_hlc === null || event.hlc > row.pin_hlc)) {
    db.prepare('UPDATE staff SET pin_hash = ?, pin_hlc = ? WHERE staff_id = ?').run(
      p.pinHash,
      event.hlc,
      p.employeeId,
    );
  }
  // Created when first saved: the earliest save's time, whichever arrived first.
  if (p.at < row.created_at) {
    db.prepare('UPDATE staff SET created_at = ? WHERE staff_id = ?').run(p.at, p.employeeId);
  }
}

interface Login {
  at: number;
  hlc: string;
  terminalId: string;
}

export function projectStaffLoggedIn(db: Db, event: EventEnvelope<'staff.logged_in'>): void {
  const row = db
    .prepare('SELECT chain_wide, last_login_at, last_login_hlc FROM staff WHERE staff_id = ?')
    .get(event.payload.staffId) as ProjectedRow | undefined;
  // Unknown yet: projectStaffSaved reads it from the log when the save arrives.
  if (!row || row.chain_wide === 0) return;
  const login = { at: event.payload.at, hlc: event.hlc, terminalId: event.terminalId };
  if (isNewer(login, row)) setLogin(db, event.payload.staffId, login);
}

function isNewer(
  login: Login,
  row: Pick<ProjectedRow, 'last_login_at' | 'last_login_hlc'>,
): boolean {
  if (row.last_login_at === null) return true;
  if (login.at !== row.last_login_at) return login.at > row.last_login_at;
  return row.last_login_hlc === null || login.hlc > row.last_login_hlc;
}

function setLogin(db: Db, staffId: string, login: Login): void {
  db.prepare(
    'UPDATE staff SET last_login_at = ?, last_login_hlc = ?, last_login_terminal_id = ? WHERE staff_id = ?',
  ).run(login.at, login.hlc, login.terminalId, staffId);
}

/** The staff member's newest log-in in the log (index events_staff_login, migration 007). */
function newestLogin(db: Db, staffId: string): Login | null {
  const row = db
    .prepare(
      `SELECT json_extract(payload, '$.at') AS at, hlc, terminal_id AS terminalId FROM events
        WHERE type = 'staff.logged_in' AND json_extract(payload, '$.staffId') = ?
        ORDER BY json_extract(payload, '$.at') DESC, hlc DESC LIMIT 1`,
    )
    .get(staffId) as Login | undefined;
  return row ?? null;
}

/** Forget the chain's staff (the demo's local rows stay): a rebuild replays them from the log. */
export function clearChainStaff(db: Db): void {
  db.prepare('DELETE FROM staff WHERE chain_wide = 1').run();
}
