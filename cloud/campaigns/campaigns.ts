/**
 * Campaigns (migration 016; src/contract/backoffice/campaigns.ts says who may
 * do what). The segment is counted and listed by its one SQL query
 * (cloud/segments/sql.ts); reach joins it to member_facts' consent and the
 * outbox's last 30 days, as the sender counts its cap. Sending enqueues one
 * message per consenting member and channel through the outbox
 * (`enqueueMessages`, purpose 'campaign:<id>') in the same transaction that
 * marks the campaign sent, so a second send finds it sent and queues nothing.
 * The offer is a message only, a coupon campaign or a bonus campaign of the
 * programme (which the tills apply themselves); results read sale_facts.
 */
import { v7 as uuidv7 } from 'uuid';
import { msg } from '../../src/core/i18n';
import type { MessageKey } from '../../src/core/messages';
import { campaignSmsParts } from '../../src/core/messaging/sms-parts';
import { SegmentRule as SegmentRuleSchema } from '../../src/core/programme';
import type { BonusCampaign, SegmentRule } from '../../src/core/programme';
import type {
  BoCampaign,
  BoCampaignPreview,
  BoCampaignReach,
  BoCampaignResults,
  BoCampaignSettings,
  BoCampaignSummary,
  CampaignOffer,
} from '../../src/contract/backoffice/campaigns';
import {
  CAMPAIGN_SCHEDULE_MAX_DAYS,
  DEFAULT_SMS_PRICE_ORE,
  offerOverAt,
} from '../../src/contract/backoffice/campaigns';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { BoError, notFound } from '../backoffice/errors';
import { Scope } from '../backoffice/scope';
import { enqueueMessages, outboxSummary } from '../messaging/outbox';
import type { NewMessage } from '../messaging/outbox';
import { CAP_WINDOW_MS, messagingSettings } from '../messaging/settings';
import { programmeInForce } from '../programme';
import { campaignCouponId } from '../../src/core/member/coupons';
import { getSegment } from '../segments/saved';
import type { Asker } from '../segments/saved';
import { segmentSql } from '../segments/sql';

const DAY_MS = 24 * 60 * 60 * 1000;

export const campaignPurpose = (campaignId: string) => `campaign:${campaignId}`;

export async function smsPriceOre(db: Queryable, chainId: string): Promise<number> {
  const [row] = await db.query<{ sms_price_ore: unknown }>(
    'SELECT sms_price_ore FROM campaign_settings WHERE chain_id = $1',
    [chainId],
  );
  return row ? toInt(row.sms_price_ore) : DEFAULT_SMS_PRICE_ORE;
}

export async function setSmsPriceOre(
  db: Queryable,
  chainId: string,
  priceOre: number,
  now: number,
): Promise<{ smsPriceOre: number }> {
  await db.query(
    `INSERT INTO campaign_settings (chain_id, sms_price_ore, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (chain_id) DO UPDATE SET sms_price_ore = $2, updated_at = $3`,
    [chainId, priceOre, now],
  );
  return { smsPriceOre: priceOre };
}

export async function campaignSettings(
  db: Queryable,
  chainId: string,
): Promise<BoCampaignSettings> {
  const programme = await programmeInForce(db, chainId);
  return {
    smsPriceOre: await smsPriceOre(db, chainId),
    timeZone: programme.timeZone,
    coupons: programme.campaigns.map((c) => ({
      id: c.id,
      name: { nb: c.coupon.name.nb, en: c.coupon.name.en },
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
    bonusCampaigns: programme.bonusCampaigns.map((c) => ({
      id: c.id,
      name: { nb: c.name.nb, en: c.name.en },
      multiplier: c.multiplier,
      validFrom: c.validFrom,
      validTo: c.validTo,
    })),
  };
}

/** The segment's members now with their consent, as one query (the segment's own). */
async function segmentWithConsent(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  now: number,
): Promise<{ sql: string; params: unknown[] }> {
  const settings = await programmeInForce(db, chainId);
  const query = segmentSql(chainId, rule, now, settings);
  return { sql: query.ids, params: query.params };
}

/**
 * Each segment member's addresses as the sender reads them when it sends
 * (cloud/messaging/sender.ts): the phone of the lookup row, the e-mail their
 * events last said. `seg` is the segment's query; $1 is the chain.
 */
const ADDRESSES = `
  SELECT seg.member_id, lm.phone_e164 IS NOT NULL AS has_phone,
         coalesce((SELECT CASE WHEN e.type = 'member.enrolled' THEN e.payload->'profile'->>'email'
                               ELSE e.payload->'fields'->>'email' END
                     FROM events e
                    WHERE e.chain_id = $1 AND e.member_id = seg.member_id
                      AND ((e.type = 'member.enrolled' AND e.payload->'profile' ? 'email')
                        OR (e.type = 'member.profile_updated' AND e.payload->'fields' ? 'email'))
                    ORDER BY e.hlc DESC LIMIT 1), '') <> '' AS has_email
    FROM seg LEFT JOIN members lm ON lm.chain_id = $1 AND lm.member_id = seg.member_id`;

/** Who the segment reaches per channel now: consent and an address, then under the 30-day cap. */
export async function campaignReach(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  now: number,
): Promise<BoCampaignReach> {
  const { frequencyCap } = await messagingSettings(db, chainId);
  const segment = await segmentWithConsent(db, chainId, rule, now);
  const since = `$${segment.params.length + 1}`;
  const cap = `$${segment.params.length + 2}`;
  const [row] = await db.query<Record<string, unknown>>(
    `WITH seg AS (${segment.sql}),
          addr AS (${ADDRESSES}),
          recent AS (
            SELECT o.member_id, o.channel, count(*) AS n FROM outbox o
             WHERE o.chain_id = $1 AND o.sending_at > ${since}
               AND o.member_id IN (SELECT member_id FROM seg)
             GROUP BY o.member_id, o.channel)
     SELECT count(*) AS members,
            count(*) FILTER (WHERE f.consent_sms AND a.has_phone) AS sms_consenting,
            count(*) FILTER (WHERE f.consent_sms AND a.has_phone AND coalesce(rs.n, 0) < ${cap}) AS sms_reachable,
            count(*) FILTER (WHERE f.consent_email AND a.has_email) AS email_consenting,
            count(*) FILTER (WHERE f.consent_email AND a.has_email AND coalesce(re.n, 0) < ${cap}) AS email_reachable
       FROM seg
       JOIN member_facts f ON f.chain_id = $1 AND f.member_id = seg.member_id
       JOIN addr a ON a.member_id = seg.member_id
       LEFT JOIN recent rs ON rs.member_id = seg.member_id AND rs.channel = 'sms'
       LEFT JOIN recent re ON re.member_id = seg.member_id AND re.channel = 'email'`,
    [...segment.params, now - CAP_WINDOW_MS, frequencyCap],
  );
  const n = (key: string) => toInt(row?.[key] ?? 0);
  return {
    members: n('members'),
    sms: { consenting: n('sms_consenting'), reachable: n('sms_reachable') },
    email: { consenting: n('email_consenting'), reachable: n('email_reachable') },
    frequencyCap,
  };
}

export async function campaignPreview(
  db: Queryable,
  asker: Asker,
  segmentId: string,
  smsText: string | null,
  now: number,
): Promise<BoCampaignPreview> {
  const segment = await getSegment(db, asker, segmentId);
  return previewOf(db, asker.scope.chainId, segment.rule, smsText, now);
}

async function previewOf(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  smsText: string | null,
  now: number,
): Promise<BoCampaignPreview> {
  const reach = await campaignReach(db, chainId, rule, now);
  const text = smsText?.trim() ?? '';
  if (text === '') return { reach, smsCost: null, at: now };
  const price = await smsPriceOre(db, chainId);
  const { encoding, parts } = campaignSmsParts(text);
  return {
    reach,
    smsCost: {
      encoding,
      parts,
      pricePerPartOre: price,
      totalOre: parts * reach.sms.reachable * price,
    },
    at: now,
  };
}

type CampaignRow = Record<string, unknown>;

const SELECT = `SELECT c.*, s.name AS current_segment_name, s.rule AS current_rule
                  FROM campaigns c
                  LEFT JOIN saved_segments s ON s.chain_id = c.chain_id AND s.id = c.segment_id`;

const maybeInt = (v: unknown) => (v === null || v === undefined ? null : toInt(v));

function offerOf(row: CampaignRow): CampaignOffer {
  if (row.offer_kind === 'coupon')
    return { kind: 'coupon', couponCampaignId: row.coupon_campaign_id as string };
  if (row.offer_kind === 'bonus')
    return { kind: 'bonus', bonusCampaignId: row.bonus_campaign_id as string };
  return { kind: 'message' };
}

function summaryOf(row: CampaignRow): BoCampaignSummary {
  const offer = offerOf(row);
  return {
    id: row.id as string,
    name: row.name as string,
    segmentId: row.segment_id as string,
    segmentName: ((row.segment_name ?? row.current_segment_name) as string | null) ?? null,
    offer,
    channels: { sms: row.sms_text !== null, email: row.email_text !== null },
    state: row.state as BoCampaignSummary['state'],
    sendAt: maybeInt(row.send_at),
    sentAt: maybeInt(row.sent_at),
    createdAt: toInt(row.created_at),
    unsent:
      row.unsent_reason === null || row.unsent_reason === undefined
        ? null
        : { key: row.unsent_reason as MessageKey },
  };
}

export async function listCampaigns(db: Queryable, chainId: string): Promise<BoCampaignSummary[]> {
  const rows = await db.query<CampaignRow>(
    `${SELECT} WHERE c.chain_id = $1 ORDER BY c.created_at DESC, c.id DESC`,
    [chainId],
  );
  return rows.map(summaryOf);
}

/** A stored rule read back through the engine's schema (its defaults filled in). */
const ruleOf = (stored: unknown): SegmentRule =>
  SegmentRuleSchema.parse(typeof stored === 'string' ? JSON.parse(stored) : stored);

/** Coupons of the campaign redeemed by the members it messaged, net of voids and returns giving them back. */
async function couponResults(
  db: Queryable,
  chainId: string,
  campaignId: string,
  couponCampaignId: string,
  sentAt: number,
): Promise<{ redeemed: number; salesOre: number }> {
  const [row] = await db.query<{ redeemed: unknown; sales: unknown }>(
    `WITH messaged AS (SELECT DISTINCT member_id FROM outbox WHERE chain_id = $1 AND purpose = $2)
     SELECT coalesce(sum(CASE sf.kind WHEN 'sale' THEN 1 ELSE -1 END), 0) AS redeemed,
            coalesce(sum(sf.amount_ore), 0) AS sales
       FROM sale_facts sf JOIN messaged m ON m.member_id = sf.member_id
      WHERE sf.chain_id = $1 AND sf.at >= $3
        AND ($4 || sf.member_id) = ANY(sf.coupon_ids)`,
    [chainId, campaignPurpose(campaignId), sentAt, campaignCouponId(couponCampaignId, '')],
  );
  return { redeemed: toInt(row?.redeemed ?? 0), salesOre: toInt(row?.sales ?? 0) };
}

/**
 * The bonus campaign as the programme has it now (its window may have been
 * moved since), else as it had it when the campaign was sent; null if neither.
 */
async function bonusCampaignOf(
  db: Queryable,
  chainId: string,
  bonusCampaignId: string,
  sentAt: number,
  now: number,
): Promise<BonusCampaign | null> {
  for (const at of [now, sentAt]) {
    const programme = await programmeInForce(db, chainId, { storeId: null, now: at });
    const found = programme.bonusCampaigns.find((c) => c.id === bonusCampaignId);
    if (found) return found;
  }
  return null;
}

/**
 * The sales of the members the campaign messaged, made after the send on a day
 * of the bonus window, with their points; a void or return of such a sale
 * nets it whenever it was made (receipts: +1 a sale, -1 a void, 0 a return).
 */
async function bonusResults(
  db: Queryable,
  chainId: string,
  campaignId: string,
  bonus: BonusCampaign,
  sentAt: number,
): Promise<{ sales: number; salesOre: number; pointsEarned: number }> {
  const [row] = await db.query<{ sales: unknown; sales_ore: unknown; points: unknown }>(
    `WITH messaged AS (SELECT DISTINCT member_id FROM outbox WHERE chain_id = $1 AND purpose = $2),
          counted AS (
            SELECT sf.sale_id FROM sale_facts sf JOIN messaged m ON m.member_id = sf.member_id
             WHERE sf.chain_id = $1 AND sf.kind = 'sale' AND sf.at >= $3
               AND sf.day BETWEEN $4::date AND $5::date)
     SELECT coalesce(sum(sf.receipts), 0) AS sales, coalesce(sum(sf.amount_ore), 0) AS sales_ore,
            coalesce(sum(sf.points_earned), 0) AS points
       FROM sale_facts sf
      WHERE sf.chain_id = $1 AND sf.sale_id IN (SELECT sale_id FROM counted)`,
    [chainId, campaignPurpose(campaignId), sentAt, bonus.validFrom, bonus.validTo],
  );
  return {
    sales: toInt(row?.sales ?? 0),
    salesOre: toInt(row?.sales_ore ?? 0),
    pointsEarned: toInt(row?.points ?? 0),
  };
}

async function resultsOf(
  db: Queryable,
  chainId: string,
  summary: BoCampaignSummary,
  now: number,
): Promise<BoCampaignResults> {
  const outbox = await outboxSummary(db, chainId, campaignPurpose(summary.id));
  const channel = (c: 'sms' | 'email') => {
    const s = outbox[c];
    return {
      queued: s.queued + s.sending,
      sent: s.sent,
      delivered: s.delivered,
      failed: s.failed,
      skipped: s.skipped,
      skippedBy: { ...s.skippedBy },
    };
  };
  const { offer, sentAt } = summary;
  const bonus =
    offer.kind === 'bonus' && sentAt !== null
      ? await bonusCampaignOf(db, chainId, offer.bonusCampaignId, sentAt, now)
      : null;
  return {
    sms: channel('sms'),
    email: channel('email'),
    bonus:
      bonus && sentAt !== null ? await bonusResults(db, chainId, summary.id, bonus, sentAt) : null,
    coupons:
      summary.offer.kind === 'coupon' && summary.sentAt !== null
        ? await couponResults(
            db,
            chainId,
            summary.id,
            summary.offer.couponCampaignId,
            summary.sentAt,
          )
        : null,
  };
}

export async function getCampaign(
  db: Queryable,
  chainId: string,
  id: string,
  now: number,
): Promise<BoCampaign> {
  const [row] = await db.query<CampaignRow>(`${SELECT} WHERE c.chain_id = $1 AND c.id = $2`, [
    chainId,
    id,
  ]);
  if (!row) throw notFound('the campaign');
  const summary = summaryOf(row);
  const smsText = row.sms_text as string | null;
  const draft = summary.state !== 'sent';
  return {
    ...summary,
    sms: smsText === null ? null : { text: smsText },
    email:
      row.email_text === null
        ? null
        : { subject: row.email_subject as string, text: row.email_text as string },
    enqueued: { sms: toInt(row.enqueued_sms), email: toInt(row.enqueued_email) },
    preview:
      draft && row.current_rule !== null && row.current_rule !== undefined
        ? await previewOf(db, chainId, ruleOf(row.current_rule), smsText, now)
        : null,
    results: draft ? null : await resultsOf(db, chainId, summary, now),
  };
}

function refusal(
  field: string,
  key: MessageKey,
  english: string,
  params?: Parameters<typeof msg>[1],
): BoError {
  return new BoError('invalid_request', english, field, msg(key, params));
}

export interface CampaignInput {
  name: string;
  segmentId: string;
  offer: CampaignOffer;
  sms: { text: string } | null;
  email: { subject: string; text: string } | null;
  sendAt: number | null;
}

function checkSendAt(sendAt: number | null, now: number): void {
  if (sendAt === null) return;
  if (sendAt < now - 60_000 || sendAt > now + CAMPAIGN_SCHEDULE_MAX_DAYS * DAY_MS)
    throw refusal(
      'sendAt',
      'backoffice.campaigns.sendAtPast',
      `the time to send is from now to ${CAMPAIGN_SCHEDULE_MAX_DAYS} days ahead`,
    );
}

/** When a campaign goes out: at its time, or now when that is unset or passed. */
const sendingAt = (sendAt: number | null, now: number) => Math.max(sendAt ?? now, now);

/**
 * The offer's coupon or bonus campaign: in the programme in force when the
 * campaign goes out (`at`), and not over by that day, else the members would
 * be told of an offer the tills no longer give.
 */
async function checkOffer(
  db: Queryable,
  chainId: string,
  offer: CampaignOffer,
  at: number,
): Promise<void> {
  if (offer.kind === 'message') return;
  const programme = await programmeInForce(db, chainId, { storeId: null, now: at });
  const { field, unknown, what, chosen } =
    offer.kind === 'coupon'
      ? {
          field: 'offer.couponCampaignId',
          unknown: 'backoffice.campaigns.couponUnknown' as const,
          what: 'coupon campaign',
          chosen: programme.campaigns.find((c) => c.id === offer.couponCampaignId),
        }
      : {
          field: 'offer.bonusCampaignId',
          unknown: 'backoffice.campaigns.bonusUnknown' as const,
          what: 'bonus campaign',
          chosen: programme.bonusCampaigns.find((c) => c.id === offer.bonusCampaignId),
        };
  if (!chosen) throw refusal(field, unknown, `the programme in force has no ${what} with this id`);
  if (offerOverAt(chosen.validTo, at, programme.timeZone))
    throw refusal(
      field,
      'backoffice.campaigns.offerOver',
      `the ${what} ends on ${chosen.validTo}, before the campaign is sent`,
      { date: chosen.validTo },
    );
}

/** The segment (the asker's to see), the time and the coupon or bonus campaign of a campaign as given; its segment. */
async function checkInput(db: Queryable, asker: Asker, input: CampaignInput, now: number) {
  const segment = await getSegment(db, asker, input.segmentId);
  checkSendAt(input.sendAt, now);
  await checkOffer(db, asker.scope.chainId, input.offer, sendingAt(input.sendAt, now));
  return segment;
}

/** The offer's columns: offer_kind, coupon_campaign_id, bonus_campaign_id. */
const offerColumns = (offer: CampaignOffer) => [
  offer.kind,
  offer.kind === 'coupon' ? offer.couponCampaignId : null,
  offer.kind === 'bonus' ? offer.bonusCampaignId : null,
];

export async function createCampaign(
  db: Database,
  asker: Asker,
  input: CampaignInput,
  now: number,
): Promise<BoCampaign> {
  const chainId = asker.scope.chainId;
  const segment = await checkInput(db, asker, input, now);
  const id = uuidv7();
  await db.query(
    `INSERT INTO campaigns (chain_id, id, name, segment_id, segment_name, offer_kind,
                            coupon_campaign_id, bonus_campaign_id, sms_text, email_subject,
                            email_text, send_at, state, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $9, $10, $11, 'draft', $12, $13, $13)`,
    [
      chainId,
      id,
      input.name,
      segment.id,
      ...offerColumns(input.offer),
      input.sms?.text ?? null,
      input.email?.subject ?? null,
      input.email?.text ?? null,
      input.sendAt,
      asker.accountId,
      now,
    ],
  );
  return getCampaign(db, chainId, id, now);
}

/** The campaign's row locked for a change, which only a draft takes. */
async function lockedDraft(tx: Queryable, chainId: string, id: string): Promise<CampaignRow> {
  const [row] = await tx.query<CampaignRow>(
    'SELECT * FROM campaigns WHERE chain_id = $1 AND id = $2 FOR UPDATE',
    [chainId, id],
  );
  if (!row) throw notFound('the campaign');
  if (row.state === 'sent')
    throw refusal('id', 'backoffice.campaigns.alreadySent', 'the campaign is already sent');
  return row;
}

/** Changes a draft wholly (as campaign.create takes it); a sent campaign is refused. */
export async function updateCampaign(
  db: Database,
  asker: Asker,
  id: string,
  input: CampaignInput,
  now: number,
): Promise<BoCampaign> {
  const chainId = asker.scope.chainId;
  const segment = await checkInput(db, asker, input, now);
  await db.transaction(async (tx) => {
    await lockedDraft(tx, chainId, id);
    await tx.query(
      `UPDATE campaigns SET name = $3, segment_id = $4, offer_kind = $5, coupon_campaign_id = $6,
              bonus_campaign_id = $7, sms_text = $8, email_subject = $9, email_text = $10,
              send_at = $11, updated_at = $12, unsent_reason = NULL, state = 'draft'
        WHERE chain_id = $1 AND id = $2`,
      [
        chainId,
        id,
        input.name,
        segment.id,
        ...offerColumns(input.offer),
        input.sms?.text ?? null,
        input.email?.subject ?? null,
        input.email?.text ?? null,
        input.sendAt,
        now,
      ],
    );
  });
  return getCampaign(db, chainId, id, now);
}

/** Deletes a draft; a sent campaign stays (its messages and results with it). */
export async function deleteCampaign(
  db: Database,
  asker: Asker,
  id: string,
): Promise<{ id: string }> {
  const chainId = asker.scope.chainId;
  await db.transaction(async (tx) => {
    await lockedDraft(tx, chainId, id);
    await tx.query('DELETE FROM campaigns WHERE chain_id = $1 AND id = $2', [chainId, id]);
  });
  return { id };
}

/**
 * Sends a draft: the segment's members now, one message per member and
 * channel they consent to and have an address for, not before `sendAt`. The campaign row is locked
 * and must still be a draft: a second send (or two at once) is refused.
 */
/** The channels this cloud has a provider for (cloud/messaging). */
export type ConfiguredChannels = { sms: boolean; email: boolean };

/** Queued for a channel nothing can send, its messages would only wait and expire. */
function checkChannels(row: CampaignRow, channels: ConfiguredChannels): void {
  if (row.sms_text !== null && !channels.sms)
    throw refusal(
      'sms',
      'backoffice.campaigns.noSmsProvider',
      'no SMS provider is configured on this cloud',
    );
  if (row.email_text !== null && !channels.email)
    throw refusal(
      'email',
      'backoffice.campaigns.noEmailProvider',
      'no e-mail (SMTP) server is configured on this cloud',
    );
}

/**
 * The owner's "Planlegg utsendelse", confirmed as a send now is (reach and
 * cost shown): a draft with a time ahead becomes `scheduled`, which the
 * sender's round sends when its time comes. A draft without one is refused.
 */
export async function scheduleCampaign(
  db: Database,
  asker: Asker,
  id: string,
  now: number,
  channels: ConfiguredChannels,
): Promise<BoCampaign> {
  const chainId = asker.scope.chainId;
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, chainId, id);
    checkChannels(row, channels);
    const sendAt = maybeInt(row.send_at);
    if (sendAt === null || sendAt <= now)
      throw refusal(
        'sendAt',
        'backoffice.campaigns.sendAtPast',
        'a campaign is planned for a time ahead',
      );
    checkSendAt(sendAt, now);
    await checkOffer(tx, chainId, offerOf(row), sendAt);
    await getSegment(tx, asker, row.segment_id as string);
    await tx.query(
      `UPDATE campaigns SET state = 'scheduled', unsent_reason = NULL, updated_at = $3
        WHERE chain_id = $1 AND id = $2`,
      [chainId, id, now],
    );
  });
  return getCampaign(db, chainId, id, now);
}

export async function sendCampaign(
  db: Database,
  asker: Asker,
  id: string,
  now: number,
  channels: ConfiguredChannels,
): Promise<BoCampaign> {
  const chainId = asker.scope.chainId;
  await db.transaction(async (tx) => {
    const row = await lockedDraft(tx, chainId, id);
    checkChannels(row, channels);
    const sendAt = maybeInt(row.send_at);
    // A time already passed is no reason to refuse: the draft goes now (the sender's round sends it).
    if (sendAt !== null && sendAt > now) checkSendAt(sendAt, now);
    const notBefore = sendingAt(sendAt, now);
    await checkOffer(tx, chainId, offerOf(row), notBefore);
    const segment = await getSegment(tx, asker, row.segment_id as string);
    const query = await segmentWithConsent(tx, chainId, segment.rule, now);
    const members = await tx.query<{ member_id: string; sms: boolean; email: boolean }>(
      `WITH seg AS (${query.sql}), addr AS (${ADDRESSES})
       SELECT f.member_id, f.consent_sms AND a.has_phone AS sms,
              f.consent_email AND a.has_email AS email
         FROM seg
         JOIN member_facts f ON f.chain_id = $1 AND f.member_id = seg.member_id
         JOIN addr a ON a.member_id = seg.member_id
        WHERE (f.consent_sms AND a.has_phone) OR (f.consent_email AND a.has_email)
        ORDER BY f.member_id`,
      query.params,
    );
    const purpose = campaignPurpose(id);
    const smsText = row.sms_text as string | null;
    const emailText = row.email_text as string | null;
    const messages: NewMessage[] = [];
    for (const m of members) {
      if (smsText !== null && m.sms)
        messages.push({ memberId: m.member_id, channel: 'sms', purpose, body: smsText, notBefore });
      if (emailText !== null && m.email)
        messages.push({
          memberId: m.member_id,
          channel: 'email',
          purpose,
          subject: row.email_subject as string,
          body: emailText,
          notBefore,
        });
    }
    await enqueueMessages(tx, chainId, messages, now);
    await tx.query(
      `UPDATE campaigns SET state = 'sent', sent_at = $3, sent_by = nullif($4, ''), segment_name = $5,
              segment_rule = $6::jsonb, enqueued_sms = $7, enqueued_email = $8, updated_at = $3,
              unsent_reason = NULL
        WHERE chain_id = $1 AND id = $2`,
      [
        chainId,
        id,
        now,
        asker.accountId,
        segment.name,
        JSON.stringify(segment.rule),
        messages.filter((m) => m.channel === 'sms').length,
        messages.filter((m) => m.channel === 'email').length,
      ],
    );
  });
  return getCampaign(db, chainId, id, now);
}

/** A scheduled campaign whose time passed longer ago than this (the cloud was down) is not sent late. */
export const SCHEDULE_LATE_MS = 24 * 60 * 60 * 1000;

/**
 * The reason kept for a refusal at the scheduled send whose own words need
 * what only the refusal had (its date): the key alone is stored (migration 021).
 */
const UNSENT_REASON: Partial<Record<MessageKey, MessageKey>> = {
  'backoffice.campaigns.offerOver': 'backoffice.campaigns.unsentOfferOver',
};

/**
 * Scheduled campaigns (campaign.schedule, confirmed by the owner) whose time
 * has come, sent now as their author would (the segment read now, consent and
 * address as at any send): called by each of the sender's rounds
 * (cloud/messaging/sender.ts `sendDue`). A plain draft with a time never sends
 * itself. One whose time passed more than SCHEDULE_LATE_MS ago, or refused
 * (its segment deleted, a channel with no provider, its offer over), goes back to draft with
 * its time cleared and the reason kept, so it leaves the due set; any other
 * error is given to `onError` and that campaign tried again next round, and
 * the others go on either way. Returns the ids sent.
 */
export async function sendScheduledCampaigns(
  db: Database,
  now: number,
  channels: ConfiguredChannels,
  onError: (error: unknown) => void,
): Promise<string[]> {
  const due = await db.query<{
    chain_id: string;
    id: string;
    created_by: string | null;
    send_at: unknown;
  }>(
    `SELECT chain_id, id, created_by, send_at FROM campaigns
      WHERE state = 'scheduled' AND send_at <= $1
      ORDER BY send_at, id LIMIT 20`,
    [now],
  );
  const unsent = (row: { chain_id: string; id: string }, reason: MessageKey) =>
    db
      .query(
        `UPDATE campaigns SET state = 'draft', send_at = NULL, unsent_reason = $3, updated_at = $4
          WHERE chain_id = $1 AND id = $2 AND state = 'scheduled'`,
        [row.chain_id, row.id, reason, now],
      )
      .catch(onError);
  const sent: string[] = [];
  for (const row of due) {
    if (toInt(row.send_at) < now - SCHEDULE_LATE_MS) {
      await unsent(row, 'backoffice.campaigns.unsentLate');
      continue;
    }
    const asker = {
      accountId: row.created_by ?? '',
      scope: new Scope({ chainId: row.chain_id, role: 'owner', storeIds: [] }),
    };
    try {
      await sendCampaign(db, asker, row.id, now, channels);
      sent.push(row.id);
    } catch (error) {
      if (!(error instanceof BoError)) {
        onError(error);
        continue;
      }
      // Sent or deleted meanwhile (no row left to change), or refused: its reason kept.
      const refused = error.said?.key ?? 'backoffice.campaigns.unsentSegmentGone';
      await unsent(row, UNSENT_REASON[refused] ?? refused);
    }
  }
  return sent;
}
