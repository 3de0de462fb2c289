/**
 * LOJAL_MEMBER_PAGE_SECRET (the server's memberPageSecret option) on a real
 * cloud, PGlite and PostgreSQL: the links are HMACs of it, so a second server
 * on the same database with the same secret takes a link and a page's form
 * the first made; one with another secret refuses that form and replaces the
 * link it cannot make again, unless the secret kept in the database makes it
 * (links made before the variable was set stay what they were); a secret
 * shorter than 32 characters stops the start, without the secret in the error.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import { memberEvents } from '../../src/core/member/test-events';
import { MemberPageLinkResponse, ROUTES } from '../../src/sync/protocol';
import { startCloudServer } from '../server';
import type { RunningCloudServer } from '../server';
import { expectBody, TestCloud } from '../test/cloud';
import type { Till } from '../test/cloud';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { ensureTokens, memberKey, tokenHash } from './tokens';

const FIRST = 'første-hemmelighet-for-medlemssiden-0123456789';
const OTHER = 'andre-hemmeligheten-for-medlemssiden-987654321';
const T0 = Date.now() - 3_600_000;
const hmac = (secret: string, what: string) =>
  createHmac('sha256', secret).update(what).digest('base64url');

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'the member page’s secret from the environment', () => {
    let database: DatabaseInstance;
    let server: RunningCloudServer | null = null;
    let till: Till;
    let memberId = '';
    const kari = memberEvents('member-kari-secret');
    const ola = memberEvents('member-ola-secret');

    /** The server on this database with `secret`, the one before it closed. */
    const serve = async (secret?: string) => {
      await server?.close();
      server = null;
      server = await startCloudServer({
        port: 0,
        host: '127.0.0.1',
        ...database.location,
        memberPageSecret: secret,
      });
      return server;
    };
    const askLink = async (on: RunningCloudServer, member = memberId) => {
      const answer = await fetch(`${on.url}${ROUTES.memberPageLink}?memberId=${member}`, {
        headers: { authorization: `Bearer ${till.token}` },
      });
      return expectBody(
        { status: answer.status, headers: answer.headers, body: await answer.json() },
        200,
        MemberPageLinkResponse,
      ).url;
    };
    const liveRow = async (on: RunningCloudServer, member = memberId) => {
      const rows = await on.database.query<{ id: string; token_hash: string }>(
        'SELECT id, token_hash FROM member_page_tokens WHERE member_id = $1 AND revoked_at IS NULL',
        [member],
      );
      expect(rows).toHaveLength(1);
      return rows[0]!;
    };
    const postConsent = (on: RunningCloudServer, token: string, form: string) =>
      fetch(`${on.url}/m/${token}/consent`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ form, channel: 'sms', granted: 'true' }).toString(),
      });

    beforeAll(async () => {
      database = await target.create();
      const first = await serve(FIRST);
      const cloud = new TestCloud(first, target.label);
      till = await cloud.newTill();
      memberId = 'member-kari-secret';
      const pushed = await till.push([
        kari.enrolled(
          T0,
          { phoneE164: '+4791234599', memberNumber: memberNumberFor('29', 7) },
          till.origin,
        ),
        ola.enrolled(
          T0,
          { phoneE164: '+4791234598', memberNumber: memberNumberFor('29', 8) },
          till.origin,
        ),
      ]);
      expect(pushed.rejected).toEqual([]);
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await database?.drop();
    });

    it('a link made under the secret is taken by another server with it, refused under another', async () => {
      const first = server!;
      const link = await askLink(first);
      const token = link.slice(link.lastIndexOf('/') + 1);
      const row = await liveRow(first);
      // The token is the secret's HMAC of the row, and only its hash is kept.
      expect(token).toBe(hmac(FIRST, `member-page:${row.id}`));
      expect(row.token_hash).toBe(tokenHash(token));
      const page = await (await fetch(`${first.url}/m/${token}`)).text();
      const form = /name="form" value="([^"]+)"/.exec(page)![1]!;
      expect(form).toBe(hmac(FIRST, `member-page-form:${row.id}`));

      // Another server on the same database with the same secret: the same link, the form taken.
      const second = await serve(FIRST);
      expect(await askLink(second)).toBe(`${second.publicUrl}/m/${token}`);
      expect((await fetch(`${second.url}/m/${token}`)).status).toBe(200);
      const saved = await postConsent(second, token, form);
      expect(saved.status).toBe(303);
      expect(saved.headers.get('location')).toContain('done=saved');

      // Another secret: the form made under the first is refused, and the link it cannot
      // make again is replaced by one under its own secret (the old one then opens nothing).
      const other = await serve(OTHER);
      const refused = await postConsent(other, token, form);
      expect(refused.headers.get('location')).toContain('done=bad_form');
      const replaced = await askLink(other);
      const newToken = replaced.slice(replaced.lastIndexOf('/') + 1);
      expect(newToken).not.toBe(token);
      expect(newToken).toBe(hmac(OTHER, `member-page:${(await liveRow(other)).id}`));
      expect((await fetch(`${other.url}/m/${newToken}`)).status).toBe(200);
      expect((await fetch(`${other.url}/m/${token}`)).status).toBe(404);

      // Unset: the secret kept in the database, which is neither.
      const kept = await serve();
      const keptLink = await askLink(kept);
      expect(keptLink.endsWith(newToken)).toBe(false);
      expect((await fetch(keptLink)).status).toBe(200);
    });

    it('links made under the database’s secret keep working once the variable is set', async () => {
      const olaId = 'member-ola-secret';
      // No variable: the link is made under the secret kept in the database.
      const before = await serve();
      const [stored] = await before.database.query<{ secret: string }>(
        'SELECT secret FROM member_page_secret',
      );
      const link = await askLink(before, olaId);
      const token = link.slice(link.lastIndexOf('/') + 1);
      const row = await liveRow(before, olaId);
      expect(token).toBe(hmac(stored!.secret, `member-page:${row.id}`));

      // LOJAL_MEMBER_PAGE_SECRET set: the link on the receipt still opens, and asking for it
      // again (the till, a batch of messages) answers the same link, the row not revoked.
      const after = await serve(OTHER);
      expect((await fetch(`${after.url}/m/${token}`)).status).toBe(200);
      expect(await askLink(after, olaId)).toBe(`${after.publicUrl}/m/${token}`);
      const batch = await ensureTokens(
        after.database,
        OTHER,
        [{ chainId: till.origin.chainId, memberId: olaId }],
        Date.now(),
      );
      expect(batch.get(memberKey(till.origin.chainId, olaId))).toBe(token);
      expect((await liveRow(after, olaId)).id).toBe(row.id);
      expect((await fetch(`${after.url}/m/${token}`)).status).toBe(200);
    });

    it('a secret shorter than 32 characters stops the start, and is not in the error', async () => {
      await server?.close();
      server = null;
      const short = 'kort-hemmelighet-31-tegn-lang-x';
      expect(short).toHaveLength(31);
      const start = startCloudServer({ port: 0, ...database.location, memberPageSecret: short });
      await expect(start).rejects.toThrow(
        /LOJAL_MEMBER_PAGE_SECRET must be at least 32 characters/,
      );
      await expect(start).rejects.not.toThrow(short);
    });
  });
}
