/**
 * A till's day as events, made directly (the service would take minutes to
 * ring up 10,000 sales, fsync by fsync): enrolments, member and anonymous
 * sales of the bakery's products with their effects (points, stamps, per-line
 * earnings), voids, profile and consent changes. Every event passes
 * parseEvent; sizes are those of real ones (a member sale is about 2 kB).
 */
import { v7 as uuidv7 } from 'uuid';
import { memberNumberFor } from '../../src/core/ean13';
import { EVENT_SCHEMA_VERSION, parseEvent } from '../../src/core/events';
import type {
  EventEnvelope,
  EventPayload,
  EventType,
  LojalEvent,
  SaleLine,
} from '../../src/core/events';
import { encodeHlc } from '../../src/core/hlc';
import { programmeTemplate } from '../../src/core/templates';
import { prng } from '../till-store/random';

export interface Identity {
  chainId: string;
  storeId: string;
  terminalId: string;
}

const products = programmeTemplate('bakeri')!.catalogue.filter((p) => p.category !== 'Gavekort');

export interface DayOptions {
  identity: Identity;
  /** The first event's time; events follow a few seconds apart. */
  startMs: number;
  count: number;
  /** This till's block of member numbers (see src/store/members.ts). */
  slot: number;
  seed?: number;
  /** Only enrolments (a chain's member base). */
  enrolmentsOnly?: boolean;
  /** Members enrolled before this day (at other tills): sold to like the day's own. */
  knownMembers?: readonly string[];
  /** No enrolments after the first `enrolFirst` events (a history of known members). */
  enrolFirst?: number;
  /** The share of sales to a member (default 0.6). */
  memberShare?: number;
  /** The mean time between events (default about 3.5 s). */
  meanGapMs?: number;
}

export function dayOfEvents(options: DayOptions): LojalEvent[] {
  // Seeded, so every run measures the same day.
  const random = prng(options.seed ?? 1);
  const events: LojalEvent[] = [];
  const members: string[] = [...(options.knownMembers ?? [])];
  const sales: Array<{ saleId: string; memberId: string | null }> = [];
  let at = options.startMs;
  let counter = 0;
  const envelope = <T extends EventType>(
    type: T,
    memberId: string | null,
    payload: EventPayload<T>,
  ): EventEnvelope<T> => ({
    id: uuidv7({ msecs: at }),
    ...options.identity,
    hlc: encodeHlc({
      wallMs: at,
      counter: counter++,
      node: options.identity.terminalId.slice(0, 64),
    }),
    type,
    memberId,
    payload,
    schemaVersion: EVENT_SCHEMA_VERSION,
  });

  const enrol = () => {
    const memberId = uuidv7({ msecs: at });
    const n = members.length;
    events.push(
      envelope('member.enrolled', memberId, {
        memberNumber: memberNumberFor('29', options.slot * 1_000_000 + n + 1),
        qrToken: `QR${memberId.replace(/-/g, '').toUpperCase()}`.slice(0, 26),
        phoneE164: `+479${String(options.slot % 100).padStart(2, '0')}${String(n).padStart(5, '0')}`,
        profile: {
          firstName: `Medlem${n}`,
          lastName: `Nordmann${n % 97}`,
          email: null,
          birthDate: `19${50 + (n % 50)}-0${1 + (n % 9)}-1${n % 9}`,
          postalCode: String(1000 + (n % 8999)),
          gender: null,
        },
        termsVersion: '2026-01',
        consents: { sms: n % 3 === 0, email: n % 5 === 0 },
        referrerId: null,
        staffId: 'demo-kari',
        at,
      }),
    );
    members.push(memberId);
  };

  const sell = () => {
    const memberId =
      random() < (options.memberShare ?? 0.6) && members.length > 0
        ? members[Math.floor(random() * members.length)]!
        : null;
    const lines: SaleLine[] = [];
    for (let l = 0; l < 1 + Math.floor(random() * 3); l++) {
      const p = products[Math.floor(random() * products.length)]!;
      const quantity = 1 + Math.floor(random() * 3);
      const unit = memberId && p.memberPriceOre !== undefined ? p.memberPriceOre : p.priceOre;
      lines.push({
        lineId: `L${l + 1}`,
        sku: p.sku,
        name: p.name,
        category: p.category,
        quantity,
        unitPriceOre: p.priceOre,
        vatRate: p.vatRate,
        listOre: p.priceOre * quantity,
        paidOre: unit * quantity,
        discounts:
          unit === p.priceOre
            ? []
            : [{ benefitId: 'member-price', amountOre: (p.priceOre - unit) * quantity }],
      });
    }
    const totalOre = lines.reduce((sum, l) => sum + l.paidOre, 0);
    const listOre = lines.reduce((sum, l) => sum + l.listOre, 0);
    const vatOre = Math.round((totalOre * 15) / 115);
    const points = Math.floor(totalOre / 1000);
    const coffee = lines.filter((l) => l.category === 'Kaffe').reduce((n, l) => n + l.quantity, 0);
    const saleId = uuidv7({ msecs: at });
    events.push(
      envelope('sale.committed', memberId, {
        saleId,
        idempotencyKey: `bench-${saleId}`,
        receiptNo: `${options.slot}-${events.length + 1}`,
        staffId: 'demo-kari',
        at,
        paymentMethod: random() < 0.8 ? 'card' : 'vipps',
        verified: false,
        lines,
        benefits:
          listOre === totalOre
            ? []
            : [
                {
                  id: 'member-price',
                  kind: 'member_price',
                  amountOre: listOre - totalOre,
                  reason: { nb: 'Medlemspris', en: 'Member price' },
                },
              ],
        listOre,
        totalOre,
        vat: [{ rate: 15, grossOre: totalOre, vatOre, netOre: totalOre - vatOre }],
        effects:
          memberId === null
            ? null
            : {
                pointsEarned: points,
                pointsReasons: [
                  { points, reason: { nb: '1 poeng per 10 kr', en: '1 point per NOK 10' } },
                ],
                pointsAvailableAt: at,
                pointsExpireAt: at + 730 * 86_400_000,
                pointsRedeemed: 0,
                cashbackEarnedOre: 0,
                cashbackRedeemedOre: 0,
                stamps: coffee > 0 ? [{ cardId: 'kaffe', count: coffee }] : [],
                couponsRedeemed: [],
                rewardsRedeemed: [],
                tierOnceUsed: null,
                qualifyingSpendOre: totalOre,
                categories: [...new Set(lines.map((l) => l.category))],
                lineEarnings: lines.map((l) => ({
                  lineId: l.lineId,
                  points: l === lines[0] ? points : 0,
                  cashbackOre: 0,
                  qualifyingSpendOre: l.paidOre,
                  stampUnits:
                    l.category === 'Kaffe' ? [{ cardId: 'kaffe', count: l.quantity }] : [],
                })),
              },
        earnedSummary:
          memberId === null ? undefined : [{ nb: `${points} poeng`, en: `${points} points` }],
      }),
    );
    sales.push({ saleId, memberId });
  };

  while (events.length < options.count) {
    const gap = options.meanGapMs ?? 3_500;
    at += Math.floor((gap * 2) / 7 + random() * ((gap * 10) / 7));
    const roll = random();
    const enrolling =
      options.enrolFirst === undefined ? roll < 0.08 : events.length < options.enrolFirst;
    if (options.enrolmentsOnly || enrolling || members.length === 0) enrol();
    else if (roll < 0.12 && sales.length > 0) {
      const { saleId, memberId } = sales.splice(Math.floor(random() * sales.length), 1)[0]!;
      events.push(
        envelope('sale.voided', memberId, { saleId, staffId: 'demo-morten', reason: 'feil', at }),
      );
    } else if (roll < 0.14) {
      const memberId = members[Math.floor(random() * members.length)]!;
      events.push(
        envelope('member.consent_changed', memberId, {
          channel: 'sms',
          granted: random() < 0.5,
          termsVersion: '2026-01',
          staffId: 'demo-kari',
          at,
        }),
      );
    } else sell();
  }
  // Made by hand, so checked like anything arriving from outside.
  return events.map((e) => parseEvent(JSON.parse(JSON.stringify(e))));
}
