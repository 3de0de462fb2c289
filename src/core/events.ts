/**
 * Every change is an event. Events are validated here so a till and the cloud
 * read them the same way. Effects of a sale (points, stamps, coupons used) are
 * computed once by the engine at the till and recorded in the event, so every
 * party that folds the same events reaches the same member state.
 */
import { z } from 'zod';
import { Programme } from './programme';
import { Catalogue } from './catalogue';
import { boundedId, findJsonProblem, LIMITS } from './limits';
import type { JsonProblem } from './limits';

export const EVENT_SCHEMA_VERSION = 1;

const ms = z.number().int().nonnegative();
const ore = z.number().int();
const text = z.object({ nb: z.string(), en: z.string() });

export const Gender = z.enum(['female', 'male', 'other']);
/** The profile's fields without defaults: a change names only the fields it sets. */
const ProfileValues = z.object({
  firstName: z.string().max(80).nullable(),
  lastName: z.string().max(80).nullable(),
  email: z.string().max(254).nullable(),
  birthDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  postalCode: z.string().max(12).nullable(),
  gender: Gender.nullable(),
});
export const Profile = z.object({
  firstName: ProfileValues.shape.firstName.default(null),
  lastName: ProfileValues.shape.lastName.default(null),
  email: ProfileValues.shape.email.default(null),
  birthDate: ProfileValues.shape.birthDate.default(null),
  postalCode: ProfileValues.shape.postalCode.default(null),
  gender: ProfileValues.shape.gender.default(null),
});
export type Profile = z.infer<typeof Profile>;
export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'birthDate',
  'postalCode',
  'gender',
] as const;

export const PaymentMethod = z.enum(['card', 'cash', 'vipps', 'other']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const BenefitKind = z.enum([
  'member_price',
  'punch_reward',
  'coupon',
  'tier_discount',
  'points_redemption',
  'cashback_redemption',
]);
export type BenefitKind = z.infer<typeof BenefitKind>;

export const SaleLine = z.object({
  lineId: z.string().min(1),
  sku: z.string(),
  name: z.string(),
  category: z.string(),
  quantity: z.number().int().positive(),
  unitPriceOre: ore.nonnegative(),
  vatRate: z.number().int(),
  /** quantity × normal unit price */
  listOre: ore,
  /** what the line finally costs after every benefit */
  paidOre: ore,
  discounts: z.array(z.object({ benefitId: z.string(), amountOre: ore })),
});
export type SaleLine = z.infer<typeof SaleLine>;

export const AppliedBenefit = z.object({
  id: z.string(),
  kind: BenefitKind,
  amountOre: ore,
  reason: text,
  couponId: z.string().optional(),
  rewardId: z.string().optional(),
  cardId: z.string().optional(),
  campaignId: z.string().optional(),
  points: z.number().int().optional(),
});
export type AppliedBenefit = z.infer<typeof AppliedBenefit>;

export const VatRow = z.object({ rate: z.number().int(), grossOre: ore, vatOre: ore, netOre: ore });
export type VatRow = z.infer<typeof VatRow>;

/** What a sale does to the member, computed by the engine at the till. */
export const SaleEffects = z.object({
  pointsEarned: z.number().int().nonnegative(),
  /** Why: base, bonus campaign, per-purchase... (for the receipt). */
  pointsReasons: z.array(z.object({ points: z.number().int(), reason: text })).default([]),
  pointsAvailableAt: ms,
  pointsExpireAt: ms.nullable(),
  pointsRedeemed: z.number().int().nonnegative(),
  cashbackEarnedOre: ore.nonnegative(),
  cashbackRedeemedOre: ore.nonnegative(),
  stamps: z.array(z.object({ cardId: z.string(), count: z.number().int().positive() })),
  couponsRedeemed: z.array(z.string()),
  rewardsRedeemed: z.array(z.string()),
  /** Key of the tier period whose once-per-period discount this sale used. */
  tierOnceUsed: z.string().nullable(),
  /** Spend counted toward "X kr for every Y kr" rules (paid, after discounts, eligible lines). */
  qualifyingSpendOre: ore.nonnegative(),
  categories: z.array(z.string()).default([]),
  /**
   * How the earnings split over the sale's lines (sums equal the totals above;
   * `stampUnits` are the qualifying units before any per-purchase cap). Lets a
   * return take back exactly its lines' share without re-reading the programme.
   * Optional: sales recorded without it are reversed in proportion to paidOre.
   */
  lineEarnings: z
    .array(
      z.object({
        lineId: z.string(),
        points: z.number().int().nonnegative(),
        cashbackOre: ore.nonnegative(),
        qualifyingSpendOre: ore.nonnegative(),
        stampUnits: z.array(z.object({ cardId: z.string(), count: z.number().int().positive() })),
      }),
    )
    .optional(),
});
export type SaleEffects = z.infer<typeof SaleEffects>;

export const EventPayloads = {
  'member.enrolled': z.object({
    memberNumber: z.string().regex(/^\d{13}$/),
    /** null once the member is erased (redacted events keep no personal data). */
    qrToken: z.string().min(8).nullable(),
    phoneE164: z
      .string()
      .regex(/^\+\d{6,15}$/)
      .nullable(),
    profile: Profile,
    termsVersion: z.string().min(1),
    consents: z.object({ sms: z.boolean(), email: z.boolean() }),
    referrerId: z.string().nullable(),
    staffId: z.string().nullable(),
    at: ms,
  }),
  'member.profile_updated': z.object({
    // Not Profile.partial(): zod 4 fills defaults inside optional fields, which
    // would turn "change the first name" into "clear every other field".
    fields: ProfileValues.partial().extend({
      phoneE164: z
        .string()
        .regex(/^\+\d{6,15}$/)
        .optional(),
    }),
    staffId: z.string().nullable(),
    at: ms,
  }),
  'member.consent_changed': z.object({
    channel: z.enum(['sms', 'email']),
    granted: z.boolean(),
    termsVersion: z.string(),
    staffId: z.string().nullable(),
    at: ms,
  }),
  'member.pin_set': z.object({ pinHash: z.string().min(16).nullable(), at: ms }),
  'member.erased': z.object({ staffId: z.string().nullable(), at: ms }),
  'sale.committed': z.object({
    saleId: z.string(),
    idempotencyKey: z.string().min(1),
    receiptNo: z.string(),
    staffId: z.string().nullable(),
    at: ms,
    paymentMethod: PaymentMethod,
    /** Member identified by card/QR/PIN rather than phone alone. */
    verified: z.boolean(),
    lines: z.array(SaleLine),
    benefits: z.array(AppliedBenefit),
    listOre: ore,
    totalOre: ore,
    vat: z.array(VatRow),
    effects: SaleEffects.nullable(),
    /** What the member earned, as the till showed it (for receipts and reprints). */
    earnedSummary: z.array(text).optional(),
  }),
  'sale.voided': z.object({
    saleId: z.string(),
    staffId: z.string().nullable(),
    reason: z.string(),
    at: ms,
  }),
  'sale.returned': z.object({
    saleId: z.string(),
    returnId: z.string(),
    staffId: z.string().nullable(),
    at: ms,
    lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int().positive() })),
    refundOre: ore.nonnegative(),
    /** The share of the sale's effects this return takes back (computed by the engine). */
    reversed: z.object({
      points: z.number().int().nonnegative(),
      cashbackOre: ore.nonnegative(),
      stamps: z.array(z.object({ cardId: z.string(), count: z.number().int().positive() })),
      qualifyingSpendOre: ore.nonnegative(),
      couponsRestored: z.array(z.string()),
      rewardsRestored: z.array(z.string()),
      pointsRedeemedRestored: z.number().int().nonnegative(),
      cashbackRedeemedRestoredOre: ore.nonnegative(),
    }),
  }),
  'points.adjusted': z.object({
    points: z.number().int(),
    actionId: z.string().nullable(),
    reason: text,
    staffId: z.string().nullable(),
    at: ms,
    availableAt: ms,
    expireAt: ms.nullable(),
  }),
  'coupon.purchased': z.object({
    couponId: z.string(),
    offerId: z.string(),
    costPoints: z.number().int().positive(),
    at: ms,
    validTo: ms,
  }),
  'referral.rewarded': z.object({
    refereeId: z.string(),
    /** The referee's first sale that earned the reward. */
    saleId: z.string(),
    points: z.number().int().nonnegative(),
    couponId: z.string().nullable(),
    at: ms,
    expireAt: ms.nullable(),
  }),
  'programme.saved': z.object({ programme: Programme, staffId: z.string().nullable(), at: ms }),
  'catalogue.saved': z.object({ products: Catalogue, staffId: z.string().nullable(), at: ms }),
} as const;

export type EventType = keyof typeof EventPayloads;
export const EVENT_TYPES = Object.keys(EventPayloads) as EventType[];
export type EventPayload<T extends EventType> = z.infer<(typeof EventPayloads)[T]>;

export interface EventEnvelope<T extends EventType = EventType> {
  /** UUIDv7 */
  id: string;
  chainId: string;
  storeId: string;
  terminalId: string;
  /** Encoded hybrid logical clock (see hlc.ts); sorts in causal order. */
  hlc: string;
  type: T;
  /** The member this event belongs to, or null for chain-wide events. */
  memberId: string | null;
  payload: EventPayload<T>;
  schemaVersion: number;
}

export type LojalEvent = { [T in EventType]: EventEnvelope<T> }[EventType];
export type MemberEvent = Exclude<LojalEvent, EventEnvelope<'programme.saved' | 'catalogue.saved'>>;

const EnvelopeFields = {
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      'ids are UUIDv7',
    ),
  chainId: boundedId(),
  storeId: boundedId(),
  terminalId: boundedId(),
  hlc: z.string().regex(/^\d{15}-[0-9a-z]{6}-[A-Za-z0-9_-]{1,64}$/),
  memberId: boundedId().nullable(),
  payload: z.unknown(),
  /** Newer versions are read too: the schemas change only additively (docs/architecture.md). */
  schemaVersion: z.number().int().positive().max(1_000_000),
};
const Envelope = z.object({
  ...EnvelopeFields,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
});
/** An event type's name as a newer version may write it: `word.word`, lower case. */
const FOREIGN_TYPE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const ForeignEnvelope = z.object({
  ...EnvelopeFields,
  type: z
    .string()
    .max(LIMITS.maxIdLength)
    .regex(FOREIGN_TYPE, 'event types read like member.enrolled'),
});

/**
 * Sales without a member (most sales) are events too, with `memberId: null`: the
 * chain's reports (members' share of sales) need them, and a void or return of
 * such a sale must reach every till.
 */
const MEMBER_OPTIONAL: ReadonlySet<EventType> = new Set([
  'sale.committed',
  'sale.voided',
  'sale.returned',
]);

/** Text no database or JSON parser takes, or a number beyond 2^53, anywhere in the event. */
export class EventJsonError extends RangeError {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
    this.name = 'EventJsonError';
  }
}

function throwOnJsonProblem(raw: unknown): void {
  const problem = findJsonProblem(raw);
  if (problem) throw new EventJsonError(problem);
}

/** Validate an event from outside (sync, import). Throws with the field at fault. */
export function parseEvent(raw: unknown): LojalEvent {
  const envelope = Envelope.parse(raw);
  // Unknown fields are kept and passed on, so they are held to the same rules as known ones.
  throwOnJsonProblem(raw);
  const payload = EventPayloads[envelope.type].parse(envelope.payload);
  const chainWide = envelope.type === 'programme.saved' || envelope.type === 'catalogue.saved';
  if (chainWide && envelope.memberId !== null) {
    throw new RangeError(`event ${envelope.id} of type ${envelope.type} must not have a memberId`);
  }
  if (!chainWide && !MEMBER_OPTIONAL.has(envelope.type) && envelope.memberId === null) {
    throw new RangeError(`event ${envelope.id} of type ${envelope.type} needs a memberId`);
  }
  return { ...envelope, payload } as LojalEvent;
}

/** An event of a type this version does not know (written by a newer till): kept and passed on, never applied. */
export interface ForeignEvent {
  id: string;
  chainId: string;
  storeId: string;
  terminalId: string;
  hlc: string;
  type: string;
  memberId: string | null;
  payload: unknown;
  schemaVersion: number;
}

export type WireEvent = { known: true; event: LojalEvent } | { known: false; event: ForeignEvent };

export function isKnownEventType(type: string): type is EventType {
  return Object.hasOwn(EventPayloads, type);
}

/**
 * Parse an event from outside: a known type is validated as parseEvent does;
 * an unknown type (well-formed envelope) comes back as a ForeignEvent. Throws
 * (with the field) on anything malformed.
 */
export function parseWireEvent(raw: unknown): WireEvent {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && isKnownEventType(type)) {
    return { known: true, event: parseEvent(raw) };
  }
  const envelope = ForeignEnvelope.parse(raw);
  throwOnJsonProblem(raw);
  return { known: false, event: envelope };
}

export function isMemberEvent(e: LojalEvent): e is MemberEvent {
  return e.memberId !== null;
}
