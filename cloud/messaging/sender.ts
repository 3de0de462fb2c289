/**
 * The sender: takes what is due from the outbox, decides each message at SEND
 * time (the channel's consent in member_facts, an address, the chain's rolling
 * 30-day cap, its quiet hours), sends it once, and records the outcome.
 *
 * Never twice: a message is written `sending` and committed before its
 * provider call. If the answer is lost (the call may have reached the
 * provider) or the process dies after the commit, the message stays
 * `sending`: it is NOT resent, because neither Sveve nor 46elks promises to
 * drop a repeated reference, and a member texted twice is worse than a
 * message that must be looked at. The provider's delivery report (it carries
 * the reference) settles it; without one after `unknownAfterMs` (a day) it is
 * `failed` with provider_status 'unknown_outcome'. Only an answer that says
 * the provider did not take it (or a connection that never opened) is
 * retried, with a growing pause, up to MAX_ATTEMPTS.
 *
 * One sender decides at a time (a transaction-scoped advisory lock), so the
 * cap counts every message already decided.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SMS_OPT_OUT, smsAsSent } from '../../src/core/messaging/sms-parts';
import { sendScheduledCampaigns } from '../campaigns/campaigns';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { withPageLinks } from '../member-page/links';
import { memberPageSecretSource } from '../member-page/tokens';
import { sameSecret } from '../public-page';
import { programmeInForce } from '../programme';
import type { EmailConfig, EmailSender } from './email';
import { emailSender } from './email';
import type { Channel, SkipReason } from './outbox';
import type { MessagingSettings } from './settings';
import { afterQuietHours, CAP_WINDOW_MS, messagingSettings } from './settings';
import type { SendOutcome, SmsProvider, SmsProviderConfig } from './sms';
import { smsProvider } from './sms';
import { repeatEvery } from '../repeat';

/** What the server is given to send with (env or options); secrets stay in here. */
export interface MessagingConfig {
  sms?: SmsProviderConfig | null;
  email?: EmailConfig | null;
  /** Signs unsubscribe links and callback addresses; default: one made and kept in the database. */
  secret?: string;
  /** The opt-out every SMS ends with (default "Svar STOPP for å melde deg av"). */
  smsOptOut?: string;
  /** Run the sender loop every `intervalMs` (default off: tests call sendDue). */
  sender?: { intervalMs: number } | null;
  /** Messages decided per round (default 500) and provider calls in flight (default 32). */
  batchSize?: number;
  concurrency?: number;
  /** A message `sending` this long without a report is failed as unknown (default 24 h). */
  unknownAfterMs?: number;
  /** A message queued and due this long is failed as expired (default QUEUED_EXPIRE_AFTER_MS). */
  expireQueuedAfterMs?: number;
}

/** The opt-out every SMS ends with, as the campaign form counts its parts. */
export const DEFAULT_SMS_OPT_OUT = SMS_OPT_OUT;
/** A message queued and due for longer than this is failed as 'expired' (an offer goes stale). */
export const QUEUED_EXPIRE_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 60_000;
const SENDER_LOCK = 74_190_015;
/** Outcomes written per statement while the calls go on. */
const RECORD_EVERY = 100;

/** The running messaging services: the config resolved (secret, providers). */
export interface Messaging {
  readonly config: MessagingConfig;
  readonly secret: string;
  readonly sms: SmsProvider | null;
  readonly email: EmailSender | null;
  /** The public origin links are made under (https://lojal.example.no). */
  publicUrl(): string;
  /** The member page's secret, for the {lenke} links (cloud/member-page/tokens.ts). */
  memberPageSecret(): Promise<string>;
  close(): void;
}

export async function openMessaging(
  db: Queryable,
  config: MessagingConfig,
  publicUrl: () => string,
  memberPageSecret: () => Promise<string> = memberPageSecretSource(db),
): Promise<Messaging> {
  let secret = config.secret;
  if (!secret) {
    await db.query(
      'INSERT INTO messaging_secret (one, secret) VALUES (true, $1) ON CONFLICT DO NOTHING',
      [randomBytes(32).toString('base64url')],
    );
    const [row] = await db.query<{ secret: string }>('SELECT secret FROM messaging_secret');
    secret = row!.secret;
  }
  const email = config.email ? emailSender(config.email) : null;
  return {
    config,
    secret,
    sms: config.sms ? smsProvider(config.sms) : null,
    email,
    publicUrl,
    memberPageSecret,
    close: () => email?.close(),
  };
}

function mac(secret: string, what: string): string {
  return createHmac('sha256', secret).update(what).digest('base64url').slice(0, 32);
}

/** The token of a message's unsubscribe link: its id and an HMAC (unguessable, per message). */
export function unsubscribeToken(messaging: Pick<Messaging, 'secret'>, messageId: string): string {
  return `${messageId}.${mac(messaging.secret, `unsubscribe:${messageId}`)}`;
}

/** The message id a token names, or null when it is not one of ours. */
export function readUnsubscribeToken(
  messaging: Pick<Messaging, 'secret'>,
  token: string,
): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  return sameSecret(token.slice(dot + 1), mac(messaging.secret, `unsubscribe:${id}`)) ? id : null;
}

/** The secret path part of the provider callbacks (configured at the provider). */
export function callbackKey(messaging: Pick<Messaging, 'secret'>): string {
  return mac(messaging.secret, 'sms-callbacks');
}

export function unsubscribeUrl(messaging: Messaging, messageId: string): string {
  return `${messaging.publicUrl()}/u/${unsubscribeToken(messaging, messageId)}`;
}

export function smsReportUrl(messaging: Messaging): string {
  return `${messaging.publicUrl()}/messaging/sms/report/${callbackKey(messaging)}`;
}

interface Claimed {
  chainId: string;
  id: string;
  memberId: string;
  channel: Channel;
  subject: string | null;
  body: string;
  html: string | null;
  attempts: number;
  address: string;
  smsFrom: string;
}

export interface SendReport {
  sent: number;
  skipped: number;
  deferred: number;
  retried: number;
  failed: number;
  unknown: number;
  /** Queued and due for longer than the bound (a channel with no provider, say): failed as 'expired'. */
  expired: number;
}

type ChainRules = { settings: MessagingSettings; timeZone: string };

const configuredChannels = (messaging: Messaging): Channel[] =>
  [messaging.sms ? ('sms' as const) : null, messaging.email ? ('email' as const) : null].filter(
    (c) => c !== null,
  );

const expireAfter = (messaging: Messaging) =>
  messaging.config.expireQueuedAfterMs ?? QUEUED_EXPIRE_AFTER_MS;

/**
 * Decides one batch in one transaction: skipped ones written with their reason,
 * those in quiet hours moved to the morning, the rest written `sending`
 * (attempts + 1) and returned to be sent once the transaction commits.
 */
async function claimBatch(
  db: Database,
  messaging: Messaging,
  now: number,
  report: SendReport,
): Promise<{ claimed: Claimed[]; taken: number } | null> {
  const channels = configuredChannels(messaging);
  const batchSize = messaging.config.batchSize ?? 500;
  return db.transaction(async (tx) => {
    // Per schema: one cloud's rounds exclude each other, not another cloud's on the same server
    // (advisory locks are the whole database's; the tests run clouds side by side in schemas).
    const [lock] = await tx.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1, hashtext(current_schema())) AS ok',
      [SENDER_LOCK],
    );
    if (!lock?.ok) return null;
    const rows = await tx.query<Record<string, unknown>>(
      `SELECT chain_id, id, member_id, channel, subject, body, html, attempts, not_before FROM outbox
        WHERE state = 'queued' AND not_before <= $1 AND channel = ANY($3::text[])
        ORDER BY not_before, id LIMIT $2 FOR UPDATE`,
      [now, batchSize, channels],
    );
    if (rows.length === 0) return { claimed: [], taken: 0 };
    const byChain = new Map<string, Record<string, unknown>[]>();
    for (const row of rows) {
      const chain = row.chain_id as string;
      byChain.set(chain, [...(byChain.get(chain) ?? []), row]);
    }
    const claimed: Claimed[] = [];
    const skipped: { id: string; reason: SkipReason }[] = [];
    const deferred: { id: string; until: number }[] = [];
    const expired: string[] = [];
    for (const [chainId, chainRows] of byChain) {
      const rules: ChainRules = {
        settings: await messagingSettings(tx, chainId),
        timeZone: (await programmeInForce(tx, chainId)).timeZone,
      };
      const morning = afterQuietHours(now, rules.settings, rules.timeZone);
      if (morning > now) {
        for (const row of chainRows)
          if (toInt(row.not_before) < now - expireAfter(messaging)) expired.push(row.id as string);
          else deferred.push({ id: row.id as string, until: morning });
        continue;
      }
      await decideChain(tx, messaging, chainId, chainRows, rules, now, claimed, skipped, expired);
    }
    if (skipped.length > 0)
      await tx.query(
        `UPDATE outbox o SET state = 'skipped', skip_reason = s.reason, updated_at = $1
           FROM unnest($2::text[], $3::text[]) AS s(id, reason) WHERE o.id = s.id`,
        [now, skipped.map((s) => s.id), skipped.map((s) => s.reason)],
      );
    if (expired.length > 0)
      await tx.query(
        `UPDATE outbox SET state = 'failed', failed_at = $1, provider_status = 'expired',
                updated_at = $1 WHERE id = ANY($2::text[])`,
        [now, expired],
      );
    if (deferred.length > 0)
      await tx.query(
        `UPDATE outbox o SET not_before = d.until, updated_at = $1
           FROM unnest($2::text[], $3::bigint[]) AS d(id, until) WHERE o.id = d.id`,
        [now, deferred.map((d) => d.id), deferred.map((d) => d.until)],
      );
    if (claimed.length > 0)
      await tx.query(
        `UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_at = $1,
                updated_at = $1 WHERE id = ANY($2::text[])`,
        [now, claimed.map((c) => c.id)],
      );
    report.skipped += skipped.length;
    report.deferred += deferred.length;
    report.expired += expired.length;
    return { claimed, taken: rows.length };
  });
}

async function decideChain(
  tx: Queryable,
  messaging: Messaging,
  chainId: string,
  rows: Record<string, unknown>[],
  rules: ChainRules,
  now: number,
  claimed: Claimed[],
  skipped: { id: string; reason: SkipReason }[],
  expired: string[],
): Promise<void> {
  const memberIds = [...new Set(rows.map((r) => r.member_id as string))];
  const facts = new Map(
    (
      await tx.query<{
        member_id: string;
        consent_sms: boolean;
        consent_email: boolean;
        erased: boolean;
        merged_into: string | null;
        phone_e164: string | null;
      }>(
        `SELECT f.member_id, f.consent_sms, f.consent_email, f.erased, f.merged_into, m.phone_e164
           FROM member_facts f
           LEFT JOIN members m ON m.chain_id = f.chain_id AND m.member_id = f.member_id
          WHERE f.chain_id = $1 AND f.member_id = ANY($2::text[])`,
        [chainId, memberIds],
      )
    ).map((r) => [r.member_id, r]),
  );
  // The cap: messages decided to go (sending or later) in the last 30 days, per member and channel.
  const counts = new Map<string, number>();
  for (const r of await tx.query<{ member_id: string; channel: string; n: unknown }>(
    `SELECT member_id, channel, count(*) AS n FROM outbox
      WHERE chain_id = $1 AND member_id = ANY($2::text[]) AND sending_at > $3
      GROUP BY member_id, channel`,
    [chainId, memberIds, now - CAP_WINDOW_MS],
  ))
    counts.set(`${r.member_id} ${r.channel}`, toInt(r.n));
  const wantsEmail = rows.some((r) => r.channel === 'email');
  const emails = wantsEmail ? await emailAddresses(tx, chainId, memberIds) : new Map();
  const withdrawn = await withdrawnConsents(
    tx,
    chainId,
    rows
      .filter((r) => {
        const f = facts.get(r.member_id as string);
        return f && !(r.channel === 'sms' ? f.consent_sms : f.consent_email);
      })
      .map((r) => r.member_id as string),
  );
  for (const row of rows) {
    const id = row.id as string;
    const memberId = row.member_id as string;
    const channel = row.channel as Channel;
    const f = facts.get(memberId);
    const usable = f && !f.erased && f.merged_into === null;
    const consent = usable && (channel === 'sms' ? f.consent_sms : f.consent_email);
    if (!consent) {
      skipped.push({
        id,
        reason: usable && withdrawn.has(`${memberId} ${channel}`) ? 'opted_out' : 'no_consent',
      });
      continue;
    }
    const address = channel === 'sms' ? f.phone_e164 : (emails.get(memberId) ?? null);
    if (!address) {
      skipped.push({ id, reason: 'no_address' });
      continue;
    }
    // Due too long ago (held back): the offer is stale, and it is not sent late.
    if (toInt(row.not_before) < now - expireAfter(messaging)) {
      expired.push(id);
      continue;
    }
    const key = `${memberId} ${channel}`;
    const sentLately = counts.get(key) ?? 0;
    if (sentLately >= rules.settings.frequencyCap) {
      skipped.push({ id, reason: 'over_cap' });
      continue;
    }
    counts.set(key, sentLately + 1);
    claimed.push({
      chainId,
      id,
      memberId,
      channel,
      subject: row.subject as string | null,
      body: row.body as string,
      html: row.html as string | null,
      attempts: toInt(row.attempts) + 1,
      address,
      smsFrom: rules.settings.smsSender ?? messaging.config.sms?.from ?? 'Lojal',
    });
  }
}

/** The members' e-mail addresses as their events last said (profile at enrolment or changed). */
async function emailAddresses(
  tx: Queryable,
  chainId: string,
  memberIds: string[],
): Promise<Map<string, string>> {
  const rows = await tx.query<{ member_id: string; email: string | null }>(
    `SELECT DISTINCT ON (member_id) member_id,
            CASE WHEN type = 'member.enrolled' THEN payload->'profile'->>'email'
                 ELSE payload->'fields'->>'email' END AS email
       FROM events
      WHERE chain_id = $1 AND member_id = ANY($2::text[])
        AND ((type = 'member.enrolled' AND payload->'profile' ? 'email')
          OR (type = 'member.profile_updated' AND payload->'fields' ? 'email'))
      ORDER BY member_id, hlc DESC`,
    [chainId, memberIds],
  );
  return new Map(
    rows.filter((r) => r.email).map((r) => [r.member_id, r.email!] as [string, string]),
  );
}

/** "member channel" of those who once said no (withdrew), to tell opted_out from no_consent. */
async function withdrawnConsents(
  tx: Queryable,
  chainId: string,
  memberIds: string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx.query<{ member_id: string; channel: string }>(
    `SELECT DISTINCT member_id, payload->>'channel' AS channel FROM events
      WHERE chain_id = $1 AND member_id = ANY($2::text[]) AND type = 'member.consent_changed'
        AND payload->>'granted' = 'false'`,
    [chainId, [...new Set(memberIds)]],
  );
  return new Set(rows.map((r) => `${r.member_id} ${r.channel}`));
}

async function sendOne(messaging: Messaging, message: Claimed): Promise<SendOutcome> {
  if (message.channel === 'sms') {
    const optOut = messaging.config.smsOptOut ?? DEFAULT_SMS_OPT_OUT;
    return messaging.sms!.send(
      {
        id: message.id,
        to: message.address,
        text: smsAsSent(message.body, optOut),
        from: message.smsFrom,
      },
      { reportUrl: smsReportUrl(messaging) },
    );
  }
  return messaging.email!.send({
    id: message.id,
    to: message.address,
    subject: message.subject ?? '',
    text: message.body,
    html: message.html,
    unsubscribeUrl: unsubscribeUrl(messaging, message.id),
  });
}

async function recordOutcomes(
  db: Database,
  claimed: Claimed[],
  outcomes: SendOutcome[],
  now: number,
  report: SendReport,
): Promise<void> {
  const sent: { id: string; providerId: string | null; status: string }[] = [];
  const retry: { id: string; until: number; status: string }[] = [];
  const failed: { id: string; status: string }[] = [];
  const unknown: { id: string; status: string }[] = [];
  claimed.forEach((message, i) => {
    const outcome = outcomes[i]!;
    if (outcome.kind === 'accepted')
      sent.push({ id: message.id, providerId: outcome.providerId, status: outcome.status });
    else if (outcome.kind === 'unknown') unknown.push({ id: message.id, status: outcome.status });
    else if (outcome.permanent || message.attempts >= MAX_ATTEMPTS)
      failed.push({ id: message.id, status: outcome.status });
    else
      retry.push({
        id: message.id,
        until: now + RETRY_BASE_MS * 2 ** (message.attempts - 1),
        status: outcome.status,
      });
  });
  // Forward only: a delivery report that came first (delivered, failed) is kept.
  if (sent.length > 0)
    await db.query(
      `UPDATE outbox o SET state = CASE WHEN o.state = 'sending' THEN 'sent' ELSE o.state END,
              sent_at = $1, provider_id = coalesce(o.provider_id, s.provider_id),
              provider_status = CASE WHEN o.state = 'sending' THEN s.status ELSE o.provider_status END,
              updated_at = $1
         FROM unnest($2::text[], $3::text[], $4::text[]) AS s(id, provider_id, status)
        WHERE o.id = s.id`,
      [now, sent.map((s) => s.id), sent.map((s) => s.providerId), sent.map((s) => s.status)],
    );
  if (unknown.length > 0)
    await db.query(
      `UPDATE outbox o SET provider_status = s.status, updated_at = $1
         FROM unnest($2::text[], $3::text[]) AS s(id, status)
        WHERE o.id = s.id AND o.state = 'sending'`,
      [now, unknown.map((s) => s.id), unknown.map((s) => s.status)],
    );
  // Refused: the provider said it did not take it. Back to the queue (the cap no longer counts it).
  if (retry.length > 0)
    await db.query(
      `UPDATE outbox o SET state = 'queued', sending_at = NULL, not_before = s.until,
              provider_status = s.status, updated_at = $1
         FROM unnest($2::text[], $3::bigint[], $4::text[]) AS s(id, until, status)
        WHERE o.id = s.id AND o.state = 'sending'`,
      [now, retry.map((s) => s.id), retry.map((s) => s.until), retry.map((s) => s.status)],
    );
  if (failed.length > 0)
    await db.query(
      `UPDATE outbox o SET state = 'failed', failed_at = $1, provider_status = s.status,
              updated_at = $1
         FROM unnest($2::text[], $3::text[]) AS s(id, status)
        WHERE o.id = s.id AND o.state = 'sending'`,
      [now, failed.map((s) => s.id), failed.map((s) => s.status)],
    );
  report.sent += sent.length;
  report.retried += retry.length;
  report.failed += failed.length;
  report.unknown += unknown.length;
}

/**
 * Sends everything due at `now` (round after round until nothing is due), and
 * fails as 'unknown_outcome' what has been `sending` without a report for a day.
 * Returns what it did; nothing when another sender holds the lock.
 */
export async function sendDue(
  db: Database,
  messaging: Messaging,
  now: number = Date.now(),
  /** A scheduled campaign's failure: logged, and the round goes on without it. */
  onError: (error: unknown) => void = (error) =>
    console.error(`lojal-cloud: a scheduled campaign failed: ${(error as Error).message}`),
): Promise<SendReport> {
  const report: SendReport = {
    sent: 0,
    skipped: 0,
    deferred: 0,
    retried: 0,
    failed: 0,
    unknown: 0,
    expired: 0,
  };
  // Drafts whose time has come are queued first, so this round sends them.
  await sendScheduledCampaigns(
    db,
    now,
    { sms: messaging.sms !== null, email: messaging.email !== null },
    onError,
  ).catch(onError);
  const unknownAfter = messaging.config.unknownAfterMs ?? 24 * 60 * 60 * 1000;
  await db.query(
    `UPDATE outbox SET state = 'failed', failed_at = $1, provider_status = 'unknown_outcome',
            updated_at = $1
      WHERE state = 'sending' AND sending_at < $2`,
    [now, now - unknownAfter],
  );
  const unsendable = await db.query(
    `UPDATE outbox SET state = 'failed', failed_at = $1, provider_status = 'expired', updated_at = $1
      WHERE state = 'queued' AND not_before < $2 AND channel <> ALL($3::text[]) RETURNING id`,
    [now, now - expireAfter(messaging), configuredChannels(messaging)],
  );
  report.expired = unsendable.length;
  // Only channels with a provider are taken: the others wait, queued, until one is configured.
  // One pool of provider calls across batches: the next batch is claimed while the calls of
  // the last are in flight, and outcomes are recorded as they come, so no batch waits for
  // its slowest call before the next begins.
  const concurrency = messaging.config.concurrency ?? 32;
  const queue: Claimed[] = [];
  let drained = false;
  // The first error of a claim or a record: no more claims; thrown once the calls under way end.
  let failure: { error: unknown } | null = null;
  const fail = (error: unknown) => {
    failure ??= { error };
    drained = true;
  };
  let claiming: Promise<void> | null = null;
  const claimMore = (): Promise<void> =>
    (claiming ??= (async () => {
      for (;;) {
        const batch = await claimBatch(db, messaging, now, report);
        if (batch === null || batch.taken === 0) drained = true;
        else if (batch.claimed.length === 0)
          continue; // wholly skipped or deferred: more behind it
        // {lenke}: each member's own page link (cloud/member-page).
        else
          queue.push(
            ...(await withPageLinks(
              db,
              batch.claimed,
              messaging.publicUrl(),
              messaging.memberPageSecret,
              now,
            )),
          );
        return;
      }
    })()
      .catch(fail)
      .finally(() => (claiming = null)));
  const done: { message: Claimed; outcome: SendOutcome }[] = [];
  const recording: Promise<void>[] = [];
  const record = () => {
    const taken = done.splice(0);
    if (taken.length === 0) return;
    recording.push(
      recordOutcomes(
        db,
        taken.map((d) => d.message),
        taken.map((d) => d.outcome),
        now,
        report,
      ).catch(fail),
    );
  };
  const worker = async () => {
    for (;;) {
      if (queue.length < concurrency && !drained) {
        const more = claimMore();
        if (queue.length === 0) await more;
      }
      const message = queue.shift();
      if (!message) {
        if (drained) return;
        continue;
      }
      done.push({ message, outcome: await sendOne(messaging, message) });
      if (done.length >= RECORD_EVERY) record();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  record();
  await Promise.all(recording);
  if (failure) throw (failure as { error: unknown }).error;
  return report;
}

/** Starts the sender loop: `sendDue` every `intervalMs`; stop() waits for the round under way. */
export function runSender(
  db: Database,
  messaging: Messaging,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): { stop(): Promise<void> } {
  return repeatEvery(
    () => sendDue(db, messaging, Date.now(), options.onError),
    options.intervalMs,
    options.onError,
  );
}
