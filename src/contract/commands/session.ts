/** Log-in and staff. */
import { z } from 'zod';
import { boundedId, boundedText } from '../../core/limits';
import { command, returns } from './define';
import { STAFF_PIN } from './schemas';
import type { StaffDetail, StaffSummary } from './types';

export const sessionCommands = {
  'session.login': command({
    input: z.object({
      pin: z.string().regex(/^\d{4,8}$/, STAFF_PIN),
      /** The token an earlier log-in gave this device: its wrong PINs are counted apart. */
      deviceToken: z.string().min(1).max(100).optional(),
      /**
       * The staff member who chose their name first (from `staff.names`): the PIN is
       * checked against them alone, and a wrong one counts against them too.
       */
      staffId: boundedId().optional(),
    }),
    output: returns<
      StaffSummary & {
        sessionToken: string;
        /** Send it with this device's next log-ins (see `session.login`'s input). */
        deviceToken: string;
      }
    >(),
    role: 'none',
    access: 'write',
    session: false,
  }),

  'session.logout': command({
    input: z.object({}),
    output: returns<{ ok: true }>(),
    role: 'none',
    access: 'write',
  }),

  /** For the log-in screen, before anyone is logged in: ids and names only. */
  'staff.names': command({
    input: z.object({}),
    output: returns<Array<Pick<StaffSummary, 'staffId' | 'name'>>>(),
    role: 'none',
    access: 'read',
    session: false,
  }),

  'staff.list': command({
    input: z.object({}),
    output: returns<StaffDetail[]>(),
    role: 'manager',
    access: 'read',
  }),

  /**
   * Add a staff member (no staffId; a PIN needed) or change one: name, role, a new
   * PIN, disabled or enabled again. A `staff.saved` event the chain's tills pull
   * (names, roles and the PIN's hash, never the PIN). A manager cannot disable or
   * demote themselves, and the chain keeps at least one active manager.
   */
  'staff.save': command({
    input: z.object({
      staffId: boundedId().optional(),
      name: boundedText(80).trim().min(1),
      role: z.enum(['cashier', 'manager']),
      pin: z
        .string()
        .regex(/^\d{4,8}$/, STAFF_PIN)
        .optional(),
      active: z.boolean().default(true),
    }),
    output: returns<StaffDetail>(),
    role: 'manager',
    access: 'write',
  }),
};
