/**
 * The back office's members (issue 14, "Members"): search, a member's page,
 * their profile, consents, PIN, points, export and erasure, and the audit of
 * who changed what. Every change is a member event the cloud writes into the
 * chain's log with the account as its author (`staffId` = the account's id,
 * store and till `cloud`), so the tills pull it like any other.
 *
 * Who sees what. A loyalty chain's members are the chain's: a member shops in
 * any of its stores, and any till of the chain finds any member. So a store
 * manager finds and opens every member of the chain, as their cashiers can at
 * the counter, and may do what a manager may do at a till (withdraw a consent,
 * reset a PIN, adjust points within the programme's cap). But a store manager
 * sees a member's phone and e-mail (and may change the profile) only for their
 * own stores' customers: members enrolled at, or buying in, one of their
 * stores; for others they are masked. What a member did in another store is
 * told without that store's name or its staff. Giving a consent on the
 * member's behalf, an export (a data-access request) and an erasure are the
 * chain's (its owners'): the chain is the controller that answers for them.
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Shown, Text } from '../../core/i18n';
import { isWellFormedText, LIMITS } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { boCommand, returns } from './define';
import { Id } from './schemas';

/** What a search may hold: a name, a phone number as typed, or a member number. */
export const MemberQuery = z
  .string()
  .trim()
  .min(2, says(msg('backoffice.input.members.queryShort')))
  .max(80, says(msg('backoffice.input.members.queryLong')))
  .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

export const MEMBER_PAGE_SIZE = 25;

const optionalText = (max: number, said: ReturnType<typeof says>) =>
  z.string().trim().max(max, said).refine(isWellFormedText, said);

/** A profile as the form sends it: '' clears a field, a field not sent is left as it is. */
export const MemberProfileInput = z.object({
  firstName: optionalText(80, says(msg('backoffice.input.members.nameLong'))).optional(),
  lastName: optionalText(80, says(msg('backoffice.input.members.nameLong'))).optional(),
  email: z
    .string()
    .trim()
    .max(254, says(msg('backoffice.input.email')))
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: says(msg('backoffice.input.email')),
    })
    .optional(),
  birthDate: z
    .string()
    .trim()
    // The form sends every field: a date on file from before this rule must not stop the rest
    // being saved, so only its form is checked here; a date changed is checked in full by the handler.
    .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v), {
      message: says(msg('backoffice.input.members.birthDate')),
    })
    .optional(),
  postalCode: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}$/.test(v), {
      message: says(msg('backoffice.input.members.postalCode')),
    })
    .optional(),
  /** Any Norwegian form, or +country…; checked by the cloud (src/core/phone.ts). */
  phone: z
    .string()
    .trim()
    .max(LIMITS.maxIdLength, says(msg('backoffice.input.members.phone')))
    .optional(),
});

/** A manual adjustment: whole points, not zero, and why (shown to the member and in the audit). */
/** Past what any programme allows: the limit named, as the programme's own cap is (memberRefusals.overCap). */
const overLimit = msg('backoffice.input.members.overCap', { max: LIMITS.maxPointsAdjustment });

export const PointsAdjustment = z.object({
  memberId: Id(),
  points: z
    .number({ message: says(msg('backoffice.input.members.pointsWhole')) })
    .int(says(msg('backoffice.input.members.pointsWhole')))
    .min(-LIMITS.maxPointsAdjustment, says(overLimit))
    .max(LIMITS.maxPointsAdjustment, says(overLimit))
    .refine((p) => p !== 0, { message: says(msg('backoffice.input.members.pointsZero')) }),
  reason: z
    .string()
    .trim()
    .min(3, says(msg('backoffice.input.members.reasonNeeded')))
    .max(200, says(msg('backoffice.input.members.reasonLong')))
    .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) }),
});

/** A member as a search lists them. */
export interface BoMemberRow {
  memberId: string;
  memberNumber: string;
  name: string | null;
  /** The phone, or masked (e.g. `+47 ••• •• 567`) when the account does not see it. */
  phone: string | null;
  enrolledAt: number;
}

export interface BoMemberSearch {
  members: BoMemberRow[];
  /** How the query was read. */
  by: 'name' | 'phone' | 'member_number';
  page: number;
  more: boolean;
}

/** Who wrote an event: an account of the back office, or staff at a till (null: not said, or another store's). */
export type BoAuthor =
  | { kind: 'account'; accountId: string; name: string | null }
  | { kind: 'staff'; staffId: string; name: string | null }
  | null;

/** One thing that happened to a member, told in words by the page. */
export interface BoMemberEntry {
  eventId: string;
  at: number;
  kind:
    | 'enrolled'
    | 'profile'
    | 'consent'
    | 'pin'
    | 'erased'
    | 'sale'
    | 'voided'
    | 'returned'
    | 'points'
    | 'coupon_bought'
    | 'referral'
    | 'other';
  /** The store's name; null for the back office, or for another store than the account's. */
  store: string | null;
  /** Written in the back office (an account), not at a till. */
  backoffice: boolean;
  by: BoAuthor;
  points?: number;
  reason?: Shown;
  channel?: 'sms' | 'email';
  granted?: boolean;
  fields?: string[];
  totalOre?: number;
  receiptNo?: string;
  pinCleared?: boolean;
}

export interface BoMemberDetail {
  memberId: string;
  memberNumber: string;
  erased: boolean;
  /** False when phone and e-mail are masked for this account (another store's customer). */
  contactVisible: boolean;
  phone: string | null;
  profile: {
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    birthDate: string | null;
    postalCode: string | null;
  };
  enrolledAt: number;
  enrolledStore: string | null;
  consents: { sms: boolean; email: boolean };
  termsVersion: string;
  hasPin: boolean;
  points: { enabled: boolean; balance: number; pending: number; valueOre: number };
  cashbackOre: number;
  tier: { name: Text; qualifyingPoints: number } | null;
  punchCards: Array<{ cardId: string; name: Text; stamps: number; of: number; rewards: number }>;
  coupons: Array<{ couponId: string; name: Text; validTo: number; usesLeft: number }>;
  stats: { purchases: number; spendOre: number; lastPurchaseAt: number | null };
  /** Newest first. */
  history: BoMemberEntry[];
  /** The most points one manual adjustment may move in this chain. */
  maxAdjustment: number;
  /** What this account may do to this member. */
  may: {
    editProfile: boolean;
    grantConsent: boolean;
    export: boolean;
    erase: boolean;
  };
}

export interface BoAuditEntry extends BoMemberEntry {
  memberId: string;
  memberNumber: string | null;
}

export interface BoAudit {
  entries: BoAuditEntry[];
  more: boolean;
}

/** The cloud's refusals of member changes, said beside the field at fault. */
export const memberRefusals = {
  phoneTaken: () => msg('backoffice.input.members.phoneTaken'),
  overCap: (max: number) => msg('backoffice.input.members.overCap', { max }),
  notEnough: (balance: number) => msg('backoffice.input.members.notEnough', { balance }),
  pointsOff: () => msg('backoffice.input.members.pointsOff'),
};

const Page = z.number().int().min(0).max(10_000).default(0);

export const membersCommands = {
  /** Members by name (start of a first or last name), phone (as typed) or member number; 25 a page. */
  'members.search': boCommand({
    input: z.object({ q: MemberQuery, page: Page }),
    output: returns<BoMemberSearch>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** A member's page: profile, consents, balances, tier, cards, coupons and history. */
  'members.get': boCommand({
    input: z.object({ memberId: Id() }),
    output: returns<BoMemberDetail>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),

  /** Changes the fields sent ('' clears one); the phone must be no other member's. */
  'members.updateProfile': boCommand({
    input: z.object({ memberId: Id(), profile: MemberProfileInput }),
    output: returns<BoMemberDetail>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /** Withdraws (anyone) or records given (owners) a consent to SMS or e-mail marketing. */
  'members.setConsent': boCommand({
    input: z.object({ memberId: Id(), channel: z.enum(['sms', 'email']), granted: z.boolean() }),
    output: returns<BoMemberDetail>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /** Removes the member's PIN: they choose a new one at the next till. */
  'members.resetPin': boCommand({
    input: z.object({ memberId: Id() }),
    output: returns<BoMemberDetail>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /**
   * The member's own page link (/m/<token>, cloud/member-page): shown (made
   * when first asked for), replaced by a new one ("Lag ny lenke"; the old
   * one stops working), or withdrawn ("Trekk tilbake"; url null). Owners
   * only: the page's data.json holds the member's events from every store.
   */
  'members.pageLink': boCommand({
    input: z.object({ memberId: Id(), action: z.enum(['show', 'renew', 'revoke']) }),
    output: returns<{ url: string | null }>(),
    role: 'owner',
    scope: 'stores',
    access: 'write',
  }),

  /** Adds or takes points with a reason, at most the programme's cap at a time. */
  'members.adjustPoints': boCommand({
    input: PointsAdjustment,
    output: returns<BoMemberDetail>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'write',
  }),

  /** Everything held on the member, for a data-access request. */
  'members.export': boCommand({
    input: z.object({ memberId: Id() }),
    output: returns<{ exportedAt: string; memberId: string; data: Record<string, unknown> }>(),
    role: 'owner',
    scope: 'stores',
    access: 'read',
  }),

  /** Erases the member (their personal data is removed everywhere; figures stay). */
  'members.erase': boCommand({
    input: z.object({ memberId: Id(), confirm: z.literal(true) }),
    output: returns<{ memberId: string; erased: true }>(),
    role: 'owner',
    scope: 'stores',
    access: 'write',
  }),

  /** Changes made in the back office and at the tills: of one member, or by one account. */
  'audit.list': boCommand({
    input: z.union([
      z.object({ memberId: Id(), page: Page }),
      z.object({ accountId: Id(), page: Page }),
    ]),
    output: returns<BoAudit>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
} as const;
