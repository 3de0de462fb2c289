/**
 * The till's store at chain scale: 1,000,000 members and a year of sales.
 *
 * The store is generated once through the store's write door (see
 * till-store/generate.ts) and cached under .tmp/bench/ by generator and schema
 * version; each run copies it to a temp dir and measures there, in a fresh
 * process started with --expose-gc (till-store/measure.ts), so resident memory
 * is that of a till and not of the generator or of other benchmarks.
 *
 * "Dagens tall" (till_day_report_ms): cold, the first command of the fresh
 * process; floor the bare SQL over the kept day_figures.
 *
 * Floors (same run): the bare indexed SELECT of the member's row (same file)
 * for lookups; a bare durable INSERT of the serialised sale event, same
 * pragmas, own transaction, in a database file of its own beside the till's,
 * for commits. Basket evaluation has no floor (it
 * is pure computation); the note gives the cost of building its input.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  fsyncSync,
  openSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { DATABASE_FILE } from '../src/service';
import { figure } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';
import { CACHE_DIR, fixtureKey, fixtureParams, fixturePath, ROOT } from './till-store/fixture';
import type { GenerationReport } from './till-store/generate';
import type { Measurements, Timed } from './till-store/measure';

const LOOKUP_GOAL_US = 1_000;
const LOOKUP_GOAL_RATIO = 1.5;
const EVALUATE_GOAL_US = 500;
const COMMIT_GOAL_RATIO = 3;
const RSS_GOAL_MB = 300;
const DAY_REPORT_GOAL_MS = 200;

/**
 * The child scripts are bundled (dependencies left as imports) and run with
 * plain node: flags like --expose-gc reach them, and no TypeScript loader
 * thread sits in the measured process's memory.
 */
async function bundle(entry: string, out: string): Promise<string> {
  await build({
    entryPoints: [join(ROOT, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return out;
}

function flushToDisk(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function runNode(args: string[]): void {
  // Output goes straight to the terminal: generating takes minutes and says how far it is.
  const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${child.status})`);
}

async function ensureStore(): Promise<{ file: string; report: GenerationReport; cached: boolean }> {
  const params = fixtureParams();
  const file = fixturePath(params);
  if (existsSync(file) && existsSync(`${file}.json`)) {
    const report = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as GenerationReport;
    console.log(
      `  using cached store ${fixtureKey(params)} (generated in ${report.seconds.toFixed(0)} s)`,
    );
    return { file, report, cached: true };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  console.log(`  generating ${fixtureKey(params)} (cached for later runs)…`);
  const script = await bundle('bench/till-store/generate.ts', join(CACHE_DIR, 'generate.mjs'));
  runNode([script, file]);
  const report = JSON.parse(readFileSync(`${file}.json`, 'utf8')) as GenerationReport;
  return { file, report, cached: false };
}

const benchmark: Benchmark = {
  name: 'till-store',
  about:
    '1,000,000 members and a year of sales: member lookup, basket evaluation, durable commit, memory',
  async run(): Promise<Figure[]> {
    const { file, report, cached } = await ensureStore();
    const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-'));
    try {
      const copyStarted = Date.now();
      const copy = join(dir, DATABASE_FILE);
      copyFileSync(file, copy, constants.COPYFILE_FICLONE);
      const copied = Date.now();
      // The copy's gigabytes are still being written back to disk: wait for
      // that here, or every commit measured in the next minute shares the disk
      // with it (its fsync waits behind the write-back).
      flushToDisk(copy);
      console.log(
        `  copied the store to ${dir} in ${((copied - copyStarted) / 1000).toFixed(1)} s, ` +
          `flushed to disk in ${((Date.now() - copied) / 1000).toFixed(1)} s`,
      );
      const script = await bundle('bench/till-store/measure.ts', join(CACHE_DIR, 'measure.mjs'));
      const out = join(dir, 'figures.json');
      runNode(['--expose-gc', script, dir, out]);
      const m = JSON.parse(readFileSync(out, 'utf8')) as Measurements;
      return figures(m, report, cached);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/** Each round's p99 (and floor): the figure is the median round. */
function roundsNote(t: Timed, digits: number): string {
  const rounds = t.rounds
    .map((r) =>
      r.floorP99Us === null
        ? r.p99Us.toFixed(digits)
        : `${r.p99Us.toFixed(digits)} (floor ${r.floorP99Us.toFixed(digits)})`,
    )
    .join(', ');
  return `p99 of the ${t.rounds.length} rounds of ${t.rounds[0]!.samples}: ${rounds} µs; median shown`;
}

function figures(m: Measurements, gen: GenerationReport, cached: boolean): Figure[] {
  const store =
    `Store: ${m.members.toLocaleString('en')} members, ${gen.sales.toLocaleString('en')} sales ` +
    `(${gen.memberSales.toLocaleString('en')} with a member), ${gen.events.toLocaleString('en')} events, ` +
    `${(gen.bytes / 2 ** 30).toFixed(2)} GiB, generated through appendEvents in ${gen.seconds.toFixed(0)} s` +
    (cached ? ' (an earlier run; cached)' : '') +
    '.';
  const lookup = (name: string, t: Measurements['lookupPhone'], how: string): Figure => {
    const ratio = t.p99Us / t.floorP99Us!;
    return figure({
      name,
      value: t.p99Us,
      unit: 'µs',
      floor: t.floorP99Us,
      goal: `ratio ≤ ${LOOKUP_GOAL_RATIO} and p99 < ${LOOKUP_GOAL_US} µs`,
      met: ratio <= LOOKUP_GOAL_RATIO && t.p99Us < LOOKUP_GOAL_US,
      note:
        `member.lookup through the service (${how}) for random members, p50 ${t.p50Us.toFixed(1)} µs; ` +
        `floor: prepared SELECT * of the member's row on the same index, on a connection of its own (its page cache warmed by nothing else), p50 ${t.floorP50Us!.toFixed(1)} µs ` +
        `(the service reads only the summary columns of that row: that query alone takes p50 ${t.narrowP50Us!.toFixed(1)} µs, ` +
        `p99 ${t.narrowP99Us!.toFixed(1)} µs). ` +
        `${roundsNote(t, 1)}. ` +
        `${m.notes.slowPath}. ${store} ${m.notes.load}.`,
    });
  };
  const d = m.dayReport;
  return [
    figure({
      name: 'till_day_report_ms',
      value: d.coldMs,
      unit: 'ms',
      floor: d.floorColdMs,
      goal: `< ${DAY_REPORT_GOAL_MS} ms cold`,
      met: d.coldMs < DAY_REPORT_GOAL_MS,
      note:
        `report.today ("Dagens tall") through the service for ${d.storeId} on ${d.date} (${d.sales} sales, ${d.enrolments} enrolments, ${d.rows} staff rows), ` +
        `cold: the first command of a fresh process on a fresh connection to a copy of the store (SQLite's page cache empty, no statement prepared; ` +
        `the OS file cache cannot be dropped without root, and the copy was just written, so the file's pages may be in it). ` +
        `It adds up the day's rows of the kept day_figures (migration 009: per store, quarter hour and staff member), never the members or the sales. ` +
        `Floor: the bare GROUP BY over day_figures on a read-only connection of its own, also its first statement. ` +
        `Warm, ${d.samples} calls: p50 ${d.warmP50Ms.toFixed(3)} ms (floor ${d.floorWarmP50Ms.toFixed(3)} ms). ` +
        `One cold sample per run. ${store} ${m.notes.load}.`,
    }),
    lookup('lookup_phone_p99_us', m.lookupPhone, 'phone typed as 8 digits'),
    lookup('lookup_card_p99_us', m.lookupCard, 'member number EAN-13'),
    figure({
      name: 'evaluate_basket_p99_us',
      value: m.evaluate.p99Us,
      unit: 'µs',
      floor: null,
      goal: `p99 < ${EVALUATE_GOAL_US} µs`,
      met: m.evaluate.p99Us < EVALUATE_GOAL_US,
      note:
        `evaluateBasket: ${m.evaluate.about}; p50 ${m.evaluate.p50Us.toFixed(1)} µs; ${roundsNote(m.evaluate, 1)}. ` +
        `No floor (pure computation). Building its input (memberView from the ledger) is not included: ` +
        `p99 ${m.evaluate.inputP99Us.toFixed(1)} µs more. ${m.notes.load}.`,
    }),
    figure({
      name: 'commit_sale_p99_us',
      value: m.commit.p99Us,
      unit: 'µs',
      floor: m.commit.floorP99Us,
      goal: `ratio ≤ ${COMMIT_GOAL_RATIO}`,
      met: m.commit.p99Us / m.commit.floorP99Us! <= COMMIT_GOAL_RATIO,
      note:
        `sale.commit through the service (WAL, synchronous=FULL): ${m.commit.samples} sales of 1–5 lines, ` +
        `each prepared as at a till (the member's card looked up, the basket evaluated; not timed), ` +
        `${m.notes.commits}; p50 ${m.commit.p50Us.toFixed(0)} µs. Floor: the same serialised sale event ` +
        `INSERTed into a bare table in a file of its own beside the till's (a second writer on the till's file would empty the service connection's page cache before every sale), same pragmas, own transaction; p50 ${m.commit.floorP50Us!.toFixed(0)} µs. ` +
        `${roundsNote(m.commit, 0)}. ${m.notes.checkpoints}. ` +
        `${m.notes.load}.`,
    }),
    figure({
      name: 'commit_sale_day_figures_change_pct',
      value: Math.round((m.commit.p99Us / m.commitWithoutDayFigures.p99Us - 1) * 1000) / 10,
      unit: '%',
      floor: null,
      goal: 'keeping "Dagens tall" moves commit_sale_p99_us by no more than 10 %',
      met: m.commit.p99Us <= 1.1 * m.commitWithoutDayFigures.p99Us,
      note:
        `commit_sale_p99_us (${m.commit.p99Us.toFixed(0)} µs, day figures kept) against the same commits with the day figures' upkeep switched off (bench only: ` +
        `setDayFiguresKeptForBench), alternate pairs of sales in the same rounds: p99 ${m.commitWithoutDayFigures.p99Us.toFixed(0)} µs, ` +
        `p50 ${m.commit.p50Us.toFixed(0)} against ${m.commitWithoutDayFigures.p50Us.toFixed(0)} µs; ${roundsNote(m.commitWithoutDayFigures, 0)} (without). ${m.notes.load}.`,
    }),
    figure({
      name: 'rss_mb_1m_members',
      value: m.rssMb,
      unit: 'MB',
      floor: null,
      goal: `< ${RSS_GOAL_MB} MB`,
      met: m.rssMb < RSS_GOAL_MB,
      note:
        `Process RSS ${m.gcExposed ? 'after a forced GC (node --expose-gc)' : 'without a forced GC (--expose-gc unavailable)'}, ` +
        `in a fresh process with the store open through the service and the lookups done ` +
        `(plus the benchmark's own connections: one open, two used for the lookups' floors and closed, their memory not always handed back to the system); JS heap ${m.heapMb.toFixed(1)} MB; ${m.notes.rss}.`,
    }),
  ];
}

export default benchmark;
