/**
 * The chain's event log in the server's own order. Push stores each event id
 * once per chain (insert-if-absent, so a retried batch is harmless) and gives it
 * the chain's next position; pull hands out the chain's events after a cursor.
 *
 * A push does its heavy work first, holding only the locks of the members it
 * touches: it stores the event rows and brings those members' folded ledgers,
 * lookup index and conflicts up to date (from their stored ledgers, not their
 * histories). Then it takes the chain's lock, numbers its events in
 * `event_order` and commits. Positions therefore become visible in order (a
 * puller's cursor never skips an event that commits late), while the chain's
 * lock is held for a few small inserts and the commit.
 */
import {
  clockProblem,
  eventBytes,
  isMemberEvent,
  maxEventBytesFor,
  parseWireEvent,
} from '../src/core/events';
import type { ForeignEvent, LojalEvent, MemberEvent, WireEvent } from '../src/core/events';
import { findJsonProblem, LIMITS } from '../src/core/limits';
import { redactForErasure, redactForeignForErasure } from '../src/core/member';
import type { Programme } from '../src/core/programme';
import type { PullResponseBody, PushResponse, RejectCode } from '../src/sync/protocol';
import type { Credential } from './chains';
import type { Database, Queryable } from './db/database';
import { toInt } from './db/database';
import { EVENT_COLUMNS, envelopeOf, lockChain, lockMembers, lockStaff } from './event-rows';
import type { EventRow } from './event-rows';
import { readMemberState, refreshMembers } from './members';
import type { MemberState } from './members';
import { programmeInForce } from './programme';
import { maintainProjections } from './projections/maintain';
import { dropRefusalsOfLanded, dropRefusedCopiesOf, recordRefusals } from './refusals';

type TerminalCredential = Extract<Credential, { role: 'terminal' }>;

interface Rejection {
  id: string | null;
  code: RejectCode;
  message: string;
  field: string | null;
}

type Checked = { ok: true; wire: WireEvent } | ({ ok: false } & Rejection);

function rawField(raw: unknown, name: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[name];
  return typeof value === 'string' ? value.slice(0, LIMITS.maxIdLength) : null;
}

/** The first zod issue as `field: message`, and the field; other errors as their message. */
function describeParseFailure(error: unknown): { message: string; field: string | null } {
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues) && issues.length > 0) {
    const first = issues[0] as { path?: unknown; message?: unknown };
    const path = Array.isArray(first.path) ? first.path.map(String).join('.') : '';
    return { message: `${path || 'event'}: ${String(first.message)}`, field: path || null };
  }
  return { message: error instanceof Error ? error.message : 'invalid event', field: null };
}

function refuse(
  id: string | null,
  code: RejectCode,
  message: string,
  field: string | null = null,
): Checked {
  return { ok: false, id, code, message, field };
}

/**
 * What a till could have written, checked without the database: its size, text
 * and numbers anywhere in it (unknown fields included), its schema, its
 * terminal, store and chain, and its clock against the server's.
 */
function checkEvent(raw: unknown, who: TerminalCredential, now: number): Checked {
  const id = rawField(raw, 'id');
  const limit = maxEventBytesFor(rawField(raw, 'type'));
  const bytes = eventBytes(raw);
  if (bytes > limit) {
    return refuse(id, 'event_too_large', `the event is ${bytes} bytes; at most ${limit} are taken`);
  }
  const problem = findJsonProblem(raw);
  if (problem) {
    return refuse(
      id,
      problem.code === 'malformed_text' ? 'invalid_text' : 'invalid_event',
      problem.message,
      problem.path || null,
    );
  }
  let wire: WireEvent;
  try {
    // Weighed and walked just above: the parse only reads the schema.
    wire = parseWireEvent(raw, { sizeAndJsonChecked: true });
  } catch (error) {
    const failure = describeParseFailure(error);
    return refuse(id, 'invalid_event', failure.message, failure.field);
  }
  const event = wire.event;
  // A merge moves balances between members: only the back office writes one (cloud/backoffice/handlers/merge.ts).
  if (event.type === 'member.merged' || event.type === 'member.absorbed') {
    return refuse(id, 'invalid_event', 'type: members are merged in the back office only', 'type');
  }
  if (event.chainId !== who.chainId) {
    return refuse(id, 'wrong_chain', "the event's chainId is not this terminal's chain", 'chainId');
  }
  if (event.storeId !== who.storeId) {
    return refuse(id, 'wrong_store', "the event's storeId is not this terminal's store", 'storeId');
  }
  if (event.terminalId !== who.terminalId) {
    return refuse(
      id,
      'wrong_terminal',
      'a terminal pushes only the events it wrote itself',
      'terminalId',
    );
  }
  const clock = clockProblem(event.hlc, now);
  if (clock === 'ahead') {
    return refuse(
      id,
      'clock_ahead',
      `the event's clock is more than ${LIMITS.maxClockAheadMs / 3_600_000} h ahead of the cloud's; check the till's date and time`,
      'hlc',
    );
  }
  if (clock === 'invalid') {
    return refuse(
      id,
      'invalid_event',
      'hlc: the clock does not decode or its counter leaves no room',
      'hlc',
    );
  }
  const at = (event.payload as { at?: unknown } | null)?.at;
  if (wire.known && typeof at === 'number' && at > now + LIMITS.maxClockAheadMs) {
    return refuse(
      id,
      'clock_ahead',
      `payload.at is more than ${LIMITS.maxClockAheadMs / 3_600_000} h ahead of the cloud's clock`,
      'payload.at',
    );
  }
  return { ok: true, wire };
}

/** last_seen_at is kept to within this much, so most requests do not write the terminal's row. */
const LAST_SEEN_RESOLUTION_MS = 10_000;

/** A terminal was heard from (a push or a pull): `list-terminals` shows when it last was. */
export async function noteTerminalSeen(db: Queryable, terminalId: string, now: number) {
  await db.query(
    'UPDATE terminals SET last_seen_at = $1 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)',
    [now, terminalId, now - LAST_SEEN_RESOLUTION_MS],
  );
}

/** The most points one manual adjustment may move in this chain. */
function manualAdjustmentCap(programme: Programme): number {
  return Math.min(
    LIMITS.maxPointsAdjustment,
    programme.points?.maxManualAdjustment ?? LIMITS.maxPointsAdjustment,
  );
}

/**
 * Checks of the events that passed `checkEvent` against what the chain holds,
 * in batch order: a member event only for a member the chain has seen enrolled
 * (stored, or earlier in this batch), a manual adjustment within the
 * programme's cap. Reads nothing beyond what the push reads anyway.
 */
function checkAgainstChain(
  candidates: ReadonlyArray<{ index: number; wire: WireEvent }>,
  state: MemberState,
  programme: () => Programme,
  staff: ChainStaff,
): { landed: WireEvent[]; refused: Array<{ index: number } & Rejection> } {
  const enrolled = new Set(state.enrolled);
  const landed: WireEvent[] = [];
  const refused: Array<{ index: number } & Rejection> = [];
  for (const { index, wire } of candidates) {
    const event = wire.event;
    if (event.memberId !== null) {
      if (wire.known && event.type === 'member.enrolled') enrolled.add(event.memberId);
      else if (!enrolled.has(event.memberId)) {
        refused.push({
          index,
          id: event.id,
          code: 'unknown_member',
          message: `member ${event.memberId} was never enrolled in this chain`,
          field: 'memberId',
        });
        continue;
      }
    }
    if (wire.known && wire.event.type === 'staff.saved') {
      const author = wire.event.payload.staffId;
      if (!staff.mayChangeStaff(author)) {
        refused.push({
          index,
          id: event.id,
          code: 'not_allowed',
          message:
            author === null
              ? 'payload.staffId: the chain has active managers; a staff change needs one as its author'
              : `payload.staffId: ${author} is not an active manager of this chain`,
          field: 'payload.staffId',
        });
        continue;
      }
      staff.apply(wire.event);
    }
    if (
      wire.known &&
      wire.event.type === 'points.adjusted' &&
      wire.event.payload.actionId === null
    ) {
      const cap = manualAdjustmentCap(programme());
      if (Math.abs(wire.event.payload.points) > cap) {
        refused.push({
          index,
          id: event.id,
          code: 'invalid_event',
          message: `payload.points: a manual adjustment moves at most ${cap} points in this chain`,
          field: 'payload.points',
        });
        continue;
      }
    }
    landed.push(wire);
  }
  return { landed, refused };
}

interface StaffSave {
  hlc: string;
  employeeId: string;
  role: 'cashier' | 'manager';
  active: boolean;
}

/**
 * The chain's staff as the cloud's rule needs them: each one's role and active
 * flag from their newest save by clock, whatever order the saves came in.
 */
class ChainStaff {
  private readonly newest = new Map<string, StaffSave>();

  constructor(saves: readonly StaffSave[]) {
    for (const save of saves) this.fold(save);
  }

  private fold(save: StaffSave): void {
    const known = this.newest.get(save.employeeId);
    if (!known || save.hlc > known.hlc) this.newest.set(save.employeeId, save);
  }

  private isActiveManager(save: StaffSave | undefined): boolean {
    return save !== undefined && save.active && save.role === 'manager';
  }

  /** An active manager of the chain, or anyone while the chain has none (its first manager). */
  mayChangeStaff(author: string | null): boolean {
    const anyManager = [...this.newest.values()].some((s) => this.isActiveManager(s));
    if (!anyManager) return true;
    return author !== null && this.isActiveManager(this.newest.get(author));
  }

  apply(event: Extract<LojalEvent, { type: 'staff.saved' }>): void {
    const p = event.payload;
    this.fold({ hlc: event.hlc, employeeId: p.employeeId, role: p.role, active: p.active });
  }
}

/** Every staff save the chain holds (few: index events_chain_staff, migration 004). */
async function staffSaves(tx: Queryable, chainId: string): Promise<StaffSave[]> {
  const rows = await tx.query<{
    hlc: string;
    employee_id: string;
    role: 'cashier' | 'manager';
    active: boolean;
  }>(
    `SELECT hlc, payload->>'employeeId' AS employee_id, payload->>'role' AS role,
            (payload->>'active')::boolean AS active
       FROM events WHERE chain_id = $1 AND type = 'staff.saved'`,
    [chainId],
  );
  return rows.map((r) => ({
    hlc: r.hlc,
    employeeId: r.employee_id,
    role: r.role,
    active: r.active === true,
  }));
}

/**
 * A database error the pushed values themselves caused (SQLSTATE class 22,
 * data exception, or a NOT NULL or CHECK violation): the same events fail
 * again however often they are sent. Busy, gone or other errors are not.
 */
function isInputDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('22') || code === '23502' || code === '23514')
  );
}

/** Tries of parts of one push before what is left is refused for now (it stays in the till's outbox). */
const MAX_PUSH_PARTS = 24;

/**
 * Stores a till's batch (pushBatch). When the database refuses a value of it,
 * the batch is halved until the events it refuses are alone: each is refused
 * `unprocessable` (listed for the chain's managers with the event) and the
 * rest is stored, so one event the cloud cannot store never holds back a
 * till's outbox. The till keeps such an event and sends it again later (the
 * fault may be the cloud's, and be mended). Later copies of an id are dropped
 * first, so halving cannot let a second copy win; the halving stops after
 * MAX_PUSH_PARTS tries, refusing the rest for now.
 */
export async function pushEvents(
  db: Database,
  who: TerminalCredential,
  raws: readonly unknown[],
  now: number,
): Promise<PushResponse> {
  try {
    return await pushBatch(db, who, raws, now);
  } catch (error) {
    if (!isInputDataError(error)) throw error;
    const seen = new Set<string>();
    const firsts = raws.flatMap((raw, index) => {
      const id = rawField(raw, 'id');
      if (id !== null && seen.has(id)) return [];
      if (id !== null) seen.add(id);
      return [{ raw, index }];
    });
    return pushInParts(db, who, firsts, now, { tries: MAX_PUSH_PARTS - 1 }, error);
  }
}

type Part = ReadonlyArray<{ raw: unknown; index: number }>;

/** `part` failed as a whole with `error`: its halves are pushed on their own, down to one event. */
async function pushInParts(
  db: Database,
  who: TerminalCredential,
  part: Part,
  now: number,
  budget: { tries: number },
  error: unknown,
): Promise<PushResponse> {
  if (part.length === 1 || budget.tries < 2)
    return refuseUnprocessable(db, who, part, now, (error as { code: string }).code);
  const half = Math.ceil(part.length / 2);
  const answers: PushResponse[] = [];
  for (const side of [part.slice(0, half), part.slice(half)]) {
    budget.tries -= 1;
    try {
      const answer = await pushBatch(
        db,
        who,
        side.map((e) => e.raw),
        now,
      );
      // Back to the indexes of the till's request.
      answers.push({
        acked: answer.acked,
        rejected: answer.rejected.map((r) => ({ ...r, index: side[r.index]!.index })),
      });
    } catch (sideError) {
      if (!isInputDataError(sideError)) throw sideError;
      answers.push(await pushInParts(db, who, side, now, budget, sideError));
    }
  }
  return {
    acked: answers.flatMap((a) => a.acked),
    rejected: answers.flatMap((a) => a.rejected).sort((a, b) => a.index - b.index),
  };
}

/** These events are refused `unprocessable` for now and listed for the managers; the log says which. */
async function refuseUnprocessable(
  db: Database,
  who: TerminalCredential,
  part: Part,
  now: number,
  sqlState: string,
): Promise<PushResponse> {
  const message = `the cloud could not store this event (database error ${sqlState}); the till sends it again later, the rest goes on`;
  const refused = part.map(({ raw, index }) => ({
    raw,
    index,
    id: rawField(raw, 'id'),
    type: rawField(raw, 'type'),
  }));
  for (const r of refused) {
    // The SQLSTATE and the event, never the database's message: it may quote a member's data.
    console.error(
      `lojal-cloud: event ${r.id ?? '(no id)'} (${r.type ?? 'no type'}) of terminal ${who.terminalId} could not be stored (SQLSTATE ${sqlState}); refused for now`,
    );
  }
  await db.transaction((tx) =>
    recordRefusals(
      tx,
      who,
      refused.map((r) => ({
        source: 'push' as const,
        eventId: r.id,
        type: r.type,
        code: 'unprocessable',
        message,
        raw: r.raw,
      })),
      now,
    ),
  );
  return {
    acked: [],
    rejected: refused.map((r) => ({
      id: r.id,
      index: r.index,
      code: 'unprocessable' as const,
      message,
      field: null,
    })),
  };
}

/** One batch in one transaction: every event stored or refused, or (an error) none. */
async function pushBatch(
  db: Database,
  who: TerminalCredential,
  raws: readonly unknown[],
  now: number,
): Promise<PushResponse> {
  const rejected: PushResponse['rejected'] = [];
  const refusals: Parameters<typeof recordRefusals>[2][number][] = [];
  const refuseAt = (index: number, r: Rejection) => {
    rejected.push({ id: r.id, index, code: r.code, message: r.message, field: r.field });
    refusals.push({
      source: 'push',
      eventId: r.id,
      type: rawField(raws[index], 'type'),
      code: r.code,
      message: r.message,
      raw: raws[index],
    });
  };
  const candidates: Array<{ index: number; wire: WireEvent }> = [];
  const seen = new Set<string>();
  raws.forEach((raw, index) => {
    const checked = checkEvent(raw, who, now);
    if (!checked.ok) return refuseAt(index, checked);
    // The same id twice in one batch: the first one counts, as it would across batches.
    if (seen.has(checked.wire.event.id)) return;
    seen.add(checked.wire.event.id);
    candidates.push({ index, wire: checked.wire });
  });
  const acked: string[] = [];
  // On its own, before the batch's transaction: the till's batches in flight side by side
  // (src/sync/push-lanes.ts) would otherwise wait for each other's commit on its row.
  await noteTerminalSeen(db, who.terminalId, now);
  await db.transaction(async (tx) => {
    if (candidates.length > 0) {
      const memberIds = [
        ...new Set(candidates.map((c) => c.wire.event.memberId).filter((m) => m !== null)),
      ];
      await lockMembers(tx, who.chainId, memberIds);
      // What the chain held of these members (their ledgers): the membership check and the fold read it.
      const state = await readMemberState(tx, who.chainId, memberIds);
      let programme: Programme | null = null;
      const needsProgramme = candidates.some(
        (c) => c.wire.known && c.wire.event.type === 'points.adjusted',
      );
      // The cap of the version this till's store runs now, as the till itself judged it.
      if (needsProgramme)
        programme = await programmeInForce(tx, who.chainId, { storeId: who.storeId, now });
      // The chain's staff only when the batch changes staff (rare): under the staff lock,
      // so two pushes cannot each let in a manager the other disables. Not the chain's
      // lock: the members' clash subjects come after it and before the chain's.
      const changesStaff = candidates.some(
        (c) => c.wire.known && c.wire.event.type === 'staff.saved',
      );
      let staff = new ChainStaff([]);
      if (changesStaff) {
        await lockStaff(tx, who.chainId);
        staff = new ChainStaff(await staffSaves(tx, who.chainId));
      }
      const { landed, refused } = checkAgainstChain(candidates, state, () => programme!, staff);
      for (const r of refused) refuseAt(r.index, r);
      if (landed.length > 0) await storeEvents(tx, who.chainId, landed, now, state);
      acked.push(...landed.map((w) => w.event.id));
      // Refused before (a member not yet enrolled, a value not stored), landed now: no longer the managers' concern.
      if (acked.length > 0) await dropRefusalsOfLanded(tx, who, acked);
    }
    rejected.sort((a, b) => a.index - b.index);
    await recordRefusals(tx, who, refusals, now);
  });
  return { acked, rejected };
}

interface StoredRow {
  event: LojalEvent | ForeignEvent;
  redacted: boolean;
  /** Of a type this version knows (folded), or passed on only. */
  known: boolean;
}

/** One multi-row insert; returns the rows stored now (not those stored before) with their seq. */
async function insertEventRows(
  tx: Queryable,
  chainId: string,
  rows: readonly StoredRow[],
  now: number,
): Promise<Map<string, number>> {
  // Inserted in id order: two pushes holding some of the same ids wait for each other
  // in the same order, so they cannot deadlock. One JSON text carries the rows.
  const json = JSON.stringify(
    rows.map(({ event, redacted }) => ({
      id: event.id,
      store_id: event.storeId,
      terminal_id: event.terminalId,
      hlc: event.hlc,
      type: event.type,
      member_id: event.memberId,
      schema_version: event.schemaVersion,
      payload: event.payload,
      redacted,
    })),
  );
  const inserted = await tx.query<{ seq: unknown; id: string }>(
    `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
     SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload, e.redacted, $2
       FROM json_to_recordset($3::json) AS e(id text, store_id text, terminal_id text, hlc text,
              type text, member_id text, schema_version integer, payload jsonb, redacted boolean)
      ORDER BY e.id
     ON CONFLICT (chain_id, id) DO NOTHING
     RETURNING seq, id`,
    [chainId, now, json],
  );
  return new Map(inserted.map((r) => [r.id, toInt(r.seq)]));
}

/**
 * Stores events not stored before and brings the members they touch up to date
 * (redaction after an erasure, the lookup index, conflicts), then numbers the
 * new events in the chain's order. Call inside a transaction; takes the locks
 * of the events' members and, last, the chain's lock (held to commit).
 * Returns the ids stored now, in the order given.
 */
export async function appendEvents(
  tx: Queryable,
  chainId: string,
  events: readonly LojalEvent[],
  now: number,
): Promise<string[]> {
  if (events.length === 0) return [];
  const memberIds = [
    ...new Set(events.map((e) => e.memberId).filter((id): id is string => id !== null)),
  ];
  await lockMembers(tx, chainId, memberIds);
  const state = await readMemberState(tx, chainId, memberIds);
  return storeEvents(
    tx,
    chainId,
    events.map((event) => ({ known: true, event })),
    now,
    state,
  );
}

/**
 * appendEvents' work once the members' locks are held and their state (their
 * ledgers) read. Events of a type this version does not know are stored and
 * passed on like any other, never folded.
 */
async function storeEvents(
  tx: Queryable,
  chainId: string,
  events: readonly WireEvent[],
  now: number,
  state: MemberState,
): Promise<string[]> {
  // Known erasures and those in this batch: such events are stored redacted from the start.
  const erased = new Set(state.erased);
  for (const { event } of events)
    if (event.type === 'member.erased' && event.memberId !== null) erased.add(event.memberId);
  const rows: StoredRow[] = events.map((wire): StoredRow => {
    const { known } = wire;
    const memberId = wire.event.memberId;
    if (memberId === null || !erased.has(memberId))
      return { event: wire.event, redacted: false, known };
    if (!wire.known) return { event: redactForeignForErasure(wire.event), redacted: true, known };
    return isMemberEvent(wire.event)
      ? { event: redactForErasure(wire.event), redacted: true, known }
      : { event: wire.event, redacted: false, known };
  });
  const inserted = await insertEventRows(tx, chainId, rows, now);
  const stored = rows.filter((r) => inserted.has(r.event.id));
  if (stored.length === 0) return [];
  const added = stored
    .filter((r) => r.known)
    .map((r) => r.event as LojalEvent)
    .filter((e): e is MemberEvent => isMemberEvent(e));
  const refreshed = await refreshMembers(tx, chainId, state, added, now);
  await maintainProjections(
    tx,
    chainId,
    stored.filter((r) => r.known).map((r) => r.event as LojalEvent),
    refreshed,
    now,
  );
  await dropRefusedCopiesOf(
    tx,
    chainId,
    added.flatMap((e) => (e.type === 'member.erased' && e.memberId !== null ? [e.memberId] : [])),
  );

  await lockChain(tx, chainId);
  await tx.query(
    `INSERT INTO event_order (chain_id, event_seq)
     SELECT $1, s.seq FROM unnest($2::bigint[]) WITH ORDINALITY AS s(seq, ord) ORDER BY s.ord`,
    [chainId, stored.map((r) => inserted.get(r.event.id)!)],
  );
  let newest = stored[0]!.event.hlc;
  for (const r of stored) if (r.event.hlc > newest) newest = r.event.hlc;
  await tx.query(
    'UPDATE chains SET max_hlc = $2 WHERE id = $1 AND (max_hlc IS NULL OR max_hlc < $2)',
    [chainId, newest],
  );
  return stored.map((r) => r.event.id);
}

/** The newest clock the chain's log holds (null for an empty log). */
export async function newestHlc(tx: Queryable, chainId: string): Promise<string | null> {
  const rows = await tx.query<{ max_hlc: string | null }>(
    'SELECT max_hlc FROM chains WHERE id = $1',
    [chainId],
  );
  return rows[0]?.max_hlc ?? null;
}

type PulledRow = EventRow & { pos: unknown };

export async function pullEvents(
  db: Queryable,
  chainId: string,
  after: string,
  limit: number,
): Promise<PullResponseBody> {
  const rows = await db.query<PulledRow>(
    // The page's positions first, then their rows: however the planner reads the
    // positions (it may not know yet how many a chain has), only the page's rows are joined.
    `SELECT o.pos, ${EVENT_COLUMNS}
       FROM (SELECT pos, event_seq FROM event_order
              WHERE chain_id = $1 AND pos > $2 ORDER BY pos LIMIT $3) o
       JOIN events e ON e.seq = o.event_seq
      ORDER BY o.pos`,
    [chainId, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(envelopeOf),
    next: last ? String(toInt(last.pos)) : after,
    more: rows.length > limit,
  };
}
