/**
 * WAL checkpoints after the answer, not inside a commit. SQLite checkpoints by
 * itself inside the COMMIT that takes the WAL past 1,000 pages, so every few
 * dozen sales one cashier waits milliseconds for pages other sales wrote. The
 * service tells the store each time a command that changed data has answered;
 * every CHECKPOINT_EVERY such commands a checkpoint runs when the event loop is
 * next free, well before the automatic one would (a sale writes 12–22 pages),
 * and without an extra fsync after every sale. The automatic checkpoint stays
 * on as the safety net for writers that never ask (sync, tools, tests).
 */
import { connectionOf } from './connection';
import type { Db } from './db';

export const CHECKPOINT_EVERY = 16;

export function checkpointSoon(db: Db, every = CHECKPOINT_EVERY): void {
  const connection = connectionOf(db);
  const count = connection.writesSinceCheckpoint + 1;
  if (count < every || connection.checkpointScheduled) {
    connection.writesSinceCheckpoint = count;
    return;
  }
  connection.writesSinceCheckpoint = 0;
  connection.checkpointScheduled = true;
  setImmediate(() => {
    connection.checkpointScheduled = false;
    if (!db.open || db.inTransaction) return;
    try {
      // PASSIVE never waits for other connections: what it cannot copy now waits for the next one.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      console.warn('WAL checkpoint put off:', error);
    }
  });
}
