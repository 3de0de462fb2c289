/**
 * Self-enrolment at the till (the cloud's side: cloud/self-enrol). The till
 * asks the cloud for a join request bound to its terminal, store and open
 * basket, shows its public page as a QR, and polls the request's outcome
 * about once a second while it waits.
 *
 * Why polling rather than waiting for the member's events to arrive by the
 * announced pull: the outcome is about this one request (the basket it was
 * for, and whether the phone was a member already, which no event says), the
 * poll stops when the request is used or expired (10 minutes at most), and it
 * does not depend on where the pull's cursor is. Once the request is used the
 * member's events are fetched at once by the member lookup (as for a member
 * this till has not seen), so the member is here before the next pull.
 */
import { msg } from '../../core/i18n';
import { loadLedger } from '../../store';
import type { CommandOutputs } from '../commands';
import { ServiceError } from '../commands';
import { verifiedHere } from '../basket';
import { AfterCommit } from '../handler-types';
import type { Handlers, ReadOnlyContext, SyncPort } from '../handler-types';
import { memberDetail, requireMember } from '../member-access';

type Status = CommandOutputs['member.joinStatus'];

const needsNetwork = () =>
  new ServiceError('join_needs_network', msg('service.join.needsNetwork'), null, 503);

function syncOf(ctx: ReadOnlyContext): SyncPort {
  if (!ctx.sync) throw needsNetwork();
  return ctx.sync;
}

const waiting = (reachable: boolean): Status => ({
  state: 'open',
  reachable,
  basketId: null,
  expiresAt: null,
  member: null,
  created: false,
});

export const memberJoinHandlers: Handlers<'member.joinStart' | 'member.joinStatus'> = {
  'member.joinStart': ({ basketId }, ctx) => {
    const sync = syncOf(ctx);
    return new AfterCommit(async () => {
      const started = await sync.startJoin(basketId);
      if (started.outcome !== 'ok') throw needsNetwork();
      const { requestId, url, expiresAt } = started.value;
      return { requestId, url, expiresAt };
    });
  },

  'member.joinStatus': ({ requestId }, ctx) => {
    const sync = syncOf(ctx);
    return new AfterCommit(async (): Promise<Status> => {
      const asked = await sync.joinStatus(requestId);
      if (asked.outcome === 'not_found')
        throw new ServiceError('join_not_found', msg('service.join.notFound'), 'requestId', 404);
      // A blip while waiting is no answer yet: the till keeps showing the code.
      if (asked.outcome !== 'ok') return waiting(false);
      const { state, basketId, expiresAt, member: joined } = asked.value;
      const base = { state, reachable: true, basketId, expiresAt, member: null, created: false };
      if (state !== 'used' || joined === null) return base;
      const here = () => ctx.read((fresh) => loadLedger(fresh.db, joined.memberId) !== null);
      if (!here()) await sync.lookupMember({ memberNumber: joined.memberNumber });
      // Not here even so (the cloud went away between the two calls): asked again next poll.
      if (!here()) return waiting(false);
      return ctx.read((fresh): Status => {
        const detail = memberDetail(fresh, requireMember(fresh, joined.memberId));
        const answer = { ...base, member: detail, created: joined.created };
        // Someone who enrolled now from this till's own code is at the counter, as at the
        // till's enrolment; a phone number that was a member already is no such proof.
        return joined.created
          ? { ...answer, verification: verifiedHere(fresh, joined.memberId) }
          : answer;
      });
    });
  },
};
