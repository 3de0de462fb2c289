/**
 * A busy database answers 503 with retry-after, never 500, and stores nothing:
 * every connection of the pool taken, and the chain's lock not granted in
 * time. PostgreSQL only (the embedded database has one connection and no
 * waits between requests).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memberEvents } from '../src/core/member/test-events';
import { ErrorResponse, PushResponse, ROUTES } from '../src/sync/protocol';
import { CHAIN_LOCK_SPACE } from './event-rows';
import { startCloudServer } from './server';
import type { RunningCloudServer } from './server';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';
import { expectBody, TestCloud } from './test/cloud';
import type { HttpAnswer } from './test/cloud';

const T0 = Date.UTC(2026, 8, 1, 10, 0, 0);
const target = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

function expectBusy(answer: HttpAnswer): void {
  const { error } = expectBody(answer, 503, ErrorResponse);
  expect(error.code).toBe('unavailable');
  expect(error.message).toMatch(/busy.*try again in 1 s/);
  expect(answer.headers.get('retry-after')).toBe('1');
}

describeOn(target, 'a busy database', () => {
  let database: DatabaseInstance;
  let server: RunningCloudServer;
  let cloud: TestCloud;
  beforeAll(async () => {
    database = await target.create();
    server = await startCloudServer({
      port: 0,
      ...database.location,
      postgres: { poolSize: 2, connectionTimeoutMs: 300, lockTimeoutMs: 300 },
    });
    cloud = new TestCloud(server, target.label);
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('answers 503 with retry-after while every connection is taken, and works once one is free', async () => {
    const till = await cloud.newTill();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const holders = [1, 2].map(() => server.database.transaction(() => held));
    try {
      expectBusy(await till.call('GET', ROUTES.pull));
    } finally {
      release();
      await Promise.all(holders);
    }
    expect((await till.call('GET', ROUTES.pull)).status).toBe(200);
  });

  it("answers 503 when the chain's lock is not granted in time, and stores nothing", async () => {
    const till = await cloud.newTill();
    const m = memberEvents('member-busy');
    const batch = [m.enrolled(T0, {}, till.origin), m.sale(T0 + 1, till.origin)];
    // Someone else holds the chain's lock (as a push numbering its events would).
    const holder = new pg.Client({ connectionString: database.location.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [
        CHAIN_LOCK_SPACE,
        till.pairing.chainId,
      ]);
      expectBusy(await till.call('POST', ROUTES.push, { events: batch }));
      await holder.query('SELECT pg_advisory_unlock_all()');
    } finally {
      await holder.end();
    }
    expect(await till.pullAll()).toEqual([]);
    const members = await server.database.query('SELECT 1 FROM members WHERE member_id = $1', [
      'member-busy',
    ]);
    expect(members).toEqual([]);

    // Sent again, it is stored once.
    expect(
      expectBody(await till.call('POST', ROUTES.push, { events: batch }), 200, PushResponse).acked,
    ).toEqual(batch.map((e) => e.id));
    expect((await till.pullAll()).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });
});
