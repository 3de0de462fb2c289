/**
 * Generates the benchmark's store: the bakery programme, members enrolled over a
 * year and a year of sales from four tills, written through the store's one
 * write door (`appendEvents`, in large transactions) so every projection is
 * exactly what a till that received these events by sync would hold. Sales are
 * priced by the real engine (`evaluateBasket`) against the member as they were
 * at the time, so points, stamps, tiers and used coupons are realistic.
 *
 * Run as a child process (`node generate.mjs OUT_FILE`): it allocates a lot and
 * the measuring process should not inherit that heap.
 */
import { renderAll } from '../../src/i18n/render';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { computeReturn, evaluateBasket } from '../../src/core/basket';
import type { BasketLineInput, BasketSelections } from '../../src/core/basket-types';
import type { Product } from '../../src/core/catalogue';
import { memberNumberFor } from '../../src/core/ean13';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope, EventPayload, EventType, LojalEvent } from '../../src/core/events';
import { encodeHlc, tickHlc } from '../../src/core/hlc';
import type { Hlc } from '../../src/core/hlc';
import { saleCommittedPayload } from '../../src/core/sale';
import { applyMemberEvent, memberView, purchasedCouponId } from '../../src/core/member';
import { validThrough } from '../../src/core/member/local-days';
import type { MemberLedger } from '../../src/core/member-types';
import type { Programme } from '../../src/core/programme';
import { openTillService } from '../../src/service';
import { DATABASE_FILE } from '../../src/service/till-service';
import {
  allProducts,
  appendEvents,
  currentProgramme,
  hashPin,
  loadLedger,
  openDatabase,
} from '../../src/store';
import type { Db } from '../../src/store';
import {
  BENCH_TERMINAL,
  CHAIN_ID,
  fixtureParams,
  TILLS,
  YEAR_END,
  YEAR_START,
  type FixtureParams,
} from './fixture';
import { intBelow, pick, prng, qrToken, uuidv7, type Random } from './random';

export interface GenerationReport {
  params: FixtureParams;
  seconds: number;
  events: number;
  members: number;
  sales: number;
  memberSales: number;
  bytes: number;
}

// prettier-ignore
const FIRST_NAMES = [
  'Kari', 'Ola', 'Ingrid', 'Lars', 'Nora', 'Emma', 'Jakob', 'Sofie', 'Olav', 'Åse',
  'Øyvind', 'Marit', 'Henrik', 'Sigrid', 'Anders', 'Hanne', 'Magnus', 'Ida', 'Per', 'Solveig',
  'Knut', 'Maja', 'Erik', 'Thea', 'Bjørn', 'Astrid', 'Jonas', 'Liv', 'Tor', 'Ragnhild',
];
// prettier-ignore
const LAST_NAMES = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen',
  'Jensen', 'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen',
  'Johannessen', 'Andreassen', 'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen',
  'Lund', 'Sørensen', 'Jakobsen', 'Moen', 'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Bakke',
];
const POSTAL_CODES = [
  '0150',
  '0250',
  '0351',
  '0457',
  '0560',
  '0661',
  '0768',
  '0870',
  '0975',
  '1337',
];

/** What bakery customers buy, by category, and how often. */
const CATEGORY_WEIGHTS: Array<[string, number]> = [
  ['Kaffe', 40],
  ['Brød', 25],
  ['Bakst', 20],
  ['Kaker', 8],
  ['Drikke', 5],
  ['Varer', 1.5],
  ['Gavekort', 0.5],
];
const LINE_COUNT_WEIGHTS = [35, 30, 20, 10, 5];

function weighted<T>(random: Random, items: ReadonlyArray<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let roll = random() * total;
  for (const [item, w] of items) {
    roll -= w;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

interface RecentSale {
  saleId: string;
  memberId: string | null;
  terminal: number;
  payload: EventPayload<'sale.committed'>;
  touched: boolean;
}

export function generateStore(
  outFile: string,
  params: FixtureParams,
  log: (line: string) => void,
): GenerationReport {
  const started = Date.now();
  const work = `${outFile}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // The demo bakery (programme, catalogue, staff) exactly as a new till seeds it.
  openTillService({
    dataDir: work,
    terminal: BENCH_TERMINAL,
    clock: () => YEAR_START - 86_400_000,
  }).close();

  const dbFile = join(work, DATABASE_FILE);
  const { db } = openDatabase(dbFile);
  // Generation only: the finished file is checkpointed and closed before use,
  // and the service reopens it with its own durable settings.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');

  const counts = generateEvents(db, params, log);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(dbFile, outFile);
  rmSync(work, { recursive: true, force: true });
  return {
    params,
    seconds: (Date.now() - started) / 1000,
    ...counts,
    bytes: statSync(outFile).size,
  };
}

function generateEvents(
  db: Db,
  params: FixtureParams,
  log: (line: string) => void,
): Omit<GenerationReport, 'params' | 'seconds' | 'bytes'> {
  const random = prng(params.seed);
  const programme: Programme = currentProgramme(db)!.programme;
  const products = allProducts(db);
  const byCategory = new Map<string, Product[]>();
  for (const p of products) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  /** Each till's last HLC: it ticks once per event from the event's wall time, as a till's does. */
  const clocks = TILLS.map((): Hlc | null => null);
  const memberCounters = TILLS.map(() => 0);
  const receiptCounters = TILLS.map(() => 0);
  // One PIN hash for every member with a PIN: scrypt per member would dominate generation.
  const pinHash = hashPin('2468');

  const memberIds: string[] = [];
  const regulars: number[] = [];
  const erased = new Set<string>();
  const recent: RecentSale[] = [];

  let pending: LojalEvent[] = [];
  const pendingMembers = new Set<string>();
  let events = 0;
  let sales = 0;
  let memberSales = 0;
  let sinceCommit = 0;

  const flush = (at: number) => {
    if (pending.length === 0) return;
    appendEvents(db, pending, { origin: 'remote', receivedAt: at });
    events += pending.length;
    sinceCommit += pending.length;
    pending = [];
    pendingMembers.clear();
    if (sinceCommit >= 50_000) {
      db.exec('COMMIT');
      db.exec('BEGIN');
      sinceCommit = 0;
    }
  };

  function envelope<T extends EventType>(
    till: number,
    type: T,
    memberId: string | null,
    payload: EventPayload<T> & { at: number },
    id?: string,
  ): EventEnvelope<T> {
    const t = TILLS[till]!;
    const hlc = tickHlc(clocks[till] ?? null, payload.at, t.terminalId);
    clocks[till] = hlc;
    const event = {
      id: id ?? uuidv7(random, payload.at),
      chainId: CHAIN_ID,
      storeId: t.storeId,
      terminalId: t.terminalId,
      hlc: encodeHlc(hlc),
      type,
      memberId,
      payload,
      schemaVersion: EVENT_SCHEMA_VERSION,
    } as EventEnvelope<T>;
    pending.push(event as LojalEvent);
    if (memberId !== null) pendingMembers.add(memberId);
    return event;
  }

  function ledgerOf(memberId: string, at: number): MemberLedger | null {
    if (pendingMembers.has(memberId)) flush(at);
    return loadLedger(db, memberId);
  }

  function enrol(i: number, at: number): void {
    const till = intBelow(random, TILLS.length);
    memberCounters[till]! += 1;
    const memberId = uuidv7(random, at);
    memberIds.push(memberId);
    if (random() < 0.01) regulars.push(i);
    const year = 1945 + intBelow(random, 63);
    const birthDate =
      random() < 0.8
        ? `${year}-${String(1 + intBelow(random, 12)).padStart(2, '0')}-${String(1 + intBelow(random, 28)).padStart(2, '0')}`
        : null;
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    envelope(till, 'member.enrolled', memberId, {
      memberNumber: memberNumberFor(
        programme.memberNumberPrefix,
        TILLS[till]!.slot * 1_000_000 + memberCounters[till]!,
      ),
      qrToken: qrToken(random),
      phoneE164: `+47${phoneDigits(i)}`,
      profile: {
        firstName,
        lastName: random() < 0.9 ? lastName : null,
        email: random() < 0.4 ? `${firstName}.${lastName}${i}@example.no`.toLowerCase() : null,
        birthDate,
        postalCode: random() < 0.7 ? pick(random, POSTAL_CODES) : null,
        gender: random() < 0.6 ? pick(random, ['female', 'male', 'other'] as const) : null,
      },
      termsVersion: programme.termsVersion,
      consents: { sms: random() < 0.55, email: random() < 0.3 },
      referrerId: null,
      staffId: 'demo-kari',
      at,
    });
    if (random() < 0.02) envelope(till, 'member.pin_set', memberId, { pinHash, at: at + 1 });
  }

  function basketLines(): BasketLineInput[] {
    const n =
      1 +
      weighted(
        random,
        LINE_COUNT_WEIGHTS.map((w, k): [number, number] => [k, w]),
      );
    const lines: BasketLineInput[] = [];
    for (let k = 0; k < n; k++) {
      const p = pick(random, byCategory.get(weighted(random, CATEGORY_WEIGHTS))!);
      lines.push({
        lineId: `L${k + 1}`,
        sku: p.sku,
        name: p.name,
        category: p.category,
        quantity: random() < 0.8 ? 1 : 2 + intBelow(random, 2),
        unitPriceOre: p.priceOre,
        ...(p.memberPriceOre === undefined ? {} : { memberPriceOre: p.memberPriceOre }),
        vatRate: p.vatRate,
      });
    }
    return lines;
  }

  function sale(at: number): void {
    const till = intBelow(random, TILLS.length);
    let memberId: string | null = null;
    if (memberIds.length > 0 && random() < params.memberShare) {
      const index =
        regulars.length > 0 && random() < 0.7
          ? pick(random, regulars)
          : intBelow(random, memberIds.length);
      memberId = memberIds[index]!;
      if (erased.has(memberId)) memberId = null;
    }
    let ledger = memberId === null ? null : ledgerOf(memberId, at);
    let t = at;
    const offer = programme.pointsOffers[0];
    if (ledger && offer && random() < 0.3) {
      const balance = memberView(programme, ledger, t).points.balance;
      if (balance >= offer.costPoints) {
        const eventId = uuidv7(random, t);
        const bought = envelope(
          till,
          'coupon.purchased',
          ledger.memberId,
          {
            couponId: purchasedCouponId(eventId),
            offerId: offer.id,
            costPoints: offer.costPoints,
            at: t,
            validTo: validThrough(t, offer.coupon.validDays, programme.timeZone),
          },
          eventId,
        );
        ledger = applyMemberEvent(ledger, bought);
        t += 1;
      }
    }
    const view = ledger ? memberView(programme, ledger, t) : null;
    const selections: BasketSelections = {
      couponIds:
        view && view.coupons.length > 0 && random() < 0.5
          ? [pick(random, view.coupons).couponId]
          : [],
      rewardIds:
        view && random() < 0.8
          ? view.punchCards.flatMap((c) => c.rewardsAvailable.map((r) => r.rewardId))
          : [],
      pointsToRedeem: 0,
      cashbackToRedeemOre: 0,
      useTierOnce: false,
    };
    const lines = basketLines();
    let verified = view !== null && random() < 0.75;
    const evaluate = () =>
      evaluateBasket({ programme, lines, member: view, verified, selections, now: t });
    let evaluation = evaluate();
    if (evaluation.needsVerification && !verified) {
      // The cashier asks for the card (or PIN) and rings it up again.
      verified = true;
      evaluation = evaluate();
    }
    receiptCounters[till]! += 1;
    const saleId = uuidv7(random, t);
    const payload = saleCommittedPayload(
      {
        saleId,
        idempotencyKey: `gen-${saleId}`,
        receiptNo: `${TILLS[till]!.slot}-${String(receiptCounters[till]).padStart(6, '0')}`,
        staffId: 'demo-kari',
        at: t,
        paymentMethod: weighted(random, [
          ['card', 70],
          ['vipps', 20],
          ['cash', 10],
        ] as const),
        verified,
      },
      evaluation,
      renderAll,
    );
    envelope(till, 'sale.committed', view?.memberId ?? null, payload);
    sales += 1;
    if (view) memberSales += 1;
    recent.push({
      saleId,
      memberId: view?.memberId ?? null,
      terminal: till,
      payload,
      touched: false,
    });
    if (recent.length > 500) recent.shift();
  }

  /** A manager voids a recent sale, or takes back one unit of its first line. */
  function voidOrReturn(at: number, kind: 'void' | 'return'): void {
    const target = recent[intBelow(random, recent.length)];
    if (!target || target.touched) return;
    if (target.memberId !== null && erased.has(target.memberId)) return;
    target.touched = true;
    if (kind === 'void') {
      envelope(target.terminal, 'sale.voided', target.memberId, {
        saleId: target.saleId,
        staffId: 'demo-morten',
        reason: 'feil vare slått inn',
        at,
      });
      return;
    }
    const line = target.payload.lines[0]!;
    const outcome = computeReturn(target.payload, [{ lineId: line.lineId, quantity: 1 }], []);
    envelope(target.terminal, 'sale.returned', target.memberId, {
      saleId: target.saleId,
      returnId: uuidv7(random, at),
      staffId: 'demo-morten',
      at,
      lines: [{ lineId: line.lineId, quantity: 1 }],
      refundOre: outcome.refundOre,
      reversed: outcome.reversed,
    });
  }

  function memberChange(at: number): void {
    const memberId = memberIds[intBelow(random, memberIds.length)]!;
    if (erased.has(memberId)) return;
    const till = intBelow(random, TILLS.length);
    const roll = random();
    if (roll < 0.4) {
      envelope(till, 'member.profile_updated', memberId, {
        fields: { postalCode: pick(random, POSTAL_CODES) },
        staffId: 'demo-kari',
        at,
      });
    } else if (roll < 0.98) {
      envelope(till, 'member.consent_changed', memberId, {
        channel: random() < 0.6 ? 'sms' : 'email',
        granted: random() < 0.5,
        termsVersion: programme.termsVersion,
        staffId: 'demo-kari',
        at,
      });
    } else {
      erased.add(memberId);
      envelope(till, 'member.erased', memberId, { staffId: 'demo-morten', at });
    }
  }

  const steps = params.members + params.sales;
  const stepMs = Math.floor((YEAR_END - YEAR_START) / steps);
  if (stepMs < 10) throw new RangeError('too many events for one year at one per 10 ms');
  let enrolled = 0;
  let sold = 0;
  const t0 = Date.now();
  db.exec('BEGIN');
  for (let step = 0; step < steps; step++) {
    const at = YEAR_START + step * stepMs;
    // A random interleaving: the next event is an enrolment with the share still to come.
    const enrolNext = random() * (steps - step) < params.members - enrolled;
    if (enrolNext) enrol(enrolled++, at);
    else {
      sale(at);
      sold += 1;
      const roll = random();
      if (roll < 0.003) voidOrReturn(at + 5, 'void');
      else if (roll < 0.005) voidOrReturn(at + 5, 'return');
    }
    if (random() < 0.01 && memberIds.length > 0) memberChange(at + 7);
    if (pending.length >= 2_000) flush(at);
    if ((step + 1) % 100_000 === 0) {
      const rate = (step + 1) / ((Date.now() - t0) / 1000);
      log(
        `  generated ${step + 1}/${steps} steps (${enrolled} members, ${sold} sales), ${rate.toFixed(0)} steps/s`,
      );
    }
  }
  flush(YEAR_END);
  db.exec('COMMIT');
  return { events, members: enrolled, sales, memberSales };
}

/**
 * The i-th member's mobile number, 8 digits starting with 9: a bijection on
 * 0..9,999,999 (the multiplier is coprime to 10^7), so numbers never repeat and
 * neighbours are not next to each other in the index.
 */
export function phoneDigits(i: number): string {
  return String(90_000_000 + ((i * 7_777_777 + 1_234_567) % 10_000_000));
}

function main(): void {
  const outFile = process.argv[2];
  if (!outFile) {
    process.stderr.write('usage: generate OUT_FILE\n');
    process.exit(2);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  if (existsSync(outFile)) rmSync(outFile);
  const report = generateStore(outFile, fixtureParams(), (line) =>
    process.stdout.write(`${line}\n`),
  );
  writeFileSync(`${outFile}.json`, JSON.stringify(report, null, 2) + '\n');
  process.stdout.write(
    `  generated in ${report.seconds.toFixed(0)} s: ${report.events} events, ${(report.bytes / 2 ** 30).toFixed(2)} GiB\n`,
  );
}

if (process.argv[1] && /generate\.(ts|mjs)$/.test(process.argv[1])) main();
