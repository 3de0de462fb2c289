/**
 * The local integration API (`/api/v1`) for host POS systems and scripts on
 * this machine. Each route is one service command run as `{role: 'system'}`;
 * the table below is the whole mapping (docs/api.md documents it, and a test
 * runs the documented examples). Amounts are øre.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CommandName, CommandOutputs } from '../contract/commands';
import type { TillService } from '../service/types';
import { bearerToken, tokensMatch } from './api-token';
import { text } from '../core/i18n';
import { SYSTEM_SESSION, callWithRawInput } from './commands';
import { failure, toHttpFailure } from './errors';
import type { HttpFailure } from './errors';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface ApiRequest {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Where a route's command input comes from, as data: the OpenAPI document
 * (openapi.ts) is built from it and the command's schema, and a test holds
 * each route's `input` to it.
 */
export interface ApiRequestShape {
  /** Path parameter → the input field it fills. */
  params?: Readonly<Record<string, string>>;
  /** Query parameter → the input field it fills; a `flag` gives `true` for the text `true` only. */
  query?: Readonly<Record<string, { field: string; flag?: true }>>;
  /** Header → the input field it may fill instead of the body. */
  headers?: Readonly<Record<string, string>>;
  /** The JSON body: the input (less the fields above), one field of it, or none. */
  body: 'input' | { field: string } | 'none';
}

export interface ApiRoute {
  method: Method;
  /** Fastify path under /api/v1, e.g. `/members/:id`. */
  path: string;
  command: CommandName;
  request: ApiRequestShape;
  /** Build the command's input from the request; a failure is answered as is. */
  input: (request: ApiRequest) => unknown;
  /** Status of a successful answer (200 unless said otherwise). */
  status?: (output: CommandOutputs[CommandName]) => number;
  /** Every status `status` may give, for the OpenAPI document. */
  statuses?: readonly number[];
}

function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

class InputProblem extends Error {
  constructor(readonly failure: HttpFailure) {
    super(failure.body.error.message);
  }
}

/** A sale's idempotency key may come in the body or the `Idempotency-Key` header. */
function saleInput(request: ApiRequest): unknown {
  const body = bodyObject(request.body);
  const header = request.headers['idempotency-key'];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (
    fromHeader !== undefined &&
    body.idempotencyKey !== undefined &&
    body.idempotencyKey !== fromHeader
  ) {
    throw new InputProblem(
      failure(
        400,
        'idempotency_key_mismatch',
        text(
          'Idempotency-Key-headeren og innholdet har ulike nøkler; send én nøkkel.',
          'The Idempotency-Key header and the body disagree; send one key.',
        ),
        'idempotencyKey',
      ),
    );
  }
  return fromHeader === undefined ? body : { ...body, idempotencyKey: fromHeader };
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: 'POST',
    path: '/members',
    command: 'member.enrol',
    request: { body: 'input' },
    input: (r) => r.body,
    status: (out) => ((out as CommandOutputs['member.enrol']).created ? 201 : 200),
    statuses: [201, 200],
  },
  {
    method: 'GET',
    path: '/members/lookup',
    command: 'member.lookup',
    request: { query: { q: { field: 'query' } }, body: 'none' },
    input: (r) => ({ query: r.query.q ?? '' }),
  },
  {
    method: 'GET',
    path: '/members/:id',
    command: 'member.get',
    request: { params: { id: 'memberId' }, body: 'none' },
    input: (r) => ({ memberId: r.params.id }),
  },
  {
    method: 'GET',
    path: '/members/:id/export',
    command: 'member.export',
    request: { params: { id: 'memberId' }, body: 'none' },
    input: (r) => ({ memberId: r.params.id }),
  },
  {
    method: 'DELETE',
    path: '/members/:id',
    command: 'member.erase',
    request: {
      params: { id: 'memberId' },
      query: { confirm: { field: 'confirm', flag: true } },
      body: 'none',
    },
    // Erasure cannot be undone: the caller says so explicitly.
    input: (r) => ({
      memberId: r.params.id,
      confirm: r.query.confirm === 'true' ? true : undefined,
    }),
  },
  {
    method: 'POST',
    path: '/baskets/evaluate',
    command: 'basket.evaluate',
    request: { body: 'input' },
    input: (r) => r.body,
  },
  {
    method: 'POST',
    path: '/sales',
    command: 'sale.commit',
    request: { headers: { 'Idempotency-Key': 'idempotencyKey' }, body: 'input' },
    input: saleInput,
    status: (out) => ((out as CommandOutputs['sale.commit']).duplicate ? 200 : 201),
    statuses: [201, 200],
  },
  {
    method: 'GET',
    path: '/sales/:id',
    command: 'sale.get',
    request: { params: { id: 'saleId' }, body: 'none' },
    input: (r) => ({ saleId: r.params.id }),
  },
  {
    method: 'POST',
    path: '/sales/:id/void',
    command: 'sale.void',
    request: { params: { id: 'saleId' }, body: 'input' },
    input: (r) => ({ ...bodyObject(r.body), saleId: r.params.id }),
  },
  {
    method: 'POST',
    path: '/sales/:id/return',
    command: 'sale.return',
    request: { params: { id: 'saleId' }, body: 'input' },
    input: (r) => ({ ...bodyObject(r.body), saleId: r.params.id }),
  },
  {
    method: 'GET',
    path: '/programme',
    command: 'programme.get',
    request: { body: 'none' },
    input: () => ({}),
  },
  {
    method: 'PUT',
    path: '/programme',
    command: 'programme.save',
    request: { body: { field: 'programme' } },
    input: (r) => ({ programme: r.body }),
  },
  {
    method: 'GET',
    path: '/products',
    command: 'catalogue.get',
    request: { body: 'none' },
    input: () => ({}),
  },
  {
    method: 'PUT',
    path: '/products',
    command: 'catalogue.save',
    request: { body: { field: 'products' } },
    input: (r) => ({ products: r.body }),
  },
];

function toApiRequest(request: FastifyRequest): ApiRequest {
  return {
    params: request.params as Record<string, string>,
    query: request.query as Record<string, string | undefined>,
    body: request.body,
    headers: request.headers,
  };
}

function send(reply: FastifyReply, problem: HttpFailure): FastifyReply {
  return reply.code(problem.status).send(problem.body);
}

export function registerApiRoutes(
  app: FastifyInstance,
  service: TillService,
  apiToken: string,
): void {
  app.get('/api/v1/health', async () => ({ ok: true, api: 'v1', app: 'lojal' }));

  void app.register(
    async (scope) => {
      // Checked before the body is even parsed: without the token nothing runs.
      scope.addHook('onRequest', async (request, reply) => {
        const presented = bearerToken(request.headers.authorization);
        if (!presented || !tokensMatch(presented, apiToken)) {
          return send(
            reply,
            failure(
              401,
              'unauthorized',
              text(
                'Send nøkkelen fra filen api-token som «Authorization: Bearer <nøkkel>».',
                'Send the token from the api-token file as "Authorization: Bearer <token>".',
              ),
            ),
          );
        }
      });
      for (const route of API_ROUTES) {
        scope.route({
          method: route.method,
          url: route.path,
          handler: async (request, reply) => {
            try {
              const input = route.input(toApiRequest(request));
              const output = await callWithRawInput(service, route.command, input, SYSTEM_SESSION);
              return reply.code(route.status ? route.status(output) : 200).send(output);
            } catch (error) {
              return send(
                reply,
                error instanceof InputProblem ? error.failure : toHttpFailure(error),
              );
            }
          },
        });
      }
    },
    { prefix: '/api/v1' },
  );
}
