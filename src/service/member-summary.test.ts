import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import type { LojalEvent } from '../core/events';
import { memberView } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import { maskPhone } from '../core/phone';
import { parseProgramme } from '../core/programme';
import type { Programme, ProgrammeInput } from '../core/programme';
import { bakery } from '../core/templates/bakery';
import { appendEvents, memberSummaryByPhone, newQrToken, openDatabase } from '../store';
import type { Db } from '../store';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import type { MemberSummary } from './commands';
import { summaryFromColumns } from './member-access';
import { openTestTill } from './testing';
import type { TestTill } from './testing';

const T0 = Date.UTC(2025, 9, 1, 9, 0, 0);
const DAY = 86_400_000;

/** The summary as the lookup answered it before the summary columns: from the full member view. */
function summaryFromView(programme: Programme, ledger: MemberLedger, now: number): MemberSummary {
  const view = memberView(programme, ledger, now);
  return {
    memberId: view.memberId,
    memberNumber: view.memberNumber,
    firstName: view.profile.firstName,
    phoneMasked: view.phoneE164 === null ? '' : maskPhone(view.phoneE164),
    tierName: view.tier?.name ?? null,
    pointsBalance: view.points.balance,
  };
}

const levels = (thresholds: number[]) =>
  thresholds.map((threshold, i) => ({
    id: `l${i}`,
    name: { nb: `Nivå ${i}`, en: `Level ${i}` },
    threshold,
    benefit: { kind: 'none' as const },
  }));

/** Tier set-ups the columns must get right: rolling and calendar periods, a first level above 0, none. */
const PROGRAMMES: Record<string, Programme> = {
  bakery: bakery.programme,
  calendar: programmeWith({
    tiers: { qualification: { kind: 'calendar_year' }, levels: levels([0, 100, 300]) },
  }),
  firstLevelAbove0: programmeWith({
    tiers: { qualification: { kind: 'rolling', years: 1 }, levels: levels([50, 400]) },
  }),
  tiersOff: programmeWith({
    tiers: { enabled: false, qualification: { kind: 'calendar_year' }, levels: levels([0, 100]) },
  }),
  noTiers: programmeWith({ tiers: null }),
};

function programmeWith(input: Partial<ProgrammeInput>): Programme {
  return parseProgramme({ name: 'Test', termsVersion: 'v1', ...input });
}

/** Members earning, spending, expiring and pending points over a year and a half. */
function history(): LojalEvent[] {
  let state = 12_345;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const till = testTill('till-a');
  const events: LojalEvent[] = [];
  const members: string[] = [];
  let at = T0;
  for (let i = 0; i < 600; i++) {
    at += Math.floor(random() * DAY);
    if (members.length < 5 || random() < 0.2) {
      const memberId = `m${members.length + 1}`;
      members.push(memberId);
      events.push(
        till.enrolled(memberId, at, {
          memberNumber: memberNumberFor('29', members.length),
          phoneE164: `+47${random() < 0.8 ? 9 : 2}${String(members.length).padStart(7, '0')}`,
          qrToken: newQrToken(),
        }),
      );
      continue;
    }
    const memberId = members[Math.floor(random() * members.length)]!;
    const points = Math.floor(random() * 120);
    events.push(
      till.sale(memberId, at, {
        effects: {
          pointsEarned: points,
          pointsRedeemed: random() < 0.2 ? Math.floor(random() * 60) : 0,
          pointsAvailableAt: at + (random() < 0.3 ? 14 * DAY : 0),
          pointsExpireAt: random() < 0.6 ? at + Math.floor(30 + random() * 300) * DAY : null,
          qualifyingSpendOre: points * 1000,
        },
      }),
    );
  }
  return events;
}

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
  appendEvents(db, history(), { origin: 'remote' });
});
afterEach(() => {
  db.close();
  tmp.remove();
});

describe('the lookup summary from the projection columns', () => {
  it('equals the summary from the full member view whenever it answers', () => {
    const ledgers = (
      db.prepare('SELECT ledger FROM members WHERE erased = 0').pluck().all() as string[]
    ).map((json) => JSON.parse(json) as MemberLedger);
    const nows = Array.from({ length: 12 }, (_, k) => T0 + k * 50 * DAY + 3_600_000);
    for (const [name, programme] of Object.entries(PROGRAMMES)) {
      let answered = 0;
      let declined = 0;
      for (const ledger of ledgers) {
        const row = memberSummaryByPhone(db, ledger.phoneE164!);
        expect(row?.memberId).toBe(ledger.memberId);
        for (const now of nows) {
          if (now < ledger.enrolledAt) continue;
          const fromColumns = summaryFromColumns(programme, row!, now);
          if (fromColumns === null) {
            declined += 1;
            continue;
          }
          answered += 1;
          expect(fromColumns, `${name} ${ledger.memberId} at ${now}`).toEqual(
            summaryFromView(programme, ledger, now),
          );
        }
      }
      // Both ways are taken under every set-up with tiers; without, the columns nearly always answer.
      expect(answered, name).toBeGreaterThan(100);
      if (name !== 'tiersOff' && name !== 'noTiers') expect(declined, name).toBeGreaterThan(10);
    }
  });
});

describe('member.lookup', () => {
  let till: TestTill;
  beforeEach(async () => {
    till = await openTestTill({ start: T0 });
  });
  afterEach(() => till.close());

  it('answers what the member view says, by phone, card and QR, before and after points age', async () => {
    const members: Array<{ memberId: string; phone: string }> = [];
    for (let i = 0; i < 6; i++) {
      const phone = `9${String(1_000_000 + i * 7).padStart(7, '0')}`;
      const { member } = await till.call('member.enrol', {
        phone,
        acceptTerms: true,
        profile: { firstName: `Navn${i}` },
      });
      members.push({ memberId: member.memberId, phone });
      // Enough bread for Sølv (500 points) for some: the tier then depends on the periods.
      for (let s = 0; s < i; s++) {
        till.clock.now += DAY;
        await till.call('sale.commit', {
          lines: [{ sku: 'kvaefjordkake', quantity: 4 }],
          memberId: member.memberId,
          idempotencyKey: `sale-${i}-${s}`,
          paymentMethod: 'card',
        });
      }
    }
    for (const step of [0, 200, 400, 800]) {
      till.clock.now += step * DAY;
      for (const { memberId, phone } of members) {
        // The manager's member.get is the full member view, unmasked.
        const view = await till.call('member.get', { memberId }, till.manager);
        const expected: MemberSummary = {
          memberId,
          memberNumber: view.memberNumber,
          firstName: view.profile.firstName,
          phoneMasked: maskPhone(view.phoneE164!),
          tierName: view.tier?.name ?? null,
          pointsBalance: view.points.balance,
        };
        for (const query of [phone, `+47 ${phone}`, view.memberNumber, view.qrToken]) {
          const found = await till.call('member.lookup', { query });
          expect(found.member, `${query} at +${step} days`).toEqual(expected);
        }
      }
    }
  });
});
