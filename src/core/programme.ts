/**
 * The loyalty programme of a chain/store: every rule of SPEC.md, configurable and
 * validated. Amounts are øre, percentages are numbers (12.5 = 12.5 %), dates are
 * store-local ISO dates (YYYY-MM-DD, inclusive), durations are days or months.
 */
import { z } from 'zod';
import { memberPrefixProblem } from './ean13';
import { msg } from './i18n';
import type { Msg } from './i18n';
import { boundedId, boundedText, isWellFormedText, LIMITS } from './limits';
import { issueSaying, says } from './schema-messages';

/**
 * Programme objects keep fields this version does not know (a newer back
 * office or till wrote them), so they survive this version and reach others.
 * The static type stays the known shape (see `openObject` in events.ts).
 */
const obj = <S extends Record<string, z.ZodType>>(shape: S): z.ZodObject<S> =>
  z.looseObject(shape) as unknown as z.ZodObject<S>;
/** Lists in a programme (rules, SKUs, categories, member ids). */
const MAX_LIST = 10_000;
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST);
/** Counts, days, multipliers and points in a rule. */
const count = () => z.number().int().max(LIMITS.maxPoints);
const name = () => boundedText().min(1);

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, says(msg('programme.idFormat')));
const ore = z
  .number()
  .int(says(msg('programme.wholeOre')))
  .min(-LIMITS.maxBasketOre)
  .max(LIMITS.maxBasketOre);
const positiveOre = ore.positive(says(msg('programme.positiveOre')));
const percent = z
  .number()
  .gt(0, says(msg('programme.percentAboveZero')))
  .max(100, says(msg('programme.percentAtMost100')))
  .refine(
    (p) => Number.isInteger(Math.round(p * 100 * 1e6) / 1e6),
    says(msg('programme.twoDecimals')),
  );
/** The membership terms' text: long enough for real terms, bounded like every programme text. */
export const MAX_TERMS_TEXT = 20_000;
const termsText = z
  .string()
  .max(MAX_TERMS_TEXT, says(msg('programme.termsTooLong', { max: MAX_TERMS_TEXT })))
  .refine(isWellFormedText, says(msg('programme.malformedText')));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, says(msg('programme.dateFormat')));
const label = obj({ nb: name(), en: name() });

/** Which products a rule looks at: SKUs and/or categories. Empty = every product. */
export const ProductScope = obj({
  skus: list(name()).default([]),
  categories: list(name()).default([]),
});
export type ProductScope = z.infer<typeof ProductScope>;

/** What a coupon gives. Limits (minimum basket, categories) live beside it. */
export const CouponBenefit = z.discriminatedUnion('kind', [
  obj({ kind: z.literal('percent'), percent }),
  obj({ kind: z.literal('amount'), amountOre: positiveOre }),
  /** One unit of a product in `scope` free: the cheapest such unit in the basket. */
  obj({ kind: z.literal('free_item'), scope: ProductScope }),
]);
export type CouponBenefit = z.infer<typeof CouponBenefit>;

export const CouponTemplate = obj({
  name: label,
  benefit: CouponBenefit,
  minBasketOre: ore.nonnegative().default(0),
  /** The discount applies only to these products (empty = whole basket). */
  scope: ProductScope.default({ skus: [], categories: [] }),
  /** Days the coupon is valid after it is issued (when the rule does not fix dates). */
  validDays: count().positive().default(30),
});
export type CouponTemplate = z.infer<typeof CouponTemplate>;

export const PointsRules = obj({
  enabled: z.boolean().default(true),
  earn: z.discriminatedUnion('mode', [
    /** e.g. 1 point per 10 kr paid: orePerStep 1000, pointsPerStep 1 */
    obj({
      mode: z.literal('per_amount'),
      orePerStep: positiveOre,
      pointsPerStep: count().positive(),
    }),
    obj({ mode: z.literal('per_purchase'), points: count().positive() }),
  ]),
  /** Categories that never earn (gift cards, tobacco). */
  excludedCategories: list(boundedText()).default([]),
  /** Months a point lives; null = never expires. Spent oldest first. */
  lifetimeMonths: count().positive().nullable().default(24),
  /** Days earned points are held before they can be spent (the returns window). */
  pendingDays: count().nonnegative().default(0),
  /** What one point is worth when redeemed as a discount at the till (0 = not redeemable). */
  redeemValueOre: ore.nonnegative().default(0),
  /** Points for actions other than buying (review, survey...), granted by the service. */
  actions: list(
    obj({ id, name: label, points: count().positive().max(LIMITS.maxPointsAdjustment) }),
  ).default([]),
  /**
   * The most points one manual adjustment may add or take (the cloud refuses a
   * larger one). Omitted: LIMITS.maxPointsAdjustment.
   */
  maxManualAdjustment: count().positive().max(LIMITS.maxPointsAdjustment).optional(),
});
export type PointsRules = z.infer<typeof PointsRules>;

export const TierBenefit = z.discriminatedUnion('kind', [
  obj({ kind: z.literal('none') }),
  obj({ kind: z.literal('percent_every_purchase'), percent }),
  obj({ kind: z.literal('percent_once_per_period'), percent }),
  obj({
    kind: z.literal('coupons_per_period'),
    count: count().positive(),
    coupon: CouponTemplate,
  }),
]);
export type TierBenefit = z.infer<typeof TierBenefit>;

export const TierLevel = obj({
  id,
  name: label,
  /** Points earned inside the qualification period needed to hold this level. */
  threshold: count().nonnegative(),
  benefit: TierBenefit,
});
export type TierLevel = z.infer<typeof TierLevel>;

export const TierRules = obj({
  enabled: z.boolean().default(true),
  qualification: z.discriminatedUnion('kind', [
    /** Consecutive periods of N years counted from the member's enrolment day. */
    obj({
      kind: z.literal('rolling'),
      years: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    }),
    obj({ kind: z.literal('calendar_year') }),
  ]),
  /** Ordered lowest first; the first level's threshold is usually 0. */
  levels: list(TierLevel).min(1),
}).refine(
  (t) => t.levels.every((l, i) => i === 0 || l.threshold > t.levels[i - 1]!.threshold),
  says(msg('programme.tierThresholds')),
);
export type TierRules = z.infer<typeof TierRules>;

/** "For every 2000 kr spent, a 100 kr coupon." */
export const SpendCouponRule = obj({ id, everyOre: positiveOre, coupon: CouponTemplate });
export type SpendCouponRule = z.infer<typeof SpendCouponRule>;

/** Coupons the member may buy with points at the till. */
export const PointsOffer = obj({
  id,
  costPoints: count().positive(),
  coupon: CouponTemplate,
});
export type PointsOffer = z.infer<typeof PointsOffer>;

/** A member's lifecycle status (see memberStatus in member/segment.ts). */
export const MEMBER_STATUSES = ['new', 'active', 'lapsing', 'lost'] as const;

/**
 * Bounds of a segment, so a programme cannot grow without bound: a rule nests
 * `any`/`all` groups at most SEGMENT_LIMITS.depth levels below the rule (a
 * group's criteria and groups nest no further), each list of groups holds at
 * most maxGroups, and a window looks back at most maxWindowDays.
 */
export const SEGMENT_LIMITS = { depth: 2, maxGroups: 20, maxWindowDays: 3_660 } as const;

const postalCode = z.string().regex(/^\d{4}$/, says(msg('programme.postalCodeFormat')));
/** Norwegian postal codes from–to, both included ("0001"–"1299": Oslo and around). */
export const PostalCodeRange = obj({ from: postalCode, to: postalCode }).refine(
  // Only once both are four digits (else the code's own message says what is wrong).
  (r) => !(/^\d{4}$/.test(r.from) && /^\d{4}$/.test(r.to)) || r.from <= r.to,
  says(msg('programme.postalRangeOrder')),
);
export type PostalCodeRange = z.infer<typeof PostalCodeRange>;

const windowDays = z.number().int().min(1).max(SEGMENT_LIMITS.maxWindowDays);
const lowHigh = <T extends { min?: number; max?: number }>(b: T) =>
  b.min === undefined || b.max === undefined || b.min <= b.max;
const bounded = <S extends z.ZodType<{ min?: number; max?: number }>>(schema: S) =>
  schema.refine(lowHigh, says(msg('programme.segmentBoundsOrder')));

/**
 * The criteria of a segment (all must hold). Those after `memberIds` came with
 * issue 16: optional and without defaults, so a programme saved before them
 * parses to the same object and means the same.
 */
const segmentCriteria = {
  tiers: list(boundedText()).default([]),
  minAge: count().nonnegative().optional(),
  maxAge: count().nonnegative().optional(),
  genders: list(z.enum(['female', 'male', 'other'])).default([]),
  postalCodePrefixes: list(boundedText()).default([]),
  /** Explicit member ids (e.g. "top 10 customers → create campaign"). */
  memberIds: list(boundedId()).default([]),
  /** The member's postal code lies in one of these ranges. */
  postalCodeRanges: list(PostalCodeRange).optional(),
  /** The member's status, by the programme's memberStatusDays. */
  statuses: list(z.enum(MEMBER_STATUSES)).optional(),
  /** Purchases (visits) in the last `days` local days, today included. */
  visits: bounded(
    obj({
      days: windowDays,
      min: count().nonnegative().optional(),
      max: count().nonnegative().optional(),
    }),
  ).optional(),
  /** Net spend (after returns) on purchases in the last `days` local days, today included. */
  spend: bounded(
    obj({ days: windowDays, min: ore.nonnegative().optional(), max: ore.nonnegative().optional() }),
  ).optional(),
  /** Local days since the last purchase (0 = bought today); members who never bought do not match. */
  daysSinceLastPurchase: bounded(
    obj({ min: count().nonnegative().optional(), max: count().nonnegative().optional() }),
  ).optional(),
  /** Has bought in any of these categories (ever, net of full returns). */
  categories: list(boundedText()).optional(),
  /** Enrolled in one of these stores (the member's home store). */
  homeStores: list(boundedId()).optional(),
  /** Has granted every one of these channels. */
  consents: list(z.enum(['sms', 'email'])).optional(),
};

/**
 * The groups are written out level by level rather than recursively: the depth
 * bound is in the schema itself, and the JSON schema of programme.saved stays
 * free of references.
 */
const segmentLevel = (below: number): z.ZodType => {
  if (below === 0) {
    // Refused rather than kept as unknown fields: an unread group would widen the segment.
    const tooDeep = z
      .array(z.unknown())
      .max(0, says(msg('programme.segmentTooDeep')))
      .optional();
    return obj({ ...segmentCriteria, any: tooDeep, all: tooDeep });
  }
  const group = segmentLevel(below - 1);
  return obj({
    ...segmentCriteria,
    /** At least one of these groups matches as well (none: no limit). */
    any: z.array(group).max(SEGMENT_LIMITS.maxGroups).optional(),
    /** Every one of these groups matches as well. */
    all: z.array(group).max(SEGMENT_LIMITS.maxGroups).optional(),
  });
};

/**
 * The fields a segment node of this version reads. A node with any other
 * (written by a newer version) matches nobody here: a criterion this till
 * cannot read would otherwise widen the segment to everyone.
 */
export const SEGMENT_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(segmentCriteria),
  'any',
  'all',
]);

type SegmentCriteria = z.infer<z.ZodObject<typeof segmentCriteria>>;
/** A segment node: its criteria and (above the last level) its groups. */
export type SegmentRule = SegmentCriteria & {
  any?: SegmentRule[] | undefined;
  all?: SegmentRule[] | undefined;
};

/**
 * Who a campaign targets. Evaluated at the time of use from the member's own
 * data (view and ledger), so a till decides offline. Criteria combine with
 * "and"; `any` gives "or". Empty lists and missing bounds place no limit.
 */
export const SegmentRule = segmentLevel(SEGMENT_LIMITS.depth) as z.ZodType<
  SegmentRule,
  z.input<z.ZodObject<typeof segmentCriteria>> & {
    any?: unknown[] | undefined;
    all?: unknown[] | undefined;
  }
>;

/** Days behind memberStatus; a programme may set its own (defaults in MEMBER_STATUS_DAYS). */
export const MemberStatusDays = obj({
  /** Enrolled fewer days ago than this: new. */
  new: z.number().int().min(0).max(SEGMENT_LIMITS.maxWindowDays),
  /** Bought fewer days ago than this: active. */
  active: z.number().int().min(1).max(SEGMENT_LIMITS.maxWindowDays),
  /** Bought (or, never having bought, enrolled) fewer days ago than this: lapsing; else lost. */
  lapsing: z.number().int().min(1).max(SEGMENT_LIMITS.maxWindowDays),
}).refine((d) => d.active < d.lapsing, says(msg('programme.statusDaysOrder')));
export type MemberStatusDays = z.infer<typeof MemberStatusDays>;

export const CouponCampaign = obj({
  id,
  coupon: CouponTemplate,
  validFrom: isoDate,
  validTo: isoDate,
  /** Omitted = every member. */
  segment: SegmentRule.optional(),
  /** Scannable code printed in flyers, e.g. "VAR26" (upper-case letters/digits). */
  code: z
    .string()
    .regex(/^[A-Z0-9]{3,20}$/)
    .optional(),
  /** How many times one member may use it (single-use unless stated). */
  usesPerMember: count().positive().default(1),
});
export type CouponCampaign = z.infer<typeof CouponCampaign>;

export const WelcomeRule = obj({ enabled: z.boolean().default(true), coupon: CouponTemplate });

export const BirthdayRule = obj({
  enabled: z.boolean().default(true),
  /** Issued this many days before the birthday... */
  issueDaysBefore: count().nonnegative().default(7),
  /** ...and valid from issue until this many days after it. */
  validDaysAfter: count().nonnegative().default(7),
  coupon: CouponTemplate,
});

export const PunchCardReward = z.discriminatedUnion('kind', [
  /** The cheapest qualifying unit in the basket is free. */
  obj({ kind: z.literal('free_item') }),
  obj({ kind: z.literal('amount_off'), amountOre: positiveOre }),
]);

export const PunchCardRule = obj({
  id,
  name: label,
  qualifying: ProductScope,
  stamps: z.number().int().min(2).max(100),
  reward: PunchCardReward,
  /** Max stamps one purchase can add (optional). */
  capPerPurchase: count().positive().optional(),
});
export type PunchCardRule = z.infer<typeof PunchCardRule>;

export const BonusCampaign = obj({
  id,
  name: label,
  multiplier: z.number().int().min(2).max(10),
  validFrom: isoDate,
  validTo: isoDate,
  /** Only lines in these categories get the bonus (empty = all). */
  categories: list(boundedText()).default([]),
  /** Only members in these tiers (empty = all). */
  tiers: list(boundedText()).default([]),
  segment: SegmentRule.optional(),
});
export type BonusCampaign = z.infer<typeof BonusCampaign>;

export const ReferralRule = obj({
  enabled: z.boolean().default(true),
  reward: z.discriminatedUnion('kind', [
    obj({ kind: z.literal('points'), points: count().positive() }),
    obj({ kind: z.literal('coupon'), coupon: CouponTemplate }),
  ]),
  monthlyCap: count().positive().default(5),
});

export const CashbackRule = obj({
  enabled: z.boolean().default(false),
  percent,
  excludedCategories: list(boundedText()).default([]),
});

export const Programme = obj({
  /** Newer versions are read too: a programme changes only additively, as events do. */
  schemaVersion: z.number().int().positive().max(1_000_000).default(1),
  name: name(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('NOK'),
  timeZone: boundedText(100).default('Europe/Oslo'),
  termsVersion: boundedId(),
  /**
   * The membership terms a customer accepts, as plain text (line breaks kept),
   * shown where they enrol themselves. Optional without a default, so a
   * programme saved before it parses to the same object; omitted: no text.
   */
  termsText: termsText.optional(),
  memberNumberPrefix: boundedText(12)
    .default('29')
    .superRefine((p, ctx) => {
      const problem = memberPrefixProblem(p);
      if (problem) ctx.addIssue(issueSaying(problem));
    }),
  points: PointsRules.nullable().default(null),
  tiers: TierRules.nullable().default(null),
  spendCoupons: list(SpendCouponRule).default([]),
  pointsOffers: list(PointsOffer).default([]),
  campaigns: list(CouponCampaign).default([]),
  welcome: WelcomeRule.nullable().default(null),
  birthday: BirthdayRule.nullable().default(null),
  punchCards: list(PunchCardRule).default([]),
  bonusCampaigns: list(BonusCampaign).default([]),
  referral: ReferralRule.nullable().default(null),
  cashback: CashbackRule.nullable().default(null),
  /**
   * Categories no coupon, tier discount or points/cashback redemption touches
   * (gift cards: selling a 500 kr gift card for 425 kr gives money away).
   */
  nonDiscountableCategories: list(boundedText()).default([]),
  stacking: obj({
    /** Coupons per basket, besides punch-card rewards (SPEC default: one). */
    maxCouponsPerBasket: count().positive().default(1),
    /** Whether the tier's percentage applies on top of a coupon. */
    tierDiscountWithCoupon: z.boolean().default(true),
  }).default({ maxCouponsPerBasket: 1, tierDiscountWithCoupon: true }),
  /**
   * A redemption worth more than this, for a member found by phone number alone,
   * needs a check (card/QR scan or the member's PIN). null = never asked.
   */
  verifyRedemptionAboveOre: ore.nonnegative().nullable().default(20_000),
  /** Thresholds of the member statuses (new/active/lapsing/lost); omitted: MEMBER_STATUS_DAYS. */
  memberStatusDays: MemberStatusDays.optional(),
}).superRefine((p, ctx) => {
  const unique = (what: Msg, ids: string[]) => {
    const seen = new Set<string>();
    for (const i of ids) {
      if (seen.has(i)) ctx.addIssue(issueSaying(msg('programme.idTwice', { id: i, what })));
      seen.add(i);
    }
  };
  unique(
    msg('programme.kindPunchCard'),
    p.punchCards.map((c) => c.id),
  );
  unique(
    msg('programme.kindCampaign'),
    p.campaigns.map((c) => c.id),
  );
  unique(
    msg('programme.kindSpendCouponRule'),
    p.spendCoupons.map((c) => c.id),
  );
  unique(
    msg('programme.kindPointsOffer'),
    p.pointsOffers.map((c) => c.id),
  );
  unique(
    msg('programme.kindBonusCampaign'),
    p.bonusCampaigns.map((c) => c.id),
  );
  if (p.tiers)
    unique(
      msg('programme.kindTier'),
      p.tiers.levels.map((l) => l.id),
    );
  for (const c of [...p.campaigns, ...p.bonusCampaigns]) {
    if (c.validTo < c.validFrom) {
      ctx.addIssue(issueSaying(msg('programme.campaignEndsBeforeStart', { id: c.id })));
    }
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: p.timeZone });
  } catch {
    ctx.addIssue(issueSaying(msg('programme.unknownTimeZone', { zone: p.timeZone }), ['timeZone']));
  }
});
export type Programme = z.infer<typeof Programme>;
export type ProgrammeInput = z.input<typeof Programme>;

/** Parse and validate; throws a ZodError naming each bad field. */
export function parseProgramme(input: unknown): Programme {
  return Programme.parse(input);
}

export function inScope(scope: ProductScope, sku: string, category: string): boolean {
  if (scope.skus.length === 0 && scope.categories.length === 0) return true;
  return scope.skus.includes(sku) || scope.categories.includes(category);
}
