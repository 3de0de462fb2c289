/**
 * "This member is here": issued by the service when a member is found by card
 * or QR, or types their right PIN, and bound to that member and to the session
 * that asked (a staff session, or the API client). A client sends the token
 * back with the basket; it cannot make one up, and another session's or another
 * member's token verifies nothing. Held in memory only: a restart, the end of
 * the session, a sale for that member, or half an hour ends it.
 */
import { newSecretToken } from '../store';
import type { Verification } from '../contract/commands';

export type { Verification };

export const VERIFICATION_TTL_MS = 30 * 60_000;

interface Held {
  token: string;
  holder: string;
  memberId: string;
  expiresAt: number;
}

/** Past this many held, the expired ones are swept on the next issue. */
const SWEEP_ABOVE = 1_000;

export class VerificationStore {
  private readonly byToken = new Map<string, Held>();
  /** One token per session and member: a second scan renews it rather than piling up. */
  private readonly byHolderMember = new Map<string, Held>();
  /**
   * The next sweep waits until this many are held: twice what the last one
   * left, so a day of card lookups (thousands held, none expired yet) sweeps a
   * few times, not once per lookup.
   */
  private sweepAt = SWEEP_ABOVE;
  /** Sweeps run so far (for the store's tests and diagnostics). */
  sweeps = 0;

  /** Verifications held now, live or not yet swept. */
  get held(): number {
    return this.byToken.size;
  }

  issue(holder: string, memberId: string, now: number): Verification {
    const key = pairKey(holder, memberId);
    let held = this.byHolderMember.get(key);
    if (!held || held.expiresAt <= now) {
      if (held) this.forget(held);
      if (this.byToken.size >= this.sweepAt) this.sweep(now);
      held = { token: newSecretToken(), holder, memberId, expiresAt: 0 };
      this.byToken.set(held.token, held);
      this.byHolderMember.set(key, held);
    }
    held.expiresAt = now + VERIFICATION_TTL_MS;
    return { token: held.token, expiresAt: held.expiresAt };
  }

  /** True only for a live token issued to this session for this member. */
  verifies(holder: string, memberId: string, token: string | undefined, now: number): boolean {
    if (token === undefined) return false;
    const held = this.byToken.get(token);
    if (!held) return false;
    if (held.expiresAt <= now) {
      this.forget(held);
      return false;
    }
    return held.holder === holder && held.memberId === memberId;
  }

  /** A sale for the member was recorded: the next one needs a fresh scan or PIN. */
  endFor(holder: string, memberId: string): void {
    const held = this.byHolderMember.get(pairKey(holder, memberId));
    if (held) this.forget(held);
  }

  /** The session ended (log-out). */
  endSession(holder: string): void {
    for (const held of [...this.byToken.values()]) if (held.holder === holder) this.forget(held);
  }

  private forget(held: Held): void {
    this.byToken.delete(held.token);
    this.byHolderMember.delete(pairKey(held.holder, held.memberId));
  }

  private sweep(now: number): void {
    this.sweeps += 1;
    for (const held of [...this.byToken.values()]) if (held.expiresAt <= now) this.forget(held);
    this.sweepAt = Math.max(SWEEP_ABOVE, 2 * this.byToken.size);
  }
}

function pairKey(holder: string, memberId: string): string {
  return `${holder}\u0000${memberId}`;
}
