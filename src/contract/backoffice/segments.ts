/**
 * Saved segments in the back office ("Segmenter", issue 16 point 4): who a
 * campaign targets, built from the engine's own rule (src/core/programme.ts
 * `SegmentRule`), counted and listed by the cloud over its projections
 * (cloud/segments), exported as CSV for Excel, and saved for the programme
 * editor to copy into a coupon or bonus campaign (a till evaluates the rule
 * offline from the member's ledger, so the programme holds the rule itself,
 * not a reference to a saved segment).
 *
 * Who may do what. A chain's members are the chain's (as with members.ts): any
 * account counts and lists the whole chain's members. The list and the export
 * show a member's phone and e-mail to an owner, and to a store manager only
 * for their own stores' customers (members enrolled at, or buying in, one of
 * their stores); for others they are masked, exactly as the members' page
 * masks them. Saved segments are the chain's, listed to every account; a store
 * manager saves segments of their own and changes or deletes only those, an
 * owner any.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Text } from '../../core/i18n';
import { isWellFormedText } from '../../core/limits';
import { SegmentRule } from '../../core/programme';
import type { SegmentRule as SegmentRuleValue, MEMBER_STATUSES } from '../../core/programme';
import { issueSaying, says } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { Id } from './schemas';

/** A segment's name, as the list shows it. */
export const SEGMENT_NAME_MAX = 80;
/** Member ids a saved segment may list ("top 10 → lag kampanje" and the like). */
export const SEGMENT_MAX_MEMBER_IDS = 1_000;
/** Saved segments a chain keeps at most. */
export const SEGMENTS_MAX = 500;
/** Members a page of the list shows. */
export const SEGMENT_PAGE_SIZE = 50;
/** Members one export holds at most (the file says when there were more). */
export const SEGMENT_EXPORT_MAX = 50_000;

/** Every member id the rule names, at any level. */
export function memberIdsOf(rule: SegmentRuleValue): string[] {
  return [
    ...rule.memberIds,
    ...(rule.any ?? []).flatMap(memberIdsOf),
    ...(rule.all ?? []).flatMap(memberIdsOf),
  ];
}

/**
 * A rule as the builder sends it: the engine's schema (its own words for a
 * bound the wrong way round or a group too deep), at most
 * SEGMENT_MAX_MEMBER_IDS member ids in all.
 */
export const SegmentRuleInput = SegmentRule.superRefine((rule, ctx) => {
  if (memberIdsOf(rule).length > SEGMENT_MAX_MEMBER_IDS)
    ctx.addIssue(
      issueSaying(msg('backoffice.segments.tooManyMembers', { max: SEGMENT_MAX_MEMBER_IDS }), [
        'memberIds',
      ]),
    );
});

export const SegmentName = z
  .string({ error: says(msg('backoffice.segments.nameNeeded')) })
  .trim()
  .min(1, says(msg('backoffice.segments.nameNeeded')))
  .max(SEGMENT_NAME_MAX, says(msg('backoffice.segments.nameTooLong', { max: SEGMENT_NAME_MAX })))
  .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

/** What `segment.save` takes: no id saves a new segment; an id changes that one. */
export const SegmentSave = z.object({
  id: Id().optional(),
  name: SegmentName,
  rule: SegmentRuleInput,
});
export type SegmentSaveInput = z.input<typeof SegmentSave>;

/** The cloud's words when it refuses a save or a delete (beyond the schemas' own). */
export const SEGMENT_REFUSALS = {
  nameTaken: 'backoffice.segments.nameTaken',
  tooMany: 'backoffice.segments.tooMany',
  notYours: 'backoffice.segments.notYours',
} as const;

export type BoMemberStatus = (typeof MEMBER_STATUSES)[number];

/** A saved segment as the list shows it. */
export interface BoSegmentSummary {
  id: string;
  name: string;
  /** The account that saved it first (null: since removed). */
  createdBy: { accountId: string; name: string } | null;
  createdAt: number;
  updatedAt: number;
  /** Whether this account may change or delete it (an owner any; a store manager their own). */
  mayChange: boolean;
}

/**
 * Stands in, numbered from 1, for each id of a store or customer a store manager does not
 * reach in a segment an owner saved: it matches nobody, and a list never turns empty (an
 * empty list would mean anyone).
 */
export const HIDDEN_SEGMENT_ID = '~skjult-';

export interface BoSegment extends BoSegmentSummary {
  rule: SegmentRuleValue;
  /** How many ids of the rule are hidden from this account (HIDDEN_SEGMENT_ID). */
  hiddenIds: number;
}

export interface BoSegmentCount {
  count: number;
  /** The instant the count is for (windows and status are counted at it). */
  at: number;
}

/** A member of a segment's list, masked as the account may see them. */
export interface BoSegmentMember {
  memberId: string;
  memberNumber: string;
  name: string | null;
  /** False when phone and e-mail are masked for this account (another store's customer). */
  contactVisible: boolean;
  /** The phone, or masked (`+47 ••• •• 567`). */
  phone: string | null;
  /** The e-mail, or `•••`. */
  email: string | null;
  postalCode: string | null;
  /** The tier's name in the programme (null: no tier). */
  tier: Text | null;
  status: BoMemberStatus;
  /** Purchases and net spend, ever. */
  purchases: number;
  spendOre: number;
  lastPurchaseAt: number | null;
  consents: { sms: boolean; email: boolean };
}

export interface BoSegmentMembers {
  members: BoSegmentMember[];
  /** The whole segment's size at `at`. */
  count: number;
  page: number;
  more: boolean;
  at: number;
}

export interface BoSegmentExport {
  /** A file name to save it under, e.g. `segment-lapsing-2026-12-06.csv`. */
  fileName: string;
  /** The file: UTF-8 with a byte-order mark, `;` between fields, CRLF line ends. */
  csv: string;
  rows: number;
  /** More members than SEGMENT_EXPORT_MAX matched: the file holds the first ones. */
  truncated: boolean;
}

const Page = z.number().int().min(0).max(10_000).default(0);
const CsvLocale = z.enum(['nb', 'en', 'sv']).default('nb');

export const segmentsCommands = {
  /** The chain's saved segments, by name. */
  'segment.list': boCommand({
    input: z.object({}),
    output: returns<BoSegmentSummary[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** One saved segment with its rule. */
  'segment.get': boCommand({
    input: z.object({ id: Id() }),
    output: returns<BoSegment>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** Saves a new segment (no id) or changes one (its name and rule); names are unique in a chain. */
  'segment.save': boCommand({
    input: SegmentSave,
    output: returns<BoSegment>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  'segment.delete': boCommand({
    input: z.object({ id: Id() }),
    output: returns<{ id: string; deleted: true }>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /** How many members a rule matches now (the builder asks as the rule is edited). */
  'segment.count': boCommand({
    input: z.object({ rule: SegmentRuleInput }),
    output: returns<BoSegmentCount>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** A page of the members a rule matches, by member number, masked as the account may see them. */
  'segment.members': boCommand({
    input: z.object({ rule: SegmentRuleInput, page: Page }),
    output: returns<BoSegmentMembers>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** The members a rule matches as a CSV file for Excel (headings in `locale`), masked likewise. */
  'segment.export': boCommand({
    input: z.object({
      rule: SegmentRuleInput,
      name: SegmentName.optional(),
      locale: CsvLocale,
    }),
    output: returns<BoSegmentExport>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
} as const;
