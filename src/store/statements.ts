/**
 * Prepared statements, compiled once per connection. Preparing a statement
 * costs more than running most of ours (a lookup by index runs in a few µs,
 * compiling it takes longer), and the hot paths (lookups, appendEvents, the
 * projections) run the same few statements over and over.
 */
import type Database from 'better-sqlite3';
import type { Db } from './db';
import { configMayHaveChanged } from './config-revision';
import { connectionOf } from './connection';

/** The statement for this SQL on this connection, prepared on first use. */
export function statement(db: Db, sql: string): Database.Statement {
  const statements = connectionOf(db).statements;
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

/**
 * The same, answering the first column only. Kept apart from `statement`
 * because pluck mode is a property of the statement object.
 */
export function pluckStatement(db: Db, sql: string): Database.Statement {
  const statements = connectionOf(db).statements;
  const key = `pluck:${sql}`;
  let prepared = statements.get(key);
  if (!prepared) {
    prepared = db.prepare(sql).pluck();
    statements.set(key, prepared);
  }
  return prepared;
}

/**
 * Run `work` in a transaction, like `db.transaction(work)()`, but with one
 * wrapper per connection: better-sqlite3 builds four wrapped functions for
 * every `db.transaction()` call, which costs about as much as the indexed read
 * inside a lookup.
 *
 * Inside a transaction already, `work` runs as part of it, not in a savepoint:
 * a savepoint makes SQLite copy each page the work changes to a sub-journal
 * first, which cost a sale a fifth of its work before the commit (its appendEvents
 * runs inside the command's transaction). So an error inside must end the
 * whole transaction: no caller catches one and goes on writing (none does).
 */
export function inTransaction<T>(db: Db, work: () => T): T {
  const connection = connectionOf(db);
  const run = (connection.transaction ??= db.transaction((w: () => unknown) => w()));
  try {
    return (db.inTransaction ? work() : run(work)) as T;
  } catch (error) {
    // Rolled back (or about to be): whatever was read and cached inside may be gone.
    configMayHaveChanged(db);
    throw error;
  }
}

/**
 * Run `work` in a savepoint inside the transaction under way (better-sqlite3
 * nests `db.transaction` that way), so an error undoes that work only and the
 * transaction goes on; outside one, `work` gets a transaction of its own. One
 * wrapper per connection, as for `inTransaction`.
 */
export function inSavepoint<T>(db: Db, work: () => T): T {
  const connection = connectionOf(db);
  const run = (connection.savepoint ??= db.transaction((w: () => unknown) => w()));
  try {
    return run(work) as T;
  } catch (error) {
    // Rolled back: whatever was read and cached inside may be gone.
    configMayHaveChanged(db);
    throw error;
  }
}
