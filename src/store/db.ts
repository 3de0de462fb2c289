/** Opening the till's SQLite file: durable settings first, then the schema. */
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { connectionOf } from './connection';
import { createPrivateFile, privateFiles } from './file-modes';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';

export type Db = Database.Database;

declare const READ_ONLY: unique symbol;
/**
 * The connection as a reading command holds it: no methods of its own, so it
 * can only be handed to the store functions that declare they read (they take
 * `Readable`); a write, or a store function that writes, does not compile.
 * At run time it is the same connection.
 */
export interface ReadDb {
  readonly [READ_ONLY]: true;
}

/** What a reading store function takes: the full connection or the read-only handle. */
export type Readable = Db | ReadDb;

/** Inside a reading store function: the connection behind the handle. */
export function reading(db: Readable): Db {
  return db as Db;
}

/** For the service: the read-only handle to give a reading command. */
export function readOnly(db: Db): ReadDb {
  return db as unknown as ReadDb;
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `this database has schema version ${found} but this app reads up to ${supported}: ` +
        'update Lojal on this till before opening it (the data is untouched)',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface OpenedDatabase {
  db: Db;
  /** The schema version the file had before this open (0 = a new database). */
  previousVersion: number;
}

/** The database file and the two SQLite keeps beside it in WAL mode. */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

/**
 * Open (and create or migrate) the database. WAL with synchronous=FULL, so a
 * committed transaction is on disk before the call returns: a sale survives a
 * power cut right after "committed".
 *
 * The file is created 600 (SQLite gives its -wal and -shm the same mode), and
 * an existing one loses any group or others' bits. secure_delete overwrites
 * what a deletion or an erasure's update frees, so an erased member's phone
 * and name do not stay readable in free pages.
 */
export function openDatabase(path: string): OpenedDatabase {
  createPrivateFile(path);
  privateFiles(databaseFiles(path), dirname(path));
  const db = new Database(path);
  try {
    // Refuse a newer file before anything (even the journal mode) is written to it.
    const found = schemaVersion(db);
    if (found > LATEST_SCHEMA_VERSION) throw new DatabaseTooNewError(found, LATEST_SCHEMA_VERSION);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('secure_delete = ON');
    const previousVersion = migrate(db);
    // The connection's own state (statements, caches, clock) starts with it.
    connectionOf(db);
    return { db, previousVersion };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Apply the migrations the file has not seen yet; each in its own transaction. */
export function migrate(db: Db, upTo = LATEST_SCHEMA_VERSION): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_SCHEMA_VERSION)
    throw new DatabaseTooNewError(current, LATEST_SCHEMA_VERSION);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      // user_version takes no bound parameters; the value is our own integer.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return current;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
