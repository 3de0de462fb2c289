/**
 * One command = one transaction: everything it wrote is kept, or (when it throws)
 * nothing is. Notifications it queued go out only after the commit, so no
 * subscriber ever hears of a change that was rolled back.
 */
import { checkpointSoon, inTransaction } from '../store';
import type { Db } from '../store';
import type { Notification } from './types';

export function unitOfWork<T>(
  db: Db,
  body: (notifyAfterCommit: (n: Notification) => void) => T,
  notify: (n: Notification) => void,
): T {
  const pending: Notification[] = [];
  const result = inTransaction(db, () => body((n) => pending.push(n)));
  for (const n of pending) notify(n);
  // A command that changed data wrote WAL pages: fold them into the database
  // file once this answer is out, rather than inside some later sale's commit.
  if (pending.some((n) => n.type === 'data')) checkpointSoon(db);
  return result;
}
