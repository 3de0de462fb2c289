/** Logging in and out, and the till's staff (manager only). */
import { msg } from '../../core/i18n';
import { listStaff, newSecretToken, staffById, staffByPin, staffWithPin } from '../../store';
import { addLoginDevice, knownLoginDevice } from '../../store/pin-throttle';
import type { StaffMember } from '../../store';
import type { StaffSummary } from '../commands';
import { ServiceError } from '../commands';
import type { Handlers } from '../handler-types';
import { NAMED_CLIENT_FREE_ATTEMPTS, secondsLeft, throttleKeys } from '../login-throttle';
import { recordLogin, saveStaffMember, staffDetails } from '../staff';

function summary(staff: StaffMember): StaffSummary {
  return { staffId: staff.staffId, name: staff.name, role: staff.role };
}

/** 429 while a log-in key is locked; names the staff member when it is theirs. */
function loginLocked(lockedMs: number, staff: StaffMember | null): ServiceError {
  const seconds = secondsLeft(lockedMs);
  return new ServiceError(
    'login_locked',
    staff === null
      ? msg('commands.loginLocked', { seconds })
      : msg('commands.loginLockedFor', { name: staff.name, seconds }),
    'pin',
    429,
  );
}

function wrongPin(): ServiceError {
  return new ServiceError('wrong_pin', msg('commands.wrongPin'), 'pin', 401);
}

export const sessionHandlers: Handlers<
  'session.login' | 'session.logout' | 'staff.names' | 'staff.list' | 'staff.save'
> = {
  'session.login': ({ pin, deviceToken, staffId }, ctx) => {
    // A device that logged in before counts its own wrong PINs; every client the
    // till does not know yet shares one count. Someone guessing from an unknown
    // client locks only unknown clients, never the tills' own log-ins.
    const known = deviceToken === undefined ? null : knownLoginDevice(ctx.db, deviceToken);
    const throttle = ctx.pinThrottle;
    let staff: StaffMember | null;
    if (staffId === undefined) {
      // By PIN alone: a wrong PIN names nobody, so it is counted per client only.
      const key = known === null ? throttleKeys.unknownClient : throttleKeys.device(known);
      const lockedMs = throttle.lockedFor(key, ctx.now);
      if (lockedMs > 0) throw loginLocked(lockedMs, null);
      staff = staffByPin(ctx.db, pin);
      if (!staff) {
        throttle.failed(key, ctx.now);
        throw wrongPin();
      }
      // A right PIN does not clear the client's count (see login-throttle.ts).
    } else {
      // By name: the PIN is checked against the chosen staff member alone, and a
      // wrong one counts against them (5 wrong lock them, from every client) and
      // against the client's log-ins by name (which allow a few staff members'
      // worth, so a colleague at the same till still gets in). Log-ins by PIN
      // alone keep their own per-client count, untouched by these.
      // A disabled staff member is no longer on the log-in screen: as if gone.
      const chosen = staffById(ctx.db, staffId);
      if (!chosen || !chosen.active) {
        throw new ServiceError(
          'unknown_staff',
          msg('commands.chosenStaffGone', { staffId }),
          'staffId',
          404,
        );
      }
      const staffKey = throttleKeys.staff(chosen.staffId);
      const clientKey = throttleKeys.namedClient(known);
      const staffLockedMs = throttle.lockedFor(staffKey, ctx.now);
      if (staffLockedMs > 0) throw loginLocked(staffLockedMs, chosen);
      const clientLockedMs = throttle.lockedFor(clientKey, ctx.now);
      if (clientLockedMs > 0) throw loginLocked(clientLockedMs, null);
      staff = staffWithPin(ctx.db, chosen.staffId, pin);
      if (!staff) {
        throttle.failed(staffKey, ctx.now);
        throttle.failed(clientKey, ctx.now, NAMED_CLIENT_FREE_ATTEMPTS);
        throw wrongPin();
      }
      // Only this staff member's own PIN clears their count; the client's stays.
      throttle.succeeded(staffKey, ctx.now);
    }
    const device = known === null ? newSecretToken() : deviceToken!;
    addLoginDevice(ctx.db, device, ctx.now);
    recordLogin(ctx, staff);
    const sessionToken = ctx.sessions.open({ role: staff.role, staffId: staff.staffId });
    return { ...summary(staff), sessionToken, deviceToken: device };
  },

  'session.logout': (_input, ctx) => {
    ctx.sessions.close(ctx.session);
    return { ok: true };
  },

  // The log-in screen's name buttons: the names are shown to anyone at the till anyway.
  'staff.names': (_input, ctx) =>
    listStaff(ctx.db, { activeOnly: true }).map(({ staffId, name }) => ({ staffId, name })),

  'staff.list': (_input, ctx) => staffDetails(ctx.db),

  'staff.save': (input, ctx) => saveStaffMember(ctx, input, ctx.session.staffId),
};
