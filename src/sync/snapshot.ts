/**
 * New tills from snapshots, fresh bases for members that wait for one, and
 * retention (docs/architecture.md, "Sync"). A till asks the cloud's head at
 * most once a day (and always while a snapshot it began is unfinished); when
 * the chain holds more events after its cursor than `minEventsBehind` (a new
 * till of a grown chain, or one offline for long), it takes a snapshot instead
 * of pulling them:
 *
 * 1. the configuration events and its store's recent sales, stored as events
 *    without touching the members (the ledgers of step 3 hold their effect);
 * 2. the head again: the new pull cursor;
 * 3. every member's ledger, installed as the member's base and row.
 *
 * Everything of steps 1 and 2 is in the ledgers of step 3 (read later); what
 * the ledgers hold beyond the cursor comes again in the pull and marks the
 * member as needing a fresh base (its clock is not after the base's), which
 * `refreshWaiting` asks for after each pull.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { HlcClock } from '../store';
import {
  installBases,
  installing,
  markWaitingForBase,
  membersNeedingSnapshot,
  pruneOtherStoresSales,
} from '../store/snapshots';
import type { ReceivedLedger } from '../store/snapshots';
import { CloudRefused } from './cloud-api';
import { incompatible } from './problems';
import {
  setSnapshotSetting,
  SnapshotKeys,
  snapshotSetting,
  whileBasesCover,
  withRoomToInstall,
} from '../store/snapshots';
import { getSetting, SettingKeys } from '../store/settings';
import { inTransaction } from '../store/statements';
import { pullCursor, setPullCursor } from '../store/sync-pairing';
import type { ApplyContext } from './pull';
import { applyRemoteEvents } from './pull';
import type { SnapshotApi } from './snapshot-api';
import { MAX_SNAPSHOT_IDS, MAX_SNAPSHOT_LEDGER_BYTES } from './protocol';
import type { SnapshotMembersResponse } from './protocol';
import { readLedgers, workerPageReader } from './snapshot-reader';
import type { PageRead, PageReader } from './snapshot-reader';

const DAY_MS = 86_400_000;

export interface SnapshotOptions {
  /** A till this many events (or more) behind the chain takes a snapshot instead of pulling them. */
  minEventsBehind: number;
  /** How often a till asks the cloud's head (and its retention) at most. */
  checkEveryMs: number;
  /** How often other stores' old sales are dropped at most. */
  pruneEveryMs: number;
  /** Members per snapshot page. */
  membersPerPage: number;
  /** A ledger longer than this (bytes of JSON or base64) waits (default MAX_SNAPSHOT_LEDGER_BYTES). */
  maxLedgerBytes?: number;
}

export const DEFAULT_SNAPSHOT_OPTIONS: SnapshotOptions = {
  minEventsBehind: 20_000,
  checkEveryMs: DAY_MS,
  pruneEveryMs: DAY_MS,
  membersPerPage: 2000,
};

export interface SnapshotOutcome {
  /** Members installed from the cloud's ledgers (a snapshot's or fresh bases). */
  members: number;
  /** Members left waiting because their ledger is over the cap (SnapshotMembersResponse.tooLarge). */
  tooLarge: string[];
  /** Events stored from the snapshot. */
  events: number;
}

/** Asks the head when it is time and takes a snapshot when the till is far behind. */
export async function snapshotIfFarBehind(
  ctx: ApplyContext,
  api: SnapshotApi,
  options: SnapshotOptions,
  stopped: () => boolean,
): Promise<SnapshotOutcome | null> {
  const now = ctx.clock();
  const pending = snapshotSetting(ctx.db, SnapshotKeys.pending) !== null;
  const checkedAt = snapshotSetting(ctx.db, SnapshotKeys.checkedAt);
  if (!pending && checkedAt !== null && now - checkedAt < options.checkEveryMs) return null;
  const head = await api.head(pullCursor(ctx.db));
  inTransaction(ctx.db, () => {
    setSnapshotSetting(ctx.db, SnapshotKeys.checkedAt, now);
    setSnapshotSetting(ctx.db, SnapshotKeys.salesRetentionDays, head.salesRetentionDays);
  });
  if (!pending && head.behind < options.minEventsBehind) return null;
  return withRoomToInstall(ctx.db, () => takeSnapshot(ctx, api, options, stopped));
}

async function takeSnapshot(
  ctx: ApplyContext,
  api: SnapshotApi,
  options: SnapshotOptions,
  stopped: () => boolean,
): Promise<SnapshotOutcome | null> {
  // The head first, kept with the snapshot (a resumed one goes on to the same
  // head): the events are paged up to it and the cursor moves to it, so what
  // commits while the snapshot runs is pulled after it, never skipped.
  const begun = snapshotSetting(ctx.db, SnapshotKeys.pending) !== null;
  const kept = begun ? snapshotSetting(ctx.db, SnapshotKeys.head) : null;
  const at = kept !== null ? String(kept) : (await api.head(pullCursor(ctx.db))).at;
  // Until the cursor moves, what step 1 stored is in no member: finish before pulling.
  inTransaction(ctx.db, () => {
    setSnapshotSetting(ctx.db, SnapshotKeys.pending, ctx.clock());
    setSnapshotSetting(ctx.db, SnapshotKeys.head, Number(at));
  });
  const outcome: SnapshotOutcome = { members: 0, tooLarge: [], events: 0 };
  // Started now: it is ready when the members come.
  const reader = workerPageReader();
  try {
    let after = '0';
    for (;;) {
      const page = await api.events(after, at, 1000);
      if (stopped()) return null;
      const applied = whileBasesCover(ctx.db, () => applyRemoteEvents(ctx, page.events));
      outcome.events += applied.applied.length + applied.foreign;
      if (!page.more || page.next === after) break;
      after = page.next;
    }
    return await installMembers(ctx, api, options, stopped, reader, outcome, at);
  } finally {
    await reader.close();
  }
}

/** Step 3 of takeSnapshot, and its end: every member's ledger installed, the cursor moved to `at`. */
async function installMembers(
  ctx: ApplyContext,
  api: SnapshotApi,
  options: SnapshotOptions,
  stopped: () => boolean,
  reader: PageReader,
  outcome: SnapshotOutcome,
  at: string,
): Promise<SnapshotOutcome | null> {
  // Every ledger of a page read and checked before its first part is written:
  // one that does not fit refuses the page whole, never after some parts are
  // committed. Held read until installed (2,000 of a few KB). A page goes to
  // the worker as it arrives.
  const fetchNext = (after: string) => {
    const next = api.members({ after, limit: options.membersPerPage }).then((page) => {
      const reading = reader.read({
        members: page.members,
        tooLarge: page.tooLarge ?? [],
        maxLedgerBytes: options.maxLedgerBytes ?? MAX_SNAPSHOT_LEDGER_BYTES,
      });
      // Not awaited when the snapshot stops first.
      reading.catch(() => undefined);
      return { page, reading };
    });
    next.catch(() => undefined);
    return next;
  };
  let member = '';
  let next = fetchNext(member);
  for (;;) {
    const { page, reading } = await next;
    if (stopped()) return null;
    const more = page.more && page.next !== member;
    // The page after this is asked for as soon as this one has arrived: it comes
    // while the worker reads this one, and is read while this thread installs this one.
    if (more) next = fetchNext(page.next);
    const read = await reading;
    if (stopped()) return null;
    const { ledgers, tooLarge } = fitting(read);
    // In a transaction of their own: a snapshot stopped and resumed reads the
    // page again and marks them again.
    if (tooLarge.length > 0) {
      installing(ctx.db, () => markWaitingForBase(ctx.db, tooLarge));
      outcome.tooLarge.push(...tooLarge);
    }
    // In parts, each its own transaction, with a turn of the event loop between
    // them: the till's other work (a sale) waits for one part at most, and the
    // answer to the next page's request is read meanwhile.
    for (let from = 0; from < ledgers.length; from += INSTALL_PART) {
      if (from > 0) {
        await nextTurn();
        if (stopped()) return null;
      }
      outcome.members += install(ctx, ledgers.slice(from, from + INSTALL_PART));
    }
    if (!more) break;
    member = page.next;
  }
  inTransaction(ctx.db, () => {
    setPullCursor(ctx.db, at);
    setSnapshotSetting(ctx.db, SnapshotKeys.pending, null);
    setSnapshotSetting(ctx.db, SnapshotKeys.head, null);
  });
  return outcome;
}

/** Members installed in one transaction (tens of ms): see takeSnapshot. */
const INSTALL_PART = 250;

/** Installs ledgers (read and checked) and moves this till's clock past them, so what it writes next sorts after. */
function install(ctx: ApplyContext, members: readonly ReceivedLedger[]): number {
  if (members.length === 0) return 0;
  // The clock in the same transaction: a commit of its own would wait for the disk.
  installing(ctx.db, () => {
    const { newest } = installBases(ctx.db, members);
    if (newest !== '') new HlcClock(ctx.db, ctx.node, ctx.clock).receive(newest, null);
  });
  return members.length;
}

/** A page's ledgers read on this thread (see readLedgers); throws when one does not fit this till. */
function readPage(
  page: SnapshotMembersResponse,
  maxLedgerBytes = MAX_SNAPSHOT_LEDGER_BYTES,
): { ledgers: ReceivedLedger[]; tooLarge: string[] } {
  return fitting(
    readLedgers({ members: page.members, tooLarge: page.tooLarge ?? [], maxLedgerBytes }),
  );
}

function fitting(read: PageRead): { ledgers: ReceivedLedger[]; tooLarge: string[] } {
  if ('unfit' in read) throw unfit(read.unfit.memberId, read.unfit.why);
  return read;
}

function unfit(memberId: string, why: string): CloudRefused {
  const detail = `members.${memberId}.deflated: ${why}`;
  return new CloudRefused(
    200,
    'unexpected',
    `the cloud's answer does not fit this till (${detail}); update the app`,
    null,
    incompatible(detail),
  );
}

/**
 * Fresh bases for members waiting for one (an event arrived that could not be
 * folded on top of theirs): the cloud's ledger of each, folded from every
 * event it holds. A member with an event not pushed yet keeps waiting.
 */
export async function refreshWaiting(
  ctx: ApplyContext,
  api: SnapshotApi,
  stopped: () => boolean,
  maxLedgerBytes = MAX_SNAPSHOT_LEDGER_BYTES,
): Promise<number> {
  let installed = 0;
  const asked = new Set<string>();
  for (;;) {
    const ids = membersNeedingSnapshot(ctx.db, MAX_SNAPSHOT_IDS + asked.size).filter(
      (id) => !asked.has(id),
    );
    if (ids.length === 0 || stopped()) return installed;
    const batch = ids.slice(0, MAX_SNAPSHOT_IDS);
    for (const id of batch) asked.add(id);
    const page = await api.members({ ids: batch });
    if (stopped()) return installed;
    const { ledgers, tooLarge } = readPage(page, maxLedgerBytes);
    // Still too large: they keep waiting (asked for again after the next pull).
    if (tooLarge.length > 0) installing(ctx.db, () => markWaitingForBase(ctx.db, tooLarge));
    installed += install(ctx, ledgers);
  }
}

/** Drops other stores' old sales from the log when it is time (see pruneOtherStoresSales). */
export function pruneWhenDue(ctx: ApplyContext, options: SnapshotOptions): number {
  const now = ctx.clock();
  const days = snapshotSetting(ctx.db, SnapshotKeys.salesRetentionDays);
  const storeId = getSetting(ctx.db, SettingKeys.storeId);
  if (days === null || storeId === null) return 0;
  const prunedAt = snapshotSetting(ctx.db, SnapshotKeys.prunedAt);
  if (prunedAt !== null && now - prunedAt < options.pruneEveryMs) return 0;
  const result = pruneOtherStoresSales(ctx.db, { ownStoreId: storeId, retentionDays: days, now });
  setSnapshotSetting(ctx.db, SnapshotKeys.prunedAt, now);
  return result.events;
}
