/**
 * The till's host under fuzz: every `/api/v1` route and every `/rpc` command
 * (enumerated from API_ROUTES and the command map), random and adversarial
 * requests over real HTTP against the real service on a temp SQLite file. No
 * 5xx, no hang, the documented error shape on every refusal, and no change to
 * the event log on a refusal. The long run is `npm run fuzz` (bench/fuzz.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseArbitrary, everyRouteCases, extremeCases, runCase, startTill } from './support';
import type { Party, Violation } from './support';

const TIMEOUT_MS = 10_000;
let till: Party;

beforeAll(async () => {
  till = await startTill();
});
afterAll(() => till?.close());

it('every route and command with each credential and fixed hostile bodies: no 5xx, no hang, one error shape, nothing changed by a refusal', async () => {
  const violations: Violation[] = [];
  for (const c of everyRouteCases(till)) violations.push(...(await runCase(till, c, TIMEOUT_MS)));
  expect(violations).toEqual([]);
}, 60_000);

it('random and adversarial requests (fast-check): the same holds', async () => {
  await fc.assert(
    fc.asyncProperty(caseArbitrary(till), async (c) => {
      expect(await runCase(till, c, TIMEOUT_MS)).toEqual([]);
    }),
    { numRuns: 1500, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
  );
}, 60_000);

it('the programme and catalogue with each number at the limits: what the till takes, later sales, baskets and member views still answer', async () => {
  const violations: Violation[] = [];
  for (const c of extremeCases(till, [2 ** 53 - 1, 1_000_000_000])) {
    violations.push(...(await runCase(till, c, TIMEOUT_MS)));
  }
  expect(violations).toEqual([]);
}, 60_000);
