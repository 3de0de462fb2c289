/**
 * The outbox (migration 015): the one way the cloud sends members anything.
 * Campaigns and automations call `enqueueMessages` inside their own
 * transaction; the sender (sender.ts: `sendDue`, `runSender`) decides at SEND
 * time whether each message may go (the channel's consent, the 30-day cap,
 * quiet hours, an address), sends it once, and delivery reports move it on.
 *
 * Usage (a campaign):
 *
 *   await db.transaction((tx) =>
 *     enqueueMessages(tx, chainId, members.map((m) => ({
 *       memberId: m.memberId, channel: 'sms', purpose: `campaign:${campaignId}`,
 *       body: 'Hei! 20 % på garn denne helgen. Vis kortet i kassa.',
 *     })), now),
 *   );
 *   // later: await outboxSummary(db, chainId, `campaign:${campaignId}`)
 *
 * What the caller need NOT do: check consent or the cap (the sender does, at
 * send time, and records `skipped` with the reason), add the SMS opt-out or
 * the e-mail unsubscribe link (added when sent), avoid quiet hours (a message
 * due then waits until they end).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';

export type Channel = 'sms' | 'email';
export type OutboxState = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'skipped';
export type SkipReason = 'no_consent' | 'over_cap' | 'opted_out' | 'no_address';

/** One message to put in the outbox. */
export interface NewMessage {
  memberId: string;
  channel: Channel;
  /**
   * Why it is sent: 'campaign:<id>' or 'automation:<kind>:<period>' (e.g.
   * 'automation:birthday:2026'). A member gets at most one message per channel
   * and purpose: enqueueing the same again is a no-op (so a campaign enqueued
   * twice, or a retried request, sends once). Put the period in a recurring purpose.
   */
  purpose: string;
  /** SMS text, or the e-mail's plain-text part. The opt-out is added when sent. */
  body: string;
  /** E-mail only (required there). */
  subject?: string;
  /** E-mail only: the HTML part; made from `body` when left out. */
  html?: string;
  /** Not before this instant (ms; default: now). Quiet hours can move it later. */
  notBefore?: number;
  /** The message id (uuid; default a new uuid v7): the provider reference. */
  id?: string;
}

export interface EnqueueResult {
  /** Ids of the messages put in now, in the order given. */
  enqueued: string[];
  /** How many were already in the outbox (same member, channel and purpose). */
  alreadyQueued: number;
}

export class OutboxInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'OutboxInputError';
  }
}

const MAX_SMS_BODY = 1000;
const MAX_EMAIL_BODY = 100_000;
const MAX_PURPOSE = 200;

function check(message: NewMessage, index: number): void {
  const at = (field: string) => `messages[${index}].${field}`;
  if (message.channel !== 'sms' && message.channel !== 'email')
    throw new OutboxInputError(at('channel'), "channel is 'sms' or 'email'");
  if (!message.memberId) throw new OutboxInputError(at('memberId'), 'memberId is missing');
  if (!message.purpose || message.purpose.length > MAX_PURPOSE)
    throw new OutboxInputError(at('purpose'), `purpose is 1 to ${MAX_PURPOSE} characters`);
  const max = message.channel === 'sms' ? MAX_SMS_BODY : MAX_EMAIL_BODY;
  if (!message.body.trim() || message.body.length > max)
    throw new OutboxInputError(at('body'), `body is 1 to ${max} characters`);
  if (message.channel === 'email' && !message.subject?.trim())
    throw new OutboxInputError(at('subject'), 'an e-mail needs a subject');
  if (message.channel === 'sms' && (message.subject !== undefined || message.html !== undefined))
    throw new OutboxInputError(at('subject'), 'an SMS has no subject or HTML');
}

/**
 * Puts messages in the outbox, in the caller's transaction (nothing is sent
 * until it commits). Checks every message first: a bad one refuses them all
 * (OutboxInputError with its field). Rows go in by the thousand.
 */
export async function enqueueMessages(
  tx: Queryable,
  chainId: string,
  messages: readonly NewMessage[],
  now: number = Date.now(),
): Promise<EnqueueResult> {
  messages.forEach(check);
  const enqueued: string[] = [];
  const CHUNK = 1000;
  for (let start = 0; start < messages.length; start += CHUNK) {
    const chunk = messages.slice(start, start + CHUNK);
    const ids = chunk.map((m) => m.id ?? uuidv7());
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO outbox (chain_id, id, member_id, channel, subject, body, html, purpose,
                           created_at, not_before, state, updated_at)
       SELECT $1, m.id, m.member_id, m.channel, m.subject, m.body, m.html, m.purpose,
              $2, m.not_before, 'queued', $2
         FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::bigint[])
              AS m(id, member_id, channel, subject, body, html, purpose, not_before)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        chainId,
        now,
        ids,
        chunk.map((m) => m.memberId),
        chunk.map((m) => m.channel),
        chunk.map((m) => m.subject ?? null),
        chunk.map((m) => m.body),
        chunk.map((m) => m.html ?? null),
        chunk.map((m) => m.purpose),
        chunk.map((m) => m.notBefore ?? now),
      ],
    );
    const inserted = new Set(rows.map((r) => r.id));
    for (const id of ids) if (inserted.has(id)) enqueued.push(id);
  }
  return { enqueued, alreadyQueued: messages.length - enqueued.length };
}

/** How a purpose's messages stand, per channel (a campaign's afterwards). */
export type OutboxSummary = Record<
  Channel,
  Record<OutboxState, number> & { skippedBy: Record<SkipReason, number> }
>;

function emptyCounts(): OutboxSummary[Channel] {
  return {
    queued: 0,
    sending: 0,
    sent: 0,
    delivered: 0,
    failed: 0,
    skipped: 0,
    skippedBy: { no_consent: 0, over_cap: 0, opted_out: 0, no_address: 0 },
  };
}

export async function outboxSummary(
  db: Queryable,
  chainId: string,
  purpose: string,
): Promise<OutboxSummary> {
  const rows = await db.query<{
    channel: Channel;
    state: OutboxState;
    skip_reason: SkipReason | null;
    n: unknown;
  }>(
    `SELECT channel, state, skip_reason, count(*) AS n FROM outbox
      WHERE chain_id = $1 AND purpose = $2 GROUP BY channel, state, skip_reason`,
    [chainId, purpose],
  );
  const summary: OutboxSummary = { sms: emptyCounts(), email: emptyCounts() };
  for (const row of rows) {
    const counts = summary[row.channel];
    const n = toInt(row.n);
    counts[row.state] += n;
    if (row.skip_reason) counts.skippedBy[row.skip_reason] += n;
  }
  return summary;
}

/** One message as stored (tests, the back office's list). */
export interface OutboxMessage {
  id: string;
  memberId: string;
  channel: Channel;
  purpose: string;
  state: OutboxState;
  skipReason: SkipReason | null;
  attempts: number;
  providerId: string | null;
  providerStatus: string | null;
  notBefore: number;
  sentAt: number | null;
  deliveredAt: number | null;
}

export async function outboxMessages(
  db: Queryable,
  chainId: string,
  purpose?: string,
): Promise<OutboxMessage[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, member_id, channel, purpose, state, skip_reason, attempts, provider_id,
            provider_status, not_before, sent_at, delivered_at
       FROM outbox WHERE chain_id = $1 AND ($2::text IS NULL OR purpose = $2)
      ORDER BY created_at, id`,
    [chainId, purpose ?? null],
  );
  const maybe = (v: unknown) => (v === null ? null : toInt(v));
  return rows.map((r) => ({
    id: r.id as string,
    memberId: r.member_id as string,
    channel: r.channel as Channel,
    purpose: r.purpose as string,
    state: r.state as OutboxState,
    skipReason: r.skip_reason as SkipReason | null,
    attempts: toInt(r.attempts),
    providerId: r.provider_id as string | null,
    providerStatus: r.provider_status as string | null,
    notBefore: toInt(r.not_before),
    sentAt: maybe(r.sent_at),
    deliveredAt: maybe(r.delivered_at),
  }));
}
