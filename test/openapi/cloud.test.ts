/**
 * The cloud's served OpenAPI document (cloud/http/openapi.ts): valid OpenAPI
 * 3.1 (by an OpenAPI validator), every method of every path the running cloud
 * serves in it and nothing else, each operation's tokens the ones the route
 * takes, and its request schemas taking a good pairing and refusing a bad one.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudServer } from '../../cloud/server';
import type { RunningCloudServer } from '../../cloud/server';
import { freshPgliteDir } from '../../cloud/test/databases';
import { ROUTES } from '../../src/sync/protocol';
import type { PairResponse } from '../../src/sync/protocol';
import { expectValidOpenApi31, schemaAjv } from './validate';

type Json = Record<string, unknown>;

describe('GET /v1/openapi.json', () => {
  let server: RunningCloudServer;
  let dataDir: string;
  let document: Json;
  let status: number;
  const tokens: Record<'terminalToken' | 'adminToken', string> = {
    terminalToken: '',
    adminToken: '',
  };
  let storeCode = '';

  const call = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    dataDir = await freshPgliteDir();
    server = await startCloudServer({ port: 0, dataDir });
    storeCode = (await server.admin.addStore('OpenAPI-kjeden', 'Butikken')).storeCode;
    const paired = (await (
      await call('POST', ROUTES.pair, undefined, { storeCode, terminalName: 'Kasse 1' })
    ).json()) as PairResponse;
    tokens.terminalToken = paired.token;
    tokens.adminToken = await server.admin.addAdminToken('OpenAPI-kjeden');
    // No token: the document describes the protocol and holds no data.
    const response = await call('GET', ROUTES.openapi);
    status = response.status;
    document = (await response.json()) as Json;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const operations = (): Array<{ path: string; method: string; op: Json }> =>
    Object.entries(document.paths as Record<string, Json>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        op: op as Json,
      })),
    );

  const ajv = schemaAjv();

  it('is valid OpenAPI 3.1, served without a token', async () => {
    expect(status).toBe(200);
    await expectValidOpenApi31(document);
  });

  it('has every method of every route the cloud serves, and no other', async () => {
    const served: string[] = [];
    for (const path of Object.values(ROUTES)) {
      // The 405 answer's `allow` header names the methods a path takes.
      const probe = await call('PATCH', path);
      expect(probe.status, path).toBe(405);
      for (const method of probe.headers.get('allow')!.split(/,\s*/)) {
        if (method !== 'HEAD') served.push(`${method} ${path}`);
      }
    }
    const documented = operations().map(({ method, path }) => `${method} ${path}`);
    expect(documented.sort()).toEqual(served.sort());
    const ids = operations().map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('asks for the tokens each route takes', async () => {
    for (const { path, method, op } of operations()) {
      const security = op.security as Array<Record<string, unknown>>;
      const where = `${method} ${path}`;
      const anonymousOk =
        security.length === 0 || security.some((s) => Object.keys(s).length === 0);
      // Without a token: refused with 401 exactly when the document asks for one.
      const bare = await call(method, path, undefined, method === 'GET' ? undefined : {});
      await bare.arrayBuffer();
      expect(bare.status === 401, `${where} without a token: ${bare.status}`).toBe(!anonymousOk);
      if (anonymousOk) continue;
      // A token the document does not list is refused (403); no route runs with it.
      for (const scheme of ['terminalToken', 'adminToken'] as const) {
        if (security.some((s) => scheme in s)) continue;
        const wrong = await call(method, path, tokens[scheme], method === 'GET' ? undefined : {});
        await wrong.arrayBuffer();
        expect(wrong.status, `${where} with a ${scheme}`).toBe(403);
      }
    }
    // And one the document lists is let through (here, to a read).
    const pull = await call('GET', `${ROUTES.pull}?limit=1`, tokens.adminToken);
    expect(pull.status).toBe(200);
  });

  it('takes a good pairing and refuses a bad one, as the route does', async () => {
    const pair = operations().find((o) => o.path === ROUTES.pair)!.op;
    const schema = ((pair.requestBody as Json).content as Record<string, { schema: Json }>)[
      'application/json'
    ]!.schema;
    const valid = ajv.compile(schema);
    const good = { storeCode, terminalName: 'Kasse 2' };
    expect(valid(good), JSON.stringify(valid.errors)).toBe(true);
    expect((await call('POST', ROUTES.pair, undefined, good)).status).toBe(200);
    const bad = { storeCode, terminalName: '' };
    expect(valid(bad)).toBe(false);
    expect((await call('POST', ROUTES.pair, undefined, bad)).status).toBe(400);
  });

  it('describes its answers as the cloud gives them', async () => {
    const reads = [ROUTES.health, ROUTES.pull, ROUTES.conflicts, ROUTES.programme, ROUTES.refused];
    for (const path of reads) {
      const { op } = operations().find((o) => o.path === path && o.method === 'GET')!;
      const ok = (op.responses as Record<string, Json>)['200']!;
      const valid = ajv.compile(
        (ok.content as Record<string, { schema: Json }>)['application/json']!.schema,
      );
      const answer = await call('GET', path, tokens.adminToken);
      expect(answer.status, path).toBe(200);
      expect(valid(await answer.json()), `${path}: ${JSON.stringify(valid.errors)}`).toBe(true);
      expect(valid({ unrelated: true }), path).toBe(false);
    }
  });

  it('gives a refusal of the cloud the shape of its Error component', async () => {
    const errorSchema = (document.components as { schemas: Record<string, Json> }).schemas.Error!;
    const valid = ajv.compile(errorSchema);
    const refused = await call('GET', ROUTES.conflicts);
    expect(refused.status).toBe(401);
    const body: unknown = await refused.json();
    expect(valid(body), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ error: { code: 'not_a_code', message: 'x', field: null } })).toBe(false);
  });
});
