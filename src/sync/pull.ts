/**
 * Pulling the chain's events and applying them. Each page goes through the
 * store's one write door in one transaction together with the clock merge and
 * the new cursor, so a crash leaves either the whole page applied and the
 * cursor past it, or neither; a page applied twice changes nothing anyway
 * (the store keeps each id once).
 */
import type { LojalEvent } from '../core/events';
import { appendEvents, HlcClock, inTransaction } from '../store';
import type { Db } from '../store';
import { pullCursor, setPullCursor } from '../store/sync-pairing';
import type { CloudApi, PullResult } from './cloud-api';

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

/**
 * Stores events that came from the cloud (a pull page or a member lookup) and
 * moves this till's clock past the newest of them, so whatever the till does
 * next sorts after what it has seen, however wrong its wall clock is.
 */
export function applyRemoteEvents(
  ctx: ApplyContext,
  events: readonly LojalEvent[],
  cursor?: string,
): LojalEvent[] {
  // inTransaction: a page that fails half-way also drops what the store keeps parsed from it.
  return inTransaction(ctx.db, () => {
    // Parsed by the protocol (WireEvent) as they arrived.
    const { appended } = appendEvents(ctx.db, events, {
      origin: 'remote',
      receivedAt: ctx.clock(),
      parsed: true,
    });
    let newest: string | null = null;
    for (const event of events) if (newest === null || event.hlc > newest) newest = event.hlc;
    if (newest !== null) new HlcClock(ctx.db, ctx.node, ctx.clock).receive(newest);
    if (cursor !== undefined) setPullCursor(ctx.db, cursor);
    return appended;
  });
}

export interface PullOutcome {
  /** Events received (own and duplicates included). */
  received: number;
  /** Events new to this till. */
  applied: number;
  /** What they changed. */
  kinds: Set<DataKind>;
}

/**
 * Pulls pages until the cloud has nothing more after the cursor. The next page
 * is asked for before this one is applied, so the cloud and the network work
 * while the till writes (a new till catching up on a chain gains most).
 */
export async function pullAll(
  ctx: ApplyContext,
  api: CloudApi,
  limit: number,
  stopped: () => boolean,
): Promise<PullOutcome> {
  const outcome: PullOutcome = { received: 0, applied: 0, kinds: new Set() };
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
    const applied = applyRemoteEvents(ctx, page.events, page.next);
    outcome.applied += applied.length;
    for (const kind of dataKinds(applied)) outcome.kinds.add(kind);
    if (!more) return outcome;
    cursor = page.next;
  }
}
