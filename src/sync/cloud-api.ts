/**
 * The cloud's HTTP API as the till calls it: one function per route, bodies
 * validated with the protocol's schemas. Failures come in two kinds, because the
 * client treats them differently: `CloudUnavailable` (no network, timeout,
 * 5xx, 429: try again later) and `CloudRefused` (the cloud answered no: a bad
 * store code, a revoked token). Each says what happened where it is known, as
 * a catalogue message (`problems.ts`). Neither holds the token or the URL, since URLs
 * of member lookups carry phone numbers.
 */
import { z } from 'zod';
import type { LojalEvent } from '../core/events';
import {
  busy,
  cloudFailed,
  incompatible,
  notTheCloud,
  refused,
  timedOut,
  unreachable,
} from './problems';
import type { CloudOutage, SyncProblem } from './problems';
import { joinApi } from './join-api';
import type { JoinApi } from './join-api';
import { snapshotApi } from './snapshot-api';
import type { SnapshotApi } from './snapshot-api';
import {
  AnnouncementResponse,
  ConflictsResponse,
  ErrorResponse,
  MAX_QUARANTINE_REPORTS,
  MemberLookupResponse,
  MemberPageLinkResponse,
  PairResponse,
  PullPage,
  PushResponse,
  QuarantineResponse,
  ROUTES,
  UnpairResponse,
} from './protocol';
import type { Conflict, ErrorCode } from './protocol';

export class CloudUnavailable extends Error {
  /** What the cloud asked us to wait (429 / 503 `retry-after`), in ms. */
  readonly retryAfterMs: number | null;

  constructor(readonly outage: CloudOutage) {
    super(outage.message);
    this.name = 'CloudUnavailable';
    this.retryAfterMs = outage.retryAfterMs;
  }
}

export class CloudRefused extends Error {
  /** The refusal, said by its code (401 is `revoked`). */
  readonly problem: SyncProblem;

  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'unexpected',
    message: string,
    readonly field: string | null = null,
    problem?: SyncProblem,
  ) {
    super(message);
    this.name = 'CloudRefused';
    this.problem = problem ?? refused(status, code, message);
  }
}

export interface CloudApiOptions {
  baseUrl: string;
  /** The terminal token (null before pairing). Read per request, never stored here. */
  token: () => string | null;
  timeoutMs: number;
  /** Aborts every request in flight (the client stopping). */
  signal?: AbortSignal;
}

export type PairResult = z.infer<typeof PairResponse>;
export type PushResult = z.infer<typeof PushResponse>;
export type PullResult = z.infer<typeof PullPage> & {
  /** The cloud's clock when it answered (its `Date` header), when it sent one. */
  cloudTime: number | null;
};
/**
 * A member lookup's answer as the till reads it: events as raw values, each
 * parsed on its own when applied (src/sync/pull.ts), so one the till cannot
 * read is quarantined instead of failing the lookup.
 */
const MemberLookupPage = MemberLookupResponse.extend({
  members: z.array(z.object({ memberId: z.string(), events: z.array(z.unknown()) })).min(1),
});
export type LookupResult = z.infer<typeof MemberLookupPage>;

export type MemberQuery = { phoneE164: string } | { memberNumber: string };

export interface CloudApi {
  /** With a token (the till's current one), the cloud pairs that terminal again: same id and slot. */
  pair(storeCode: string, terminalName: string): Promise<PairResult>;
  /** Revokes this terminal's token. */
  unpair(timeoutMs?: number): Promise<void>;
  push(terminalId: string, events: readonly LojalEvent[]): Promise<PushResult>;
  pull(after: string, limit: number): Promise<PullResult>;
  /** The members with this phone or number, or an empty list when the cloud has none. */
  lookupMember(query: MemberQuery, timeoutMs?: number): Promise<LookupResult['members']>;
  /** The member's own page link (made by the cloud when first asked), or null when it has no such member. */
  memberPageLink?(memberId: string, timeoutMs?: number): Promise<string | null>;
  conflicts(): Promise<Conflict[]>;
  /** Tell the cloud of events this till set aside; answers how many it recorded. */
  reportQuarantine(events: readonly QuarantineReport[]): Promise<number>;
  /** New tills from snapshots (src/sync/snapshot.ts); a test's stand-in may have none. */
  snapshots?: SnapshotApi;
  /** Self-enrolment's join requests (src/sync/join-api.ts); a test's stand-in may have none. */
  join?: JoinApi;
  /**
   * Held by the cloud until the chain has events after `after` (or `waitMs`
   * passes): the chain's head. `signal` ends the wait early; `onHeld` is called
   * once the cloud has taken the request (its headers came: it holds it now).
   * See src/sync/announce.ts.
   */
  announcements(
    after: string,
    waitMs: number,
    signal?: AbortSignal,
    onHeld?: () => void,
  ): Promise<string>;
}

/** One set-aside event as the cloud is told of it (`POST /v1/sync/quarantine`). */
export interface QuarantineReport {
  id: string | null;
  type: string | null;
  code: string;
  reason: string;
}

/** The most entries one report carries (the cloud's limit). */
export const MAX_QUARANTINE_REPORT = MAX_QUARANTINE_REPORTS;

/** Only loopback may speak plain HTTP: elsewhere the token would cross the network readable. */
export function checkCloudUrl(url: string, allowInsecureHttp = false): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(
      `the cloud address "${url}" is not a URL (it looks like https://cloud.example.no)`,
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError('the cloud address must start with https://');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'http:' && !loopback && !allowInsecureHttp) {
    throw new RangeError(
      'the cloud address must use https:// (plain http is allowed only on this machine)',
    );
  }
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

function retryAfterMs(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/** Why a fetch failed (ECONNREFUSED, a timeout), without the URL. */
function outageOf(error: unknown, timeoutMs: number): CloudOutage {
  if (!(error instanceof Error)) return unreachable(null, String(error));
  if (error.name === 'TimeoutError') return timedOut(timeoutMs);
  if (error.name === 'AbortError') return unreachable(null, 'stopped');
  const cause = (error as { cause?: unknown }).cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return timedOut(timeoutMs);
  if (typeof code === 'string') return unreachable(code, null);
  return unreachable(null, cause instanceof Error ? cause.message : error.message);
}

/** How many times a request is sent when each try meets a connection closed before an answer. */
const SENDS_ON_CLOSED_CONNECTION = 3;

/** Requests the cloud takes twice as once: pushes (event ids stored once), reports, reads. */
const RESENDABLE = new Set<string>([
  ROUTES.push,
  ROUTES.pull,
  ROUTES.memberLookup,
  ROUTES.memberPageLink,
  ROUTES.conflicts,
  ROUTES.quarantine,
  ROUTES.announcements,
]);

/** The connection ended before an answer came (not a refused connection, not a timeout). */
function closedBeforeAnswer(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(String(cause?.code));
}

export function cloudApi(options: CloudApiOptions): CloudApi {
  const base = options.baseUrl;

  async function request<S extends z.ZodType>(
    schema: S,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    timeoutMs = options.timeoutMs,
    onAnswer?: (response: Response) => void,
    held?: { signal?: AbortSignal; onHeaders?: (status: number) => void },
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = options.token();
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(timeoutMs);
    const signals = [options.signal, held?.signal, timeout].filter((s) => s !== undefined);
    const signal = signals.length === 1 ? timeout : AbortSignal.any(signals);
    let response: Response;
    let text: string;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await fetch(base + path, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal,
        });
        held?.onHeaders?.(response.status);
        text = await response.text();
        break;
      } catch (error) {
        // A kept-alive connection closed while idle (by the cloud, a proxy, a NAT box)
        // fails the next request on it before any answer: send it once more, on a fresh
        // connection, when sending it twice is harmless (never a pairing). A few times:
        // the till may hold more than one idle connection, each as stale.
        if (
          attempt < SENDS_ON_CLOSED_CONNECTION &&
          RESENDABLE.has(path.split('?')[0]!) &&
          closedBeforeAnswer(error)
        )
          continue;
        throw new CloudUnavailable(outageOf(error, timeoutMs));
      }
    }
    if (response.status === 429 || response.status === 503) {
      throw new CloudUnavailable(busy(response.status, retryAfterMs(response)));
    }
    if (response.status >= 500) throw new CloudUnavailable(cloudFailed(response.status));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // Something between us and the cloud (a captive portal, a proxy) answered.
      throw new CloudUnavailable(notTheCloud(response.status));
    }
    if (!response.ok) {
      const failure = ErrorResponse.safeParse(json);
      if (failure.success) {
        const { code, message, field } = failure.data.error;
        throw new CloudRefused(response.status, code, message, field);
      }
      throw new CloudRefused(
        response.status,
        'unexpected',
        `the cloud answered HTTP ${response.status}`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`;
      throw new CloudRefused(
        response.status,
        'unexpected',
        `the cloud's answer does not fit this till (${detail}); update the app`,
        null,
        incompatible(detail),
      );
    }
    onAnswer?.(response);
    return parsed.data;
  }

  return {
    pair: (storeCode, terminalName) =>
      request(PairResponse, 'POST', ROUTES.pair, { storeCode, terminalName }),
    async unpair(timeoutMs) {
      await request(UnpairResponse, 'POST', ROUTES.unpair, undefined, timeoutMs);
    },
    push: (terminalId, events) =>
      request(PushResponse, 'POST', ROUTES.push, { terminalId, events }),
    async pull(after, limit) {
      let cloudTime: number | null = null;
      const page = await request(
        PullPage,
        'GET',
        `${ROUTES.pull}?after=${encodeURIComponent(after)}&limit=${limit}`,
        undefined,
        options.timeoutMs,
        (response) => {
          const date = Date.parse(response.headers.get('date') ?? '');
          cloudTime = Number.isFinite(date) ? date : null;
        },
      );
      return { ...page, cloudTime };
    },
    async lookupMember(query, timeoutMs) {
      const search =
        'phoneE164' in query
          ? `phone=${encodeURIComponent(query.phoneE164)}`
          : `memberNumber=${encodeURIComponent(query.memberNumber)}`;
      try {
        const found = await request(
          MemberLookupPage,
          'GET',
          `${ROUTES.memberLookup}?${search}`,
          undefined,
          timeoutMs,
        );
        return found.members;
      } catch (error) {
        if (error instanceof CloudRefused && error.code === 'member_not_found') return [];
        throw error;
      }
    },
    async memberPageLink(memberId, timeoutMs) {
      try {
        const answer = await request(
          MemberPageLinkResponse,
          'GET',
          `${ROUTES.memberPageLink}?memberId=${encodeURIComponent(memberId)}`,
          undefined,
          timeoutMs,
        );
        return answer.url;
      } catch (error) {
        if (error instanceof CloudRefused && error.code === 'member_not_found') return null;
        throw error;
      }
    },
    conflicts: async () => (await request(ConflictsResponse, 'GET', ROUTES.conflicts)).conflicts,
    reportQuarantine: async (events) =>
      (await request(QuarantineResponse, 'POST', ROUTES.quarantine, { events })).recorded,
    snapshots: snapshotApi((schema, path) => request(schema, 'GET', path)),
    join: joinApi((schema, method, path, body) => request(schema, method, path, body)),
    announcements: async (after, waitMs, signal, onHeld) =>
      (
        await request(
          AnnouncementResponse,
          'GET',
          `${ROUTES.announcements}?after=${encodeURIComponent(after)}&waitMs=${waitMs}`,
          undefined,
          // The cloud holds the request up to waitMs: the usual timeout starts after that.
          waitMs + options.timeoutMs,
          undefined,
          { signal, onHeaders: (status) => (status === 200 ? onHeld?.() : undefined) },
        )
      ).head,
  };
}
