/**
 * Campaigns in the back office ("Kampanjer", issue 17 point 1): a saved
 * segment + an offer (a message only, one of the programme's coupon
 * campaigns, which every till already knows and applies to the members its
 * own segment rule names, or one of its bonus campaigns: extra points in a
 * window, which every till already applies) + SMS and/or e-mail texts + when. Before sending:
 * the reach per channel after consent and the 30-day cap, and what the SMS
 * cost (parts × members × the chain's price per part). Sending puts one
 * message per consenting member and channel in the cloud's outbox; the sender
 * checks consent again, the cap and quiet hours when it sends. Afterwards:
 * delivered, failed, skipped and why, coupons redeemed and the sales with them,
 * or for a bonus offer the messaged members' sales in the window and their points.
 *
 * Who may do what: every account sees the chain's campaigns; only an owner
 * creates, sends or sets the SMS price (a campaign reaches the whole chain's
 * members, beyond a store manager's stores).
 */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import { isWellFormedText } from '../../core/limits';
import type { SmsEncoding } from '../../core/messaging/sms-parts';
import { says } from '../../core/schema-messages';
import { isoDate, localDateOf } from '../../core/time';
import { boCommand, returns } from './define';
import { Id } from './schemas';

export const CAMPAIGN_NAME_MAX = 80;
/** An SMS body at most (the sender refuses over 1000 with the opt-out; 6 parts is plenty). */
export const CAMPAIGN_SMS_MAX = 900;
export const CAMPAIGN_EMAIL_MAX = 20_000;
export const CAMPAIGN_SUBJECT_MAX = 150;
/** The default price of one SMS part, øre (the notes saw from 0.36 kr plus a monthly fee). */
export const DEFAULT_SMS_PRICE_ORE = 45;
/** How far ahead a campaign may be scheduled. */
export const CAMPAIGN_SCHEDULE_MAX_DAYS = 90;

const text = (max: number, needed: 'smsNeeded' | 'emailNeeded' | 'subjectNeeded') =>
  z
    .string()
    .trim()
    .min(1, says(msg(`backoffice.campaigns.${needed}`)))
    .max(max, says(msg(`backoffice.campaigns.${needed}TooLong`, { max })))
    .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) });

export const CampaignOffer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message') }),
  /** One of the programme's coupon campaigns (its id). */
  z.object({ kind: z.literal('coupon'), couponCampaignId: Id() }),
  /** One of the programme's bonus campaigns (its id): extra points in its window. */
  z.object({ kind: z.literal('bonus'), bonusCampaignId: Id() }),
]);
export type CampaignOffer = z.infer<typeof CampaignOffer>;

export const CampaignCreate = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, says(msg('backoffice.campaigns.nameNeeded')))
      .max(
        CAMPAIGN_NAME_MAX,
        says(msg('backoffice.campaigns.nameTooLong', { max: CAMPAIGN_NAME_MAX })),
      )
      .refine(isWellFormedText, { message: says(msg('contract.wellFormed')) }),
    segmentId: Id(),
    offer: CampaignOffer,
    sms: z
      .object({ text: text(CAMPAIGN_SMS_MAX, 'smsNeeded') })
      .nullable()
      .default(null),
    email: z
      .object({
        subject: text(CAMPAIGN_SUBJECT_MAX, 'subjectNeeded'),
        text: text(CAMPAIGN_EMAIL_MAX, 'emailNeeded'),
      })
      .nullable()
      .default(null),
    /** Not before this instant (ms); null: at once when sent. */
    sendAt: z.number().int().positive().nullable().default(null),
  })
  .refine((c) => c.sms !== null || c.email !== null, {
    message: says(msg('backoffice.campaigns.channelNeeded')),
    path: ['sms'],
  });
export type CampaignCreateInput = z.input<typeof CampaignCreate>;

export const CAMPAIGN_REFUSALS = {
  alreadySent: 'backoffice.campaigns.alreadySent',
  couponUnknown: 'backoffice.campaigns.couponUnknown',
  bonusUnknown: 'backoffice.campaigns.bonusUnknown',
  sendAtPast: 'backoffice.campaigns.sendAtPast',
  offerOver: 'backoffice.campaigns.offerOver',
} as const;

/**
 * Whether an offer valid to `validTo` (ISO date, its last day, in the
 * programme's time zone) is over on the day a campaign goes out at `sendAt`:
 * its message would announce what the tills no longer give. The cloud refuses
 * such a campaign; the form does not offer it.
 */
export function offerOverAt(validTo: string, sendAt: number, timeZone: string): boolean {
  return validTo < isoDate(localDateOf(sendAt, timeZone));
}

export interface BoCampaignReach {
  /** Members the segment holds now. */
  members: number;
  /** Per channel: with consent, and of those under the 30-day cap (who it reaches). */
  sms: { consenting: number; reachable: number };
  email: { consenting: number; reachable: number };
  /** The chain's cap: messages per member and channel in 30 days. */
  frequencyCap: number;
}

export interface BoSmsCost {
  encoding: SmsEncoding;
  /** Parts per member, the opt-out included. */
  parts: number;
  pricePerPartOre: number;
  /** parts × reachable members × price. */
  totalOre: number;
}

export interface BoCampaignPreview {
  reach: BoCampaignReach;
  /** Null when no SMS text is given. */
  smsCost: BoSmsCost | null;
  at: number;
}

export interface BoCouponChoice {
  id: string;
  name: { nb: string; en: string };
  validFrom: string;
  validTo: string;
}

export interface BoBonusChoice {
  id: string;
  name: { nb: string; en: string };
  multiplier: number;
  validFrom: string;
  validTo: string;
}

type ChannelResult = {
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  skipped: number;
  skippedBy: { no_consent: number; over_cap: number; opted_out: number; no_address: number };
};

export interface BoCampaignResults {
  sms: ChannelResult;
  email: ChannelResult;
  /** Null for a message-only campaign: sales that redeemed the coupon, net of voids and returns giving it back. */
  coupons: { redeemed: number; salesOre: number } | null;
  /**
   * Null unless the offer is a bonus campaign (or the programme has it neither
   * now nor when sent): the messaged members' sales made after the send on a
   * day in its window, net of voids and returns of those sales, and their points.
   */
  bonus: { sales: number; salesOre: number; pointsEarned: number } | null;
}

export interface BoCampaignSummary {
  id: string;
  name: string;
  segmentId: string;
  segmentName: string | null;
  offer: CampaignOffer;
  channels: { sms: boolean; email: boolean };
  /** scheduled: confirmed by the owner (campaign.schedule), sent by the cloud at `sendAt`. */
  state: 'draft' | 'scheduled' | 'sent';
  sendAt: number | null;
  sentAt: number | null;
  createdAt: number;
  /** Why a draft was not sent at its time (its time then cleared); null once changed or sent. */
  unsent: Msg | null;
}

export interface BoCampaign extends BoCampaignSummary {
  sms: { text: string } | null;
  email: { subject: string; text: string } | null;
  enqueued: { sms: number; email: number };
  /** A draft's reach and cost now. */
  preview: BoCampaignPreview | null;
  /** A sent campaign's outcome. */
  results: BoCampaignResults | null;
}

export interface BoCampaignSettings {
  smsPriceOre: number;
  /** The programme's time zone, whose days the offers' windows count (`offerOverAt`). */
  timeZone: string;
  /** The programme's coupon campaigns a campaign can offer. */
  coupons: BoCouponChoice[];
  /** The programme's bonus campaigns a campaign can offer. */
  bonusCampaigns: BoBonusChoice[];
}

export const campaignsCommands = {
  'campaign.list': boCommand({
    input: z.object({}),
    output: returns<BoCampaignSummary[]>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
  'campaign.get': boCommand({
    input: z.object({ id: Id() }),
    output: returns<BoCampaign>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
  'campaign.settings': boCommand({
    input: z.object({}),
    output: returns<BoCampaignSettings>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
  /** Reach and cost of a segment and SMS text before a campaign is saved. */
  'campaign.preview': boCommand({
    input: z.object({
      segmentId: Id(),
      smsText: z.string().max(CAMPAIGN_SMS_MAX).nullable().default(null),
    }),
    output: returns<BoCampaignPreview>(),
    role: 'owner',
    scope: 'chain',
    access: 'read',
  }),
  'campaign.create': boCommand({
    input: CampaignCreate,
    output: returns<BoCampaign>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
  /** Changes a draft (a sent campaign is refused). */
  'campaign.update': boCommand({
    input: z.object({ id: Id(), campaign: CampaignCreate }),
    output: returns<BoCampaign>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
  /** Deletes a draft (a sent campaign is kept: its messages and results stay). */
  'campaign.delete': boCommand({
    input: z.object({ id: Id() }),
    output: returns<{ id: string }>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
  /** Sends a draft: once (a second send is refused, nothing is queued twice). */
  'campaign.send': boCommand({
    input: z.object({ id: Id() }),
    output: returns<BoCampaign>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
  /** "Planlegg utsendelse": a draft with a time ahead, confirmed, is sent by the cloud then. */
  'campaign.schedule': boCommand({
    input: z.object({ id: Id() }),
    output: returns<BoCampaign>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
  'campaign.setSmsPrice': boCommand({
    input: z.object({ smsPriceOre: z.number().int().min(0).max(1000) }),
    output: returns<{ smsPriceOre: number }>(),
    role: 'owner',
    scope: 'chain',
    access: 'write',
  }),
} as const;
