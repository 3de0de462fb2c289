/**
 * The sync commands (a settings screen's): status, pairing and unpairing,
 * sync now, and the conflicts to show a manager. They reach the service's
 * SyncClient through the command context (`ctx.sync`), and do their network
 * work after the command's (empty) transaction: `AfterCommit`.
 */
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import { knownMembers, localConflicts, unknownMember } from '../store/sync-conflicts';
import type { LocalConflict, LocalConflictMember } from '../store/sync-conflicts';
import { PairingError } from '../sync';
import type { Conflict } from '../sync';
import type { PairingErrorCode } from '../sync/problems';
import { ServiceError } from './commands';
import { AfterCommit } from './handler-types';
import type { Handlers, ReadContext, SyncPort } from './handler-types';
import type { CloudConflict, SyncConflicts, TillConflict } from './sync-types';

function clientOf(ctx: ReadContext): SyncPort {
  const client = ctx.sync;
  if (!client) {
    throw new ServiceError('sync_unavailable', msg('commands.syncNotRunning'), null, 503);
  }
  return client;
}

/** The HTTP status a pairing refusal answers with; the cloud's other refusals are 502. */
const PAIRING_STATUS: Partial<Record<PairingErrorCode, number>> = {
  invalid_cloud_url: 400,
  invalid_request: 400,
  store_code_not_found: 404,
  foreign_chain_data: 409,
  slots_exhausted: 409,
  pending_events: 409,
  unpaired: 409,
  cloud_unavailable: 503,
  rate_limited: 503,
  stopped: 503,
};

/**
 * A pairing or unpairing refusal as the cashier's screen shows it: the client's
 * words in both languages, its English detail as the message.
 */
export function pairingFailure(error: PairingError): ServiceError {
  // Used-up member-number blocks are the store code's chain's: the field to look at.
  const field = error.code === 'slots_exhausted' ? 'storeCode' : error.field;
  const status = PAIRING_STATUS[error.code] ?? 502;
  return new ServiceError(error.code, error.text, field, status, error.message);
}

async function orFailure<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PairingError) throw pairingFailure(error);
    throw error;
  }
}

function named(member: LocalConflictMember): string {
  return member.firstName ?? member.memberNumber ?? member.memberId;
}

function cloudText(conflict: Conflict, member: LocalConflictMember): Msg {
  const who = named(member);
  const flag = conflict.flag;
  switch (flag.kind) {
    case 'negative_points':
      return msg('conflicts.negativePoints', { who, points: flag.points });
    case 'negative_cashback':
      return msg('conflicts.negativeCashback', { who, kroner: flag.amountOre / 100 });
    case 'coupon_redeemed_twice':
      return msg('conflicts.couponTwice', {
        who,
        coupon: flag.couponId,
        sales: flag.saleIds.length,
      });
    case 'reward_redeemed_twice':
      return msg('conflicts.rewardTwice', {
        who,
        reward: flag.rewardId,
        sales: flag.saleIds.length,
      });
    case 'tier_once_used_twice':
      return msg('conflicts.tierOnceTwice', {
        who,
        period: flag.periodKey,
        sales: flag.saleIds.length,
      });
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token':
      return msg('conflicts.sharedIdentity', {
        count: flag.memberIds.length,
        who,
        what:
          flag.kind === 'duplicate_phone'
            ? 'phone'
            : flag.kind === 'duplicate_member_number'
              ? 'memberNumber'
              : 'qr',
      });
  }
}

function tillText(conflict: LocalConflict): Msg {
  const [first] = conflict.members;
  const answered = first ? named(first) : '';
  const count = conflict.members.length;
  if (conflict.kind === 'duplicate_qr_token')
    return msg('conflicts.tillSameQr', { count, answered });
  return conflict.kind === 'duplicate_phone'
    ? msg('conflicts.tillSamePhone', { count, value: conflict.value, answered })
    : msg('conflicts.tillSameMemberNumber', { count, value: conflict.value, answered });
}

/**
 * The cloud lists an identity clash (a phone, member number or QR code two
 * members share) once for each member in it. A manager reads it once: not at
 * all when this till lists the same clash itself (its words name the value),
 * else once per set of members.
 */
function withoutRepeatedClashes(listed: Conflict[], local: readonly TillConflict[]): Conflict[] {
  const saidByTill = new Set(local.flatMap((c) => c.members.map((m) => `${c.kind}:${m.memberId}`)));
  const said = new Set<string>();
  return listed.filter((c) => {
    const flag = c.flag;
    if (
      flag.kind !== 'duplicate_phone' &&
      flag.kind !== 'duplicate_member_number' &&
      flag.kind !== 'duplicate_qr_token'
    )
      return true;
    if (saidByTill.has(`${flag.kind}:${c.memberId}`)) return false;
    const key = `${flag.kind}:${[...flag.memberIds].sort().join(',')}`;
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

async function conflictsOf(ctx: ReadContext, client: SyncPort): Promise<SyncConflicts> {
  const local: TillConflict[] = localConflicts(ctx.db).map((c) => ({ ...c, text: tillText(c) }));
  if (client.status().state === 'unpaired') {
    return {
      cloud: {
        available: false,
        reason: msg('commands.notPaired'),
        conflicts: [],
      },
      local,
    };
  }
  let listed: Conflict[];
  try {
    listed = await client.conflicts();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      cloud: {
        available: false,
        reason: msg('commands.cloudNoAnswer', { detail }),
        conflicts: [],
      },
      local,
    };
  }
  const shown = withoutRepeatedClashes(listed, local);
  const known = knownMembers(
    ctx.db,
    shown.map((c) => c.memberId),
  );
  const conflicts: CloudConflict[] = shown.map((c) => {
    const member = known.get(c.memberId) ?? unknownMember(c.memberId);
    return {
      member,
      flag: c.flag,
      firstSeenAt: c.firstSeenAt,
      lastSeenAt: c.lastSeenAt,
      text: cloudText(c, member),
    };
  });
  return { cloud: { available: true, reason: null, conflicts }, local };
}

export const syncHandlers: Handlers<
  'sync.status' | 'sync.pair' | 'sync.unpair' | 'sync.now' | 'sync.conflicts'
> = {
  'sync.status': (_input, ctx) => clientOf(ctx).status(),

  'sync.pair': ({ cloudUrl, storeCode, terminalName }, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => orFailure(() => client.pair(cloudUrl, storeCode, terminalName)));
  },

  'sync.unpair': ({ force }, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => orFailure(() => client.unpair({ force })));
  },

  'sync.now': (_input, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => client.syncNow());
  },

  'sync.conflicts': (_input, ctx) => {
    const client = clientOf(ctx);
    return new AfterCommit(() => conflictsOf(ctx, client));
  },
};
