/**
 * The sync client of one till: pairing, then push (the outbox) and pull (the
 * chain's events after this till's cursor), on a timer and after local
 * changes, with backoff and jitter while the cloud cannot be reached. The till
 * never waits for it: commands write locally, and sync catches up when it can.
 *
 * One sync (or pairing) runs at a time; `syncNow()` queues behind a running one.
 * The status (online/offline/unpaired, events waiting, last sync) is written to
 * sync_state, where `status.get` reads it, and reported through `onStatus`.
 */
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import type { Db } from '../store';
import { getSyncState, pendingCount, setSyncState, SyncStateKeys } from '../store';
import { deleteSyncState } from '../store/sync-state';
import { eventClock } from '../store/sync-outbox';
import { decodeHlc } from '../core/hlc';
import { LIMITS } from '../core/limits';
import {
  adoptPairing,
  ForeignChainDataError,
  forgetPairing,
  loadPairing,
  PairingKeys,
  pullCursor,
  restorePairedIdentity,
  unpairedByManager,
} from '../store/sync-pairing';
import type { Pairing } from '../store/sync-pairing';
import { AnnouncementListener } from './announce';
import { MemberPageLinks } from './member-page-links';
import type { AnnouncementStats } from './announce';
import { retryDelay } from './backoff';
import {
  CloudRefused,
  CloudUnavailable,
  checkCloudUrl,
  cloudApi,
  MAX_QUARANTINE_REPORT,
} from './cloud-api';
import type { CloudApi, MemberQuery } from './cloud-api';
import {
  eventKind,
  eventsRejected,
  eventsSetAside,
  outageWhilePairing,
  outageWhileSyncing,
  quarantineText,
  readStoredProblem,
  rejectionText,
  STOPPED,
  storedProblem,
  tillClockAhead,
  tillFailed,
  UNPAIRED,
} from './problems';
import type { CloudOutage, PairingErrorCode, SyncProblem } from './problems';
import type { Conflict, JoinStartResponse, JoinStatusResponse } from './protocol';
import type { JoinApi } from './join-api';
import { applyRemoteEvents, dataKinds, pullAll } from './pull';
import type { DataKind } from './pull';
import { pushOutbox } from './push';
import type { Rejection } from './push';
import { resolveSyncSettings } from './settings';
import { isKnownEventType } from '../core/events';
import {
  foreignEventCounts,
  markQuarantineReported,
  quarantineCount,
  quarantineList,
  unreportedQuarantine,
} from '../store/quarantine';
import type { ResolvedSyncSettings, SyncSettings } from './settings';

export interface TillIdentity {
  chainId: string;
  storeId: string;
  terminalId: string;
}

export type {
  PairingInfo,
  QuarantinedEvent,
  RejectedEvent,
  SyncReport,
  SyncState,
  SyncStatus,
  UnpairInfo,
} from '../contract/sync';
import type { PairingInfo, SyncReport, SyncStatus, UnpairInfo } from '../contract/sync';

/** At most this many refused events are listed in the status (all are counted). */
const REJECTED_LISTED = 50;

export type RemoteLookup =
  | { outcome: 'found'; memberIds: string[] }
  | { outcome: 'not_found' | 'unavailable' | 'unpaired'; memberIds: [] };

/** A self-enrolment call's answer (src/sync/join-api.ts), or why there is none. */
export type JoinCall<T> =
  { outcome: 'ok'; value: T } | { outcome: 'not_found' | 'unavailable' | 'unpaired' };

export interface SyncClientOptions {
  db: Db;
  /** Who this till is now (before pairing: whatever the service was given or defaulted to). */
  identity: TillIdentity;
  /** This till's wall clock (possibly wrong; the HLC copes). Default Date.now. */
  clock?: () => number;
  settings?: SyncSettings;
  onStatus?: (status: SyncStatus) => void;
  /** After pairing: events from now on carry these ids. */
  onPaired?: (identity: TillIdentity) => void;
  /** Events from the cloud changed these kinds of data. */
  onData?: (kinds: ReadonlySet<DataKind>) => void;
}

/**
 * Pairing (or unpairing) could not be done: `text` says why and what to do (a
 * catalogue message), `message` the detail in English. `field` is the input at fault
 * (cloudUrl, storeCode, terminalName) when one is; `outage` how the cloud could
 * not be reached (code `cloud_unavailable`).
 */
export class PairingError extends Error {
  constructor(
    readonly code: PairingErrorCode,
    readonly text: Msg,
    message: string,
    readonly field: string | null = null,
    readonly outage: CloudOutage | null = null,
  ) {
    super(message);
    this.name = 'PairingError';
  }
}

const PAIRING_TEXTS = {
  invalid_cloud_url: msg('sync.pairing.invalid_cloud_url'),
  store_code_not_found: msg('sync.pairing.store_code_not_found'),
  foreign_chain_data: msg('sync.pairing.foreign_chain_data'),
  slots_exhausted: msg('sync.pairing.slots_exhausted'),
  pending_events: msg('sync.pairing.pending_events'),
} as const;

function unpairedError(): PairingError {
  return new PairingError('unpaired', UNPAIRED.text, 'this till is not paired with a cloud');
}

function stoppedError(): PairingError {
  return new PairingError('stopped', STOPPED.text, 'sync has been stopped');
}

/** How the cloud could not be reached, when that is why a sync failed. */
function outageOf(error: unknown): CloudOutage | null {
  if (error instanceof CloudUnavailable) return error.outage;
  // Pairing from the environment: an unreachable cloud is retried like any sync.
  if (error instanceof PairingError) return error.outage;
  return null;
}

/** A failure of a sync (or of the pairing it began with), as a code and a message. */
function problemOf(error: unknown): SyncProblem {
  const outage = outageOf(error);
  if (outage) return outageWhileSyncing(outage);
  if (error instanceof CloudRefused) return error.problem;
  if (error instanceof PairingError) return { code: error.code, text: error.text };
  return tillFailed(describe(error));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SyncClient {
  private readonly db: Db;
  private readonly clock: () => number;
  private readonly settings: ResolvedSyncSettings;
  private readonly options: SyncClientOptions;
  private identity: TillIdentity;
  // Private fields stay out of util.inspect and console.log: the token is in here.
  #pairing: Pairing | null;
  #api: CloudApi | null = null;
  private readonly abort = new AbortController();
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private running = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = 0;
  private failures = 0;
  private retryAfterMs: number | null = null;
  private lastError: SyncProblem | null;
  private rejected = new Map<string, Rejection>();
  private busy = 0;
  private lastReported = '';
  private nudgeQueued = false;
  /** A sync is wanted as soon as the one running ends (events arrived, or news, meanwhile). */
  private again = false;
  private listener: AnnouncementListener | null = null;
  /** Members' page links for their receipts' QR (member-page-links.ts). */
  private readonly pageLinks: MemberPageLinks;

  constructor(options: SyncClientOptions) {
    this.options = options;
    this.db = options.db;
    this.clock = options.clock ?? Date.now;
    this.settings = resolveSyncSettings(options.settings ?? {});
    this.identity = { ...options.identity };
    this.#pairing = loadPairing(this.db);
    this.pageLinks = new MemberPageLinks(async (memberId) => {
      const api = this.#api;
      if (api?.memberPageLink === undefined) return null;
      return api.memberPageLink(memberId, this.settings.lookupTimeoutMs);
    }, this.clock);
    this.rejected = loadRejected(this.db);
    this.lastError = readStoredProblem(getSyncState(this.db, SyncStateKeys.lastError));
    if (this.#pairing) {
      this.#api = this.apiFor(this.#pairing.cloudUrl);
      // Opened with other ids (a terminal option)? The pairing wins: the cloud takes no others.
      const { chainId, storeId, terminalId } = this.#pairing;
      const paired = { chainId, storeId, terminalId };
      if (
        restorePairedIdentity(this.db, this.#pairing) ||
        this.identity.terminalId !== terminalId
      ) {
        this.identity = paired;
        options.onPaired?.({ ...paired });
      }
    }
  }

  /**
   * Pair with the chain's cloud using the store code shown there; see
   * src/store/sync-pairing.ts. A paired till pairing again with the same cloud
   * sends its token along and stays the same terminal (same id and slot).
   */
  pair(cloudUrl: string, storeCode: string, terminalName?: string): Promise<PairingInfo> {
    return this.serialised(() => this.pairNow(cloudUrl, storeCode, terminalName));
  }

  /**
   * Forget the pairing (see `forgetPairing`), after the cloud revokes the token
   * when it can be reached. Refused while events wait for the cloud, unless
   * `force`: they stay on the till, and go to the cloud if it is paired with
   * the same chain again.
   */
  unpair(options: { force?: boolean } = {}): Promise<UnpairInfo> {
    return this.serialised(() => this.unpairNow(options.force ?? false));
  }

  /** Push everything waiting and pull everything new, now (after a sync already running). */
  syncNow(): Promise<SyncReport> {
    return this.serialised(() => this.syncOnce());
  }

  /** Start the background loop (when the settings allow it). */
  start(): void {
    if (this.stopped || this.running || !this.settings.background) return;
    this.running = true;
    if (this.#pairing || this.envPairing()) this.schedule(0);
    this.listen();
  }

  /** Stop for good: no more timers, requests in flight are abandoned, the database is left alone. */
  stop(): void {
    this.stopped = true;
    this.running = false;
    this.listener?.stop();
    this.listener = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort.abort();
  }

  /**
   * Something changed locally: report the new count waiting, and push (unless
   * backing off): at once when no sync runs, else right after the one running,
   * with everything that arrived meanwhile — batched by arrival, not by a
   * delay (`nudgeDelayMs`, default 0). Once the command's answer has gone out
   * (the count reads the whole outbox, long on a till that has been offline
   * all day), and once for all the notifications of one command (a sale
   * announces sales and members), so listeners hear of the change before the
   * sync status it causes.
   */
  nudge(): void {
    if (this.stopped || this.#pairing === null || this.nudgeQueued) return;
    this.nudgeQueued = true;
    setImmediate(() => {
      this.nudgeQueued = false;
      if (this.stopped) return;
      const status = this.status();
      this.report(status);
      if (!this.running || this.failures > 0 || status.pending === 0) return;
      this.soon(this.settings.nudgeDelayMs);
    });
  }

  /** The announcement connection (tests and benchmarks look; not part of the status). */
  announcements(): AnnouncementStats {
    return this.listener?.status ?? { state: 'off', heard: 0, failures: 0, lastError: null };
  }

  status(): SyncStatus {
    const pairing = this.#pairing;
    const connection = getSyncState(this.db, SyncStateKeys.connection);
    const lastSyncAt = getSyncState(this.db, SyncStateKeys.lastSyncAt);
    return {
      state: pairing === null ? 'unpaired' : connection === 'offline' ? 'offline' : 'online',
      syncing: this.busy > 0,
      pending: pendingCount(this.db),
      lastSyncAt: lastSyncAt === null ? null : Number(lastSyncAt),
      lastError: this.lastError,
      rejected: this.rejected.size,
      rejectedEvents: [...this.rejected.values()].slice(0, REJECTED_LISTED).map((r) => ({
        eventId: r.id,
        type: r.type,
        code: r.code,
        message: r.message,
        kind: eventKind(r.type),
        text: rejectionText(r.code, r.message),
      })),
      quarantined: quarantineCount(this.db),
      quarantine: quarantineList(this.db, REJECTED_LISTED).map((q) => ({
        direction: q.direction,
        eventId: q.eventId,
        type: q.eventType,
        code: q.code,
        reason: q.reason,
        at: q.at,
        reported: q.reported,
        kind: eventKind(q.eventType),
        text: quarantineText(q.code, q.reason, q.direction),
      })),
      foreignEvents: foreignEventCounts(this.db)
        .filter((f) => !isKnownEventType(f.type))
        .reduce((sum, f) => sum + f.events, 0),
      cloud:
        pairing === null
          ? null
          : {
              url: pairing.cloudUrl,
              chainName: pairing.chainName,
              storeName: pairing.storeName,
              terminalId: pairing.terminalId,
              terminalName: pairing.terminalName ?? null,
              pairedAt: pairing.pairedAt,
              slot: pairing.slot ?? null,
            },
      environment:
        this.settings.cloudUrl === undefined || this.settings.storeCode === undefined
          ? null
          : { cloudUrl: this.settings.cloudUrl, suspended: unpairedByManager(this.db) },
    };
  }

  /**
   * Asks the cloud for a member this till does not know (yet) and stores their
   * events. Only when online: a cashier with a queue is not kept waiting for a
   * cloud that did not answer the last time.
   */
  async lookupMember(query: MemberQuery): Promise<RemoteLookup> {
    const api = this.#api;
    if (this.stopped || api === null) return { outcome: 'unpaired', memberIds: [] };
    if (this.status().state !== 'online') return { outcome: 'unavailable', memberIds: [] };
    let members;
    try {
      members = await api.lookupMember(query, this.settings.lookupTimeoutMs);
    } catch (error) {
      if (this.stopped) return { outcome: 'unavailable', memberIds: [] };
      this.recordFailure(error);
      return { outcome: 'unavailable', memberIds: [] };
    }
    if (this.stopped) return { outcome: 'unavailable', memberIds: [] };
    if (members.length === 0) return { outcome: 'not_found', memberIds: [] };
    const applied = applyRemoteEvents(
      this.applyContext(),
      members.flatMap((m) => m.events),
    );
    this.notifyData(dataKinds(applied.applied));
    return { outcome: 'found', memberIds: members.map((m) => m.memberId) };
  }

  /**
   * Self-enrolment: a join request for this till's open basket, whose public
   * page the till shows as a QR, and its outcome. Only when online, as the
   * member lookup: the cashier offers the normal enrolment otherwise.
   */
  startJoin(basketId: string): Promise<JoinCall<JoinStartResponse>> {
    return this.joinCall((join) => join.start(basketId));
  }

  joinStatus(requestId: string): Promise<JoinCall<JoinStatusResponse>> {
    return this.joinCall((join) => join.status(requestId));
  }

  private async joinCall<T>(run: (join: JoinApi) => Promise<T>): Promise<JoinCall<T>> {
    const api = this.#api;
    if (this.stopped || api === null || !api.join) return { outcome: 'unpaired' };
    if (this.status().state !== 'online') return { outcome: 'unavailable' };
    try {
      return { outcome: 'ok', value: await run(api.join) };
    } catch (error) {
      if (error instanceof CloudRefused && error.status === 404) return { outcome: 'not_found' };
      if (error instanceof CloudUnavailable && !this.stopped) this.recordFailure(error);
      return { outcome: 'unavailable' };
    }
  }

  /**
   * Ask the cloud for the member's page link in the background (a member was
   * just attached), when paired and online; the receipt reads it later with
   * `memberPageLink`. Never waits and never fails.
   */
  prefetchMemberPageLink(memberId: string): Promise<void> {
    if (this.stopped || this.#api === null) return Promise.resolve();
    if (getSyncState(this.db, SyncStateKeys.connection) === 'offline') return Promise.resolve();
    return this.pageLinks.prefetch(memberId);
  }

  /** The member's page link if this till has it (for the receipt's QR); null otherwise. */
  memberPageLink(memberId: string): string | null {
    return this.#api === null ? null : this.pageLinks.get(memberId);
  }

  /** The chain's open conflicts as the cloud lists them (for the manager). */
  async conflicts(): Promise<Conflict[]> {
    if (this.#api === null) throw unpairedError();
    return this.#api.conflicts();
  }

  // ---- internals -----------------------------------------------------------

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = async () => {
      this.busy += 1;
      try {
        return await work();
      } finally {
        this.busy -= 1;
        // What arrived while this ran goes now, in one sync.
        if (this.busy === 0 && this.again) {
          this.again = false;
          if (this.running && !this.stopped && this.#pairing !== null) this.schedule(0);
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The API of a cloud; `token` null for a pairing (or the token to pair again with). */
  private apiFor(baseUrl: string, token?: string | null): CloudApi {
    return cloudApi({
      baseUrl,
      token: () => (token === undefined ? (this.#pairing?.token ?? null) : token),
      timeoutMs: this.settings.requestTimeoutMs,
      signal: this.abort.signal,
    });
  }

  private applyContext() {
    return { db: this.db, clock: this.clock, node: this.identity.terminalId };
  }

  /** The environment's pairing, unless a manager unpaired the till since. */
  private envPairing(): { cloudUrl: string; storeCode: string } | null {
    const { cloudUrl, storeCode } = this.settings;
    if (cloudUrl === undefined || storeCode === undefined) return null;
    return unpairedByManager(this.db) ? null : { cloudUrl, storeCode };
  }

  private async pairNow(
    cloudUrl: string,
    storeCode: string,
    terminalName = this.settings.terminalName,
  ): Promise<PairingInfo> {
    if (this.stopped) throw stoppedError();
    let url: string;
    try {
      url = checkCloudUrl(cloudUrl, this.settings.allowInsecureHttp);
    } catch (error) {
      throw new PairingError(
        'invalid_cloud_url',
        PAIRING_TEXTS.invalid_cloud_url,
        describe(error),
        'cloudUrl',
      );
    }
    // Paired with this cloud already: the token goes along (never to another address).
    const previous = this.#pairing;
    const token = previous !== null && previous.cloudUrl === url ? previous.token : null;
    let paired;
    try {
      paired = await this.apiFor(url, token).pair(storeCode, terminalName);
    } catch (error) {
      if (error instanceof CloudRefused) {
        const field = error.field ?? (error.code === 'store_code_not_found' ? 'storeCode' : null);
        const said =
          error.code === 'store_code_not_found' || error.code === 'slots_exhausted'
            ? PAIRING_TEXTS[error.code]
            : error.problem.text;
        throw new PairingError(error.code, said, error.message, field);
      }
      if (error instanceof CloudUnavailable) {
        const said = outageWhilePairing(error.outage);
        throw new PairingError('cloud_unavailable', said, error.message, 'cloudUrl', error.outage);
      }
      throw error;
    }
    if (this.stopped) throw stoppedError();
    const { existingTerminal, ...ids } = paired;
    const pairing: Pairing = { ...ids, cloudUrl: url, pairedAt: this.clock(), terminalName };
    let adopted;
    try {
      adopted = adoptPairing(this.db, pairing);
    } catch (error) {
      if (!(error instanceof ForeignChainDataError)) throw error;
      throw new PairingError('foreign_chain_data', PAIRING_TEXTS.foreign_chain_data, error.message);
    }
    this.#pairing = pairing;
    this.#api = this.apiFor(url);
    this.pageLinks.clear();
    this.identity = {
      chainId: paired.chainId,
      storeId: paired.storeId,
      terminalId: paired.terminalId,
    };
    this.options.onPaired?.({ ...this.identity });
    setSyncState(this.db, SyncStateKeys.connection, 'online');
    this.setLastError(null);
    this.failures = 0;
    this.setRejected(new Map());
    this.report();
    if (this.running) this.schedule(0);
    this.listen();
    return {
      cloudUrl: url,
      chainId: paired.chainId,
      storeId: paired.storeId,
      terminalId: paired.terminalId,
      chainName: paired.chainName,
      storeName: paired.storeName,
      pairedAt: pairing.pairedAt,
      restamped: adopted.restamped,
      dropped: adopted.dropped,
      slot: paired.slot,
      existingTerminal,
    };
  }

  private async unpairNow(force: boolean): Promise<UnpairInfo> {
    const api = this.#api;
    if (this.#pairing === null || api === null) throw unpairedError();
    const pending = pendingCount(this.db);
    if (pending > 0 && !force) {
      throw new PairingError(
        'pending_events',
        PAIRING_TEXTS.pending_events,
        `${pending} event(s) have not reached the cloud yet: sync first, or unpair anyway ` +
          '(they stay on this till, and go to the cloud if the till is paired with the same chain again)',
      );
    }
    let revoked = false;
    try {
      await api.unpair(this.settings.lookupTimeoutMs);
      revoked = true;
    } catch (error) {
      // An unknown token is as good as revoked; an unreachable cloud keeps it until it expires there.
      revoked = error instanceof CloudRefused && error.code === 'unauthorized';
    }
    forgetPairing(this.db);
    this.#pairing = null;
    this.#api = null;
    this.pageLinks.clear();
    this.listener?.stop();
    this.listener = null;
    this.setLastError(null);
    this.failures = 0;
    this.retryAfterMs = null;
    this.rejected = new Map();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.report();
    return { revoked, pending };
  }

  /** Kept in sync_state, so the status says why after a restart too; written only on change. */
  private setLastError(problem: SyncProblem | null): void {
    const before = this.lastError === null ? null : storedProblem(this.lastError);
    const after = problem === null ? null : storedProblem(problem);
    this.lastError = problem;
    if (after === before) return;
    if (after === null) deleteSyncState(this.db, SyncStateKeys.lastError);
    else setSyncState(this.db, SyncStateKeys.lastError, after);
  }

  /**
   * Whether events the cloud refused as ahead of its clock are not ahead by
   * this till's clock: then the till's clock is the one that is wrong.
   */
  private clockStillAhead(refused: readonly Rejection[]): boolean {
    const bound = this.clock() + LIMITS.maxClockAheadMs;
    return refused.some((r) => {
      const hlc = eventClock(this.db, r.id);
      return hlc !== null && decodeHlc(hlc).wallMs <= bound;
    });
  }

  /** Kept in sync_state too, so the status shows them after a restart; written only on change. */
  private setRejected(rejected: Map<string, Rejection>): void {
    const before = JSON.stringify([...this.rejected.values()]);
    const after = JSON.stringify([...rejected.values()]);
    this.rejected = rejected;
    if (after !== before) setSyncState(this.db, PairingKeys.rejected, after);
  }

  private async syncOnce(): Promise<SyncReport> {
    const report: SyncReport = {
      ok: false,
      pushed: 0,
      received: 0,
      applied: 0,
      rejected: 0,
      quarantined: 0,
      error: null,
    };
    if (this.stopped) return { ...report, error: STOPPED };
    try {
      if (this.#pairing === null) {
        const env = this.envPairing();
        if (env === null) return { ...report, error: UNPAIRED };
        await this.pairNow(env.cloudUrl, env.storeCode);
      }
      const api = this.#api;
      if (api === null) return { ...report, error: UNPAIRED };
      const stopped = () => this.stopped;
      const pushed = await pushOutbox(
        this.db,
        api,
        this.identity.terminalId,
        { batchSize: this.settings.pushBatchSize, now: this.clock },
        stopped,
      );
      report.pushed = pushed.pushed;
      report.rejected = pushed.rejected.length;
      report.quarantined = pushed.setAside;
      // What this push refused is the whole list now: the others went through.
      this.setRejected(new Map(pushed.rejected.map((r) => [r.id, r])));
      if (this.stopped) return { ...report, error: STOPPED };
      const pulled = await pullAll(this.applyContext(), api, this.settings.pullLimit, stopped);
      report.received = pulled.received;
      report.applied = pulled.applied;
      report.quarantined += pulled.quarantined;
      if (this.stopped) return { ...report, error: STOPPED };
      await this.reportQuarantine(api);
      if (this.stopped) return { ...report, error: STOPPED };
      setSyncState(this.db, SyncStateKeys.connection, 'online');
      setSyncState(this.db, SyncStateKeys.lastSyncAt, String(this.clock()));
      this.failures = 0;
      this.retryAfterMs = null;
      const clockAhead = pushed.rejected.filter((r) => r.code === 'clock_ahead');
      const refusal =
        clockAhead.length > 0
          ? tillClockAhead(clockAhead.length, this.clockStillAhead(clockAhead))
          : pushed.rejected.length > 0
            ? eventsRejected(pushed.rejected.length)
            : report.quarantined > 0
              ? eventsSetAside(report.quarantined)
              : null;
      this.setLastError(refusal);
      this.notifyData(pulled.kinds);
      this.report();
      return { ...report, ok: true };
    } catch (error) {
      if (this.stopped) return { ...report, error: STOPPED };
      const problem = this.recordFailure(error);
      return { ...report, error: problem };
    }
  }

  /**
   * Tell the cloud of events set aside here, so the chain's managers see them
   * too. Each is reported once; while the cloud cannot take the report (it is
   * down, or older and has no such route) they wait for the next sync, which
   * goes on regardless.
   */
  private async reportQuarantine(api: CloudApi): Promise<void> {
    for (;;) {
      const waiting = unreportedQuarantine(this.db, MAX_QUARANTINE_REPORT);
      if (waiting.length === 0) return;
      try {
        await api.reportQuarantine(
          waiting.map((q) => ({
            id: q.eventId,
            type: q.eventType,
            code: q.code,
            reason: q.reason,
          })),
        );
      } catch {
        return;
      }
      if (this.stopped) return;
      markQuarantineReported(
        this.db,
        waiting.map((q) => q.seq),
      );
      if (waiting.length < MAX_QUARANTINE_REPORT) return;
    }
  }

  private recordFailure(error: unknown): SyncProblem {
    this.failures += 1;
    this.retryAfterMs = outageOf(error)?.retryAfterMs ?? null;
    const problem = problemOf(error);
    this.setLastError(problem);
    if (this.#pairing !== null) setSyncState(this.db, SyncStateKeys.connection, 'offline');
    this.report();
    return problem;
  }

  private notifyData(kinds: ReadonlySet<DataKind>): void {
    if (kinds.size > 0) this.options.onData?.(kinds);
  }

  /** Tell the listener, when something it shows has changed. */
  private report(current?: SyncStatus): void {
    if (this.stopped || !this.options.onStatus) return;
    const status = current ?? this.status();
    const key = JSON.stringify([
      status.state,
      status.pending,
      status.lastSyncAt,
      status.lastError,
      status.rejected,
      status.quarantined,
    ]);
    if (key === this.lastReported) return;
    this.lastReported = key;
    this.options.onStatus(status);
  }

  /** Sync after `delayMs`, or right after the sync running now: never two queued. */
  private soon(delayMs: number): void {
    if (!this.running || this.stopped) return;
    if (this.busy > 0) {
      this.again = true;
      return;
    }
    if (this.timer === null || this.timerAt > Date.now() + delayMs) this.schedule(delayMs);
  }

  /** Hold a request at the cloud for news of the chain (announce.ts), with the current pairing's API. */
  private listen(): void {
    this.listener?.stop();
    this.listener = null;
    const api = this.#api;
    if (!this.running || this.stopped || api === null) return;
    this.listener = new AnnouncementListener({
      api,
      cursor: () => pullCursor(this.db),
      // News proves the cloud answers: sync now, even while backing off.
      onNews: () => this.soon(0),
      backoff: this.settings.backoff,
      random: this.settings.random,
    });
    this.listener.start();
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = Date.now() + delayMs;
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A till's process lives for its window; a script or test should not be kept alive by sync.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const report = await this.syncNow();
    if (!this.running || this.stopped || this.timer !== null) return;
    if (report.ok) {
      this.schedule(this.settings.intervalMs);
    } else if (this.#pairing !== null || this.envPairing() !== null) {
      this.schedule(
        retryDelay(this.failures, this.settings.backoff, this.settings.random, this.retryAfterMs),
      );
    }
  }
}

/** The events the cloud refused on the last push, as kept across restarts. */
function loadRejected(db: Db): Map<string, Rejection> {
  const stored = getSyncState(db, PairingKeys.rejected);
  if (stored === null) return new Map();
  try {
    const list = JSON.parse(stored) as Rejection[];
    return new Map(list.map((r) => [r.id, r]));
  } catch {
    return new Map();
  }
}
