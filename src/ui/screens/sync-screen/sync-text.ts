/**
 * The sync screen's own lines, as catalogue messages (src/core/messages/sync.ts)
 * the screen renders in its language: when the till last synced and what
 * "Synkroniser nå" did. Everything else the screen says comes said from the service
 * (why a sync failed, what the cloud refused, each conflict and what it
 * means): the screen renders it as it is. Pure functions, so the choice of
 * message is tested without a screen (sync-text.test.ts).
 */
import { msg } from '../../../core/i18n';
import type { Msg } from '../../../core/i18n';
import type { CommandOutputs } from '../../../contract/commands';

export type SyncReport = CommandOutputs['sync.now'];

const MINUTE = 60_000;

function sameDay(a: number, b: number): boolean {
  const x = new Date(a);
  const y = new Date(b);
  return (
    x.getFullYear() === y.getFullYear() &&
    x.getMonth() === y.getMonth() &&
    x.getDate() === y.getDate()
  );
}

/** The clock on `now`'s day, else the day and the clock (the screen's own `time`, `date`). */
export function clockOrDay(
  at: number,
  now: number,
  format: { time(ms: number): string; date(ms: number): string },
): string {
  return sameDay(at, now) ? format.time(at) : `${format.date(at)} ${format.time(at)}`;
}

/** How long ago: "nå nettopp", "for 3 min siden", "for 2 t siden", else the day. */
export function agoText(at: number, now: number): Msg {
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return msg('sync.ago.justNow');
  if (ago < 60 * MINUTE) return msg('sync.ago.minutes', { minutes: Math.floor(ago / MINUTE) });
  if (ago < 24 * 60 * MINUTE)
    return msg('sync.ago.hours', { hours: Math.floor(ago / (60 * MINUTE)) });
  return msg('sync.ago.day', { at });
}

/**
 * When the till last synced, short enough for the top bar: "for 3 min siden"
 * within the hour, "Synkronisert 12:04" the same day, "Synkronisert 3. mai 12:04" before.
 */
export function lastSyncText(lastSyncAt: number | null, now: number): Msg {
  if (lastSyncAt === null) return msg('sync.last.never');
  if (now - lastSyncAt < 60 * MINUTE)
    return msg('sync.last.ago', { ago: agoText(lastSyncAt, now) });
  return msg(sameDay(lastSyncAt, now) ? 'sync.last.today' : 'sync.last.before', {
    at: lastSyncAt,
  });
}

/** What "Synkroniser nå" did, in a line. */
export function reportText(report: SyncReport): Msg {
  if (!report.ok)
    return msg('sync.report.failed', {
      why: report.error?.text ?? msg('sync.report.unknownError'),
    });
  return msg('sync.report.done', {
    pushed: report.pushed,
    applied: report.applied,
    rejected: report.rejected,
    quarantined: report.quarantined,
  });
}

/** The environment's cloud address is the one the till is paired with. */
export function sameCloud(a: string, b: string): boolean {
  const norm = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return norm(a) === norm(b);
}
