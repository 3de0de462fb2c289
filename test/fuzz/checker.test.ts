/**
 * The fuzzer's checks can fail: against a small server that does each wrong
 * thing on purpose (a 500, Fastify's own error shape, a refusal that changes
 * state, no answer), runCase reports exactly that, and nothing for a refusal
 * done right.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { errorShapeProblem, runCase } from './support';
import type { FuzzCase, Party } from './support';

const RIGHT = JSON.stringify({
  error: { code: 'x', message: 'x', field: null, text: { nb: 'nei', en: 'no' } },
});
let state = 0;
let server: Server;
let party: Party;

beforeAll(async () => {
  server = createServer((req, res) => {
    const send = (status: number, body: string) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    };
    if (req.url === '/500') return send(500, RIGHT);
    if (req.url === '/fastify') return send(404, '{"message":"Route not found","statusCode":404}');
    if (req.url === '/writes') {
      state += 1;
      return send(400, RIGHT);
    }
    if (req.url === '/hang') return; // never answers
    return send(400, RIGHT);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  party = {
    name: 'till',
    port,
    routes: [],
    credentials: ['none'],
    authorization: () => null,
    primary: () => 'none',
    ids: [],
    seed: () => ({}),
    query: () => ({}),
    digest: async () => String(state),
    after: async () => undefined,
    close: async () => undefined,
  };
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const at = (path: string): FuzzCase => ({
  method: 'GET',
  route: { method: 'GET', path },
  path,
  credential: 'none',
  contentType: null,
  body: null,
  extraHeaders: {},
});

it('reports a 5xx, a foreign error shape, a refusal that changed state and a hang', async () => {
  expect((await runCase(party, at('/500'), 2000)).map((v) => v.kind)).toEqual(['server_error']);
  expect((await runCase(party, at('/fastify'), 2000)).map((v) => v.kind)).toEqual(['shape']);
  expect((await runCase(party, at('/writes'), 2000)).map((v) => v.kind)).toEqual(['state_changed']);
  expect((await runCase(party, at('/hang'), 300)).map((v) => v.kind)).toEqual(['hang']);
  expect(await runCase(party, at('/right'), 2000)).toEqual([]);
});

it('holds the error shape exactly: no key more or fewer, text in both languages', () => {
  expect(errorShapeProblem(RIGHT)).toBeNull();
  // The till's: its text in three languages and the message it renders.
  expect(
    errorShapeProblem(
      '{"error":{"code":"x","message":"x","field":null,"text":{"nb":"a","en":"b","sv":"c"},"said":{"key":"commands.wrongPin"}}}',
    ),
  ).toBeNull();
  const bad = [
    '{"error":{"code":"x","message":"x","field":null}}',
    '{"error":{"code":"x","message":"x","field":null,"text":{"nb":"a"}}}',
    '{"error":{"code":"","message":"x","field":null,"text":{"nb":"a","en":"b"}}}',
    '{"error":{"code":"x","message":"x","field":null,"text":{"nb":"a","en":"b"},"statusCode":400}}',
    '{"error":"Bad Request","message":"x","statusCode":400}',
    '{"error":{"code":"x","message":"x","field":null,"text":{"nb":"a","en":"b"},"said":{"key":"k"}}}',
    '{"error":{"code":"x","message":"x","field":null,"text":{"nb":"a","en":"b","sv":"c"},"said":"k"}}',
    'Bad Request',
  ];
  for (const body of bad) expect(errorShapeProblem(body), body).not.toBeNull();
});
