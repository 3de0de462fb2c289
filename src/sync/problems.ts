/**
 * What went wrong with sync, said where it is known — no network, no answer in
 * time, a busy cloud, a revoked token, a refusal, refused events — as a stable
 * code and a catalogue message (src/core/messages/sync.ts) the till renders in
 * the reader's language. The cloud's own detail (its English message, the
 * network's code) is a parameter: the English carries it for support and API
 * clients; bokmål and Swedish carry it only where it is a code (ECONNREFUSED,
 * HTTP 503).
 */
import { z } from 'zod';
import { msg } from '../core/i18n';
import { LIMITS } from '../core/limits';
import type { Msg, Params, Text } from '../core/i18n';
import { CATALOGUE } from '../core/messages';
import type { MessageKey } from '../core/messages';
import { ERROR_CODES, RejectCode } from './protocol';
import { PAIRING_ERROR_CODES, SYNC_PROBLEM_CODES } from '../contract/sync';
import type { ErrorCode } from './protocol';
import type { SyncProblem, SyncProblemCode } from '../contract/sync';

export type { PairingErrorCode, SyncProblem, SyncProblemCode } from '../contract/sync';
import { QUARANTINE_CODES } from '../store/quarantine';
import type { QuarantineCode, SetAsideCode } from '../store/quarantine';

/** Reaching the cloud failed; what happens next depends on who asked (see below). */
export interface CloudOutage {
  code: 'unreachable' | 'timeout' | 'busy' | 'cloud_failed' | 'not_the_cloud';
  /** What happened, one sentence without its full stop. */
  what: Msg;
  /** The same in English for logs and support (CloudUnavailable's message). */
  message: string;
  /** What the cloud asked the till to wait (429/503 `retry-after`), ms. */
  retryAfterMs: number | null;
}

const seconds = (ms: number) => Math.max(1, Math.round(ms / 1000));

/**
 * The cloud's or the network's detail in English, said in the English only: a
 * parameter (`{detail}`) that is empty in bokmål and Swedish. Not wording of
 * the till's own, so it never needs translating.
 */
export function forSupport(detail: string): Text {
  return { nb: '', en: detail, sv: '' };
}

/** A detail every language says (a code such as ECONNREFUSED). */
function forAll(detail: string): Text {
  return { nb: detail, en: detail, sv: detail };
}

/**
 * No answer: `code` is the network's (ECONNREFUSED, ENOTFOUND, ECONNRESET), said
 * in every language; `detail` is a message in English (said in English only).
 */
export function unreachable(code: string | null, detail: string | null): CloudOutage {
  const said = code ?? detail;
  return {
    code: 'unreachable',
    what: msg('sync.outage.unreachable', {
      detail: code ? forAll(` (${code})`) : forSupport(detail ? ` (${detail})` : ''),
    }),
    message: said ? `The cloud does not answer (${said})` : 'The cloud does not answer',
    retryAfterMs: null,
  };
}

export function timedOut(timeoutMs: number): CloudOutage {
  const s = seconds(timeoutMs);
  return {
    code: 'timeout',
    what: msg('sync.outage.timeout', { seconds: s }),
    message: `The cloud did not answer within ${s} s`,
    retryAfterMs: null,
  };
}

/** 429 (too many requests) or 503 (busy): the cloud said so, and maybe how long to wait. */
export function busy(status: number, retryAfterMs: number | null): CloudOutage {
  const limited = status === 429;
  return {
    code: 'busy',
    what: msg(limited ? 'sync.outage.rateLimited' : 'sync.outage.busy'),
    message: limited
      ? 'The cloud asks the till to wait (too many requests in a short time)'
      : 'The cloud is busy right now',
    retryAfterMs,
  };
}

export function cloudFailed(status: number): CloudOutage {
  return {
    code: 'cloud_failed',
    what: msg('sync.outage.cloudFailed', { status }),
    message: `The cloud has a fault (HTTP ${status})`,
    retryAfterMs: null,
  };
}

export function notTheCloud(status: number): CloudOutage {
  return {
    code: 'not_the_cloud',
    what: msg('sync.outage.notTheCloud', { status }),
    message: `Something other than the cloud answered (HTTP ${status}); a login page or a proxy may be in the way`,
    retryAfterMs: null,
  };
}

/** The background sync tries again by itself; meanwhile the till keeps everything. */
export function outageWhileSyncing(outage: CloudOutage): SyncProblem {
  const wait = outage.retryAfterMs;
  const retry =
    wait === null ? msg('sync.retry.byItself') : msg('sync.retry.in', { seconds: seconds(wait) });
  return { code: outage.code, text: msg('sync.problem.outage', { what: outage.what, retry }) };
}

/** A manager pairing is waiting: check and try again. */
export function outageWhilePairing(outage: CloudOutage): Msg {
  const wait = outage.retryAfterMs;
  return wait === null
    ? msg('sync.pairing.outage', { what: outage.what })
    : msg('sync.pairing.outageWait', { what: outage.what, seconds: seconds(wait) });
}

/** The cloud's refusal by its code (`unauthorized` is said as REVOKED). */
export function refusalReason(code: Exclude<ErrorCode, 'unauthorized'> | 'unexpected'): Msg {
  return msg(`sync.refusal.${code}` satisfies MessageKey);
}

/** 401: the token is unknown or revoked. */
export const REVOKED: SyncProblem = { code: 'revoked', text: msg('sync.problem.revoked') };

/** The cloud said no (4xx): which refusal in every language, the cloud's message in English. */
export function refused(
  status: number,
  code: ErrorCode | 'unexpected',
  message: string,
): SyncProblem {
  if (code === 'unauthorized') return REVOKED;
  return {
    code: 'refused',
    text: msg('sync.problem.refused', {
      reason: refusalReason(code),
      status,
      code,
      detail: forSupport(`: ${message}`),
    }),
  };
}

/** The cloud's answer does not fit what this app expects: `detail` names the field. */
export function incompatible(detail: string): SyncProblem {
  return {
    code: 'incompatible',
    text: msg('sync.problem.incompatible', { detail: forSupport(` (${detail})`) }),
  };
}

export function eventsRejected(count: number): SyncProblem {
  return { code: 'events_rejected', text: msg('sync.problem.eventsRejected', { count }) };
}

/**
 * The cloud refused `count` events as ahead of its clock (clock_ahead).
 * `stillAhead`: by this till's own clock they are not ahead, so the till's
 * clock is wrong now, which only a person at the till can set right (until
 * then every new event is refused too); said before any other refusal.
 * Otherwise they were written while it was wrong, and go once their time comes.
 */
export function tillClockAhead(count: number, stillAhead: boolean): SyncProblem {
  const hours = LIMITS.maxClockAheadMs / 3_600_000;
  return stillAhead
    ? { code: 'till_clock_ahead', text: msg('sync.problem.tillClockAhead', { count, hours }) }
    : { code: 'events_dated_ahead', text: msg('sync.problem.eventsDatedAhead', { count, hours }) };
}

export const UNPAIRED: SyncProblem = { code: 'unpaired', text: msg('sync.problem.unpaired') };

export const STOPPED: SyncProblem = { code: 'stopped', text: msg('sync.problem.stopped') };

/** Something failed on the till itself; `detail` is for support, in English. */
export function tillFailed(detail: string): SyncProblem {
  return {
    code: 'till_failed',
    text: msg('sync.problem.tillFailed', { detail: forSupport(` (${detail})`) }),
  };
}

/** Why the cloud refused an event, from its code; the cloud's own detail in English. */
export function rejectionText(code: RejectCode, message: string): Msg {
  return msg(`sync.reject.${code}` satisfies MessageKey, {
    detail: forSupport(` (${message})`),
  });
}

/**
 * Why an event was set aside, from its code (the till's own, or for a local
 * event the cloud's refusal); the detail (in English) in the English text.
 */
export function quarantineText(
  code: SetAsideCode,
  reason: string,
  direction: 'pulled' | 'local' = 'pulled',
): Msg {
  const own = direction === 'pulled' || code === 'event_too_large' || code === 'body_too_large';
  if (own && (QUARANTINE_CODES as readonly string[]).includes(code)) {
    return msg(`sync.setAside.${code as QuarantineCode}` satisfies MessageKey, {
      detail: forSupport(` (${reason})`),
    });
  }
  const refusal = RejectCode.safeParse(code);
  if (refusal.success) {
    return msg('sync.setAside.refused', {
      code: refusal.data,
      detail: forSupport(` (${reason})`),
    });
  }
  return msg('sync.setAside.other', { code, detail: forSupport(`: ${reason}`) });
}

/** Events set aside in the last sync: the rest went on. */
export function eventsSetAside(count: number): SyncProblem {
  return { code: 'events_set_aside', text: msg('sync.problem.eventsSetAside', { count }) };
}

/** The event types a refused or set-aside event may have, said as what was done. */
const EVENT_KINDS: Readonly<Record<string, MessageKey>> = {
  'member.enrolled': 'sync.eventKind.member_enrolled',
  'member.profile_updated': 'sync.eventKind.member_profile_updated',
  'member.consent_changed': 'sync.eventKind.member_consent_changed',
  'member.pin_set': 'sync.eventKind.member_pin_set',
  'member.erased': 'sync.eventKind.member_erased',
  'sale.committed': 'sync.eventKind.sale_committed',
  'sale.voided': 'sync.eventKind.sale_voided',
  'sale.returned': 'sync.eventKind.sale_returned',
  'points.adjusted': 'sync.eventKind.points_adjusted',
  'coupon.purchased': 'sync.eventKind.coupon_purchased',
  'referral.rewarded': 'sync.eventKind.referral_rewarded',
  'programme.saved': 'sync.eventKind.programme_saved',
  'catalogue.saved': 'sync.eventKind.catalogue_saved',
  'staff.saved': 'sync.eventKind.staff_saved',
  'staff.logged_in': 'sync.eventKind.staff_logged_in',
};

/** "Salg", "Innmelding": what a refused or set-aside event recorded. */
export function eventKind(type: string | null): Msg {
  // Null: an event set aside before its type could be read.
  if (type === null) return msg('sync.eventKind.unreadable');
  const key = Object.hasOwn(EVENT_KINDS, type) ? EVENT_KINDS[type] : undefined;
  return key ? msg(key) : msg('sync.eventKind.unknown', { type });
}

/** A problem kept before problems were messages: its words in nb and en. */
const WrittenProblem = z.object({
  code: z.string(),
  text: z.object({ nb: z.string(), en: z.string(), sv: z.string().optional() }),
});

/** A message as kept: a catalogue key (checked when read) and its parameters. */
const KeptProblem = z.object({
  code: z.string(),
  text: z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() }),
});

const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...SYNC_PROBLEM_CODES,
  ...PAIRING_ERROR_CODES,
  ...ERROR_CODES,
  'unexpected',
]);

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(CATALOGUE, key);
}

function isProblemCode(code: string): code is SyncProblemCode {
  return KNOWN_CODES.has(code);
}

/** Kept in sync_state as JSON. */
export function storedProblem(problem: SyncProblem): string {
  return JSON.stringify(problem);
}

/** Words kept as they were written (a row from before problems were messages). */
function asWritten(words: Text): Msg {
  return msg('sync.asWritten', { text: words });
}

/**
 * A problem as kept in sync_state: a message of the catalogue. A row written
 * before problems were messages holds its words in nb and en (shown as they
 * are); one from before problems had codes holds the client's English
 * sentence: it reads as that sentence in every language. A key this version
 * does not know (written by a newer one) reads as the code.
 */
export function readStoredProblem(stored: string | null): SyncProblem | null {
  if (stored === null || stored === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { code: 'unknown', text: asWritten({ nb: stored, en: stored }) };
  }
  const code = (c: string): SyncProblemCode => (isProblemCode(c) ? c : 'unknown');
  const kept = KeptProblem.safeParse(json);
  if (kept.success) {
    const { key, params } = kept.data.text;
    // Kept by this till itself: the parameters are as it wrote them.
    if (isMessageKey(key))
      return { code: code(kept.data.code), text: params ? msg(key, params as Params) : msg(key) };
    return { code: 'unknown', text: asWritten({ nb: kept.data.code, en: kept.data.code }) };
  }
  const written = WrittenProblem.safeParse(json);
  if (!written.success) return { code: 'unknown', text: asWritten({ nb: stored, en: stored }) };
  const { nb, en } = written.data.text;
  return { code: code(written.data.code), text: asWritten({ nb, en }) };
}
