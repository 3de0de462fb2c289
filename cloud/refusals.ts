/**
 * Events the cloud refused from a till's push, and events tills reported they
 * quarantined on pull, kept for the chain's managers (`GET /v1/chain/refused`,
 * `npm run cloud -- list-refused`). A till sends a refused event again with
 * every push until it is dealt with: such repeats count up `times` on one row.
 */
import { isWellFormedText, LIMITS, toWellFormedText } from '../src/core/limits';
import type { RefusedEvent } from '../src/sync/protocol';
import type { Queryable } from './db/database';
import { toInt } from './db/database';

/** The refused event is kept as JSON text cut to this many characters. */
export const REFUSED_RAW_MAX_CHARS = 8 * 1024;

/**
 * At most this many refusals are kept per chain, the oldest going first: a
 * till (stolen, buggy) sending a flood of refused events fills no disk. Its
 * own refusals stay listed, which tells the managers which till to revoke.
 */
export const REFUSALS_KEPT_PER_CHAIN = 10_000;

export interface Refusal {
  source: RefusedEvent['source'];
  eventId: string | null;
  type: string | null;
  code: string;
  message: string;
  /** The event as sent (push only); kept as JSON text cut to REFUSED_RAW_MAX_CHARS. */
  raw?: unknown;
}

/** JSON text escapes NUL and lone surrogates, so what a till sent can always be kept. */
function rawText(raw: unknown): string | null {
  if (raw === undefined) return null;
  let json: string;
  try {
    json = JSON.stringify(raw) ?? 'null';
  } catch {
    return null;
  }
  return toWellFormedText(json, REFUSED_RAW_MAX_CHARS);
}

/**
 * The member an event names at its top level, when it can be read and is an
 * id the database takes (a refused event's may hold a NUL or a lone surrogate).
 */
function memberIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>).memberId;
  return typeof value === 'string' && value.length <= LIMITS.maxIdLength && isWellFormedText(value)
    ? value
    : null;
}

/**
 * An erasure reaches the kept refusals in its own transaction: the copy of
 * every refused event naming the member goes (the id, type, code and reason
 * stay), so no live row holds the member's phone or name. Matched on the
 * member id in the text, since the kept copy may be cut short and not parse.
 * (`purge-erased` then rewrites the files, old row versions included.)
 */
export async function dropRefusedCopiesOf(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  await tx.query(
    `UPDATE refused_events r SET raw = NULL
      WHERE r.chain_id = $1 AND r.raw IS NOT NULL
        AND EXISTS (SELECT 1 FROM unnest($2::text[]) AS m(id) WHERE strpos(r.raw, m.id) > 0)`,
    [chainId, memberIds],
  );
}

/** Members of the chain among these ids that are erased. */
async function erasedAmong(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx.query<{ member_id: string }>(
    'SELECT member_id FROM members WHERE chain_id = $1 AND member_id = ANY($2::text[]) AND erased',
    [chainId, memberIds],
  );
  return new Set(rows.map((r) => r.member_id));
}

/** Records refusals of one terminal (in the caller's transaction); repeats count up. */
export async function recordRefusals(
  tx: Queryable,
  who: { chainId: string; terminalId: string },
  refusals: readonly Refusal[],
  now: number,
  kept: number = REFUSALS_KEPT_PER_CHAIN,
): Promise<void> {
  if (refusals.length === 0) return;
  // A refused event of a member erased already is kept without its copy.
  const erased = await erasedAmong(tx, who.chainId, [
    ...new Set(refusals.map((r) => memberIdOf(r.raw)).filter((m) => m !== null)),
  ]);
  // One row per key even when a batch repeats one (the unique key would refuse a second in one statement).
  const rows = new Map<string, Refusal & { eventKey: string; code: string }>();
  for (const r of refusals) {
    const eventKey = toWellFormedText(r.eventId ?? '', LIMITS.maxIdLength);
    const code = toWellFormedText(r.code, LIMITS.maxIdLength);
    rows.set(`${r.source}\u001f${eventKey}\u001f${code}`, { ...r, eventKey, code });
  }
  const list = [...rows.values()].sort((a, b) =>
    a.source + a.eventKey + a.code < b.source + b.eventKey + b.code ? -1 : 1,
  );
  await tx.query(
    `INSERT INTO refused_events
       (chain_id, terminal_id, source, event_id, type, code, message, raw, first_at, last_at)
     SELECT $1, $2, r.source, r.event_id, r.type, r.code, r.message, r.raw, $3, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
            AS r(source, event_id, type, code, message, raw)
     ON CONFLICT (chain_id, terminal_id, source, event_id, code) DO UPDATE
       SET last_at = excluded.last_at, times = refused_events.times + 1,
           message = excluded.message, type = excluded.type, raw = excluded.raw`,
    [
      who.chainId,
      who.terminalId,
      now,
      list.map((r) => r.source),
      list.map((r) => r.eventKey),
      list.map((r) => (r.type === null ? null : toWellFormedText(r.type, LIMITS.maxIdLength))),
      list.map((r) => r.code),
      list.map((r) => toWellFormedText(r.message, LIMITS.maxTextLength)),
      list.map((r) => {
        const memberId = memberIdOf(r.raw);
        return memberId !== null && erased.has(memberId) ? null : rawText(r.raw);
      }),
    ],
  );
  await tx.query(
    `DELETE FROM refused_events WHERE chain_id = $1 AND seq <=
       (SELECT seq FROM refused_events WHERE chain_id = $1 ORDER BY seq DESC OFFSET $2 LIMIT 1)`,
    [who.chainId, kept],
  );
}

/** The chain's refusals, newest first; `before` pages on to older ones. */
export async function listRefused(
  db: Queryable,
  chainId: string,
  options: { before?: number; limit: number },
): Promise<{ refused: RefusedEvent[]; next: number | null }> {
  const rows = await db.query<{
    seq: unknown;
    terminal_id: string;
    terminal_name: string | null;
    source: RefusedEvent['source'];
    event_id: string;
    type: string | null;
    code: string;
    message: string;
    raw: string | null;
    first_at: unknown;
    last_at: unknown;
    times: unknown;
  }>(
    `SELECT r.seq, r.terminal_id, t.name AS terminal_name, r.source, r.event_id, r.type, r.code,
            r.message, r.raw, r.first_at, r.last_at, r.times
       FROM refused_events r LEFT JOIN terminals t ON t.id = r.terminal_id
      WHERE r.chain_id = $1 AND ($2::bigint IS NULL OR r.seq < $2)
      ORDER BY r.seq DESC LIMIT $3`,
    [chainId, options.before ?? null, options.limit + 1],
  );
  const page = rows.slice(0, options.limit);
  return {
    refused: page.map((r) => ({
      source: r.source,
      terminalId: r.terminal_id,
      terminalName: r.terminal_name,
      eventId: r.event_id === '' ? null : r.event_id,
      type: r.type,
      code: r.code,
      message: r.message,
      firstAt: toInt(r.first_at),
      lastAt: toInt(r.last_at),
      times: toInt(r.times),
      raw: r.raw,
    })),
    next: rows.length > options.limit ? toInt(page.at(-1)!.seq) : null,
  };
}

/**
 * The refusals of this terminal's events that have now landed (sent again
 * after their member's enrolment, or once the cloud could store them): taken
 * off the managers' list. Probes the refusals' unique index per id.
 */
export async function dropRefusalsOfLanded(
  tx: Queryable,
  who: { chainId: string; terminalId: string },
  eventIds: readonly string[],
): Promise<void> {
  await tx.query(
    `DELETE FROM refused_events
      WHERE chain_id = $1 AND terminal_id = $2 AND source = 'push' AND event_id = ANY($3::text[])`,
    [who.chainId, who.terminalId, eventIds],
  );
}
