/**
 * The PostgreSQL the cloud tests run against when one answers (DATABASE_URL,
 * or the machine's own at 127.0.0.1:5432), a schema of its own per server,
 * removed afterwards. Without a test runner's imports, so the Playwright specs
 * take it too (databases.ts adds PGlite and vitest's describe).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface DatabaseInstance {
  /** Options for `startCloudServer` / `openDatabase`. */
  location: { databaseUrl?: string; dataDir?: string };
  /** Removes the database; call after the server is closed. */
  drop(): Promise<void>;
}

export interface DatabaseTarget {
  label: string;
  /** Null when the target can run; otherwise why it is skipped. */
  skipReason: string | null;
  create(): Promise<DatabaseInstance>;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

/** The URL without its password, for test names and messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

async function reachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema of its own per server, chosen through the connection's search_path. */
export async function postgresTarget(): Promise<DatabaseTarget> {
  const baseUrl = process.env.DATABASE_URL || LOCAL_POSTGRES;
  const problem = await reachable(baseUrl);
  return {
    label: 'PostgreSQL',
    skipReason:
      problem === null ? null : `no PostgreSQL reachable at ${shown(baseUrl)} (${problem})`,
    async create() {
      const schema = `lojal_cloud_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA ${schema}`);
      } finally {
        await admin.end();
      }
      const url = new URL(baseUrl);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        location: { databaseUrl: url.toString() },
        async drop() {
          const client = new pg.Client({ connectionString: baseUrl });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await client.end();
          }
        },
      };
    },
  };
}
