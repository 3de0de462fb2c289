/**
 * Withdrawing a channel's consent for the member themself (an unsubscribe
 * link, an SMS reply STOPP): written at once as `member.consent_changed`
 * (granted false) by the cloud (store and till 'cloud', no staff), through
 * the back office's member write (the event log, projections and conflicts
 * follow), so every till pulls it like any other event and member_facts
 * says no consent before the next message is decided.
 */
import type { EventPayload } from '../../src/core/events';
import { writeMemberEvent } from '../backoffice/members';
import { Scope } from '../backoffice/scope';
import type { Database } from '../db/database';
import type { Channel } from './outbox';

class AlreadyWithdrawn extends Error {}

/** True when a withdrawal was written; false when there was no consent to withdraw. */
export async function withdrawConsent(
  db: Database,
  chainId: string,
  memberId: string,
  channel: Channel,
  now: number,
  /** Where the withdrawal came from, kept on the event (the member page says so); none: as before. */
  source?: string,
): Promise<boolean> {
  const scope = new Scope({ chainId, role: 'owner', storeIds: [] });
  try {
    await writeMemberEvent(db, scope, memberId, now, async ({ ledger }, programme) => {
      if (!ledger.consents[channel]) throw new AlreadyWithdrawn();
      return {
        type: 'member.consent_changed',
        payload: {
          channel,
          granted: false,
          termsVersion: programme.termsVersion,
          staffId: null,
          at: now,
          // Kept beside the known fields (payloads keep what they do not name).
          ...(source === undefined ? {} : { source }),
        } as EventPayload<'member.consent_changed'>,
      };
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadyWithdrawn) return false;
    // An erased or unknown member has nothing to withdraw.
    if ((error as { code?: string } | null)?.code === 'not_found') return false;
    throw error;
  }
}
