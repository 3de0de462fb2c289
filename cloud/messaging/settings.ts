/**
 * A chain's sending rules (messaging_settings, migration 015): the rolling
 * 30-day cap per member and channel (default 2; the seeds advise 1–3 a month),
 * quiet hours (default 21:00–08:00 in the programme's time zone, Europe/Oslo
 * unless changed) and the SMS sender name.
 */
import { localDateOf, localTimeOf, startOfLocalDay, addDays } from '../../src/core/time';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { OutboxInputError } from './outbox';

export const CAP_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export interface MessagingSettings {
  /** Messages per member and channel in any 30 days (0 stops sending). */
  frequencyCap: number;
  /** Minutes after local midnight: quiet from start until end (over midnight when start > end). */
  quietStartMinute: number;
  quietEndMinute: number;
  /** The SMS sender name; null: the server's. */
  smsSender: string | null;
}

export const DEFAULT_SETTINGS: MessagingSettings = {
  frequencyCap: 2,
  quietStartMinute: 21 * 60,
  quietEndMinute: 8 * 60,
  smsSender: null,
};

export async function messagingSettings(
  db: Queryable,
  chainId: string,
): Promise<MessagingSettings> {
  const [row] = await db.query<Record<string, unknown>>(
    `SELECT frequency_cap, quiet_start_minute, quiet_end_minute, sms_sender
       FROM messaging_settings WHERE chain_id = $1`,
    [chainId],
  );
  if (!row) return DEFAULT_SETTINGS;
  return {
    frequencyCap: toInt(row.frequency_cap),
    quietStartMinute: toInt(row.quiet_start_minute),
    quietEndMinute: toInt(row.quiet_end_minute),
    smsSender: row.sms_sender as string | null,
  };
}

export async function setMessagingSettings(
  db: Queryable,
  chainId: string,
  change: Partial<MessagingSettings>,
  now: number,
): Promise<MessagingSettings> {
  const next = { ...(await messagingSettings(db, chainId)), ...change };
  if (!Number.isInteger(next.frequencyCap) || next.frequencyCap < 0 || next.frequencyCap > 10)
    throw new OutboxInputError('frequencyCap', 'the cap is 0 to 10 messages in 30 days');
  for (const field of ['quietStartMinute', 'quietEndMinute'] as const) {
    const v = next[field];
    if (!Number.isInteger(v) || v < 0 || v > 1439)
      throw new OutboxInputError(field, 'a minute of the day, 0 to 1439');
  }
  if (next.smsSender !== null && !/^[A-Za-z0-9]{3,11}$/.test(next.smsSender))
    throw new OutboxInputError('smsSender', 'the sender name is 3 to 11 letters or digits');
  await db.query(
    `INSERT INTO messaging_settings (chain_id, frequency_cap, quiet_start_minute, quiet_end_minute,
                                     sms_sender, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (chain_id) DO UPDATE SET frequency_cap = $2, quiet_start_minute = $3,
       quiet_end_minute = $4, sms_sender = $5, updated_at = $6`,
    [chainId, next.frequencyCap, next.quietStartMinute, next.quietEndMinute, next.smsSender, now],
  );
  return next;
}

/**
 * When a message due at `at` may go: `at` itself outside quiet hours, else the
 * end of the quiet hours (local time, so 08:00 stays 08:00 across DST).
 */
export function afterQuietHours(
  at: number,
  settings: Pick<MessagingSettings, 'quietStartMinute' | 'quietEndMinute'>,
  timeZone: string,
): number {
  const { quietStartMinute: start, quietEndMinute: end } = settings;
  if (start === end) return at;
  const { hour, minute } = localTimeOf(at, timeZone);
  const m = hour * 60 + minute;
  const quiet = start < end ? m >= start && m < end : m >= start || m < end;
  if (!quiet) return at;
  const today = localDateOf(at, timeZone);
  // Past midnight (or a same-day window): the end is today; before midnight: tomorrow.
  const endDay = start > end && m >= start ? addDays(today, 1) : today;
  const guess = startOfLocalDay(endDay, timeZone) + end * 60_000;
  // On a clock-change day midnight + 8 h is 07:00 or 09:00 on the wall: correct by the difference.
  const wall = localTimeOf(guess, timeZone);
  let sendAt = guess + (end - (wall.hour * 60 + wall.minute)) * 60_000;
  // An end inside the spring-forward gap (02:30 on a night 02:00 becomes 03:00) has no instant:
  // the correction lands before the gap, still quiet. The hours end when the clock jumps.
  while (minuteOfDay(sendAt, timeZone) < end && sendAt < guess) sendAt += 60_000;
  return sendAt;
}

function minuteOfDay(at: number, timeZone: string): number {
  const { hour, minute } = localTimeOf(at, timeZone);
  return hour * 60 + minute;
}
