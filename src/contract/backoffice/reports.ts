/**
 * The back office's reports (issue 16, point 2): for the chain or chosen
 * stores and a range of local days (the programme's time zone), each answered
 * as rows the page draws as a chart and a table, exports as CSV and prints.
 * Figures come from the cloud's projections (cloud/db/migrations/013):
 * `sale_facts` (one booking per sale, void and return, on its own store, staff
 * member and local day) and `member_facts` (one row per member).
 *
 * Who sees what. A store manager gets figures of their own stores only: a
 * store outside their scope is `not_found`, and no stores named means theirs.
 * Members by spend (top N) counts spend at the stores chosen; a member's
 * phone is masked for a store manager unless the member is a customer of one
 * of their stores (as on the members' page). Figures about members (points
 * liability, tier movement) count the members enrolled at the stores chosen.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Text } from '../../core/i18n';
import type { CouponSource } from '../../core/member-types';
import { issueSaying, says } from '../../core/schema-messages';
import { parseIsoDate } from '../../core/time';
import { rangeLength } from '../../core/reports/shape';
import { boCommand, returns } from './define';
import { Id } from './schemas';

/** The longest range a report covers: two years and a day (a leap year's worth to compare). */
export const REPORT_MAX_DAYS = 732;
/** Members by spend: 10 unless asked, at most 100. */
export const TOP_MEMBERS_DEFAULT = 10;
export const TOP_MEMBERS_MAX = 100;
/** Months ahead the points liability tells what expires in. */
export const LIABILITY_MONTHS = 6;

const LocalDay = z.string().refine(
  (value) => {
    try {
      parseIsoDate(value);
      return true;
    } catch {
      return false;
    }
  },
  { message: says(msg('backoffice.input.reports.day')) },
);

/** The range's days in order and at most REPORT_MAX_DAYS long (each day's own check says a bad day). */
function checkRange(input: { from: string; to: string }, ctx: z.RefinementCtx): void {
  let days: number;
  try {
    days = rangeLength(input.from, input.to);
  } catch {
    return;
  }
  if (days < 1) ctx.addIssue(issueSaying(msg('backoffice.input.reports.order'), ['to']));
  else if (days > REPORT_MAX_DAYS)
    ctx.addIssue(
      issueSaying(msg('backoffice.input.reports.span', { max: REPORT_MAX_DAYS }), ['to']),
    );
}

const rangeFields = {
  /** None: every store the account reaches. */
  storeIds: z.array(Id()).max(500).default([]),
  from: LocalDay,
  to: LocalDay,
};

/** The stores and the local days from–to, inclusive. */
export const ReportRange = z.object(rangeFields).superRefine(checkRange);
export type ReportRange = z.output<typeof ReportRange>;

const topN = says(msg('backoffice.input.reports.topN', { max: TOP_MEMBERS_MAX }));
export const TopMembersInput = z
  .object({
    ...rangeFields,
    n: z
      .number({ message: topN })
      .int(topN)
      .min(1, topN)
      .max(TOP_MEMBERS_MAX, topN)
      .default(TOP_MEMBERS_DEFAULT),
  })
  .superRefine(checkRange);

/** What every report answers besides its rows: the range as read and the stores counted. */
export interface BoReportFrame {
  from: string;
  to: string;
  timeZone: string;
  /** The stores counted (all the account reaches when none were chosen). */
  stores: Array<{ storeId: string; name: string }>;
}

/** One local day of sales: all, and members' (net of voids and returns). */
export interface BoShareDay {
  day: string;
  amountOre: number;
  memberAmountOre: number;
  /** Receipts: sales less voids (a return leaves the receipt standing). */
  receipts: number;
  memberReceipts: number;
  /** Members who bought that day (distinct). Non-members are not persons to the cloud. */
  members: number;
}

export interface BoMemberShareReport extends BoReportFrame {
  days: BoShareDay[];
  total: BoShareDay & { day: '' };
}

export interface BoEnrolmentRow {
  day: string;
  storeId: string;
  storeName: string;
  /** The staff member who enrolled (null: not said, or a member enrolled online / in the back office). */
  staffId: string | null;
  staffName: string | null;
  enrolments: number;
}

export interface BoEnrolmentReport extends BoReportFrame {
  rows: BoEnrolmentRow[];
  byDay: Array<{ day: string; enrolments: number }>;
  total: number;
}

export interface BoTopMember {
  rank: number;
  memberId: string;
  memberNumber: string;
  /** Null once erased (their figures stay). */
  name: string | null;
  /** Masked (`+47 ••• •• 567`) for an account that does not see it. */
  phone: string | null;
  erased: boolean;
  spendOre: number;
  receipts: number;
}

export interface BoTopMembersReport extends BoReportFrame {
  n: number;
  members: BoTopMember[];
}

export interface BoCouponRow {
  kind: CouponSource;
  /** The campaign, spend rule or tier level (null where the kind has one rule, or it is gone). */
  ruleId: string | null;
  /** Its name in the programme in force (null: not in it any more, or the kind has none). */
  name: Text | null;
  /** Uses less the voided ones; a coupon used twice offline counts twice. */
  redemptions: number;
}

export interface BoCouponReport extends BoReportFrame {
  rows: BoCouponRow[];
  total: number;
}

export interface BoPunchCardRow {
  cardId: string;
  name: Text | null;
  /** Cards filled (rewards earned), less those of voided sales. */
  completed: number;
}

export interface BoPunchCardReport extends BoReportFrame {
  rows: BoPunchCardRow[];
  total: number;
}

export interface BoLiabilityMonth {
  /** YYYY-MM; the first is the month of the range's last day (its rest). */
  month: string;
  points: number;
  valueOre: number;
}

export interface BoLiabilityReport extends BoReportFrame {
  /** What a point is worth when redeemed (the programme in force); 0 = not redeemable. */
  pointValueOre: number;
  /** Points held by members enrolled at the stores, open at the end of the range's last day. */
  points: number;
  valueOre: number;
  members: number;
  expiring: BoLiabilityMonth[];
}

export interface BoTierPeriod {
  /** YYYY-MM */
  period: string;
  up: number;
  kept: number;
  down: number;
}

export interface BoTierReport extends BoReportFrame {
  /** False: the programme has no tiers (nothing to count). */
  tiersOn: boolean;
  periods: BoTierPeriod[];
}

const read = { role: 'store_manager', scope: 'stores', access: 'read' } as const;

export const reportsCommands = {
  /** Sales per local day: all, members', receipts, distinct members. */
  'reports.memberShare': boCommand({
    input: ReportRange,
    output: returns<BoMemberShareReport>(),
    ...read,
  }),
  /** Enrolments per local day, store and staff member. */
  'reports.enrolments': boCommand({
    input: ReportRange,
    output: returns<BoEnrolmentReport>(),
    ...read,
  }),
  /** The N members who spent most at the stores in the range. */
  'reports.topMembers': boCommand({
    input: TopMembersInput,
    output: returns<BoTopMembersReport>(),
    ...read,
  }),
  /** Coupons redeemed, per kind and campaign or rule. */
  'reports.coupons': boCommand({
    input: ReportRange,
    output: returns<BoCouponReport>(),
    ...read,
  }),
  /** Punch cards completed, per card. */
  'reports.punchCards': boCommand({
    input: ReportRange,
    output: returns<BoPunchCardReport>(),
    ...read,
  }),
  /** Points held, in kroner, and what expires in each of the next six months. */
  'reports.liability': boCommand({
    input: ReportRange,
    output: returns<BoLiabilityReport>(),
    ...read,
  }),
  /** Tier movement (up, kept, down) per month of the range. */
  'reports.tiers': boCommand({
    input: ReportRange,
    output: returns<BoTierReport>(),
    ...read,
  }),
} as const;
