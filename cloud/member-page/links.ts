/**
 * {lenke} in a message: the member's own page link, filled in when the
 * message is sent (the token made then if the member has none), under the
 * cloud's public address, as the unsubscribe links are.
 */
import { MEMBER_LINK_PLACEHOLDER } from '../../src/core/messaging/sms-parts';
import type { Queryable } from '../db/database';
import { ensureTokens, memberKey, memberPageUrl } from './tokens';

/** What a campaign or automation text writes where the member's page link goes. */
export const PAGE_LINK_PLACEHOLDER = MEMBER_LINK_PLACEHOLDER;

interface Fillable {
  /** The outbox row, claimed `sending` by the sender before its links are filled. */
  id: string;
  chainId: string;
  memberId: string;
  body: string;
  html: string | null;
}

/**
 * The messages with {lenke} replaced by each member's link; the others as they
 * were. The sender has already claimed them `sending`: if the links cannot be
 * made, none of them was sent, so they go back to the queue for the next round
 * (rather than waiting a day to fail as an unknown outcome), and the error is
 * thrown on.
 */
export async function withPageLinks<T extends Fillable>(
  db: Queryable,
  messages: readonly T[],
  publicUrl: string,
  secretOf: () => Promise<string>,
  now: number,
): Promise<T[]> {
  const needing = messages.filter(
    (m) => m.body.includes(PAGE_LINK_PLACEHOLDER) || m.html?.includes(PAGE_LINK_PLACEHOLDER),
  );
  if (needing.length === 0) return [...messages];
  let links: Map<string, string>;
  try {
    const secret = await secretOf();
    const tokens = await ensureTokens(db, secret, needing, now);
    links = new Map([...tokens].map(([key, token]) => [key, memberPageUrl(publicUrl, token)]));
  } catch (error) {
    await db.query(
      `UPDATE outbox SET state = 'queued', attempts = attempts - 1, sending_at = NULL,
              updated_at = $1 WHERE id = ANY($2::text[]) AND state = 'sending'`,
      [now, messages.map((m) => m.id)],
    );
    throw error;
  }
  return messages.map((m) => {
    const link = links.get(memberKey(m.chainId, m.memberId));
    if (!link) return m;
    return {
      ...m,
      body: m.body.replaceAll(PAGE_LINK_PLACEHOLDER, link),
      html: m.html === null ? null : m.html.replaceAll(PAGE_LINK_PLACEHOLDER, link),
    };
  });
}
