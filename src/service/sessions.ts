/**
 * Log-in sessions: random tokens held in memory only (a restart logs everyone
 * out, which a till expects). A session ends after a quiet spell.
 */
import { newSecretToken } from '../store';
import type { Session } from './commands';
import { LoginThrottle } from './login-throttle';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

interface Entry {
  session: Session;
  lastUsed: number;
}

export class SessionStore {
  private readonly byToken = new Map<string, Entry>();
  /** The token behind each session object handed out, so log-out ends exactly that one. */
  private readonly tokens = new WeakMap<Session, string>();
  /** Wrong PINs in a row lock the log-in for a while. */
  readonly loginThrottle = new LoginThrottle();

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
      return null;
    }
    entry.lastUsed = now;
    return entry.session;
  }

  /** End the session this object came from (a no-op for sessions not made here). */
  close(session: Session): void {
    const token = this.tokens.get(session);
    if (token !== undefined) this.byToken.delete(token);
  }
}
