/** Member lookups (all on indexes) and member-number allocation. */
import { memberNumberFor } from '../core/ean13';
import type { MemberLedger } from '../core/member-types';
import { reading } from './db';
import type { Db, Readable } from './db';
import { loadLedger, searchKey } from './projections/members';
import { getSetting, nextCounter, SettingKeys, setSetting } from './settings';
import { statement } from './statements';

export { loadLedger };

function ledgerWhere(db: Db, sql: string, value: string): MemberLedger | null {
  const row = statement(db, sql).get(value) as { ledger: string } | undefined;
  return row ? followMerge(db, JSON.parse(row.ledger) as MemberLedger) : null;
}

/**
 * A member merged into another (member.merged) is that member now: its number
 * and card lead there (one step: the back office never merges into a merged
 * member). Until the till holds the kept member's events, the merged one answers.
 */
function followMerge(db: Db, ledger: MemberLedger): MemberLedger {
  if (ledger.mergedInto === undefined) return ledger;
  const kept = loadLedger(db, ledger.mergedInto);
  return kept && !kept.erased ? kept : ledger;
}

/**
 * The live member with this phone (E.164, already normalised). Two offline tills
 * may have enrolled the same phone; the earliest enrolment answers.
 */
export function memberByPhone(handle: Readable, e164: string): MemberLedger | null {
  const db = reading(handle);
  return ledgerWhere(
    db,
    `SELECT ledger FROM members WHERE phone_e164 = ? AND erased = 0
     ORDER BY enrolled_at, member_id LIMIT 1`,
    e164,
  );
}

export function memberByNumber(handle: Readable, memberNumber: string): MemberLedger | null {
  const db = reading(handle);
  return ledgerWhere(
    db,
    `SELECT ledger FROM members WHERE member_number = ? AND erased = 0
     ORDER BY enrolled_at, member_id LIMIT 1`,
    memberNumber,
  );
}

/** Two members can share a token only through a clash (a conflict): the earliest enrolment answers. */
export function memberByQrToken(handle: Readable, qrToken: string): MemberLedger | null {
  const db = reading(handle);
  return ledgerWhere(
    db,
    `SELECT ledger FROM members WHERE qr_token = ? AND erased = 0
     ORDER BY enrolled_at, member_id LIMIT 1`,
    qrToken,
  );
}

/**
 * What a member lookup shows, from the projection's columns: the same member
 * the ledger lookups above find, without reading the ledger JSON. The points
 * columns are explained in projections/member-summary.ts.
 */
export interface MemberSummaryRow {
  memberId: string;
  memberNumber: string | null;
  firstName: string | null;
  phoneE164: string | null;
  /** null on a row the summary was never computed for: read the ledger. */
  pointsBalance: number | null;
  pointsValidFrom: number | null;
  pointsValidUntil: number | null;
  pointsEarned: number | null;
}

const SUMMARY_COLUMNS = `member_id AS memberId, member_number AS memberNumber,
  first_name AS firstName, phone_e164 AS phoneE164, points_balance AS pointsBalance,
  points_valid_from AS pointsValidFrom, points_valid_until AS pointsValidUntil,
  points_earned AS pointsEarned`;

function summaryWhere(db: Db, where: string, value: string): MemberSummaryRow | null {
  const row = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}, json_extract(ledger, '$.mergedInto') AS mergedInto
       FROM members WHERE ${where}`,
  ).get(value) as (MemberSummaryRow & { mergedInto: string | null }) | undefined;
  if (!row) return null;
  const { mergedInto, ...summary } = row;
  if (mergedInto === null) return summary;
  // Merged into another member: that member answers (as followMerge does for ledgers).
  const kept = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM members WHERE member_id = ? AND erased = 0`,
  ).get(mergedInto) as MemberSummaryRow | undefined;
  return kept ?? summary;
}

export function memberSummaryByPhone(handle: Readable, e164: string): MemberSummaryRow | null {
  const db = reading(handle);
  return summaryWhere(
    db,
    'phone_e164 = ? AND erased = 0 ORDER BY enrolled_at, member_id LIMIT 1',
    e164,
  );
}

export function memberSummaryByNumber(
  handle: Readable,
  memberNumber: string,
): MemberSummaryRow | null {
  const db = reading(handle);
  return summaryWhere(
    db,
    'member_number = ? AND erased = 0 ORDER BY enrolled_at, member_id LIMIT 1',
    memberNumber,
  );
}

export function memberSummaryByQrToken(handle: Readable, qrToken: string): MemberSummaryRow | null {
  const db = reading(handle);
  return summaryWhere(
    db,
    'qr_token = ? AND erased = 0 ORDER BY enrolled_at, member_id LIMIT 1',
    qrToken,
  );
}

/**
 * Live members whose "first last" or "last first" name starts with the text
 * (case-insensitive, Nordic letters included). Range scans on the name indexes.
 */
export function membersByName(handle: Readable, name: string, limit: number): MemberLedger[] {
  const db = reading(handle);
  const prefix = searchKey(name);
  if (prefix === '') return [];
  const end = `${prefix}\u{10ffff}`;
  const rows = db
    .prepare(
      `SELECT ledger FROM members WHERE member_id IN (
         SELECT member_id FROM members WHERE name_key >= @prefix AND name_key < @end AND erased = 0
         UNION
         SELECT member_id FROM members WHERE surname_key >= @prefix AND surname_key < @end AND erased = 0)
       ORDER BY name_key, member_id LIMIT @limit`,
    )
    .all({ prefix, end, limit }) as Array<{ ledger: string }>;
  return rows
    .map((r) => JSON.parse(r.ledger) as MemberLedger)
    .sort((a, b) => nordic.compare(displayName(a), displayName(b)));
}

// Norwegian alphabetical order (… x y z æ ø å), not code-point order.
const nordic = new Intl.Collator('nb', { sensitivity: 'base' });

function displayName(ledger: MemberLedger): string {
  return `${ledger.profile.firstName ?? ''} ${ledger.profile.lastName ?? ''}`;
}

/**
 * Member numbers never collide between tills, even offline: each till owns a
 * block of serials, `slot × 1,000,000 + counter` (counter 1–999,999), under the
 * programme's prefix. The slot is this till's setting (given at pairing; a new
 * till picks one at random until then). Numbers already present are skipped,
 * so a misconfigured slot still never hands out a number twice on one till.
 */
export const MEMBERS_PER_SLOT = 1_000_000;

export function allocateMemberNumber(db: Db, prefix: string): string {
  const slot = terminalSlot(db);
  for (;;) {
    const counter = nextCounter(db, SettingKeys.memberSerial);
    if (counter >= MEMBERS_PER_SLOT) {
      throw new RangeError(
        `this till has handed out all ${MEMBERS_PER_SLOT - 1} member numbers of slot ${slot}: give it a new slot`,
      );
    }
    const number = memberNumberFor(prefix, slot * MEMBERS_PER_SLOT + counter);
    const taken = statement(db, 'SELECT 1 FROM members WHERE member_number = ?').get(number);
    if (!taken) return number;
  }
}

export function terminalSlot(db: Db): number {
  const value = getSetting(db, SettingKeys.terminalSlot);
  if (value === null) throw new RangeError('this till has no terminal slot yet');
  return Number(value);
}

export function setTerminalSlot(db: Db, slot: number): void {
  if (!Number.isSafeInteger(slot) || slot < 0) {
    throw new RangeError(`a terminal slot is a whole number from 0, got ${slot}`);
  }
  if (getSetting(db, SettingKeys.terminalSlot) === String(slot)) return;
  setSetting(db, SettingKeys.terminalSlot, String(slot));
  // A new block starts from its first number.
  setSetting(db, SettingKeys.memberSerial, '0');
}
