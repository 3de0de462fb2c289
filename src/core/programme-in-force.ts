/**
 * Which programme version is in force at a store and an instant. A version is
 * published to every store or to chosen ones, at once or from a date. A version for "at once" is in force from when
 * a till has it, whatever the till's clock says of when it was saved; a dated
 * one from its date by the till's clock. Of the versions that reach the store
 * and have started, the one that started last is in force (a version starts
 * when it was saved, or at its date when that is later); of two that started
 * at the same instant, the later save (by clock). So publishing "from today"
 * at noon does not lose to a version published at ten, and a version planned
 * for January takes over then from one saved in December.
 */

export interface ProgrammePublication {
  /** The `programme.saved` event's id (what a withdrawal names). */
  eventId: string;
  hlc: string;
  /** When it was saved. */
  at: number;
  /** The stores it was published to; absent: every store. */
  stores?: readonly string[] | undefined;
  /** The instant it takes effect from; absent: when it was saved. */
  from?: number | undefined;
}

/** When a version takes effect. */
export function startsAt(publication: ProgrammePublication): number {
  return Math.max(publication.at, publication.from ?? publication.at);
}

/** True when the version applies at `now`: at once, or its date has come. */
export function hasStarted(publication: ProgrammePublication, now: number): boolean {
  return publication.from === undefined || publication.from <= Math.max(now, publication.at);
}

/** True when the version is for this store (`null`: the chain as a whole, so versions for every store only). */
export function reachesStore(publication: ProgrammePublication, storeId: string | null): boolean {
  if (!publication.stores) return true;
  return storeId !== null && publication.stores.includes(storeId);
}

function later(a: ProgrammePublication, b: ProgrammePublication): boolean {
  const byStart = startsAt(a) - startsAt(b);
  if (byStart !== 0) return byStart > 0;
  return a.hlc > b.hlc || (a.hlc === b.hlc && a.eventId > b.eventId);
}

export interface InForceQuery {
  storeId: string | null;
  now: number;
}

/** The version in force, or null when none reaching the store has started. */
export function publicationInForce<T extends ProgrammePublication>(
  publications: readonly T[],
  query: InForceQuery,
): T | null {
  let best: T | null = null;
  for (const p of publications) {
    if (!reachesStore(p, query.storeId) || !hasStarted(p, query.now)) continue;
    if (best === null || later(p, best)) best = p;
  }
  return best;
}
