/**
 * A counter per connection that moves whenever the chain's configuration (the
 * programme row or the catalogue) may have changed: a save projected, a
 * rebuild, a transaction rolled back (which may undo a save). The service reads
 * the programme on every command and a product for every basket line; with this
 * they stay parsed until the counter moves instead of being read from SQLite
 * each time. It sees this connection's writes only: one process owns a till's
 * database (the service, with sync on the same connection).
 */
import { connectionOf } from './connection';
import type { Db } from './db';

export function configMayHaveChanged(db: Db): void {
  connectionOf(db).configRevision += 1;
}

/** A value derived from the configuration, made once per connection and revision. */
export function keptPerRevision<T>(make: (db: Db) => T): (db: Db) => T {
  // The connection keeps each derived value under this key (one per keptPerRevision call).
  const key = {};
  return (db) => {
    const connection = connectionOf(db);
    const revision = connection.configRevision;
    const entry = connection.keptPerRevision.get(key);
    if (entry?.revision === revision) return entry.value as T;
    const value = make(db);
    connection.keptPerRevision.set(key, { revision, value });
    return value;
  };
}
