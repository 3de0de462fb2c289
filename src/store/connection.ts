/**
 * Everything this process keeps for one open database, in one object that the
 * connection carries: prepared statements and the transaction wrappers, the
 * configuration revision and what is kept per revision, recently parsed
 * ledgers, this till's clock and the cloud's last word on the time, the
 * secret sealer, the checkpoint count. It lives and dies with the connection
 * (a second connection to the same file has its own), and nothing else in the
 * store keeps state per connection.
 *
 * `openDatabase` makes it; a connection opened some other way (a test, a
 * tool) gets one on first use.
 */
import type Database from 'better-sqlite3';
import type { Hlc } from '../core/hlc';
import type { MemberLedger } from '../core/member-types';
import type { Db } from './db';
import type { SecretSealer } from './secret-sealer';

type Wrapped = (work: () => unknown) => unknown;

export class Connection {
  /** Prepared statements by SQL (`statements.ts`). */
  readonly statements = new Map<string, Database.Statement>();
  /** The one `db.transaction` wrapper (`inTransaction`). */
  transaction: Wrapped | null = null;
  /** The wrapper that, called inside a transaction, runs its work in a savepoint (`inSavepoint`). */
  savepoint: Wrapped | null = null;
  /** Moves whenever the configuration may have changed (`config-revision.ts`). */
  configRevision = 0;
  /** Values derived from the configuration, by who derives them, with the revision they hold for. */
  readonly keptPerRevision = new Map<object, { revision: number; value: unknown }>();
  /** Recently parsed ledgers by member id, least recently used first (`ledger-cache.ts`). */
  ledgers = new Map<string, { hlc: string; ledger: MemberLedger }>();
  /** This till's clock as last read or written; undefined until read (`hlc-clock.ts`). */
  hlcLast: { encoded: string; decoded: Hlc } | null | undefined = undefined;
  /** The latest cloud time this till was told; undefined until read (`hlc-clock.ts`). */
  trustedMs: number | undefined = undefined;
  /** Seals secrets kept in the database, when the shell has a secret store (`secret-sealer.ts`). */
  sealer: SecretSealer | undefined = undefined;
  /** Writing commands since the last checkpoint, and whether one is on its way (`checkpoint.ts`). */
  writesSinceCheckpoint = 0;
  checkpointScheduled = false;

  constructor(readonly db: Db) {}
}

// Kept on the connection object itself, so the state goes with it and a lookup
// is one property read (the hot paths look up a statement several times a sale).
const CONNECTION = Symbol('lojal.connection');
type Carrying = Db & { [CONNECTION]?: Connection };

/** The connection's own state, made on first use. */
export function connectionOf(db: Db): Connection {
  const carrying = db as Carrying;
  return (carrying[CONNECTION] ??= new Connection(db));
}
