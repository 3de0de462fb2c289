/**
 * Signing in to the back office: e-mail and password, throttled per typed
 * address and per client address (cloud/accounts/throttle.ts). The answer
 * never tells whether an address has an account: an unknown address, an
 * account without a password yet and a wrong password all answer `failed`,
 * after the same scrypt work (a decoy hash), and all count against the same
 * throttle. Only the right password of a disabled account is told so.
 */
import { foldEmail } from '../../src/contract/backoffice/schemas';
import type { Database } from '../db/database';
import { RateLimiter } from '../rate-limit';
import type { BucketSettings } from '../rate-limit';
import type { Account } from './accounts';
import { accountForLogin } from './accounts';
import { decoyHash, DEFAULT_PASSWORD_COST, verifyPassword } from './passwords';
import type { ScryptCost } from './passwords';
import { startSession } from './sessions';
import type { StartedSession } from './sessions';
import {
  clearFailures,
  forgetOldFailures,
  PER_CLIENT_ADDRESS,
  recordFailure,
  throttleKey,
  throttleState,
} from './throttle';

export type LoginOutcome =
  | { ok: true; account: Account; session: StartedSession }
  | { ok: false; reason: 'failed' }
  | { ok: false; reason: 'disabled' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export interface LoginOptions {
  /** scrypt's cost for new passwords and the decoy (tests lower it; the default is OWASP's). */
  passwordCost?: ScryptCost;
  /** Wrong passwords per client address (in memory). */
  perClientAddress?: BucketSettings;
}

export class LoginGate {
  readonly passwordCost: ScryptCost;
  private readonly perAddress: RateLimiter;
  private decoy: Promise<string> | null = null;
  private failuresSinceSweep = 0;

  constructor(
    private readonly db: Database,
    options: LoginOptions = {},
  ) {
    this.passwordCost = options.passwordCost ?? DEFAULT_PASSWORD_COST;
    this.perAddress = new RateLimiter(options.perClientAddress ?? PER_CLIENT_ADDRESS);
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= decoyHash(this.passwordCost);
    return this.decoy;
  }

  async logIn(
    input: { email: string; password: string; clientAddress: string },
    now: number,
  ): Promise<LoginOutcome> {
    const byAddress = this.perAddress.peek(input.clientAddress);
    if (!byAddress.allowed)
      return { ok: false, reason: 'throttled', retryAfterSeconds: byAddress.retryAfterSeconds };
    const email = foldEmail(input.email);
    const key = throttleKey(email);
    const byEmail = await throttleState(this.db, key, now);
    if (byEmail.locked)
      return { ok: false, reason: 'throttled', retryAfterSeconds: byEmail.retryAfterSeconds };

    const found = await accountForLogin(this.db, email);
    const hash = found?.passwordHash ?? (await this.decoyHash());
    const right = (await verifyPassword(input.password, hash)) && found?.passwordHash != null;
    if (!right || !found) {
      this.perAddress.take(input.clientAddress);
      await recordFailure(this.db, key, now);
      if (++this.failuresSinceSweep >= 1000) {
        this.failuresSinceSweep = 0;
        await forgetOldFailures(this.db, now);
      }
      return { ok: false, reason: 'failed' };
    }
    await clearFailures(this.db, key);
    if (found.account.disabled) return { ok: false, reason: 'disabled' };
    const session = await startSession(this.db, found.account.accountId, now);
    return { ok: true, account: found.account, session };
  }
}
