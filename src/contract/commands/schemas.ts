/** Schemas several commands' inputs share (src/contract/commands/*). */
import { z } from 'zod';
import { Gender } from '../../core/events';
import { isBirthDateShape } from '../../core/time';
import { msg } from '../../core/i18n';
import { isWellFormedText, boundedId, LIMITS } from '../../core/limits';
import { says } from '../../core/schema-messages';

/** A PIN (staff or member) as the schemas check it. */
export const STAFF_PIN = says(msg('contract.staffPin'));
export const MEMBER_PIN = says(msg('contract.memberPin'));

/**
 * What the till takes in, it can store and send: every id and text bounded and
 * well-formed, every figure within LIMITS (src/core/limits.ts), so the cloud
 * never refuses an event the till committed.
 */
export const WELL_FORMED = says(msg('contract.wellFormed'));

/** Typed text: trimmed, at most `max` characters, well-formed. */
export const typed = (max: number) =>
  z.string().trim().max(max).refine(isWellFormedText, WELL_FORMED);

export const BasketLine = z.object({
  sku: boundedId(),
  quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
  /** Optional client id for the line; generated when missing. */
  lineId: boundedId().optional(),
});

export const Selections = z
  .object({
    couponIds: z.array(boundedId()).max(LIMITS.maxBasketLines).default([]),
    rewardIds: z.array(boundedId()).max(LIMITS.maxBasketLines).default([]),
    pointsToRedeem: z.number().int().nonnegative().max(LIMITS.maxPoints).default(0),
    cashbackToRedeemOre: z.number().int().nonnegative().max(LIMITS.maxBasketOre).default(0),
    useTierOnce: z.boolean().default(false),
  })
  .default({
    couponIds: [],
    rewardIds: [],
    pointsToRedeem: 0,
    cashbackToRedeemOre: 0,
    useTierOnce: false,
  });

export const BasketInput = z.object({
  lines: z.array(BasketLine).max(LIMITS.maxBasketLines),
  memberId: boundedId().nullable().default(null),
  /**
   * The verification the service gave this session for this member (a card/QR
   * lookup or scan, a right member PIN): see src/service/verifications.ts.
   */
  verification: z.string().min(1).max(100).optional(),
  /** Accepted for old clients and ignored: only the service's verification counts. */
  verified: z.boolean().default(false),
  /** A member PIN typed to verify a phone-only lookup. */
  memberPin: z
    .string()
    .regex(/^\d{4,8}$/, MEMBER_PIN)
    .optional(),
  selections: Selections,
});

export const ProfileInput = z.object({
  firstName: typed(80).optional(),
  lastName: typed(80).optional(),
  email: z
    .string()
    .trim()
    .email(says(msg('contract.email')))
    .max(254)
    .optional(),
  birthDate: z
    .string()
    .refine(isBirthDateShape, { message: says(msg('contract.birthDate')) })
    .optional(),
  postalCode: z
    .string()
    .regex(/^\d{4}$/, says(msg('contract.postalCode')))
    .optional(),
  gender: Gender.optional(),
});
