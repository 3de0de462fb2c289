/**
 * E-mail from the cloud through a real SMTP server on loopback (smtp-server),
 * read back with mailparser: a text and an HTML part, æøå in subject and body,
 * List-Unsubscribe and List-Unsubscribe-Post, and the link in the body, which
 * withdraws the e-mail consent (the till sees it after a pull).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessages, outboxMessages } from '../../cloud/messaging/outbox';
import { sendDue } from '../../cloud/messaging/sender';
import { startTestCloud } from '../sync/support/cloud';
import type { TestCloud } from '../sync/support/cloud';
import { scenario } from '../sync/support/scenario';
import type { Scenario } from '../sync/support/scenario';
import { T0 } from '../sync/support/till';
import type { WorldClock } from '../sync/support/till';

describe('e-mail through a real SMTP server (PGlite)', () => {
  const mails: ParsedMail[] = [];
  let smtp: SMTPServer;
  let cloud: TestCloud;
  let s: Scenario;
  const world: WorldClock = { now: T0 };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            mails.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    cloud = await startTestCloud(
      'pglite',
      {},
      {
        messaging: {
          email: {
            smtpUrl: `smtp://127.0.0.1:${port}`,
            from: 'Garnbua <post@garnbua.no>',
            unsubscribeMailto: 'avmelding@garnbua.no',
          },
          secret: 'test-email-secret',
        },
      },
    );
    s = await scenario(cloud, world, [{ name: 'A' }]);
  }, 120_000);

  afterAll(async () => {
    s?.tills.forEach((t) => t.close());
    await cloud?.dispose();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('sends text and HTML with æøå and the unsubscribe headers; the link withdraws consent', async () => {
    const till = s.till('A');
    const kari = await till.call('member.enrol', {
      phone: '98765432',
      acceptTerms: true,
      consents: { sms: false, email: true },
      profile: { firstName: 'Kari', email: 'kari@example.no' },
    });
    const ola = await till.call('member.enrol', {
      phone: '91234567',
      acceptTerms: true,
      consents: { sms: false, email: false },
      profile: { firstName: 'Ola', email: 'ola@example.no' },
    });
    await till.sync();
    const db = cloud.server.database;
    const chainId = s.chain.chainId;
    const purpose = 'campaign:høstgarn';
    const message = {
      channel: 'email' as const,
      purpose,
      subject: 'Høstens garn er kommet – få 20 % på blåbær- og æblefarger',
      body: 'Hei!\n\nNå får du 20 % på alt garn i blåtoner. Gjelder til søndag.\n\nHilsen Garnbua på Ørsta',
    };
    await db.transaction((tx) =>
      enqueueMessages(
        tx,
        chainId,
        [
          { ...message, memberId: kari.member.memberId },
          { ...message, memberId: ola.member.memberId },
        ],
        world.now,
      ),
    );
    const report = await sendDue(db, cloud.server.messaging!, world.now);
    expect(report).toMatchObject({ sent: 1, skipped: 1 });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toBe('kari@example.no');
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toContain('Hilsen Garnbua på Ørsta');
    expect(mail.html).toContain('Nå får du 20 % på alt garn i blåtoner.');
    const [row] = (await outboxMessages(db, chainId, purpose)).filter((r) => r.state === 'sent');
    expect(mail.messageId).toBe(`<${row!.id}@garnbua.no>`);
    const post = mail.headerLines.find((h) => h.key === 'list-unsubscribe-post');
    expect(post?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const list = mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
    expect(list).toContain(`<mailto:avmelding@garnbua.no?subject=unsubscribe%20${row!.id}>`);
    const link = /<(https?:[^>]+)>/.exec(list)![1]!;
    expect(link.startsWith(`${cloud.server.publicUrl}/u/${row!.id}.`)).toBe(true);
    expect(mail.text).toContain(link);
    expect(mail.html).toContain(link);

    // Opening the link changes nothing (scanners open links); its button (or one-click) withdraws.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Meld meg av e-post');
    await till.sync();
    expect((await till.call('member.get', { memberId: kari.member.memberId })).consents.email).toBe(
      true,
    );
    const oneClick = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Du er meldt av');
    await till.sync();
    expect((await till.call('member.get', { memberId: kari.member.memberId })).consents.email).toBe(
      false,
    );
    // A forged token is not ours.
    expect((await fetch(`${link.slice(0, -3)}xyz`, { method: 'POST' })).status).toBe(404);
  }, 60_000);
});
