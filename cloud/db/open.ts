/** Opens the cloud database (PostgreSQL when a URL is given, PGlite otherwise) and migrates it. */
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseLocation {
  /** A PostgreSQL connection string; when set, `dataDir` is not used. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder. */
  dataDir: string;
}

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  const db = location.databaseUrl
    ? await openPostgres(location.databaseUrl)
    : await openPglite(location.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
