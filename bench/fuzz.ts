/**
 * `npm run fuzz`: the fuzz suite's long run (test/fuzz/support.ts): every till
 * `/api/v1` route and `/rpc` command and every cloud route, first each with
 * fixed hostile variants, then random and adversarial requests, until at least
 * FUZZ_REQUESTS (default 20,000) requests are sent. Counts every request and
 * every violation (5xx, hang, error shape, state changed by a refusal) instead
 * of stopping at the first; the first few of each are printed and noted.
 */
import fc from 'fast-check';
import { figure } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';
import { startCloudServer } from '../cloud/server';
import { freshPgliteDir } from '../cloud/test/databases';
import {
  caseArbitrary,
  everyRouteCases,
  extremeCases,
  runCase,
  startCloud,
  startTill,
} from '../test/fuzz/support';
import type { Party, Violation } from '../test/fuzz/support';

const TIMEOUT_MS = 15_000;
/** Cases drawn at once: small enough that a batch's bodies (some megabytes) stay in memory briefly. */
const BATCH = 200;

interface Tally {
  requests: number;
  violations: Violation[];
  byKind: Record<string, number>;
}

async function fuzzParty(party: Party, target: number, seed: number, tally: Tally): Promise<void> {
  const record = (found: Violation[]) => {
    tally.requests += 1;
    for (const v of found) {
      tally.byKind[v.kind] = (tally.byKind[v.kind] ?? 0) + 1;
      if (tally.violations.length < 50) tally.violations.push(v);
      if ((tally.byKind[v.kind] ?? 0) <= 3)
        console.log(
          `  ${party.name} ${v.kind}: ${v.request.slice(0, 300)} → ${v.detail.slice(0, 300)}`,
        );
    }
  };
  for (const c of everyRouteCases(party)) record(await runCase(party, c, TIMEOUT_MS));
  for (const c of extremeCases(party)) record(await runCase(party, c, TIMEOUT_MS));
  let round = 0;
  const arbitrary = caseArbitrary(party);
  while (tally.requests < target) {
    const cases = fc.sample(arbitrary, { numRuns: BATCH, seed: seed + round });
    round += 1;
    for (const c of cases) {
      if (tally.requests >= target) break;
      record(await runCase(party, c, TIMEOUT_MS));
    }
    if (round % 10 === 0) console.log(`  ${party.name}: ${tally.requests} requests`);
  }
}

const fuzz: Benchmark = {
  name: 'fuzz',
  about:
    'random and adversarial requests to every till and cloud route: no 5xx, no hang, one error shape, no change on a refusal',
  async run(): Promise<Figure[]> {
    const total = Number(process.env.FUZZ_REQUESTS ?? 20_000);
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
    const started = Date.now();
    const till: Tally = { requests: 0, violations: [], byKind: {} };
    const cloud: Tally = { requests: 0, violations: [], byKind: {} };

    const tillParty = await startTill();
    try {
      await fuzzParty(tillParty, Math.ceil(total * 0.4), seed, till);
    } finally {
      await tillParty.close();
    }

    // A till paired with a cloud of its own: whatever it took in, the cloud must take from it.
    const paired: Tally = { requests: 0, violations: [], byKind: {} };
    const upstream = await startCloudServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: await freshPgliteDir(),
    });
    let pushedNote = '';
    try {
      const store = await upstream.admin.addStore('Fuzz-kjeden', 'Fuzz-butikken');
      const party = await startTill({ url: upstream.url, storeCode: store.storeCode });
      const stayPaired = {
        ...party,
        routes: party.routes.filter((r) => !r.path.startsWith('/rpc/sync.')),
      };
      try {
        await fuzzParty(stayPaired, Math.ceil(total * 0.2), seed + 500_000, paired);
        const { report, status } = await party.sync();
        const [stored] = await upstream.database.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM events',
        );
        pushedNote = `; its cloud holds ${stored?.n ?? 0} events, and of the till's own ${status.pending} wait, ${status.rejected} were refused and ${status.quarantined} set aside (quarantined) as unsendable`;
        const refused = status.pending + status.rejected + status.quarantined;
        if (refused > 0 || report.error) {
          paired.byKind.cloud_refused = refused || 1;
          paired.violations.push({
            kind: 'cloud_refused',
            request: 'sync.now after the paired fuzz',
            detail: JSON.stringify({
              error: report.error,
              rejected: status.rejectedEvents.slice(0, 3),
            }),
          });
          console.log(`  paired till: the cloud did not take everything${pushedNote}`);
          for (const q of status.quarantine.slice(0, 3)) console.log(`    ${q.type}: ${q.reason}`);
        }
      } finally {
        await party.close();
      }
    } finally {
      await upstream.close();
    }
    till.requests += paired.requests;
    for (const [k, n] of Object.entries(paired.byKind)) till.byKind[k] = (till.byKind[k] ?? 0) + n;
    till.violations.push(...paired.violations);

    const cloudParty = await startCloud();
    try {
      await fuzzParty(
        cloudParty,
        Math.max(total - till.requests, Math.ceil(total * 0.4)),
        seed + 1_000_000,
        cloud,
      );
    } finally {
      await cloudParty.close();
    }

    const requests = till.requests + cloud.requests;
    const serverErrors = (till.byKind.server_error ?? 0) + (cloud.byKind.server_error ?? 0);
    const kinds = (t: Tally) =>
      Object.entries(t.byKind)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'no violations';
    const seconds = (Date.now() - started) / 1000;
    const routes = `${tillParty.routes.length} till routes and commands, ${cloudParty.routes.length} cloud routes`;
    const first = [...till.violations, ...cloud.violations]
      .slice(0, 3)
      .map((v) => `${v.kind}: ${v.request.slice(0, 160)} → ${v.detail.slice(0, 120)}`)
      .join('; ');
    const note =
      `${till.requests} requests to the till host (temp SQLite file; ${paired.requests} of them to a till paired with a cloud of its own${pushedNote}; ${kinds(till)}) and ${cloud.requests} to the cloud (PGlite; ${kinds(cloud)}), ${routes}, ` +
      `in ${seconds.toFixed(0)} s, seed ${seed} (FUZZ_SEED replays it). Each route first with every credential and fixed hostile bodies, then fast-check's random and adversarial requests (wrong types, huge strings, NUL and lone surrogates, deep nesting, unsafe numbers, bad %-encodings, long path parameters, wrong methods, content types and tokens). ` +
      `A 503 naming an unreachable party (cloud_unavailable, unavailable) is the right answer, not counted.` +
      (first ? ` First found: ${first}` : '');
    const count = (t: Tally) => Object.values(t.byKind).reduce((a, b) => a + b, 0);
    const violations = count(till) + count(cloud);
    return [
      figure({
        name: 'fuzz_requests',
        value: requests,
        unit: 'req',
        floor: null,
        goal: 'at least 20,000 requests in the long run, no other violation (hang, error shape, state changed by a refusal, an event the cloud refused from the till)',
        met: requests >= 20_000 && violations === serverErrors,
        note,
      }),
      figure({
        name: 'fuzz_server_errors',
        value: serverErrors,
        unit: '5xx',
        floor: null,
        goal: '0',
        met: serverErrors === 0,
        note: `5xx answers among the ${requests} fuzz requests (see fuzz_requests)`,
      }),
    ];
  },
};

export default fuzz;
