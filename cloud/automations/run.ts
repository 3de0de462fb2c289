/**
 * The daily run of a chain's automations: who qualifies today, from the
 * projections (member_facts, member_point_lots; migration 013) and the folded
 * ledgers (first names, punch-card rewards), at `now` in the programme's time
 * zone; one message per consenting member and enabled channel put in the
 * outbox, the one sending path, where the sender checks consent again, the
 * 30-day cap, quiet hours and adds the opt-out.
 *
 * Once per member and occasion: each occasion is written to
 * automation_occasions in the transaction that enqueues its messages, and
 * those messages' ids are made from (chain, purpose, member, channel), so a
 * second run, two at once, or a run after a crash enqueue nothing again.
 * Occasions:
 * - birthday: the local year (29 February counts on 28 February in common
 *   years, as `ageAt` and the birthday coupon do);
 * - points_expiring: the local date a member's lots expire, for lots expiring
 *   from now to the end of the day POINTS_WARNING_DAYS ahead;
 * - reward_ready: the punch-card reward's id (each full card once);
 * - win_back: the instant of the last purchase (or the enrolment) the member
 *   is lapsing from; a new purchase makes the next lapse a new occasion.
 */
import { v5 as uuidv5 } from 'uuid';
import type { AutomationKind } from '../../src/contract/backoffice/automations';
import {
  placeholdersIn,
  POINTS_WARNING_DAYS,
  renderAutomationText,
} from '../../src/contract/backoffice/automations';
import { DAY_MS, endOfLocalDay } from '../../src/core/member/local-days';
import { MEMBER_STATUS_DAYS } from '../../src/core/member/segment';
import { memberView } from '../../src/core/member/view';
import type { MemberLedger } from '../../src/core/member-types';
import type { Programme } from '../../src/core/programme';
import type { LocalDate } from '../../src/core/time';
import { addDays, isLeapYear, isoDate, localDateOf, parseIsoDate } from '../../src/core/time';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { readLedgers } from '../member-ledgers';
import { enqueueMessages } from '../messaging/outbox';
import type { Channel, NewMessage } from '../messaging/outbox';
import { programmeInForce } from '../programme';
import type { AutomationSetting } from './settings';
import { automationPurposePrefix, automationSettings, COUPON_PLACEHOLDERS } from './settings';
import { repeatEvery } from '../repeat';

/** The namespace of the outbox ids automations make (uuid v5 of chain, purpose, member, channel). */
const MESSAGE_ID_NAMESPACE = '5b0f3c1e-8a4d-4f7e-9c2b-17a0d3e6f412';
const LEDGER_CHUNK = 500;

export const automationPurpose = (kind: AutomationKind, occasion: string) =>
  `${automationPurposePrefix(kind)}${occasion}`;

export function automationMessageId(
  chainId: string,
  purpose: string,
  memberId: string,
  channel: Channel,
): string {
  return uuidv5(`${chainId}\n${purpose}\n${memberId}\n${channel}`, MESSAGE_ID_NAMESPACE);
}

/** A member who qualifies for an automation today, and what its text names. */
interface Occasion {
  memberId: string;
  occasion: string;
  values: Record<string, string>;
}

/** 17.12.2026 */
export function norwegianDate(d: LocalDate): string {
  return `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
}

/** 1 250 (a plain space: a no-break space would make the SMS UCS-2). */
function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

const USABLE = 'NOT f.erased AND f.merged_into IS NULL';

async function birthdays(
  tx: Queryable,
  chainId: string,
  programme: Programme,
  now: number,
): Promise<Occasion[]> {
  const today = localDateOf(now, programme.timeZone);
  const monthDay = isoDate(today).slice(5);
  const leapDayToday = today.month === 2 && today.day === 28 && !isLeapYear(today.year);
  const rows = await tx.query<{ member_id: string }>(
    `SELECT f.member_id FROM member_facts f
      WHERE f.chain_id = $1 AND ${USABLE} AND f.birth_date IS NOT NULL
        AND (to_char(f.birth_date, 'MM-DD') = $2 OR ($3 AND to_char(f.birth_date, 'MM-DD') = '02-29'))
      ORDER BY f.member_id`,
    [chainId, monthDay, leapDayToday],
  );
  const rule = programme.birthday?.enabled ? programme.birthday : null;
  const values: Record<string, string> = rule
    ? {
        kupong: rule.coupon.name.nb,
        gyldig_til: norwegianDate(addDays(today, rule.validDaysAfter)),
      }
    : { kupong: '', gyldig_til: '' };
  return rows.map((r) => ({ memberId: r.member_id, occasion: String(today.year), values }));
}

async function expiringPoints(
  tx: Queryable,
  chainId: string,
  programme: Programme,
  now: number,
): Promise<Occasion[]> {
  if (!programme.points?.enabled) return [];
  const today = localDateOf(now, programme.timeZone);
  const until = endOfLocalDay(addDays(today, POINTS_WARNING_DAYS), programme.timeZone);
  // What expires on each date, but never more than the member can spend now (the deficit counted).
  const rows = await tx.query<{
    member_id: string;
    day: string;
    expiring: unknown;
    balance: unknown;
  }>(
    `WITH due AS (
       SELECT l.member_id, l.expires_day::text AS day, sum(l.remaining) AS expiring
         FROM member_point_lots l
        WHERE l.chain_id = $1 AND l.remaining > 0 AND l.expires_at > $2 AND l.expires_at <= $3
        GROUP BY l.member_id, l.expires_day),
     balance AS (
       SELECT l.member_id, sum(l.remaining) AS points
         FROM member_point_lots l
        WHERE l.chain_id = $1 AND l.member_id IN (SELECT member_id FROM due)
          AND l.available_at <= $2 AND (l.expires_at IS NULL OR l.expires_at > $2)
        GROUP BY l.member_id)
     SELECT due.member_id, due.day, due.expiring, coalesce(b.points, 0) - f.points_deficit AS balance
       FROM due
       JOIN member_facts f ON f.chain_id = $1 AND f.member_id = due.member_id
       LEFT JOIN balance b ON b.member_id = due.member_id
      WHERE ${USABLE}
      ORDER BY due.member_id, due.day`,
    [chainId, now, until],
  );
  const out: Occasion[] = [];
  for (const r of rows) {
    const points = Math.min(toInt(r.expiring), toInt(r.balance));
    if (points <= 0) continue;
    out.push({
      memberId: r.member_id,
      occasion: r.day,
      values: { poeng: groupDigits(points), dato: norwegianDate(parseIsoDate(r.day)) },
    });
  }
  return out;
}

async function rewardsReady(
  tx: Queryable,
  chainId: string,
  programme: Programme,
  now: number,
): Promise<Occasion[]> {
  const cards = programme.punchCards;
  if (cards.length === 0) return [];
  const rows = await tx.query<{ member_id: string }>(
    `SELECT f.member_id FROM member_facts f
      WHERE f.chain_id = $1 AND ${USABLE}
        AND EXISTS (SELECT 1 FROM unnest($2::text[], $3::int[]) AS c(card, size)
                     WHERE coalesce((f.stamps->>c.card)::int, 0) >= c.size)
      ORDER BY f.member_id`,
    [chainId, cards.map((c) => c.id), cards.map((c) => c.stamps)],
  );
  const out: Occasion[] = [];
  for (const ledger of (
    await ledgersOf(
      tx,
      chainId,
      rows.map((r) => r.member_id),
    )
  ).values()) {
    for (const card of memberView(programme, ledger, now).punchCards) {
      for (const reward of card.rewardsAvailable)
        out.push({
          memberId: ledger.memberId,
          occasion: reward.rewardId,
          values: { kort: card.name.nb },
        });
    }
  }
  return out;
}

async function lapsing(
  tx: Queryable,
  chainId: string,
  programme: Programme,
  now: number,
): Promise<Occasion[]> {
  // memberStatus's 'lapsing', as cloud/segments/sql.ts computes it.
  const days = programme.memberStatusDays ?? MEMBER_STATUS_DAYS;
  const since = (d: number) => now - d * DAY_MS;
  const rows = await tx.query<{ member_id: string; since: unknown }>(
    `SELECT f.member_id, coalesce(f.last_purchase_at, f.enrolled_at) AS since FROM member_facts f
      WHERE f.chain_id = $1 AND ${USABLE}
        AND f.enrolled_at <= $2
        AND NOT (f.last_purchase_at IS NOT NULL AND f.last_purchase_at > $3)
        AND coalesce(f.last_purchase_at, f.enrolled_at) > $4
      ORDER BY f.member_id`,
    [chainId, since(days.new), since(days.active), since(days.lapsing)],
  );
  return rows.map((r) => ({ memberId: r.member_id, occasion: String(toInt(r.since)), values: {} }));
}

const FINDERS: Record<
  AutomationKind,
  (tx: Queryable, chainId: string, programme: Programme, now: number) => Promise<Occasion[]>
> = {
  birthday: birthdays,
  points_expiring: expiringPoints,
  reward_ready: rewardsReady,
  win_back: lapsing,
};

async function ledgersOf(tx: Queryable, chainId: string, memberIds: string[]) {
  const all = new Map<string, MemberLedger>();
  for (let i = 0; i < memberIds.length; i += LEDGER_CHUNK)
    for (const [id, ledger] of await readLedgers(tx, chainId, memberIds.slice(i, i + LEDGER_CHUNK)))
      all.set(id, ledger);
  return all;
}

/**
 * Per member ($2, of chain $1): the channels they consent to and have an
 * address for, read as the sender reads them when it sends (cloud/messaging/
 * sender.ts): the phone of the lookup row, the e-mail their events last said;
 * as the campaigns' reach reads them (cloud/campaigns/campaigns.ts).
 */
const REACHABLE = `
  SELECT f.member_id, f.consent_sms AND lm.phone_e164 IS NOT NULL AS sms,
         f.consent_email AND coalesce(
           (SELECT CASE WHEN e.type = 'member.enrolled' THEN e.payload->'profile'->>'email'
                        ELSE e.payload->'fields'->>'email' END
              FROM events e
             WHERE e.chain_id = $1 AND e.member_id = f.member_id
               AND ((e.type = 'member.enrolled' AND e.payload->'profile' ? 'email')
                 OR (e.type = 'member.profile_updated' AND e.payload->'fields' ? 'email'))
             ORDER BY e.hlc DESC LIMIT 1), '') <> '' AS email
    FROM member_facts f
    LEFT JOIN members lm ON lm.chain_id = $1 AND lm.member_id = f.member_id
   WHERE f.chain_id = $1 AND f.member_id = ANY($2::text[])`;

export interface AutomationRunReport {
  /** Per automation: occasions decided now, and messages enqueued for them. */
  [kind: string]: { decided: number; enqueued: number };
}

/** One automation for one chain, in one transaction: decide the new occasions, enqueue their messages. */
async function runOne(
  db: Database,
  chainId: string,
  setting: AutomationSetting,
  programme: Programme,
  now: number,
  missedDays: readonly number[] = [],
): Promise<{ decided: number; enqueued: number }> {
  return db.transaction(async (tx) => {
    const found: Occasion[] = [];
    // A missed day's birthdays only: the other automations look at now (a lapse, points still
    // to expire, a reward still unused) and see what a missed day would have.
    if (setting.kind === 'birthday')
      for (const day of missedDays) found.push(...(await birthdays(tx, chainId, programme, day)));
    found.push(...(await FINDERS[setting.kind](tx, chainId, programme, now)));
    if (found.length === 0) return { decided: 0, enqueued: 0 };
    const reach = new Map(
      (
        await tx.query<{ member_id: string; sms: boolean; email: boolean }>(REACHABLE, [
          chainId,
          [...new Set(found.map((o) => o.memberId))],
        ])
      ).map((r) => [r.member_id, r]),
    );
    // Only members a message can go to now (consent and an address): the sender checks again
    // when it sends. One without an address keeps the occasion for when they have one.
    const reachable = found
      .map((o) => {
        const c = reach.get(o.memberId);
        const channels: Channel[] = [];
        if (setting.channels.sms && c?.sms) channels.push('sms');
        if (setting.channels.email && c?.email) channels.push('email');
        return { ...o, channels };
      })
      .filter((o) => o.channels.length > 0);
    if (reachable.length === 0) return { decided: 0, enqueued: 0 };
    const decided = await tx.query<{ member_id: string; occasion: string }>(
      `INSERT INTO automation_occasions (chain_id, kind, member_id, occasion, channels, decided_at)
       SELECT $1, $2, o.member_id, o.occasion, string_to_array(o.channels, ','), $3
         FROM unnest($4::text[], $5::text[], $6::text[]) AS o(member_id, occasion, channels)
       ON CONFLICT DO NOTHING
       RETURNING member_id, occasion`,
      [
        chainId,
        setting.kind,
        now,
        reachable.map((o) => o.memberId),
        reachable.map((o) => o.occasion),
        reachable.map((o) => o.channels.join(',')),
      ],
    );
    const isNew = new Set(decided.map((d) => `${d.member_id}\n${d.occasion}`));
    const chosen = reachable.filter((o) => isNew.has(`${o.memberId}\n${o.occasion}`));
    const ledgers = await ledgersOf(tx, chainId, [...new Set(chosen.map((o) => o.memberId))]);
    const messages: NewMessage[] = [];
    for (const o of chosen) {
      const values = {
        ...o.values,
        fornavn: ledgers.get(o.memberId)?.profile.firstName?.trim() ?? '',
        kundeklubb: programme.name,
      };
      const purpose = automationPurpose(setting.kind, o.occasion);
      const id = (channel: Channel) => automationMessageId(chainId, purpose, o.memberId, channel);
      for (const channel of o.channels)
        messages.push(
          channel === 'sms'
            ? {
                id: id('sms'),
                memberId: o.memberId,
                channel,
                purpose,
                body: renderAutomationText(setting.sms.text, values),
              }
            : {
                id: id('email'),
                memberId: o.memberId,
                channel,
                purpose,
                subject: renderAutomationText(setting.email.subject, values),
                body: renderAutomationText(setting.email.text, values),
              },
        );
    }
    const { enqueued } = await enqueueMessages(tx, chainId, messages, now);
    return { decided: chosen.length, enqueued: enqueued.length };
  });
}

/** A birthday text on an enabled channel naming the coupon when the programme has none. */
function namesMissingCoupon(setting: AutomationSetting, programme: Programme): boolean {
  if (setting.kind !== 'birthday' || programme.birthday?.enabled) return false;
  const texts = [
    ...(setting.channels.sms ? [setting.sms.text] : []),
    ...(setting.channels.email ? [setting.email.subject, setting.email.text] : []),
  ];
  return texts.some((text) => placeholdersIn(text).some((n) => COUPON_PLACEHOLDERS.includes(n)));
}

/** How many days back a run catches up on the birthdays of days it did not run (the cloud down). */
export const MISSED_DAYS_MAX = 7;

/** An instant in each local day after the chain's last run day and before today, at most 7. */
async function missedDays(
  db: Queryable,
  chainId: string,
  programme: Programme,
  now: number,
): Promise<number[]> {
  const [run] = await db.query<{ last_day: string }>(
    'SELECT last_day::text AS last_day FROM automation_runs WHERE chain_id = $1',
    [chainId],
  );
  if (!run) return [];
  const today = localDateOf(now, programme.timeZone);
  const out: number[] = [];
  for (let back = MISSED_DAYS_MAX; back >= 1; back -= 1) {
    const day = addDays(today, -back);
    if (isoDate(day) > run.last_day) out.push(endOfLocalDay(day, programme.timeZone));
  }
  return out;
}

/** What a run does with an automation's or a chain's error: the run goes on with the rest. */
export type AutomationErrorHandler = (error: unknown) => void;

const logAutomationError: AutomationErrorHandler = (error) =>
  console.error(`lojal-cloud: automations failed: ${(error as Error).message}`);

/**
 * Runs a chain's enabled automations at `now` (any number of times a day: each
 * occasion once). One automation's error does not stop the others; the day is
 * then not marked as run, so the next round tries again (what went out is not
 * enqueued twice).
 */
export async function runChainAutomations(
  db: Database,
  chainId: string,
  now: number,
  onError: AutomationErrorHandler = logAutomationError,
): Promise<AutomationRunReport> {
  const settings = await automationSettings(db, chainId);
  const programme = await programmeInForce(db, chainId);
  const missed = await missedDays(db, chainId, programme, now);
  const report: AutomationRunReport = {};
  let failed = false;
  for (const setting of settings.values()) {
    if (!setting.enabled || !(setting.channels.sms || setting.channels.email)) continue;
    if (namesMissingCoupon(setting, programme)) {
      // The programme lost its birthday coupon since the text was saved: no greeting with a hole
      // in it (the page says why and how to fix it).
      report[setting.kind] = { decided: 0, enqueued: 0 };
      continue;
    }
    try {
      report[setting.kind] = await runOne(db, chainId, setting, programme, now, missed);
    } catch (error) {
      failed = true;
      onError(error);
    }
  }
  if (failed) return report;
  await db.query(
    `INSERT INTO automation_runs (chain_id, last_day, ran_at) VALUES ($1, $2::date, $3)
     ON CONFLICT (chain_id) DO UPDATE SET last_day = $2::date, ran_at = $3`,
    [chainId, isoDate(localDateOf(now, programme.timeZone)), now],
  );
  return report;
}

/**
 * The daily run: every chain with an automation on that has not run on its
 * local today yet (or whose automations were saved since). Messages enqueued
 * in quiet hours wait in the outbox until they end.
 */
export async function runDueAutomations(
  db: Database,
  now: number = Date.now(),
  onError: AutomationErrorHandler = logAutomationError,
): Promise<Map<string, AutomationRunReport>> {
  const chains = await db.query<{ chain_id: string; last_day: string | null }>(
    `SELECT DISTINCT s.chain_id, r.last_day::text AS last_day
       FROM automation_settings s LEFT JOIN automation_runs r ON r.chain_id = s.chain_id
      WHERE s.enabled ORDER BY s.chain_id`,
  );
  const reports = new Map<string, AutomationRunReport>();
  for (const chain of chains) {
    // One chain's error (its programme, its settings) must not stop the chains after it.
    try {
      const programme = await programmeInForce(db, chain.chain_id);
      if (chain.last_day === isoDate(localDateOf(now, programme.timeZone))) continue;
      reports.set(chain.chain_id, await runChainAutomations(db, chain.chain_id, now, onError));
    } catch (error) {
      onError(error);
    }
  }
  return reports;
}

/** Checks every `intervalMs` for chains whose day's run is due; stop() waits for a run under way. */
export function runAutomationLoop(
  db: Database,
  options: { intervalMs: number; now?: () => number; onError?: (error: unknown) => void },
): { stop(): Promise<void> } {
  return repeatEvery(
    () => runDueAutomations(db, (options.now ?? Date.now)(), options.onError),
    options.intervalMs,
    options.onError,
  );
}
