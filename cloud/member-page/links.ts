/**
 * {lenke} in a message: the member's own page link, filled in when the
 * message is sent (the token made then if the member has none), under the
 * cloud's public address, as the unsubscribe links are.
 */
import { MEMBER_LINK_PLACEHOLDER } from '../../src/core/messaging/sms-parts';
import type { Queryable } from '../db/database';
import { ensureToken, memberPageSecret, memberPageUrl } from './tokens';

/** What a campaign or automation text writes where the member's page link goes. */
export const PAGE_LINK_PLACEHOLDER = MEMBER_LINK_PLACEHOLDER;

interface Fillable {
  chainId: string;
  memberId: string;
  body: string;
  html: string | null;
}

/** The messages with {lenke} replaced by each member's link; the others as they were. */
export async function withPageLinks<T extends Fillable>(
  db: Queryable,
  messages: readonly T[],
  publicUrl: string,
  now: number,
): Promise<T[]> {
  const needing = messages.filter(
    (m) => m.body.includes(PAGE_LINK_PLACEHOLDER) || m.html?.includes(PAGE_LINK_PLACEHOLDER),
  );
  if (needing.length === 0) return [...messages];
  const secret = await memberPageSecret(db);
  const links = new Map<string, string>();
  for (const m of needing) {
    const key = `${m.chainId} ${m.memberId}`;
    if (!links.has(key))
      links.set(
        key,
        memberPageUrl(publicUrl, await ensureToken(db, secret, m.chainId, m.memberId, now)),
      );
  }
  return messages.map((m) => {
    const link = links.get(`${m.chainId} ${m.memberId}`);
    if (!link) return m;
    return {
      ...m,
      body: m.body.replaceAll(PAGE_LINK_PLACEHOLDER, link),
      html: m.html === null ? null : m.html.replaceAll(PAGE_LINK_PLACEHOLDER, link),
    };
  });
}
