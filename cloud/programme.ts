/**
 * The chain's programme is whatever its latest `programme.saved` event (by
 * clock) says, whether a till or the cloud wrote it. A change made in the cloud
 * becomes such an event (programme-change.ts), so the tills pull it like any
 * other.
 */
import { EventPayloads } from '../src/core/events';
import { parseProgramme } from '../src/core/programme';
import type { Programme } from '../src/core/programme';
import type { Queryable } from './db/database';

export interface CurrentProgramme {
  programme: Programme;
  eventId: string;
  hlc: string;
}

/** How many of the newest programme events are tried before falling back to the defaults. */
const PROGRAMMES_TRIED = 5;

export async function currentProgramme(
  db: Queryable,
  chainId: string,
): Promise<CurrentProgramme | null> {
  const rows = await db.query<{ id: string; hlc: string; payload: unknown }>(
    `SELECT id, hlc, payload FROM events WHERE chain_id = $1 AND type = 'programme.saved'
      ORDER BY hlc DESC, id DESC LIMIT $2`,
    [chainId, PROGRAMMES_TRIED],
  );
  for (const row of rows) {
    // One stored before today's bounds and beyond them must not stop every push: the one before counts.
    const payload = EventPayloads['programme.saved'].safeParse(row.payload);
    if (payload.success)
      return { programme: payload.data.programme, eventId: row.id, hlc: row.hlc };
    console.error(`lojal-cloud: programme event ${row.id} of chain ${chainId} no longer parses`);
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
export async function programmeInForce(db: Queryable, chainId: string): Promise<Programme> {
  return (await currentProgramme(db, chainId))?.programme ?? NO_PROGRAMME_YET;
}
