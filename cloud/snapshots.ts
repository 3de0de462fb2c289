/**
 * Snapshots for new tills (docs/architecture.md, "Sync"): each member's
 * ledger folded by the cloud with src/core over every event it holds (the
 * ledgers the pushes keep, cloud/member-ledgers.ts), the
 * chain's configuration events and the till's store's recent sales. The till
 * reads them in this order: events, then the head (its pull cursor), then the
 * members, so every event it stores from the snapshot, and every event up to
 * the cursor, is folded into the ledgers it gets; events after the cursor may
 * be too, which the till notices (their clock is not after the ledger's) and
 * answers by asking for that member's ledger again (`ids`).
 */
import { inflateRawSync } from 'node:zlib';
import { MAX_SNAPSHOT_LEDGER_BYTES, SALES_RETENTION_DAYS_DEFAULT } from '../src/sync/protocol';
import type { SnapshotEventsResponseBody, SnapshotHeadResponse } from '../src/sync/protocol';
import type { Queryable } from './db/database';
import { toInt } from './db/database';
import { EVENT_COLUMNS, envelopeOf } from './event-rows';
import { encodeLedger, foldFromLog, ledgerWithTail, tailEventsSql } from './member-ledgers';
import type { EventRow } from './event-rows';

const DAY_MS = 86_400_000;
/** `behind` is counted up to this: past it, the till takes a snapshot whatever the exact number. */
const BEHIND_COUNT_CAP = 1_000_000;

export async function salesRetentionDays(db: Queryable, chainId: string): Promise<number> {
  const [row] = await db.query<{ days: unknown }>(
    'SELECT sales_retention_days AS days FROM chains WHERE id = $1',
    [chainId],
  );
  return row ? toInt(row.days) : SALES_RETENTION_DAYS_DEFAULT;
}

/** The chain's setting (1–3660 days; the database refuses others). */
export async function setSalesRetentionDays(
  db: Queryable,
  chainId: string,
  days: number,
): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 3660)
    throw new RangeError('sales retention is 1 to 3660 days');
  await db.query('UPDATE chains SET sales_retention_days = $2 WHERE id = $1', [chainId, days]);
}

export async function snapshotHead(
  db: Queryable,
  chainId: string,
  after: string,
): Promise<SnapshotHeadResponse> {
  const [head] = await db.query<{ pos: unknown }>(
    'SELECT max(pos) AS pos FROM event_order WHERE chain_id = $1',
    [chainId],
  );
  const at = head?.pos === null || head?.pos === undefined ? '0' : String(toInt(head.pos));
  const [count] = await db.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM (SELECT 1 FROM event_order
        WHERE chain_id = $1 AND pos > $2 AND pos <= $3 LIMIT $4) behind`,
    [chainId, after, at, BEHIND_COUNT_CAP + 1],
  );
  return {
    at,
    behind: toInt(count?.n ?? 0),
    salesRetentionDays: await salesRetentionDays(db, chainId),
  };
}

/**
 * The members' ledgers now, as their JSON raw-deflated (SnapshotMember): the
 * cloud's folded ledgers (member_ledgers, kept by every push in its
 * transaction), and for a member without one yet (a chain still to be folded
 * after migrating) a fold of every event the cloud holds. The one place
 * snapshots get ledgers from. A stored ledger without a tail is sent as it is
 * stored, never inflated: a million of them are most of a new till's snapshot.
 */
export async function currentLedgersDeflated(
  db: Queryable,
  chainId: string,
  memberIds: readonly string[],
  /** The stored rows of these members, when the caller read them already. */
  rows?: ReadonlyArray<{ member_id: string; ledger: Uint8Array | null; tail: string | null }>,
): Promise<Array<{ memberId: string; deflated: Buffer }>> {
  rows ??=
    memberIds.length === 0
      ? []
      : await db.query<{ member_id: string; ledger: Uint8Array; tail: string }>(
          `SELECT member_id, ledger, ${tailEventsSql()} AS tail FROM member_ledgers
            WHERE chain_id = $1 AND member_id = ANY($2::text[])`,
          [chainId, memberIds],
        );
  const stored = new Map<string, Buffer>();
  for (const row of rows) {
    if (row.ledger === null || row.tail === null) continue;
    const deflated = deflatedWithTail(row.ledger, row.tail);
    // A row that does not read back is folded from the log below.
    if (deflated !== null) stored.set(row.member_id, deflated);
  }
  const missing = memberIds.filter((id) => !stored.has(id));
  for (const ledger of await foldFromLog(db, chainId, missing))
    stored.set(ledger.memberId, encodeLedger(ledger));
  const ledgers: Array<{ memberId: string; deflated: Buffer }> = [];
  for (const id of memberIds) {
    const deflated = stored.get(id);
    if (deflated !== undefined) ledgers.push({ memberId: id, deflated });
  }
  return ledgers;
}

/** A stored row's ledger deflated: as stored, or with its tail applied (as readLedgers reads it); null when it does not read back. */
function deflatedWithTail(stored: Uint8Array, tailJson: string): Buffer | null {
  if (tailJson === '[]') return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const ledger = ledgerWithTail(stored, tailJson);
  return ledger === null ? null : encodeLedger(ledger);
}

/** Raw DEFLATE expands at most about 1,032 times: a ledger this much shorter needs no inflating to know it fits. */
const DEFLATE_MAX_RATIO = 1100;

/**
 * True when a deflated ledger fits a till (SnapshotMember): its base64 and
 * its JSON at most `maxBytes`. Only the rare long one is inflated to tell.
 */
export function ledgerFits(deflated: Buffer, maxBytes: number): boolean {
  if (Math.ceil(deflated.length / 3) * 4 > maxBytes) return false;
  if (deflated.length * DEFLATE_MAX_RATIO <= maxBytes) return true;
  try {
    inflateRawSync(deflated, { maxOutputLength: maxBytes });
    return true;
  } catch {
    return false;
  }
}

/**
 * A page of the chain's members (by member id, after `after`), or exactly the
 * members `ids`: the response body, SnapshotMembersResponse as JSON text, each
 * stored ledger sent as it is stored (see SnapshotMember). A ledger over
 * `maxLedgerBytes` is left out and its member named in `tooLarge`: a till
 * refuses a page it cannot read, and one member must not stop every new till.
 */
export async function snapshotMembersBody(
  db: Queryable,
  chainId: string,
  query: { after: string; limit: number; ids?: readonly string[] },
  maxLedgerBytes = MAX_SNAPSHOT_LEDGER_BYTES,
): Promise<string> {
  let ids: string[];
  let more = false;
  let ledgers: Array<{ memberId: string; deflated: Buffer }>;
  if (query.ids !== undefined) {
    ids = [...new Set(query.ids)];
    ledgers = await currentLedgersDeflated(db, chainId, ids);
  } else {
    // The page's members with their stored ledgers in one query. The page
    // limited before the join: limited after it, PostgreSQL plans for the
    // chain's every member after `after` and starts parallel workers for each
    // page (hundreds of ms of a page's ~50 ms at a million members).
    const rows = await db.query<{
      member_id: string;
      ledger: Uint8Array | null;
      tail: string | null;
    }>(
      `SELECT m.member_id, l.ledger, ${tailEventsSql('l')} AS tail
         FROM (SELECT chain_id, member_id FROM members WHERE chain_id = $1 AND member_id > $2
                ORDER BY member_id LIMIT $3) m
         LEFT JOIN member_ledgers l ON l.chain_id = m.chain_id AND l.member_id = m.member_id
        ORDER BY m.member_id`,
      [chainId, query.after, query.limit + 1],
    );
    const page = rows.slice(0, query.limit);
    ids = page.map((r) => r.member_id);
    more = rows.length > query.limit;
    ledgers = await currentLedgersDeflated(db, chainId, ids, page);
  }
  // Base64 needs no escaping in a JSON string.
  const members: string[] = [];
  const tooLarge: string[] = [];
  for (const l of ledgers) {
    if (!ledgerFits(l.deflated, maxLedgerBytes)) tooLarge.push(l.memberId);
    else
      members.push(
        `{"memberId":${JSON.stringify(l.memberId)},"deflated":"${l.deflated.toString('base64')}"}`,
      );
  }
  const left = tooLarge.length === 0 ? '' : `,"tooLarge":${JSON.stringify(tooLarge)}`;
  return `{"members":[${members.join(',')}],"next":${JSON.stringify(ids.at(-1) ?? query.after)},"more":${more}${left}}`;
}

/**
 * The events a snapshot brings as events, in the order they were stored
 * (`after` is a row number, not a pull position): every event of the chain
 * without a member that is not a sale (programme, catalogue, staff, and types
 * this version does not know), and the sales, voids and returns of the till's
 * store within the chain's retention (receipts and returns at that till).
 */
export async function snapshotEvents(
  db: Queryable,
  chainId: string,
  storeId: string,
  query: { after: string; upTo: string; limit: number },
  now: number,
): Promise<SnapshotEventsResponseBody> {
  const days = await salesRetentionDays(db, chainId);
  const since = String(Math.max(0, now - days * DAY_MS)).padStart(15, '0');
  // By position in the chain's order, up to the head the till read first: a
  // push numbers its events as it commits, so every position up to that head
  // is committed and none can appear behind a page already sent. The events
  // are found by their indexes (migration 024), a few in a chain's millions,
  // then placed in the order: walking the order to find them reads every event.
  const rows = await db.query<EventRow & { pos: unknown }>(
    `WITH wanted AS MATERIALIZED (
       SELECT seq AS wanted_seq FROM events
        WHERE chain_id = $1 AND member_id IS NULL AND type NOT LIKE 'sale.%'
       UNION ALL
       SELECT seq FROM events
        WHERE chain_id = $1 AND store_id = $3 AND type LIKE 'sale.%' AND hlc >= $4)
     SELECT o.pos, ${EVENT_COLUMNS}
       FROM (SELECT pos, event_seq FROM wanted JOIN event_order ON event_seq = wanted_seq
              WHERE chain_id = $1 AND pos > $2 AND pos <= $6
              ORDER BY pos LIMIT $5) o
       JOIN events e ON e.seq = o.event_seq
      ORDER BY o.pos`,
    [chainId, query.after, storeId, since, query.limit + 1, query.upTo],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map(envelopeOf) as SnapshotEventsResponseBody['events'],
    next: last ? String(toInt(last.pos)) : query.after,
    more: rows.length > query.limit,
  };
}
