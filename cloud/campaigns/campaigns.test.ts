/**
 * Campaigns against a real cloud (PGlite and PostgreSQL): the reach of a saved
 * segment per channel honours consent and the 30-day cap; sending enqueues
 * exactly one message per consenting member and channel in the outbox, and a
 * second send is refused with nothing queued twice; the results count the
 * programme coupon's redemptions from sale_facts (a voided sale gives it
 * back; a member not messaged does not count); a bonus offer's results count
 * the messaged members' sales after the send on the days of the programme's
 * bonus window, net of voids and returns, with their points; only an owner sends.
 */
import { beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import { DAY, memberEvents, saleLine } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { isoDate, localDateOf, addDays } from '../../src/core/time';
import { Scope } from '../backoffice/scope';
import { enqueueMessages, outboxMessages } from '../messaging/outbox';
import { sendDue } from '../messaging/sender';
import type { MessagingConfig } from '../messaging/sender';
import { saveProgramme } from '../programme-change';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';
import { sendCampaign, updateCampaign } from './campaigns';

const NOW = Date.now();
/** Providers configured (never called here: nothing runs the sender), so campaigns may be sent. */
const PROVIDERS: { messaging: MessagingConfig } = {
  messaging: {
    sms: {
      provider: 'sveve',
      baseUrl: 'http://127.0.0.1:9',
      user: 'u',
      password: 'p',
      from: 'Garn',
    },
    email: { smtpUrl: 'smtp://127.0.0.1:9', from: 'Garn <post@example.no>' },
    secret: 'campaigns-test-secret',
  },
};
const today = localDateOf(NOW, 'Europe/Oslo');
/** The bonus campaign's results are read with the campaign sent this long ago (its row moved back). */
const BONUS_SENT = NOW - 5 * DAY;
/** Its window: from before the send to 2½ days ago, so sales after the send fall on either side of its end. */
const BONUS_FROM = isoDate(localDateOf(NOW - 7 * DAY, 'Europe/Oslo'));
const BONUS_TO = isoDate(localDateOf(NOW - 2.5 * DAY, 'Europe/Oslo'));

describeBackoffice(
  'campaigns',
  (cloud) => {
    let owner: BoBrowser;
    let manager: BoBrowser;
    let chainId: string;
    let segmentId: string;
    let till: Awaited<ReturnType<ReturnType<typeof cloud>['pair']>>;

    beforeAll(async () => {
      const made = await cloud().chainWithOwner(['Garnbutikken']);
      owner = made.owner;
      chainId = made.chainId;
      await saveProgramme(
        cloud().server.database,
        chainId,
        {
          programme: parseProgramme({
            name: 'Garnklubben',
            termsVersion: 'v1',
            timeZone: 'Europe/Oslo',
            campaigns: [
              {
                id: 'garn20',
                coupon: {
                  name: { nb: '20 % på garn', en: '20 % off yarn' },
                  benefit: { kind: 'percent', percent: 20 },
                },
                validFrom: isoDate(addDays(today, -1)),
                validTo: isoDate(addDays(today, 30)),
              },
              {
                id: 'sommer',
                coupon: {
                  name: { nb: 'Sommersalg', en: 'Summer sale' },
                  benefit: { kind: 'percent', percent: 30 },
                },
                validFrom: isoDate(addDays(today, -60)),
                validTo: isoDate(addDays(today, -30)),
              },
            ],
            bonusCampaigns: [
              {
                id: 'trippel',
                name: { nb: 'Trippel poeng på garn', en: 'Triple points on yarn' },
                multiplier: 3,
                validFrom: BONUS_FROM,
                validTo: BONUS_TO,
              },
            ],
          }),
          staffId: null,
        },
        NOW - 40 * DAY,
      );
      till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
      const enrol = (id: string, n: number, consents: { sms: boolean; email: boolean }) =>
        memberEvents(id).enrolled(
          NOW - 100 * DAY,
          {
            memberNumber: memberNumberFor('29', n),
            qrToken: `qr-${id}-token`,
            phoneE164: `+47912345${String(n).padStart(2, '0')}`,
            profile: {
              firstName: null,
              lastName: null,
              email: `${id}@example.no`,
              birthDate: null,
              postalCode: null,
              gender: null,
            },
            consents,
          },
          till.origin,
        );
      const pushed = await till.push([
        enrol('m-both', 1, { sms: true, email: true }),
        enrol('m-sms', 2, { sms: true, email: false }),
        enrol('m-none', 3, { sms: false, email: false }),
        enrol('m-capped', 4, { sms: true, email: false }),
      ]);
      expect(pushed.rejected).toEqual([]);
      // m-capped had two SMS sent in the last 30 days (the default cap is 2); one older does not count.
      const db = cloud().server.database;
      await enqueueMessages(
        db,
        chainId,
        ['old-1', 'old-2', 'old-3'].map((purpose) => ({
          memberId: 'm-capped',
          channel: 'sms' as const,
          purpose: `campaign:${purpose}`,
          body: 'Tidligere tilbud',
        })),
        NOW - 40 * DAY,
      );
      await db.query(
        `UPDATE outbox SET state = 'delivered',
              sending_at = CASE purpose WHEN 'campaign:old-3' THEN $2::bigint ELSE $3::bigint END
        WHERE chain_id = $1 AND member_id = 'm-capped'`,
        [chainId, NOW - 31 * DAY, NOW - 5 * DAY],
      );
      segmentId = (await owner.ok('segment.save', { name: 'Alle garnkunder', rule: {} })).id;
      manager = (await cloud().storeManager(owner, [made.stores[0]!.storeId])).browser;
    });

    it('shows the reach per channel after consent and the cap, and the SMS cost', async () => {
      const preview = await owner.ok('campaign.preview', {
        segmentId,
        smsText: 'Hei! 20 % på garn i helgen. Vis kortet i kassa.',
      });
      expect(preview.reach).toEqual({
        members: 4,
        sms: { consenting: 3, reachable: 2 },
        email: { consenting: 1, reachable: 1 },
        frequencyCap: 2,
      });
      expect(preview.smsCost).toEqual({
        encoding: 'gsm7',
        parts: 1,
        pricePerPartOre: 45,
        totalOre: 90,
      });
      // An emoji makes it UCS-2: two parts with the opt-out; the chain's own price.
      await owner.ok('campaign.setSmsPrice', { smsPriceOre: 36 });
      const emoji = await owner.ok('campaign.preview', {
        segmentId,
        smsText: 'Hei! 20 % på garn i helgen 🧶 Vis kortet i kassa.',
      });
      expect(emoji.smsCost).toEqual({
        encoding: 'ucs2',
        parts: 2,
        pricePerPartOre: 36,
        totalOre: 144,
      });
      await owner.ok('campaign.setSmsPrice', { smsPriceOre: 45 });
    });

    it('refuses bad input with its field, and a store manager', async () => {
      const noChannel = await owner.call('campaign.create', {
        name: 'Tom',
        segmentId,
        offer: { kind: 'message' },
      });
      expect(errorOf(noChannel)).toMatchObject({ code: 'invalid_request', field: 'sms' });
      const unknownCoupon = await owner.call('campaign.create', {
        name: 'Feil kupong',
        segmentId,
        offer: { kind: 'coupon', couponCampaignId: 'finnes-ikke' },
        sms: { text: 'Hei' },
      });
      expect(errorOf(unknownCoupon)).toMatchObject({ field: 'offer.couponCampaignId' });
      const unknownBonus = await owner.call('campaign.create', {
        name: 'Feil bonus',
        segmentId,
        offer: { kind: 'bonus', bonusCampaignId: 'garn20' },
        sms: { text: 'Hei' },
      });
      expect(errorOf(unknownBonus)).toMatchObject({
        code: 'invalid_request',
        field: 'offer.bonusCampaignId',
        said: { key: 'backoffice.campaigns.bonusUnknown' },
        text: {
          nb: 'Kundeklubben har ikke lenger denne bonuskampanjen. Velg en annen.',
          en: 'The programme no longer has this bonus campaign. Choose another.',
        },
      });
      // An offer whose window ended before the day the campaign goes out would announce nothing.
      const endedBonus = await owner.call('campaign.create', {
        name: 'Bonus over',
        segmentId,
        offer: { kind: 'bonus', bonusCampaignId: 'trippel' },
        sms: { text: 'Hei' },
      });
      expect(errorOf(endedBonus)).toMatchObject({
        code: 'invalid_request',
        field: 'offer.bonusCampaignId',
        said: { key: 'backoffice.campaigns.offerOver', params: { date: BONUS_TO } },
        text: {
          nb: `Tilbudet gjelder bare til og med ${BONUS_TO} – velg et annet tilbud eller et tidligere tidspunkt.`,
        },
      });
      const endedCoupon = await owner.call('campaign.create', {
        name: 'Sommer over',
        segmentId,
        offer: { kind: 'coupon', couponCampaignId: 'sommer' },
        sms: { text: 'Hei' },
      });
      expect(errorOf(endedCoupon)).toMatchObject({
        code: 'invalid_request',
        field: 'offer.couponCampaignId',
        said: { key: 'backoffice.campaigns.offerOver' },
      });
      // Open today, but over by the day it is planned for (the coupon runs 30 days).
      const plannedPastIt = await owner.call('campaign.create', {
        name: 'Garn for sent',
        segmentId,
        offer: { kind: 'coupon', couponCampaignId: 'garn20' },
        sms: { text: 'Hei' },
        sendAt: NOW + 35 * DAY,
      });
      expect(errorOf(plannedPastIt)).toMatchObject({
        field: 'offer.couponCampaignId',
        said: { key: 'backoffice.campaigns.offerOver' },
      });
      const forbidden = await manager.call('campaign.create', {
        name: 'Butikksjefens',
        segmentId,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
      });
      expect(forbidden.status).toBe(403);
      expect(await manager.ok('campaign.list', {})).toEqual([]);
    });

    it('enqueues one message per consenting member and channel, once; counts coupons redeemed', async () => {
      const draft = await owner.ok('campaign.create', {
        name: 'Garnhelg',
        segmentId,
        offer: { kind: 'coupon', couponCampaignId: 'garn20' },
        sms: { text: 'Hei! 20 % på garn i helgen. Vis kortet i kassa.' },
        email: { subject: 'Garnhelg: 20 % på garn', text: 'Hei!\n\n20 % på garn i helgen.' },
      });
      expect(draft).toMatchObject({
        state: 'draft',
        segmentName: 'Alle garnkunder',
        results: null,
      });
      expect(draft.preview?.reach.sms.reachable).toBe(2);

      const sent = await owner.ok('campaign.send', { id: draft.id });
      expect(sent).toMatchObject({ state: 'sent', enqueued: { sms: 3, email: 1 } });
      const db = cloud().server.database;
      const queued = await outboxMessages(db, chainId, `campaign:${draft.id}`);
      expect(queued.map((m) => `${m.memberId}:${m.channel}`).sort()).toEqual([
        'm-both:email',
        'm-both:sms',
        'm-capped:sms',
        'm-sms:sms',
      ]);
      expect(sent.results?.sms).toMatchObject({ queued: 3, delivered: 0, skipped: 0 });

      const again = await owner.call('campaign.send', { id: draft.id });
      expect(errorOf(again)).toMatchObject({ code: 'invalid_request', field: 'id' });
      expect(await outboxMessages(db, chainId, `campaign:${draft.id}`)).toHaveLength(4);

      // After the send: m-both redeems the coupon (counted), m-sms redeems and the
      // sale is voided (nets to nothing), m-none was not messaged (not counted).
      const at = Date.now() + 1000;
      const line = saleLine({
        category: 'Garn',
        unitPriceOre: 40_000,
        listOre: 50_000,
        paidOre: 40_000,
      });
      const coupon = (memberId: string) => ({ couponsRedeemed: [`C-garn20-${memberId}`] });
      const smsMember = memberEvents('m-sms');
      const smsSale = smsMember.sale(at, {
        ...till.origin,
        lines: [line],
        effects: coupon('m-sms'),
      });
      const pushed = await till.push([
        memberEvents('m-both').sale(at, {
          ...till.origin,
          lines: [line],
          effects: coupon('m-both'),
        }),
        smsSale,
        smsMember.voided(at + 1000, smsSale.payload.saleId, till.origin),
        memberEvents('m-none').sale(at, {
          ...till.origin,
          lines: [line],
          effects: coupon('m-none'),
        }),
      ]);
      expect(pushed.rejected).toEqual([]);
      const results = (await owner.ok('campaign.get', { id: draft.id })).results;
      expect(results?.coupons).toEqual({ redeemed: 1, salesOre: 40_000 });
      expect(results?.bonus).toBeNull();
      const listed = await manager.ok('campaign.list', {});
      expect(listed.map((c) => [c.name, c.state])).toEqual([['Garnhelg', 'sent']]);
    });

    it('offers a bonus campaign; counts the messaged members’ sales in its window after the send', async () => {
      const settings = await manager.ok('campaign.settings', {});
      expect(settings.bonusCampaigns).toEqual([
        {
          id: 'trippel',
          name: { nb: 'Trippel poeng på garn', en: 'Triple points on yarn' },
          multiplier: 3,
          validFrom: BONUS_FROM,
          validTo: BONUS_TO,
        },
      ]);
      const input = {
        name: 'Trippel poeng',
        segmentId,
        offer: { kind: 'message' as const },
        sms: { text: 'Hei! Trippel poeng på garn denne uka.' },
      };
      const draft = await owner.ok('campaign.create', input);
      const bonusOffer = { kind: 'bonus' as const, bonusCampaignId: 'trippel' };
      const unknown = await owner.call('campaign.update', {
        id: draft.id,
        campaign: { ...input, offer: { kind: 'bonus', bonusCampaignId: 'finnes-ikke' } },
      });
      expect(errorOf(unknown)).toMatchObject({
        code: 'invalid_request',
        field: 'offer.bonusCampaignId',
      });
      // Its window is over today: the campaign is changed and sent five days ago, inside it,
      // by the cloud's own functions on that clock (the server's clock is not the test's).
      const db = cloud().server.database;
      const asOwner = {
        accountId: '',
        scope: new Scope({ chainId, role: 'owner', storeIds: [] }),
      };
      const changed = await updateCampaign(
        db,
        asOwner,
        draft.id,
        { ...input, offer: bonusOffer, email: null, sendAt: null },
        BONUS_SENT - 60_000,
      );
      expect(changed.offer).toEqual(bonusOffer);
      const sent = await sendCampaign(db, asOwner, draft.id, BONUS_SENT, {
        sms: true,
        email: true,
      });
      expect(sent.offer).toEqual(bonusOffer);
      expect(sent.sentAt).toBe(BONUS_SENT);
      expect(sent.results?.coupons).toBeNull();
      expect(sent.results?.bonus).toEqual({ sales: 0, salesOre: 0, pointsEarned: 0 });

      const line = (paidOre: number) =>
        saleLine({ category: 'Garn', unitPriceOre: paidOre, listOre: paidOre, paidOre });
      const sale = (memberId: string, saleId: string, at: number, paidOre: number) =>
        memberEvents(memberId).sale(at, {
          ...till.origin,
          saleId,
          lines: [line(paidOre)],
          effects: { pointsEarned: (paidOre / 100) * 3 },
        });
      const both = memberEvents('m-both');
      const pushed = await till.push([
        // Counted: m-both after the send in the window, less a return of 100 kr (30 points back).
        sale('m-both', 'bonus-in', NOW - 4 * DAY, 40_000),
        both.returned(NOW - 3.5 * DAY, 'bonus-in', {
          ...till.origin,
          returnId: 'bonus-in-return',
          refundOre: 10_000,
          reversed: { points: 30 },
        }),
        // In the window but before the send; after the send but after the window.
        sale('m-both', 'bonus-before', BONUS_SENT - DAY / 2, 20_000),
        sale('m-both', 'bonus-after', NOW - DAY, 30_000),
        // m-sms's sale in the window is voided after it: it nets to nothing.
        sale('m-sms', 'bonus-voided', NOW - 3 * DAY, 25_000),
        memberEvents('m-sms').voided(NOW - DAY, 'bonus-voided', till.origin),
        // m-none was not messaged.
        sale('m-none', 'bonus-none', NOW - 4 * DAY, 50_000),
      ]);
      expect(pushed.rejected).toEqual([]);
      const results = (await owner.ok('campaign.get', { id: draft.id })).results;
      expect(results?.bonus).toEqual({ sales: 1, salesOre: 30_000, pointsEarned: 1200 - 30 });
      expect(results?.coupons).toBeNull();
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'campaign reach needs an address',
  (cloud) => {
    it('leaves out members with no phone (SMS) or no e-mail (e-mail), in the reach and the send', async () => {
      const made = await cloud().chainWithOwner(['Adressebutikken']);
      const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
      const enrol = (id: string, n: number, phone: string | null, email: string | null) =>
        memberEvents(id).enrolled(
          NOW - 10 * DAY,
          {
            memberNumber: memberNumberFor('29', n),
            qrToken: `qr-${id}-token`,
            phoneE164: phone,
            profile: {
              firstName: null,
              lastName: null,
              email,
              birthDate: null,
              postalCode: null,
              gender: null,
            },
            consents: { sms: true, email: true },
          },
          till.origin,
        );
      const pushed = await till.push([
        enrol('a-both', 11, '+4791234511', 'begge@example.no'),
        enrol('a-nophone', 12, null, 'utentelefon@example.no'),
        enrol('a-noemail', 13, '+4791234513', null),
      ]);
      expect(pushed.rejected).toEqual([]);
      const segment = (await made.owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const preview = await made.owner.ok('campaign.preview', {
        segmentId: segment,
        smsText: 'Hei',
      });
      expect(preview.reach).toEqual({
        members: 3,
        sms: { consenting: 2, reachable: 2 },
        email: { consenting: 2, reachable: 2 },
        frequencyCap: 2,
      });
      expect(preview.smsCost?.totalOre).toBe(2 * 45);
      const draft = await made.owner.ok('campaign.create', {
        name: 'Adresser',
        segmentId: segment,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
        email: { subject: 'Hei', text: 'Hei' },
      });
      const sent = await made.owner.ok('campaign.send', { id: draft.id });
      expect(sent.enqueued).toEqual({ sms: 2, email: 2 });
      const queued = await outboxMessages(
        cloud().server.database,
        made.chainId,
        `campaign:${draft.id}`,
      );
      expect(queued.map((m) => `${m.memberId}:${m.channel}`).sort()).toEqual([
        'a-both:email',
        'a-both:sms',
        'a-noemail:sms',
        'a-nophone:email',
      ]);
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'scheduled campaigns',
  (cloud) => {
    it('a draft with a time is sent by the sender’s first round after it, not before', async () => {
      const made = await cloud().chainWithOwner(['Tidsbutikken']);
      const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
      const pushed = await till.push([
        memberEvents('s-1').enrolled(
          NOW - 10 * DAY,
          {
            memberNumber: memberNumberFor('29', 21),
            qrToken: 'qr-s-1-token',
            phoneE164: '+4791234521',
            consents: { sms: true, email: false },
          },
          till.origin,
        ),
      ]);
      expect(pushed.rejected).toEqual([]);
      const segmentId = (await made.owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const sendAt = Date.now() + 60_000;
      const draft = await made.owner.ok('campaign.create', {
        name: 'Planlagt',
        segmentId,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
        sendAt,
      });
      const db = cloud().server.database;
      const messaging = cloud().server.messaging!;
      // A draft with a time never sends itself: the owner confirms (reach and cost) first.
      await sendDue(db, messaging, sendAt + 1000);
      expect((await made.owner.ok('campaign.get', { id: draft.id })).state).toBe('draft');
      expect(await outboxMessages(db, made.chainId, `campaign:${draft.id}`)).toEqual([]);
      const scheduled = await made.owner.ok('campaign.schedule', { id: draft.id });
      expect(scheduled).toMatchObject({ state: 'scheduled', sendAt, unsent: null });
      await sendDue(db, messaging, sendAt - 1000);
      expect((await made.owner.ok('campaign.get', { id: draft.id })).state).toBe('scheduled');
      await sendDue(db, messaging, sendAt + 5 * 60_000);
      const sent = await made.owner.ok('campaign.get', { id: draft.id });
      expect(sent).toMatchObject({ state: 'sent', enqueued: { sms: 1, email: 0 } });
      const queued = await outboxMessages(db, made.chainId, `campaign:${draft.id}`);
      // Queued once; its state is the sender's (queued in quiet hours, 21–08, else being sent).
      expect(queued.map((m) => m.memberId)).toEqual(['s-1']);

      // Scheduled while the cloud was down for more than a day: back to draft, not sent late.
      const late = await made.owner.ok('campaign.create', {
        name: 'For sent',
        segmentId,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
        sendAt,
      });
      await made.owner.ok('campaign.schedule', { id: late.id });
      await sendDue(db, messaging, sendAt + 25 * 60 * 60_000);
      expect(await made.owner.ok('campaign.get', { id: late.id })).toMatchObject({
        state: 'draft',
        sendAt: null,
        unsent: { key: 'backoffice.campaigns.unsentLate' },
      });
      expect(await outboxMessages(db, made.chainId, `campaign:${late.id}`)).toEqual([]);
      // Planning needs a time ahead.
      const noTime = await made.owner.ok('campaign.create', {
        name: 'Uten tid',
        segmentId,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
      });
      const refused = await made.owner.call('campaign.schedule', { id: noTime.id });
      expect(errorOf(refused)).toMatchObject({ code: 'invalid_request', field: 'sendAt' });
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'an offer over by the time of sending',
  (cloud) => {
    it('a scheduled campaign whose offer ended before its time is left unsent with the reason', async () => {
      const made = await cloud().chainWithOwner(['Bonusbutikken']);
      const db = cloud().server.database;
      const bonusUntil = (validTo: string) =>
        parseProgramme({
          name: 'Bonusklubben',
          termsVersion: 'v1',
          timeZone: 'Europe/Oslo',
          bonusCampaigns: [
            {
              id: 'dobbel',
              name: { nb: 'Dobbel poeng', en: 'Double points' },
              multiplier: 2,
              validFrom: isoDate(addDays(today, -10)),
              validTo,
            },
          ],
        });
      await saveProgramme(
        db,
        made.chainId,
        { programme: bonusUntil(isoDate(addDays(today, 7))), staffId: null },
        Date.now() - DAY,
      );
      const segmentId = (await made.owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const sendAt = Date.now() + 60_000;
      const input = {
        name: 'Dobbel poeng',
        segmentId,
        offer: { kind: 'bonus' as const, bonusCampaignId: 'dobbel' },
        sms: { text: 'Dobbel poeng hele uka!' },
        sendAt,
      };
      const scheduled = await made.owner.ok('campaign.create', input);
      await made.owner.ok('campaign.schedule', { id: scheduled.id });
      const draft = await made.owner.ok('campaign.create', input);
      const now = await made.owner.ok('campaign.create', { ...input, sendAt: null });
      // The owner then ends the bonus campaign yesterday in the programme.
      const yesterday = isoDate(addDays(localDateOf(Date.now(), 'Europe/Oslo'), -1));
      await saveProgramme(
        db,
        made.chainId,
        { programme: bonusUntil(yesterday), staffId: null },
        Date.now(),
      );
      const over = {
        code: 'invalid_request',
        field: 'offer.bonusCampaignId',
        said: { key: 'backoffice.campaigns.offerOver', params: { date: yesterday } },
      };
      expect(errorOf(await made.owner.call('campaign.schedule', { id: draft.id }))).toMatchObject(
        over,
      );
      expect(errorOf(await made.owner.call('campaign.send', { id: now.id }))).toMatchObject(over);

      await sendDue(db, cloud().server.messaging!, sendAt + 1000);
      expect(await made.owner.ok('campaign.get', { id: scheduled.id })).toMatchObject({
        state: 'draft',
        sendAt: null,
        unsent: { key: 'backoffice.campaigns.unsentOfferOver' },
      });
      for (const id of [scheduled.id, draft.id, now.id])
        expect(await outboxMessages(db, made.chainId, `campaign:${id}`)).toEqual([]);
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'editing and deleting drafts',
  (cloud) => {
    it('a draft is changed or deleted; a sent campaign is neither', async () => {
      const made = await cloud().chainWithOwner(['Utkastbutikken']);
      const owner = made.owner;
      const segmentId = (await owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const input = {
        name: 'Utkast',
        segmentId,
        offer: { kind: 'message' as const },
        sms: { text: 'Hei' },
      };
      const draft = await owner.ok('campaign.create', input);
      const changed = await owner.ok('campaign.update', {
        id: draft.id,
        campaign: {
          ...input,
          name: 'Vårsalg',
          sms: null,
          email: { subject: 'Vårsalg', text: 'Hei!' },
        },
      });
      expect(changed).toMatchObject({
        id: draft.id,
        name: 'Vårsalg',
        state: 'draft',
        sms: null,
        email: { subject: 'Vårsalg', text: 'Hei!' },
        channels: { sms: false, email: true },
      });
      const bad = await owner.call('campaign.update', {
        id: draft.id,
        campaign: { ...input, offer: { kind: 'coupon', couponCampaignId: 'finnes-ikke' } },
      });
      expect(errorOf(bad)).toMatchObject({ field: 'offer.couponCampaignId' });
      expect((await owner.ok('campaign.get', { id: draft.id })).name).toBe('Vårsalg');

      expect(await owner.ok('campaign.delete', { id: draft.id })).toEqual({ id: draft.id });
      expect((await owner.call('campaign.get', { id: draft.id })).status).toBe(404);
      expect((await owner.call('campaign.delete', { id: draft.id })).status).toBe(404);

      const sent = await owner.ok('campaign.create', input);
      await owner.ok('campaign.send', { id: sent.id });
      const edit = await owner.call('campaign.update', { id: sent.id, campaign: input });
      expect(errorOf(edit)).toMatchObject({ code: 'invalid_request', field: 'id' });
      const gone = await owner.call('campaign.delete', { id: sent.id });
      expect(errorOf(gone)).toMatchObject({ code: 'invalid_request', field: 'id' });
      expect((await owner.ok('campaign.get', { id: sent.id })).state).toBe('sent');
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'a channel with no provider',
  (cloud) => {
    it('refuses the send, naming the channel; nothing is queued', async () => {
      const made = await cloud().chainWithOwner(['Smsbutikken']);
      const segmentId = (await made.owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const draft = await made.owner.ok('campaign.create', {
        name: 'Med e-post',
        segmentId,
        offer: { kind: 'message' },
        sms: { text: 'Hei' },
        email: { subject: 'Hei', text: 'Hei' },
      });
      const refused = await made.owner.call('campaign.send', { id: draft.id });
      expect(errorOf(refused)).toMatchObject({
        code: 'invalid_request',
        field: 'email',
        said: { key: 'backoffice.campaigns.noEmailProvider' },
      });
      expect((await made.owner.ok('campaign.get', { id: draft.id })).state).toBe('draft');
      const db = cloud().server.database;
      expect(await outboxMessages(db, made.chainId)).toEqual([]);
    });
  },
  { messaging: { ...PROVIDERS.messaging, email: null } },
);

describeBackoffice(
  'scheduled campaigns that cannot go',
  (cloud) => {
    it('a refused or failing draft leaves the due set with its reason; the others are sent', async () => {
      const db = cloud().server.database;
      const messaging = cloud().server.messaging!;
      const made = await cloud().chainWithOwner(['Købutikken']);
      const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse 1');
      const pushed = await till.push([
        memberEvents('k-1').enrolled(
          NOW - 10 * DAY,
          {
            memberNumber: memberNumberFor('29', 31),
            qrToken: 'qr-k-1-token',
            phoneE164: '+4791234531',
            consents: { sms: true, email: false },
          },
          till.origin,
        ),
      ]);
      expect(pushed.rejected).toEqual([]);
      const owner = made.owner;
      const kept = (await owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const gone = (await owner.ok('segment.save', { name: 'Borte', rule: {} })).id;
      const broken = (await owner.ok('segment.save', { name: 'Ødelagt', rule: {} })).id;
      const sendAt = Date.now() + 60_000;
      const draft = async (name: string, segmentId: string, at: number) => {
        const made = await owner.ok('campaign.create', {
          name,
          segmentId,
          offer: { kind: 'message' },
          sms: { text: 'Hei' },
          sendAt: at,
        });
        return owner.ok('campaign.schedule', { id: made.id });
      };
      // Twenty-one refused drafts due before the good one: before, they filled LIMIT 20 for good.
      const refused = [];
      for (let i = 0; i < 21; i++) refused.push(await draft(`Borte ${i}`, gone, sendAt + i));
      // One whose segment cannot be read (not a BoError: before, it aborted every round).
      const failing = await draft('Ødelagt', broken, sendAt + 30);
      const good = await draft('God', kept, sendAt + 60);
      await owner.ok('segment.delete', { id: gone });
      await db.query(`UPDATE saved_segments SET rule = '"not a rule"'::jsonb WHERE id = $1`, [
        broken,
      ]);
      const errors: unknown[] = [];
      const later = sendAt + 5 * 60_000;
      await sendDue(db, messaging, later, (error) => errors.push(error));
      await sendDue(db, messaging, later + 1000, (error) => errors.push(error));
      expect((await owner.ok('campaign.get', { id: good.id })).state).toBe('sent');
      const queued = await outboxMessages(db, made.chainId, `campaign:${good.id}`);
      expect(queued.map((m) => m.memberId)).toEqual(['k-1']);
      for (const r of refused) {
        const c = await owner.ok('campaign.get', { id: r.id });
        expect(c).toMatchObject({
          state: 'draft',
          sendAt: null,
          unsent: { key: 'backoffice.campaigns.unsentSegmentGone' },
        });
      }
      // A failure that is not a refusal is logged and tried again next round, still scheduled.
      expect(errors).toHaveLength(1);
      await sendDue(db, messaging, later + 2000, (error) => errors.push(error));
      expect(errors).toHaveLength(2);
      // (Its page cannot be read either: the campaign's row itself.)
      const [row] = await db.query<{ state: string; send_at: unknown; unsent_reason: unknown }>(
        `SELECT state, send_at, unsent_reason FROM campaigns WHERE id = $1`,
        [failing.id],
      );
      expect([row!.state, Number(row!.send_at), row!.unsent_reason]).toEqual([
        'scheduled',
        sendAt + 30,
        null,
      ]);
      // Changing the draft clears the reason.
      const changed = await owner.ok('campaign.update', {
        id: refused[0]!.id,
        campaign: {
          name: 'Igjen',
          segmentId: kept,
          offer: { kind: 'message' },
          sms: { text: 'Hei' },
          email: null,
          sendAt: null,
        },
      });
      expect(changed.unsent).toBeNull();
    });
  },
  PROVIDERS,
);

describeBackoffice(
  'a scheduled campaign on a channel with no provider',
  (cloud) => {
    it('is taken out of the due set with the channel named', async () => {
      const made = await cloud().chainWithOwner(['Epostløs']);
      const segmentId = (await made.owner.ok('segment.save', { name: 'Alle', rule: {} })).id;
      const sendAt = Date.now() + 60_000;
      const draft = await made.owner.ok('campaign.create', {
        name: 'E-post',
        segmentId,
        offer: { kind: 'message' },
        email: { subject: 'Hei', text: 'Hei' },
        sendAt,
      });
      // Planned before the provider was taken away (the row as campaign.schedule leaves it).
      const db = cloud().server.database;
      await db.query(`UPDATE campaigns SET state = 'scheduled' WHERE id = $1`, [draft.id]);
      await sendDue(db, cloud().server.messaging!, sendAt + 1000);
      expect(await made.owner.ok('campaign.get', { id: draft.id })).toMatchObject({
        state: 'draft',
        sendAt: null,
        unsent: { key: 'backoffice.campaigns.noEmailProvider' },
      });
    });
  },
  { messaging: { ...PROVIDERS.messaging, email: null } },
);
