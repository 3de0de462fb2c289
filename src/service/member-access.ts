/**
 * Finding members and showing them: what a cashier may see (first name, tier,
 * balances, a masked phone) and what only a manager sees (everything).
 */
import { msg } from '../core/i18n';
import { memberView, pointBalancesAt, tierAt } from '../core/member';
import type { MemberLedger, MemberView } from '../core/member-types';
import type { Programme, TierLevel } from '../core/programme';
import { classifyScan } from '../core/scan';
import {
  loadLedger,
  memberByNumber,
  memberByPhone,
  memberByQrToken,
  memberSummaryByNumber,
  memberSummaryByPhone,
  memberSummaryByQrToken,
  QR_TOKEN_PATTERN,
} from '../store';
import type { MemberSummaryRow } from '../store';
import { clashOver } from '../store/sync-conflicts';
import type { LocalConflictKind } from '../store/sync-conflicts';
import type { MemberDetail, MemberSummary, Session } from './commands';
import { ServiceError } from './service-error';
import { notFound } from './errors';
import type { ReadContext } from './handler-types';
import { maskedPhone, normaliseTypedPhone } from './phones';

export function seesPersonalData(session: Session): boolean {
  return session.role === 'manager' || session.role === 'system';
}

const unknownMember = (memberId: string) => msg('service.unknownMember', { memberId });

/** A live (not erased) member, or a 404 naming the field. */
export function requireMember(
  ctx: ReadContext,
  memberId: string,
  field = 'memberId',
): MemberLedger {
  const ledger = requireLedger(ctx, memberId, field);
  if (ledger.erased) throw notFound('unknown_member', unknownMember(memberId), field);
  return ledger;
}

/** A member's ledger, erased or not (what is left of an erased member is anonymous). */
export function requireLedger(
  ctx: ReadContext,
  memberId: string,
  field = 'memberId',
): MemberLedger {
  const ledger = loadLedger(ctx.db, memberId);
  if (!ledger) throw notFound('unknown_member', unknownMember(memberId), field);
  return ledger;
}

export function viewOf(ctx: ReadContext, ledger: MemberLedger): MemberView {
  return memberView(ctx.programme(), ledger, ctx.now);
}

/** The member as this session may see them. */
export function memberDetail(ctx: ReadContext, ledger: MemberLedger): MemberDetail {
  const view = viewOf(ctx, ledger);
  if (seesPersonalData(ctx.session)) return { ...view, masked: false };
  return {
    ...view,
    phoneE164: view.phoneE164 === null ? null : maskedPhone(view.phoneE164),
    profile: {
      firstName: view.profile.firstName,
      lastName: null,
      email: null,
      birthDate: null,
      postalCode: null,
      gender: null,
    },
    masked: true,
  };
}

/**
 * The member as a cashier's summary: the fields of the member view it shows
 * (balance and tier are computed as memberView computes them), without the
 * rest of the view (coupons, punch cards), which a summary never shows.
 */
export function memberSummary(ctx: ReadContext, ledger: MemberLedger): MemberSummary {
  return summaryFromLedger(ctx.programme(), ledger, ctx.now);
}

function summaryFromLedger(programme: Programme, ledger: MemberLedger, now: number): MemberSummary {
  return {
    memberId: ledger.memberId,
    memberNumber: ledger.memberNumber,
    firstName: ledger.profile.firstName,
    phoneMasked: ledger.phoneE164 === null ? '' : maskedPhone(ledger.phoneE164),
    tierName: tierAt(programme, ledger, now)?.name ?? null,
    pointsBalance: pointBalancesAt(ledger, now).balance,
  };
}

/**
 * The summary of a member found by a lookup, from the projection's summary
 * columns when they answer at `now`, else from the ledger (same result).
 */
export function summaryOf(
  ctx: ReadContext,
  row: MemberSummaryRow,
  programme: Programme = ctx.programme(),
): MemberSummary {
  const fromColumns = summaryFromColumns(programme, row, ctx.now);
  if (fromColumns !== null) return fromColumns;
  return summaryFromLedger(programme, requireLedger(ctx, row.memberId), ctx.now);
}

/**
 * Null when the columns cannot say: the balance is outside the interval it
 * holds for (a lot became available or expired since), or the tier depends on
 * which points fall in which tier period.
 */
export function summaryFromColumns(
  programme: Programme,
  row: MemberSummaryRow,
  now: number,
): MemberSummary | null {
  if (row.pointsBalance === null) return null;
  if (row.pointsValidFrom !== null && now < row.pointsValidFrom) return null;
  if (row.pointsValidUntil !== null && now >= row.pointsValidUntil) return null;
  const tier = tierWithoutPeriods(programme, row.pointsEarned);
  if (tier === undefined) return null;
  return {
    memberId: row.memberId,
    // The projection stores an empty member number as NULL.
    memberNumber: row.memberNumber ?? '',
    firstName: row.firstName,
    phoneMasked: row.phoneE164 === null ? '' : maskedPhone(row.phoneE164),
    tierName: tier?.name ?? null,
    pointsBalance: row.pointsBalance,
  };
}

/**
 * The tier when it does not depend on the tier periods: tierAt qualifies on
 * the points earned in the current or the previous period, which lie between
 * 0 and everything ever earned, and the level rises with the points; when 0
 * and the total give the same level, every period does. undefined otherwise.
 */
function tierWithoutPeriods(
  programme: Programme,
  earned: number | null,
): TierLevel | null | undefined {
  const rules = programme.tiers;
  if (!rules || !rules.enabled) return null;
  if (earned === null) return undefined;
  const levelAt = (points: number) => rules.levels.findLastIndex((l) => l.threshold <= points);
  const lowest = levelAt(0);
  if (levelAt(earned) !== lowest) return undefined;
  return rules.levels[lowest] ?? null;
}

export type FoundVia = 'phone' | 'member_number' | 'qr';

export interface MemberQueryResult {
  ledger: MemberLedger | null;
  via: FoundVia | null;
}

type MemberKey =
  | { via: 'member_number'; memberNumber: string }
  | { via: 'qr'; qrToken: string }
  | { via: 'phone'; e164: string };

/**
 * What the cashier typed or scanned: a member number (EAN-13 under the
 * programme's prefix, check digit verified), a member QR (`LJM-…` or the bare
 * token), or a phone number in any Norwegian form. Null: not a member code
 * (a product barcode, a coupon code).
 */
function memberKey(programme: Programme, query: string, field: string): MemberKey | null {
  const typed = query.trim();
  if (looksLikeCode(typed)) {
    const scanned = classifyScan(typed, {
      memberNumberPrefix: programme.memberNumberPrefix,
      campaignCodes: [],
    });
    switch (scanned.kind) {
      case 'member_number':
        return { via: 'member_number', memberNumber: scanned.code };
      case 'qr_token':
        return { via: 'qr', qrToken: scanned.token };
      case 'rejected':
        if (scanned.code === 'bad_check_digit' || scanned.code === 'incomplete') {
          throw new ServiceError(
            'invalid_member_number',
            msg('service.invalidMemberNumber', { typed, reason: scanned.reason }),
            field,
            400,
          );
        }
        return null;
      default:
        // A product barcode or a coupon code is not a member.
        return null;
    }
  }
  if (QR_TOKEN_PATTERN.test(typed)) return { via: 'qr', qrToken: typed };
  const phone = normaliseTypedPhone(typed);
  if (!phone.ok) throw new ServiceError('invalid_phone', phone.reason, field, 400);
  return { via: 'phone', e164: phone.e164 };
}

/** The member the cashier typed or scanned (see memberKey), as a ledger. */
export function findMember(ctx: ReadContext, query: string, field: string): MemberQueryResult {
  const key = memberKey(ctx.programme(), query, field);
  if (key === null) return { ledger: null, via: null };
  switch (key.via) {
    case 'member_number':
      return { ledger: memberByNumber(ctx.db, key.memberNumber), via: key.via };
    case 'qr':
      return { ledger: memberByQrToken(ctx.db, key.qrToken), via: key.via };
    case 'phone':
      return { ledger: memberByPhone(ctx.db, key.e164), via: key.via };
  }
}

/** A lookup's answer: the member, how found, and who else has that phone or number. */
export interface FoundSummary {
  member: MemberSummary | null;
  via: FoundVia | null;
  clash?: { kind: LocalConflictKind; memberIds: string[] };
}

/**
 * The same member as findMember finds, as a cashier's summary (the lookup's
 * answer). A lookup never picks one of two members silently: when another live
 * member has the phone or member number (two offline tills), it says who.
 */
export function findMemberSummary(ctx: ReadContext, query: string, field: string): FoundSummary {
  const programme = ctx.programme();
  const key = memberKey(programme, query, field);
  if (key === null) return { member: null, via: null };
  let row: MemberSummaryRow | null;
  switch (key.via) {
    case 'member_number':
      row = memberSummaryByNumber(ctx.db, key.memberNumber);
      break;
    case 'qr':
      row = memberSummaryByQrToken(ctx.db, key.qrToken);
      break;
    case 'phone':
      row = memberSummaryByPhone(ctx.db, key.e164);
      break;
  }
  if (row === null) return { member: null, via: key.via };
  const found: FoundSummary = { member: summaryOf(ctx, row, programme), via: key.via };
  const clash =
    key.via === 'phone'
      ? clashOver(ctx.db, 'duplicate_phone', key.e164)
      : key.via === 'member_number'
        ? clashOver(ctx.db, 'duplicate_member_number', key.memberNumber)
        : clashOver(ctx.db, 'duplicate_qr_token', key.qrToken);
  if (clash !== null)
    found.clash = { kind: clash.kind, memberIds: clash.members.map((m) => m.memberId) };
  return found;
}

/**
 * Codes, not phone numbers: a member QR, or 12–14 digits typed without spaces
 * (a phone written 0047… is 12 digits and starts with 00, so it stays a phone).
 */
function looksLikeCode(typed: string): boolean {
  if (/^ljm-/i.test(typed)) return true;
  if (!/^\d+$/.test(typed)) return false;
  if (typed.length === 13 || typed.length === 14) return true;
  return typed.length === 12 && !typed.startsWith('00');
}
