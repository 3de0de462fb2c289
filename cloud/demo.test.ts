/**
 * The demo cloud's set-up (cloud/demo.ts) against the real database (PGlite,
 * and PostgreSQL when one answers) and the real back office's command map:
 * made once, found again on every later start; its public logins work; the
 * chain is the one the demo till starts in, so a till's demo members land.
 */
import { expect, it } from 'vitest';
import { programmeTemplate } from '../src/core/templates/index';
import { setPassword } from './accounts/admin';
import { DEMO_CLOUD, setUpDemoChain } from './demo';
import { currentProgramme } from './programme';
import { BoBrowser, describeBackoffice, errorOf, TEST_PASSWORD_COST } from './test/backoffice';
import type { BoCloud } from './test/backoffice';

const cost = { passwordCost: TEST_PASSWORD_COST };
const T0 = Date.UTC(2026, 11, 6, 9, 0, 0);

/** One count from the cloud's database; `$1` is the demo chain's id when the query names it. */
async function count(cloud: BoCloud, sql: string): Promise<number> {
  const params = sql.includes('$1') ? [DEMO_CLOUD.chainId] : [];
  const rows = await cloud.server.database.query<{ n: unknown }>(sql, params);
  return Number(rows[0]!.n);
}

describeBackoffice('the demo cloud', (cloud) => {
  it('makes the chain, store, programme and two logins once; a second start makes nothing and answers the same store code', async () => {
    const db = cloud().server.database;
    const first = await setUpDemoChain(db, T0, cost);
    expect(first).toMatchObject({
      chainId: 'demo',
      chainName: 'Bakeriet',
      storeName: 'Grünerløkka',
      made: {
        chain: true,
        store: true,
        programme: true,
        logins: ['eier@bakeriet.demo', 'leder@bakeriet.demo'],
      },
    });
    expect(first.storeCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const again = await setUpDemoChain(db, T0 + 60_000, cost);
    expect(again.made).toEqual({ chain: false, store: false, programme: false, logins: [] });
    expect(again.storeCode).toBe(first.storeCode);
    expect(again.storeId).toBe(first.storeId);
    expect(await count(cloud(), 'SELECT count(*) AS n FROM chains')).toBe(1);
    expect(await count(cloud(), 'SELECT count(*) AS n FROM stores WHERE chain_id = $1')).toBe(1);
    expect(await count(cloud(), 'SELECT count(*) AS n FROM accounts WHERE chain_id = $1')).toBe(2);
    expect(
      await count(
        cloud(),
        "SELECT count(*) AS n FROM events WHERE chain_id = $1 AND type = 'programme.saved'",
      ),
    ).toBe(1);
    // The programme the demo till starts with (src/service/demo.ts): the bakery template.
    const programme = await currentProgramme(db, DEMO_CLOUD.chainId);
    expect(programme?.programme).toEqual(programmeTemplate('bakeri')!.programme);
  });

  it('lets the owner in to the whole chain and the store manager to the demo store, with the public passwords', async () => {
    const chain = await setUpDemoChain(cloud().server.database, T0, cost);
    const owner = new BoBrowser(cloud().url);
    const ownerSession = await owner.logIn(DEMO_CLOUD.owner.email, DEMO_CLOUD.owner.password);
    expect(ownerSession.account.role).toBe('owner');
    expect(ownerSession.chain).toEqual({ chainId: 'demo', name: 'Bakeriet' });
    const stores = await owner.ok('stores.list');
    expect(stores.map((s) => [s.name, s.storeCode])).toEqual([['Grünerløkka', chain.storeCode]]);

    const manager = new BoBrowser(cloud().url);
    const managerSession = await manager.logIn(
      DEMO_CLOUD.manager.email,
      DEMO_CLOUD.manager.password,
    );
    expect(managerSession.account.role).toBe('store_manager');
    expect(managerSession.stores).toEqual([{ storeId: chain.storeId, name: 'Grünerløkka' }]);
  });

  it('keeps a password changed since: a later start does not put the public one back', async () => {
    const db = cloud().server.database;
    await setUpDemoChain(db, T0, cost);
    const owner = new BoBrowser(cloud().url);
    const session = await owner.logIn(DEMO_CLOUD.owner.email, DEMO_CLOUD.owner.password);
    await setPassword(db, session.account.accountId, 'et eget passord nå', T0, TEST_PASSWORD_COST);

    const again = await setUpDemoChain(db, T0 + 1000, cost);
    expect(again.made.logins).toEqual([]);
    const refused = await new BoBrowser(cloud().url).call('session.logIn', {
      email: DEMO_CLOUD.owner.email,
      password: DEMO_CLOUD.owner.password,
    });
    expect(errorOf(refused).code).toBe('login_failed');
    await new BoBrowser(cloud().url).logIn(DEMO_CLOUD.owner.email, 'et eget passord nå');
    // Back to the public password for the tests after this one.
    await setPassword(
      db,
      session.account.accountId,
      DEMO_CLOUD.owner.password,
      T0,
      TEST_PASSWORD_COST,
    );
  });

  it("pairs a till into the demo till's own chain, and the till pulls the bakery programme", async () => {
    const chain = await setUpDemoChain(cloud().server.database, T0, cost);
    const till = await cloud().pair(chain.storeCode, 'Kasse 1');
    // The id the demo till's events carry (src/service/terminal.ts): they are this chain's own.
    expect(till.origin).toMatchObject({ chainId: 'demo', storeId: chain.storeId });
    const programmes = (await till.pullAll()).filter((e) => e.type === 'programme.saved');
    expect(programmes.map((e) => e.payload)).toEqual([
      expect.objectContaining({ programme: programmeTemplate('bakeri')!.programme }),
    ]);
  });
});

describeBackoffice('the demo cloud beside another chain', (cloud) => {
  it('refuses a database whose chain of that name is not the demo’s', async () => {
    await cloud().server.admin.addStore(DEMO_CLOUD.chainName, 'Torget');
    await expect(setUpDemoChain(cloud().server.database, T0, cost)).rejects.toThrow(
      /chain named "Bakeriet" that is not the demo's/,
    );
    expect(await count(cloud(), 'SELECT count(*) AS n FROM chains WHERE id = $1')).toBe(0);
  });
});
