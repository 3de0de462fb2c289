/**
 * A counter per connection that moves whenever the chain's configuration (the
 * programme row or the catalogue) may have changed: a save projected, a
 * rebuild, a transaction rolled back (which may undo a save). The service reads
 * the programme on every command and a product for every basket line; with this
 * they stay parsed until the counter moves instead of being read from SQLite
 * each time. It sees this connection's writes only: one process owns a till's
 * database (the service, with sync on the same connection).
 */
import type { Db } from './db';

const revisions = new WeakMap<Db, number>();

function configRevision(db: Db): number {
  return revisions.get(db) ?? 0;
}

export function configMayHaveChanged(db: Db): void {
  revisions.set(db, configRevision(db) + 1);
}

/** A value derived from the configuration, made once per connection and revision. */
export function keptPerRevision<T>(make: (db: Db) => T): (db: Db) => T {
  const kept = new WeakMap<Db, { revision: number; value: T }>();
  return (db) => {
    const revision = configRevision(db);
    const entry = kept.get(db);
    if (entry?.revision === revision) return entry.value;
    const value = make(db);
    kept.set(db, { revision, value });
    return value;
  };
}
