/** A real PostgreSQL through a `pg` pool (`DATABASE_URL`). */
import pg from 'pg';
import type { Database, Queryable, Row } from './database';
import { DatabaseBusyError } from './database';

export interface PostgresOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** How long a request waits for a free connection before it is answered 503 (default 5 s). */
  connectionTimeoutMs?: number;
  /** How long a statement waits for a lock (a chain's, a member's, a row) before 503 (default 5 s). */
  lockTimeoutMs?: number;
}

/** SQLSTATEs that mean "not now": the work was rolled back and may be tried again. */
const BUSY_STATES: Record<string, string> = {
  '55P03': 'a lock was not granted in time',
  '40P01': 'a deadlock was broken',
  '40001': 'a serialization failure',
  '53300': 'the database has too many connections',
  '57014': 'a statement was cancelled',
};
const GONE_STATES = /^(08|57P0[1-3])/;
const GONE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

/** The error as a DatabaseBusyError when it means "try again later"; otherwise as it was. */
function classifyPostgresError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof DatabaseBusyError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code in BUSY_STATES) {
    return new DatabaseBusyError(`the cloud database is busy (${BUSY_STATES[code]})`, 1, {
      cause: error,
    });
  }
  if (
    (typeof code === 'string' && (GONE_STATES.test(code) || GONE_CODES.has(code))) ||
    /Connection terminated/i.test(error.message)
  ) {
    return new DatabaseBusyError('the cloud database does not answer', 5, { cause: error });
  }
  return error;
}

function wrap(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
    async execScript(sql: string) {
      // Without parameters pg uses the simple protocol, which runs several statements.
      await target.query(sql);
    },
  };
}

export async function openPostgres(
  connectionString: string,
  options: PostgresOptions = {},
): Promise<Database> {
  const max = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    lock_timeout: options.lockTimeoutMs ?? 5_000,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', (error) =>
    console.error('lojal-cloud: idle database connection failed:', error.message),
  );
  // Fail at start, not on the first request, when the server is unreachable.
  const probe = await pool.connect();
  probe.release();

  async function connect(): Promise<pg.PoolClient> {
    try {
      return await pool.connect();
    } catch (error) {
      if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) {
        throw new DatabaseBusyError(
          `the cloud database is busy (all ${max} connections in use)`,
          1,
          { cause: error },
        );
      }
      throw classifyPostgresError(error);
    }
  }

  /** A statement or script outside a transaction, on a client of its own given back after. */
  async function onClient<T>(work: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await connect();
    try {
      return await work(wrap(client));
    } catch (error) {
      throw classifyPostgresError(error);
    } finally {
      client.release();
    }
  }

  return {
    kind: 'postgres',
    query: (sql, params) => onClient((client) => client.query(sql, params)),
    execScript: (sql) => onClient((client) => client.execScript(sql)),
    async transaction(work) {
      const client = await connect();
      // A client whose ROLLBACK failed is in an unknown state: destroy it, never reuse it.
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw classifyPostgresError(error);
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
