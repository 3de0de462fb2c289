/**
 * Scoping over the whole command map, as a property: a store manager of one
 * store, and the owner of another chain, call any command of the back office
 * with inputs made of their own ids, another store's and another chain's ids
 * (in every field, and in extra fields naming a chain or a store), and no
 * answer ever holds anything of what they may not reach; nothing of it is
 * changed. A command added to the map without a probe here does not compile.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { BO_COMMAND_NAMES } from '../../src/contract/backoffice';
import type { BoCommandName, BoInput } from '../../src/contract/backoffice';
import { ROUTES } from '../../src/sync/protocol';
import { memberNumberFor } from '../../src/core/ean13';
import { memberEvents } from '../../src/core/member/test-events';
import { programmeTemplates } from '../../src/core/templates';
import type { Till } from '../test/cloud';
import {
  describeBackoffice,
  PASSWORD,
  staffLoggedIn,
  TEST_PASSWORD_COST,
  staffSaved,
} from '../test/backoffice';
import type { BoCloud, BoBrowser } from '../test/backoffice';

interface Side {
  chainId: string;
  chainName: string;
  storeIds: string[];
  storeCodes: string[];
  terminalIds: string[];
  staffIds: string[];
  memberIds: string[];
  /** Words only this side's data holds (names of stores, tills, staff). */
  words: string[];
  tills: Till[];
  ownerEmail: string;
}

type Probe = (pick: fc.Arbitrary<string>, email: fc.Arbitrary<string>) => fc.Arbitrary<unknown>;

/** One per command: what an actor might send it, ids drawn from `pick`. */
const PROBES: { [N in BoCommandName]: Probe } = {
  'session.get': () => fc.constant({}),
  'session.logIn': (_pick, email) =>
    fc.record({ email, password: fc.constantFrom('feil passord', 'x') }),
  'session.logOut': () => fc.constant({}),
  'account.invite': (pick, email) =>
    fc.record({
      email,
      name: fc.constantFrom('Ny Sjef', 'Ny Eier'),
      role: fc.constantFrom('owner', 'store_manager'),
      storeIds: fc.array(pick, { maxLength: 3 }),
    }),
  'link.inspect': () => fc.record({ token: linkToken() }),
  'account.acceptInvite': () => fc.record({ token: linkToken(), password: fc.constant(PASSWORD) }),
  'password.requestReset': (_pick, email) => fc.record({ email }),
  'password.reset': () => fc.record({ token: linkToken(), password: fc.constant(PASSWORD) }),
  'stores.list': () => fc.constant({}),
  'terminals.revoke': (pick) => fc.record({ terminalId: pick }),
  'staff.list': () => fc.constant({}),
  'stores.add': () => fc.record({ name: fc.constantFrom('Probebutikk', '') }),
  'stores.rename': (pick) => fc.record({ storeId: pick, name: fc.constant('Probenavn') }),
  // A new staff member (named Probe: see the staff list's check below) or a change to one.
  'staff.save': (pick) =>
    fc.oneof(
      fc.record({
        storeId: pick,
        name: fc.constant('Probe Kasserer'),
        role: fc.constant('cashier'),
        pin: fc.constant('482193'),
        pinAgain: fc.constant('482193'),
      }),
      fc.record({
        staffId: pick,
        name: fc.constant('Probe Endret'),
        role: fc.constantFrom('cashier', 'manager'),
        active: fc.boolean(),
      }),
    ),
  'programme.get': () => fc.constant({}),
  'programme.publish': () =>
    fc.record({ programme: fc.constantFrom(...programmeTemplates.map((t) => t.programme)) }),
  'programme.history': () => fc.constant({}),
  'programme.rollBack': () => fc.record({ number: fc.integer({ min: 1, max: 4 }) }),
  'programme.templates': () => fc.constant({}),
  'programme.catalogue': () => fc.constant({}),
  'members.search': () =>
    fc.record({
      q: fc.constantFrom('Torvald', 'Hemmeligsen', '90000001', '+4790000002', 'kjedeBhem', 'ka'),
      page: fc.constantFrom(0, 1),
    }),
  'members.get': (pick) => fc.record({ memberId: pick }),
  'members.updateProfile': (pick) =>
    fc.record({
      memberId: pick,
      profile: fc.record({
        firstName: fc.constantFrom('Endret', ''),
        phone: fc.constant('41000009'),
      }),
    }),
  'members.setConsent': (pick) =>
    fc.record({ memberId: pick, channel: fc.constantFrom('sms', 'email'), granted: fc.boolean() }),
  'members.resetPin': (pick) => fc.record({ memberId: pick }),
  'members.pageLink': (pick) =>
    fc.record({ memberId: pick, action: fc.constantFrom('show', 'renew', 'revoke') }),
  'members.adjustPoints': (pick) =>
    fc.record({
      memberId: pick,
      points: fc.constantFrom(5, -5),
      reason: fc.constant('Feil kasse'),
    }),
  'members.export': (pick) => fc.record({ memberId: pick }),
  'members.erase': (pick) => fc.record({ memberId: pick, confirm: fc.constant(true) }),
  'members.mergeCandidates': (pick) => fc.record({ memberId: pick }),
  'members.merge': (pick) =>
    fc.record({ keepMemberId: pick, absorbMemberId: pick, confirm: fc.constant(true) }),
  'audit.list': (pick) => fc.oneof(fc.record({ memberId: pick }), fc.record({ accountId: pick })),
  'programme.previewMember': (pick) =>
    fc.record({
      query: fc.oneof(pick, fc.constantFrom('90000001', '+4790000002', '2900000000001')),
    }),
  'products.list': (pick) =>
    fc.record({ search: fc.oneof(pick, fc.constant('')), category: fc.constantFrom(null, 'Brød') }),
  // A product's fields are the actor's own words (an answer may say them back): never another's ids.
  'products.save': () =>
    fc.record({
      product: fc.record({
        sku: fc.constantFrom('probe-1', 'probe-2'),
        name: fc.constant('Probebrød'),
        category: fc.constant('Brød'),
        priceOre: fc.constant(4990),
        vatRate: fc.constant(15),
      }),
      previousSku: fc.constantFrom(null, 'probe-1', 'ingen-slik'),
    }),
  'products.remove': () => fc.record({ sku: fc.constantFrom('probe-1', 'ingen-slik') }),
  'products.importCsv': () =>
    fc.record({
      csv: fc.constantFrom(
        'varenummer;navn;kategori;pris;mva\nprobe-2;Probe;Brød;10;15\n',
        'sku,name\nx,y\n',
      ),
      apply: fc.boolean(),
    }),
  'conflicts.list': () => fc.constant({}),
  'conflicts.settle': (pick) =>
    fc.record({
      conflictId: fc.oneof(
        pick,
        fc.constant(CONFLICT_PROBE_IDS[0]!),
        fc.constantFrom(...CONFLICT_PROBE_IDS),
      ),
      action: fc.constantFrom('write_off', 'adjust', 'contacted'),
      note: fc.constant('Probe'),
      points: fc.constantFrom(null, 10),
    }),
  'imports.upload': (pick) =>
    fc.record({
      uploadId: fc.option(pick, { nil: null }),
      fileName: fc.constant('medlemmer.csv'),
      part: fc.constantFrom(0, 1),
      data: fc.constant(Buffer.from('telefon;fornavn\r\n+4791234567;Kari\r\n').toString('base64')),
      last: fc.boolean(),
    }),
  'imports.dryRun': (pick) =>
    fc.record({ uploadId: pick, mapping: fc.constant({ phone: 0 }), locale: fc.constant('nb') }),
  'imports.run': (pick) =>
    fc.record({ uploadId: pick, mapping: fc.constant({ phone: 0 }), from: fc.constant(0) }),
  'members.exportList': () => fc.record({ locale: fc.constantFrom('nb', 'en') }),
  'segment.list': () => fc.constant({}),
  'segment.get': (pick) => fc.record({ id: pick }),
  'segment.save': (pick) =>
    fc.record({
      id: fc.option(pick, { nil: undefined }),
      name: fc.constantFrom('Probesegment', 'Probe to'),
      rule: segmentRuleProbe(pick),
    }),
  'segment.delete': (pick) => fc.record({ id: pick }),
  'segment.count': (pick) => fc.record({ rule: segmentRuleProbe(pick) }),
  'segment.members': (pick) =>
    fc.record({ rule: segmentRuleProbe(pick), page: fc.constantFrom(0, 1) }),
  'segment.export': (pick) =>
    fc.record({ rule: segmentRuleProbe(pick), locale: fc.constantFrom('nb', 'en') }),
  'campaign.list': () => fc.constant({}),
  'campaign.get': (pick) => fc.record({ id: pick }),
  'campaign.settings': () => fc.constant({}),
  'campaign.preview': (pick) =>
    fc.record({ segmentId: pick, smsText: fc.constantFrom(null, 'Hei!') }),
  'campaign.create': (pick) =>
    fc.record({
      name: fc.constant('Probe'),
      segmentId: pick,
      offer: fc.constant({ kind: 'message' }),
      sms: fc.constant({ text: 'Hei!' }),
    }),
  'campaign.send': (pick) => fc.record({ id: pick }),
  'campaign.schedule': (pick) => fc.record({ id: pick }),
  'campaign.setSmsPrice': () => fc.constant({ smsPriceOre: 45 }),
  'campaign.update': (pick) =>
    fc.record({
      id: pick,
      campaign: fc.record({
        name: fc.constant('Probe'),
        segmentId: pick,
        offer: fc.constant({ kind: 'message' }),
        sms: fc.constant({ text: 'Hei!' }),
      }),
    }),
  'campaign.delete': (pick) => fc.record({ id: pick }),
  'automation.list': () => fc.constant({}),
  'automation.save': () =>
    fc.record({
      kind: fc.constantFrom('birthday', 'points_expiring', 'reward_ready', 'win_back'),
      enabled: fc.boolean(),
      channels: fc.constant({ sms: true, email: false }),
      sms: fc.constant({ text: 'Hei {fornavn}!' }),
      email: fc.constant({ subject: 'Hei', text: 'Hei {fornavn}!' }),
    }),
  'calculator.baseline': (pick) => fc.record({ storeIds: fc.array(pick, { maxLength: 2 }) }),
  'reports.memberShare': (pick) => reportRangeProbe(pick),
  'reports.enrolments': (pick) => reportRangeProbe(pick),
  'reports.topMembers': (pick) => reportRangeProbe(pick).map((range) => ({ ...range, n: 10 })),
  'reports.coupons': (pick) => reportRangeProbe(pick),
  'reports.punchCards': (pick) => reportRangeProbe(pick),
  'reports.liability': (pick) => reportRangeProbe(pick),
  'reports.tiers': (pick) => reportRangeProbe(pick),
};

/** A segment rule naming ids drawn from `pick` (members, home stores), or none: everyone. */
function segmentRuleProbe(pick: fc.Arbitrary<string>): fc.Arbitrary<object> {
  return fc.oneof(
    fc.constant({}),
    fc.record({ memberIds: fc.array(pick, { minLength: 1, maxLength: 3 }) }),
    fc.record({ homeStores: fc.array(pick, { minLength: 1, maxLength: 2 }) }),
  );
}

/** A report's stores (none: all the actor reaches) and a range around today. */
function reportRangeProbe(pick: fc.Arbitrary<string>) {
  const day = (offset: number) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return fc.record({
    storeIds: fc.array(pick, { maxLength: 2 }),
    from: fc.constant(day(-3)),
    to: fc.constant(day(1)),
  });
}

/** Ids of the other side's conflicts, filled in before the probes run (conflicts.settle tries them). */
const CONFLICT_PROBE_IDS: string[] = ['0123456789abcdef0123456789abcdef'];

/** A member enrolled at this till (by `staffId`), with a phone and an e-mail of their own. */
async function enrolledAt(
  till: Till,
  memberId: string,
  number: number,
  who: { phoneE164: string; firstName: string; staffId: string },
): Promise<string> {
  const enrolled = memberEvents(memberId).enrolled(
    Date.now() - 60_000,
    {
      phoneE164: who.phoneE164,
      memberNumber: memberNumberFor('29', number),
      qrToken: `qr-${memberId}-token`,
      profile: {
        firstName: who.firstName,
        lastName: 'Hemmeligsen',
        email: `${who.firstName.toLowerCase()}@hemmelig.no`,
        birthDate: null,
        postalCode: null,
        gender: null,
      },
      staffId: who.staffId,
    },
    till.origin,
  );
  expect((await till.push([enrolled])).rejected).toEqual([]);
  return memberId;
}

/** Runs of the property per command (fewer than the five wrong passwords that lock an address). */
const RUNS_PER_COMMAND = 4;

function linkToken(): fc.Arbitrary<string> {
  return fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((tail) => `lojal_l_${tail}`);
}

describeBackoffice(
  'scoping over the whole command map',
  (cloud) => {
    let chainA: Side;
    let storeA2: Side;
    let chainB: Side;
    let manager: { browser: BoBrowser; email: string };
    let ownerB: BoBrowser;
    let ownerA: BoBrowser;

    async function side(
      c: BoCloud,
      storeNames: string[],
      secret: string,
    ): Promise<Side & { owner: BoBrowser; stores: Array<{ storeId: string; storeCode: string }> }> {
      const made = await c.chainWithOwner(storeNames);
      const tills: Till[] = [];
      const staffIds: string[] = [];
      for (const [index, store] of made.stores.entries()) {
        const till = await c.pair(store.storeCode, `Kasse ${secret} ${index}`);
        const staffId = `staff-${secret}-${index}`;
        const save = staffSaved(till, staffId, {
          name: `Ansatt ${secret} ${index}`,
          role: 'manager',
          // The chain's first manager needs no author; later saves are by them.
          author: staffIds[0] ?? null,
        });
        const answer = await till.push([
          save,
          staffLoggedIn(till, staffId, save.payload.at + 1000),
        ]);
        expect(answer.rejected).toEqual([]);
        tills.push(till);
        staffIds.push(staffId);
      }
      const member = await enrolledAt(tills[0]!, `member-${secret}`, 2, {
        phoneE164: '+4790000002',
        firstName: secret,
        staffId: staffIds[0]!,
      });
      return {
        memberIds: [member],
        chainId: made.chainId,
        chainName: made.chain,
        storeIds: made.stores.map((s) => s.storeId),
        storeCodes: made.stores.map((s) => s.storeCode),
        terminalIds: tills.map((t) => t.pairing.terminalId),
        staffIds,
        words: [secret, secret.toLowerCase(), made.chain, '+4790000002'],
        tills,
        ownerEmail: made.ownerEmail,
        owner: made.owner,
        stores: made.stores,
      };
    }

    beforeAll(async () => {
      // Chain A: Sentrum (the manager's) and Torget (not theirs); chain B: another chain.
      const a = await cloud().chainWithOwner(['Sentrum']);
      const sentrumTill = await cloud().pair(a.stores[0]!.storeCode, 'Kasse Sentrum');
      const sentrumSave = staffSaved(sentrumTill, 'staff-sentrum', {
        name: 'Sissel Sentrum',
        role: 'manager',
      });
      expect((await sentrumTill.push([sentrumSave])).rejected).toEqual([]);
      const torget = await cloud().server.admin.addStore(a.chain, 'Torget hemmelig');
      const torgetTill = await cloud().pair(torget.storeCode, 'Kasse torgethemmelig');
      // A cashier added at Torget (by Sentrum's manager) who logged in only at Torget.
      const torgetSave = staffSaved(torgetTill, 'staff-torget', {
        name: 'Tor Torgethemmelig',
        author: 'staff-sentrum',
      });
      expect(
        (
          await torgetTill.push([
            torgetSave,
            staffLoggedIn(torgetTill, 'staff-torget', torgetSave.payload.at + 1),
          ])
        ).rejected,
      ).toEqual([]);
      chainA = {
        chainId: a.chainId,
        chainName: a.chain,
        storeIds: [a.stores[0]!.storeId],
        storeCodes: [a.stores[0]!.storeCode],
        terminalIds: [sentrumTill.pairing.terminalId],
        staffIds: ['staff-sentrum'],
        memberIds: [
          await enrolledAt(sentrumTill, 'member-sentrum', 3, {
            phoneE164: '+4790000003',
            firstName: 'Sentrumsmedlem',
            staffId: 'staff-sentrum',
          }),
        ],
        // Chain A's members are the store manager's to find (chain-wide), never chain B's owner's.
        words: ['Sissel Sentrum', 'Sentrumsmedlem', 'Torvald', '+4790000003'],
        tills: [sentrumTill],
        ownerEmail: a.ownerEmail,
      };
      storeA2 = {
        chainId: a.chainId,
        chainName: a.chain,
        storeIds: [torget.storeId],
        storeCodes: [torget.storeCode],
        terminalIds: [torgetTill.pairing.terminalId],
        staffIds: ['staff-torget'],
        // Found by the store manager, but never with Torget's name, staff, phone or e-mail.
        memberIds: [
          await enrolledAt(torgetTill, 'member-torget', 4, {
            phoneE164: '+4790000001',
            firstName: 'Torvald',
            staffId: 'staff-torget',
          }),
        ],
        words: ['Torget hemmelig', 'torgethemmelig', 'Torgethemmelig', '+4790000001', 'torvald@'],
        tills: [torgetTill],
        ownerEmail: a.ownerEmail,
      };
      const b = await side(cloud(), ['Bystasjon', 'Havna'], 'kjedeBhemmelig');
      chainB = b;
      ownerB = b.owner;
      manager = await cloud().storeManager(a.owner, [a.stores[0]!.storeId], 'Per Sentrum');
      ownerA = a.owner;

      // Conflicts: one coupon used at Sentrum and at Torget (the manager's, Torget unnamed),
      // one reward used twice at Torget only, one coupon used twice in chain B.
      const twice = async (tills: [Till, Till], memberId: string, effects: object) => {
        const m = memberEvents(memberId);
        const at = Date.now() - 30_000;
        for (const [k, till] of tills.entries())
          expect(
            (
              await till.push([
                m.sale(at + k, { ...till.origin, saleId: `${memberId}-${k}`, effects }),
              ])
            ).rejected,
          ).toEqual([]);
      };
      await twice([sentrumTill, torgetTill], 'member-sentrum', {
        couponsRedeemed: ['W-member-sentrum'],
      });
      await twice([torgetTill, torgetTill], 'member-torget', {
        rewardsRedeemed: ['K-kaffe-member-torget-1'],
      });
      await twice([b.tills[0]!, b.tills[0]!], b.memberIds[0]!, { couponsRedeemed: ['W-b'] });
      const listedA = await ownerA.ok('conflicts.list');
      const onlyTorget = listedA.open.find((c) => c.kind === 'reward_redeemed_twice')!.conflictId;
      const shared = listedA.open.find((c) => c.kind === 'coupon_redeemed_twice')!.conflictId;
      const ofB = (await ownerB.ok('conflicts.list')).open[0]!.conflictId;
      storeA2.words.push(onlyTorget);
      chainB.words.push(ofB);
      CONFLICT_PROBE_IDS.push(onlyTorget, shared, ofB);
      // The manager sees the shared one (with a sale at their store), not Torget's own.
      expect((await manager.browser.ok('conflicts.list')).open.map((c) => c.conflictId)).toEqual([
        shared,
      ]);
    });

    /** Every marker of what `who` may not reach. */
    const forbiddenFor = (who: 'manager' | 'ownerB'): string[] => {
      const sides = who === 'manager' ? [storeA2, chainB] : [chainA, storeA2];
      const markers = sides.flatMap((s) => [
        ...s.storeIds,
        ...s.storeCodes,
        ...s.terminalIds,
        ...s.staffIds,
        ...s.words,
      ]);
      // The manager's chain is theirs to name (its id and name); another chain's is not.
      if (who === 'manager') markers.push(chainB.chainId, chainB.chainName, chainB.ownerEmail);
      else markers.push(chainA.chainId, chainA.chainName, chainA.ownerEmail);
      return markers;
    };

    async function ensureSignedIn(browser: BoBrowser, email: string) {
      if ((await browser.call('session.get')).status !== 200) await browser.logIn(email);
    }

    for (const who of ['manager', 'ownerB'] as const) {
      it(`${who === 'manager' ? 'a store manager' : 'another chain’s owner'} reaches nothing outside their scope through any command`, async () => {
        const actor = who === 'manager' ? manager.browser : ownerB;
        const actorEmail = who === 'manager' ? manager.email : chainB.ownerEmail;
        const own = who === 'manager' ? chainA : chainB;
        const others = who === 'manager' ? [storeA2, chainB] : [chainA, storeA2];
        const forbidden = forbiddenFor(who);
        const pick = fc.constantFrom(
          ...others.flatMap((s) => [
            ...s.storeIds,
            ...s.terminalIds,
            ...s.staffIds,
            ...s.memberIds,
            s.chainId,
          ]),
          ...own.memberIds,
          ...own.storeIds,
          'ingen-slik',
        );
        const email = fc.constantFrom(
          ...others.map((s) => s.ownerEmail),
          `${cloud().unique('ny')}@bakeri.no`,
          'ingen@bakeri.no',
        );
        const extra = fc.record({
          chainId: fc.constantFrom(...others.map((s) => s.chainId)),
          storeId: fc.constantFrom(...others.flatMap((s) => s.storeIds)),
        });
        const answered = new Set<string>();
        // Each command of the map in turn (as the map grows, a random draw of commands
        // would miss some), with inputs drawn for it.
        for (const name of BO_COMMAND_NAMES) {
          const call = fc.tuple(PROBES[name](pick, email), extra, fc.boolean());
          await fc.assert(
            fc.asyncProperty(call, async ([input, extraFields, withExtra]) => {
              await ensureSignedIn(actor, actorEmail);
              const sent = withExtra ? { ...(input as object), ...extraFields } : input;
              const answer = await actor.call(name, sent as BoInput<typeof name>);
              answered.add(`${name} ${answer.status}`);
              expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBeLessThan(500);
              const shown = JSON.stringify(answer.body);
              for (const marker of forbidden)
                expect(shown, `${name} ${JSON.stringify(sent)} answered ${marker}`).not.toContain(
                  marker,
                );
            }),
            { numRuns: RUNS_PER_COMMAND },
          );
        }
        // Every command was tried.
        const tried = new Set([...answered].map((a) => a.split(' ')[0]));
        expect([...tried].sort()).toEqual([...BO_COMMAND_NAMES].sort());
        if (who === 'manager') {
          // Their role's refusals are there, as is their own store's data.
          expect(answered.has('account.invite 403')).toBe(true);
          await ensureSignedIn(actor, actorEmail);
          const stores = await actor.ok('stores.list');
          expect(stores.map((s) => s.storeId)).toEqual(chainA.storeIds);
        }

        // What they may not reach is as it was: every other till still takes its token.
        for (const side of others) {
          for (const till of side.tills) {
            expect((await till.call('GET', ROUTES.conflicts)).status).toBe(200);
          }
        }
        // (Chain A's owner signed in before: the probes' wrong passwords may have locked the address.)
        const everything = await ownerA.ok('stores.list');
        expect(everything.flatMap((s) => s.terminals.map((t) => t.terminalId))).toEqual(
          expect.arrayContaining(storeA2.terminalIds),
        );
        const staff = await ownerA.ok('staff.list');
        // Those the probes added at the actor's own store are theirs; the others are as they were.
        const notProbes = staff.filter((s) => s.name !== 'Probe Kasserer');
        expect(notProbes.map((s) => s.staffId).sort()).toEqual(['staff-sentrum', 'staff-torget']);
        expect(notProbes.map((s) => s.name)).not.toContain('Probe Endret');
      });
    }
  },
  // The probes type wrong passwords from one address many times: the per-address bucket has its own test.
  {
    accounts: {
      passwordCost: TEST_PASSWORD_COST,
      perClientAddress: { capacity: 10_000, refillPerSecond: 100 },
    },
  },
);
