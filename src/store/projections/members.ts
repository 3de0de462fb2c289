/**
 * The members projection: each member's folded ledger plus the columns lookups
 * use. Written in the same transaction as the event that changed it.
 */
import type { MemberEvent } from '../../core/events';
import { applyMemberEventInPlace, foldMember, needsRefold } from '../../core/member';
import type { MemberLedger } from '../../core/member-types';
import { reading } from '../db';
import type { Db, Readable } from '../db';
import { memberEvents } from '../event-log';
import { pluckStatement, statement } from '../statements';
import { memberSummaryColumns } from './member-summary';
import type { LocalConflictKind } from '../sync-conflicts';
import { cachedLedger, forgetLedger, keepLedger } from '../ledger-cache';
import { basesCover, keepBase, refoldOnBase } from './member-bases';

/** The member's ledger, shared with other readers: do not change it. */
export function loadLedger(handle: Readable, memberId: string): MemberLedger | null {
  const db = reading(handle);
  const clock = pluckStatement(db, 'SELECT updated_hlc FROM members WHERE member_id = ?').get(
    memberId,
  ) as string | undefined;
  if (clock === undefined) {
    forgetLedger(db, memberId);
    return null;
  }
  const cached = cachedLedger(db, memberId, clock);
  if (cached) return cached;
  const ledger = readLedger(db, memberId)!;
  keepLedger(db, ledger);
  return ledger;
}

/** A fresh copy from the row, the caller's to change. */
function readLedger(db: Db, memberId: string): MemberLedger | null {
  const json = pluckStatement(db, 'SELECT ledger FROM members WHERE member_id = ?').get(
    memberId,
  ) as string | undefined;
  return json === undefined ? null : (JSON.parse(json) as MemberLedger);
}

/**
 * Events that change a member's ledger and never the columns lookups and
 * clashes use (number, QR token, phone, names, erased, enrolment time).
 */
const LEDGER_ONLY_EVENTS: ReadonlySet<MemberEvent['type']> = new Set([
  'sale.committed',
  'points.adjusted',
  'coupon.purchased',
  'referral.rewarded',
  'member.consent_changed',
  'member.pin_set',
]);

/** Bring the member's projection up to date with an event just written to the log. */
export function projectMemberEvent(db: Db, event: MemberEvent & { memberId: string }): void {
  // A snapshot's own events (its store's recent sales): folded into the bases already.
  if (basesCover(db)) return;
  keepBase(db, event.memberId);
  // A fresh copy of the row to change in place: readers may still hold the
  // cached one, which must not change under them.
  const current = readLedger(db, event.memberId);
  forgetLedger(db, event.memberId);
  if (current !== null && !needsRefold(current, event)) {
    const next = applyMemberEventInPlace(current, event);
    // The row's key columns came from `current` and this event leaves them as they were.
    if (LEDGER_ONLY_EVENTS.has(event.type)) updateLedger(db, next);
    else writeMember(db, next);
    return;
  }
  const onBase = refoldOnBase(db, event.memberId, event);
  if (onBase.kind === 'folded') writeMember(db, onBase.ledger);
  if (onBase.kind !== 'no_base') return;
  const next = foldMember(memberEvents(db, event.memberId));
  if (next !== null) writeMember(db, next);
}

/** Lower-cased, NFC, single-spaced: how names and search text are compared. */
export function searchKey(value: string): string {
  return value.normalize('NFC').toLocaleLowerCase('nb').replace(/\s+/g, ' ').trim();
}

function joinedKey(...parts: Array<string | null>): string | null {
  const present = parts.filter((p): p is string => p !== null && p.trim() !== '');
  return present.length === 0 ? null : searchKey(present.join(' '));
}

/** The columns indexes, lookups and conflicts use: everything but the ledger and its summary. */
interface MemberKeyColumns {
  member_number: string | null;
  qr_token: string | null;
  phone_e164: string | null;
  first_name: string | null;
  last_name: string | null;
  name_key: string | null;
  surname_key: string | null;
  erased: number;
  enrolled_at: number;
}

function keyColumns(ledger: MemberLedger): MemberKeyColumns {
  const { firstName, lastName } = ledger.profile;
  const erased = ledger.erased;
  // A member merged into another is found by its number and card only (they lead to that member).
  const hidden = erased || ledger.mergedInto !== undefined;
  return {
    member_number: ledger.memberNumber || null,
    qr_token: ledger.qrToken || null,
    phone_e164: hidden ? null : ledger.phoneE164,
    first_name: erased ? null : firstName,
    last_name: erased ? null : lastName,
    name_key: hidden ? null : joinedKey(firstName, lastName),
    surname_key: hidden ? null : joinedKey(lastName, firstName),
    erased: erased ? 1 : 0,
    enrolled_at: ledger.enrolledAt,
  };
}

function sameKeys(a: MemberKeyColumns, b: MemberKeyColumns): boolean {
  return (Object.keys(b) as Array<keyof MemberKeyColumns>).every((k) => a[k] === b[k]);
}

/** `json`: the ledger's JSON text when the caller has it already (as received from the cloud). */
function ledgerColumns(ledger: MemberLedger, json = JSON.stringify(ledger)) {
  return {
    member_id: ledger.memberId,
    ledger: json,
    updated_hlc: ledger.lastHlc,
    ...memberSummaryColumns(ledger),
  };
}

/**
 * A write that changes the ledger only (most do: a sale, a consent). Setting
 * just those columns leaves every index untouched (SQLite skips indexes whose
 * columns an UPDATE does not set), and a clash cannot have changed.
 */
function updateLedger(db: Db, ledger: MemberLedger): void {
  statement(
    db,
    `UPDATE members SET ledger = @ledger, updated_hlc = @updated_hlc,
       points_balance = @points_balance, points_valid_from = @points_valid_from,
       points_valid_until = @points_valid_until, points_earned = @points_earned
     WHERE member_id = @member_id`,
  ).run(ledgerColumns(ledger));
  keepLedger(db, ledger);
}

export function writeMember(db: Db, ledger: MemberLedger): void {
  const before = statement(
    db,
    `SELECT member_number, qr_token, phone_e164, first_name, last_name, name_key, surname_key,
       erased, enrolled_at FROM members WHERE member_id = ?`,
  ).get(ledger.memberId) as MemberKeyColumns | undefined;
  const keys = keyColumns(ledger);
  if (before && sameKeys(before, keys)) {
    updateLedger(db, ledger);
    return;
  }
  const body = ledgerColumns(ledger);
  statement(
    db,
    `INSERT INTO members (member_id, member_number, qr_token, phone_e164, first_name, last_name,
       name_key, surname_key, erased, enrolled_at, ledger, updated_hlc,
       points_balance, points_valid_from, points_valid_until, points_earned)
     VALUES (@member_id, @member_number, @qr_token, @phone_e164, @first_name, @last_name,
       @name_key, @surname_key, @erased, @enrolled_at, @ledger, @updated_hlc,
       @points_balance, @points_valid_from, @points_valid_until, @points_earned)
     ON CONFLICT (member_id) DO UPDATE SET
       member_number = excluded.member_number, qr_token = excluded.qr_token,
       phone_e164 = excluded.phone_e164, first_name = excluded.first_name,
       last_name = excluded.last_name, name_key = excluded.name_key,
       surname_key = excluded.surname_key, erased = excluded.erased,
       enrolled_at = excluded.enrolled_at, ledger = excluded.ledger,
       updated_hlc = excluded.updated_hlc, points_balance = excluded.points_balance,
       points_valid_from = excluded.points_valid_from,
       points_valid_until = excluded.points_valid_until, points_earned = excluded.points_earned`,
  ).run({ ...keys, ...body });
  keepLedger(db, ledger);
  for (const phone of new Set([before?.phone_e164, keys.phone_e164])) {
    if (phone) refreshClash(db, 'duplicate_phone', 'phone_e164', phone);
  }
  for (const number of new Set([before?.member_number, keys.member_number])) {
    if (number) refreshClash(db, 'duplicate_member_number', 'member_number', number);
  }
  for (const token of new Set([before?.qr_token, keys.qr_token])) {
    if (token) refreshClash(db, 'duplicate_qr_token', 'qr_token', token);
  }
}

/**
 * Two live members with one phone (enrolled at two offline tills), one member
 * number (two tills given the same slot) or one QR token (a buggy or hostile
 * till the cloud passed on): recorded for the manager, never refused.
 * Derived from the current rows, so it does not depend on arrival order.
 */
function refreshClash(
  db: Db,
  kind: LocalConflictKind,
  column: 'phone_e164' | 'member_number' | 'qr_token',
  value: string,
): void {
  const ids = (
    statement(
      db,
      `SELECT member_id FROM members WHERE ${column} = ? AND erased = 0 ORDER BY member_id`,
    ).all(value) as Array<{ member_id: string }>
  ).map((r) => r.member_id);
  if (ids.length >= 2) {
    statement(
      db,
      `INSERT INTO conflicts (kind, conflict_key, member_ids) VALUES (?, ?, ?)
       ON CONFLICT (kind, conflict_key) DO UPDATE SET member_ids = excluded.member_ids`,
    ).run(kind, value, JSON.stringify(ids));
  } else {
    statement(db, 'DELETE FROM conflicts WHERE kind = ? AND conflict_key = ?').run(kind, value);
  }
}

/** Keys a clash is recorded for, with the column that holds them. */
const CLASH_KEYS = [
  ['duplicate_phone', 'phone_e164'],
  ['duplicate_member_number', 'member_number'],
  ['duplicate_qr_token', 'qr_token'],
] as const;

/**
 * Rows for members that have none yet, from ledgers with their JSON text (a
 * snapshot's, stored as they came): what writeMember does for a new member,
 * in fewer statements. `add` each, then `finish`. A clash is refreshed only for
 * a key another live member holds too: without one, no conflict was recorded
 * for it (one is kept only while two live members share the key) and none is now.
 */
/** A new member's row (the members table's columns), as newMembersWriter inserts it. */
export type NewMemberRow = MemberKeyColumns & ReturnType<typeof ledgerColumns>;

/**
 * The row of a member new to this till, from its ledger and that ledger's JSON
 * text. Computed when the ledger is read, so the parsed ledger need not be
 * kept until it is written (a snapshot holds a page of a thousand of them).
 */
export function newMemberRow(ledger: MemberLedger, json: string): NewMemberRow {
  return { ...keyColumns(ledger), ...ledgerColumns(ledger, json) };
}

export function newMembersWriter(db: Db): {
  add(row: NewMemberRow): void;
  finish(): void;
} {
  const insert = statement(
    db,
    `INSERT INTO members (member_id, member_number, qr_token, phone_e164, first_name, last_name,
       name_key, surname_key, erased, enrolled_at, ledger, updated_hlc,
       points_balance, points_valid_from, points_valid_until, points_earned)
     VALUES (@member_id, @member_number, @qr_token, @phone_e164, @first_name, @last_name,
       @name_key, @surname_key, @erased, @enrolled_at, @ledger, @updated_hlc,
       @points_balance, @points_valid_from, @points_valid_until, @points_earned)`,
  );
  const keys: Record<(typeof CLASH_KEYS)[number][1], Array<[string, string]>> = {
    phone_e164: [],
    member_number: [],
    qr_token: [],
  };
  return {
    add(row) {
      insert.run(row);
      for (const [, column] of CLASH_KEYS) {
        const value = row[column];
        if (value) keys[column].push([row.member_id, value]);
      }
    },
    finish() {
      for (const [kind, column] of CLASH_KEYS) {
        if (keys[column].length === 0) continue;
        const shared = pluckStatement(
          db,
          `SELECT DISTINCT j.value ->> 1 FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM members m
             WHERE m.${column} = j.value ->> 1 AND m.erased = 0 AND m.member_id <> j.value ->> 0)`,
        ).all(JSON.stringify(keys[column])) as string[];
        for (const value of shared) refreshClash(db, kind, column, value);
        keys[column] = [];
      }
    },
  };
}
