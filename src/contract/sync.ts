/**
 * What the sync commands answer (sync.status, sync.pair, sync.unpair, sync.now,
 * sync.conflicts) and the codes in those answers: declared here, in the
 * contract, so the UI and the back office read them without src/sync (which
 * does the I/O) and src/sync, src/service and the cloud share one list.
 */
import type { Msg } from '../core/i18n';
import type { MemberFlag } from '../core/member-types';

/** The cloud's error codes (`{error: {code}}` in its answers). */
export const ERROR_CODES = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'store_code_not_found',
  /** The chain has given every member-number slot its prefix allows (see SLOTS below). */
  'slots_exhausted',
  'member_not_found',
  'invalid_phone',
  'batch_too_large',
  'body_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unavailable',
  'internal',
  /** Refused at the edge, before any route ran (cloud/http/errors.ts). */
  'invalid_json',
  'invalid_text',
  'unsafe_number',
  'too_deep',
  'invalid_url',
  'path_too_long',
  'method_not_allowed',
  'headers_too_large',
  'bad_request',
  'request_timeout',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why the cloud refused to store an event. */
export const REJECT_CODES = [
  /** Not a valid event (the message names the field). */
  'invalid_event',
  /** No longer sent: newer schema versions are read (the schemas change additively). */
  'schema_too_new',
  /** The envelope's chainId is not the token's chain. */
  'wrong_chain',
  /** The envelope's storeId is not the token's store. */
  'wrong_store',
  /** The envelope's terminalId is not the token's terminal. */
  'wrong_terminal',
  /** A member event for a member the chain has never seen enrolled (nor earlier in the batch). */
  'unknown_member',
  /** The event's clock (or its `at`) is more than LIMITS.maxClockAheadMs ahead of the server's. */
  'clock_ahead',
  /** Text no database takes (a NUL, a lone surrogate), anywhere in the event. */
  'invalid_text',
  /** Over LIMITS.maxEventBytes serialised (maxConfigEventBytes for a programme or catalogue). */
  'event_too_large',
  /** A `staff.saved` whose author is not an active manager of the chain (and the chain has one). */
  'not_allowed',
  /**
   * Valid, but the cloud's database refused to store it (a value out of a
   * column's range): set aside alone, so it cannot hold back the rest.
   */
  'unprocessable',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

/** Why pairing (or unpairing) failed. */
export const PAIRING_ERROR_CODES = [
  /** Not a URL, or plain http to another machine. */
  'invalid_cloud_url',
  /** The cloud could not be reached (the cause says how: no answer, busy, …). */
  'cloud_unavailable',
  /** The till holds another chain's members or sales. */
  'foreign_chain_data',
  /** Unpairing refused: events still wait for the cloud. */
  'pending_events',
  'unpaired',
  'stopped',
] as const;
export type PairingErrorCode = (typeof PAIRING_ERROR_CODES)[number] | ErrorCode | 'unexpected';

/** Why a sync failed. */
export const SYNC_PROBLEM_CODES = [
  /** No connection to the cloud; the network's own code is in the text (ECONNREFUSED, ENOTFOUND). */
  'unreachable',
  /** The cloud did not answer in time. */
  'timeout',
  /** The cloud asked the till to wait (429 rate_limited, 503 unavailable; `retry-after` respected). */
  'busy',
  /** The cloud answered with another server error (5xx). */
  'cloud_failed',
  /** Something other than the cloud answered (not JSON: a login page, a proxy). */
  'not_the_cloud',
  /** 401: the cloud does not take this till's token any more (revoked); a manager pairs again. */
  'revoked',
  /** The cloud refused a request (another 4xx); the text names the refusal. */
  'refused',
  /** The cloud's answer does not fit this app: update it. */
  'incompatible',
  /** The cloud refused some of the events pushed (they stay in the outbox: `rejectedEvents`). */
  'events_rejected',
  /**
   * The cloud refused events as dated too far ahead of its clock: this till's
   * clock is wrong (they stay in the outbox, `rejectedEvents`).
   */
  'till_clock_ahead',
  /**
   * The cloud refused events as ahead of its clock, written while this till's
   * clock was wrong; it is not ahead now, and they go once their time comes.
   */
  'events_dated_ahead',
  /** Events were set aside (quarantined: `quarantine` in the status); the rest were synced. */
  'events_set_aside',
  /** Sync failed on the till itself (storing what the cloud sent, say). */
  'till_failed',
  /** A stored error from before errors had codes: its words, in both languages. */
  'unknown',
] as const;

export type SyncProblemCode = (typeof SYNC_PROBLEM_CODES)[number] | PairingErrorCode;

/** A sync failure: a stable code, and what happened and what to do (a catalogue message). */
export interface SyncProblem {
  code: SyncProblemCode;
  text: Msg;
}

/** Why an event was set aside: a QUARANTINE_CODES code (src/store/quarantine.ts) or the cloud's refusal code. */
export type SetAsideCode = string & {};
export type QuarantineDirection = 'pulled' | 'local';

export const IDENTITY_CLASH_KINDS = [
  'duplicate_phone',
  'duplicate_member_number',
  'duplicate_qr_token',
] as const;
export type IdentityClashKind = (typeof IDENTITY_CLASH_KINDS)[number];

/** Live members of the chain sharing a phone, member number or QR token (src/sync/protocol.ts). */
export interface IdentityClashFlag {
  kind: IdentityClashKind;
  memberIds: string[];
}

/** A conflict flag the cloud lists: the engine's, or an identity clash. */
export type ConflictFlag = MemberFlag | IdentityClashFlag;

export type SyncState = 'online' | 'offline' | 'unpaired';

/** An event the cloud would not store: it stays in the outbox, and the manager sees why. */
export interface RejectedEvent {
  eventId: string;
  /** What was done (`member.enrolled`, `sale.committed`, …). */
  type: string;
  code: RejectCode;
  /** The cloud's detail, in English. */
  message: string;
  /** What the event recorded ("Salg", "Innmelding"). */
  kind: Msg;
  /** Why, from the code (the English with the cloud's detail). */
  text: Msg;
}

/**
 * An event set aside so that sync goes on past it (src/store/quarantine.ts):
 * one pulled that this till cannot apply, or one of its own the cloud cannot
 * take. Kept on the till with the event as it came.
 */
export interface QuarantinedEvent {
  /** 'pulled': came from the cloud; 'local': made here, too large to send. */
  direction: QuarantineDirection;
  /** Null when the event's id could not be read. */
  eventId: string | null;
  type: string | null;
  /** The till's own code (src/store/quarantine.ts) or the cloud's refusal code. */
  code: SetAsideCode;
  /** The detail, in English. */
  reason: string;
  /** When it was set aside (this till's clock). */
  at: number;
  /** The cloud has been told of it. */
  reported: boolean;
  /** What the event recorded ("Salg"; unreadable when its type could not be read). */
  kind: Msg;
  /** Why, for a manager. */
  text: Msg;
}

export interface SyncStatus {
  state: SyncState;
  /** A sync or a pairing is running now. */
  syncing: boolean;
  /** Local events not yet acknowledged by the cloud. */
  pending: number;
  /** End of the last sync that pushed and pulled everything (this till's clock). */
  lastSyncAt: number | null;
  /**
   * Why the last attempt failed: a stable code and a message for a manager; no
   * secrets in it. Kept across restarts.
   */
  lastError: SyncProblem | null;
  /** Events the cloud refused to store (they stay in the outbox; see lastError). */
  rejected: number;
  /** The first of them, with the cloud's reasons. */
  rejectedEvents: RejectedEvent[];
  /** Events set aside (quarantined) so that sync went on past them; all are counted. */
  quarantined: number;
  /** The newest of them first (at most 50). */
  quarantine: QuarantinedEvent[];
  /**
   * Events of types a newer version of the app writes: stored and passed on,
   * never applied (expected while tills are updated one by one; not a problem).
   */
  foreignEvents: number;
  /** Whom this till is paired with (never the token). */
  cloud: {
    url: string;
    chainName: string;
    storeName: string;
    terminalId: string;
    terminalName: string | null;
    pairedAt: number;
    /** The member-number slot the cloud gave this till (null for a pairing made before slots). */
    slot: number | null;
  } | null;
  /**
   * LOJAL_CLOUD_URL and LOJAL_STORE_CODE are set: the environment pairs this till
   * (`suspended` once a manager unpaired it; then only a manager pairs it again).
   */
  environment: { cloudUrl: string; suspended: boolean } | null;
}

export interface SyncReport {
  ok: boolean;
  pushed: number;
  /** Events received from the cloud (own and already known ones included). */
  received: number;
  /** Events new to this till. */
  applied: number;
  /** Events the cloud refused in this sync (see the status for why). */
  rejected: number;
  /** Events set aside in this sync (pulled ones this till cannot apply, own ones too large). */
  quarantined: number;
  /** Why this sync failed; null when it went (refused events are counted in `rejected`). */
  error: SyncProblem | null;
}

export interface PairingInfo {
  cloudUrl: string;
  chainId: string;
  storeId: string;
  terminalId: string;
  chainName: string;
  storeName: string;
  pairedAt: number;
  /** Local events of this chain recorded before pairing, now under the paired identity. */
  restamped: number;
  /** Another chain's configuration (the demo programme and catalogue) dropped. */
  dropped: number;
  /** The member-number slot this till numbers new members in from now on. */
  slot: number;
  /** Paired again as the terminal it was (same id and slot), not as a new one. */
  existingTerminal: boolean;
}

export interface UnpairInfo {
  /** The cloud revoked the token (false when it could not be reached: the token is forgotten anyway). */
  revoked: boolean;
  /** Local events that had not reached the cloud; they stay on this till. */
  pending: number;
}

/** A member named in a conflict, as far as this till knows them (null fields: not here yet). */
export interface ConflictMember {
  memberId: string;
  memberNumber: string | null;
  firstName: string | null;
  enrolledAt: number | null;
  /** How the conflict names them: "Ingrid", "medlemsnr. 2900…", "et medlem kassen ikke har ennå". */
  name: Msg;
}

/** A conflict the cloud lists for the chain (the engine's flag), with the member named. */
export interface CloudConflict {
  member: ConflictMember;
  flag: ConflictFlag;
  firstSeenAt: number;
  lastSeenAt: number;
  /** What happened, for the manager: which coupon, which receipts at which till, whose points. */
  text: Msg;
  /** What it means and what happens next. */
  hint: Msg;
}

/** Two live members sharing a phone, a member number or a QR token, as this till's store records it. */
export interface TillConflict {
  kind: IdentityClashKind;
  /** The phone (E.164), the member number or the QR token they share. */
  value: string;
  /** Earliest enrolment first: the member a lookup by `value` answers. */
  members: ConflictMember[];
  /** Who shares what, and whom a lookup answers. */
  text: Msg;
  /** How it came about and what to do. */
  hint: Msg;
}

export interface SyncConflicts {
  cloud: {
    /** False when the till is not paired or the cloud did not answer (`reason` says which). */
    available: boolean;
    reason: Msg | null;
    conflicts: CloudConflict[];
  };
  local: TillConflict[];
}
