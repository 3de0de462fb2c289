/**
 * Every change is an event. Events are validated here so a till and the cloud
 * read them the same way. Effects of a sale (points, stamps, coupons used) are
 * computed once by the engine at the till and recorded in the event, so every
 * party that folds the same events reaches the same member state.
 */
import { z } from 'zod';
import { Programme } from './programme';
import { CatalogueInEvents } from './catalogue';
import { decodeHlc } from './hlc';
import { boundedId, boundedText, findJsonProblem, LIMITS } from './limits';
import type { JsonProblem } from './limits';

export const EVENT_SCHEMA_VERSION = 1;

/**
 * Payload objects keep fields this version does not know (a newer till wrote
 * them): they are stored and passed on untouched. The static type stays the
 * known shape (an object may always hold more than its type names), so code
 * reading events is not burdened with index signatures.
 */
type Shape = Record<string, z.ZodType>;
type ObjectMaker = <S extends Shape>(shape: S) => z.ZodObject<S>;
const openObject: ObjectMaker = (shape) =>
  z.looseObject(shape) as unknown as z.ZodObject<typeof shape>;
/** Known fields only: what a redacted event keeps (unknown fields may hold personal data). */
const closedObject: ObjectMaker = (shape) => z.object(shape);

const ms = z.number().int().nonnegative();
/** A figure of money within a sale: ± the largest basket. */
const ore = z.number().int().min(-LIMITS.maxBasketOre).max(LIMITS.maxBasketOre);
const points = z.number().int().min(-LIMITS.maxPoints).max(LIMITS.maxPoints);
const id = boundedId;
const freeText = () => boundedText();
/** Lists inside one event: never more entries than a basket has lines. */
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.maxBasketLines);

export const Gender = z.enum(['female', 'male', 'other']);
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

/** A message key as the catalogue names them (src/core/messages): `domain.name`. */
const MESSAGE_KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;
const MAX_MESSAGE_PARAMS = 16;
/** Messages nest (a reason inside a reason): this deep at most. */
const MAX_MESSAGE_DEPTH = 3;

/**
 * A message of the catalogue as an event stores it (src/core/i18n.ts `Msg`):
 * its key and parameters, bounded in size and depth. `depth` is how many
 * messages deep it may still nest.
 */
function messageSchema(object: ObjectMaker, depth: number): z.ZodType {
  const text = object({ nb: freeText(), en: freeText(), sv: freeText().optional() });
  const kinds: z.ZodType[] = [
    freeText(),
    z.number(),
    text,
    object({ money: z.number().int() }),
    object({ percent: z.number() }),
    object({ day: ms, timeZone: boundedText(100) }),
    object({ lower: z.union([text, freeText()]) }),
  ];
  if (depth > 1) kinds.push(messageSchema(object, depth - 1));
  const params = z
    .record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/), z.union(kinds))
    .refine((p) => Object.keys(p).length <= MAX_MESSAGE_PARAMS, {
      message: `a message takes at most ${MAX_MESSAGE_PARAMS} parameters`,
    });
  return object({ key: z.string().max(100).regex(MESSAGE_KEY), params: params.optional() });
}

/** A stored message: its key and parameters as `Msg` has them (src/core/i18n.ts). */
export interface StoredMsg {
  key: string;
  params?: Record<string, unknown>;
}

function eventSchemas(object: ObjectMaker) {
  /**
   * Text in an event: bokmål and English (every version reads those), Swedish,
   * and for text the till generated (a benefit's reason) the catalogue message
   * it was rendered from. Older events have only `nb` and `en`.
   */
  const text = object({
    nb: freeText(),
    en: freeText(),
    sv: freeText().optional(),
    said: (messageSchema(object, MAX_MESSAGE_DEPTH) as z.ZodType<StoredMsg>).optional(),
  });
  /** The profile's fields without defaults: a change names only the fields it sets. */
  const ProfileValues = object({
    firstName: boundedText(80).nullable(),
    lastName: boundedText(80).nullable(),
    email: boundedText(254).nullable(),
    birthDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    postalCode: boundedText(12).nullable(),
    gender: Gender.nullable(),
  });
  const Profile = object({
    firstName: ProfileValues.shape.firstName.default(null),
    lastName: ProfileValues.shape.lastName.default(null),
    email: ProfileValues.shape.email.default(null),
    birthDate: ProfileValues.shape.birthDate.default(null),
    postalCode: ProfileValues.shape.postalCode.default(null),
    gender: ProfileValues.shape.gender.default(null),
  });
  const stamps = list(
    object({ cardId: id(), count: z.number().int().positive().max(LIMITS.maxPoints) }),
  );

  const SaleLine = object({
    lineId: id(),
    sku: id(),
    name: freeText(),
    category: freeText(),
    quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
    unitPriceOre: z.number().int().nonnegative().max(LIMITS.maxUnitPriceOre),
    vatRate: z.number().int().min(0).max(100),
    /** quantity × normal unit price */
    listOre: ore,
    /** what the line finally costs after every benefit */
    paidOre: ore,
    discounts: list(object({ benefitId: id(), amountOre: ore })),
  });

  const AppliedBenefit = object({
    id: id(),
    kind: BenefitKind,
    amountOre: ore,
    reason: text,
    couponId: id().optional(),
    rewardId: id().optional(),
    cardId: id().optional(),
    campaignId: id().optional(),
    points: points.optional(),
  });

  const VatRow = object({
    rate: z.number().int().min(0).max(100),
    grossOre: ore,
    vatOre: ore,
    netOre: ore,
  });

  /** What a sale does to the member, computed by the engine at the till. */
  const SaleEffects = object({
    pointsEarned: points.nonnegative(),
    /** Why: base, bonus campaign, per-purchase... (for the receipt). */
    pointsReasons: list(object({ points, reason: text })).default([]),
    pointsAvailableAt: ms,
    pointsExpireAt: ms.nullable(),
    pointsRedeemed: points.nonnegative(),
    cashbackEarnedOre: ore.nonnegative(),
    cashbackRedeemedOre: ore.nonnegative(),
    stamps,
    couponsRedeemed: list(id()),
    rewardsRedeemed: list(id()),
    /** Key of the tier period whose once-per-period discount this sale used. */
    tierOnceUsed: id().nullable(),
    /** Spend counted toward "X kr for every Y kr" rules (paid, after discounts, eligible lines). */
    qualifyingSpendOre: ore.nonnegative(),
    categories: list(freeText()).default([]),
    /**
     * How the earnings split over the sale's lines (sums equal the totals above;
     * `stampUnits` are the qualifying units before any per-purchase cap). Lets a
     * return take back exactly its lines' share without re-reading the programme.
     * Optional: sales recorded without it are reversed in proportion to paidOre.
     */
    lineEarnings: list(
      object({
        lineId: id(),
        points: points.nonnegative(),
        cashbackOre: ore.nonnegative(),
        qualifyingSpendOre: ore.nonnegative(),
        stampUnits: stamps,
      }),
    ).optional(),
  });

  const phone = z.string().regex(/^\+\d{6,15}$/);
  const payloads = {
    'member.enrolled': object({
      memberNumber: z.string().regex(/^\d{13}$/),
      /** null once the member is erased (redacted events keep no personal data). */
      qrToken: id().min(8).nullable(),
      phoneE164: phone.nullable(),
      profile: Profile,
      termsVersion: id(),
      consents: object({ sms: z.boolean(), email: z.boolean() }),
      referrerId: id().nullable(),
      staffId: id().nullable(),
      at: ms,
    }),
    'member.profile_updated': object({
      // Not Profile.partial(): zod 4 fills defaults inside optional fields, which
      // would turn "change the first name" into "clear every other field".
      fields: ProfileValues.partial().extend({ phoneE164: phone.optional() }),
      staffId: id().nullable(),
      at: ms,
    }),
    'member.consent_changed': object({
      channel: z.enum(['sms', 'email']),
      granted: z.boolean(),
      termsVersion: id(),
      staffId: id().nullable(),
      at: ms,
    }),
    'member.pin_set': object({
      pinHash: z.string().min(16).max(LIMITS.maxTextLength).nullable(),
      at: ms,
    }),
    'member.erased': object({ staffId: id().nullable(), at: ms }),
    /**
     * This member was found to be the same person as `intoMemberId` and merged
     * into it (back office): its balances moved there (`member.absorbed`), its
     * number and card scan to that member, and it has no phone any more.
     */
    'member.merged': object({ intoMemberId: id(), staffId: id().nullable(), at: ms }),
    /**
     * The other half of a merge, on the member kept: what the merged member held
     * at `at` (point lots grouped by expiry day, earnings for the tier grouped by
     * day, cashback, stamps, purchase figures) and its number and card token,
     * which scan to this member from now on.
     */
    'member.absorbed': object({
      fromMemberId: id(),
      memberNumber: z.string().regex(/^\d{13}$/),
      /** null once either member is erased (a card token is a personal identifier). */
      qrToken: id().min(8).nullable(),
      lots: list(
        object({
          earnedAt: ms,
          availableAt: ms,
          expiresAt: ms.nullable(),
          points: points.positive(),
        }),
      ),
      pointsDeficit: points.nonnegative(),
      earned: list(object({ at: ms, points: points.nonnegative() })),
      cashbackOre: z.number().int().min(-1e12).max(1e12),
      stamps,
      qualifyingSpendOre: z.number().int().nonnegative().max(1e12),
      purchases: z.number().int().nonnegative().max(1e9),
      spendOre: z.number().int().min(0).max(1e12),
      firstPurchaseAt: ms.nullable(),
      lastPurchaseAt: ms.nullable(),
      staffId: id().nullable(),
      at: ms,
    }),
    'sale.committed': object({
      saleId: id(),
      idempotencyKey: id(),
      receiptNo: id(),
      staffId: id().nullable(),
      at: ms,
      paymentMethod: PaymentMethod,
      /** Member identified by card/QR/PIN rather than phone alone. */
      verified: z.boolean(),
      lines: list(SaleLine),
      benefits: list(AppliedBenefit),
      listOre: ore,
      totalOre: ore,
      vat: list(VatRow),
      effects: SaleEffects.nullable(),
      /** What the member earned, as the till showed it (for receipts and reprints). */
      earnedSummary: list(text).optional(),
    }),
    'sale.voided': object({
      saleId: id(),
      staffId: id().nullable(),
      reason: freeText(),
      at: ms,
    }),
    'sale.returned': object({
      saleId: id(),
      returnId: id(),
      staffId: id().nullable(),
      at: ms,
      lines: list(
        object({
          lineId: id(),
          quantity: z.number().int().positive().max(LIMITS.maxLineQuantity),
        }),
      ),
      refundOre: ore.nonnegative(),
      /** The share of the sale's effects this return takes back (computed by the engine). */
      reversed: object({
        points: points.nonnegative(),
        cashbackOre: ore.nonnegative(),
        stamps,
        qualifyingSpendOre: ore.nonnegative(),
        couponsRestored: list(id()),
        rewardsRestored: list(id()),
        pointsRedeemedRestored: points.nonnegative(),
        cashbackRedeemedRestoredOre: ore.nonnegative(),
      }),
    }),
    'points.adjusted': object({
      /** A programme may cap manual adjustments lower (points.maxManualAdjustment). */
      points: z.number().int().min(-LIMITS.maxPointsAdjustment).max(LIMITS.maxPointsAdjustment),
      actionId: id().nullable(),
      reason: text,
      staffId: id().nullable(),
      at: ms,
      availableAt: ms,
      expireAt: ms.nullable(),
    }),
    'coupon.purchased': object({
      couponId: id(),
      offerId: id(),
      costPoints: points.positive(),
      at: ms,
      validTo: ms,
    }),
    'referral.rewarded': object({
      refereeId: id(),
      /** The referee's first sale that earned the reward. */
      saleId: id(),
      points: points.nonnegative(),
      couponId: id().nullable(),
      at: ms,
      expireAt: ms.nullable(),
    }),
    /**
     * A version of the programme. `stores` (absent: every store) and `from`
     * (absent: at once) publish it to chosen stores and from a date; which
     * version is in force at a store and an instant is src/core/programme-in-force.ts.
     */
    'programme.saved': object({
      programme: Programme,
      staffId: id().nullable(),
      at: ms,
      stores: z.array(id()).min(1).max(LIMITS.maxStoresPerPublication).optional(),
      from: ms.optional(),
    }),
    'catalogue.saved': object({ products: CatalogueInEvents, staffId: id().nullable(), at: ms }),
    /**
     * A staff member of the chain as saved (chain-wide): the full new state but
     * the PIN, whose scrypt hash is given only when it changed (null: unchanged).
     * `staffId` is the author (a manager), null for a chain's first manager.
     */
    'staff.saved': object({
      employeeId: id(),
      name: boundedText(80),
      role: z.enum(['cashier', 'manager']),
      /**
       * src/store/secrets.ts's form at its cost: a till checks every log-in
       * against these, so a save cannot make it hash at a cost of its choosing.
       */
      pinHash: z
        .string()
        .regex(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
        .nullable(),
      active: z.boolean(),
      staffId: id().nullable(),
      at: ms,
    }),
    /** The author logged in at the event's terminal (chain-wide: their last log-in anywhere). */
    'staff.logged_in': object({ staffId: id(), at: ms }),
  } as const;
  return { Profile, SaleLine, AppliedBenefit, VatRow, SaleEffects, payloads };
}

const open = eventSchemas(openObject);
/** What a redacted event keeps: the known fields (see redactForErasure). */
export const KnownPayloads = eventSchemas(closedObject).payloads;

export const Profile = open.Profile;
export type Profile = z.infer<typeof Profile>;
export const PROFILE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'birthDate',
  'postalCode',
  'gender',
] as const;
export const SaleLine = open.SaleLine;
export type SaleLine = z.infer<typeof SaleLine>;
export const AppliedBenefit = open.AppliedBenefit;
export type AppliedBenefit = z.infer<typeof AppliedBenefit>;
export const VatRow = open.VatRow;
export type VatRow = z.infer<typeof VatRow>;
export const SaleEffects = open.SaleEffects;
export type SaleEffects = z.infer<typeof SaleEffects>;
export const EventPayloads = open.payloads;

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
/** Events that belong to no member: the chain's configuration and its staff. */
export const CHAIN_WIDE_TYPES = [
  'programme.saved',
  'catalogue.saved',
  'staff.saved',
  'staff.logged_in',
] as const;
export type ChainWideType = (typeof CHAIN_WIDE_TYPES)[number];
export type MemberEvent = Exclude<LojalEvent, EventEnvelope<ChainWideType>>;
export type StaffEvent = EventEnvelope<'staff.saved' | 'staff.logged_in'>;

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
/**
 * The event schemas as JSON Schema documents (what is accepted), for the
 * committed snapshot that holds them to additive changes (schema-compat.ts).
 */
export function eventSchemaDocument(): {
  envelope: Record<string, unknown>;
  payloads: Record<string, Record<string, unknown>>;
} {
  const json = (schema: z.ZodType) =>
    z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    envelope: json(Envelope),
    payloads: Object.fromEntries(EVENT_TYPES.map((type) => [type, json(EventPayloads[type])])),
  };
}

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

/** A type whose events may be without a member (a sale, its void or return). */
export function isMemberOptional(type: string): boolean {
  return (MEMBER_OPTIONAL as ReadonlySet<string>).has(type);
}

/** Text no database or JSON parser takes, or a number beyond 2^53, anywhere in the event. */
export class EventJsonError extends RangeError {
  constructor(readonly problem: JsonProblem) {
    super(problem.message);
    this.name = 'EventJsonError';
  }
}

/** An event whose serialised size is over its bound (LIMITS.maxEventBytes, or maxConfigEventBytes). */
export class EventTooLargeError extends RangeError {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`the event is ${bytes} bytes serialised; at most ${limit} are taken`);
    this.name = 'EventTooLargeError';
  }
}

const CONFIG_TYPES: ReadonlySet<string> = new Set(['programme.saved', 'catalogue.saved']);

/** The most bytes an event of this type may take serialised. */
export function maxEventBytesFor(type: unknown): number {
  return typeof type === 'string' && CONFIG_TYPES.has(type)
    ? LIMITS.maxConfigEventBytes
    : LIMITS.maxEventBytes;
}

/** Runs of ASCII: one byte each in UTF-8, skipped by the regex engine rather than counted in a loop. */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const NOT_ASCII = /[^\x00-\x7f]+/g;

/**
 * Bytes of a string in UTF-8, counted without encoding it (src/core runs in
 * browsers too). Every event is weighed at least once on each side of a push:
 * only the non-ASCII runs are counted character by character.
 */
export function utf8Length(value: string): number {
  let bytes = value.length;
  for (const [run] of value.matchAll(NOT_ASCII)) bytes += utf8LengthOfRun(run) - run.length;
  return bytes;
}

function utf8LengthOfRun(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** The event's size serialised as JSON, in bytes. */
export function eventBytes(raw: unknown): number {
  return utf8Length(JSON.stringify(raw) ?? '');
}

function throwIfTooLarge(raw: unknown): void {
  const type = (raw as { type?: unknown } | null)?.type;
  const limit = maxEventBytesFor(type);
  const bytes = eventBytes(raw);
  if (bytes > limit) throw new EventTooLargeError(bytes, limit);
}

/**
 * The HLC counter an event may carry at most. A till ticks its counter only
 * while its wall clock stands still or lags behind a clock it received, so a
 * real counter stays tiny; a bound far below the encoding's maximum (36^6 - 1)
 * leaves every receiver room to count on without overflowing.
 */
export const MAX_EVENT_HLC_COUNTER = 36 ** 5;

/**
 * What is wrong with an event's clock as seen by a receiver whose wall clock
 * reads `nowMs`: 'ahead' beyond LIMITS.maxClockAheadMs, 'invalid' when it
 * does not decode or its counter leaves no room; null when it is fine.
 */
export function clockProblem(hlc: string, nowMs: number): 'ahead' | 'invalid' | null {
  let decoded;
  try {
    decoded = decodeHlc(hlc);
  } catch {
    return 'invalid';
  }
  if (decoded.wallMs > nowMs + LIMITS.maxClockAheadMs) return 'ahead';
  if (decoded.counter > MAX_EVENT_HLC_COUNTER) return 'invalid';
  return null;
}

function throwOnJsonProblem(raw: unknown): void {
  const problem = findJsonProblem(raw);
  if (problem) throw new EventJsonError(problem);
}

/** What a caller has checked of a raw event already (the cloud's push weighs and walks each one first). */
export interface ParseOptions {
  /** Its size (eventBytes) and its text and numbers (findJsonProblem): not done again. */
  sizeAndJsonChecked?: boolean;
}

/** Validate an event from outside (sync, import). Throws with the field at fault. */
export function parseEvent(raw: unknown, options: ParseOptions = {}): LojalEvent {
  const envelope = Envelope.parse(raw);
  if (!options.sizeAndJsonChecked) {
    throwIfTooLarge(raw);
    // Unknown fields are kept and passed on, so they are held to the same rules as known ones.
    throwOnJsonProblem(raw);
  }
  const parsed = EventPayloads[envelope.type].safeParse(envelope.payload);
  if (!parsed.success) {
    // Issues name the field from the event's top, as they do for the envelope.
    throw new z.ZodError(
      parsed.error.issues.map((issue) => ({ ...issue, path: ['payload', ...issue.path] })),
    );
  }
  const payload = parsed.data;
  const chainWide = (CHAIN_WIDE_TYPES as readonly string[]).includes(envelope.type);
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
export function parseWireEvent(raw: unknown, options: ParseOptions = {}): WireEvent {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && isKnownEventType(type)) {
    return { known: true, event: parseEvent(raw, options) };
  }
  const envelope = ForeignEnvelope.parse(raw);
  if (!options.sizeAndJsonChecked) {
    throwIfTooLarge(raw);
    throwOnJsonProblem(raw);
  }
  return { known: false, event: envelope };
}

export function isMemberEvent(e: LojalEvent): e is MemberEvent {
  return e.memberId !== null;
}
