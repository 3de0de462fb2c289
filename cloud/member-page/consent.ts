/**
 * Consent from the member's own page: withdrawn at once through the same
 * path as an unsubscribe link (messaging/optout.ts); granted as a
 * `member.consent_changed` that records the terms version in force; both
 * record their source, "member page" (as an import records where a consent came from).
 * Both are the cloud's events, which every till pulls.
 */
import type { EventPayload } from '../../src/core/events';
import { writeMemberEvent } from '../backoffice/members';
import { Scope } from '../backoffice/scope';
import type { Database } from '../db/database';
import type { Channel } from '../messaging/outbox';
import { withdrawConsent } from '../messaging/optout';

/** Where a consent given on the page says it came from. */
export const MEMBER_PAGE_SOURCE = 'member page';

class AlreadyGranted extends Error {}

/** True when an event was written (false: it already was as asked). */
export async function setConsentFromPage(
  db: Database,
  chainId: string,
  memberId: string,
  channel: Channel,
  granted: boolean,
  now: number,
): Promise<boolean> {
  if (!granted) return withdrawConsent(db, chainId, memberId, channel, now, MEMBER_PAGE_SOURCE);
  const scope = new Scope({ chainId, role: 'owner', storeIds: [] });
  try {
    await writeMemberEvent(db, scope, memberId, now, async ({ ledger }, programme) => {
      if (ledger.consents[channel]) throw new AlreadyGranted();
      return {
        type: 'member.consent_changed',
        payload: {
          channel,
          granted: true,
          termsVersion: programme.termsVersion,
          staffId: null,
          at: now,
          // Kept beside the known fields (payloads keep what they do not name).
          source: MEMBER_PAGE_SOURCE,
        } as EventPayload<'member.consent_changed'>,
      };
    });
    return true;
  } catch (error) {
    if (error instanceof AlreadyGranted) return false;
    throw error;
  }
}
