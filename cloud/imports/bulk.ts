/**
 * The import's own write of new members (cloud/imports/run.ts): what
 * appendEvents does for a till's push, for events that only enrol members the
 * chain has never held (and their consents), without its reads. The members
 * are new, so there is no stored ledger, tail, erasure or earlier row to read:
 * each ledger is the same `src/core` fold of the events in hand, and every
 * table is written by one set-based statement per chunk —
 *  - the event rows (multi-row INSERT from one JSON text, insert-if-absent),
 *  - the ledgers (`writeLedgers`), lookup rows and conflicts (`indexMembers`),
 *  - the projections (`memberFactsOf` the same ledgers, `writeMemberFacts`),
 *  - then, under the chain's lock, the events' positions in the chain's order
 *    and the chain's newest clock, as appendEvents numbers them.
 * The rows are made in JS first (newMembersRows: the import makes the next
 * chunk's while this one's statements run), then written (writeNewMembers).
 * The rows equal those appendEvents or a rebuild from the log would write
 * (bulk.test.ts compares them).
 */
import type { MemberEvent } from '../../src/core/events';
import { foldMember } from '../../src/core/member';
import type { MemberLedger } from '../../src/core/member-types';
import type { Programme } from '../../src/core/programme';
import { memberFactsOf } from '../../src/core/projections';
import type { MemberFacts } from '../../src/core/projections';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { lockChain } from '../event-rows';
import { ledgerRow, writeLedgerRows } from '../member-ledgers';
import { memberIndexRows, storeMemberIndex } from '../members';
import type { MemberIndexRow } from '../members';
import { programmeInForce } from '../programme';
import { memberFactsRows, projectionTimeZone, writeMemberFactsRows } from '../projections/store';
import type { MemberFactsRows } from '../projections/store';

/** What the rows are made with, read in the transaction: the programme flags are judged by, the projections' time zone. */
export interface NewMembersBasis {
  programme: Programme;
  timeZone: string;
}

export async function newMembersBasis(
  tx: Queryable,
  chainId: string,
  now: number,
): Promise<NewMembersBasis> {
  return {
    programme: await programmeInForce(tx, chainId, { storeId: null, now }),
    timeZone: await projectionTimeZone(tx, chainId, now),
  };
}

/** The rows of the events' members, made in JS before anything is written (writeNewMembers writes them). */
export interface NewMembersRows {
  events: readonly MemberEvent[];
  /** insertEvents' JSON. */
  eventRows: string;
  /** writeLedgerRows' JSON. */
  ledgers: string;
  index: MemberIndexRow[];
  facts: MemberFactsRows;
  memberIds: string[];
}

/** Members whose rows are made between two pauses, when made ahead beside another chunk's statements. */
const MEMBERS_PER_SLICE = 25;

/**
 * The rows of new members from their events. `pause`, when given, is awaited
 * between slices of members: the import makes a chunk's rows while the
 * previous chunk's statements run, and their answers must not wait long.
 */
export async function newMembersRows(
  chainId: string,
  events: readonly MemberEvent[],
  basis: NewMembersBasis,
  now: number,
  pause?: () => Promise<void>,
): Promise<NewMembersRows> {
  const byMember = new Map<string, MemberEvent[]>();
  for (const event of events) {
    const list = byMember.get(event.memberId!) ?? [];
    list.push(event);
    byMember.set(event.memberId!, list);
  }
  const ledgers: MemberLedger[] = [];
  const ledgerRows: Array<ReturnType<typeof ledgerRow>> = [];
  const index: MemberIndexRow[] = [];
  const facts: MemberFacts[] = [];
  let sliced = 0;
  for (const memberEvents of byMember.values()) {
    const ledger = foldMember(memberEvents);
    if (!ledger) continue;
    ledgers.push(ledger);
    ledgerRows.push(ledgerRow(ledger));
    index.push(...memberIndexRows(chainId, basis.programme, [ledger], now));
    facts.push(memberFactsOf(ledger, basis.timeZone));
    if (pause && ++sliced % MEMBERS_PER_SLICE === 0) await pause();
  }
  return {
    events,
    eventRows: eventRows(events),
    ledgers: JSON.stringify(ledgerRows),
    index,
    facts: memberFactsRows(facts),
    memberIds: ledgers.map((l) => l.memberId),
  };
}

/**
 * Stores events of members new to the chain (each member's enrolment among
 * them) and everything kept beside the log for them, from rows made already
 * from `basis` as read in this transaction. Call inside a transaction, after
 * lockNewIdentities (cloud/members.ts) and a search for the phones' holders.
 * Returns the ids stored now (an id stored before is skipped, and its member
 * is not written again).
 */
export async function writeNewMembers(
  tx: Queryable,
  chainId: string,
  rows: NewMembersRows,
  basis: NewMembersBasis,
  now: number,
): Promise<string[]> {
  if (rows.events.length === 0) return [];
  const inserted = await insertEvents(tx, chainId, rows.eventRows, now);
  let ready = rows;
  if (inserted.size < rows.events.length) {
    // Some were stored before: only the members of those stored now are written.
    const stored = rows.events.filter((e) => inserted.has(e.id));
    if (stored.length === 0) return [];
    ready = await newMembersRows(chainId, stored, basis, now);
  }
  const stored = ready.events;
  if (ready.memberIds.length > 0) {
    // Plain INSERTs (no upsert, no lots to replace): a member written here has
    // none of these rows. Its events were all stored now (insertEvents skips
    // those stored before), and its ledger, lookup row and facts are only ever
    // written in the transaction that stores its enrolment; a member's events
    // (one CSV row's) are in one chunk, one transaction, so a retried chunk
    // meets either all of a member's events (skipped, nothing written) or none.
    // No till can hold these ids: they derive from the random upload id. A row
    // met anyway fails the transaction rather than being overwritten.
    await writeLedgerRows(tx, chainId, ready.ledgers, now, true);
    // A lookup row is made from stored events only: members whose every event is new have none.
    await storeMemberIndex(tx, chainId, ready.index, now, true);
    await writeMemberFactsRows(tx, chainId, ready.facts, new Set(), now, [], true);
  }

  await lockChain(tx, chainId);
  await tx.query(
    `INSERT INTO event_order (chain_id, event_seq)
     SELECT $1, s.seq FROM unnest($2::bigint[]) WITH ORDINALITY AS s(seq, ord) ORDER BY s.ord`,
    [chainId, stored.map((e) => inserted.get(e.id)!)],
  );
  let newest = stored[0]!.hlc;
  for (const e of stored) if (e.hlc > newest) newest = e.hlc;
  await tx.query(
    'UPDATE chains SET max_hlc = $2 WHERE id = $1 AND (max_hlc IS NULL OR max_hlc < $2)',
    [chainId, newest],
  );
  return stored.map((e) => e.id);
}

/** insertEvents' rows: one JSON text, each payload a JSON value in it (not a string escaped again). */
function eventRows(events: readonly MemberEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      id: e.id,
      store_id: e.storeId,
      terminal_id: e.terminalId,
      hlc: e.hlc,
      type: e.type,
      member_id: e.memberId,
      schema_version: e.schemaVersion,
      payload: e.payload,
    })),
  );
}

/** One multi-row insert, in id order (as a push's); the rows stored now with their seq. */
async function insertEvents(
  tx: Queryable,
  chainId: string,
  rowsJson: string,
  now: number,
): Promise<Map<string, number>> {
  const rows = await tx.query<{ seq: unknown; id: string }>(
    `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
     SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload, false, $2
       FROM json_to_recordset($3::json)
         AS e(id text, store_id text, terminal_id text, hlc text, type text, member_id text,
              schema_version integer, payload jsonb)
      ORDER BY e.id
     ON CONFLICT (chain_id, id) DO NOTHING
     RETURNING seq, id`,
    [chainId, now, rowsJson],
  );
  return new Map(rows.map((r) => [r.id, toInt(r.seq)]));
}
