/**
 * The sync commands (a settings screen's): status, pairing and unpairing,
 * sync now, and the conflicts to show a manager. They reach the service's
 * SyncClient through the command context (`ctx.sync`), and do their network
 * work after the command's (empty) transaction: `AfterCommit`.
 */
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';
import { knownMembers, localConflicts, unknownMember } from '../store/sync-conflicts';
import type { LocalConflict, LocalConflictMember } from '../store/sync-conflicts';
import { PairingError } from '../sync';
import type { Conflict } from '../sync';
import type { PairingErrorCode } from '../sync/problems';
import { ServiceError } from './commands';
import { AfterCommit } from './handler-types';
import type { CommandContext, Handlers, SyncPort } from './handler-types';
import type { CloudConflict, SyncConflicts, TillConflict } from './sync-types';

function clientOf(ctx: CommandContext): SyncPort {
  const client = ctx.sync;
  if (!client) {
    throw new ServiceError(
      'sync_unavailable',
      text('Synkronisering er ikke startet på denne kassen.', 'sync is not running on this till'),
      null,
      503,
    );
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

function cloudText(conflict: Conflict, member: LocalConflictMember): Text {
  const who = named(member);
  const flag = conflict.flag;
  switch (flag.kind) {
    case 'negative_points':
      return text(
        `${who} har brukt flere poeng enn hen hadde (saldo ${flag.points}), trolig på to kasser uten nett.`,
        `${who} spent more points than they had (balance ${flag.points}), likely at two offline tills.`,
      );
    case 'negative_cashback':
      return text(
        `${who} har brukt mer bonus enn hen hadde (saldo ${flag.amountOre / 100} kr).`,
        `${who} spent more cashback than they had (balance NOK ${flag.amountOre / 100}).`,
      );
    case 'coupon_redeemed_twice':
      return text(
        `Kupongen ${flag.couponId} til ${who} ble brukt i ${flag.saleIds.length} salg.`,
        `${who}'s coupon ${flag.couponId} was used in ${flag.saleIds.length} sales.`,
      );
    case 'reward_redeemed_twice':
      return text(
        `Belønningen ${flag.rewardId} til ${who} ble brukt i ${flag.saleIds.length} salg.`,
        `${who}'s reward ${flag.rewardId} was used in ${flag.saleIds.length} sales.`,
      );
    case 'tier_once_used_twice':
      return text(
        `Nivåfordelen til ${who} for ${flag.periodKey} ble brukt i ${flag.saleIds.length} salg.`,
        `${who}'s once-per-period tier benefit (${flag.periodKey}) was used in ${flag.saleIds.length} sales.`,
      );
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token': {
      const what =
        flag.kind === 'duplicate_phone'
          ? text('mobilnummer', 'phone')
          : flag.kind === 'duplicate_member_number'
            ? text('medlemsnummer', 'member number')
            : text('QR-kode', 'QR code');
      return text(
        `${flag.memberIds.length} medlemmer, ${who} blant dem, har samme ${what.nb}. Oppslag gir den som meldte seg inn først.`,
        `${flag.memberIds.length} members, ${who} among them, share one ${what.en}. A lookup answers the one enrolled first.`,
      );
    }
  }
}

function tillText(conflict: LocalConflict): Text {
  const [first] = conflict.members;
  const answered = first ? named(first) : '';
  if (conflict.kind === 'duplicate_qr_token') {
    return text(
      `${conflict.members.length} medlemmer har samme QR-kode. Skanning av koden gir ${answered}, som meldte seg inn først.`,
      `${conflict.members.length} members have the same QR code. Scanning it answers ${answered}, enrolled first.`,
    );
  }
  return conflict.kind === 'duplicate_phone'
    ? text(
        `${conflict.members.length} medlemmer har mobilnummeret ${conflict.value} (innmeldt på to kasser uten nett). Oppslag på nummeret gir ${answered}, som meldte seg inn først.`,
        `${conflict.members.length} members have the phone ${conflict.value} (enrolled at two offline tills). A lookup by it answers ${answered}, enrolled first.`,
      )
    : text(
        `${conflict.members.length} medlemmer har medlemsnummeret ${conflict.value} (gitt av to kasser før paring). Oppslag på nummeret gir ${answered}, som meldte seg inn først.`,
        `${conflict.members.length} members have the member number ${conflict.value} (handed out by two tills before pairing). A lookup by it answers ${answered}, enrolled first.`,
      );
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

async function conflictsOf(ctx: CommandContext, client: SyncPort): Promise<SyncConflicts> {
  const local: TillConflict[] = localConflicts(ctx.db).map((c) => ({ ...c, text: tillText(c) }));
  if (client.status().state === 'unpaired') {
    return {
      cloud: {
        available: false,
        reason: text('Kassen er ikke paret med en sky.', 'this till is not paired with a cloud'),
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
        reason: text(`Skyen svarte ikke (${detail}).`, `the cloud did not answer (${detail})`),
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
