/**
 * The projections (migration 013) built again from the chain's log: every
 * member folded (src/core foldMember, as the ledgers' rebuild does) and read
 * as `memberFactsOf`, every sale, void and return booked. The rows equal those
 * the pushes kept (cloud/projections/maintain.ts), `updated_at` apart.
 */
import { isKnownEventType } from '../../src/core/events';
import type { LojalEvent } from '../../src/core/events';
import { memberFactsOf } from '../../src/core/projections';
import type { Database, Queryable } from '../db/database';
import { EVENT_COLUMNS, envelopeOf } from '../event-rows';
import type { EventRow } from '../event-rows';
import { foldChainFromLog } from '../member-ledgers';
import { bookingsOf } from './maintain';
import { recordTimeZone, writeMemberFacts, writeSaleFacts } from './store';

/** Sale events read per statement while rebuilding. */
const SALE_PAGE_ROWS = 20_000;

/**
 * Replaces the chain's projection rows with a build from its log, in one
 * transaction, the time zone taken again from the programme. Run it while
 * nothing pushes to the chain (the server's start, a maintenance window), or
 * after the programme's time zone changed. Returns the rows written.
 */
export async function rebuildProjections(
  db: Database,
  chainId: string,
  now: number,
): Promise<{ members: number; sales: number }> {
  return db.transaction((tx) => rebuildIn(tx, chainId, now));
}

async function rebuildIn(
  tx: Queryable,
  chainId: string,
  now: number,
): Promise<{ members: number; sales: number }> {
  // Lots too: no foreign key takes them with the facts (migration 026).
  await tx.query('DELETE FROM member_point_lots WHERE chain_id = $1', [chainId]);
  await tx.query('DELETE FROM member_facts WHERE chain_id = $1', [chainId]);
  await tx.query('DELETE FROM sale_facts WHERE chain_id = $1', [chainId]);
  const timeZone = await recordTimeZone(tx, chainId, now);
  let members = 0;
  await foldChainFromLog(tx, chainId, async (ledgers) => {
    const facts = ledgers.map((l) => memberFactsOf(l, timeZone));
    await writeMemberFacts(tx, chainId, facts, new Set(), now);
    members += facts.length;
  });
  let sales = 0;
  let afterSeq: unknown = 0;
  for (;;) {
    const page = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE chain_id = $1 AND type IN ('sale.committed', 'sale.voided', 'sale.returned')
          AND seq > $2::bigint
        ORDER BY seq LIMIT $3`,
      [chainId, afterSeq, SALE_PAGE_ROWS],
    );
    const events = page
      .filter((row) => isKnownEventType(row.type))
      .map((row) => envelopeOf(row) as unknown as LojalEvent);
    // Each page resolves the voids and returns of its sale ids, as a push does: a void
    // in a later page finds its sale booked, a sale in a later page completes its void.
    await writeSaleFacts(tx, chainId, bookingsOf(events, timeZone), now);
    sales += events.length;
    if (page.length < SALE_PAGE_ROWS) break;
    afterSeq = page.at(-1)!.seq;
  }
  return { members, sales };
}

/**
 * Chains migration 013 left to be built (every chain that existed then):
 * built now, each in its own transaction with its mark removed, as
 * foldPendingChains does for the ledgers.
 */
export async function buildPendingProjections(db: Database, now: number): Promise<string[]> {
  const pending = await db.query<{ chain_id: string }>(
    'SELECT chain_id FROM projections_pending ORDER BY chain_id',
  );
  const built: string[] = [];
  for (const { chain_id: chainId } of pending) {
    await db.transaction(async (tx) => {
      const claimed = await tx.query(
        'DELETE FROM projections_pending WHERE chain_id = $1 RETURNING chain_id',
        [chainId],
      );
      if (claimed.length === 0) return;
      await rebuildIn(tx, chainId, now);
      built.push(chainId);
    });
  }
  return built;
}
