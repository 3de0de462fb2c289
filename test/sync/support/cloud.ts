/**
 * The real cloud server for sync tests, on 127.0.0.1: on the embedded database
 * (PGlite in a temp folder), and on PostgreSQL when one is reachable (each run
 * in a fresh schema, dropped afterwards). Chains are set up through the
 * server's admin commands and its admin HTTP routes, as a chain's back office would.
 */
import { rmSync } from 'node:fs';
import pg from 'pg';
import { startCloudServer } from '../../../cloud/server';
import type { CloudLimits, CloudServerOptions, RunningCloudServer } from '../../../cloud/server';
import { freshPgliteDir } from '../../../cloud/test/databases';
import type { LojalEvent } from '../../../src/core/events';
import type { ProgrammeInput } from '../../../src/core/programme';
import { PullResponse, ROUTES } from '../../../src/sync/protocol';
import type { Conflict } from '../../../src/sync/protocol';

export type BackendName = 'pglite' | 'postgres';

export interface Backend {
  name: BackendName;
  /** Null when the backend can run; else why not (shown as the skip reason). */
  unavailable: string | null;
}

/** Tests push far faster than a shop: no rate limit gets in their way. */
export const TEST_LIMITS: Partial<CloudLimits> = {
  perToken: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
  perAddress: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
};

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

export function postgresUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_POSTGRES;
}

/** Whether PostgreSQL answers; the reason when it does not. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: postgresUrl(), connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    const where = postgresUrl().replace(/\/\/[^@/]*@/, '//');
    return `no PostgreSQL at ${where}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function backends(): Promise<Backend[]> {
  return [
    { name: 'pglite', unavailable: null },
    { name: 'postgres', unavailable: await probePostgres() },
  ];
}

/** A connection string whose tables live in their own schema. */
function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export interface TestCloud {
  backend: BackendName;
  server: RunningCloudServer;
  /** Stop the server (the database stays). */
  stop(): Promise<void>;
  /** Start it again on the same database; the URL (port) changes. */
  restart(): Promise<void>;
  /** Start it again when a test left it stopped. */
  ensureRunning(): Promise<void>;
  /** Stop and throw the database away. */
  dispose(): Promise<void>;
}

/** `limits` are merged over TEST_LIMITS (a smaller body limit, say). */
export async function startTestCloud(
  backend: BackendName,
  limits: Partial<CloudLimits> = {},
  /** More server options (the announcements' heartbeat, say). */
  server: Partial<CloudServerOptions> = {},
): Promise<TestCloud> {
  let location: { databaseUrl?: string; dataDir?: string };
  let cleanup: () => Promise<void>;
  if (backend === 'pglite') {
    const dir = await freshPgliteDir();
    location = { dataDir: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `lojal_sync_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: postgresUrl() });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    location = { databaseUrl: inSchema(postgresUrl(), schema) };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: postgresUrl() });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    };
  }
  const start = () =>
    startCloudServer({ ...server, port: 0, limits: { ...TEST_LIMITS, ...limits }, ...location });
  let running: RunningCloudServer | null = await start();
  const cloud: TestCloud = {
    backend,
    server: running,
    async stop() {
      await running?.close();
      running = null;
    },
    async restart() {
      await running?.close();
      running = await start();
      cloud.server = running;
    },
    async ensureRunning() {
      if (running === null) await cloud.restart();
    },
    async dispose() {
      await running?.close();
      running = null;
      await cleanup();
    },
  };
  return cloud;
}

export interface TestChain {
  chainId: string;
  name: string;
  /** Store codes by store name. */
  storeCodes: Record<string, string>;
  /** Store ids by store name. */
  storeIds: Record<string, string>;
  adminToken: string;
}

let chainCounter = 0;

/** A chain with the stores named, an admin token, and (when given) its programme saved in the cloud. */
export async function newChain(
  cloud: TestCloud,
  stores: string[],
  programme?: ProgrammeInput,
): Promise<TestChain> {
  chainCounter += 1;
  const name = `Kjede ${process.pid}-${chainCounter}`;
  const storeCodes: Record<string, string> = {};
  const storeIds: Record<string, string> = {};
  let chainId = '';
  for (const store of stores) {
    const added = await cloud.server.admin.addStore(name, store);
    storeCodes[store] = added.storeCode;
    storeIds[store] = added.storeId;
    chainId = added.chainId;
  }
  const adminToken = await cloud.server.admin.addAdminToken(name);
  const chain: TestChain = { chainId, name, storeCodes, storeIds, adminToken };
  if (programme) await saveProgramme(cloud, chain, programme);
  return chain;
}

async function adminRequest(
  cloud: TestCloud,
  chain: TestChain,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(cloud.server.url + path, {
    method,
    headers: {
      authorization: `Bearer ${chain.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as unknown;
  if (!response.ok)
    throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

export async function saveProgramme(
  cloud: TestCloud,
  chain: TestChain,
  programme: ProgrammeInput,
): Promise<void> {
  await adminRequest(cloud, chain, 'PUT', ROUTES.programme, { programme, staffId: null });
}

/** Every event the cloud holds for the chain, in its own order (pulled with the admin token). */
export async function cloudEvents(cloud: TestCloud, chain: TestChain): Promise<LojalEvent[]> {
  const events: LojalEvent[] = [];
  let after = '0';
  for (;;) {
    const page = PullResponse.parse(
      await adminRequest(cloud, chain, 'GET', `${ROUTES.pull}?after=${after}&limit=1000`),
    );
    events.push(...page.events);
    if (!page.more) return events;
    after = page.next;
  }
}

export async function cloudConflicts(cloud: TestCloud, chain: TestChain): Promise<Conflict[]> {
  const body = (await adminRequest(cloud, chain, 'GET', ROUTES.conflicts)) as {
    conflicts: Conflict[];
  };
  return body.conflicts;
}
