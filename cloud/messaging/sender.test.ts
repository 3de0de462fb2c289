/**
 * The sender on a real cloud (PGlite and PostgreSQL) with SMS only configured:
 * a message queued and due for longer than the bound (a channel with no
 * provider, or a consenting member's SMS held back) is expired as failed,
 * neither held for ever nor sent late; one due lately stays queued for its
 * channel's provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestCloud } from '../../test/sync/support/cloud';
import type { TestCloud } from '../../test/sync/support/cloud';
import { FakeSveve } from '../../test/messaging/fake-sveve';
import { suggestMapping } from '../../src/core/imports/plan';
import { runImport, uploadFile } from '../imports/run';
import { enqueueMessages, outboxMessages } from './outbox';
import { QUEUED_EXPIRE_AFTER_MS, sendDue } from './sender';

const HOUR = 3_600_000;

for (const backend of await backends()) {
  const title = `the sender expires what waits too long (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    let sveve: FakeSveve;
    beforeAll(async () => {
      sveve = await FakeSveve.start();
      cloud = await startTestCloud(
        backend.name,
        {},
        {
          messaging: {
            sms: {
              provider: 'sveve',
              baseUrl: sveve.url,
              user: 'butikk',
              password: 'hemmelig',
              from: 'Garnbua',
            },
            secret: 'sender-test-secret',
          },
        },
      );
    }, 120_000);
    afterAll(async () => {
      await cloud?.dispose();
      await sveve?.close();
    });

    it('fails queued messages older than the bound; keeps the recent ones', async () => {
      const db = cloud.server.database;
      const { chainId } = await cloud.server.admin.addStore('Garnbua', 'Sentrum');
      const now = Date.now();
      // A member who consents to SMS (imported with the consent's time and source).
      const who = { chainId, accountId: 'eier' };
      const file = 'Mobil;SMS;Samtykketidspunkt;Kilde\r\n91234567;ja;2025-05-02 10:00;Butikk\r\n';
      const preview = uploadFile(who, 'en.csv', new TextEncoder().encode(file), now);
      await runImport(db, who, preview.uploadId, suggestMapping(preview.header), 0, now);
      const [member] = await db.query<{ member_id: string }>(
        'SELECT member_id FROM members WHERE chain_id = $1',
        [chainId],
      );
      const old = now - QUEUED_EXPIRE_AFTER_MS - HOUR;
      const email = (id: string, notBefore: number) => ({
        id,
        memberId: 'm-1',
        channel: 'email' as const,
        purpose: `test:${id}`,
        subject: 'Hei',
        body: 'Tilbud',
        notBefore,
      });
      await db.transaction((tx) =>
        enqueueMessages(
          tx,
          chainId,
          [
            email('01900000-0000-7000-8000-000000000001', old),
            email('01900000-0000-7000-8000-000000000002', now - HOUR),
            {
              id: '01900000-0000-7000-8000-000000000003',
              memberId: member!.member_id,
              channel: 'sms',
              purpose: 'test:sms',
              body: 'Tilbud',
              notBefore: old,
            },
          ],
          old,
        ),
      );
      const report = await sendDue(db, cloud.server.messaging!, now);
      expect(report.expired).toBe(2);
      const byId = new Map(
        (await outboxMessages(db, chainId)).map((m) => [
          m.id.slice(-1),
          [m.state, m.providerStatus],
        ]),
      );
      expect(byId.get('1')).toEqual(['failed', 'expired']);
      expect(byId.get('2')).toEqual(['queued', null]);
      expect(byId.get('3')).toEqual(['failed', 'expired']);
      expect(sveve.received).toHaveLength(0);
    });
  });
}
