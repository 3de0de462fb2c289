/**
 * A counter per connection that moves whenever the programme row or the
 * catalogue may have changed: a save projected, a rebuild, a transaction rolled
 * back (which may undo a save). The service reads the programme on every
 * command and a product for every basket line; with this it keeps them parsed
 * until the counter moves instead of asking SQLite each time. It sees this connection's writes only: one process owns a till's
 * database (the service, with sync on the same connection).
 */
import type { Db } from './db';

const revisions = new WeakMap<Db, number>();

export function programmeRevision(db: Db): number {
  return revisions.get(db) ?? 0;
}

export function programmeMayHaveChanged(db: Db): void {
  revisions.set(db, programmeRevision(db) + 1);
}
