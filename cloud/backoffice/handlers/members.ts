/**
 * Members in the back office (src/contract/backoffice/members.ts): each change
 * is a member event with the account as its author, written by the cloud
 * (cloud/backoffice/members.ts) for the tills to pull.
 */
import { PROFILE_FIELDS } from '../../../src/core/events';
import type { EventPayload } from '../../../src/core/events';
import { memberRefusals } from '../../../src/contract/backoffice/members';
import { normalisePhone } from '../../../src/core/phone';
import { msg } from '../../../src/core/i18n';
import { isBirthDateOn, isoDate, localDateOf } from '../../../src/core/time';
import { BoError, notFound } from '../errors';
import {
  auditList,
  fieldRefusal,
  manualAdjustmentCap,
  memberDetail,
  memberExport,
  phoneHolder,
  pointsExpiry,
  searchMembers,
  writeMemberEvent,
} from '../members';
import type { BoHandlers } from './types';

type ProfileChanges = EventPayload<'member.profile_updated'>['fields'];

export const memberHandlers = {
  'members.search': async (input, ctx) => searchMembers(ctx.db, ctx.scope, input.q, input.page),

  'members.get': async (input, ctx) => memberDetail(ctx.db, ctx.scope, input.memberId, ctx.now),

  'members.updateProfile': async ({ memberId, profile }, ctx) => {
    // A store manager edits only what they see: their own stores' customers.
    const before = await memberDetail(ctx.db, ctx.scope, memberId, ctx.now);
    if (!before.may.editProfile) throw new BoError('forbidden', 'not a customer of your stores');
    let wrote = false;
    await writeMemberEvent(
      ctx.db,
      ctx.scope,
      memberId,
      ctx.now,
      async ({ ledger }, programme, tx) => {
        // A date changed must be a real one from 1900 to today by the chain's calendar; one on
        // file from before this rule is let be (the form sends every field).
        const birthDate = profile.birthDate;
        if (
          birthDate &&
          birthDate !== ledger.profile.birthDate &&
          !isBirthDateOn(birthDate, isoDate(localDateOf(ctx.now, programme.timeZone)))
        )
          throw fieldRefusal(
            'profile.birthDate',
            msg('backoffice.input.members.birthDate'),
            'a date of birth still to come',
          );
        const fields: ProfileChanges = {};
        for (const field of PROFILE_FIELDS) {
          if (field === 'gender') continue;
          const typed = profile[field];
          if (typed === undefined) continue;
          const value = typed === '' ? null : typed;
          if (value !== ledger.profile[field]) Object.assign(fields, { [field]: value });
        }
        if (profile.phone !== undefined && profile.phone !== '') {
          const phone = normalisePhone(profile.phone);
          if (!phone.ok) throw fieldRefusal('profile.phone', phone.reason, 'not a phone number');
          if (await phoneHolder(tx, ctx.scope.chainId, phone.e164, memberId))
            throw fieldRefusal(
              'profile.phone',
              memberRefusals.phoneTaken(),
              'another member has this phone number',
            );
          if (phone.e164 !== ledger.phoneE164) fields.phoneE164 = phone.e164;
        }
        if (Object.keys(fields).length === 0) throw new NothingToWrite();
        wrote = true;
        return {
          type: 'member.profile_updated',
          payload: { fields, staffId: ctx.account.accountId, at: ctx.now },
        };
      },
    ).catch((error: unknown) => {
      if (!(error instanceof NothingToWrite)) throw error;
    });
    return wrote ? memberDetail(ctx.db, ctx.scope, memberId, ctx.now) : before;
  },

  'members.setConsent': async ({ memberId, channel, granted }, ctx) => {
    // Given on the member's behalf only by the chain (which keeps the proof); withdrawn by anyone.
    if (granted && ctx.scope.role !== 'owner')
      throw new BoError('forbidden', 'only an owner records a consent given');
    await writeMemberEvent(ctx.db, ctx.scope, memberId, ctx.now, async (_l, programme) => ({
      type: 'member.consent_changed',
      payload: {
        channel,
        granted,
        termsVersion: programme.termsVersion,
        staffId: ctx.account.accountId,
        at: ctx.now,
      },
    }));
    return memberDetail(ctx.db, ctx.scope, memberId, ctx.now);
  },

  'members.resetPin': async ({ memberId }, ctx) => {
    await writeMemberEvent(ctx.db, ctx.scope, memberId, ctx.now, async () => ({
      type: 'member.pin_set',
      // The event has no author field of its own: `staffId` rides along (kept and passed on).
      payload: {
        pinHash: null,
        at: ctx.now,
        staffId: ctx.account.accountId,
      } as EventPayload<'member.pin_set'>,
    }));
    return memberDetail(ctx.db, ctx.scope, memberId, ctx.now);
  },

  'members.adjustPoints': async ({ memberId, points, reason }, ctx) => {
    await writeMemberEvent(ctx.db, ctx.scope, memberId, ctx.now, async ({ ledger }, programme) => {
      if (!programme.points?.enabled)
        throw fieldRefusal('points', memberRefusals.pointsOff(), 'points are off');
      const cap = manualAdjustmentCap(programme);
      if (Math.abs(points) > cap)
        throw fieldRefusal(
          'points',
          memberRefusals.overCap(cap),
          `at most ${cap} points at a time`,
        );
      const balance =
        ledger.lots.reduce((sum, lot) => sum + lot.remaining, 0) - ledger.pointsDeficit;
      if (points < 0 && balance + points < 0)
        throw fieldRefusal(
          'points',
          memberRefusals.notEnough(Math.max(0, balance)),
          'the member has fewer points',
        );
      return {
        type: 'points.adjusted',
        payload: {
          points,
          actionId: null,
          reason: { nb: reason, en: reason },
          staffId: ctx.account.accountId,
          at: ctx.now,
          availableAt: ctx.now,
          expireAt: points > 0 ? pointsExpiry(programme, ctx.now) : null,
        },
      };
    });
    return memberDetail(ctx.db, ctx.scope, memberId, ctx.now);
  },

  'members.export': async ({ memberId }, ctx) => memberExport(ctx.db, ctx.scope, memberId, ctx.now),

  'members.erase': async ({ memberId }, ctx) => {
    await writeMemberEvent(ctx.db, ctx.scope, memberId, ctx.now, async () => ({
      type: 'member.erased',
      payload: { staffId: ctx.account.accountId, at: ctx.now },
    }));
    return { memberId, erased: true as const };
  },

  'audit.list': async (input, ctx) => {
    if (!('memberId' in input) && !('accountId' in input)) throw notFound('the audit');
    return auditList(ctx.db, ctx.scope, ctx.account.accountId, input);
  },
} satisfies Pick<
  BoHandlers,
  | 'members.search'
  | 'members.get'
  | 'members.updateProfile'
  | 'members.setConsent'
  | 'members.resetPin'
  | 'members.adjustPoints'
  | 'members.export'
  | 'members.erase'
  | 'audit.list'
>;

/** A profile form sent with nothing changed: no event. */
class NothingToWrite extends Error {}
