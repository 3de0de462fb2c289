/**
 * The parsed ledgers of recently written members, so the till does not parse a
 * regular customer's whole history several times per sale. An entry is used
 * only while the member's row still has the clock it was cached at, so a
 * rolled-back transaction, a rebuild or another writer can never serve a stale
 * ledger: the check is one primary-key read of a short column.
 *
 * Cached ledgers are shared: callers must not change them (core functions
 * never do); the write path takes its entry out before changing it.
 */
import type { MemberLedger } from '../core/member-types';
import { connectionOf } from './connection';
import type { Db } from './db';

/** A till serves one customer at a time; a few dozen recent members is plenty. */
const MEMBERS_KEPT = 64;

function cacheOf(db: Db): Map<string, { hlc: string; ledger: MemberLedger }> {
  return connectionOf(db).ledgers;
}

export function cachedLedger(db: Db, memberId: string, rowHlc: string): MemberLedger | null {
  const cache = cacheOf(db);
  const entry = cache.get(memberId);
  if (!entry) return null;
  if (entry.hlc !== rowHlc) {
    cache.delete(memberId);
    return null;
  }
  // Most recently used last, so the oldest is the first to go.
  cache.delete(memberId);
  cache.set(memberId, entry);
  return entry.ledger;
}

export function keepLedger(db: Db, ledger: MemberLedger): void {
  const cache = cacheOf(db);
  cache.delete(ledger.memberId);
  cache.set(ledger.memberId, { hlc: ledger.lastHlc, ledger });
  if (cache.size > MEMBERS_KEPT) cache.delete(cache.keys().next().value!);
}

/** Take a member's ledger out of the cache (it is about to change, or may have). */
export function forgetLedger(db: Db, memberId: string): void {
  cacheOf(db).delete(memberId);
}

export function forgetAllLedgers(db: Db): void {
  connectionOf(db).ledgers = new Map();
}
