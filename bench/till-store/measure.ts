/**
 * The till-store measurements, run in a fresh process (`node --expose-gc
 * measure.mjs DATA_DIR OUT_JSON`) on a copy of the generated store, so resident
 * memory is that of a till with the store open and nothing left over from
 * generating it. Prints progress and writes the measurements to OUT_JSON.
 *
 * Every timed operation alternates with its floor, sample by sample, so both
 * see the same machine. The machine is shared (2 cores, other work running),
 * and one burst of someone else's work can own a p99; so each figure is
 * measured in three rounds and reported as the median round (value and floor
 * each the median of the rounds' p99s), with every round in the note.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { evaluateBasket } from '../../src/core/basket';
import { memberView } from '../../src/core/member';
import { openTillService, databasePath } from '../../src/service';
import type { Session } from '../../src/service';
import { summaryFromColumns } from '../../src/service/member-access';
import { currentProgramme, memberSummaryByNumber, memberSummaryByPhone } from '../../src/store';
import { eventFromRow } from '../../src/store/event-log';
import { setDayFiguresKeptForBench } from '../../src/store/projections/day-figures';
import type { EventRow } from '../../src/store/event-log';
import { percentile } from '../lib';
import {
  basketInput,
  basketMember,
  basketProgramme,
  BASKET_NOW,
  describeInput,
} from './basket-fixture';
import { BENCH_TERMINAL, YEAR_END } from './fixture';
import { intBelow, pick, prng } from './random';

export interface Round {
  p99Us: number;
  p50Us: number;
  floorP99Us: number | null;
  floorP50Us: number | null;
  samples: number;
  /** Lookups: the store's summary query alone (what the service reads instead of the row). */
  narrowP99Us?: number;
  narrowP50Us?: number;
}

/** The median of the rounds (each field separately), and the rounds themselves. */
export interface Timed extends Round {
  rounds: Round[];
}

/** "Dagens tall" on a fresh process and connection, then warm; the floor: the bare SQL over the kept totals. */
export interface DayReportTiming {
  coldMs: number;
  floorColdMs: number;
  warmP50Ms: number;
  floorWarmP50Ms: number;
  samples: number;
  storeId: string;
  date: string;
  sales: number;
  enrolments: number;
  rows: number;
}

export interface Measurements {
  dayReport: DayReportTiming;
  lookupPhone: Timed;
  lookupCard: Timed;
  evaluate: Timed & { inputP99Us: number; about: string };
  commit: Timed;
  /** The same commits with "Dagens tall" not kept (alternate pairs of sales, bench switch). */
  commitWithoutDayFigures: Timed;
  rssMb: number;
  heapMb: number;
  gcExposed: boolean;
  members: number;
  notes: { slowPath: string; rss: string; commits: string; checkpoints: string; load: string };
}

const ROUNDS = 3;
const LOOKUP_SAMPLES = 2_000;
const LOOKUP_WARMUP = 300;
const SLOW_SAMPLES = 300;
const COMMIT_SAMPLES = 2_000;
const COMMIT_WARMUP = 200;
const EVALUATE_SAMPLES = 2_000;
const EVALUATE_WARMUP = 300;

function us(t0: number): number {
  return (performance.now() - t0) * 1000;
}

function round(samples: number[], floor: number[] | null): Round {
  return {
    p99Us: percentile(samples, 99),
    p50Us: percentile(samples, 50),
    floorP99Us: floor ? percentile(floor, 99) : null,
    floorP50Us: floor ? percentile(floor, 50) : null,
    samples: samples.length,
  };
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function combine(rounds: Round[]): Timed {
  const floors = rounds.every((r) => r.floorP99Us !== null);
  return {
    p99Us: median(rounds.map((r) => r.p99Us)),
    p50Us: median(rounds.map((r) => r.p50Us)),
    floorP99Us: floors ? median(rounds.map((r) => r.floorP99Us!)) : null,
    floorP50Us: floors ? median(rounds.map((r) => r.floorP50Us!)) : null,
    samples: rounds.reduce((n, r) => n + r.samples, 0),
    ...(rounds.every((r) => r.narrowP99Us !== undefined)
      ? {
          narrowP99Us: median(rounds.map((r) => r.narrowP99Us!)),
          narrowP50Us: median(rounds.map((r) => r.narrowP50Us!)),
        }
      : {}),
    rounds,
  };
}

/** Anonymous vs file-backed resident memory (Linux), e.g. the node binary's pages. */
function rssParts(): string | null {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const mb = (field: string) =>
      (Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024).toFixed(1);
    return `anonymous ${mb('RssAnon')} MB, file-backed ${mb('RssFile')} MB, shared memory ${mb('RssShmem')} MB`;
  } catch {
    return null;
  }
}

interface Target {
  memberId: string;
  phone8: string;
  card: string;
}

async function main(dataDir: string, outFile: string): Promise<void> {
  const log = (line: string) => process.stdout.write(`  ${line}\n`);
  const loadBefore = loadavg()[0]!;
  const opened = Date.now();
  // The till's clock continues from the end of the generated year.
  const clock = () => YEAR_END + 3_600_000 + (Date.now() - opened);
  const service = openTillService({ dataDir, terminal: BENCH_TERMINAL, clock });
  const login = await service.call(
    'session.login',
    { pin: '1111' },
    { role: 'cashier', staffId: null },
  );
  const cashier: Session = service.sessionFromToken(login.sessionToken)!;

  // "Dagens tall", cold: the first command of a fresh process on a fresh
  // connection (SQLite's page cache empty, no statement prepared). The OS's
  // file cache cannot be dropped without root: the store was just copied, so
  // its pages may be in it; the day's rows are a few pages either way.
  const managerLogin = await service.call(
    'session.login',
    { pin: '9999' },
    { role: 'cashier', staffId: null },
  );
  const manager: Session = service.sessionFromToken(managerLogin.sessionToken)!;
  let t0 = performance.now();
  const report = await service.call('report.today', {}, manager);
  const dayColdMs = performance.now() - t0;
  // Floor: the bare SQL over the kept totals, on a connection of its own, also cold.
  const dayFloorSql = `SELECT staff_id, sum(sales), sum(sales_ore), sum(member_sales), sum(member_sales_ore),
      sum(voided), sum(voided_ore), sum(returns), sum(returned_ore), sum(coupons), sum(rewards),
      sum(points_redeemed), sum(enrolments)
    FROM day_figures WHERE store_id = ? AND quarter >= ? AND quarter < ? GROUP BY staff_id`;
  const dayFloorDb = new Database(databasePath(dataDir), { readonly: true });
  t0 = performance.now();
  const floorRows = dayFloorDb.prepare(dayFloorSql).all(report.storeId, report.from, report.to);
  const dayFloorColdMs = performance.now() - t0;
  const dayFloorStatement = dayFloorDb.prepare(dayFloorSql);
  const dayWarm: number[] = [];
  const dayFloorWarm: number[] = [];
  for (let i = 0; i < 200; i++) {
    t0 = performance.now();
    await service.call('report.today', {}, manager);
    dayWarm.push(performance.now() - t0);
    t0 = performance.now();
    dayFloorStatement.all(report.storeId, report.from, report.to);
    dayFloorWarm.push(performance.now() - t0);
  }
  dayFloorDb.close();
  const dayReport: DayReportTiming = {
    coldMs: dayColdMs,
    floorColdMs: dayFloorColdMs,
    warmP50Ms: percentile(dayWarm, 50),
    floorWarmP50Ms: percentile(dayFloorWarm, 50),
    samples: dayWarm.length,
    storeId: report.storeId,
    date: report.date,
    sales: report.totals.sales,
    enrolments: report.totals.enrolments,
    rows: floorRows.length,
  };
  log(
    `day report ${report.date} at ${report.storeId}: cold ${dayColdMs.toFixed(2)} ms (floor ${dayFloorColdMs.toFixed(2)} ms), ` +
      `warm p50 ${dayReport.warmP50Ms.toFixed(3)} ms (floor ${dayReport.floorWarmP50Ms.toFixed(3)} ms); ` +
      `${report.totals.sales} sales, ${report.totals.enrolments} enrolments`,
  );

  // Bare connections to the SQLite underneath the service, on the same file,
  // with the same pragmas. Each side of the lookups has its own, as the
  // service has: a connection's page cache warmed by picking a member, or by
  // another side's query, would give that side the member's pages for free.
  const connect = (file = databasePath(dataDir)) => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    return db;
  };
  /** Picking members, the commit floor, the rest. */
  const bare = connect();
  const floorDb = connect();
  const narrowDb = connect();

  const random = prng(99);
  const maxRow = bare.prepare('SELECT max(rowid) FROM members').pluck().get() as number;
  const members = bare.prepare('SELECT count(*) FROM members').pluck().get() as number;
  const byRow = bare.prepare(
    'SELECT member_id, phone_e164, member_number FROM members WHERE rowid = ? AND erased = 0',
  );
  /** Members picked uniformly at random (live ones, with a Norwegian phone). */
  const randomMembers = (n: number): Target[] => {
    const out: Target[] = [];
    while (out.length < n) {
      const row = byRow.get(1 + intBelow(random, maxRow)) as
        { member_id: string; phone_e164: string | null; member_number: string } | undefined;
      if (!row || row.phone_e164 === null || !row.phone_e164.startsWith('+47')) continue;
      out.push({
        memberId: row.member_id,
        phone8: row.phone_e164.slice(3),
        card: row.member_number,
      });
    }
    return out;
  };

  // Floors: the indexed query the service's lookup stands on, returning the
  // member's row as stored, for the same member, alternating with the service.
  const floorBy = {
    phone: floorDb.prepare(
      'SELECT * FROM members WHERE phone_e164 = ? AND erased = 0 ORDER BY enrolled_at, member_id LIMIT 1',
    ),
    card: floorDb.prepare(
      'SELECT * FROM members WHERE member_number = ? AND erased = 0 ORDER BY enrolled_at, member_id LIMIT 1',
    ),
  };

  type Kind = 'phone' | 'card';
  type Side = 'floor' | 'narrow' | 'service';
  /**
   * Each member is looked up by phone and by card: through the service, by
   * the floor, and by the store's own summary query (the narrower SELECT the
   * service runs, for context). The order rotates, so the first of them (which
   * reads the member's pages into the cache) is each side equally often, and
   * a phone lookup as often as a card one.
   */
  const SIDES: Side[] = ['floor', 'service', 'narrow'];
  function order(i: number): Array<[Kind, Side]> {
    const kinds: Kind[] = i % 2 === 0 ? ['phone', 'card'] : ['card', 'phone'];
    const sides = SIDES.map((_, k) => SIDES[(k + i) % SIDES.length]!);
    return kinds.flatMap((kind) => sides.map((side): [Kind, Side] => [kind, side]));
  }
  async function lookups(targets: Target[], warmup: number, kinds: Kind[] = ['phone', 'card']) {
    const times = {
      phone: { floor: [] as number[], narrow: [] as number[], service: [] as number[] },
      card: { floor: [] as number[], narrow: [] as number[], service: [] as number[] },
    };
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i]!;
      for (const [kind, side] of order(i)) {
        if (!kinds.includes(kind)) continue;
        const query = kind === 'phone' ? t.phone8 : t.card;
        const key = kind === 'phone' ? `+47${t.phone8}` : t.card;
        let found: string | undefined;
        const t0 = performance.now();
        if (side === 'floor') {
          found = (floorBy[kind].get(key) as { member_id: string } | undefined)?.member_id;
        } else if (side === 'narrow') {
          const row =
            kind === 'phone'
              ? memberSummaryByPhone(narrowDb, key)
              : memberSummaryByNumber(narrowDb, key);
          found = row?.memberId;
        } else {
          found = (await service.call('member.lookup', { query }, cashier)).member?.memberId;
        }
        const elapsed = us(t0);
        if (i >= warmup) times[kind][side].push(elapsed);
        if (found !== t.memberId) {
          throw new Error(`${side} lookup by ${kind} ${query} found ${found}, not ${t.memberId}`);
        }
      }
    }
    const result = (kind: Kind): Round | null =>
      kinds.includes(kind)
        ? {
            ...round(times[kind].service, times[kind].floor),
            narrowP99Us: percentile(times[kind].narrow, 99),
            narrowP50Us: percentile(times[kind].narrow, 50),
          }
        : null;
    return { phone: result('phone'), card: result('card') };
  }

  const phoneRounds: Round[] = [];
  const cardRounds: Round[] = [];
  const sampled: Target[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const targets = randomMembers(LOOKUP_SAMPLES + LOOKUP_WARMUP);
    sampled.push(...targets.slice(LOOKUP_WARMUP));
    const { phone, card } = await lookups(targets, LOOKUP_WARMUP);
    phoneRounds.push(phone!);
    cardRounds.push(card!);
    log(
      `round ${r + 1}: lookup by phone p99 ${phone!.p99Us.toFixed(1)} µs (floor ${phone!.floorP99Us!.toFixed(1)}), ` +
        `by card p99 ${card!.p99Us.toFixed(1)} µs (floor ${card!.floorP99Us!.toFixed(1)})`,
    );
  }
  const lookupPhone = combine(phoneRounds);
  const lookupCard = combine(cardRounds);

  // How many lookups the summary columns cannot answer (the service then reads
  // the ledger): among the random members, and timed on members who need it.
  const programme = currentProgramme(bare)!.programme;
  const now = clock();
  const needsLedger = (card: string) =>
    summaryFromColumns(programme, memberSummaryByNumber(bare, card)!, now) === null;
  const slowShare = sampled.filter((t) => needsLedger(t.card)).length / sampled.length;
  const candidates = bare
    .prepare(
      `SELECT member_id, phone_e164, member_number FROM members
       WHERE erased = 0 AND phone_e164 IS NOT NULL AND (points_earned IS NULL OR points_earned > 0)
       ORDER BY points_earned DESC LIMIT 5000`,
    )
    .all() as Array<{ member_id: string; phone_e164: string; member_number: string }>;
  const slowTargets: Target[] = candidates
    .filter((c) => needsLedger(c.member_number))
    .slice(0, SLOW_SAMPLES)
    .map((c) => ({ memberId: c.member_id, phone8: c.phone_e164.slice(3), card: c.member_number }));
  const slow = slowTargets.length > 40 ? (await lookups(slowTargets, 20, ['card'])).card : null;
  const slowPath =
    `${(slowShare * 100).toFixed(2)} % of the ${sampled.length} random members needed the ledger read ` +
    '(summary columns cannot answer: a tier that depends on the periods, or points that aged)' +
    (slow
      ? `; timed apart on ${slow.samples} members who need it (the highest earners), a card lookup takes ` +
        `p50 ${slow.p50Us.toFixed(1)} µs, p99 ${slow.p99Us.toFixed(1)} µs (floor p99 ${slow.floorP99Us!.toFixed(1)} µs)`
      : '');
  log(slowPath);

  // Resident memory with the store open and the lookups done (the lookup sides'
  // own connections closed: they are the benchmark's, not the till's).
  floorDb.close();
  narrowDb.close();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc();
  }
  const { rss, heapUsed } = process.memoryUsage();
  const rssMb = rss / 2 ** 20;
  const heapMb = heapUsed / 2 ** 20;
  const rssSplit = rssParts();
  log(`RSS ${rssMb.toFixed(1)} MB (heap ${heapMb.toFixed(1)} MB; ${rssSplit ?? 'no split'})`);

  // Basket evaluation: the pure engine, 30 lines, ten rules.
  const input = basketInput();
  const about = describeInput(input);
  const basketRules = basketProgramme();
  const ledger = basketMember(basketRules);
  const evalRounds: Round[] = [];
  const inputSamples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const samples: number[] = [];
    for (let i = 0; i < EVALUATE_SAMPLES + EVALUATE_WARMUP; i++) {
      let t0 = performance.now();
      evaluateBasket(input);
      const t = us(t0);
      // What building the input costs (the member view from the ledger), for context.
      t0 = performance.now();
      memberView(basketRules, ledger, BASKET_NOW);
      const v = us(t0);
      if (i >= EVALUATE_WARMUP) {
        samples.push(t);
        inputSamples.push(v);
      }
    }
    evalRounds.push(round(samples, null));
  }
  const evaluate = { ...combine(evalRounds), inputP99Us: percentile(inputSamples, 99), about };
  log(`evaluate: p99 ${evaluate.p99Us.toFixed(1)} µs (${about})`);

  // Durable commits through the service, and the floor: the same serialised
  // event inserted into a bare table, same pragmas, own transaction, in a
  // database file of its own beside the till's (same disk). Not in the till's
  // file: a write there from a second connection makes SQLite drop the
  // service connection's whole page cache before its next transaction (it
  // cannot tell which pages changed), so every sale would start cold, which
  // never happens at a till, where the service's connection is the only writer.
  const commitFloorDb = connect(join(dataDir, 'commit-floor.db'));
  commitFloorDb.exec(
    'CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, body TEXT NOT NULL)',
  );
  const floorInsert = commitFloorDb.prepare('INSERT INTO bench_floor (body) VALUES (?)');
  const floorCommit = commitFloorDb.transaction((body: string) => floorInsert.run(body));
  // The sale's event is among the newest few (a referral reward may follow it).
  const newestEvents = bare.prepare('SELECT * FROM events ORDER BY hlc DESC, id DESC LIMIT 3');
  const catalogue = await service.call('catalogue.get', {}, cashier);
  const sellable = catalogue.filter((p) => p.category !== 'Gavekort');
  const buyers = randomMembers(COMMIT_SAMPLES + COMMIT_WARMUP);
  let lastBytes = '';
  let memberCommits = 0;
  let sale = 0;
  const commitRounds: Round[] = [];
  const withoutRounds: Round[] = [];
  const between: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const timed: number[] = [];
    const floor: number[] = [];
    const without: number[] = [];
    for (let i = 0; i < COMMIT_SAMPLES + COMMIT_WARMUP; i++) {
      // At a till, commands arrive through the event loop (IPC, HTTP), which
      // turns between them and runs what a command left for later (the WAL
      // checkpoint). Turn it here too, and time it apart.
      const t0 = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      if (i >= COMMIT_WARMUP) between.push(us(t0));
      sale += 1;
      const withMember = i % 3 === 0;
      const buyer = buyers[i]!;
      const lines = Array.from({ length: 1 + (i % 5) }, (_, k) => ({
        sku: pick(random, sellable).sku,
        quantity: 1 + ((i + k) % 2),
      }));
      // As at a till: the member was found (their card scanned) and the basket
      // shown (evaluated after each scan) before the cashier takes payment. Only
      // the commit is timed.
      if (withMember) await service.call('member.lookup', { query: buyer.card }, cashier);
      await service.call(
        'basket.evaluate',
        { lines, memberId: withMember ? buyer.memberId : null, verified: withMember },
        cashier,
      );
      // Two sales with "Dagens tall" kept, two without, and so on (each order of floor and
      // service in both): what keeping the totals adds to a commit, in the same minutes.
      const keepDayFigures = (i >> 1) % 2 === 0;
      const runService = async () => {
        setDayFiguresKeptForBench(keepDayFigures);
        const t0 = performance.now();
        const answer = await service.call(
          'sale.commit',
          {
            lines,
            memberId: withMember ? buyer.memberId : null,
            verified: withMember,
            idempotencyKey: `bench-${opened}-${sale}`,
            paymentMethod: 'card',
          },
          cashier,
        );
        const t = us(t0);
        setDayFiguresKeptForBench(true);
        if (answer.duplicate) throw new Error('a benchmark sale was taken for a retry');
        const event = (newestEvents.all() as EventRow[])
          .map(eventFromRow)
          .find((e) => e.type === 'sale.committed' && e.payload.saleId === answer.saleId);
        if (!event) throw new Error('the benchmark sale is not among the newest events');
        lastBytes = JSON.stringify(event);
        return t;
      };
      const runFloor = () => {
        const t0 = performance.now();
        floorCommit(lastBytes);
        return us(t0);
      };
      let serviceUs: number;
      let floorUs: number;
      if (i % 2 === 0 || lastBytes === '') {
        serviceUs = await runService();
        floorUs = runFloor();
      } else {
        // Floor first, with the previous sale's bytes (a sale of the same shape).
        floorUs = runFloor();
        serviceUs = await runService();
      }
      if (i >= COMMIT_WARMUP) {
        floor.push(floorUs);
        if (!keepDayFigures) {
          without.push(serviceUs);
          continue;
        }
        timed.push(serviceUs);
        if (withMember) memberCommits += 1;
      }
    }
    commitRounds.push(round(timed, floor));
    withoutRounds.push(round(without, null));
    log(
      `round ${r + 1}: commit p99 ${commitRounds[r]!.p99Us.toFixed(0)} µs, floor ${commitRounds[r]!.floorP99Us!.toFixed(0)} µs`,
    );
  }
  const commit = combine(commitRounds);
  const commitWithoutDayFigures = combine(withoutRounds);
  const checkpoints =
    `Between commits the event loop turned (running the WAL checkpoint the service leaves until after its answer) ` +
    `in p50 ${percentile(between, 50).toFixed(0)} µs, p99 ${percentile(between, 99).toFixed(0)} µs, not counted in the commit`;
  log(checkpoints);

  const out: Measurements = {
    dayReport,
    lookupPhone,
    lookupCard,
    evaluate,
    commit,
    commitWithoutDayFigures,
    rssMb,
    heapMb,
    gcExposed: gc !== undefined,
    members,
    notes: {
      slowPath,
      rss: rssSplit ?? 'no split available',
      commits: `${memberCommits} of ${commit.samples} with a member`,
      checkpoints,
      load: `Load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores shared with other work)`,
    },
  };
  commitFloorDb.close();
  bare.close();
  service.close();
  writeFileSync(outFile, JSON.stringify(out));
}

const [dataDir, outFile] = process.argv.slice(2);
if (!dataDir || !outFile) {
  process.stderr.write('usage: measure DATA_DIR OUT_JSON\n');
  process.exit(2);
}
main(dataDir, outFile).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
