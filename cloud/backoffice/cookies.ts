/**
 * The back office's session cookie: HTTP-only (no script reads it),
 * SameSite=Strict (no other site's page or link sends it), Path=/, for the
 * session's twelve hours at most. Served over https it is Secure and named
 * with the `__Host-` prefix (the browser then takes it only from this exact
 * host, over https, for Path=/). Over plain http (the loopback address of a
 * test or a shop's own machine) a Secure cookie would never come back, so it
 * is set without: never serve the back office over plain http on a network.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_MS } from '../accounts/sessions';

const PLAIN_NAME = 'lojal_bo';
const SECURE_NAME = '__Host-lojal_bo';

export function cookieName(secure: boolean): string {
  return secure ? SECURE_NAME : PLAIN_NAME;
}

/** The session id the request's cookie holds, if any. */
export function sessionIdFrom(request: FastifyRequest, secure: boolean): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const name = cookieName(secure);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
  }
  return null;
}

export function setSessionCookie(
  reply: FastifyReply,
  secure: boolean,
  sessionId: string,
  expiresAt: number,
  now: number,
): void {
  const maxAge = Math.max(0, Math.min(SESSION_ABSOLUTE_MS, expiresAt - now)) / 1000;
  reply.header(
    'set-cookie',
    `${cookieName(secure)}=${sessionId}; Path=/; Max-Age=${Math.floor(maxAge)}; HttpOnly; SameSite=Strict${
      secure ? '; Secure' : ''
    }`,
  );
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.header(
    'set-cookie',
    `${cookieName(secure)}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`,
  );
}
