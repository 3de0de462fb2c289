/**
 * The chain's staff as events (`staff.saved`): the rules for saving a staff
 * member, shared by `staff.save` and the first run (src/service/commands/setup.ts).
 * The demo staff (`chainWide: false`) stay rows of this till only: a manager
 * editing one edits the row, and no event is written.
 */
import type { StaffDetail } from '../contract/commands/types';
import { msg } from '../core/i18n';
import { sameStaffName } from '../core/staff-names';
import {
  activeManagerIds,
  hasActiveStaff as anyActiveStaff,
  hasStaffEvents,
  hashPin,
  listStaff,
  newEventId,
  recordLocalLogin,
  saveStaff,
  staffById,
  staffByPin,
  staffWithoutEvents,
  storedPinHash,
} from '../store';
import type { Readable, StaffMember, StaffRole } from '../store';
import { conflict } from './errors';
import type { CommandContext } from './handler-types';
import { ServiceError } from './service-error';

export interface StaffMemberInput {
  /** Absent: a new staff member. */
  staffId?: string;
  name: string;
  role: StaffRole;
  /** A new PIN; absent keeps the one they have (a new staff member needs one). */
  pin?: string;
  /** Default true. */
  active?: boolean;
}

export function staffDetail(staff: StaffMember): StaffDetail {
  return {
    staffId: staff.staffId,
    name: staff.name,
    role: staff.role,
    active: staff.active,
    chainWide: staff.chainWide,
    lastLoginAt: staff.lastLoginAt,
    lastLoginTerminalId: staff.lastLoginTerminalId,
    createdAt: staff.createdAt,
  };
}

/** Every staff member this till knows (the staff screen), by name. */
export function staffDetails(db: Readable): StaffDetail[] {
  return listStaff(db).map(staffDetail);
}

/** True when someone can log in at this till (else the first run is shown). */
export function hasActiveStaff(db: Readable): boolean {
  return anyActiveStaff(db);
}

/**
 * Add or change a staff member by the rules of `staff.save`, as `author` (the
 * manager saving; null for a chain's first manager). A chain staff member's
 * save is a `staff.saved` event (the PIN's hash only); a demo staff member's is
 * their local row.
 */
export function saveStaffMember(
  ctx: CommandContext,
  input: StaffMemberInput,
  author: string | null,
): StaffDetail {
  const active = input.active ?? true;
  const existing = input.staffId === undefined ? null : staffById(ctx.db, input.staffId);
  if (input.staffId !== undefined && existing === null) {
    throw new ServiceError(
      'unknown_staff',
      msg('commands.unknownStaff', { staffId: input.staffId }),
      'staffId',
      404,
    );
  }
  if (existing === null && input.pin === undefined) {
    throw new ServiceError('pin_required', msg('commands.pinRequired'), 'pin', 400);
  }
  // The log-in screen picks people by name: two active ones with the same name cannot be told
  // apart. Asked when someone is added, renamed or enabled again; twins that exist already (two
  // tills offline, the back office) can still have their PINs and roles changed.
  const becomesVisible =
    existing === null || !existing.active || !sameStaffName(existing.name, input.name);
  if (active && becomesVisible) {
    const twin = listStaff(ctx.db, { activeOnly: true }).find(
      (s) => s.staffId !== existing?.staffId && sameStaffName(s.name, input.name),
    );
    if (twin !== undefined) throw conflict('name_taken', msg('commands.nameTaken'), 'name');
  }
  if (input.pin !== undefined) {
    const holder = staffByPin(ctx.db, input.pin);
    // Never say whose PIN it is: that would tell the caller another person's PIN.
    if (holder !== null && holder.staffId !== existing?.staffId) {
      throw conflict('pin_taken', msg('commands.pinTaken'), 'pin');
    }
  }
  const staysManager = active && input.role === 'manager';
  if (existing !== null && author !== null && existing.staffId === author && !staysManager) {
    throw conflict(
      'own_account',
      msg('commands.ownAccount'),
      existing.role !== input.role ? 'role' : 'active',
    );
  }
  if (existing !== null && existing.active && existing.role === 'manager' && !staysManager) {
    const others = activeManagerIds(ctx.db).filter((id) => id !== existing.staffId);
    if (others.length === 0) {
      throw conflict(
        'last_manager',
        msg('commands.lastManager'),
        existing.role !== input.role ? 'role' : 'active',
      );
    }
  }

  // Their sessions here end when they may no longer do what they logged in for.
  if (existing !== null && (!active || existing.role !== input.role)) {
    ctx.sessions.closeStaff(existing.staffId);
  }

  if (existing !== null && !existing.chainWide) {
    const result = saveStaff(ctx.db, {
      staffId: existing.staffId,
      name: input.name,
      role: input.role,
      ...(input.pin === undefined ? {} : { pin: input.pin }),
      active,
      createdAt: existing.createdAt,
    });
    if ('pinTakenBy' in result) throw conflict('pin_taken', msg('commands.pinTaken'), 'pin');
    return staffDetail(result.saved);
  }

  const employeeId = existing?.staffId ?? newEventId();
  ctx.append([
    ctx.event('staff.saved', null, {
      employeeId,
      name: input.name,
      role: input.role,
      pinHash: input.pin === undefined ? null : hashPin(input.pin),
      active,
      staffId: author,
      at: ctx.now,
    }),
  ]);
  return staffDetail(staffById(ctx.db, employeeId)!);
}

/**
 * A staff member logged in at this till: a `staff.logged_in` event for the
 * chain's staff (their last log-in reaches every till), the local row for the
 * demo's. In the log-in's own unit of work.
 */
export function recordLogin(ctx: CommandContext, staff: StaffMember): void {
  if (!staff.chainWide) {
    recordLocalLogin(ctx.db, staff.staffId, ctx.now, ctx.terminal.terminalId);
    return;
  }
  ctx.append([ctx.event('staff.logged_in', null, { staffId: staff.staffId, at: ctx.now })]);
}

/**
 * A till kept staff rows before staff were events: at start, when the log has
 * no `staff.saved` yet, one is written per row (managers first: the first by no
 * author, the rest by that manager), keeping the stored PIN hash. Once: after
 * it the log has them. Answers how many were written.
 */
export function adoptStaffRows(ctx: CommandContext): number {
  if (hasStaffEvents(ctx.db)) return 0;
  const rows = staffWithoutEvents(ctx.db);
  let author: string | null = null;
  const firstManager = rows.find((row) => row.role === 'manager');
  const events = rows.map((row) => {
    const event = ctx.event('staff.saved', null, {
      employeeId: row.staffId,
      name: row.name,
      role: row.role,
      pinHash: storedPinHash(ctx.db, row.staffId),
      active: row.active,
      staffId: author,
      at: row.createdAt,
    });
    if (row === firstManager) author = row.staffId;
    return event;
  });
  if (events.length > 0) ctx.append(events);
  return events.length;
}
