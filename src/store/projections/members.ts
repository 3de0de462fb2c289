/**
 * The members projection: each member's folded ledger plus the columns lookups
 * use. Written in the same transaction as the event that changed it.
 */
import type { MemberEvent } from '../../core/events';
import { applyMemberEvent, foldMember, needsRefold } from '../../core/member';
import type { MemberLedger } from '../../core/member-types';
import type { Db } from '../db';
import { memberEvents } from '../event-log';
import { statement } from '../statements';
import { memberSummaryColumns } from './member-summary';

interface MemberKeys {
  phone_e164: string | null;
  member_number: string | null;
}

export function loadLedger(db: Db, memberId: string): MemberLedger | null {
  const row = statement(db, 'SELECT ledger FROM members WHERE member_id = ?').get(memberId) as
    { ledger: string } | undefined;
  return row ? (JSON.parse(row.ledger) as MemberLedger) : null;
}

/** Bring the member's projection up to date with an event just written to the log. */
export function projectMemberEvent(db: Db, event: MemberEvent & { memberId: string }): void {
  const current = loadLedger(db, event.memberId);
  const next = needsRefold(current, event)
    ? foldMember(memberEvents(db, event.memberId))
    : applyMemberEvent(current, event);
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

export function writeMember(db: Db, ledger: MemberLedger): void {
  const before = statement(
    db,
    'SELECT phone_e164, member_number FROM members WHERE member_id = ?',
  ).get(ledger.memberId) as MemberKeys | undefined;
  const { firstName, lastName } = ledger.profile;
  statement(
    db,
    `INSERT INTO members (member_id, member_number, qr_token, phone_e164, first_name, last_name,
       name_key, surname_key, erased, enrolled_at, ledger, updated_hlc,
       points_balance, points_valid_from, points_valid_until, points_earned)
     VALUES (@memberId, @memberNumber, @qrToken, @phone, @firstName, @lastName,
       @nameKey, @surnameKey, @erased, @enrolledAt, @ledger, @updatedHlc,
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
  ).run({
    memberId: ledger.memberId,
    memberNumber: ledger.memberNumber || null,
    qrToken: ledger.qrToken || null,
    phone: ledger.erased ? null : ledger.phoneE164,
    firstName: ledger.erased ? null : firstName,
    lastName: ledger.erased ? null : lastName,
    nameKey: ledger.erased ? null : joinedKey(firstName, lastName),
    surnameKey: ledger.erased ? null : joinedKey(lastName, firstName),
    erased: ledger.erased ? 1 : 0,
    enrolledAt: ledger.enrolledAt,
    ledger: JSON.stringify(ledger),
    updatedHlc: ledger.lastHlc,
    ...memberSummaryColumns(ledger),
  });
  const after: MemberKeys = {
    phone_e164: ledger.erased ? null : ledger.phoneE164,
    member_number: ledger.memberNumber || null,
  };
  for (const phone of new Set([before?.phone_e164, after.phone_e164])) {
    if (phone) refreshClash(db, 'duplicate_phone', 'phone_e164', phone);
  }
  for (const number of new Set([before?.member_number, after.member_number])) {
    if (number) refreshClash(db, 'duplicate_member_number', 'member_number', number);
  }
}

/**
 * Two live members with one phone (enrolled at two offline tills) or one member
 * number (two tills given the same slot): recorded for the manager, never refused.
 * Derived from the current rows, so it does not depend on arrival order.
 */
function refreshClash(
  db: Db,
  kind: 'duplicate_phone' | 'duplicate_member_number',
  column: 'phone_e164' | 'member_number',
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
