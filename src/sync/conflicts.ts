/**
 * The conflicts a manager reads (`sync.conflicts`), said once, here: each of
 * the cloud's conflicts and each of this till's own identity clashes with what
 * happened (which coupon, which receipts at which till, whose points) and what
 * it means, as catalogue messages the screen renders in its language. The
 * names come from what the till holds (the programme, the sales, the members),
 * never from the wording: the screen shows `text` and `hint` as they are.
 */
import { isMsg, money, msg } from '../core/i18n';
import type { Msg, Param, Shown, Text } from '../core/i18n';
import type { Programme } from '../core/programme';
import type { CloudConflict, ConflictMember, SyncConflicts, TillConflict } from '../contract/sync';
import { reading } from '../store';
import type { Db, Readable } from '../store';
import { publicationInForce } from '../core/programme-in-force';
import { programmePublications } from '../store/catalogue';
import { getSetting, SettingKeys } from '../store/settings';
import { saleById } from '../store/sales';
import { knownMembers, localConflicts, unknownMember } from '../store/sync-conflicts';
import type { LocalConflict, LocalConflictMember } from '../store/sync-conflicts';
import type { Conflict } from './protocol';

/** A sale named in a conflict, as far as this till has it. */
export interface ConflictSale {
  saleId: string;
  /** Null: the sale has not reached this till yet. */
  receiptNo: string | null;
  /** Made at this till. */
  here: boolean;
  /** The coupons and rewards its benefits name, by id (when the programme cannot name them). */
  names: { couponId?: string; rewardId?: string; name: Shown }[];
}

export interface ConflictContext {
  programme: Programme | null;
  /** The sales conflicts name, by id (missing: not found). */
  sales: ReadonlyMap<string, ConflictSale>;
  /** This till's name in the cloud. */
  ownName: string | null;
}

/** "Ingrid", else "medlemsnr. 2900…", else a member this till has not seen. */
export function memberName(member: Omit<ConflictMember, 'name'>): Msg | string {
  if (member.firstName) return member.firstName;
  if (member.memberNumber) return msg('sync.member.number', { number: member.memberNumber });
  return msg('sync.member.unknown');
}

function named(member: LocalConflictMember): ConflictMember {
  const name = memberName(member);
  return {
    ...member,
    name: typeof name === 'string' ? msg('sync.asWritten', { text: name }) : name,
  };
}

/** "a, b og c" / "a, b and c". */
function listed(items: readonly Param[]): Param {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return msg('sync.list.two', { first: items[0]!, last: items[1]! });
  return msg('sync.list.more', { first: items[0]!, rest: listed(items.slice(1)) });
}

/**
 * "kvittering 1-17 på Kasse 1 og 2-4 på en annen kasse": the receipts this
 * till has, in the order given, then the sales it has not received yet.
 */
function salesText(saleIds: readonly string[], ctx: ConflictContext): Param {
  const found = saleIds.flatMap((saleId) => {
    const sale = ctx.sales.get(saleId);
    return sale?.receiptNo ? [{ receiptNo: sale.receiptNo, here: sale.here }] : [];
  });
  const parts: Param[] = found.map(({ receiptNo, here }, index) => {
    const where = here
      ? ctx.ownName
        ? msg('sync.where.named', { till: ctx.ownName })
        : msg('sync.where.here')
      : msg('sync.where.other');
    // A receipt number is never broken over two lines at its dash.
    const receipt = receiptNo.replace(/-/g, '\u2011');
    return msg(index === 0 ? 'sync.receipt.first' : 'sync.receipt.more', { receipt, where });
  });
  const missing = saleIds.length - found.length;
  if (missing > 0) parts.push(msg('sync.salesMissing', { count: missing }));
  return listed(parts);
}

/** The name the sales' benefits give a coupon or reward, when the programme cannot. */
function nameFromSales(
  ctx: ConflictContext,
  saleIds: readonly string[],
  match: (n: ConflictSale['names'][number]) => boolean,
): Shown | null {
  for (const saleId of saleIds) {
    const found = ctx.sales.get(saleId)?.names.find(match);
    if (found) return found.name;
  }
  return null;
}

/** The coupon's name from the programme, by its deterministic id (docs/architecture.md). */
export function couponName(
  programme: Programme | null,
  couponId: string,
  memberId: string,
): Text | null {
  if (!programme) return null;
  if (couponId === `W-${memberId}`) return programme.welcome?.coupon.name ?? null;
  if (couponId.startsWith(`B-${memberId}-`)) return programme.birthday?.coupon.name ?? null;
  for (const rule of programme.spendCoupons)
    if (couponId.startsWith(`S-${rule.id}-${memberId}-`)) return rule.coupon.name;
  for (const campaign of programme.campaigns)
    if (couponId === `C-${campaign.id}-${memberId}`) return campaign.coupon.name;
  if (couponId.startsWith('R-') && programme.referral?.reward.kind === 'coupon')
    return programme.referral.reward.coupon.name;
  for (const level of programme.tiers?.levels ?? [])
    if (couponId.startsWith(`T-${level.id}-`)) return level.name;
  return null;
}

function rewardName(programme: Programme | null, rewardId: string, memberId: string): Msg | null {
  for (const card of programme?.punchCards ?? [])
    if (rewardId.startsWith(`K-${card.id}-${memberId}-`))
      return msg('sync.conflict.cardReward', { card: card.name });
  return null;
}

/** One of the cloud's conflicts, for the manager: what happened, where, to whom. */
export function cloudConflictText(
  conflict: { member: Omit<ConflictMember, 'name'>; flag: Conflict['flag'] },
  ctx: ConflictContext,
): Msg {
  const who = memberName(conflict.member);
  const memberId = conflict.member.memberId;
  const flag = conflict.flag;
  switch (flag.kind) {
    case 'negative_points':
      return msg('sync.conflict.negative_points', { who, points: Math.abs(flag.points) });
    case 'negative_cashback':
      return msg('sync.conflict.negative_cashback', {
        who,
        amount: money(Math.abs(flag.amountOre)),
      });
    case 'coupon_redeemed_twice': {
      const name =
        couponName(ctx.programme, flag.couponId, memberId) ??
        nameFromSales(ctx, flag.saleIds, (n) => n.couponId === flag.couponId) ??
        flag.couponId;
      return msg('sync.conflict.coupon_redeemed_twice', {
        name,
        times: flag.saleIds.length,
        where: salesText(flag.saleIds, ctx),
      });
    }
    case 'reward_redeemed_twice': {
      const name =
        rewardName(ctx.programme, flag.rewardId, memberId) ??
        nameFromSales(ctx, flag.saleIds, (n) => n.rewardId === flag.rewardId) ??
        flag.rewardId;
      return msg('sync.conflict.reward_redeemed_twice', {
        name,
        times: flag.saleIds.length,
        where: salesText(flag.saleIds, ctx),
      });
    }
    case 'tier_once_used_twice':
      return msg('sync.conflict.tier_once_used_twice', {
        period: flag.periodKey,
        times: flag.saleIds.length,
        where: salesText(flag.saleIds, ctx),
      });
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token':
      return msg('sync.conflict.identity', {
        count: flag.memberIds.length,
        who,
        kind: flag.kind,
      });
  }
}

/** What it means and what happens next: the line under a cloud conflict. */
export function cloudConflictHint(flag: Conflict['flag']): Msg {
  switch (flag.kind) {
    case 'negative_points':
      return msg('sync.conflictHint.negative_points');
    case 'negative_cashback':
      return msg('sync.conflictHint.negative_cashback');
    case 'coupon_redeemed_twice':
      return msg('sync.conflictHint.twoTills', { what: 'coupon' });
    case 'reward_redeemed_twice':
      return msg('sync.conflictHint.twoTills', { what: 'reward' });
    case 'tier_once_used_twice':
      return msg('sync.conflictHint.twoTills', { what: 'tier' });
    case 'duplicate_phone':
    case 'duplicate_member_number':
    case 'duplicate_qr_token':
      return msg('sync.conflictHint.identity');
  }
}

/** "+47 912 34 567" for a Norwegian mobile; other numbers as stored. */
function phoneText(e164: string): string {
  const m = /^\+47(\d{3})(\d{2})(\d{3})$/.exec(e164);
  return m ? `+47 ${m[1]} ${m[2]} ${m[3]}` : e164;
}

/** Two members sharing a phone, a member number or a QR token, for the manager. */
export function tillConflictText(conflict: LocalConflict): Msg {
  const first = conflict.members[0];
  return msg(`sync.tillConflict.${conflict.kind}`, {
    count: conflict.members.length,
    value: conflict.kind === 'duplicate_phone' ? phoneText(conflict.value) : conflict.value,
    names: listed(conflict.members.map(memberName)),
    answered: first ? memberName(first) : '',
  });
}

export function tillConflictHint(conflict: LocalConflict): Msg {
  return msg(`sync.tillConflictHint.${conflict.kind}`);
}

/**
 * The name a sale's benefit gives its coupon or reward: the `name` (a
 * coupon's) or `card` (a punch card's) parameter of the message it was said
 * with (kept beside its words in the event, `said`). A sale recorded before
 * reasons were messages holds only its words: its name is what comes before
 * the colon ("Velkomstkupong" of "Velkomstkupong: 10 % rabatt").
 */
export function benefitName(
  reason: Msg | (Text & { said?: unknown }),
  reward: boolean,
): Shown | null {
  const said = isMsg(reason) ? reason : isMsg(reason.said) ? reason.said : null;
  if (said === null) {
    const text = reason as Text;
    const before = (words: string) => words.split(': ')[0]!;
    return { nb: before(text.nb), en: before(text.en) };
  }
  const card = said.params?.card;
  if (reward && card !== undefined) return msg('sync.conflict.cardReward', { card });
  const name = said.params?.name;
  if (name === undefined) return null;
  if (typeof name === 'string' || typeof name === 'number')
    return msg('sync.asWritten', { text: String(name) });
  if (isMsg(name)) return name;
  return 'nb' in name && 'en' in name ? name : null;
}

/** The sales the cloud's conflicts name, as this till has them. */
function salesNamed(db: Db, conflicts: readonly Conflict[], ownTerminalId: string | null) {
  const sales = new Map<string, ConflictSale>();
  for (const c of conflicts) {
    if (!('saleIds' in c.flag)) continue;
    for (const saleId of c.flag.saleIds) {
      if (sales.has(saleId)) continue;
      const sale = saleById(db, saleId);
      sales.set(saleId, {
        saleId,
        receiptNo: sale?.receiptNo ?? null,
        here: sale !== null && sale.terminalId === ownTerminalId,
        names: (sale?.committed.benefits ?? []).flatMap((b) => {
          const reward = b.rewardId !== undefined;
          if (b.couponId === undefined && !reward) return [];
          const name = benefitName(b.reason, reward);
          if (name === null) return [];
          return [
            {
              ...(b.couponId === undefined ? {} : { couponId: b.couponId }),
              ...(b.rewardId === undefined ? {} : { rewardId: b.rewardId }),
              name,
            },
          ];
        }),
      });
    }
  }
  return sales;
}

/**
 * The cloud lists an identity clash (a phone, member number or QR code two
 * members share) once for each member in it. A manager reads it once: not at
 * all when this till lists the same clash itself (its words name the value),
 * else once per set of members.
 */
function withoutRepeatedClashes(listed: Conflict[], local: readonly LocalConflict[]): Conflict[] {
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

/** What `sync.conflicts` needs of the sync client. */
export interface ConflictSource {
  status(): {
    state: 'online' | 'offline' | 'unpaired';
    cloud: { terminalId: string; terminalName: string | null } | null;
  };
  conflicts(): Promise<Conflict[]>;
}

/**
 * The conflicts to show a manager: this till's own identity clashes, and the
 * cloud's list for the chain (when paired and the cloud answers), each said
 * with its names, receipts and what it means. The service's `sync.conflicts`
 * answers this.
 */
export async function describeConflicts(
  handle: Readable,
  client: ConflictSource,
): Promise<SyncConflicts> {
  // Reads only: the sync.conflicts command holds the read-only handle.
  const db = reading(handle);
  const status = client.status();
  if (status.state === 'unpaired') return conflictsSaid(db, status, null);
  let listed: Conflict[] | { failed: string };
  try {
    listed = await client.conflicts();
  } catch (error) {
    listed = { failed: error instanceof Error ? error.message : String(error) };
  }
  return conflictsSaid(db, status, listed);
}

/** The version in force at this till's store now, whose campaigns name the coupons. */
function programmeHere(db: Db): Programme | null {
  const storeId = getSetting(db, SettingKeys.storeId);
  if (storeId === null) return null;
  return (
    publicationInForce(programmePublications(db), { storeId, now: Date.now() })?.programme() ?? null
  );
}

/**
 * The same from what the cloud answered: its list, why it did not (`failed`,
 * the detail in English), or null when the till is not paired.
 */
export function conflictsSaid(
  db: Db,
  status: ReturnType<ConflictSource['status']>,
  listed: Conflict[] | { failed: string } | null,
): SyncConflicts {
  const own = localConflicts(db);
  const local: TillConflict[] = own.map((c) => ({
    kind: c.kind,
    value: c.value,
    members: c.members.map(named),
    text: tillConflictText(c),
    hint: tillConflictHint(c),
  }));
  if (listed === null)
    return {
      cloud: { available: false, reason: msg('sync.conflicts.unpaired'), conflicts: [] },
      local,
    };
  if (!Array.isArray(listed))
    return {
      cloud: {
        available: false,
        reason: msg('sync.conflicts.noAnswer', { detail: listed.failed }),
        conflicts: [],
      },
      local,
    };
  const shown = withoutRepeatedClashes(listed, own);
  const known = knownMembers(
    db,
    shown.map((c) => c.memberId),
  );
  const ctx: ConflictContext = {
    programme: programmeHere(db),
    sales: salesNamed(db, shown, status.cloud?.terminalId ?? null),
    ownName: status.cloud?.terminalName ?? null,
  };
  const conflicts: CloudConflict[] = shown.map((c) => {
    const member = known.get(c.memberId) ?? unknownMember(c.memberId);
    return {
      member: named(member),
      flag: c.flag,
      firstSeenAt: c.firstSeenAt,
      lastSeenAt: c.lastSeenAt,
      text: cloudConflictText({ member, flag: c.flag }, ctx),
      hint: cloudConflictHint(c.flag),
    };
  });
  return { cloud: { available: true, reason: null, conflicts }, local };
}
