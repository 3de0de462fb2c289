/**
 * Self-enrolment at the till: the join QR the customer scans with their own
 * phone, and the outcome the till waits for (src/service/commands/member-join.ts).
 */
import { z } from 'zod';
import { boundedId } from '../../core/limits';
import { command, returns } from './define';
import type { MemberDetail, Verification } from './types';

export const memberJoinCommands = {
  /** A join request at the cloud for this till and its open basket (online only). */
  'member.joinStart': command({
    input: z.object({ basketId: boundedId() }),
    output: returns<{ requestId: string; url: string; expiresAt: number }>(),
    role: 'cashier',
    access: 'read',
  }),

  /**
   * The request's outcome: `open` while the customer fills in the form (or the
   * cloud cannot be reached: `reachable` false), `expired`, or `used` with the
   * member (new, or the one who held the phone already: `created` false).
   */
  'member.joinStatus': command({
    input: z.object({ requestId: boundedId() }),
    output: returns<{
      state: 'open' | 'expired' | 'used';
      reachable: boolean;
      basketId: string | null;
      expiresAt: number | null;
      member: MemberDetail | null;
      created: boolean;
      /** Given for a member who enrolled now from this till's code, as at the till's own enrolment. */
      verification?: Verification;
    }>(),
    role: 'cashier',
    access: 'read',
  }),
};
