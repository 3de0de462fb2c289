/**
 * The till's own conflict records (projections/members.ts `refreshClash`): two
 * live members sharing a phone (enrolled at two offline tills), a member
 * number (two unpaired tills that happened to pick the same slot) or a QR
 * token (a buggy or hostile till: tokens are random). Read here
 * for the manager's list, each with its members in the order lookups answer
 * them: the earliest enrolment first.
 */
import { reading } from './db';
import type { Db, Readable } from './db';
import { statement } from './statements';

export const LOCAL_CONFLICT_KINDS = [
  'duplicate_phone',
  'duplicate_member_number',
  'duplicate_qr_token',
] as const;
export type LocalConflictKind = (typeof LOCAL_CONFLICT_KINDS)[number];

function isLocalConflictKind(kind: string): kind is LocalConflictKind {
  return (LOCAL_CONFLICT_KINDS as readonly string[]).includes(kind);
}

export interface LocalConflictMember {
  memberId: string;
  memberNumber: string | null;
  firstName: string | null;
  enrolledAt: number | null;
}

export interface LocalConflict {
  kind: LocalConflictKind;
  /** The phone (E.164), member number or QR token the members share. */
  value: string;
  /** Earliest enrolment first: the member a lookup by `value` answers. */
  members: LocalConflictMember[];
}

type ConflictRow = { kind: string; conflict_key: string; member_ids: string };

const MEMBER_SQL = `SELECT member_id AS memberId, member_number AS memberNumber, first_name AS firstName,
       enrolled_at AS enrolledAt
  FROM members WHERE member_id = ?`;

/** A member named in a conflict whom this till has not received yet. */
export function unknownMember(memberId: string): LocalConflictMember {
  return { memberId, memberNumber: null, firstName: null, enrolledAt: null };
}

export function localConflicts(handle: Readable): LocalConflict[] {
  const db = reading(handle);
  const rows = statement(
    db,
    'SELECT kind, conflict_key, member_ids FROM conflicts ORDER BY kind, conflict_key',
  ).all() as ConflictRow[];
  return described(db, rows);
}

/** The clash over one phone (E.164), member number or QR token, or null when only one live member has it. */
export function clashOver(
  handle: Readable,
  kind: LocalConflictKind,
  value: string,
): LocalConflict | null {
  const db = reading(handle);
  const row = statement(
    db,
    'SELECT kind, conflict_key, member_ids FROM conflicts WHERE kind = ? AND conflict_key = ?',
  ).get(kind, value) as ConflictRow | undefined;
  return row ? (described(db, [row])[0] ?? null) : null;
}

function described(db: Db, rows: readonly ConflictRow[]): LocalConflict[] {
  const member = statement(db, MEMBER_SQL);
  const conflicts: LocalConflict[] = [];
  for (const row of rows) {
    if (!isLocalConflictKind(row.kind)) continue;
    const ids = JSON.parse(row.member_ids) as string[];
    const members = ids
      .map((id) => (member.get(id) as LocalConflictMember | undefined) ?? unknownMember(id))
      .sort(
        (a, b) =>
          (a.enrolledAt ?? Infinity) - (b.enrolledAt ?? Infinity) ||
          (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
      );
    conflicts.push({ kind: row.kind, value: row.conflict_key, members });
  }
  return conflicts;
}

/** Number and first name of members this till knows, for naming the cloud's conflicts. */
export function knownMembers(
  handle: Readable,
  memberIds: readonly string[],
): Map<string, LocalConflictMember> {
  const db = reading(handle);
  const member = statement(db, MEMBER_SQL);
  const known = new Map<string, LocalConflictMember>();
  for (const id of new Set(memberIds)) {
    const row = member.get(id) as LocalConflictMember | undefined;
    if (row) known.set(id, row);
  }
  return known;
}
