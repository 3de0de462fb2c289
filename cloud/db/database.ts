/**
 * The cloud's one door to SQL. Two implementations run the same statements:
 * PGlite (embedded PostgreSQL in a data folder, nothing to install) and a real
 * PostgreSQL through a `pg` pool. Only what both speak is used here.
 */
export type DatabaseKind = 'pglite' | 'postgres';

/** A row as the caller's SQL shapes it; int8 columns arrive as number or string (normalise with `toInt`). */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement with `$1`-style parameters. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Commits when `work` resolves, rolls back when it throws. Never nest. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** int8 and numeric come back as strings from `pg` and as numbers from PGlite. */
export function toInt(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new TypeError(`expected an integer from the database, got ${String(value)}`);
  }
  return n;
}

/**
 * The database cannot take this request now (every connection busy, a lock
 * not granted in time, a deadlock broken, the server restarting or gone).
 * Nothing was changed; the request may be sent again after `retryAfterSeconds`.
 * The HTTP layer answers 503 with `retry-after`, never 500.
 */
export class DatabaseBusyError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseBusyError';
  }
}
