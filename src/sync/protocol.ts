/**
 * The wire contract between a till's sync client and the cloud server: routes,
 * request and response bodies (zod schemas, so both ends validate the same way),
 * limits and error codes. Events travel as the envelopes of `src/core/events.ts`
 * and are validated with `parseEvent` on arrival at either end.
 *
 * Pull returns every event of the chain after the cursor, the caller's own
 * included: the till applies each id once and skips ids it already has. That
 * keeps the server free of per-terminal state and makes a restored till whole.
 */
import { z } from 'zod';
import { ERROR_CODES, REJECT_CODES } from '../contract/sync';
import { parseEvent } from '../core/events';
import type { LojalEvent } from '../core/events';
import { boundedText, LIMITS } from '../core/limits';
import type { MemberFlag } from '../core/member-types';

export const PROTOCOL_VERSION = 1;

export const ROUTES = {
  health: '/v1/health',
  /** This contract as an OpenAPI 3.1 document (cloud/http/openapi.ts). */
  openapi: '/v1/openapi.json',
  pair: '/v1/pair',
  unpair: '/v1/unpair',
  push: '/v1/sync/push',
  pull: '/v1/sync/pull',
  /** Held open until the chain has events after `after` (src/sync/announce.ts, cloud/http/announce.ts). */
  announcements: '/v1/sync/announcements',
  /** A till reports events it pulled and could not apply (kept on the till, listed for managers). */
  quarantine: '/v1/sync/quarantine',
  memberLookup: '/v1/members/lookup',
  /** The member's own page link, printed as a QR on their receipt (cloud/member-page). */
  memberPageLink: '/v1/members/page-link',
  conflicts: '/v1/conflicts',
  programme: '/v1/programme',
  /** Admin tokens: events the cloud refused or tills quarantined, newest first. */
  refused: '/v1/chain/refused',
  /** New tills from snapshots (cloud/http/snapshot-routes.ts, src/sync/snapshot.ts). */
  snapshotHead: '/v1/sync/snapshot/head',
  snapshotMembers: '/v1/sync/snapshot/members',
  snapshotEvents: '/v1/sync/snapshot/events',
} as const;

/**
 * Self-enrolment (cloud/self-enrol): a till asks for a join request and reads its
 * outcome; the customer's phone opens `/j/{code}`. Not in ROUTES: the public form
 * answers HTML, and the till's two routes are this feature's own.
 */
export const JOIN_ROUTES = {
  requests: '/v1/join-requests',
  request: '/v1/join-requests/:id',
  form: '/j/:code',
} as const;

export const JoinStartRequest = z.object({
  /** The till's open basket when it asked (its own opaque id, given back with the outcome). */
  basketId: z.string().min(1).max(100),
});
export type JoinStartRequest = z.infer<typeof JoinStartRequest>;

export const JoinStartResponse = z.object({
  requestId: z.string(),
  /** The public page the QR holds. */
  url: z.string(),
  expiresAt: z.number().int(),
});
export type JoinStartResponse = z.infer<typeof JoinStartResponse>;

export const JoinStatusResponse = z.object({
  requestId: z.string(),
  basketId: z.string(),
  state: z.enum(['open', 'expired', 'used']),
  expiresAt: z.number().int(),
  /** Once used: the member enrolled, or the one who held the phone already (`created: false`). */
  member: z
    .object({ memberId: z.string(), memberNumber: z.string(), created: z.boolean() })
    .nullable(),
});
export type JoinStatusResponse = z.infer<typeof JoinStatusResponse>;

/** Limits the server enforces; a client batches and pages within them. */
export const MAX_EVENTS_PER_PUSH = 1000;
export const DEFAULT_PULL_LIMIT = 500;
/** A larger `limit` is capped to this, not refused; `more` tells the client to ask again. */
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Store codes are 8 characters of Crockford base32 shown as `XXXX-XXXX`. What a
 * person types is forgiven: case, spaces and dashes are ignored, O reads as 0
 * and I or L as 1.
 */
export const STORE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const STORE_CODE_LENGTH = 8;

export function normaliseStoreCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function formatStoreCode(normalised: string): string {
  return `${normalised.slice(0, 4)}-${normalised.slice(4)}`;
}

// ---- errors --------------------------------------------------------------

export { ERROR_CODES, REJECT_CODES };
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Every failure answers `{error: {code, message, field, text}}` with a matching status. */
export const ErrorBody = z.object({
  code: ErrorCode,
  message: z.string(),
  /** The request field at fault, dotted (`events.3.payload.at`), when there is one. */
  field: z.string().nullable(),
  /** What went wrong and what to do, in Norwegian and English (optional: older clouds send none). */
  text: z.object({ nb: z.string(), en: z.string() }).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
export const ErrorResponse = z.object({ error: ErrorBody });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

// ---- events on the wire ---------------------------------------------------

/** An event as the other end sent it, validated by `parseEvent` (the issue names the fault). */
export const WireLojalEvent = z.unknown().transform((raw, ctx): LojalEvent => {
  try {
    return parseEvent(raw);
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: error instanceof Error ? error.message : 'invalid event',
    });
    return z.NEVER;
  }
});

// ---- health ---------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.literal('ok'),
  protocolVersion: z.number().int(),
  database: z.enum(['pglite', 'postgres']),
  time: z.number().int(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---- pairing --------------------------------------------------------------

/**
 * A till hands out member numbers `prefix + slot × SLOT_SIZE + counter`
 * (src/store/members.ts). The cloud gives each terminal of a chain its own
 * slot at pairing: the k-th terminal gets slot k for k ≤ 499 and k + 500 after
 * that. Slots 500–999 are never given: a till that was never paired picks one
 * of those at random, so a number handed out after pairing can never be one
 * an unpaired till handed out (those can meet each other only, and the till's
 * store flags such a clash as `duplicate_member_number`).
 */
export const SLOTS = {
  size: 1_000_000,
  lastBeforeRandom: 499,
  randomFirst: 500,
  randomLast: 999,
} as const;

/** The slot of the k-th terminal paired in a chain (k from 1). */
export function slotOfTerminal(k: number): number {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`no terminal number ${k}`);
  return k <= SLOTS.lastBeforeRandom ? k : k + (SLOTS.randomLast - SLOTS.lastBeforeRandom);
}

/**
 * The highest slot whose numbers fit in an EAN-13 under `prefix` (12 digits
 * before the check digit): 9999 under a 2-digit prefix, 999 under 3 digits.
 */
export function highestSlotFor(prefix: string): number {
  return Math.floor(10 ** (12 - prefix.length) / SLOTS.size) - 1;
}

/**
 * `Authorization: Bearer <the till's current token>` may come along: when it
 * names a terminal of the store code's chain, that terminal is paired again
 * (same id, same slot, a new token; the old one is revoked). Otherwise, or
 * without it, a new terminal is made.
 */
export const PairRequest = z.object({
  storeCode: boundedText(32).min(1),
  terminalName: boundedText(80).trim().min(1),
});
export type PairRequest = z.infer<typeof PairRequest>;

/** The token is shown once; the server keeps only its hash. Send it as `Authorization: Bearer`. */
export const PairResponse = z.object({
  terminalId: z.string(),
  token: z.string(),
  chainId: z.string(),
  storeId: z.string(),
  chainName: z.string(),
  storeName: z.string(),
  /** This terminal's member-number slot in the chain (see SLOTS). */
  slot: z.number().int().positive(),
  /** True when the request's token named this terminal: its id and slot are kept. */
  existingTerminal: z.boolean(),
});
export type PairResponse = z.infer<typeof PairResponse>;

/** `POST /v1/unpair` with the terminal's token: the token is revoked (the slot stays the terminal's). */
export const UnpairResponse = z.object({ revoked: z.literal(true) });
export type UnpairResponse = z.infer<typeof UnpairResponse>;

// ---- push -----------------------------------------------------------------

/**
 * Events are checked one by one (a bad event rejects itself, not the batch), so
 * the array holds raw values here. `terminalId`, when sent, must be the token's.
 */
export const PushRequest = z.object({
  terminalId: z.string().optional(),
  events: z.array(z.unknown()),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const RejectCode = z.enum(REJECT_CODES);
export type RejectCode = z.infer<typeof RejectCode>;

export const PushResponse = z.object({
  /** Stored now or already stored earlier (a retried batch is acked again). */
  acked: z.array(z.string()),
  /** Never stored. `index` is the event's position in the request. */
  rejected: z.array(
    z.object({
      id: z.string().nullable(),
      index: z.number().int().nonnegative(),
      code: RejectCode,
      message: z.string(),
      /** The event's field at fault, dotted (`payload.points`), when there is one. */
      field: z.string().nullable().optional(),
    }),
  ),
});
export type PushResponse = z.infer<typeof PushResponse>;

// ---- pull -----------------------------------------------------------------

/** Opaque to the client: send back `next` as `after`. "0" (or no `after`) starts at the beginning. */
export const Cursor = z.string().regex(/^\d{1,18}$/, 'a cursor is what a previous pull returned');
export const INITIAL_CURSOR = '0';

export const PullQuery = z.object({
  after: Cursor.default(INITIAL_CURSOR),
  limit: z.coerce.number().int().positive().default(DEFAULT_PULL_LIMIT),
});
export type PullQuery = z.infer<typeof PullQuery>;

export const PullResponse = z.object({
  /** In the server's sequence order; erased members' events arrive redacted. */
  events: z.array(WireLojalEvent),
  next: Cursor,
  /** More events wait after `next`. */
  more: z.boolean(),
});
export type PullResponse = z.infer<typeof PullResponse>;
export type PullResponseBody = z.input<typeof PullResponse>;

/**
 * A pull page as the till reads it: the events as raw values, each parsed on
 * its own (parseWireEvent), so one the till cannot read is quarantined instead
 * of failing the page (src/sync/pull.ts).
 */
export const PullPage = PullResponse.extend({ events: z.array(z.unknown()) });
export type PullPage = z.infer<typeof PullPage>;

// ---- announcements ---------------------------------------------------------

/**
 * A till waits here for the chain to have events after its cursor: the cloud
 * answers at once when it has, else when another till's push commits some, else
 * after `waitMs` with the head unchanged. Never the events themselves: the till
 * pulls them. While it waits the cloud sends a space every few seconds (leading
 * whitespace is valid JSON), so a proxy that cuts idle connections does not.
 */
export const MAX_ANNOUNCEMENT_WAIT_MS = 30_000;
export const DEFAULT_ANNOUNCEMENT_WAIT_MS = 25_000;

export const AnnouncementQuery = z.object({
  after: Cursor.default(INITIAL_CURSOR),
  /** How long to hold at most; capped to MAX_ANNOUNCEMENT_WAIT_MS. */
  waitMs: z.coerce.number().int().min(0).default(DEFAULT_ANNOUNCEMENT_WAIT_MS),
});
export type AnnouncementQuery = z.infer<typeof AnnouncementQuery>;

export const AnnouncementResponse = z.object({
  /** The chain's newest position: events wait after the till's cursor when this is past it. */
  head: Cursor,
});
export type AnnouncementResponse = z.infer<typeof AnnouncementResponse>;

// ---- snapshots -------------------------------------------------------------

/**
 * A new till, or one far behind, starts from snapshots instead of the chain's
 * whole log (docs/architecture.md, "Sync", src/sync/snapshot.ts): the chain's
 * configuration events and its own store's recent sales as events, then the
 * head (its new pull cursor), then each member's ledger folded over every event
 * the cloud holds; then it pulls after the head.
 */
export const SALES_RETENTION_DAYS_DEFAULT = 90;
export const MAX_SNAPSHOT_MEMBERS = 2000;
export const MAX_SNAPSHOT_IDS = 200;

export const SnapshotHeadQuery = z.object({ after: Cursor.default(INITIAL_CURSOR) });
export const SnapshotHeadResponse = z.object({
  /** The chain's newest position: the snapshot's `at`. */
  at: Cursor,
  /** Events of the chain after `after`, counted up to 1,000,001. */
  behind: z.number().int().nonnegative(),
  /** Days a till keeps other stores' sales in its log (the chain's setting). */
  salesRetentionDays: z.number().int().positive(),
});
export type SnapshotHeadResponse = z.infer<typeof SnapshotHeadResponse>;

const MemberIdList = z
  .string()
  .max(MAX_SNAPSHOT_IDS * 80)
  .transform((v) => v.split(',').filter((id) => id !== ''))
  .pipe(z.array(z.string().min(1).max(64)).min(1).max(MAX_SNAPSHOT_IDS));

/** A page of members after `after` (by member id), or the members `ids` (fresh bases for a till). */
export const SnapshotMembersQuery = z.object({
  after: z.string().max(64).default(''),
  limit: z.coerce.number().int().positive().default(500),
  ids: MemberIdList.optional(),
});
export type SnapshotMembersQuery = z.infer<typeof SnapshotMembersQuery>;

/**
 * The longest ledger a snapshot carries, in bytes of its JSON and of its
 * base64 (a member's whole fold; most are a few KB). The cloud leaves a longer
 * one out of the page and names it in `tooLarge`; a till that still meets one
 * refuses that member alone, never the page (no single member stops a till).
 */
export const MAX_SNAPSHOT_LEDGER_BYTES = 16 * 1024 * 1024;

export const SnapshotMember = z.object({
  memberId: z.string(),
  /**
   * The MemberLedger (src/core/member-types.ts) folded by the cloud with
   * src/core: its JSON text (UTF-8), raw DEFLATE, base64. The cloud sends its
   * stored ledger as it is stored (cloud/member-ledgers.ts) and the till stores
   * the inflated text as it is: neither parses and builds a million members'
   * ledgers again, and the pages are a fifth of the JSON's size. The till
   * inflates it (at most MAX_SNAPSHOT_LEDGER_BYTES), parses it and checks its
   * `memberId` (this member's) and `lastHlc` (a string) before storing any
   * of the page (src/sync/snapshot.ts); anything else fails the page, except
   * a ledger over MAX_SNAPSHOT_LEDGER_BYTES (its base64 or its JSON), which
   * the till treats as one named in `tooLarge`. No length limit here: a long
   * one must not fail the whole answer.
   */
  deflated: z.base64(),
});
export type SnapshotMember = z.infer<typeof SnapshotMember>;
export const SnapshotMembersResponse = z.object({
  members: z.array(SnapshotMember),
  next: z.string(),
  more: z.boolean(),
  /**
   * Members of the page (or of `ids`) left out because their ledger is over
   * MAX_SNAPSHOT_LEDGER_BYTES (absent when none: older tills ignore it). The
   * till installs the rest and marks these as waiting for a fresh base
   * (`needs_snapshot`): it asks for them again after its pulls, and until one
   * fits that member is not on the till (or its row stays as it was, unrefolded).
   */
  tooLarge: z.array(z.string()).optional(),
});
export type SnapshotMembersResponse = z.infer<typeof SnapshotMembersResponse>;

/** Configuration events and the till's store's sales within the retention, up to `at`. */
export const SnapshotEventsQuery = z.object({
  /** A position in the chain's order, as pull's cursor: send back `next`. */
  after: Cursor.default(INITIAL_CURSOR),
  /**
   * The head the till read before the first page (its cursor after the
   * snapshot): only events up to it, so one that commits meanwhile is pulled,
   * never skipped.
   */
  upTo: Cursor,
  limit: z.coerce.number().int().positive().default(DEFAULT_PULL_LIMIT),
});
export const SnapshotEventsResponse = PullPage;
export type SnapshotEventsResponseBody = z.input<typeof PullResponse>;

// ---- remote member lookup --------------------------------------------------

/** Exactly one of `phone` (as typed; normalised with `country`, default NO) or `memberNumber`. */
export const MemberLookupQuery = z
  .object({
    phone: z.string().min(1).max(40).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('NO'),
    memberNumber: z
      .string()
      .regex(/^\d{13}$/)
      .optional(),
  })
  .refine((q) => (q.phone === undefined) !== (q.memberNumber === undefined), {
    message: 'give either phone or memberNumber',
  });
export type MemberLookupQuery = z.infer<typeof MemberLookupQuery>;

/**
 * Usually one member. Two tills offline can enrol the same phone twice; both are
 * returned (oldest first) rather than one picked silently.
 */
export const MemberLookupResponse = z.object({
  members: z.array(z.object({ memberId: z.string(), events: z.array(WireLojalEvent) })).min(1),
});
export type MemberLookupResponse = z.infer<typeof MemberLookupResponse>;
export type MemberLookupResponseBody = z.input<typeof MemberLookupResponse>;

/** The member whose page link a till asks for (a member id of the till's chain). */
export const MemberPageLinkQuery = z.object({ memberId: z.string().min(1).max(100) });
export type MemberPageLinkQuery = z.infer<typeof MemberPageLinkQuery>;

/** The member's page (`/m/<token>` under the cloud's public address), made when first asked for. */
export const MemberPageLinkResponse = z.object({ url: z.url().max(500) });
export type MemberPageLinkResponse = z.infer<typeof MemberPageLinkResponse>;

// ---- conflicts ------------------------------------------------------------

/** The engine's conflict flags (`MemberFlag` in src/core/member-types.ts) on the wire. */
export const MemberConflictFlag = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('negative_points'), points: z.number().int() }),
  z.object({ kind: z.literal('negative_cashback'), amountOre: z.number().int() }),
  z.object({
    kind: z.literal('coupon_redeemed_twice'),
    couponId: z.string(),
    saleIds: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('reward_redeemed_twice'),
    rewardId: z.string(),
    saleIds: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('tier_once_used_twice'),
    periodKey: z.string(),
    saleIds: z.array(z.string()),
  }),
]);
export type ConflictFlag = z.infer<typeof ConflictFlag>;

export type MemberConflictFlag = z.infer<typeof MemberConflictFlag>;

// Compile-time check that the wire shape and the engine's flags stay the same.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const flagShapesAgree: Same<MemberConflictFlag, MemberFlag> = true;
void flagShapesAgree;

export const IDENTITY_CLASH_KINDS = [
  'duplicate_phone',
  'duplicate_member_number',
  'duplicate_qr_token',
] as const;
export type IdentityClashKind = (typeof IDENTITY_CLASH_KINDS)[number];

/**
 * Live members of the chain sharing a phone, member number or QR token (two
 * tills enrolled them offline): never refused, listed for a manager to merge
 * or correct. Each member of the clash has the conflict; `memberIds` names
 * them all, oldest enrolment first. The shared value itself is not sent.
 */
export const IdentityClashFlag = z.object({
  kind: z.enum(IDENTITY_CLASH_KINDS),
  memberIds: z.array(z.string()).min(2),
});
export type IdentityClashFlag = z.infer<typeof IdentityClashFlag>;

export const ConflictFlag = z.union([MemberConflictFlag, IdentityClashFlag]);

export const Conflict = z.object({
  memberId: z.string(),
  flag: ConflictFlag,
  /** When the server first and last saw the conflict (epoch ms). */
  firstSeenAt: z.number().int(),
  lastSeenAt: z.number().int(),
});
export type Conflict = z.infer<typeof Conflict>;

/** Open conflicts of the chain; one that a later event resolves (a void) disappears. */
export const ConflictsResponse = z.object({ conflicts: z.array(Conflict) });
export type ConflictsResponse = z.infer<typeof ConflictsResponse>;

// ---- quarantine and refusals --------------------------------------------------

export const MAX_QUARANTINE_REPORTS = 500;

/** Events a till pulled and could not apply (it keeps them, and sync goes on past them). */
export const QuarantineReport = z.object({
  events: z
    .array(
      z.object({
        id: boundedText(LIMITS.maxIdLength).nullable(),
        type: boundedText(LIMITS.maxIdLength).nullable(),
        code: boundedText(LIMITS.maxIdLength).min(1),
        reason: boundedText(),
      }),
    )
    .max(MAX_QUARANTINE_REPORTS),
});
export type QuarantineReport = z.infer<typeof QuarantineReport>;
/** Reports of an event already reported (same id and code) are counted, not stored twice. */
export const QuarantineResponse = z.object({ recorded: z.number().int().nonnegative() });
export type QuarantineResponse = z.infer<typeof QuarantineResponse>;

export const REFUSAL_SOURCES = ['push', 'quarantine'] as const;

export const RefusedQuery = z.object({
  /** Give back `next` to read older entries. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().positive().max(1000).default(100),
});
export type RefusedQuery = z.infer<typeof RefusedQuery>;

export const RefusedEvent = z.object({
  /** `push`: the cloud refused it; `quarantine`: a till pulled it and could not apply it. */
  source: z.enum(REFUSAL_SOURCES),
  terminalId: z.string().nullable(),
  terminalName: z.string().nullable(),
  eventId: z.string().nullable(),
  type: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  firstAt: z.number().int(),
  lastAt: z.number().int(),
  /** How many times it was refused or reported (a till sends a refused event again). */
  times: z.number().int().positive(),
  /** The event as pushed, JSON text cut to a bound; null for a till's report. */
  raw: z.string().nullable(),
});
export type RefusedEvent = z.infer<typeof RefusedEvent>;

export const RefusedResponse = z.object({
  refused: z.array(RefusedEvent),
  /** Pass as `before` for older entries; null at the oldest. */
  next: z.number().int().nullable(),
});
export type RefusedResponse = z.infer<typeof RefusedResponse>;

// ---- programme --------------------------------------------------------------

/** Admin tokens only. The programme is validated with `parseProgramme`. */
export const SaveProgrammeRequest = z.object({
  programme: z.unknown(),
  staffId: boundedText(80).min(1).nullable().default(null),
});
export type SaveProgrammeRequest = z.infer<typeof SaveProgrammeRequest>;

/** The `programme.saved` event the tills will pull. */
export const SaveProgrammeResponse = z.object({ eventId: z.string(), hlc: z.string() });
export type SaveProgrammeResponse = z.infer<typeof SaveProgrammeResponse>;

/** The chain's current programme (latest `programme.saved` by clock), or null when none. */
export const ProgrammeResponse = z.object({
  programme: z.unknown().nullable(),
  eventId: z.string().nullable(),
  hlc: z.string().nullable(),
});
export type ProgrammeResponse = z.infer<typeof ProgrammeResponse>;
