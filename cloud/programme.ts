/**
 * The chain's programme is what its `programme.saved` events say, whether a
 * till or the cloud wrote them: the version in force at a store and an instant
 * is chosen as the tills choose it (src/core/programme-in-force.ts). A change made in the cloud
 * becomes such an event (programme-change.ts), so the tills pull it like any
 * other.
 */
import { EventPayloads } from '../src/core/events';
import { parseProgramme } from '../src/core/programme';
import type { Programme } from '../src/core/programme';
import { publicationInForce } from '../src/core/programme-in-force';
import type { ProgrammePublication } from '../src/core/programme-in-force';
import type { Queryable } from './db/database';

export interface CurrentProgramme {
  programme: Programme;
  eventId: string;
  hlc: string;
}

/** Where and when the programme is asked for: a store (null: the chain as a whole) at an instant. */
export interface ProgrammeWhere {
  storeId: string | null;
  now: number;
}

/** Every version's when and where, without its rules (src/core/programme-in-force.ts chooses). */
export async function programmePublications(
  db: Queryable,
  chainId: string,
): Promise<ProgrammePublication[]> {
  const rows = await db.query<{
    id: string;
    hlc: string;
    at: unknown;
    from_ms: unknown;
    stores: unknown;
  }>(
    `SELECT id, hlc, payload->'at' AS at, payload->'from' AS from_ms, payload->'stores' AS stores
       FROM events WHERE chain_id = $1 AND type = 'programme.saved'`,
    [chainId],
  );
  return rows.map((row) => ({
    eventId: row.id,
    hlc: row.hlc,
    at: typeof row.at === 'number' ? row.at : 0,
    from: typeof row.from_ms === 'number' ? row.from_ms : undefined,
    stores: Array.isArray(row.stores) ? (row.stores as string[]) : undefined,
  }));
}

/**
 * The version in force at a store and an instant. For the chain as a whole
 * (the member-number prefix, conflicts, the back office's members): the
 * version in force at every store, or while only some stores have one, the
 * one that started last anywhere.
 */
export async function currentProgramme(
  db: Queryable,
  chainId: string,
  where: ProgrammeWhere = { storeId: null, now: Date.now() },
): Promise<CurrentProgramme | null> {
  let candidates = await programmePublications(db, chainId);
  while (candidates.length > 0) {
    const chosen =
      publicationInForce(candidates, where) ??
      (where.storeId === null
        ? publicationInForce(
            candidates.map((p) => ({ ...p, stores: undefined })),
            where,
          )
        : null);
    if (!chosen) return null;
    const [row] = await db.query<{ payload: unknown }>(
      'SELECT payload FROM events WHERE chain_id = $1 AND id = $2',
      [chainId, chosen.eventId],
    );
    // One stored before today's bounds and beyond them must not stop every push: the one before counts.
    const payload = EventPayloads['programme.saved'].safeParse(row?.payload);
    if (payload.success)
      return { programme: payload.data.programme, eventId: chosen.eventId, hlc: chosen.hlc };
    console.error(
      `lojal-cloud: programme event ${chosen.eventId} of chain ${chainId} no longer parses`,
    );
    candidates = candidates.filter((p) => p.eventId !== chosen.eventId);
  }
  return null;
}

/**
 * Before a chain has saved a programme, the programme's defaults hold: no
 * campaigns (so every coupon is single-use, which is all conflict detection
 * reads) and the default member number prefix the tills number under.
 */
const NO_PROGRAMME_YET: Programme = parseProgramme({
  name: 'No programme saved yet',
  termsVersion: 'none',
});

/** The chain's programme, or the defaults while it has saved none. */
export async function programmeInForce(
  db: Queryable,
  chainId: string,
  where?: ProgrammeWhere,
): Promise<Programme> {
  return (await currentProgramme(db, chainId, where))?.programme ?? NO_PROGRAMME_YET;
}
