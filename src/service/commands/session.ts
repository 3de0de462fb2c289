/** Logging in and out, and the till's staff (manager only). */
import { text } from '../../core/i18n';
import {
  listStaff,
  newEventId,
  newSecretToken,
  saveStaff,
  staffById,
  staffByPin,
} from '../../store';
import { addLoginDevice, knownLoginDevice } from '../../store/pin-throttle';
import type { StaffMember } from '../../store';
import type { StaffSummary } from '../commands';
import { ServiceError } from '../commands';
import { conflict } from '../errors';
import type { Handlers } from '../handler-types';
import { secondsLeft, throttleKeys } from '../login-throttle';

function summary(staff: StaffMember): StaffSummary {
  return { staffId: staff.staffId, name: staff.name, role: staff.role };
}

export const sessionHandlers: Handlers<
  'session.login' | 'session.logout' | 'staff.list' | 'staff.save'
> = {
  'session.login': ({ pin, deviceToken }, ctx) => {
    // Log-in is by PIN alone, so a wrong PIN names nobody: wrong PINs are counted
    // per client. A device that logged in before counts its own; every client the
    // till does not know yet shares one count. Someone guessing from an unknown
    // client locks only unknown clients, never the tills' own log-ins.
    const known = deviceToken === undefined ? null : knownLoginDevice(ctx.db, deviceToken);
    const key = known === null ? throttleKeys.unknownClient : throttleKeys.device(known);
    const throttle = ctx.pinThrottle;
    const lockedMs = throttle.lockedFor(key, ctx.now);
    if (lockedMs > 0) {
      const seconds = secondsLeft(lockedMs);
      throw new ServiceError(
        'login_locked',
        text(
          `For mange feil PIN-koder: innloggingen er sperret i ${seconds} s til. Vent, eller spør en leder.`,
          `too many wrong PINs: log-in is locked for ${seconds} s more; wait, or ask a manager`,
        ),
        'pin',
        429,
      );
    }
    const staff = staffByPin(ctx.db, pin);
    if (!staff) {
      throttle.failed(key, ctx.now);
      throw new ServiceError(
        'wrong_pin',
        text(
          'Feil PIN-kode. Prøv igjen, eller spør en leder.',
          'wrong PIN: try again or ask a manager',
        ),
        'pin',
        401,
      );
    }
    // A right PIN does not clear the client's count (see login-throttle.ts).
    const device = known === null ? newSecretToken() : deviceToken!;
    addLoginDevice(ctx.db, device, ctx.now);
    const sessionToken = ctx.sessions.open({ role: staff.role, staffId: staff.staffId });
    return { ...summary(staff), sessionToken, deviceToken: device };
  },

  'session.logout': (_input, ctx) => {
    ctx.sessions.close(ctx.session);
    return { ok: true };
  },

  'staff.list': (_input, ctx) => listStaff(ctx.db).map(summary),

  'staff.save': (input, ctx) => {
    const staffId = input.staffId ?? newEventId();
    const existing = input.staffId ? staffById(ctx.db, input.staffId) : null;
    if (input.staffId && !existing) {
      throw new ServiceError(
        'unknown_staff',
        text(
          `Fant ingen ansatt med id ${input.staffId}. Velg en ansatt fra listen.`,
          `no staff member with id ${input.staffId}`,
        ),
        'staffId',
        404,
      );
    }
    const result = saveStaff(ctx.db, {
      staffId,
      name: input.name,
      role: input.role,
      pin: input.pin,
      createdAt: existing?.createdAt ?? ctx.now,
    });
    if ('pinTakenBy' in result) {
      // Never say whose PIN it is: that would tell the caller another person's PIN.
      throw conflict(
        'pin_taken',
        text(
          'En annen ansatt bruker denne PIN-koden. Velg en annen.',
          'another staff member uses this PIN: choose another',
        ),
        'pin',
      );
    }
    return summary(result.saved);
  },
};
