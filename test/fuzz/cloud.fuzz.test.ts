/**
 * The cloud under fuzz: every route of the protocol (ROUTES, each with the
 * methods its 405 answer names), random and adversarial requests over real
 * HTTP against the real server on PGlite, with every kind of token (none, bad,
 * terminal, admin, another chain's, revoked). No 5xx, no hang, the documented
 * error shape on every refusal, and no change to the events or terminals on a
 * refusal. The long run is `npm run fuzz` (bench/fuzz.ts).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseArbitrary, everyRouteCases, runCase, startCloud } from './support';
import type { Party, Violation } from './support';

const TIMEOUT_MS = 10_000;
let cloud: Party;

beforeAll(async () => {
  cloud = await startCloud();
});
afterAll(() => cloud?.close());

it('every route with each token and fixed hostile bodies: no 5xx, no hang, one error shape, nothing stored on a refusal', async () => {
  expect(cloud.routes.length).toBeGreaterThanOrEqual(8);
  const violations: Violation[] = [];
  for (const c of everyRouteCases(cloud)) violations.push(...(await runCase(cloud, c, TIMEOUT_MS)));
  expect(violations).toEqual([]);
}, 60_000);

it('random and adversarial requests (fast-check): the same holds', async () => {
  await fc.assert(
    fc.asyncProperty(caseArbitrary(cloud), async (c) => {
      expect(await runCase(cloud, c, TIMEOUT_MS)).toEqual([]);
    }),
    { numRuns: 1500, interruptAfterTimeLimit: 30_000, markInterruptAsFailure: false },
  );
}, 60_000);
