/**
 * Automations against a real cloud (PGlite and PostgreSQL), sent by the real
 * sender through a fake Sveve on loopback and a real SMTP server: a chain at
 * 00:30 on 28 February 2026 in Oslo (still the 27th in UTC) where members have
 * birthdays today (one born on 29 February), points expiring within 30 days,
 * a full punch card; a second chain with lapsing members. Each automation
 * enqueues one message per consenting member and occasion, the sender sends
 * it after quiet hours and skips the capped member, a second run or a run
 * after a restart sends nothing again, and off sends nothing. The birthday
 * coupon the message names is one the tills give the member.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { DEFAULT_AUTOMATION_TEXTS } from '../../src/contract/backoffice/automations';
import type { AutomationKind } from '../../src/contract/backoffice/automations';
import { memberNumberFor } from '../../src/core/ean13';
import { availableCoupons } from '../../src/core/member/coupons';
import type { EventEnvelope } from '../../src/core/events';
import { DAY, HOUR, memberEvents } from '../../src/core/member/test-events';
import type { MemberEventMaker } from '../../src/core/member/test-events';
import { memberView } from '../../src/core/member/view';
import { parseProgramme } from '../../src/core/programme';
import { readLedgers } from '../../cloud/member-ledgers';
import { enqueueMessages, outboxMessages } from '../../cloud/messaging/outbox';
import { openMessaging, sendDue } from '../../cloud/messaging/sender';
import type { Messaging } from '../../cloud/messaging/sender';
import { programmeInForce } from '../../cloud/programme';
import { saveProgramme } from '../../cloud/programme-change';
import { describeBackoffice, errorOf } from '../../cloud/test/backoffice';
import type { BoBrowser } from '../../cloud/test/backoffice';
import { FakeSveve } from '../messaging/fake-sveve';
import {
  runAutomationLoop,
  runChainAutomations,
  runDueAutomations,
} from '../../cloud/automations/run';
import { listAutomations } from '../../cloud/automations/settings';

/** 00:30 on Saturday 28 February 2026 in Oslo: 23:30 on the 27th in UTC; 2026 is a common year. */
const NOW = Date.UTC(2026, 1, 27, 23, 30);
/** 08:30 in Oslo, after the quiet hours (21:00–08:00). */
const MORNING = NOW + 8 * HOUR;

const coffeeProgramme = () =>
  parseProgramme({
    name: 'Kaffeklubben',
    termsVersion: 'v1',
    timeZone: 'Europe/Oslo',
    points: { earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 } },
    birthday: {
      issueDaysBefore: 0,
      validDaysAfter: 7,
      coupon: {
        name: { nb: 'Bursdagskake', en: 'Birthday cake' },
        benefit: { kind: 'percent', percent: 100 },
      },
    },
    punchCards: [
      {
        id: 'kaffe',
        name: { nb: 'Kaffekortet', en: 'Coffee card' },
        qualifying: { skus: [], categories: [] },
        stamps: 5,
        reward: { kind: 'free_item' },
      },
    ],
  });

interface Person {
  id: string;
  phone: string | null;
  sms: boolean;
  /** The e-mail address; `${id}@example.no` unless given. */
  address?: string | null;
  email: boolean;
  birthDate?: string | null;
  firstName?: string | null;
}

describeBackoffice('automations', (cloud) => {
  let sveve: FakeSveve;
  let smtp: SMTPServer;
  const mails: ParsedMail[] = [];
  let messaging: Messaging;
  let owner: BoBrowser;
  let chainId: string;
  let storeId: string;
  let otherChainId: string;
  let otherOwner: BoBrowser;
  let otherTill: Awaited<ReturnType<ReturnType<typeof cloud>['pair']>>;
  const makers = new Map<string, MemberEventMaker>();
  let phoneNo = 0;

  const maker = (id: string) => {
    if (!makers.has(id)) makers.set(id, memberEvents(id));
    return makers.get(id)!;
  };
  const enrolment = (
    person: Person,
    at: number,
    origin: { storeId: string; terminalId: string; chainId: string },
  ) => {
    phoneNo += 1;
    return maker(person.id).enrolled(
      at,
      {
        memberNumber: memberNumberFor('29', phoneNo),
        qrToken: `qr-${person.id}-token`,
        phoneE164: person.phone,
        profile: {
          firstName: person.firstName === undefined ? 'Kari' : person.firstName,
          lastName: null,
          email: person.address === undefined ? `${person.id}@example.no` : person.address,
          birthDate: person.birthDate ?? null,
          postalCode: null,
          gender: null,
        },
        consents: { sms: person.sms, email: person.email },
      },
      origin,
    );
  };
  const turnOn = (who: BoBrowser, kind: AutomationKind, channels = { sms: true, email: true }) =>
    who.ok('automation.save', {
      kind,
      enabled: true,
      channels,
      sms: { text: DEFAULT_AUTOMATION_TEXTS[kind].sms },
      email: {
        subject: DEFAULT_AUTOMATION_TEXTS[kind].emailSubject,
        text: DEFAULT_AUTOMATION_TEXTS[kind].email,
      },
    });
  const queued = async (chain: string, kind: AutomationKind) =>
    (await outboxMessages(cloud().server.database, chain))
      .filter((m) => m.purpose.startsWith(`automation:${kind}:`))
      .map((m) => `${m.memberId} ${m.channel} ${m.purpose}`)
      .sort();
  const textsTo = (phone: string | null) =>
    sveve.received.filter((r) => `+${r.to}` === phone || r.to === phone?.slice(1));

  const people: Record<string, Person> = {
    bToday: {
      id: 'b-today',
      phone: '+4791000001',
      sms: true,
      email: true,
      birthDate: '1990-02-28',
    },
    bLeap: {
      id: 'b-leap',
      phone: '+4791000002',
      sms: true,
      email: false,
      birthDate: '1992-02-29',
      firstName: null,
    },
    bNone: {
      id: 'b-none',
      phone: '+4791000003',
      sms: false,
      email: false,
      birthDate: '1988-02-28',
    },
    bCapped: {
      id: 'b-capped',
      phone: '+4791000004',
      sms: true,
      email: false,
      birthDate: '1975-02-28',
    },
    // Born on the 27th: still the 27th in UTC at NOW, but the 28th in Oslo.
    bUtc: { id: 'b-utc', phone: '+4791000005', sms: true, email: false, birthDate: '1985-02-27' },
    pSoon: { id: 'p-soon', phone: '+4791000011', sms: true, email: false },
    pLater: { id: 'p-later', phone: '+4791000012', sms: true, email: false },
    pNone: { id: 'p-none', phone: '+4791000013', sms: false, email: false },
    rFull: { id: 'r-full', phone: '+4791000021', sms: true, email: false },
    rHalf: { id: 'r-half', phone: '+4791000022', sms: true, email: false },
    rUsed: { id: 'r-used', phone: '+4791000023', sms: true, email: false },
  };
  const lapsers: Record<string, Person> = {
    wLapsing: { id: 'w-lapsing', phone: '+4791000031', sms: true, email: false },
    wActive: { id: 'w-active', phone: '+4791000032', sms: true, email: false },
    wLost: {
      id: 'w-lost',
      phone: '+4791000033',
      sms: true,
      email: false,
      birthDate: '1970-02-28',
    },
    wNone: { id: 'w-none', phone: '+4791000034', sms: false, email: false },
  };

  /** A chain of its own with the coffee programme and these members, enrolled 200 days before NOW. */
  const chainOf = async (members: Person[], programme = coffeeProgramme()) => {
    const made = await cloud().chainWithOwner(['Kaffebua']);
    await saveProgramme(
      cloud().server.database,
      made.chainId,
      { programme, staffId: null },
      NOW - 400 * DAY,
    );
    const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
    const events = members.map((p) => enrolment(p, NOW - 200 * DAY, till.origin));
    expect((await till.push(events)).rejected).toEqual([]);
    return { chainId: made.chainId, owner: made.owner, till };
  };

  beforeAll(async () => {
    sveve = await FakeSveve.start();
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
    const db = cloud().server.database;
    messaging = await openMessaging(
      db,
      {
        sms: {
          provider: 'sveve',
          baseUrl: sveve.url,
          user: 'butikk',
          password: 'hemmelig',
          from: 'Kaffebua',
        },
        email: {
          smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
          from: 'Kaffebua <post@kaffebua.no>',
        },
        secret: 'automations-test-secret',
      },
      () => cloud().url,
    );

    const made = await cloud().chainWithOwner(['Kaffebua']);
    owner = made.owner;
    chainId = made.chainId;
    storeId = made.stores[0]!.storeId;
    await saveProgramme(
      db,
      chainId,
      { programme: coffeeProgramme(), staffId: null },
      NOW - 400 * DAY,
    );
    const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
    const enrolled = NOW - 200 * DAY;
    const events: EventEnvelope[] = Object.values(people).map((p) =>
      enrolment(p, enrolled, till.origin),
    );
    const bought = NOW - 20 * DAY;
    // Points: 120 expire on 30 March (within 30 days of 28 February), 80 on 15 April (not yet).
    events.push(
      maker('p-soon').sale(bought, {
        ...till.origin,
        effects: {
          pointsEarned: 120,
          pointsAvailableAt: bought,
          pointsExpireAt: Date.UTC(2026, 2, 30, 10, 0),
        },
      }),
      maker('p-later').sale(bought, {
        ...till.origin,
        effects: {
          pointsEarned: 80,
          pointsAvailableAt: bought,
          pointsExpireAt: Date.UTC(2026, 3, 15, 10, 0),
        },
      }),
      maker('p-none').sale(bought, {
        ...till.origin,
        effects: {
          pointsEarned: 50,
          pointsAvailableAt: bought,
          pointsExpireAt: Date.UTC(2026, 2, 20, 10, 0),
        },
      }),
      // Punch cards: full, three of five, full and its reward used.
      maker('r-full').sale(bought, {
        ...till.origin,
        effects: { stamps: [{ cardId: 'kaffe', count: 5 }] },
      }),
      maker('r-half').sale(bought, {
        ...till.origin,
        effects: { stamps: [{ cardId: 'kaffe', count: 3 }] },
      }),
      maker('r-used').sale(bought, {
        ...till.origin,
        effects: { stamps: [{ cardId: 'kaffe', count: 5 }] },
      }),
      maker('r-used').sale(bought + HOUR, {
        ...till.origin,
        effects: { rewardsRedeemed: ['K-kaffe-r-used-1'] },
      }),
    );
    expect((await till.push(events)).rejected).toEqual([]);
    // b-capped had two texts in the last 30 days (the default cap is 2).
    await enqueueMessages(
      db,
      chainId,
      ['old-1', 'old-2'].map((purpose) => ({
        memberId: 'b-capped',
        channel: 'sms' as const,
        purpose: `campaign:${purpose}`,
        body: 'Tidligere tilbud',
      })),
      NOW - 6 * DAY,
    );
    await db.query(
      `UPDATE outbox SET state = 'delivered', sending_at = $2 WHERE chain_id = $1 AND member_id = 'b-capped'`,
      [chainId, NOW - 5 * DAY],
    );

    // A second chain for the win-back (every member there would be lapsing from enrolment).
    const other = await cloud().chainWithOwner(['Bakeriet']);
    otherOwner = other.owner;
    otherChainId = other.chainId;
    otherTill = await cloud().pair(other.stores[0]!.storeCode, 'Kasse 1');
    const lapsing: EventEnvelope[] = Object.values(lapsers).map((p) =>
      enrolment(p, NOW - 400 * DAY, otherTill.origin),
    );
    lapsing.push(
      maker('w-lapsing').sale(NOW - 100 * DAY, otherTill.origin),
      maker('w-active').sale(NOW - 10 * DAY, otherTill.origin),
      maker('w-lost').sale(NOW - 200 * DAY, otherTill.origin),
      maker('w-none').sale(NOW - 100 * DAY, otherTill.origin),
    );
    expect((await otherTill.push(lapsing)).rejected).toEqual([]);
  }, 120_000);

  afterAll(async () => {
    messaging?.close();
    await sveve?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it('sends nothing while every automation is off', async () => {
    const listed = await owner.ok('automation.list', {});
    expect(listed.automations.map((a) => [a.kind, a.enabled])).toEqual([
      ['birthday', false],
      ['points_expiring', false],
      ['reward_ready', false],
      ['win_back', false],
    ]);
    expect(listed.birthdayCoupon).toEqual({ nb: 'Bursdagskake', en: 'Birthday cake' });
    const reports = await runDueAutomations(cloud().server.database, NOW);
    expect(reports.has(chainId)).toBe(false);
    expect(await runChainAutomations(cloud().server.database, chainId, NOW)).toEqual({});
    expect(await queued(chainId, 'birthday')).toEqual([]);
  });

  it('refuses a placeholder the automation cannot fill, naming the field', async () => {
    const answer = await owner.call('automation.save', {
      kind: 'win_back',
      enabled: true,
      channels: { sms: true, email: false },
      sms: { text: 'Hei {fornavn}! Du har {poeng} poeng.' },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({ code: 'invalid_request', field: 'sms.text' });
    const noChannel = await owner.call('automation.save', {
      kind: 'win_back',
      enabled: true,
      channels: { sms: false, email: false },
      sms: { text: 'Hei' },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect(errorOf(noChannel)).toMatchObject({ code: 'invalid_request', field: 'channels' });
    const listed = await owner.ok('automation.list', {});
    expect(listed.automations.find((a) => a.kind === 'win_back')?.enabled).toBe(false);
    // A store manager neither sees nor changes them: they reach the whole chain's members.
    const manager = (await cloud().storeManager(owner, [storeId])).browser;
    expect((await manager.call('automation.list', {})).status).toBe(403);
    const managerSave = await manager.call('automation.save', {
      kind: 'win_back',
      enabled: true,
      channels: { sms: true, email: false },
      sms: { text: 'Hei' },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect(managerSave.status).toBe(403);
  });

  it('greets each consenting member on their Oslo birthday once, with the birthday coupon', async () => {
    const db = cloud().server.database;
    await turnOn(owner, 'birthday');
    const first = await runDueAutomations(db, NOW);
    expect(first.get(chainId)).toEqual({ birthday: { decided: 3, enqueued: 4 } });
    expect(await queued(chainId, 'birthday')).toEqual([
      'b-capped sms automation:birthday:2026',
      'b-leap sms automation:birthday:2026',
      'b-today email automation:birthday:2026',
      'b-today sms automation:birthday:2026',
    ]);
    // The same day again, and after a restart (nothing held in memory: the day's mark cleared).
    expect((await runDueAutomations(db, NOW + HOUR)).has(chainId)).toBe(false);
    await db.query('DELETE FROM automation_runs WHERE chain_id = $1', [chainId]);
    expect((await runDueAutomations(db, NOW + 2 * HOUR)).get(chainId)).toEqual({
      birthday: { decided: 0, enqueued: 0 },
    });

    // Quiet hours: nothing at 00:30; at 08:30 one text each, none to the capped member.
    await sendDue(db, messaging, NOW);
    expect(sveve.received).toHaveLength(0);
    await sendDue(db, messaging, MORNING);
    expect(textsTo(people.bToday!.phone)).toHaveLength(1);
    expect(textsTo(people.bLeap!.phone)).toHaveLength(1);
    expect(textsTo(people.bCapped!.phone)).toHaveLength(0);
    expect(textsTo(people.bNone!.phone)).toHaveLength(0);
    expect(textsTo(people.bUtc!.phone)).toHaveLength(0);
    expect(textsTo(people.bToday!.phone)[0]!.msg).toBe(
      'Gratulerer med dagen, Kari! Vi gir deg Bursdagskake, gyldig til 07.03.2026. Vis medlemskortet i kassen. Hilsen Kaffeklubben\nSvar STOPP for å melde deg av',
    );
    // No first name: no gap where it would be.
    expect(textsTo(people.bLeap!.phone)[0]!.msg).toMatch(
      /^Gratulerer med dagen! Vi gir deg Bursdagskake/,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Gratulerer med dagen fra Kaffeklubben!');
    expect(mails[0]!.text).toContain('Som medlem får du Bursdagskake, gyldig til 07.03.2026.');
    const unsubscribe = mails[0]!.headerLines.find((h) => h.key === 'list-unsubscribe');
    expect(unsubscribe?.line).toContain(`${cloud().url}/u/`);
    const capped = (await outboxMessages(db, chainId, 'automation:birthday:2026')).find(
      (m) => m.memberId === 'b-capped',
    );
    expect(capped).toMatchObject({ state: 'skipped', skipReason: 'over_cap' });

    // The coupon named is one every till gives the member today (B-<member>-2026).
    const programme = await programmeInForce(db, chainId);
    const ledgers = await readLedgers(db, chainId, ['b-today', 'b-leap']);
    for (const [memberId, ledger] of ledgers) {
      const coupons = availableCoupons(
        programme,
        ledger,
        memberView(programme, ledger, MORNING),
        MORNING,
      );
      expect(coupons.map((c) => c.couponId)).toContain(`B-${memberId}-2026`);
    }

    // What the page shows for the last 30 days.
    const listed = await listAutomations(db, chainId, MORNING);
    const birthday = listed.automations.find((a) => a.kind === 'birthday')!;
    expect(birthday.last30Days.sms).toMatchObject({ sent: 2, skipped: 1, failed: 0 });
    expect(birthday.last30Days.email).toMatchObject({ sent: 1 });

    // Off again: the next day's run sends nothing, even for a birthday then.
    await owner.ok('automation.save', {
      kind: 'birthday',
      enabled: false,
      channels: { sms: true, email: true },
      sms: { text: DEFAULT_AUTOMATION_TEXTS.birthday.sms },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect((await runDueAutomations(db, NOW + 3 * DAY)).has(chainId)).toBe(false);
    expect(await queued(chainId, 'birthday')).toHaveLength(4);
  });

  it('warns once, 30 days before, of the points that expire, as many as the member has', async () => {
    const db = cloud().server.database;
    await turnOn(owner, 'points_expiring', { sms: true, email: false });
    expect((await runDueAutomations(db, NOW)).get(chainId)).toEqual({
      points_expiring: { decided: 1, enqueued: 1 },
    });
    expect(await queued(chainId, 'points_expiring')).toEqual([
      'p-soon sms automation:points_expiring:2026-03-30',
    ]);
    await sendDue(db, messaging, MORNING);
    expect(textsTo(people.pSoon!.phone).map((r) => r.msg.split('\n')[0])).toEqual([
      'Hei Kari! 120 poeng går ut 30.03.2026. Bruk dem i butikken før det. Hilsen Kaffeklubben',
    ]);
    // The next days again: the same lot is not warned twice; p-later's comes 30 days before 15 April.
    expect((await runDueAutomations(db, NOW + DAY)).get(chainId)).toEqual({
      points_expiring: { decided: 0, enqueued: 0 },
    });
    expect((await runDueAutomations(db, NOW + 16 * DAY)).get(chainId)).toEqual({
      points_expiring: { decided: 1, enqueued: 1 },
    });
    expect(await queued(chainId, 'points_expiring')).toEqual([
      'p-later sms automation:points_expiring:2026-04-15',
      'p-soon sms automation:points_expiring:2026-03-30',
    ]);
    await owner.ok('automation.save', {
      kind: 'points_expiring',
      enabled: false,
      channels: { sms: true, email: false },
      sms: { text: DEFAULT_AUTOMATION_TEXTS.points_expiring.sms },
      email: { subject: 'Hei', text: 'Hei' },
    });
  });

  it('tells a member once that a full punch card’s reward is ready', async () => {
    const db = cloud().server.database;
    await turnOn(owner, 'reward_ready', { sms: true, email: false });
    expect((await runDueAutomations(db, NOW)).get(chainId)).toEqual({
      reward_ready: { decided: 1, enqueued: 1 },
    });
    expect(await queued(chainId, 'reward_ready')).toEqual([
      'r-full sms automation:reward_ready:K-kaffe-r-full-1',
    ]);
    await db.query('DELETE FROM automation_runs WHERE chain_id = $1', [chainId]);
    expect((await runDueAutomations(db, NOW + HOUR)).get(chainId)).toEqual({
      reward_ready: { decided: 0, enqueued: 0 },
    });
    await sendDue(db, messaging, MORNING + HOUR);
    expect(textsTo(people.rFull!.phone).map((r) => r.msg.split('\n')[0])).toEqual([
      'Hei Kari! Kaffekortet er fullt, og belønningen venter på deg i kassen. Hilsen Kaffeklubben',
    ]);
    expect(textsTo(people.rHalf!.phone)).toHaveLength(0);
    expect(textsTo(people.rUsed!.phone)).toHaveLength(0);
  });

  it('sends no birthday greeting naming a coupon the programme does not have', async () => {
    const db = cloud().server.database;
    // The second chain's programme has no birthday coupon: a text naming it is refused…
    const refused = await otherOwner.call('automation.save', {
      kind: 'birthday',
      enabled: true,
      channels: { sms: true, email: false },
      sms: { text: DEFAULT_AUTOMATION_TEXTS.birthday.sms },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect(errorOf(refused)).toMatchObject({ code: 'invalid_request', field: 'sms.text' });
    // …and one saved while it had one (the coupon gone since) sends nothing to w-lost, born today.
    await db.query(
      `INSERT INTO automation_settings (chain_id, kind, enabled, sms, email, sms_text, email_subject,
                                        email_text, updated_at)
       VALUES ($1, 'birthday', true, true, false, $2, 'Hei', 'Hei', $3)`,
      [otherChainId, DEFAULT_AUTOMATION_TEXTS.birthday.sms, NOW],
    );
    expect(await runChainAutomations(db, otherChainId, NOW)).toEqual({
      birthday: { decided: 0, enqueued: 0 },
    });
    expect(await queued(otherChainId, 'birthday')).toEqual([]);
    // Without the coupon in the text, the greeting goes.
    await otherOwner.ok('automation.save', {
      kind: 'birthday',
      enabled: true,
      channels: { sms: true, email: false },
      sms: { text: 'Gratulerer med dagen, {fornavn}! Hilsen {kundeklubb}' },
      email: { subject: 'Hei', text: 'Hei' },
    });
    expect(await runChainAutomations(db, otherChainId, NOW)).toEqual({
      birthday: { decided: 1, enqueued: 1 },
    });
    expect(await queued(otherChainId, 'birthday')).toEqual(['w-lost sms automation:birthday:2026']);
    await otherOwner.ok('automation.save', {
      kind: 'birthday',
      enabled: false,
      channels: { sms: true, email: false },
      sms: { text: 'Hei' },
      email: { subject: 'Hei', text: 'Hei' },
    });
  });

  it('wins back a lapsing member once per lapse, again only after they bought and lapsed again', async () => {
    const db = cloud().server.database;
    await turnOn(otherOwner, 'win_back', { sms: true, email: false });
    expect((await runDueAutomations(db, NOW)).get(otherChainId)).toEqual({
      win_back: { decided: 1, enqueued: 1 },
    });
    const lapse = `automation:win_back:${NOW - 100 * DAY}`;
    expect(await queued(otherChainId, 'win_back')).toEqual([`w-lapsing sms ${lapse}`]);
    await sendDue(db, messaging, MORNING);
    expect((await runDueAutomations(db, NOW + 5 * DAY)).get(otherChainId)).toEqual({
      win_back: { decided: 0, enqueued: 0 },
    });
    // (w-lost had its birthday greeting from the test before: no win-back.)
    const winBacks = (p: Person) =>
      textsTo(p.phone).filter((r) => r.msg.includes('Det er en stund siden sist'));
    expect(winBacks(lapsers.wLapsing!)).toHaveLength(1);
    expect(winBacks(lapsers.wNone!)).toHaveLength(0);
    expect(winBacks(lapsers.wLost!)).toHaveLength(0);
    expect(winBacks(lapsers.wActive!)).toHaveLength(0);

    // w-lapsing buys again, then lapses again 91 days later: a new occasion, one new message.
    const back = NOW + 6 * DAY;
    expect(
      (await otherTill.push([maker('w-lapsing').sale(back, otherTill.origin)])).rejected,
    ).toEqual([]);
    expect((await runDueAutomations(db, back + DAY)).get(otherChainId)).toEqual({
      win_back: { decided: 0, enqueued: 0 },
    });
    const later = back + 95 * DAY;
    const report = (await runDueAutomations(db, later)).get(otherChainId);
    // w-active (bought NOW - 10 days) has lapsed by then too.
    expect(report).toEqual({ win_back: { decided: 2, enqueued: 2 } });
    expect(await queued(otherChainId, 'win_back')).toEqual([
      `w-active sms automation:win_back:${NOW - 10 * DAY}`,
      `w-lapsing sms ${lapse}`,
      `w-lapsing sms automation:win_back:${back}`,
    ]);
  });

  it('runs each chain once a local day from the loop the server starts beside the sender', async () => {
    const db = cloud().server.database;
    const ranAt = async () =>
      (
        await db.query<{ ran_at: unknown }>(
          'SELECT ran_at FROM automation_runs WHERE chain_id = $1',
          [otherChainId],
        )
      ).map((r) => Number(r.ran_at));
    await turnOn(otherOwner, 'win_back', { sms: true, email: false });
    const day = NOW + 200 * DAY;
    let now = day;
    let rounds = 0;
    const loop = runAutomationLoop(db, {
      intervalMs: 5,
      now: () => {
        rounds += 1;
        return now;
      },
    });
    try {
      await vi.waitFor(async () => expect(await ranAt()).toEqual([day]), { timeout: 10_000 });
      // An hour later, the same local day: the loop goes round (twice more at least: one round
      // may have begun before) but the day's run is done.
      now = day + HOUR;
      const before = rounds;
      await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(before + 3), {
        timeout: 10_000,
      });
      expect(await ranAt()).toEqual([day]);
      now = day + DAY;
      await vi.waitFor(async () => expect(await ranAt()).toEqual([day + DAY]), { timeout: 10_000 });
    } finally {
      await loop.stop();
    }
  });

  it('goes on with the other automations and chains when one fails', async () => {
    const db = cloud().server.database;
    const born = { sms: true, email: false, birthDate: '1990-02-28' };
    const broken = await chainOf([
      { id: 'x-broken', phone: '+4791000041', sms: true, email: false },
      { id: 'x-born', phone: '+4791000042', ...born },
    ]);
    const sound = await chainOf([{ id: 'y-born', phone: '+4791000043', ...born }]);
    for (const made of [broken, sound]) {
      await turnOn(made.owner, 'reward_ready', { sms: true, email: false });
      await turnOn(made.owner, 'birthday', { sms: true, email: false });
    }
    // A projection row the reward's query cannot read: that automation fails in the broken chain.
    await db.query(
      `UPDATE member_facts SET stamps = '{"kaffe": "fem"}'::jsonb WHERE chain_id = $1 AND member_id = 'x-broken'`,
      [broken.chainId],
    );
    const errors: unknown[] = [];
    const reports = await runDueAutomations(db, NOW, (error) => errors.push(error));
    expect(errors).toHaveLength(1);
    expect(reports.get(broken.chainId)).toEqual({ birthday: { decided: 1, enqueued: 1 } });
    expect(reports.get(sound.chainId)).toEqual({
      birthday: { decided: 1, enqueued: 1 },
      reward_ready: { decided: 0, enqueued: 0 },
    });
    expect(await queued(broken.chainId, 'birthday')).toEqual([
      'x-born sms automation:birthday:2026',
    ]);
    expect(await queued(sound.chainId, 'birthday')).toEqual([
      'y-born sms automation:birthday:2026',
    ]);
    // The failed chain's day is not marked as run: the next round tries again, greeting no one twice.
    expect((await runDueAutomations(db, NOW + HOUR, () => {})).get(broken.chainId)).toEqual({
      birthday: { decided: 0, enqueued: 0 },
    });
  });

  it('leaves out, occasion kept, a consenting member with no phone or no e-mail address', async () => {
    const db = cloud().server.database;
    const born = { sms: true, email: true, birthDate: '1990-02-28' };
    const made = await chainOf([
      { id: 'z-no-phone', phone: null, ...born },
      { id: 'z-no-mail', phone: '+4791000051', address: null, ...born },
      { id: 'z-neither', phone: null, address: null, ...born },
    ]);
    await turnOn(made.owner, 'birthday');
    expect((await runDueAutomations(db, NOW, () => {})).get(made.chainId)).toEqual({
      birthday: { decided: 2, enqueued: 2 },
    });
    expect(await queued(made.chainId, 'birthday')).toEqual([
      'z-no-mail sms automation:birthday:2026',
      'z-no-phone email automation:birthday:2026',
    ]);
    const occasions = await db.query<{ member_id: string }>(
      'SELECT member_id FROM automation_occasions WHERE chain_id = $1 ORDER BY member_id',
      [made.chainId],
    );
    expect(occasions.map((o) => o.member_id)).toEqual(['z-no-mail', 'z-no-phone']);
  });

  it('lets every automation send the member page link, filled by the sender', async () => {
    const db = cloud().server.database;
    const made = await chainOf([
      { id: 'l-born', phone: '+4791000061', sms: true, email: false, birthDate: '1990-02-28' },
    ]);
    const withLink = (kind: AutomationKind) => ({
      kind,
      enabled: kind === 'birthday',
      channels: { sms: true, email: false },
      sms: { text: 'Hei {fornavn}! Se siden din: {lenke}' },
      email: { subject: 'Hei', text: 'Hei {fornavn}! Se siden din: {lenke}' },
    });
    for (const kind of ['points_expiring', 'reward_ready', 'win_back', 'birthday'] as const)
      await made.owner.ok('automation.save', withLink(kind));
    // Not in a subject: the sender fills the link in the texts only.
    const inSubject = await made.owner.call('automation.save', {
      ...withLink('birthday'),
      email: { subject: 'Din side: {lenke}', text: 'Hei' },
    });
    expect(errorOf(inSubject)).toMatchObject({ code: 'invalid_request', field: 'email.subject' });
    expect((await runDueAutomations(db, NOW, () => {})).get(made.chainId)).toEqual({
      birthday: { decided: 1, enqueued: 1 },
    });
    await sendDue(db, messaging, MORNING);
    const [text] = textsTo('+4791000061');
    expect(text?.msg.split('\n')[0]).toMatch(
      new RegExp(`^Hei Kari! Se siden din: ${cloud().url.replace(/[.]/g, '\\.')}/m/\\S+$`),
    );
  });

  it('names the birthday coupon in Swedish too when the programme has it', async () => {
    const programme = coffeeProgramme();
    const made = await chainOf(
      [],
      parseProgramme({
        ...programme,
        birthday: {
          ...programme.birthday!,
          coupon: {
            ...programme.birthday!.coupon,
            name: { nb: 'Bursdagskake', en: 'Birthday cake', sv: 'Födelsedagstårta' },
          },
        },
      }),
    );
    expect((await made.owner.ok('automation.list', {})).birthdayCoupon).toEqual({
      nb: 'Bursdagskake',
      en: 'Birthday cake',
      sv: 'Födelsedagstårta',
    });
  });

  it('greets, once, the birthdays of the days the run missed, a week back at most', async () => {
    const db = cloud().server.database;
    const made = await chainOf([
      { id: 'm-27th', phone: '+4791000071', sms: true, email: false, birthDate: '1990-02-27' },
      { id: 'm-20th', phone: '+4791000072', sms: true, email: false, birthDate: '1990-02-20' },
    ]);
    await turnOn(made.owner, 'birthday', { sms: true, email: false });
    // Last run on the 19th (Oslo); today is the 28th: the 27th is missed, the 20th too far back.
    await db.query(
      `INSERT INTO automation_runs (chain_id, last_day, ran_at) VALUES ($1, '2026-02-19', $2)`,
      [made.chainId, NOW - 9 * DAY],
    );
    expect((await runDueAutomations(db, NOW, () => {})).get(made.chainId)).toEqual({
      birthday: { decided: 1, enqueued: 1 },
    });
    expect(await queued(made.chainId, 'birthday')).toEqual(['m-27th sms automation:birthday:2026']);
    await db.query(`UPDATE automation_runs SET last_day = '2026-02-19' WHERE chain_id = $1`, [
      made.chainId,
    ]);
    expect((await runDueAutomations(db, NOW + HOUR, () => {})).get(made.chainId)).toEqual({
      birthday: { decided: 0, enqueued: 0 },
    });
  });
});
