/** What every route needs: the database, the limits, the rate limiters and who is asking. */
import type { FastifyRequest } from 'fastify';
import { authenticate } from '../chains';
import type { Credential } from '../chains';
import type { Database } from '../db/database';
import type { BucketSettings } from '../rate-limit';
import { RateLimiter } from '../rate-limit';
import { CloudError } from './errors';

export interface CloudLimits {
  bodyLimitBytes: number;
  maxEventsPerPush: number;
  maxPullLimit: number;
  /** Per terminal (or admin) token. */
  perToken: BucketSettings;
  /** Per remote address, for requests without a valid token (pairing, bad tokens). */
  perAddress: BucketSettings;
}

export interface RouteContext {
  db: Database;
  limits: CloudLimits;
  now: () => number;
  authorise(request: FastifyRequest, roles: ReadonlyArray<Credential['role']>): Promise<Credential>;
  /** Counts a request without a credential against its remote address. */
  admitAnonymous(request: FastifyRequest): void;
  /**
   * The credential of the bearer token sent along, when there is one and it is
   * valid; null otherwise (no error: for routes anyone may call, like pairing).
   */
  optionalCredential(request: FastifyRequest): Promise<Credential | null>;
}

function rateLimited(retryAfterSeconds: number, who: string): CloudError {
  return new CloudError(
    429,
    'rate_limited',
    `too many requests from this ${who}; retry after ${retryAfterSeconds} s`,
    null,
    { 'retry-after': String(retryAfterSeconds) },
  );
}

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1]! : null;
}

export function createRouteContext(
  db: Database,
  limits: CloudLimits,
  now: () => number,
): RouteContext {
  const perToken = new RateLimiter(limits.perToken);
  const perAddress = new RateLimiter(limits.perAddress);

  const admitAnonymous = (request: FastifyRequest): void => {
    const admission = perAddress.take(request.ip);
    if (!admission.allowed) throw rateLimited(admission.retryAfterSeconds, 'address');
  };

  return {
    db,
    limits,
    now,
    admitAnonymous,
    async optionalCredential(request) {
      const token = bearerToken(request.headers.authorization);
      return token ? authenticate(db, token) : null;
    },
    async authorise(request, roles) {
      const token = bearerToken(request.headers.authorization);
      if (!token) {
        admitAnonymous(request);
        throw new CloudError(
          401,
          'unauthorized',
          'send Authorization: Bearer <token> (the token pairing gave)',
          null,
          {
            'www-authenticate': 'Bearer',
          },
        );
      }
      const credential = await authenticate(db, token);
      if (!credential) {
        // Guessing tokens costs the guesser's address, not a real terminal's bucket.
        admitAnonymous(request);
        throw new CloudError(
          401,
          'unauthorized',
          'unknown or revoked token; pair this terminal again',
          null,
          {
            'www-authenticate': 'Bearer error="invalid_token"',
          },
        );
      }
      const admission = perToken.take(credential.key);
      if (!admission.allowed) throw rateLimited(admission.retryAfterSeconds, credential.role);
      if (!roles.includes(credential.role)) {
        throw new CloudError(
          403,
          'forbidden',
          `this needs a ${roles.join(' or ')} token, not a ${credential.role} token`,
        );
      }
      return credential;
    },
  };
}
