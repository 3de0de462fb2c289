/** Enrolment, lookup and the member’s own details and consents. */
import { z } from 'zod';
import { msg } from '../../core/i18n';
import { boundedId, boundedText, LIMITS } from '../../core/limits';
import { says } from '../../core/schema-messages';
import { command, returns } from './define';
import { MEMBER_PIN, ProfileInput, typed } from './schemas';
import type { MemberDetail, MemberHistory, MemberSummary, Verification } from './types';

export const membersCommands = {
  /** A member enrolled now is at the counter: `verification` is given when `created`. */
  'member.enrol': command({
    input: z.object({
      phone: boundedText(LIMITS.maxIdLength).min(1, says(msg('contract.phoneNeeded'))),
      acceptTerms: z.literal(true, {
        message: says(msg('contract.acceptTerms')),
      }),
      consents: z
        .object({ sms: z.boolean().default(false), email: z.boolean().default(false) })
        .default({ sms: false, email: false }),
      profile: ProfileInput.default({}),
      /** A referrer's member number, QR token or phone number. */
      referral: typed(LIMITS.maxIdLength).min(1).optional(),
      memberPin: z
        .string()
        .regex(/^\d{4,8}$/, MEMBER_PIN)
        .optional(),
    }),
    output: returns<{ member: MemberDetail; created: boolean; verification?: Verification }>(),
    role: 'cashier',
    access: 'write',
    rest: {
      method: 'POST',
      path: '/members',
      request: { body: 'input' },
      created: (out) => out.created,
    },
  }),

  /** Phone (any Norwegian form), member number (EAN-13) or QR token. */
  'member.lookup': command({
    input: z.object({
      query: typed(LIMITS.maxIdLength).min(1, says(msg('contract.lookupQuery'))),
    }),
    output: returns<{
      member: MemberSummary | null;
      via: 'phone' | 'member_number' | 'qr' | null;
      /** Given for a member found by card or QR (not by phone). */
      verification?: Verification;
      remote?: boolean;
      /**
       * Other live members share the phone, member number or QR token that was
       * looked up (two offline or unpaired tills, or a faulty one): `member` is
       * the earliest enrolment, and `memberIds` lists them all, earliest first.
       * Also in `sync.conflicts`.
       */
      clash?: {
        kind: 'duplicate_phone' | 'duplicate_member_number' | 'duplicate_qr_token';
        memberIds: string[];
      };
    }>(),
    role: 'cashier',
    access: 'read',
    rest: {
      method: 'GET',
      path: '/members/lookup',
      request: { query: { q: { field: 'query' } }, body: 'none' },
    },
  }),

  /** By name: manager only. */
  'member.search': command({
    input: z.object({
      name: typed(LIMITS.maxIdLength).min(2),
      limit: z.number().int().positive().max(50).default(20),
    }),
    output: returns<MemberSummary[]>(),
    role: 'manager',
    access: 'read',
    rest: {
      method: 'GET',
      path: '/members/search',
      request: { query: { name: { field: 'name' } }, body: 'none' },
    },
  }),

  'member.get': command({
    input: z.object({ memberId: boundedId() }),
    output: returns<MemberDetail>(),
    role: 'cashier',
    access: 'read',
    rest: {
      method: 'GET',
      path: '/members/:id',
      request: { params: { id: 'memberId' }, body: 'none' },
    },
  }),

  'member.update': command({
    input: z.object({
      memberId: boundedId(),
      profile: ProfileInput,
      phone: boundedText(LIMITS.maxIdLength).optional(),
    }),
    output: returns<MemberDetail>(),
    role: 'manager',
    access: 'write',
    rest: {
      method: 'PUT',
      path: '/members/:id',
      request: { params: { id: 'memberId' }, body: 'input' },
    },
  }),

  /**
   * Consent is withdrawn as easily as it was given: a cashier withdraws it on
   * the member's word, but gives it only for a member who is at the counter
   * (`verification`: the card or QR was scanned, or the member typed their PIN,
   * in this session). A manager or the API client may do either.
   */
  'member.consent': command({
    input: z.object({
      memberId: boundedId(),
      channel: z.enum(['sms', 'email']),
      granted: z.boolean(),
      /** The verification the service gave this session for this member (see member.lookup). */
      verification: z.string().min(1).max(100).optional(),
    }),
    output: returns<MemberDetail>(),
    role: 'cashier',
    access: 'write',
    rest: {
      method: 'PUT',
      path: '/members/:id/consent',
      request: { params: { id: 'memberId' }, body: 'input' },
    },
  }),

  /**
   * What happened to the member, newest first: sales, points movements with
   * their reasons, stamps, coupons (issued, used, expired), consents. At most
   * `limit` entries; `more` says whether older ones exist.
   */
  'member.history': command({
    input: z.object({
      memberId: boundedId(),
      limit: z.number().int().positive().max(200).default(50),
    }),
    output: returns<MemberHistory>(),
    role: 'cashier',
    access: 'read',
    rest: {
      method: 'GET',
      path: '/members/:id/history',
      request: { params: { id: 'memberId' }, body: 'none' },
    },
  }),

  'member.setPin': command({
    input: z.object({
      memberId: boundedId(),
      memberPin: z.string().regex(/^\d{4,8}$/, MEMBER_PIN),
      /** The member's PIN now: a cashier changes a PIN only with it (a manager resets without). */
      oldPin: z
        .string()
        .regex(/^\d{4,8}$/, MEMBER_PIN)
        .optional(),
    }),
    output: returns<{ ok: true }>(),
    role: 'cashier',
    access: 'write',
  }),

  /** The member types their PIN: answers a verification for this session. */
  'member.verifyPin': command({
    input: z.object({
      memberId: boundedId(),
      memberPin: z.string().regex(/^\d{4,8}$/, MEMBER_PIN),
    }),
    output: returns<{ verification: Verification }>(),
    role: 'cashier',
    access: 'write',
  }),
};
