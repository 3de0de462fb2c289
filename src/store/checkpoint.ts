/**
 * WAL checkpoints after the answer, not inside a commit. SQLite checkpoints by
 * itself inside the COMMIT that takes the WAL past 1,000 pages, so every few
 * dozen sales one cashier waits milliseconds for pages other sales wrote. The
 * service asks for a checkpoint once a command that changed data has answered;
 * it runs when the event loop is next free. The automatic checkpoint stays on
 * as the safety net for writers that never ask (sync, tools, tests).
 */
import type { Db } from './db';

const scheduled = new WeakSet<Db>();

export function checkpointSoon(db: Db): void {
  if (scheduled.has(db)) return;
  scheduled.add(db);
  setImmediate(() => {
    scheduled.delete(db);
    if (!db.open || db.inTransaction) return;
    try {
      // PASSIVE never waits for other connections: what it cannot copy now waits for the next one.
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      console.warn('WAL checkpoint put off:', error);
    }
  });
}
