/**
 * campaign_send_10k_s (issue 17, "Benchmarks"): a campaign sent by SMS to a
 * segment of 10,000 consenting members, on PostgreSQL (127.0.0.1:5432 or
 * DATABASE_URL, database `test`, a schema of its own made by the cloud's
 * migrations), through the fake Sveve (test/messaging/fake-sveve.ts, a real
 * HTTP server on loopback in this process). Timed from `campaign.send` (the
 * segment read, one message per member queued in the outbox) through the
 * sender's rounds (`sendDue`: claims a batch, decides consent and cap, calls
 * the provider with bounded concurrency, records the outcomes) until the
 * provider's 10,000 delivery reports have come back by callback to the
 * cloud's HTTP route and every message is `delivered`.
 *
 * Floor: the same 10,000 bare HTTP calls (the same request bodies) to the
 * same fake provider from this process, at the sender's concurrency, in the
 * same run (the fake sends no reports then). Goal: within 2× the floor.
 *
 * The members come from a CSV import (consent with time and source); quiet
 * hours are set to one minute a day so the figure does not depend on the hour.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { Scope } from '../cloud/backoffice/scope';
import { createCampaign, sendCampaign } from '../cloud/campaigns/campaigns';
import { runImport, uploadFile } from '../cloud/imports/run';
import { outboxSummary } from '../cloud/messaging/outbox';
import { callbackKey, sendDue } from '../cloud/messaging/sender';
import { setMessagingSettings } from '../cloud/messaging/settings';
import { saveSegment } from '../cloud/segments/saved';
import { startCloudServer } from '../cloud/server';
import { suggestMapping } from '../src/core/imports/plan';
import { SegmentRule } from '../src/core/programme';
import { FakeSveve } from '../test/messaging/fake-sveve';
import { figure, round } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'lojal_bench_campaign';
const MEMBERS = Number(process.env.BENCH_CAMPAIGN_MEMBERS ?? 10_000);
const GOAL_RATIO = 2;
/** The sender's defaults (cloud/messaging/sender.ts), used by the floor too. */
const CONCURRENCY = 32;
const SECRET = 'bench-campaign-secret';
const TEXT = 'Hei! 20 % på alt garn i helgen hos Garnbua. Vis kortet i kassa.';

function schemaUrl(): string {
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${SCHEMA}`);
  return url.toString();
}

async function freshSchema(): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.query(`CREATE SCHEMA ${SCHEMA}`);
  } finally {
    await admin.end();
  }
}

/** The members to import: each with a phone and SMS consent given at a recorded time and place. */
function membersFile(n: number): Uint8Array {
  const lines = ['Mobil;Fornavn;SMS;Samtykketidspunkt;Kilde'];
  for (let i = 0; i < n; i++)
    lines.push([String(40_000_000 + i * 13), 'Kari', 'ja', '2025-05-02 10:00', 'Butikk'].join(';'));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** Runs `work` over 0..n-1 with at most `limit` at once. */
async function pool(n: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
}

/** The bare calls: the request the Sveve adapter makes, 10,000 times, CONCURRENCY at once. */
async function bareCalls(sveve: FakeSveve, n: number): Promise<number> {
  const url = `${sveve.url}/SMS/SendMessage`;
  const t0 = performance.now();
  await pool(n, CONCURRENCY, async (i) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user: 'butikk',
        passwd: 'hemmelig',
        to: String(4740_000_000 + i * 13),
        msg: `${TEXT}\nSvar STOPP for å melde deg av`,
        from: 'Garnbua',
        ref: `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
        f: 'json',
      }),
    });
    const json = (await response.json()) as { response?: { msgOkCount?: number } };
    if (json.response?.msgOkCount !== 1) throw new Error('the fake provider refused a bare call');
  });
  return (performance.now() - t0) / 1000;
}

const bench: Benchmark = {
  name: 'campaign-send',
  about: `a campaign's SMS to ${MEMBERS.toLocaleString('en')} members queued, sent through the fake Sveve and reported delivered, vs the same bare HTTP calls`,
  async run(): Promise<Figure[]> {
    await freshSchema();
    const sveve = await FakeSveve.start();
    const server = await startCloudServer({
      port: 0,
      host: '127.0.0.1',
      databaseUrl: schemaUrl(),
      messaging: {
        sms: {
          provider: 'sveve',
          baseUrl: sveve.url,
          user: 'butikk',
          password: 'hemmelig',
          from: 'Garnbua',
        },
        secret: SECRET,
        concurrency: CONCURRENCY,
      },
    });
    try {
      const db = server.database;
      const messaging = server.messaging!;
      const now = Date.now();
      const { chainId } = await server.admin.addStore('Garnbua', 'Sentrum');
      const { account } = await server.admin.addOwner('Garnbua', 'eier@garnbua.no', 'Eier');
      const asker = {
        accountId: account.accountId,
        scope: new Scope({ chainId, role: 'owner', storeIds: [] }),
      };
      const who = { chainId, accountId: asker.accountId };
      const preview = uploadFile(who, 'medlemmer.csv', membersFile(MEMBERS), now);
      for (let from = 0; ;) {
        const progress = await runImport(
          db,
          who,
          preview.uploadId,
          suggestMapping(preview.header),
          from,
          now,
        );
        from = progress.done;
        if (progress.finished) break;
      }
      await setMessagingSettings(
        db,
        chainId,
        { frequencyCap: 2, quietStartMinute: 23 * 60 + 59, quietEndMinute: 0, smsSender: null },
        now,
      );
      const segment = await saveSegment(
        db,
        asker,
        { name: 'Alle', rule: SegmentRule.parse({}) },
        now,
      );
      const campaign = await createCampaign(
        db,
        asker,
        {
          name: 'Garnhelg',
          segmentId: segment.id,
          offer: { kind: 'message' },
          sms: { text: TEXT },
          email: null,
          sendAt: null,
        },
        now,
      );

      // Floor first (no reports), then the campaign (reports back to the cloud's callback).
      const load0 = loadavg()[0]!;
      const floorS = await bareCalls(sveve, MEMBERS);
      sveve.received.length = 0;
      sveve.reportUrl = `${server.url}/messaging/sms/report/${callbackKey({ secret: SECRET })}`;

      const t0 = performance.now();
      const sent = await sendCampaign(db, asker, campaign.id, Date.now(), {
        sms: true,
        email: false,
      });
      if (sent.enqueued.sms !== MEMBERS)
        throw new Error(`queued ${sent.enqueued.sms} of ${MEMBERS} messages`);
      let rounds = 0;
      for (;;) {
        const report = await sendDue(db, messaging, Date.now());
        rounds += 1;
        if (report.sent === 0) break;
      }
      const sentS = (performance.now() - t0) / 1000;
      let delivered = 0;
      for (;;) {
        const summary = await outboxSummary(db, chainId, `campaign:${campaign.id}`);
        delivered = summary.sms.delivered;
        if (delivered >= MEMBERS) break;
        if (summary.sms.failed + summary.sms.skipped > 0 || performance.now() - t0 > 600_000)
          throw new Error(`delivered ${delivered} of ${MEMBERS}: ${JSON.stringify(summary.sms)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const valueS = (performance.now() - t0) / 1000;
      if (sveve.received.length !== MEMBERS)
        throw new Error(`the provider got ${sveve.received.length} texts for ${MEMBERS} members`);
      const ratio = valueS / floorS;
      const note =
        `${MEMBERS} members imported with SMS consent, one segment (everyone), one campaign; ` +
        `campaign.send queued ${MEMBERS} in the outbox, ${rounds} sendDue calls (batches of 500, ${CONCURRENCY} provider calls in flight), ` +
        `the last text sent after ${sentS.toFixed(1)} s, ${delivered} delivery reports back by GET to the cloud's callback route; ` +
        `floor: ${MEMBERS} bare POSTs with the same bodies, ${CONCURRENCY} at once, same fake provider, same process; ` +
        `load average ${load0.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end (2 cores shared)`;
      return [
        {
          ...figure({
            name: 'campaign_send_10k_s',
            value: round(valueS, 2),
            unit: 's',
            floor: round(floorS, 2),
            goal: `≤ ${GOAL_RATIO}× the same bare HTTP calls`,
            met: valueS <= GOAL_RATIO * floorS,
            note: MEMBERS === 10_000 ? note : `${MEMBERS} members only: ${note}`,
          }),
          ratio: round(ratio, 2),
        },
      ];
    } finally {
      await sveve.settled();
      await server.close();
      await sveve.close();
    }
  },
};

export default bench;
