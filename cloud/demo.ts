/**
 * The demo cloud `npm start` runs beside the demo till (`npm run cloud -- demo`):
 * the demo bakery's chain and store, its programme, and two back-office logins
 * whose passwords are PUBLIC (README) — a demo, never a real chain's cloud.
 *
 * The chain has the id the demo till starts in (`demo`, src/service/terminal.ts
 * DEMO_CHAIN_ID): the till's members and sales are the chain's own, so pairing
 * re-stamps them with the paired store and terminal and the till pushes them
 * (src/sync/README.md, "Events recorded before pairing"). A chain of another id
 * would refuse the pairing (foreign_chain_data).
 *
 * Made on the first start, found again on every later one: one chain, one
 * store (its code kept), the same logins. A login whose password was changed
 * in the back office keeps the new one.
 */
import { programmeTemplate } from '../src/core/templates/index';
import type { AccountRole } from '../src/contract/backoffice/schemas';
import { accountForLogin, createAccount } from './accounts/accounts';
import { setPassword } from './accounts/admin';
import type { ScryptCost } from './accounts/passwords';
import { addStore } from './chains';
import type { Database } from './db/database';
import { currentProgramme } from './programme';
import { saveProgramme } from './programme-change';
import { DEFAULT_DATA_DIR, startCloudServer } from './server';
import type { CloudServerOptions, RunningCloudServer } from './server';

export interface DemoLogin {
  email: string;
  /** Public: printed by `npm start` and written in the README. */
  password: string;
  name: string;
  role: AccountRole;
}

/** The demo chain as the README and `npm start` name it. */
export const DEMO_CLOUD = {
  /** The demo till's chain id (src/service/terminal.ts DEMO_CHAIN_ID). */
  chainId: 'demo',
  chainName: 'Bakeriet',
  /** The demo till's receipt says "Bakeriet på Grünerløkka". */
  storeName: 'Grünerløkka',
  /** The programme the demo till starts with (src/service/demo.ts). */
  programmeTemplate: 'bakeri',
  owner: {
    email: 'eier@bakeriet.demo',
    password: 'bakeriet-demo',
    name: 'Ingeborg Bakke',
    role: 'owner',
  },
  manager: {
    email: 'leder@bakeriet.demo',
    password: 'bakeriet-demo',
    name: 'Morten Dahl',
    role: 'store_manager',
  },
} as const satisfies {
  chainId: string;
  chainName: string;
  storeName: string;
  programmeTemplate: string;
  owner: DemoLogin;
  manager: DemoLogin;
};

export interface DemoChain {
  chainId: string;
  chainName: string;
  storeId: string;
  storeName: string;
  /** As shown to people (`XXXX-XXXX`): the demo till pairs with it. */
  storeCode: string;
  owner: DemoLogin;
  manager: DemoLogin;
  /** What this start made (all false on a later start). */
  made: { chain: boolean; store: boolean; programme: boolean; logins: string[] };
}

/** The chain of the demo's id, made when missing; a chain of another id by that name is refused. */
async function ensureDemoChain(db: Database, now: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: string; name: string }>(
      'SELECT id, name FROM chains WHERE id = $1 OR name = $2',
      [DEMO_CLOUD.chainId, DEMO_CLOUD.chainName],
    );
    if (rows.some((r) => r.id === DEMO_CLOUD.chainId)) return false;
    if (rows.length > 0)
      throw new RangeError(
        `this database has a chain named "${DEMO_CLOUD.chainName}" that is not the demo's: ` +
          'the demo cloud keeps its own data folder (LOJAL_CLOUD_DATA)',
      );
    await tx.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $2, $3)', [
      DEMO_CLOUD.chainId,
      DEMO_CLOUD.chainName,
      now,
    ]);
    return true;
  });
}

/** The login's account with its demo password; an existing one is left as it is. */
async function ensureLogin(
  db: Database,
  login: DemoLogin,
  storeIds: string[],
  now: number,
  cost: ScryptCost | undefined,
): Promise<boolean> {
  const found = await accountForLogin(db, login.email);
  if (found?.passwordHash) {
    if (found.account.chainId !== DEMO_CLOUD.chainId)
      throw new RangeError(`${login.email} is an account of another chain in this database`);
    return false;
  }
  const accountId = await db.transaction((tx) =>
    createAccount(
      tx,
      {
        chainId: DEMO_CLOUD.chainId,
        email: login.email,
        name: login.name,
        role: login.role,
        storeIds,
        invitedBy: null,
      },
      now,
    ),
  );
  await setPassword(db, accountId, login.password, now, cost);
  return true;
}

/**
 * The demo chain, store, programme and logins, made where missing (idempotent:
 * a second call makes nothing and answers the same store code).
 */
export async function setUpDemoChain(
  db: Database,
  now: number,
  options: { passwordCost?: ScryptCost } = {},
): Promise<DemoChain> {
  const chainMade = await ensureDemoChain(db, now);
  const store = await addStore(
    db,
    { chain: DEMO_CLOUD.chainName, store: DEMO_CLOUD.storeName },
    now,
  );
  let programmeMade = false;
  if ((await currentProgramme(db, DEMO_CLOUD.chainId)) === null) {
    const template = programmeTemplate(DEMO_CLOUD.programmeTemplate);
    if (!template) throw new Error(`the ${DEMO_CLOUD.programmeTemplate} template is missing`);
    await saveProgramme(
      db,
      DEMO_CLOUD.chainId,
      { programme: template.programme, staffId: null },
      now,
    );
    programmeMade = true;
  }
  const logins: string[] = [];
  if (await ensureLogin(db, DEMO_CLOUD.owner, [], now, options.passwordCost))
    logins.push(DEMO_CLOUD.owner.email);
  if (await ensureLogin(db, DEMO_CLOUD.manager, [store.storeId], now, options.passwordCost))
    logins.push(DEMO_CLOUD.manager.email);
  return {
    chainId: store.chainId,
    chainName: store.chainName,
    storeId: store.storeId,
    storeName: store.storeName,
    storeCode: store.storeCode,
    owner: DEMO_CLOUD.owner,
    manager: DEMO_CLOUD.manager,
    made: { chain: chainMade, store: store.created, programme: programmeMade, logins },
  };
}

/** What the demo cloud tells `npm start` (over the IPC channel) once it serves. */
export interface DemoCloudReady {
  type: 'lojal-demo-cloud-ready';
  url: string;
  backOffice: string;
  storeCode: string;
  chainName: string;
  storeName: string;
  owner: { email: string; password: string };
  manager: { email: string; password: string };
}

/**
 * Serves the demo cloud until SIGINT or SIGTERM: the server first (its folder and database), then the
 * demo chain in it; says where on stdout, and to a parent process over IPC
 * (scripts/start.mjs waits for it before it starts the till).
 */
export async function serveDemoCloud(options: CloudServerOptions): Promise<RunningCloudServer> {
  const server = await startCloudServer(options);
  let chain: DemoChain;
  try {
    chain = await setUpDemoChain(server.database, Date.now());
  } catch (error) {
    await server.close();
    throw error;
  }
  const where = options.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded database in ${options.dataDir ?? DEFAULT_DATA_DIR}`;
  const backOffice = `${server.publicUrl}/bo/`;
  if (chain.made.chain)
    console.log(`lojal-cloud: demo chain "${chain.chainName}" made, store ${chain.storeName}`);
  console.log(`lojal-cloud: demo cloud at ${server.url} (${where})`);
  console.log(`lojal-cloud: back office at ${backOffice} (demo logins, public: README)`);

  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`lojal-cloud: ${why}, stopping the demo cloud`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('lojal-cloud: stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const ready: DemoCloudReady = {
    type: 'lojal-demo-cloud-ready',
    url: server.url,
    backOffice,
    storeCode: chain.storeCode,
    chainName: chain.chainName,
    storeName: chain.storeName,
    owner: { email: chain.owner.email, password: chain.owner.password },
    manager: { email: chain.manager.email, password: chain.manager.password },
  };
  process.send?.(ready);
  return server;
}
