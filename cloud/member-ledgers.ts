/**
 * Each member's folded ledger, kept in `member_ledgers` (migration 010): the
 * same `src/core` fold as the till's. A push keeps it up to date in its
 * transaction, under the members' locks (cloud/members.ts `refreshMembers`);
 * this module reads and writes the rows, folds members from the log when a
 * ledger must be rebuilt, and rebuilds a whole chain (after migration 010, or
 * on demand) with rows identical to those the pushes kept.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isKnownEventType } from '../src/core/events';
import type { MemberEvent } from '../src/core/events';
import { applyMemberEventInPlace, flagFree, foldMember } from '../src/core/member';
import type { MemberLedger } from '../src/core/member-types';
import type { Database, Queryable } from './db/database';
import { EVENT_COLUMNS, envelopeOf } from './event-rows';
import type { EventRow } from './event-rows';

/** A stored member event as the engine reads it (validated when it was pushed, not again). */
export function storedMemberEvent(row: EventRow): MemberEvent {
  return envelopeOf(row) as unknown as MemberEvent;
}

/** A ledger as stored: its JSON, raw-deflated at the fastest level (a push writes many). */
export function encodeLedger(ledger: MemberLedger): Buffer {
  return deflateRawSync(JSON.stringify(ledger), { level: 1 });
}

/** A stored ledger (bytea: a Buffer from `pg`, a Uint8Array from PGlite) read back. */
export function decodeLedger(stored: Uint8Array): MemberLedger {
  return JSON.parse(inflateRawSync(stored).toString('utf8')) as MemberLedger;
}

/**
 * A row's tail as the events' JSON list, for a SELECT over `member_ledgers`
 * aliased `alias` (or unaliased: ''). The stored tail names its events by id
 * (migration 025; tails written before hold the events themselves); an empty
 * tail is read without a call.
 */
export function tailEventsSql(alias = ''): string {
  const col = (name: string) => (alias === '' ? name : `${alias}.${name}`);
  return `CASE WHEN ${col('tail')} = '[]' THEN '[]' ELSE member_tail_events(${col('chain_id')}, ${col('tail')}) END`;
}

/**
 * Events a row's tail holds at most before they are written into its ledger:
 * a push that finds a member's tail full reads and writes the ledger whole.
 */
export const TAIL_MAX = 8;

/** A stored row read back: the ledger with its tail applied, and the tail. */
export interface LedgerRow {
  ledger: MemberLedger;
  tail: MemberEvent[];
  /** The stored ledger without its tail (decodeLedger), for a refold from it. */
  stored: Uint8Array;
}

/** The row's ledger with its tail applied: each tail event was an incremental step when it came. */
function withTail(stored: Uint8Array, tailJson: string): LedgerRow {
  const ledger = decodeLedger(stored);
  const tail = JSON.parse(tailJson) as Array<MemberEvent | null>;
  // member_tail_events gives null for an id the log does not hold.
  if (tail.includes(null)) throw new Error('the tail names an event the log does not hold');
  for (const event of tail) applyMemberEventInPlace(ledger, event!);
  return { ledger, tail: tail as MemberEvent[], stored };
}

/** The stored row's ledger with its tail, or null when it does not read back (folded from the log instead). */
export function ledgerWithTail(stored: Uint8Array, tailJson: string): MemberLedger | null {
  try {
    return withTail(stored, tailJson).ledger;
  } catch {
    return null;
  }
}

/** These members folded from their rows in the log (src/core), as a push folds them; those without a fold are left out. */
export async function foldFromLog(
  db: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<MemberLedger[]> {
  if (memberIds.length === 0) return [];
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE chain_id = $1 AND member_id = ANY($2::text[])
      ORDER BY member_id, hlc, id`,
    [chainId, memberIds],
  );
  const byMember = new Map<string, EventRow[]>();
  for (const row of rows) {
    let list = byMember.get(row.member_id!);
    if (!list) byMember.set(row.member_id!, (list = []));
    list.push(row);
  }
  const ledgers: MemberLedger[] = [];
  for (const id of memberIds) {
    const ledger = foldRows(byMember.get(id) ?? []);
    if (ledger !== null) ledgers.push(ledger);
  }
  return ledgers;
}

/** The stored rows of these members (those that have one), each ledger a fresh copy the caller may change. */
export async function readLedgerRows(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Map<string, LedgerRow>> {
  const rows = new Map<string, LedgerRow>();
  if (memberIds.length === 0) return rows;
  const stored = await tx.query<{ member_id: string; ledger: Uint8Array; tail: string }>(
    `SELECT member_id, ledger, ${tailEventsSql()} AS tail FROM member_ledgers
      WHERE chain_id = $1 AND member_id = ANY($2::text[])`,
    [chainId, memberIds],
  );
  for (const row of stored) {
    try {
      rows.set(row.member_id, withTail(row.ledger, row.tail));
    } catch (error) {
      // A row the engine cannot read back: left out, so the push folds the member from the log.
      console.error(
        `lojal-cloud: the stored ledger of member ${row.member_id} does not read:`,
        error,
      );
    }
  }
  return rows;
}

/** What a push reads of a member's stored row before deciding whether it needs the ledger itself. */
export interface LedgerHead {
  /** The clock the row is folded to (tail included). */
  lastHlc: string;
  tailLength: number;
  /** The log holds an erasure of the member. */
  erased: boolean;
  /** The member has a conflict row (open or settled, flags or an identity clash). */
  conflicted: boolean;
  /** The ledger holds nothing a flag is made of (flagFree). */
  flagFree: boolean;
  /** The stores of the member's lookup row (null without one). */
  storeIds: string[] | null;
}

/** The heads of these members' stored rows (those that have one): no ledger inflated. */
export async function readLedgerHeads(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Map<string, LedgerHead>> {
  const heads = new Map<string, LedgerHead>();
  if (memberIds.length === 0) return heads;
  const rows = await tx.query<{
    member_id: string;
    last_hlc: string;
    tail_length: unknown;
    erased: boolean;
    conflicted: boolean;
    flag_free: boolean;
    store_ids: string[] | null;
  }>(
    `SELECT l.member_id, l.last_hlc, l.tail_length, l.flag_free,
            EXISTS (SELECT 1 FROM events e WHERE e.chain_id = l.chain_id
                      AND e.member_id = l.member_id AND e.type = 'member.erased') AS erased,
            EXISTS (SELECT 1 FROM conflicts c WHERE c.chain_id = l.chain_id
                      AND c.member_id = l.member_id) AS conflicted,
            m.store_ids
       FROM member_ledgers l
       LEFT JOIN members m ON m.chain_id = l.chain_id AND m.member_id = l.member_id
      WHERE l.chain_id = $1 AND l.member_id = ANY($2::text[])`,
    [chainId, memberIds],
  );
  for (const r of rows) {
    heads.set(r.member_id, {
      lastHlc: r.last_hlc,
      tailLength: Number(r.tail_length),
      erased: r.erased,
      conflicted: r.conflicted,
      flagFree: r.flag_free,
      storeIds: r.store_ids,
    });
  }
  return heads;
}

/**
 * Appends events to these members' tails in the database, the ledgers
 * neither read nor written: the text of each tail grows by the events' ids
 * (the events themselves are in `events`, stored just before).
 */
export async function appendToTails(
  tx: Queryable,
  chainId: string,
  appends: ReadonlyArray<{ memberId: string; events: readonly MemberEvent[]; lastHlc: string }>,
  now: number,
): Promise<void> {
  if (appends.length === 0) return;
  const rows = appends.map((a) => ({
    member_id: a.memberId,
    // The ids' JSON without the list's brackets: spliced into the stored list's text.
    events: a.events.map((e) => JSON.stringify(e.id)).join(','),
    count: a.events.length,
    last_hlc: a.lastHlc,
  }));
  await tx.query(
    `UPDATE member_ledgers m
        SET tail = CASE WHEN m.tail = '[]' THEN '[' || t.events || ']'
                        ELSE left(m.tail, -1) || ',' || t.events || ']' END,
            tail_length = m.tail_length + t.count, last_hlc = t.last_hlc, updated_at = $2
       FROM json_to_recordset($3::json) AS t(member_id text, events text, count integer, last_hlc text)
      WHERE m.chain_id = $1 AND m.member_id = t.member_id`,
    [chainId, now, JSON.stringify(rows)],
  );
}

/** The stored ledgers of these members (those that have one), each a fresh copy the caller may change. */
export async function readLedgers(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Map<string, MemberLedger>> {
  const rows = await readLedgerRows(tx, chainId, memberIds);
  return new Map([...rows].map(([memberId, row]) => [memberId, row.ledger]));
}

/** A chain's stored ledger as the snapshot and report readers get it. */
export interface StoredLedger {
  memberId: string;
  ledger: MemberLedger;
  /** ledger.lastHlc: the clock the ledger is folded to. */
  lastHlc: string;
}

/**
 * One page of the chain's ledgers in member id order, after `afterMemberId`
 * (null for the first page). The next page starts after the last one returned;
 * fewer than `limit` rows means there are no more.
 */
export async function chainLedgers(
  db: Queryable,
  chainId: string,
  afterMemberId: string | null,
  limit: number,
): Promise<StoredLedger[]> {
  const rows = await db.query<{
    member_id: string;
    ledger: Uint8Array;
    tail: string;
    last_hlc: string;
  }>(
    `SELECT member_id, ledger, ${tailEventsSql()} AS tail, last_hlc FROM member_ledgers
      WHERE chain_id = $1 AND ($2::text IS NULL OR member_id > $2)
      ORDER BY member_id LIMIT $3`,
    [chainId, afterMemberId, limit],
  );
  const read = rows.map((r) => ({
    memberId: r.member_id,
    ledger: ledgerWithTail(r.ledger, r.tail),
  }));
  // A row that does not read back: the member folded from the log, in its place in the page.
  const folded = new Map(
    (
      await foldFromLog(
        db,
        chainId,
        read.filter((r) => r.ledger === null).map((r) => r.memberId),
      )
    ).map((l) => [l.memberId, l]),
  );
  return read.flatMap(({ memberId, ledger }) => {
    const found = ledger ?? folded.get(memberId);
    return found ? [{ memberId, ledger: found, lastHlc: found.lastHlc }] : [];
  });
}

/** Stores these ledgers whole (inserted or replaced, tails emptied), one statement whatever their number. */
export async function writeLedgers(
  tx: Queryable,
  chainId: string,
  ledgers: readonly MemberLedger[],
  now: number,
): Promise<void> {
  if (ledgers.length === 0) return;
  await writeLedgerRows(tx, chainId, JSON.stringify(ledgers.map(ledgerRow)), now);
}

/** A ledger as writeLedgerRows takes it (its deflate is the costly part: the import makes these ahead). */
export function ledgerRow(ledger: MemberLedger) {
  return {
    member_id: ledger.memberId,
    ledger: encodeLedger(ledger).toString('base64'),
    flag_free: flagFree(ledger),
    last_hlc: ledger.lastHlc,
  };
}

/**
 * writeLedgers with its rows made already: a JSON list of ledgerRow.
 * `brandNew`: the caller knows no member of these has a row (the import's
 * new members), so a plain INSERT; a row met anyway fails the transaction.
 */
export async function writeLedgerRows(
  tx: Queryable,
  chainId: string,
  rowsJson: string,
  now: number,
  brandNew = false,
): Promise<void> {
  // One JSON text carries the rows: pg escapes every element of a text array by hand.
  await tx.query(
    `INSERT INTO member_ledgers (chain_id, member_id, ledger, tail, tail_length, flag_free, last_hlc, updated_at)
     SELECT $1, l.member_id, decode(l.ledger, 'base64'), '[]', 0, l.flag_free, l.last_hlc, $2
       FROM json_to_recordset($3::json) AS l(member_id text, ledger text, flag_free boolean, last_hlc text)
      ORDER BY l.member_id` +
      (brandNew
        ? ''
        : `
     ON CONFLICT (chain_id, member_id) DO UPDATE SET ledger = excluded.ledger,
       tail = excluded.tail, tail_length = 0, flag_free = excluded.flag_free, last_hlc = excluded.last_hlc,
       updated_at = excluded.updated_at`),
    [chainId, now, rowsJson],
  );
}

/**
 * Stores these members' new tails, as their events' ids (the stored ledger
 * unchanged: its bytes are not written again), with the clock the ledger now has.
 */
export async function writeTails(
  tx: Queryable,
  chainId: string,
  tails: ReadonlyArray<{ ledger: MemberLedger; tail: readonly MemberEvent[] }>,
  now: number,
): Promise<void> {
  if (tails.length === 0) return;
  // One JSON text, each tail a JSON value in it (not a string to escape again).
  const rows = tails.map((t) => ({
    member_id: t.ledger.memberId,
    tail: t.tail.map((e) => e.id),
    flag_free: flagFree(t.ledger),
    last_hlc: t.ledger.lastHlc,
  }));
  await tx.query(
    `UPDATE member_ledgers m SET tail = t.tail::text, tail_length = json_array_length(t.tail),
            flag_free = t.flag_free, last_hlc = t.last_hlc, updated_at = $2
       FROM json_to_recordset($3::json) AS t(member_id text, tail json, flag_free boolean, last_hlc text)
      WHERE m.chain_id = $1 AND m.member_id = t.member_id`,
    [chainId, now, JSON.stringify(rows)],
  );
}

/** Members without a ledger (no enrolment, or one the engine could not fold): refolded from the log next time. */
export async function dropLedgers(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.query('DELETE FROM member_ledgers WHERE chain_id = $1 AND member_id = ANY($2::text[])', [
    chainId,
    memberIds,
  ]);
}

/**
 * A member's ledger from its stored rows (oldest first), as every path folds
 * it: events of types this version does not know are passed on, never folded.
 * Null without an enrolment; throws when the engine cannot read the events.
 */
export function foldRows(rows: readonly EventRow[]): MemberLedger | null {
  return foldMember(rows.filter((row) => isKnownEventType(row.type)).map(storedMemberEvent));
}

/** Rows read per statement while rebuilding: a page of the log, not a chain's. */
const REBUILD_PAGE_ROWS = 20_000;

/**
 * Every ledger of the chain folded again from its log, replacing the stored
 * rows, in one transaction. A member the engine cannot fold gets no row, as in
 * a push. Run it while nothing pushes to the chain (the server's start, a
 * maintenance window): a push's ledger written meanwhile would be replaced.
 * Returns the number of ledgers written.
 */
export async function rebuildMemberLedgers(
  db: Database,
  chainId: string,
  now: number,
): Promise<number> {
  return db.transaction((tx) => rebuildChainIn(tx, chainId, now));
}

async function rebuildChainIn(tx: Queryable, chainId: string, now: number): Promise<number> {
  await tx.query('DELETE FROM member_ledgers WHERE chain_id = $1', [chainId]);
  let written = 0;
  await foldChainFromLog(tx, chainId, async (ledgers) => {
    await writeLedgers(tx, chainId, ledgers, now);
    written += ledgers.length;
  });
  return written;
}

/**
 * Every member of the chain folded from its log, a page of the log at a time,
 * each page's ledgers handed to `take` (members the engine cannot fold are
 * left out, as in a push). Shared by this rebuild and the projections' own
 * (cloud/projections/rebuild.ts).
 */
export async function foldChainFromLog(
  tx: Queryable,
  chainId: string,
  take: (ledgers: MemberLedger[]) => Promise<void>,
): Promise<void> {
  let pending: EventRow[] = [];
  let after: { memberId: string; seq: unknown } | null = null;
  const flush = async (groups: EventRow[][]) => {
    const ledgers: MemberLedger[] = [];
    for (const rows of groups) {
      try {
        const ledger = foldRows(rows);
        if (ledger) ledgers.push(ledger);
      } catch (error) {
        console.error(
          `lojal-cloud: member ${rows[0]!.member_id} of chain ${chainId} could not be folded:`,
          error,
        );
      }
    }
    await take(ledgers);
  };
  for (;;) {
    const page: EventRow[] = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events
        WHERE chain_id = $1 AND member_id IS NOT NULL
          AND ($2::text IS NULL OR (member_id, seq) > ($2::text, $3::bigint))
        ORDER BY member_id, seq LIMIT $4`,
      [chainId, after?.memberId ?? null, after?.seq ?? 0, REBUILD_PAGE_ROWS],
    );
    const rows = [...pending, ...page];
    const last = page.at(-1);
    const more = page.length === REBUILD_PAGE_ROWS;
    // The page's last member may go on in the next page: kept back until it is whole.
    const cut = more ? rows.findIndex((r) => r.member_id === last!.member_id) : rows.length;
    const groups: EventRow[][] = [];
    for (const row of rows.slice(0, cut)) {
      const group = groups.at(-1);
      if (group && group[0]!.member_id === row.member_id) group.push(row);
      else groups.push([row]);
    }
    await flush(groups);
    if (!more) return;
    pending = rows.slice(cut);
    after = { memberId: last!.member_id!, seq: last!.seq };
  }
}

/**
 * Chains whose ledgers migration 010 left to be folded (every chain that
 * existed then): folded now, each in its own transaction, the chain's mark
 * removed in the same one. Two servers starting at once fold each chain once
 * (the second waits on the mark's row and then finds it gone).
 */
export async function foldPendingChains(db: Database, now: number): Promise<string[]> {
  const pending = await db.query<{ chain_id: string }>(
    'SELECT chain_id FROM member_ledgers_pending ORDER BY chain_id',
  );
  const folded: string[] = [];
  for (const { chain_id: chainId } of pending) {
    await db.transaction(async (tx) => {
      const claimed = await tx.query(
        'DELETE FROM member_ledgers_pending WHERE chain_id = $1 RETURNING chain_id',
        [chainId],
      );
      if (claimed.length === 0) return;
      await rebuildChainIn(tx, chainId, now);
      folded.push(chainId);
    });
  }
  return folded;
}
