/**
 * The chain's conflicts in the back office ("Konflikter"): what two tills did
 * offline that cannot both stand — a coupon, a punch-card reward or a tier's
 * once-a-period discount used by two sales, points or bonus spent beyond the
 * balance — found by the cloud with the engine's own flags (cloud/members.ts),
 * with where and when, and how each was settled. Identity clashes (two
 * members sharing a phone) are the members' page's (merging), not listed here.
 *
 * A conflict belongs to the stores of the sales (or returns) involved: a
 * store manager sees the conflicts any of whose sales were made at their
 * stores, a sale at another store only as "another store", and the member
 * only by first name, last initial and the member number's last digits.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { isWellFormedText, LIMITS } from '../../core/limits';
import { issueSaying, says } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { Id } from './schemas';

export const CONFLICT_KINDS = [
  'coupon_redeemed_twice',
  'reward_redeemed_twice',
  'tier_once_used_twice',
  'negative_points',
  'negative_cashback',
] as const;
export type BoConflictKind = (typeof CONFLICT_KINDS)[number];

export const SETTLE_ACTIONS = ['write_off', 'adjust', 'contacted'] as const;
export type BoSettleAction = (typeof SETTLE_ACTIONS)[number];

/** The cloud's words when it refuses a settlement (beyond the schema's own). */
export const SETTLE_REFUSALS = {
  pointsOverCap: 'backoffice.conflicts.pointsOverCap',
  memberErased: 'backoffice.conflicts.memberErased',
  settledAlready: 'backoffice.conflicts.settledAlready',
} as const;

/** Open conflicts listed at most (oldest first), and settled ones (newest first). */
export const CONFLICTS_LIST_MAX = 500;
export const SETTLED_LIST_MAX = 200;

export interface BoConflictEvent {
  what: 'sale' | 'return' | 'adjustment';
  at: number;
  /** False: at a store of the chain this account does not reach (no names then). */
  reachable: boolean;
  storeName: string | null;
  tillName: string | null;
  receiptNo: string | null;
}

export interface BoConflictMember {
  /** As this account may see it: a store manager gets the first name and last initial. */
  name: string | null;
  /** Whole for an owner; a store manager sees the last four digits. */
  memberNumber: string;
  /** An owner's only. */
  phone: string | null;
  email: string | null;
  erased: boolean;
}

export interface BoSettlement {
  action: BoSettleAction;
  /** The adjustment's points (action adjust). */
  points: number | null;
  note: string;
  byName: string;
  at: number;
}

export interface BoConflict {
  conflictId: string;
  kind: BoConflictKind;
  /** The coupon, reward or tier period used twice; null for a balance. */
  subject: string | null;
  /** The negative balance: points, or øre of bonus; null for a double use. */
  amount: number | null;
  member: BoConflictMember;
  /** The sales (returns, adjustments) involved, oldest first. */
  events: BoConflictEvent[];
  firstSeenAt: number;
  lastSeenAt: number;
  settlement: BoSettlement | null;
}

export interface BoConflicts {
  open: BoConflict[];
  settled: BoConflict[];
  /** The most points one adjustment may move in this chain (the programme's cap). */
  maxAdjustment: number;
}

export const SettleInput = z
  .object({
    conflictId: Id(),
    action: z.enum(SETTLE_ACTIONS),
    note: z
      .string()
      .trim()
      .min(1, says(msg('backoffice.conflicts.noteNeeded')))
      .max(
        LIMITS.maxTextLength,
        says(msg('backoffice.conflicts.noteTooLong', { max: LIMITS.maxTextLength })),
      )
      .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) }),
    /** For `adjust`: points added (negative: taken), not zero. */
    points: z
      .number({ error: says(msg('backoffice.conflicts.pointsWhole')) })
      .int(says(msg('backoffice.conflicts.pointsWhole')))
      .min(-LIMITS.maxPointsAdjustment, says(msg('backoffice.conflicts.pointsWhole')))
      .max(LIMITS.maxPointsAdjustment, says(msg('backoffice.conflicts.pointsWhole')))
      .nullable()
      .default(null),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'adjust' && (input.points === null || input.points === 0))
      ctx.addIssue(issueSaying(msg('backoffice.conflicts.pointsNeeded'), ['points']));
    if (input.action !== 'adjust' && input.points !== null)
      ctx.addIssue(issueSaying(msg('backoffice.conflicts.pointsOnlyToAdjust'), ['points']));
  });

export const conflictsCommands = {
  /** Open conflicts (oldest first) and settled ones (newest first) of the stores the account reaches. */
  'conflicts.list': boCommand({
    input: z.object({}),
    output: returns<BoConflicts>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /**
   * Settles an open conflict: written off (the chain bears it, nothing changes
   * for the member), adjusted (a `points.adjusted` for the member the tills
   * pull, within the programme's cap), or the member contacted; with a note.
   * Kept with who and when.
   */
  'conflicts.settle': boCommand({
    input: SettleInput,
    output: returns<BoConflict>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),
} as const;
