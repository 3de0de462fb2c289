/**
 * Pulling the chain's events and applying them. Each page goes through the
 * store's one write door in one transaction together with the clock merge and
 * the new cursor, so a crash leaves either the whole page applied and the
 * cursor past it, or neither; a page applied twice changes nothing anyway
 * (the store keeps each id once).
 *
 * No event stops the pull (docs/architecture.md, "Trust between tills and the
 * cloud"): one that does not parse, whose clock is too far ahead of this
 * till's, or whose write fails is quarantined (kept as it came, with its
 * reason, reported to the cloud later) in the same transaction, and the cursor
 * moves past it. The page is applied in one go; only when that fails is it
 * applied again one event at a time, each in its own savepoint, to find the
 * event at fault.
 */
import { decodeHlc } from '../core/hlc';
import { LIMITS } from '../core/limits';
import { clockProblem, parseWireEvent } from '../core/events';
import type { LojalEvent, WireEvent } from '../core/events';
import { appendWireEvents, HlcClock, inSavepoint, inTransaction } from '../store';
import type { Db } from '../store';
import type { IncomingEvent } from '../store/append';
import { quarantine, rawJson, readableField } from '../store/quarantine';
import type { QuarantineCode } from '../store/quarantine';
import { pullCursor, setPullCursor } from '../store/sync-pairing';
import { trustedTime } from '../store/hlc-clock';
import type { CloudApi, PullResult } from './cloud-api';
import {
  DEFAULT_SNAPSHOT_OPTIONS,
  pruneWhenDue,
  refreshWaiting,
  snapshotIfFarBehind,
} from './snapshot';
import type { SnapshotOptions } from './snapshot';

/** What changed, for the UI to refresh (the service's `data` notifications). */
export type DataKind = 'members' | 'programme' | 'catalogue' | 'sales';

export function dataKinds(events: readonly LojalEvent[]): Set<DataKind> {
  const kinds = new Set<DataKind>();
  for (const event of events) {
    if (event.type === 'programme.saved') kinds.add('programme');
    else if (event.type === 'catalogue.saved') kinds.add('catalogue');
    if (event.type.startsWith('sale.')) kinds.add('sales');
    if (event.memberId !== null) kinds.add('members');
  }
  return kinds;
}

export interface ApplyContext {
  db: Db;
  /** This till's wall clock (it may be wrong: the HLC copes). */
  clock: () => number;
  /** This till's HLC node id. */
  node: string;
}

export interface ApplyOutcome {
  /** Known events new to this till, as stored. */
  applied: LojalEvent[];
  /** Events of types a newer version writes: stored, never applied. */
  foreign: number;
  /** Events set aside (see src/store/quarantine.ts). */
  quarantined: number;
}

interface Rejected {
  raw: unknown;
  code: QuarantineCode;
  reason: string;
}

type Triaged = { ok: true; item: IncomingEvent; raw: unknown } | ({ ok: false } & Rejected);

function describe(error: unknown): string {
  if (error instanceof Error) {
    // zod's message is its issues as JSON: the first one says enough.
    const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
    const first = issues?.[0];
    if (first) return `${first.path.map(String).join('.') || 'event'}: ${first.message}`;
    return error.message;
  }
  return String(error);
}

/**
 * Parse and bound-check one event as it came; nothing is written. `nowMs` is
 * the later of this till's clock and the cloud's: a till whose own clock is
 * far behind must not take every event of the chain for a future one.
 */
function triage(raw: unknown, nowMs: number): Triaged {
  let wire: WireEvent;
  try {
    wire = parseWireEvent(raw);
  } catch (error) {
    return { ok: false, raw, code: 'invalid_event', reason: describe(error) };
  }
  // The bound the cloud applies at push (src/core/events.ts), from this till's side.
  if (clockProblem(wire.event.hlc, nowMs) === 'ahead') {
    const hours = Math.round((decodeHlc(wire.event.hlc).wallMs - nowMs) / 3_600_000);
    return {
      ok: false,
      raw,
      code: 'clock_ahead',
      reason: `its clock ${wire.event.hlc} is ${hours} h ahead of this till's and the cloud's (at most ${LIMITS.maxClockAheadMs / 3_600_000} h allowed)`,
    };
  }
  const rawPayload = (raw as { payload?: unknown }).payload;
  return { ok: true, item: { wire, rawPayload }, raw };
}

/**
 * Keep a pulled event aside; false when its id is in the log already (stored
 * by an older version before such events were refused): delivered again, it
 * changes nothing, and there is nothing to set aside.
 */
function setAside(db: Db, rejected: Rejected, at: number): boolean {
  const eventId = readableField(rejected.raw, 'id');
  if (eventId !== null && db.prepare('SELECT 1 FROM events WHERE id = ?').get(eventId))
    return false;
  quarantine(db, {
    direction: 'pulled',
    eventId,
    eventType: readableField(rejected.raw, 'type'),
    raw: rawJson(rejected.raw),
    code: rejected.code,
    reason: rejected.reason,
    at,
  });
  return true;
}

/**
 * SQLite failing for reasons of the till, not of the event (a full disk, an
 * I/O error, a lock): the page is not applied and the sync fails, to be tried
 * again, rather than the event being set aside for what it did not cause.
 */
const TILL_FAILURES =
  /^SQLITE_(FULL|IOERR|BUSY|LOCKED|NOMEM|READONLY|CORRUPT|CANTOPEN|NOTADB|INTERRUPT|PROTOCOL)/;
function isTillFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TILL_FAILURES.test(code);
}

/**
 * Stores events that came from the cloud (a pull page or a member lookup) and
 * moves this till's clock past the newest of them, so whatever the till does
 * next sorts after what it has seen, however wrong its wall clock is. Events it
 * cannot take are quarantined instead; the rest, and the cursor, go on.
 */
export function applyRemoteEvents(
  ctx: ApplyContext,
  raws: readonly unknown[],
  cursor?: string,
  cloudTime: number | null = null,
): ApplyOutcome {
  const now = ctx.clock();
  // A wall clock behind the chain's is no reason to doubt the chain's clocks:
  // the bound counts from the latest time the cloud has vouched for too.
  const reference = Math.max(now, cloudTime ?? 0, trustedTime(ctx.db));
  const triaged = raws.map((raw) => triage(raw, reference));
  const good: IncomingEvent[] = [];
  const rejected: Rejected[] = [];
  for (const t of triaged) {
    if (t.ok) good.push(t.item);
    else rejected.push(t);
  }
  // inTransaction: a page that fails half-way also drops what the store keeps parsed from it.
  return inTransaction(ctx.db, () => {
    const outcome: ApplyOutcome = { applied: [], foreign: 0, quarantined: 0 };
    const stored: IncomingEvent[] = [];
    try {
      const result = inSavepoint(ctx.db, () => appendWireEvents(ctx.db, good, now));
      outcome.applied.push(...result.appended);
      outcome.foreign += result.foreign.length;
      stored.push(...good);
    } catch (pageError) {
      if (isTillFailure(pageError)) throw pageError;
      // One event at a time, to set aside only the one at fault.
      for (const item of good) {
        try {
          const result = inSavepoint(ctx.db, () => appendWireEvents(ctx.db, [item], now));
          outcome.applied.push(...result.appended);
          outcome.foreign += result.foreign.length;
          stored.push(item);
        } catch (error) {
          if (isTillFailure(error)) throw error;
          const raw = triaged.find((t) => t.ok && t.item === item)?.raw ?? item.wire.event;
          rejected.push({ raw, code: 'apply_failed', reason: describe(error) });
        }
      }
    }
    for (const r of rejected) if (setAside(ctx.db, r, now)) outcome.quarantined += 1;
    let newest: string | null = null;
    for (const { wire } of stored)
      if (newest === null || wire.event.hlc > newest) newest = wire.event.hlc;
    if (newest !== null) new HlcClock(ctx.db, ctx.node, ctx.clock).receive(newest, cloudTime);
    if (cursor !== undefined) setPullCursor(ctx.db, cursor);
    return outcome;
  });
}

export interface PullOutcome {
  /** Events received (own and duplicates included). */
  received: number;
  /** Events new to this till. */
  applied: number;
  /** Events set aside in this pull (they are listed in the status). */
  quarantined: number;
  /** What they changed. */
  kinds: Set<DataKind>;
}

/**
 * Pulls pages until the cloud has nothing more after the cursor. The next page
 * is asked for before this one is applied, so the cloud and the network work
 * while the till writes (a new till catching up on a chain gains most). A till
 * far behind takes a snapshot first; members waiting for a fresh base get it
 * after, and other stores' old sales leave the log (src/sync/snapshot.ts).
 */
export async function pullAll(
  ctx: ApplyContext,
  api: CloudApi,
  limit: number,
  stopped: () => boolean,
  snapshotOptions: SnapshotOptions = DEFAULT_SNAPSHOT_OPTIONS,
): Promise<PullOutcome> {
  const outcome: PullOutcome = { received: 0, applied: 0, quarantined: 0, kinds: new Set() };
  // A new till of a grown chain, or one long offline, starts from snapshots (src/sync/snapshot.ts).
  if (api.snapshots) {
    const taken = await snapshotIfFarBehind(ctx, api.snapshots, snapshotOptions, stopped);
    if (stopped()) return outcome;
    if (taken) {
      outcome.received += taken.events + taken.members;
      outcome.applied += taken.events + taken.members;
      for (const kind of ['members', 'programme', 'catalogue', 'sales'] as const)
        outcome.kinds.add(kind);
    }
  }
  const pulled = await pullPages(ctx, api, limit, stopped, outcome);
  if (stopped() || !api.snapshots) return pulled;
  if ((await refreshWaiting(ctx, api.snapshots, stopped)) > 0) outcome.kinds.add('members');
  if (pruneWhenDue(ctx, snapshotOptions) > 0) outcome.kinds.add('sales');
  return pulled;
}

async function pullPages(
  ctx: ApplyContext,
  api: CloudApi,
  limit: number,
  stopped: () => boolean,
  outcome: PullOutcome,
): Promise<PullOutcome> {
  let cursor = pullCursor(ctx.db);
  let next: Promise<PullResult> = api.pull(cursor, limit);
  for (;;) {
    const page = await next;
    if (stopped()) return outcome;
    // A cursor that does not move would loop forever: take it as the end.
    const more = page.more && page.next !== cursor;
    if (more) {
      next = api.pull(page.next, limit);
      // Its failure is seen when it is awaited; until then it must not count as unhandled.
      next.catch(() => undefined);
    }
    outcome.received += page.events.length;
    const applied = applyRemoteEvents(ctx, page.events, page.next, page.cloudTime);
    outcome.applied += applied.applied.length + applied.foreign;
    outcome.quarantined += applied.quarantined;
    for (const kind of dataKinds(applied.applied)) outcome.kinds.add(kind);
    if (!more) return outcome;
    cursor = page.next;
  }
}
