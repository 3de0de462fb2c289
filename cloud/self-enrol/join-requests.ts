/**
 * Pending join requests, in memory: a till asks for one, shows `/j/{code}` as a
 * QR, the customer's phone fills in the form, and the till polls the outcome.
 * A request lives 10 minutes and is used once; a restart forgets them all,
 * which costs a customer no more than asking the cashier for a new code.
 *
 * The code is the public URL's only secret (72 random bits, looked up by a
 * map and then compared in constant time); the till polls by a separate id,
 * checked against its own terminal, so a code seen over a shoulder tells
 * nothing about the poll and a till never sees another till's request.
 */
import { randomBytes } from 'node:crypto';
import { sameSecret } from '../public-page';
import { v4 as uuidv4 } from 'uuid';

export const JOIN_TTL_MS = 10 * 60_000;
/** A finished or expired request is kept this long so the till still reads its outcome. */
const KEEP_AFTER_MS = 5 * 60_000;
/** Wrong answers (a bad phone) a code takes before it is burnt. */
export const JOIN_MAX_ATTEMPTS = 10;
/** Open requests per terminal: a till asking again replaces its oldest. */
const OPEN_PER_TERMINAL = 3;
/** Beyond this many requests in memory, new ones are refused (the cloud's memory is bounded). */
const MAX_REQUESTS = 50_000;

export interface JoinOutcome {
  memberId: string;
  memberNumber: string;
  /** False: the phone was a member already, who is attached instead. */
  created: boolean;
}

export interface JoinRequest {
  id: string;
  code: string;
  /** The form's anti-forgery value, rendered into the page and required back with the post. */
  formToken: string;
  chainId: string;
  storeId: string;
  terminalId: string;
  /** The till's open basket when it asked (the till's own opaque id). */
  basketId: string;
  createdAt: number;
  expiresAt: number;
  attempts: number;
  outcome: JoinOutcome | null;
  /** Set while a submission is being written, so two posts of one code cannot both enrol. */
  busy: boolean;
}

export type JoinState = 'open' | 'expired' | 'used';

export function stateOf(request: JoinRequest, now: number): JoinState {
  if (request.outcome !== null) return 'used';
  if (now >= request.expiresAt || request.attempts >= JOIN_MAX_ATTEMPTS) return 'expired';
  return 'open';
}

/** Letters and digits that read alike nowhere (no 0/O, 1/I/L), for a URL a person may type. */
const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_LENGTH = 15;

function newCode(): string {
  // 15 of 31 symbols ≈ 74 bits; the modulo bias of 256 % 31 is negligible for a 10-minute secret.
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  return code;
}

export class JoinRequests {
  private readonly byCode = new Map<string, JoinRequest>();
  private readonly byId = new Map<string, JoinRequest>();

  constructor(private readonly ttlMs = JOIN_TTL_MS) {}

  open(
    till: { chainId: string; storeId: string; terminalId: string },
    basketId: string,
    now: number,
  ): JoinRequest | null {
    this.prune(now);
    const mine = [...this.byId.values()]
      .filter((r) => r.terminalId === till.terminalId && stateOf(r, now) === 'open')
      .sort((a, b) => a.createdAt - b.createdAt);
    for (const old of mine.slice(0, Math.max(0, mine.length - OPEN_PER_TERMINAL + 1)))
      this.forget(old);
    if (this.byId.size >= MAX_REQUESTS) return null;
    const request: JoinRequest = {
      id: uuidv4(),
      code: newCode(),
      formToken: randomBytes(18).toString('base64url'),
      ...till,
      basketId,
      createdAt: now,
      expiresAt: now + this.ttlMs,
      attempts: 0,
      outcome: null,
      busy: false,
    };
    this.byCode.set(request.code, request);
    this.byId.set(request.id, request);
    return request;
  }

  /** The request behind a public code, or null (unknown, or gone). */
  byPublicCode(code: string): JoinRequest | null {
    const found = this.byCode.get(code);
    return found && sameSecret(code, found.code) ? found : null;
  }

  /** A till's own request by its id; another terminal's is as unknown as none. */
  ofTerminal(id: string, terminalId: string): JoinRequest | null {
    const found = this.byId.get(id);
    return found && found.terminalId === terminalId ? found : null;
  }

  formTokenMatches(request: JoinRequest, given: unknown): boolean {
    return sameSecret(given, request.formToken);
  }

  private forget(request: JoinRequest): void {
    this.byCode.delete(request.code);
    this.byId.delete(request.id);
  }

  private prune(now: number): void {
    for (const request of this.byId.values()) {
      const end = request.expiresAt;
      if (now >= end + KEEP_AFTER_MS) this.forget(request);
    }
  }
}
