/**
 * The till's served OpenAPI document (src/host/openapi.ts): valid OpenAPI 3.1 (by an OpenAPI validator),
 * every route of the table in it, its request schemas taking what docs/api.md
 * sends and refusing what the till refuses, and the route table's request
 * shapes the ones each route's `input` really reads.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { API_ROUTES, registerApiRoutes } from '../../src/host/api-routes';
import { apiTokenPath } from '../../src/host/api-token';
import { API_DOCUMENT_PATH, registerApiDocument } from '../../src/host/openapi';
import { startLiveHost } from '../../src/host/test-host';
import type { LiveHost } from '../../src/host/test-host';
import { expectValidOpenApi31, schemaAjv } from './validate';

const DOC = fileURLToPath(new URL('../../docs/api.md', import.meta.url));

type Json = Record<string, unknown>;

/** The `-d '…'` body and documented status of each sh example that calls `method path`. */
function documentedBodies(method: string, path: string): Array<{ body: unknown; status: number }> {
  const markdown = readFileSync(DOC, 'utf8');
  const found: Array<{ body: unknown; status: number }> = [];
  const example = /```sh\n([\s\S]*?)```[\s\S]*?Response `(\d{3})`/g;
  for (let m = example.exec(markdown); m; m = example.exec(markdown)) {
    const shell = m[1]!;
    if (!shell.includes(`-X ${method} "$LOJAL_URL${path}"`)) continue;
    const body = /-d '([^']*)'/.exec(shell);
    if (body) found.push({ body: JSON.parse(body[1]!), status: Number(m[2]) });
  }
  return found;
}

describe('GET /api/v1/openapi.json', () => {
  let live: LiveHost;
  let document: Json;
  let status: number;

  beforeAll(async () => {
    live = await startLiveHost();
    // No token: the document describes the API and holds no data.
    const response = await fetch(`${live.host.url}${API_DOCUMENT_PATH}`);
    status = response.status;
    document = (await response.json()) as Json;
  });
  afterAll(() => live.stop());

  const operation = (method: string, path: string): Json | undefined =>
    ((document.paths as Record<string, Json | undefined>)[path]?.[method.toLowerCase()] ??
      undefined) as Json | undefined;

  const bodySchema = (method: string, path: string): Json => {
    const requestBody = operation(method, path)?.requestBody as Json;
    return (requestBody.content as Record<string, { schema: Json }>)['application/json']!.schema;
  };

  const ajv = schemaAjv();

  it('is valid OpenAPI 3.1, served without the token', async () => {
    expect(status).toBe(200);
    await expectValidOpenApi31(document);
  });

  it('is not valid when broken (the validator judges)', async () => {
    const broken = structuredClone(document);
    delete (broken as { info?: unknown }).info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('has every route of the route table, each with its own operation id', () => {
    const paths = Object.keys(document.paths as Json);
    expect(paths).toContain('/api/v1/health');
    expect(paths).toContain(API_DOCUMENT_PATH);
    for (const route of API_ROUTES) {
      const path = `/api/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const op = operation(route.method, path);
      expect(op, `${route.method} ${path}`).toBeDefined();
      expect(op!.summary).toBe(route.command);
      for (const status of route.statuses ?? [200]) {
        expect(Object.keys(op!.responses as Json)).toContain(String(status));
      }
    }
    const ids = Object.values(document.paths as Record<string, Json>).flatMap((methods) =>
      Object.values(methods).map((op) => (op as Json).operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(API_ROUTES.length + 2);
  });

  it('has every route the API registers (the table’s and any other), and no other', async () => {
    const app = Fastify();
    const registered: string[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') registered.push(`${method} ${route.url}`);
      }
    });
    registerApiRoutes(app, live.service, 'token');
    registerApiDocument(app);
    await app.ready();
    await app.close();
    const documented = Object.entries(document.paths as Record<string, Json>).flatMap(
      ([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('takes the enrolment docs/api.md sends and refuses the one it shows refused', () => {
    const examples = documentedBodies('POST', '/api/v1/members');
    expect(examples.map((e) => e.status).sort()).toEqual([201, 400]);
    const valid = ajv.compile(bodySchema('POST', '/api/v1/members'));
    for (const { body, status: documented } of examples) {
      expect(valid(body), `${JSON.stringify(body)}: ${JSON.stringify(valid.errors)}`).toBe(
        documented === 201,
      );
    }
    expect(valid({ phone: '41234567', acceptTerms: true, profile: { postalCode: '12' } })).toBe(
      false,
    );
  });

  it('takes the return docs/api.md sends, without the sale id the path gives', () => {
    const [example] = documentedBodies('POST', '/api/v1/sales/$SALE_ID/return');
    expect(example?.status).toBe(200);
    const valid = ajv.compile(bodySchema('POST', '/api/v1/sales/{id}/return'));
    expect(valid(example!.body), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ lines: [] })).toBe(false);
    expect(valid({ lines: [{ lineId: 'L1', quantity: 0 }] })).toBe(false);
    const params = operation('POST', '/api/v1/sales/{id}/return')!.parameters as Json[];
    expect(params.map((p) => [p.name, p.in, p.required])).toEqual([['id', 'path', true]]);
  });

  it('describes the answers it has schemas for as the till gives them', async () => {
    const token = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
    for (const path of ['/api/v1/programme', '/api/v1/products']) {
      const ok = (operation('GET', path)!.responses as Record<string, Json>)['200']!;
      const schema = (ok.content as Record<string, { schema: Json }>)['application/json']!.schema;
      expect(schema.type, path).not.toBeUndefined();
      const valid = ajv.compile(schema);
      const answer = await fetch(`${live.host.url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answer.status).toBe(200);
      expect(valid(await answer.json()), `${path}: ${JSON.stringify(valid.errors)}`).toBe(true);
      expect(valid({ unrelated: true }), path).toBe(false);
    }
  });

  it('gives a refusal of the till the shape of its Error component', async () => {
    const errorSchema = (document.components as { schemas: Record<string, Json> }).schemas.Error!;
    const valid = ajv.compile(errorSchema);
    const refused = await fetch(`${live.host.url}/api/v1/members/lookup?q=41234567`);
    expect(refused.status).toBe(401);
    const body: unknown = await refused.json();
    expect(valid(body), JSON.stringify(valid.errors)).toBe(true);
    expect(valid({ error: { code: 'x', message: 'x', field: null } })).toBe(false);
    const enrol = operation('POST', '/api/v1/members')!.responses as Json;
    expect(enrol['401']).toEqual({ $ref: '#/components/responses/Error' });
    expect(enrol['5XX']).toEqual({ $ref: '#/components/responses/Error' });
  });
});

describe('the route table’s request shapes', () => {
  it('say where each route’s input really comes from', () => {
    for (const route of API_ROUTES) {
      const shape = route.request;
      const params = Object.fromEntries(Object.keys(shape.params ?? {}).map((p) => [p, `P-${p}`]));
      const query = Object.fromEntries(
        Object.entries(shape.query ?? {}).map(([q, { flag }]) => [q, flag ? 'true' : `Q-${q}`]),
      );
      const headers = Object.fromEntries(
        Object.keys(shape.headers ?? {}).map((h) => [h.toLowerCase(), `H-${h}`]),
      );
      const body = shape.body === 'none' ? undefined : { marker: 'B' };
      const input = route.input({ params, query, body, headers }) as Json;
      const where = `${route.method} ${route.path}`;
      const expected: Json = {};
      if (shape.body === 'input') expected.marker = 'B';
      else if (shape.body !== 'none') expected[shape.body.field] = body;
      for (const [p, field] of Object.entries(shape.params ?? {})) expected[field] = `P-${p}`;
      for (const [q, { field, flag }] of Object.entries(shape.query ?? {})) {
        expected[field] = flag ? true : `Q-${q}`;
      }
      for (const [h, field] of Object.entries(shape.headers ?? {})) expected[field] = `H-${h}`;
      expect(input, where).toEqual(expected);
      // The statuses the document lists are those `status` may give (200 without it).
      expect(route.statuses === undefined, where).toBe(route.status === undefined);
    }
  });
});
