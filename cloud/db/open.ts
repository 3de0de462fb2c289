/** Opens the cloud database (PostgreSQL when a URL is given, PGlite otherwise) and migrates it. */
import { foldPendingChains } from '../member-ledgers';
import { buildPendingProjections } from '../projections/rebuild';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { PostgresOptions } from './postgres';

export interface DatabaseLocation {
  /** A PostgreSQL connection string; when set, `dataDir` is not used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder (needed when there is no `databaseUrl`). */
  dataDir?: string | undefined;
  /** Pool size and timeouts (PostgreSQL only). */
  postgres?: PostgresOptions | undefined;
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  let db: Database;
  if (location.databaseUrl) db = await openPostgres(location.databaseUrl, location.postgres);
  else if (location.dataDir) db = await openPglite(location.dataDir);
  else throw new RangeError('the cloud database needs a PostgreSQL URL or a data folder');
  try {
    await migrate(db);
    // Folds the members of chains a migration left unfolded (010); needs the engine, not SQL.
    await foldPendingChains(db, Date.now());
    // Builds the projections of chains migration 013 left unbuilt, from their logs.
    await buildPendingProjections(db, Date.now());
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
