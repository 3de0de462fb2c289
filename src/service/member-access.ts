/**
 * Finding members and showing them: what a cashier may see (first name, tier,
 * balances, a masked phone) and what only a manager sees (everything).
 */
import { memberView } from '../core/member';
import type { MemberLedger, MemberView } from '../core/member-types';
import { maskPhone, normalisePhone } from '../core/phone';
import { classifyScan } from '../core/scan';
import {
  loadLedger,
  memberByNumber,
  memberByPhone,
  memberByQrToken,
  QR_TOKEN_PATTERN,
} from '../store';
import type { MemberDetail, MemberSummary, Session } from './commands';
import { ServiceError } from './commands';
import { notFound } from './errors';
import type { CommandContext } from './handler-types';

export function seesPersonalData(session: Session): boolean {
  return session.role === 'manager' || session.role === 'system';
}

/** A live (not erased) member, or a 404 naming the field. */
export function requireMember(
  ctx: CommandContext,
  memberId: string,
  field = 'memberId',
): MemberLedger {
  const ledger = requireLedger(ctx, memberId, field);
  if (ledger.erased) throw notFound('unknown_member', `no member with id ${memberId}`, field);
  return ledger;
}

/** A member's ledger, erased or not (what is left of an erased member is anonymous). */
export function requireLedger(
  ctx: CommandContext,
  memberId: string,
  field = 'memberId',
): MemberLedger {
  const ledger = loadLedger(ctx.db, memberId);
  if (!ledger) throw notFound('unknown_member', `no member with id ${memberId}`, field);
  return ledger;
}

export function viewOf(ctx: CommandContext, ledger: MemberLedger): MemberView {
  return memberView(ctx.programme(), ledger, ctx.now);
}

/** The member as this session may see them. */
export function memberDetail(ctx: CommandContext, ledger: MemberLedger): MemberDetail {
  const view = viewOf(ctx, ledger);
  if (seesPersonalData(ctx.session)) return { ...view, masked: false };
  return {
    ...view,
    phoneE164: view.phoneE164 === null ? null : maskPhone(view.phoneE164),
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

export function memberSummary(ctx: CommandContext, ledger: MemberLedger): MemberSummary {
  const view = viewOf(ctx, ledger);
  return {
    memberId: view.memberId,
    memberNumber: view.memberNumber,
    firstName: view.profile.firstName,
    phoneMasked: view.phoneE164 === null ? '' : maskPhone(view.phoneE164),
    tierName: view.tier?.name ?? null,
    pointsBalance: view.points.balance,
  };
}

export type FoundVia = 'phone' | 'member_number' | 'qr';

export interface MemberQueryResult {
  ledger: MemberLedger | null;
  via: FoundVia | null;
}

/**
 * What the cashier typed or scanned: a member number (EAN-13 under the
 * programme's prefix, check digit verified), a member QR (`LJM-…` or the bare
 * token), or a phone number in any Norwegian form.
 */
export function findMember(ctx: CommandContext, query: string, field: string): MemberQueryResult {
  const typed = query.trim();
  const programme = ctx.programme();
  if (looksLikeCode(typed)) {
    const scanned = classifyScan(typed, {
      memberNumberPrefix: programme.memberNumberPrefix,
      campaignCodes: [],
    });
    switch (scanned.kind) {
      case 'member_number':
        return { ledger: memberByNumber(ctx.db, scanned.code), via: 'member_number' };
      case 'qr_token':
        return { ledger: memberByQrToken(ctx.db, scanned.token), via: 'qr' };
      case 'rejected':
        if (scanned.code === 'bad_check_digit' || scanned.code === 'incomplete') {
          throw new ServiceError(
            'invalid_member_number',
            `${typed} is not a valid member number: ${scanned.reason.en}`,
            field,
            400,
          );
        }
        return { ledger: null, via: null };
      default:
        // A product barcode or a coupon code is not a member.
        return { ledger: null, via: null };
    }
  }
  if (QR_TOKEN_PATTERN.test(typed)) {
    return { ledger: memberByQrToken(ctx.db, typed), via: 'qr' };
  }
  const phone = normalisePhone(typed);
  if (!phone.ok) throw new ServiceError('invalid_phone', phone.reason.en, field, 400);
  return { ledger: memberByPhone(ctx.db, phone.e164), via: 'phone' };
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
