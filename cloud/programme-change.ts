/** A programme change made in the cloud, written as a `programme.saved` event the tills pull. */
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION } from '../src/core/events';
import type { EventEnvelope } from '../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../src/core/hlc';
import type { Programme } from '../src/core/programme';
import type { Database } from './db/database';
import { appendEvents, newestHlc } from './event-log';
import { lockChain } from './event-rows';

/** Events written by the cloud itself carry this as their store, terminal and clock node. */
export const CLOUD_ORIGIN = 'cloud';

/**
 * Records a programme change made in the cloud (the caller validated it with
 * `parseProgramme`). Its clock is after every event the cloud holds for the
 * chain, so it wins over any earlier save.
 */
export async function saveProgramme(
  db: Database,
  chainId: string,
  input: {
    programme: Programme;
    staffId: string | null;
    /** Chosen stores (absent: every store). */
    stores?: string[];
    /** The instant it applies from (absent: at once). */
    from?: number;
  },
  now: number,
): Promise<EventEnvelope<'programme.saved'>> {
  return db.transaction(async (tx) => {
    await lockChain(tx, chainId);
    const latest = await newestHlc(tx, chainId);
    const seen = latest ? decodeHlc(latest) : null;
    const clock = seen
      ? receiveHlc(null, seen, now, CLOUD_ORIGIN)
      : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
    const event: EventEnvelope<'programme.saved'> = {
      id: uuidv7({ msecs: now }),
      chainId,
      storeId: CLOUD_ORIGIN,
      terminalId: CLOUD_ORIGIN,
      hlc: encodeHlc(clock),
      type: 'programme.saved',
      memberId: null,
      payload: {
        programme: input.programme,
        staffId: input.staffId,
        at: now,
        ...(input.stores ? { stores: input.stores } : {}),
        ...(input.from !== undefined ? { from: input.from } : {}),
      },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    await appendEvents(tx, chainId, [event], now);
    return event;
  });
}
