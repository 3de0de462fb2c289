/**
 * The projections (migration 013) kept by the push that stores the events, in
 * its transaction, right after the members' ledgers (cloud/members.ts
 * `refreshMembers`), under the same members' locks:
 *  - every sale, void and return stored now becomes a `sale_facts` booking;
 *  - a member whose ledger the push folded or applied gets `memberFactsOf`
 *    that ledger; its lots replaced, or, when the push read its stored
 *    ledger, only the lots that changed from that ledger's written;
 *  - a member whose plain sales joined the ledger's tail unread has its
 *    stored `member_facts` row moved on by `advanceMemberFacts` (no ledger
 *    read: the fast path stays fast), new lots added. Without a stored row, or
 *    when a sale's booking was not new (a duplicate sale id), the ledger (tail
 *    included) is read instead.
 * One statement per table per push whatever the number of members.
 */
import type { LojalEvent } from '../../src/core/events';
import {
  advanceMemberFacts,
  firstBooking,
  isSaleEvent,
  lotChanges,
  memberFactsOf,
  openLotsOf,
  saleBookingOf,
} from '../../src/core/projections';
import type { MemberFacts, SaleFact } from '../../src/core/projections';
import type { Queryable } from '../db/database';
import { readLedgers } from '../member-ledgers';
import type { RefreshedMembers } from '../members';
import {
  dropMemberFacts,
  membersWithFacts,
  projectionTimeZone,
  readMemberFacts,
  writeMemberFacts,
  writeSaleFacts,
} from './store';
import type { LotGone } from './store';

let enabled = true;

/**
 * Turns the projections' upkeep off or on for this process. ONLY the
 * benchmark (bench/sync.ts, `projection_apply_events_per_s`) turns it off, to
 * measure the push without it; the product always keeps it on.
 */
export function setProjectionsEnabledForBench(on: boolean): void {
  enabled = on;
}

/** The bookings of these events, one per key (the batch's first in clock order). */
export function bookingsOf(events: readonly LojalEvent[], timeZone: string): SaleFact[] {
  const byBooking = new Map<string, SaleFact>();
  for (const event of events) {
    if (!isSaleEvent(event)) continue;
    const fact = saleBookingOf(event, timeZone);
    const known = byBooking.get(fact.booking);
    byBooking.set(fact.booking, known ? firstBooking(known, fact) : fact);
  }
  return [...byBooking.values()];
}

/**
 * Brings the projections up to date with `stored` (the events of known types
 * stored now, members' and others') after refreshMembers did `refreshed`.
 */
export async function maintainProjections(
  tx: Queryable,
  chainId: string,
  stored: readonly LojalEvent[],
  refreshed: RefreshedMembers,
  now: number,
): Promise<void> {
  if (!enabled) return;
  const touchesMembers =
    refreshed.ledgers.length + refreshed.appended.length + refreshed.dropped.length > 0;
  if (!touchesMembers && !stored.some(isSaleEvent)) return;
  const timeZone = await projectionTimeZone(tx, chainId, now);
  const newBookings = await writeSaleFacts(tx, chainId, bookingsOf(stored, timeZone), now);
  if (!touchesMembers) return;

  const facts: MemberFacts[] = [];
  const replaceLots = new Set<string>();
  const lotsGone: LotGone[] = [];
  // A member whose stored ledger the push read: its stored lots are that ledger's open lots
  // (while its facts row is there), so only the lots that changed are written.
  const held = await membersWithFacts(
    tx,
    chainId,
    refreshed.ledgers.flatMap((l) => (refreshed.lotsBefore.has(l.memberId) ? [l.memberId] : [])),
  );
  for (const ledger of refreshed.ledgers) {
    const next = memberFactsOf(ledger, timeZone);
    const before = refreshed.lotsBefore.get(ledger.memberId);
    if (!before || !held.has(ledger.memberId)) {
      facts.push(next);
      replaceLots.add(next.memberId);
      continue;
    }
    const { write, gone } = lotChanges(openLotsOf(before, timeZone), next.openLots);
    facts.push({ ...next, openLots: write });
    for (const lotNo of gone) lotsGone.push({ memberId: next.memberId, lotNo });
  }
  const appendedIds = refreshed.appended.map((a) => a.memberId);
  const storedFacts = await readMemberFacts(tx, chainId, appendedIds, false);
  const fromLedger: string[] = [];
  for (const { memberId, events } of refreshed.appended) {
    const row = storedFacts.get(memberId);
    // Each a sale id booked for the first time now, once: the fold counts it as a new sale.
    const saleIds = new Set(
      events.map((e) => (e.type === 'sale.committed' ? e.payload.saleId : '')),
    );
    const fresh =
      saleIds.size === events.length &&
      events.every(
        (e) => e.type === 'sale.committed' && newBookings.has(`sale:${e.payload.saleId}`),
      );
    if (!row || !fresh) {
      fromLedger.push(memberId);
      continue;
    }
    // Only the lots this push adds are written: the stored ones stay as they are.
    let advanced: MemberFacts = { ...row, openLots: [] };
    for (const event of events)
      if (event.type === 'sale.committed') advanced = advanceMemberFacts(advanced, event, timeZone);
    facts.push(advanced);
  }
  if (fromLedger.length > 0) {
    const ledgers = await readLedgers(tx, chainId, fromLedger);
    for (const ledger of ledgers.values()) {
      facts.push(memberFactsOf(ledger, timeZone));
      replaceLots.add(ledger.memberId);
    }
  }
  await writeMemberFacts(tx, chainId, facts, replaceLots, now, lotsGone);
  await dropMemberFacts(tx, chainId, refreshed.dropped);
}
