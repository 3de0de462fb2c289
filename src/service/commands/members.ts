/** Enrolment, lookup and the member's own details and consents. */
import type { EventPayload, LojalEvent } from '../../core/events';
import { PROFILE_FIELDS } from '../../core/events';
import { msg } from '../../core/i18n';
import { emptyProfile } from '../../core/member';
import { normalisePhone } from '../../core/phone';
import { isBirthDateOn, isoDate, localDateOf } from '../../core/time';
import {
  allocateMemberNumber,
  hashPin,
  memberByPhone,
  membersByName,
  newEventId,
  newQrToken,
} from '../../store';
import type { MemberQuery } from '../../sync';
import { ServiceError } from '../commands';
import type { CommandOutputs, ParsedInput } from '../commands';
import { checkMemberPin, holderOf, verifiedHere } from '../basket';
import { conflict, notFound } from '../errors';
import { AfterCommit } from '../handler-types';
import type { CommandContext, Handlers, ReadContext, ReadOnlyContext } from '../handler-types';
import {
  findMember,
  findMemberSummary,
  memberDetail,
  memberSummary,
  requireMember,
  seesPersonalData,
} from '../member-access';
import { memberHistory } from '../member-history';

/** Managers (and the API client, which may run everything) reset member PINs. */
const mayResetPins = (ctx: CommandContext) => seesPersonalData(ctx.session);

type ProfileChanges = EventPayload<'member.profile_updated'>['fields'];

/** Optional fields left empty in the form are simply not given. */
function withoutBlanks<T extends object>(profile: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(profile).filter(([, value]) => value !== undefined && value !== ''),
  ) as Partial<T>;
}

function phoneOrThrow(typed: string, field: string): string {
  const phone = normalisePhone(typed);
  if (!phone.ok) throw new ServiceError('invalid_phone', phone.reason, field, 400);
  return phone.e164;
}

/** The referrer named at enrolment (member number, QR or phone), never the new member. */
function resolveReferrer(ctx: CommandContext, referral: string, newPhone: string): string {
  const selfReferral = () =>
    new ServiceError('self_referral', msg('commands.selfReferral'), 'referral', 400);
  // The new member is not enrolled yet, so their own phone is caught before any lookup.
  const asPhone = normalisePhone(referral);
  if (asPhone.ok && asPhone.e164 === newPhone) throw selfReferral();
  const { ledger } = findMember(ctx, referral, 'referral');
  if (!ledger) {
    throw notFound('unknown_referrer', msg('commands.unknownReferrer', { referral }), 'referral');
  }
  if (ledger.phoneE164 === newPhone) throw selfReferral();
  return ledger.memberId;
}

/** A date of birth still to come, on the store's own calendar: the schema cannot know today. */
function refuseUnbornBirthDate(birthDate: string | undefined, ctx: CommandContext): void {
  if (birthDate === undefined || birthDate === '') return;
  const today = isoDate(localDateOf(ctx.now, ctx.programme().timeZone));
  if (!isBirthDateOn(birthDate, today)) {
    throw new ServiceError('invalid_input', msg('contract.birthDate'), 'profile.birthDate', 400);
  }
}

function enrol(input: ParsedInput<'member.enrol'>, ctx: CommandContext) {
  refuseUnbornBirthDate(input.profile.birthDate, ctx);
  const phoneE164 = phoneOrThrow(input.phone, 'phone');
  const existing = memberByPhone(ctx.db, phoneE164);
  // Enrolling someone twice would split their points: answer the member they already are.
  if (existing) return { member: memberDetail(ctx, existing), created: false };

  const programme = ctx.programme();
  const referrerId =
    input.referral === undefined ? null : resolveReferrer(ctx, input.referral, phoneE164);
  const memberId = newEventId();
  const events: LojalEvent[] = [
    ctx.event('member.enrolled', memberId, {
      memberNumber: allocateMemberNumber(ctx.db, programme.memberNumberPrefix),
      qrToken: newQrToken(),
      phoneE164,
      profile: { ...emptyProfile(), ...withoutBlanks(input.profile) },
      termsVersion: programme.termsVersion,
      consents: { sms: input.consents.sms, email: input.consents.email },
      referrerId,
      staffId: ctx.session.staffId,
      at: ctx.now,
    }),
  ];
  if (input.memberPin !== undefined) {
    events.push(
      ctx.event('member.pin_set', memberId, { pinHash: hashPin(input.memberPin), at: ctx.now }),
    );
  }
  ctx.append(events);
  ctx.notifyAfterCommit({ type: 'data', what: 'members' });
  return {
    member: memberDetail(ctx, requireMember(ctx, memberId)),
    created: true,
    // Someone enrolling at the counter is here; a phone already enrolled proves nothing.
    verification: verifiedHere(ctx, memberId),
  };
}

type Lookup = CommandOutputs['member.lookup'];

function lookUpHere(query: string, ctx: ReadContext): Lookup {
  const found = findMemberSummary(ctx, query, 'query');
  if (!found.member) return { member: null, via: null };
  // A card number or QR shows the member is here; a phone number alone does not.
  if (found.via === 'member_number' || found.via === 'qr')
    return { ...found, verification: verifiedHere(ctx, found.member.memberId) };
  return found;
}

/**
 * What to ask the cloud for what the cashier typed: it finds members by phone
 * or member number, not by QR token. Codes are told from phones the way
 * `findMember` tells them (12–14 digits without a leading 00 are codes).
 */
function remoteQuery(typed: string): MemberQuery | null {
  const query = typed.trim();
  if (/^\d{13}$/.test(query)) return { memberNumber: query };
  if (/^ljm-/i.test(query) || /^\d{14}$/.test(query) || /^(?!00)\d{12}$/.test(query)) return null;
  const phone = normalisePhone(query);
  return phone.ok ? { phoneE164: phone.e164 } : null;
}

/**
 * A member this till has not seen yet may be known to the cloud: it is asked
 * (after the local read), its events are stored, and the lookup runs again.
 */
function lookUp({ query }: ParsedInput<'member.lookup'>, ctx: ReadOnlyContext) {
  const local = lookUpHere(query, ctx);
  const remote = local.member === null ? remoteQuery(query) : null;
  const sync = ctx.sync;
  if (remote === null || sync === null) return local;
  return new AfterCommit(async (): Promise<Lookup> => {
    const found = await sync.lookupMember(remote);
    if (found.outcome !== 'found') return local;
    const again = ctx.read((fresh) => lookUpHere(query, fresh));
    return again.member === null ? again : { ...again, remote: true };
  });
}

export const memberHandlers: Handlers<
  | 'member.enrol'
  | 'member.lookup'
  | 'member.search'
  | 'member.get'
  | 'member.update'
  | 'member.consent'
  | 'member.history'
  | 'member.setPin'
  | 'member.verifyPin'
> = {
  'member.enrol': enrol,

  'member.lookup': lookUp,

  'member.search': ({ name, limit }, ctx) =>
    membersByName(ctx.db, name, limit).map((ledger) => memberSummary(ctx, ledger)),

  'member.get': ({ memberId }, ctx) => {
    return memberDetail(ctx, requireMember(ctx, memberId));
  },

  'member.update': ({ memberId, profile, phone }, ctx) => {
    const ledger = requireMember(ctx, memberId);
    refuseUnbornBirthDate(profile.birthDate, ctx);
    const fields: ProfileChanges = {};
    for (const field of PROFILE_FIELDS) {
      if (profile[field] === undefined) continue;
      // An emptied field is cleared.
      const value = profile[field] === '' ? null : profile[field];
      if (value !== ledger.profile[field]) Object.assign(fields, { [field]: value });
    }
    if (phone !== undefined) {
      const phoneE164 = phoneOrThrow(phone, 'phone');
      const holder = memberByPhone(ctx.db, phoneE164);
      if (holder && holder.memberId !== memberId) {
        throw conflict('phone_taken', msg('commands.phoneTaken'), 'phone');
      }
      if (phoneE164 !== ledger.phoneE164) fields.phoneE164 = phoneE164;
    }
    if (Object.keys(fields).length > 0) {
      ctx.append([
        ctx.event('member.profile_updated', memberId, {
          fields,
          staffId: ctx.session.staffId,
          at: ctx.now,
        }),
      ]);
      ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    }
    return memberDetail(ctx, requireMember(ctx, memberId));
  },

  'member.consent': ({ memberId, channel, granted, verification }, ctx) => {
    requireMember(ctx, memberId);
    // Withdrawn on the member's word; given by a cashier only with the member at the counter.
    if (granted && !seesPersonalData(ctx.session)) {
      const { verifications } = ctx.sessions;
      if (!verifications.verifies(holderOf(ctx), memberId, verification, ctx.now)) {
        throw new ServiceError(
          'member_not_present',
          msg('commands.consentNeedsMember'),
          'verification',
          403,
        );
      }
    }
    // Recorded even when unchanged: each giving or withdrawal is a fact with its time and terms.
    ctx.append([
      ctx.event('member.consent_changed', memberId, {
        channel,
        granted,
        termsVersion: ctx.programme().termsVersion,
        staffId: ctx.session.staffId,
        at: ctx.now,
      }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return memberDetail(ctx, requireMember(ctx, memberId));
  },

  'member.history': ({ memberId, limit }, ctx) =>
    memberHistory(ctx, requireMember(ctx, memberId), limit),

  'member.setPin': ({ memberId, memberPin, oldPin }, ctx) => {
    const member = requireMember(ctx, memberId);
    // A manager resets a forgotten PIN; a cashier sets a first PIN, or changes one
    // the member proves they know, so nobody at the till can take a member's PIN over.
    if (member.pinHash !== null && !mayResetPins(ctx)) {
      if (oldPin === undefined) {
        throw new ServiceError('old_pin_required', msg('commands.oldPinNeeded'), 'oldPin', 403);
      }
      checkMemberPin(ctx, member, oldPin, 'oldPin');
    }
    ctx.append([
      ctx.event('member.pin_set', memberId, { pinHash: hashPin(memberPin), at: ctx.now }),
    ]);
    return { ok: true };
  },

  'member.verifyPin': ({ memberId, memberPin }, ctx) => {
    const member = requireMember(ctx, memberId);
    checkMemberPin(ctx, member, memberPin);
    return { verification: verifiedHere(ctx, memberId) };
  },
};
