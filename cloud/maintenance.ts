/**
 * `npm run cloud -- purge-erased`: leaves no readable copy of an erased
 * member's data in the cloud's table files.
 *
 * An erasure redacts the member's stored events and index row with UPDATE (see
 * members.ts). PostgreSQL, and PGlite which is PostgreSQL, keep the old row
 * versions in the table's pages until they are vacuumed, and a plain VACUUM
 * only marks their space free: the bytes stay in the file until overwritten.
 * VACUUM FULL copies the live rows into new files (heap, TOAST and every
 * index) and gives the old files up when it commits, so the phone and name the
 * old versions held are no longer in any file of the database's tables.
 *
 * What stays outside the tables (PostgreSQL's WAL until its segments are
 * recycled, backups, the file system's freed blocks) is for the operator: see
 * cloud/README.md, "Erasure".
 */
import type { Database } from './db/database';
import { toInt } from './db/database';

export interface PurgeReport {
  /** Members of any chain whose erasure the cloud holds. */
  erasedMembers: number;
  /** Refused events of erased members whose kept copy (`raw`) was dropped now. */
  refusalsCleared: number;
  /** The tables rewritten, in the order they were. */
  tables: string[];
  /** Whether a CHECKPOINT ran after (needs the pg_checkpoint role or a superuser on PostgreSQL). */
  checkpointed: boolean;
  durationMs: number;
}

/** A table name as an SQL identifier (they come from the catalogue, but quote them anyway). */
function identifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Rewrites every table of the cloud's schema. Every one of them is rewritten,
 * not a chosen few: a table added later that keeps a copy of a payload (refused
 * events kept for the managers, say) is covered without a change here.
 *
 * VACUUM FULL holds each table's exclusive lock while it copies it: pushes and
 * pulls of every chain wait (on PostgreSQL up to `lockTimeoutMs`, then 503 and
 * the tills try again). Run it when the shops are closed.
 */
export async function purgeErased(
  db: Database,
  clock: () => number = Date.now,
): Promise<PurgeReport> {
  const started = clock();
  const [erased] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM members WHERE erased');
  const refusalsCleared = await clearRefusalsOfErased(db);
  const tables = (
    await db.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables
        WHERE schemaname = current_schema() ORDER BY tablename`,
    )
  ).map((row) => row.name);
  // VACUUM cannot run inside a transaction block: one statement at a time, each its own.
  for (const table of tables) await db.query(`VACUUM FULL ${identifier(table)}`);
  let checkpointed = false;
  try {
    // Makes PostgreSQL remove the emptied old files and lets it recycle WAL segments sooner.
    await db.query('CHECKPOINT');
    checkpointed = true;
  } catch {
    // Not allowed for this role: the old files are already empty, only their names wait.
  }
  return {
    erasedMembers: toInt(erased?.n ?? 0),
    refusalsCleared,
    tables,
    checkpointed,
    durationMs: clock() - started,
  };
}

/**
 * Refused events are kept for the managers as they came (`refused_events.raw`,
 * migration 003): an erased member's phone and name may be in one. Their kept
 * copy goes once the member is erased (the id, type, code and reason stay), so
 * the rewrite that follows leaves no version of it. Matched on the member id
 * in the text, since the kept copy may be cut short and not parse.
 */
async function clearRefusalsOfErased(db: Database): Promise<number> {
  const [present] = await db.query<{ present: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM information_schema.columns
                     WHERE table_schema = current_schema()
                       AND table_name = 'refused_events' AND column_name = 'raw') AS present`,
  );
  if (!present?.present) return 0;
  const cleared = await db.query(
    `UPDATE refused_events r SET raw = NULL
       FROM members m
      WHERE m.erased AND m.chain_id = r.chain_id AND r.raw IS NOT NULL
        AND strpos(r.raw, m.member_id) > 0
      RETURNING r.seq`,
  );
  return cleared.length;
}
