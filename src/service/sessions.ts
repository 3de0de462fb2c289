/**
 * Log-in sessions: random tokens held in memory only (a restart logs everyone
 * out, which a till expects). A session ends after a quiet spell. The member
 * verifications a session was given live and end with it.
 */
import { newSecretToken } from '../store';
import type { Session } from './commands';
import { VerificationStore } from './verifications';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

interface Entry {
  session: Session;
  lastUsed: number;
}

export class SessionStore {
  private readonly byToken = new Map<string, Entry>();
  /** The token behind each session object handed out, so log-out ends exactly that one. */
  private readonly tokens = new WeakMap<Session, string>();
  /**
   * A random id per session object: the sessions made here, and the fixed ones of
   * the transports (the API client's, the service's own). Member verifications are
   * bound to it.
   */
  private readonly ids = new WeakMap<Session, string>();
  readonly verifications = new VerificationStore();

  constructor(private readonly clock: () => number) {}

  open(session: Session): string {
    const token = newSecretToken();
    const held: Session = { ...session };
    this.byToken.set(token, { session: held, lastUsed: this.clock() });
    this.tokens.set(held, token);
    return token;
  }

  /** The session for a token (the same object every time), or null when unknown or idle too long. */
  get(token: string): Session | null {
    const entry = this.byToken.get(token);
    if (!entry) return null;
    const now = this.clock();
    if (now - entry.lastUsed > SESSION_IDLE_MS) {
      this.byToken.delete(token);
      this.verifications.endSession(this.idOf(entry.session));
      return null;
    }
    entry.lastUsed = now;
    return entry.session;
  }

  /** Which session this is, for binding verifications (stable for the object's life). */
  idOf(session: Session): string {
    let id = this.ids.get(session);
    if (id === undefined) {
      id = newSecretToken();
      this.ids.set(session, id);
    }
    return id;
  }

  /** End every session of this staff member here (disabled, or their role changed). Answers how many. */
  closeStaff(staffId: string): number {
    let closed = 0;
    for (const [token, entry] of this.byToken) {
      if (entry.session.staffId !== staffId) continue;
      this.verifications.endSession(this.idOf(entry.session));
      this.byToken.delete(token);
      closed += 1;
    }
    return closed;
  }

  /** End the session this object came from (a no-op for sessions not made here). */
  close(session: Session): void {
    this.verifications.endSession(this.idOf(session));
    const token = this.tokens.get(session);
    if (token !== undefined) this.byToken.delete(token);
  }
}
