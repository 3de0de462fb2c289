/**
 * What the cloud derives from members' events, kept for the members a push
 * touched, in the push's transaction and under those members' locks: each
 * member's folded ledger (cloud/member-ledgers.ts), and from it redaction after
 * an erasure, the lookup index (current phone and member number) and the open
 * conflicts, all from the engine's `foldMember` / `memberFlags`, never from
 * rules of its own. Each is one set-based statement per push, whatever the
 * number of members; a member's history is read only when its ledger must be
 * folded again (a void, a return, a late event, an erasure).
 */
import { createHash } from 'node:crypto';
import { isKnownEventType } from '../src/core/events';
import type { MemberEvent } from '../src/core/events';
import { compareHlc } from '../src/core/hlc';
import {
  applyMemberEventInPlace,
  foldMember,
  foldMemberFrom,
  reachesBefore,
  memberFlags,
  needsRefold,
  redactForErasure,
  redeemsNothing,
} from '../src/core/member';
import type { MemberFlag, MemberLedger, PointLot } from '../src/core/member-types';
import { IDENTITY_CLASH_KINDS } from '../src/sync/protocol';
import type { Conflict, ConflictFlag, IdentityClashKind } from '../src/sync/protocol';
import type { Queryable } from './db/database';
import { toInt } from './db/database';
import { EVENT_COLUMNS, envelopeOf, lockClashSubjects } from './event-rows';
import type { EventRow } from './event-rows';
import {
  appendToTails,
  decodeLedger,
  dropLedgers,
  readLedgerHeads,
  readLedgerRows,
  storedMemberEvent,
  TAIL_MAX,
  writeLedgers,
  writeTails,
} from './member-ledgers';
import type { LedgerHead, LedgerRow } from './member-ledgers';
import { programmeInForce } from './programme';
import type { Programme } from '../src/core/programme';

/** Events the cloud writes itself carry this store (programme-change.ts CLOUD_ORIGIN). */
const CLOUD_STORE = 'cloud';

/** The members' stored events, oldest row first, by member. */
export async function memberEventRows(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Map<string, EventRow[]>> {
  const byMember = new Map<string, EventRow[]>();
  if (memberIds.length === 0) return byMember;
  const rows = await tx.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE chain_id = $1 AND member_id = ANY($2::text[]) ORDER BY seq`,
    [chainId, memberIds],
  );
  for (const row of rows) {
    if (row.member_id === null) continue;
    const list = byMember.get(row.member_id) ?? [];
    list.push(row);
    byMember.set(row.member_id, list);
  }
  return byMember;
}

function subjectOf(flag: MemberFlag): string {
  switch (flag.kind) {
    case 'coupon_redeemed_twice':
      return flag.couponId;
    case 'reward_redeemed_twice':
      return flag.rewardId;
    case 'tier_once_used_twice':
      return flag.periodKey;
    default:
      return '';
  }
}

/** A member's row of the lookup index and its flags (memberIndexRows). */
export interface MemberIndexRow {
  memberId: string;
  memberNumber: string;
  phoneE164: string | null;
  qrToken: string | null;
  erased: boolean;
  enrolledAt: number;
  flags: MemberFlag[];
  /** The back office's search (migration 009): null once erased. */
  fullName: string | null;
  nameKey: string | null;
  surnameKey: string | null;
  storeIds: string[];
}

/** How names are kept for a prefix search: lower case, one space between words. */
export function nameSearchKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
}

/** The member's name as searched: 'first last' and 'last first' (null for none). */
export function memberNameKeys(profile: { firstName: string | null; lastName: string | null }) {
  const first = nameSearchKey(profile.firstName ?? '');
  const last = nameSearchKey(profile.lastName ?? '');
  const full = [profile.firstName?.trim(), profile.lastName?.trim()].filter(Boolean).join(' ');
  if (full === '') return { fullName: null, nameKey: null, surnameKey: null };
  return {
    fullName: full,
    nameKey: [first, last].filter(Boolean).join(' '),
    surnameKey: [last, first].filter(Boolean).join(' '),
  };
}

/**
 * The lookup index, search columns and conflicts of these rows' members
 * (indexMembers' writes). `newMembers`: the import's (writeNewMembers), none
 * of them with a lookup row yet (their events were all stored now), so their
 * earlier identities are not read, the rows are a plain INSERT (a row met
 * anyway fails the transaction rather than being overwritten), and there are
 * no earlier conflicts of theirs to drop. Their clashes are looked at as
 * lockNewIdentities says.
 */
export async function storeMemberIndex(
  tx: Queryable,
  chainId: string,
  facts: readonly MemberIndexRow[],
  now: number,
  newMembers = false,
) {
  if (facts.length === 0) return;
  const before = newMembers
    ? []
    : await identitiesOf(
        tx,
        chainId,
        facts.map((f) => f.memberId),
      );
  await tx.query(
    `INSERT INTO members (chain_id, member_id, member_number, phone_e164, erased, enrolled_at, qr_token,
                          full_name, name_key, surname_key, store_ids)
     SELECT $1, m.member_id, m.member_number, m.phone_e164, m.erased, m.enrolled_at, m.qr_token,
            m.full_name, m.name_key, m.surname_key,
            ARRAY(SELECT json_array_elements_text(m.store_ids::json))
       FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], $7::text[],
                   $8::text[], $9::text[], $10::text[], $11::text[])
         AS m(member_id, member_number, phone_e164, erased, enrolled_at, qr_token,
              full_name, name_key, surname_key, store_ids)
` +
      (newMembers
        ? ''
        : `
     ON CONFLICT (chain_id, member_id) DO UPDATE SET member_number = excluded.member_number,
       phone_e164 = excluded.phone_e164, erased = excluded.erased, enrolled_at = excluded.enrolled_at,
       qr_token = excluded.qr_token, full_name = excluded.full_name, name_key = excluded.name_key,
       surname_key = excluded.surname_key, store_ids = excluded.store_ids
     WHERE (members.member_number, members.phone_e164, members.erased, members.enrolled_at, members.qr_token,
            members.full_name, members.name_key, members.surname_key, members.store_ids)
       IS DISTINCT FROM (excluded.member_number, excluded.phone_e164, excluded.erased, excluded.enrolled_at,
            excluded.qr_token, excluded.full_name, excluded.name_key, excluded.surname_key, excluded.store_ids)`),
    [
      chainId,
      facts.map((f) => f.memberId),
      facts.map((f) => f.memberNumber),
      facts.map((f) => f.phoneE164),
      facts.map((f) => f.erased),
      facts.map((f) => f.enrolledAt),
      facts.map((f) => f.qrToken),
      facts.map((f) => f.fullName),
      facts.map((f) => f.nameKey),
      facts.map((f) => f.surnameKey),
      // Each member's stores as a JSON list (unnest cannot take an array of arrays of unlike lengths).
      facts.map((f) => JSON.stringify(f.storeIds)),
    ],
  );
  if (newMembers)
    await flagNumberClashes(
      tx,
      chainId,
      facts.map((f) => f.memberNumber),
      now,
    );
  else await refreshIdentityClashes(tx, chainId, [...before, ...facts], now);
  const conflicts = facts.flatMap((f) =>
    f.flags.map((flag) => ({
      memberId: f.memberId,
      kind: flag.kind,
      subject: subjectOf(flag),
      flag,
    })),
  );
  // Unit separator between key parts: no member id, kind or coupon id contains it.
  const key = (c: { memberId: string; kind: string; subject: string }) =>
    `${c.memberId}\u001f${c.kind}\u001f${c.subject}`;
  // Identity clashes are kept by refreshIdentityClashes, for every member of the clash.
  // New members have no conflicts yet: none to drop.
  if (!newMembers) {
    await tx.query(
      `DELETE FROM conflicts WHERE chain_id = $1 AND member_id = ANY($2::text[])
       AND (member_id || chr(31) || kind || chr(31) || subject) <> ALL($3::text[])
       AND kind <> ALL($4::text[])`,
      [chainId, facts.map((f) => f.memberId), conflicts.map(key), [...IDENTITY_CLASH_KINDS]],
    );
  }
  await upsertConflicts(tx, chainId, conflicts, now);
}

interface Identities {
  memberNumber: string | null;
  phoneE164: string | null;
  qrToken: string | null;
}

async function identitiesOf(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Identities[]> {
  const rows = await tx.query<{
    member_number: string;
    phone_e164: string | null;
    qr_token: string | null;
  }>(
    `SELECT member_number, phone_e164, qr_token FROM members
      WHERE chain_id = $1 AND member_id = ANY($2::text[])`,
    [chainId, memberIds],
  );
  return rows.map((r) => ({
    memberNumber: r.member_number,
    phoneE164: r.phone_e164,
    qrToken: r.qr_token,
  }));
}

const CLASH_COLUMNS: Record<IdentityClashKind, { column: string; of: keyof Identities }> = {
  duplicate_phone: { column: 'phone_e164', of: 'phoneE164' },
  duplicate_member_number: { column: 'member_number', of: 'memberNumber' },
  duplicate_qr_token: { column: 'qr_token', of: 'qrToken' },
};

/** The conflict's subject: the shared value hashed (a phone or QR token is not kept in conflicts). */
function clashSubject(kind: IdentityClashKind, value: string): string {
  return createHash('sha256')
    .update(kind)
    .update('\u001f')
    .update(value)
    .digest('hex')
    .slice(0, 32);
}

/**
 * Locks the identities an import's new members will take, before the chain is
 * read for them (under the slot-zero lock, after it read the last serial), so
 * their clashes need no search after the write:
 *  - their phones: a push enrolling one of them either committed before (the
 *    import sees its holder and refuses the row) or waits and then finds the
 *    import's member (the clash is the push's to flag);
 *  - the member numbers they may be given (the next serials of slot 0): one a
 *    push gave anyway (tills number in slots from 1) is flagged by
 *    flagNumberClashes after the write when the push committed first (the
 *    import waited for it), by the push itself when it comes after;
 *  - their QR tokens are secrets the cloud made now (128 random bits) that no
 *    other writer can hold: not locked, not searched.
 * Taken in one sorted statement, as a push takes its clashes' locks.
 */
export async function lockNewIdentities(
  tx: Queryable,
  chainId: string,
  phones: readonly string[],
  numbers: readonly string[],
): Promise<void> {
  await lockClashSubjects(tx, chainId, [
    ...phones.map((p) => clashSubject('duplicate_phone', p)),
    ...numbers.map((n) => clashSubject('duplicate_member_number', n)),
  ]);
}

/**
 * New members' numbers that another live member holds too, flagged for each
 * member of the clash. The numbers are a run of slot 0's serials: searched as
 * one range of the number index, not one probe per number.
 */
async function flagNumberClashes(
  tx: Queryable,
  chainId: string,
  numbers: readonly string[],
  now: number,
): Promise<void> {
  if (numbers.length === 0) return;
  const sorted = [...numbers].sort();
  const groups = await tx.query<{ value: string; member_ids: string[] }>(
    `SELECT member_number AS value, array_agg(member_id ORDER BY enrolled_at, member_id) AS member_ids
       FROM members WHERE chain_id = $1 AND member_number BETWEEN $2 AND $3
        AND member_number = ANY($4::text[]) AND NOT erased
      GROUP BY member_number HAVING count(*) > 1`,
    [chainId, sorted[0], sorted.at(-1), sorted],
  );
  const kind = 'duplicate_member_number';
  await upsertConflicts(
    tx,
    chainId,
    groups.flatMap((g) => {
      const flag: ConflictFlag = { kind, memberIds: g.member_ids };
      const subject = clashSubject(kind, g.value);
      return g.member_ids.map((memberId) => ({ memberId, kind, subject, flag }));
    }),
    now,
  );
}

/**
 * Two live members sharing a phone, member number or QR token (enrolled by two
 * tills offline) are a conflict for each of them, never a refused write. Every
 * value the touched members held before or hold now is looked at again, so a
 * clash that a change or an erasure ended disappears for the other member too.
 */
async function refreshIdentityClashes(
  tx: Queryable,
  chainId: string,
  touched: readonly Identities[],
  now: number,
): Promise<void> {
  const values = IDENTITY_CLASH_KINDS.map((kind) => [
    ...new Set(touched.map((t) => t[CLASH_COLUMNS[kind].of]).filter((v) => v !== null)),
  ]);
  const subjects = IDENTITY_CLASH_KINDS.flatMap((kind, k) =>
    values[k]!.map((v) => clashSubject(kind, v)),
  );
  if (subjects.length === 0) return;
  await lockClashSubjects(tx, chainId, subjects);
  // The groups of every kind in one statement: a branch per kind, each on its column's index.
  const groups = await tx.query<{ kind: IdentityClashKind; value: string; member_ids: string[] }>(
    IDENTITY_CLASH_KINDS.map(
      (kind, k) =>
        `SELECT '${kind}' AS kind, ${CLASH_COLUMNS[kind].column} AS value,
                array_agg(member_id ORDER BY enrolled_at, member_id) AS member_ids
           FROM members WHERE chain_id = $1 AND ${CLASH_COLUMNS[kind].column} = ANY($${k + 2}::text[])
            AND NOT erased
          GROUP BY ${CLASH_COLUMNS[kind].column} HAVING count(*) > 1`,
    ).join('\n UNION ALL '),
    [chainId, ...values],
  );
  const rows = groups.flatMap((g) => {
    const flag: ConflictFlag = { kind: g.kind, memberIds: g.member_ids };
    const subject = clashSubject(g.kind, g.value);
    return g.member_ids.map((memberId) => ({ memberId, kind: g.kind, subject, flag }));
  });
  // A subject is a hash of its kind and value: it names one kind's value.
  await tx.query(
    `DELETE FROM conflicts WHERE chain_id = $1 AND kind = ANY($2::text[]) AND subject = ANY($3::text[])
       AND (member_id || chr(31) || subject) <> ALL($4::text[])`,
    [
      chainId,
      [...IDENTITY_CLASH_KINDS],
      subjects,
      rows.map((r) => `${r.memberId}\u001f${r.subject}`),
    ],
  );
  await upsertConflicts(tx, chainId, rows, now);
}

/**
 * What a push needs of the members it touches, read under their locks: the
 * head of each one's stored row (its clock, tail length, erasure, whether it
 * has conflicts), never the ledger itself (refreshMembers reads the ledgers it
 * needs); and only for members without a row (new in this push, or one the
 * engine could not fold) their stored events.
 */
export interface MemberState {
  /** Members with a stored ledger, by id. */
  heads: Map<string, LedgerHead>;
  /** Stored rows of the members that have no ledger, oldest first. */
  rowsWithoutLedger: Map<string, EventRow[]>;
  /** Members the chain holds an enrolment of. */
  enrolled: Set<string>;
  /** Members the chain holds an erasure of. */
  erased: Set<string>;
}

export async function readMemberState(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<MemberState> {
  const heads = await readLedgerHeads(tx, chainId, memberIds);
  const without = memberIds.filter((id) => !heads.has(id));
  const rowsWithoutLedger = await memberEventRows(tx, chainId, without);
  // A ledger exists only for a member with an enrolment (foldMember is null without one).
  const enrolled = new Set(heads.keys());
  const erased = new Set([...heads].filter(([, head]) => head.erased).map(([id]) => id));
  for (const [memberId, rows] of rowsWithoutLedger) {
    if (rows.some((r) => r.type === 'member.enrolled')) enrolled.add(memberId);
    if (rows.some((r) => r.type === 'member.erased')) erased.add(memberId);
  }
  return { heads, rowsWithoutLedger, enrolled, erased };
}

function inHlcOrder(events: readonly MemberEvent[]): MemberEvent[] {
  return [...events].sort((a, b) => compareHlc(a.hlc, b.hlc) || (a.id < b.id ? -1 : 1));
}

/**
 * The member's new events in clock order when they can join the stored tail
 * without the ledger being read: each a sale that redeems nothing, at a store
 * the member's lookup row already names, after the row's clock, and the
 * member has no conflict row, no erasure, and a ledger holding nothing a flag
 * is made of (flagFree: no programme version or clock can flag it). Then
 * folding them in changes neither the member's lookup row nor their conflicts
 * (redeemsNothing keeps the ledger flag-free),
 * and the row's ledger with its tail is still the fold of every event. Null
 * otherwise.
 */
function appendableToTail(head: LedgerHead, fresh: readonly MemberEvent[]): MemberEvent[] | null {
  if (head.erased || head.conflicted || !head.flagFree || head.storeIds === null) return null;
  if (head.tailLength + fresh.length > TAIL_MAX) return null;
  const ordered = inHlcOrder(fresh);
  let last = head.lastHlc;
  for (const event of ordered) {
    if (!redeemsNothing(event) || !head.storeIds.includes(event.storeId)) return null;
    if (compareHlc(event.hlc, last) <= 0) return null;
    last = event.hlc;
  }
  return ordered;
}

/**
 * The stored ledger brought up to date with the member's new events (in clock
 * order), in place; null when one of them needs a refold (a void or return, a
 * late or duplicate clock) or the engine refuses one.
 */
function appliedInOrder(ledger: MemberLedger, fresh: readonly MemberEvent[]): MemberLedger | null {
  try {
    for (const event of inHlcOrder(fresh)) {
      if (needsRefold(ledger, event)) return null;
      applyMemberEventInPlace(ledger, event);
    }
    return ledger;
  } catch {
    return null;
  }
}

/**
 * The member's ledger folded again from its stored ledger without the tail
 * (`base`) and the events after it (the tail and the new events), when none of
 * the new events reaches before the base (sorts at or before its clock, or
 * voids or returns a sale folded into it): then the log holds nothing else of
 * the member after the base, and foldMemberFrom equals a fold of everything.
 * Null when it cannot (the member is folded from the log).
 */
function refoldedFromStored(row: LedgerRow, fresh: readonly MemberEvent[]): MemberLedger | null {
  try {
    const base = decodeLedger(row.stored);
    if (fresh.some((e) => reachesBefore(base, e))) return null;
    return foldMemberFrom(base, [...row.tail, ...fresh]);
  } catch {
    return null;
  }
}

/** The member folded from all their events into `ledgers`, or listed `unfolded`. */
function foldInto(
  ledgers: Map<string, MemberLedger>,
  unfolded: string[],
  chainId: string,
  memberId: string,
  events: readonly MemberEvent[],
): void {
  try {
    const ledger = foldMember(events);
    // Events can arrive before the enrolment that explains them; the member appears once it does.
    if (ledger) ledgers.set(memberId, ledger);
    else unfolded.push(memberId);
  } catch (error) {
    // One member the engine cannot read must not hold back a till's whole outbox.
    console.error(
      `lojal-cloud: member ${memberId} of chain ${chainId} could not be folded:`,
      error,
    );
    unfolded.push(memberId);
  }
}

/**
 * The ledgers, redaction, lookup index and conflicts for the members of
 * `added` (events stored now, as stored). Plain sales of a flag-free member
 * join its tail unread (appendableToTail); other events in clock order are
 * applied to the stored ledger; a member with no ledger, an erasure (its stored rows are
 * scrubbed) or an event that needs a refold is folded again from its rows in
 * the log, which now hold `added` too. Inside the push's transaction, under
 * the members' locks.
 */
export async function refreshMembers(
  tx: Queryable,
  chainId: string,
  state: MemberState,
  added: readonly MemberEvent[],
  now: number,
): Promise<RefreshedMembers> {
  if (added.length === 0) return { ledgers: [], appended: [], dropped: [], lotsBefore: new Map() };
  const addedBy = new Map<string, MemberEvent[]>();
  for (const event of added) {
    const list = addedBy.get(event.memberId!) ?? [];
    list.push(event);
    addedBy.set(event.memberId!, list);
  }
  // Plain sales in clock order join the member's tail in the database: no ledger read.
  const appends: Array<{ memberId: string; events: MemberEvent[]; lastHlc: string }> = [];
  const needLedger: string[] = [];
  for (const [memberId, fresh] of addedBy) {
    const head = state.heads.get(memberId);
    const ordered = head ? appendableToTail(head, fresh) : null;
    if (ordered) appends.push({ memberId, events: ordered, lastHlc: ordered.at(-1)!.hlc });
    else needLedger.push(memberId);
  }
  const stored = await readLedgerRows(
    tx,
    chainId,
    needLedger.filter((id) => state.heads.has(id)),
  );
  const ledgers = new Map<string, MemberLedger>();
  // Applied in order and short enough to stay a tail: only the tail is written.
  const tails: Array<{ ledger: MemberLedger; tail: MemberEvent[] }> = [];
  const refold: string[] = [];
  const lotsBefore = new Map<string, PointLot[]>();
  for (const memberId of needLedger) {
    const fresh = addedBy.get(memberId)!;
    const row = stored.get(memberId);
    // Copied before the events are applied in place: the projections write only what changed.
    if (row)
      lotsBefore.set(
        memberId,
        row.ledger.lots.map((lot) => ({ ...lot })),
      );
    const erasing = fresh.some((e) => e.type === 'member.erased');
    const next = row && !erasing ? appliedInOrder(row.ledger, fresh) : null;
    if (!next) {
      // A void or return of a sale still in the tail, a late event after the base: no history read.
      const refolded = row && !erasing ? refoldedFromStored(row, fresh) : null;
      if (refolded) ledgers.set(memberId, refolded);
      else refold.push(memberId);
      continue;
    }
    const tail = [...row!.tail, ...inHlcOrder(fresh)];
    if (tail.length <= TAIL_MAX) tails.push({ ledger: next, tail });
    else ledgers.set(memberId, next);
  }
  const unfolded: string[] = [];
  const scrub: Array<{ seq: unknown; payload: string }> = [];
  // A member the log held nothing of before this push (most often one it enrols): the log
  // holds just the events stored now, as stored (redacted already if erased), so they are
  // not read back.
  const isNew = (memberId: string) =>
    !state.heads.has(memberId) && !state.rowsWithoutLedger.has(memberId);
  const logRows = await memberEventRows(
    tx,
    chainId,
    refold.filter((memberId) => !isNew(memberId)),
  );
  for (const memberId of refold) {
    if (isNew(memberId)) {
      foldInto(ledgers, unfolded, chainId, memberId, addedBy.get(memberId)!);
      continue;
    }
    const stored = logRows.get(memberId) ?? [];
    // Events of types this version does not know are passed on, never folded.
    const rows = stored.filter((row) => isKnownEventType(row.type));
    const events = rows.map(storedMemberEvent);
    if (events.some((e) => e.type === 'member.erased')) {
      // What was stored before the erasure arrived is scrubbed now (new rows came in redacted).
      rows.forEach((row, index) => {
        if (row.redacted) return;
        const redacted = redactForErasure(events[index]!);
        scrub.push({ seq: row.seq, payload: JSON.stringify(redacted.payload) });
        events[index] = redacted;
      });
      // A newer version's event of the member: nothing of its payload can be judged safe.
      for (const row of stored)
        if (!row.redacted && !isKnownEventType(row.type))
          scrub.push({ seq: row.seq, payload: '{}' });
    }
    foldInto(ledgers, unfolded, chainId, memberId, events);
  }
  if (scrub.length > 0) {
    await tx.query(
      `UPDATE events SET payload = u.payload::jsonb, redacted = true
         FROM unnest($1::bigint[], $2::text[]) AS u(seq, payload) WHERE events.seq = u.seq`,
      [scrub.map((s) => s.seq), scrub.map((s) => s.payload)],
    );
  }
  await writeLedgers(tx, chainId, [...ledgers.values()], now);
  await writeTails(tx, chainId, tails, now);
  await appendToTails(tx, chainId, appends, now);
  await dropLedgers(tx, chainId, unfolded);
  const folded = [...ledgers.values(), ...tails.map((t) => t.ledger)];
  await indexMembers(tx, chainId, folded, now);
  return { ledgers: folded, appended: appends, dropped: unfolded, lotsBefore };
}

/**
 * Stores these conflict rows, one statement: first_seen_at stays as it was for
 * a conflict still open; last_seen_at and the flag move on. In key order.
 */
async function upsertConflicts(
  tx: Queryable,
  chainId: string,
  rows: ReadonlyArray<{ memberId: string; kind: string; subject: string; flag: ConflictFlag }>,
  now: number,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO conflicts (chain_id, member_id, kind, subject, flag, first_seen_at, last_seen_at)
     SELECT $1, c.member_id, c.kind, c.subject, c.flag::jsonb, $2, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS c(member_id, kind, subject, flag)
      ORDER BY c.member_id, c.kind, c.subject
     ON CONFLICT (chain_id, member_id, kind, subject)
       DO UPDATE SET flag = excluded.flag, last_seen_at = excluded.last_seen_at`,
    [
      chainId,
      now,
      rows.map((r) => r.memberId),
      rows.map((r) => r.kind),
      rows.map((r) => r.subject),
      rows.map((r) => JSON.stringify(r.flag)),
    ],
  );
}

/** What refreshMembers did, for the projections kept beside the ledgers (cloud/projections). */
export interface RefreshedMembers {
  /** Ledgers folded or applied now, as stored. */
  ledgers: MemberLedger[];
  /** Members whose new events (plain sales, clock order) joined their tail unread. */
  appended: ReadonlyArray<{ memberId: string; events: readonly MemberEvent[] }>;
  /** Members left without a ledger (no enrolment, or one the engine could not fold). */
  dropped: string[];
  /** The point lots of the stored ledgers read now, as they were before this push. */
  lotsBefore: ReadonlyMap<string, readonly PointLot[]>;
}

/**
 * The lookup index, the back office's search columns and the open conflicts of
 * these members, from their ledgers (as folded now). Under their locks.
 */
export async function indexMembers(
  tx: Queryable,
  chainId: string,
  ledgers: readonly MemberLedger[],
  now: number,
): Promise<void> {
  if (ledgers.length === 0) return;
  const programme = await programmeInForce(tx, chainId, { storeId: null, now });
  await storeMemberIndex(tx, chainId, memberIndexRows(chainId, programme, ledgers, now), now);
}

/** The lookup index's row of each of these members, flags by this programme (indexMembers' JS, no database). */
export function memberIndexRows(
  chainId: string,
  programme: Programme,
  ledgers: readonly MemberLedger[],
  now: number,
): MemberIndexRow[] {
  const facts: MemberIndexRow[] = [];
  for (const ledger of ledgers) {
    let flags: MemberFlag[];
    try {
      flags = memberFlags(programme, ledger, now);
    } catch (error) {
      console.error(
        `lojal-cloud: member ${ledger.memberId} of chain ${chainId} could not be viewed:`,
        error,
      );
      continue;
    }
    facts.push(memberFacts(ledger, flags));
  }
  return facts;
}

/** The lookup index's and the back office's columns of a member, from its ledger. */
function memberFacts(ledger: MemberLedger, flags: MemberFlag[]): MemberIndexRow {
  return {
    memberId: ledger.memberId,
    memberNumber: ledger.memberNumber,
    phoneE164: ledger.erased ? null : ledger.phoneE164,
    qrToken: ledger.erased ? null : ledger.qrToken,
    erased: ledger.erased,
    enrolledAt: ledger.enrolledAt,
    flags,
    // A member merged into another is searched as that member (its phone went with the merge).
    ...(ledger.erased || ledger.mergedInto !== undefined
      ? { fullName: null, nameKey: null, surnameKey: null }
      : memberNameKeys(ledger.profile)),
    storeIds: [
      ...new Set(
        [ledger.enrolledStoreId, ...ledger.sales.map((s) => s.storeId)].filter(
          (id) => id !== CLOUD_STORE,
        ),
      ),
    ].sort(),
  };
}

export interface FoundMember {
  memberId: string;
  events: Record<string, unknown>[];
}

/** Members of the chain with this phone (or member number), oldest enrolment first, erased ones never. */
export async function lookupMembers(
  db: Queryable,
  chainId: string,
  by: { phoneE164: string } | { memberNumber: string },
): Promise<FoundMember[]> {
  const [column, value] =
    'phoneE164' in by ? ['phone_e164', by.phoneE164] : ['member_number', by.memberNumber];
  const found = await db.query<{ member_id: string }>(
    `SELECT member_id FROM members WHERE chain_id = $1 AND ${column} = $2 AND NOT erased
      ORDER BY enrolled_at, member_id`,
    [chainId, value],
  );
  if (found.length === 0) return [];
  let memberIds = found.map((r) => r.member_id);
  let byMember = await memberEventRows(db, chainId, memberIds);
  // A member merged into another (an old card's number) is answered with the member kept.
  const into = (memberId: string) =>
    byMember.get(memberId)?.find((row) => row.type === 'member.merged')?.payload as
      { intoMemberId?: string } | undefined;
  const followed = [...new Set(memberIds.map((id) => into(id)?.intoMemberId ?? id))];
  if (followed.some((id, i) => id !== memberIds[i]) || followed.length !== memberIds.length) {
    memberIds = followed;
    byMember = await memberEventRows(db, chainId, memberIds);
  }
  // Events of types this version does not know reach the tills by pull; a lookup
  // answers what every till reads (the protocol parses each event it holds).
  return memberIds.map((memberId) => ({
    memberId,
    events: (byMember.get(memberId) ?? [])
      .filter((row) => isKnownEventType(row.type))
      .map(envelopeOf),
  }));
}

export async function listConflicts(db: Queryable, chainId: string): Promise<Conflict[]> {
  const rows = await db.query<{
    member_id: string;
    flag: ConflictFlag;
    first_seen_at: unknown;
    last_seen_at: unknown;
  }>(
    `SELECT member_id, flag, first_seen_at, last_seen_at FROM conflicts
      WHERE chain_id = $1 ORDER BY first_seen_at, member_id, kind, subject`,
    [chainId],
  );
  return rows.map((row) => ({
    memberId: row.member_id,
    flag: row.flag,
    firstSeenAt: toInt(row.first_seen_at),
    lastSeenAt: toInt(row.last_seen_at),
  }));
}
