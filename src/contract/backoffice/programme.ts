/**
 * The programme editor's commands (issue 14): the chain's programme as it is in
 * force, publishing a new version (a `programme.saved` event in the chain's log,
 * the same path PUT /v1/programme takes, so every till pulls it), the versions
 * with who and when, rolling back to an older one (published again as a new
 * version), the templates to start from, and what the preview needs: the
 * chain's catalogue and one real member.
 *
 * A version is published to every store or to chosen ones, at once or from a
 * date (the start of that day in the programme's time zone); each till runs
 * the version that reaches its store and started last
 * (src/core/programme-in-force.ts), so a planned version takes over at its
 * date even at a till that is offline then.
 */
import { z } from 'zod';
import type { Product } from '../../core/catalogue';
import type { Text } from '../../core/i18n';
import type { MemberLedger } from '../../core/member-types';
import { Programme } from '../../core/programme';
import type { Programme as ProgrammeValue } from '../../core/programme';
import { msg } from '../../core/i18n';
import { LIMITS } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { Id } from './schemas';
import type { BoStoreRef } from './types';

/** The programme's parts a version can change (a summary of what a version changed names these). */
export const PROGRAMME_PARTS = [
  'name',
  'points',
  'tiers',
  'punchCards',
  'spendCoupons',
  'pointsOffers',
  'welcome',
  'birthday',
  'campaigns',
  'bonusCampaigns',
  'referral',
  'cashback',
  'nonDiscountableCategories',
  'stacking',
  'verifyRedemptionAboveOre',
  'other',
] as const;
export type ProgrammePart = (typeof PROGRAMME_PARTS)[number];

export interface BoProgrammeAuthor {
  /** A back-office account (null when a till or the cloud's API saved it). */
  accountId: string | null;
  name: string | null;
  /** Saved at a till (its staff member's id), not in the back office. */
  staffId: string | null;
  storeId: string | null;
}

export interface BoProgrammeVersion {
  /** 1 for the chain's first saved programme, then one more per save. */
  number: number;
  eventId: string;
  at: number;
  author: BoProgrammeAuthor;
  /** The parts that differ from the version before (none for the first). */
  changed: ProgrammePart[];
  /** When this version republished an older one: that one's number. */
  rolledBackTo: number | null;
  /** What the publisher wrote about it, if anything. */
  note: string | null;
  /** The stores it was published to (null: every store). */
  stores: BoStoreRef[] | null;
  /** When it takes effect: when published, or the date it was published from. */
  startsAt: number;
  /** True while its date has not come. */
  planned: boolean;
  /** The stores where it is the version in force now (`everywhere`: every store of the chain). */
  inForce: { everywhere: boolean; stores: BoStoreRef[] };
}

export interface BoProgrammeCurrent {
  /** Null until the chain saves a programme. */
  programme: ProgrammeValue | null;
  version: BoProgrammeVersion | null;
}

export interface BoProgrammeTemplate {
  id: string;
  name: Text;
  programme: ProgrammeValue;
  /** The template's demo products (the preview's products while the chain has no catalogue). */
  catalogue: Product[];
}

export interface BoPreviewMember {
  memberId: string;
  memberNumber: string;
  name: string;
  /** The member's fold without contact details or places; the page reads it under the draft. */
  ledger: MemberLedger;
}

const Note = z.string().trim().max(200).optional();

/** The cloud's words when it refuses a publication's where and when. */
export const PUBLISH_REFUSALS = {
  unknownStore: 'backoffice.ui.programme.publish.unknownStore',
  pastDate: 'backoffice.ui.programme.publish.pastDate',
} as const;

/** Where and when a version applies: absent, every store and at once. */
const Publication = {
  /** Chosen stores of the chain; absent: every store, those added later too. */
  stores: z
    .array(Id())
    .min(1, says(msg('backoffice.ui.programme.publish.noStores')))
    .max(LIMITS.maxStoresPerPublication)
    .optional(),
  /** The first day it applies (YYYY-MM-DD, today or later); absent: at once. */
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, says(msg('backoffice.ui.programme.publish.badDate')))
    .optional(),
};

export const programmeCommands = {
  /** The programme in force and its version (a store manager may read it). */
  'programme.get': boCommand({
    input: z.object({}),
    output: returns<BoProgrammeCurrent>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /**
   * Publishes a whole programme, checked by the core's schema, to every store
   * or chosen ones, now or from a date (owners only).
   */
  'programme.publish': boCommand({
    input: z.object({ programme: Programme, note: Note, ...Publication }),
    output: returns<BoProgrammeVersion>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /** Every version, newest first, with who and when and what changed. */
  'programme.history': boCommand({
    input: z.object({}),
    output: returns<BoProgrammeVersion[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** Publishes an older version again, as a new version (owners only). */
  'programme.rollBack': boCommand({
    input: z.object({ number: z.number().int().positive().max(1_000_000) }),
    output: returns<BoProgrammeVersion>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),

  /** The templates to start from (bakery, pet shop, clothing store, blank). */
  'programme.templates': boCommand({
    input: z.object({}),
    output: returns<BoProgrammeTemplate[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** The chain's catalogue as its newest `catalogue.saved` holds it (empty before any). */
  'programme.catalogue': boCommand({
    input: z.object({}),
    output: returns<Product[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** One member for the preview, by phone number or member number (null when none has it). */
  'programme.previewMember': boCommand({
    input: z.object({ query: z.string().trim().min(1).max(40) }),
    output: returns<BoPreviewMember | null>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
} as const;
