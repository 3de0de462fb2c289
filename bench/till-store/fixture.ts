/**
 * What the till-store benchmark's generated store looks like, and where it is
 * cached. The cache key names the generator version and the schema version, so
 * a change to either makes a new file instead of reusing a stale one.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_SCHEMA_VERSION } from '../../src/store';

/** Bump whenever the generator makes different events (the cached file is then remade). */
export const GENERATOR_VERSION = 2;

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE_DIR = join(ROOT, '.tmp', 'bench');

export interface FixtureParams {
  members: number;
  sales: number;
  /** Share of sales with a member attached. */
  memberShare: number;
  seed: number;
}

/**
 * A year of a four-till bakery chain: 1,000,000 members enrolled over the year
 * and 240,000 sales, a third of them with a member. Smaller sizes (for trying
 * the benchmark out) come from LOJAL_BENCH_MEMBERS / LOJAL_BENCH_SALES.
 */
export function fixtureParams(env: NodeJS.ProcessEnv = process.env): FixtureParams {
  return {
    members: Number(env.LOJAL_BENCH_MEMBERS ?? 1_000_000),
    sales: Number(env.LOJAL_BENCH_SALES ?? 240_000),
    memberShare: 1 / 3,
    seed: 20_261_120,
  };
}

export function fixtureKey(p: FixtureParams): string {
  return `till-store-g${GENERATOR_VERSION}-s${LATEST_SCHEMA_VERSION}-${p.members}m-${p.sales}s-${p.seed}`;
}

export function fixturePath(p: FixtureParams): string {
  return join(CACHE_DIR, `${fixtureKey(p)}.db`);
}

/** The year the events span (store-local Oslo time; instants in UTC ms). */
export const YEAR_START = Date.UTC(2025, 10, 20, 7, 0, 0);
export const YEAR_END = Date.UTC(2026, 10, 20, 17, 0, 0);

/** The chain: two shops, four tills, each with its own block of member and receipt numbers. */
export const CHAIN_ID = 'bakeriet';
export const TILLS = [
  { terminalId: 'till-1', storeId: 'bakeriet-sentrum', slot: 1 },
  { terminalId: 'till-2', storeId: 'bakeriet-sentrum', slot: 2 },
  { terminalId: 'till-3', storeId: 'bakeriet-torget', slot: 3 },
  { terminalId: 'till-4', storeId: 'bakeriet-torget', slot: 4 },
] as const;

/** The till the benchmark measures on: a fifth till in the first shop, slot 9. */
export const BENCH_TERMINAL = {
  chainId: CHAIN_ID,
  storeId: 'bakeriet-sentrum',
  terminalId: 'till-bench',
  slot: 9,
};
