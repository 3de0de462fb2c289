/**
 * Stores and their staff in the back office ("Butikker og kasser"): an owner
 * adds a store of the chain (its store code answered, to type at the store's
 * first till) and renames one; an owner, or a store manager for their stores,
 * adds and changes the chain's staff. A staff change is a `staff.saved` event
 * (the PIN's scrypt hash only, never the PIN) written by the cloud into the
 * chain's log with the account as its author, which every till pulls: the
 * person logs in at the chain's tills with that PIN.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { isWellFormedText } from '../../core/limits';
import { issueSaying, says } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { Id, PersonName } from './schemas';
import type { BoStaffMember, BoStore } from './types';

/** The cloud's words when it refuses (beyond the schemas' own). */
export const STORE_REFUSALS = {
  storeNameTaken: 'backoffice.stores.nameTaken',
  pinTaken: 'backoffice.stores.pinTaken',
  lastManager: 'backoffice.stores.lastManager',
  pinNeeded: 'backoffice.stores.pinNeeded',
} as const;

export const StoreName = z
  .string()
  .trim()
  .min(1, says(msg('backoffice.stores.nameNeeded')))
  .max(80, says(msg('backoffice.input.nameTooLong', { max: 80 })))
  .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

/** A staff PIN as the till takes it (src/contract/commands/session.ts). */
export const StaffPin = z.string().regex(/^\d{4,8}$/, says(msg('contract.staffPin')));

const StaffSave = z
  .object({
    /** Absent: a new staff member. */
    staffId: Id().optional(),
    /** Where a new staff member is added (a store the account reaches). */
    storeId: Id().optional(),
    name: PersonName,
    role: z.enum(['cashier', 'manager']),
    /** A new PIN, typed twice; absent keeps the one they have (a new one needs one). */
    pin: StaffPin.optional(),
    pinAgain: z.string().max(8).optional(),
    active: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    if (input.staffId === undefined && input.storeId === undefined)
      ctx.addIssue(issueSaying(msg('backoffice.stores.storeNeeded'), ['storeId']));
    if (input.staffId === undefined && input.pin === undefined)
      ctx.addIssue(issueSaying(msg('backoffice.stores.pinNeeded'), ['pin']));
    if (input.pin !== undefined && input.pin !== input.pinAgain)
      ctx.addIssue(issueSaying(msg('backoffice.stores.pinsDiffer'), ['pinAgain']));
  });

export const storesCommands = {
  /** An owner adds a store of the chain; answered with its store code. */
  'stores.add': boCommand({
    input: z.object({ name: StoreName }),
    output: returns<BoStore>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /** An owner renames a store (tills paired already keep the name they were given). */
  'stores.rename': boCommand({
    input: z.object({ storeId: Id(), name: StoreName }),
    output: returns<BoStore>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /**
   * Adds or changes a staff member of the chain (name, role, a new PIN,
   * disabled or enabled): a store manager only for staff of their stores.
   */
  'staff.save': boCommand({
    input: StaffSave,
    output: returns<BoStaffMember>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),
} as const;
