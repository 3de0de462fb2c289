/**
 * What the till takes in, the cloud takes from it: a till paired with the real
 * cloud (PGlite, loopback) gets random and adversarial requests on every route
 * and command but the sync ones; whatever it accepted, it then pushes, and the
 * cloud refuses none of it (nothing rejected, nothing quarantined, nothing left
 * waiting). A sale the till committed can never become unsendable.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCloudServer } from '../../cloud/server';
import type { RunningCloudServer } from '../../cloud/server';
import { freshPgliteDir } from '../../cloud/test/databases';
import { caseArbitrary, everyRouteCases, runCase, startTill } from './support';
import type { TillParty, Violation } from './support';

const TIMEOUT_MS = 10_000;
let cloud: RunningCloudServer;
let till: TillParty;

beforeAll(async () => {
  cloud = await startCloudServer({ port: 0, host: '127.0.0.1', dataDir: await freshPgliteDir() });
  const store = await cloud.admin.addStore('Fuzz-kjeden', 'Fuzz-butikken');
  const paired = await startTill({ url: cloud.url, storeCode: store.storeCode });
  // Pairing and unpairing are fuzzed in till.fuzz.test.ts; here the till stays paired.
  till = { ...paired, routes: paired.routes.filter((r) => !r.path.startsWith('/rpc/sync.')) };
});
afterAll(async () => {
  await till?.close();
  await cloud?.close();
});

it('the cloud takes every event the till committed under fuzz', async () => {
  expect((await till.sync()).status.cloud).not.toBeNull();
  const violations: Violation[] = [];
  for (const c of everyRouteCases(till)) violations.push(...(await runCase(till, c, TIMEOUT_MS)));
  await fc.assert(
    fc.asyncProperty(caseArbitrary(till), async (c) => {
      violations.push(...(await runCase(till, c, TIMEOUT_MS)));
    }),
    { numRuns: 800, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false },
  );
  expect(violations).toEqual([]);
  const { report, status } = await till.sync();
  expect(report.error).toBeNull();
  expect({
    pending: status.pending,
    rejected: status.rejected,
    rejectedEvents: status.rejectedEvents,
    quarantined: status.quarantined,
    quarantine: status.quarantine,
  }).toEqual({ pending: 0, rejected: 0, rejectedEvents: [], quarantined: 0, quarantine: [] });
  // The fuzz got through: the till accepted (and the cloud now holds) more than the setup's events.
  const [stored] = await cloud.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events',
  );
  expect(stored!.n).toBeGreaterThan(10);
}, 60_000);
