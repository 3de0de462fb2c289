/**
 * The local integration API (`/api/v1`) for host POS systems and scripts on
 * this machine. Each route is one service command run as `{role: 'system'}`;
 * the table below is the whole mapping (docs/api.md documents it, and a test
 * runs the documented examples). Amounts are øre.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { REST_ROUTES } from '../contract/commands';
import type { CommandName, CommandOutputs, Method, RestRequest } from '../contract/commands';
import type { TillService } from '../service/types';
import { bearerToken, tokensMatch } from './api-token';
import { msg } from '../core/i18n';
import { SYSTEM_SESSION, callWithRawInput } from './commands';
import { withRenderedTexts } from './api-text';
import { failure, toHttpFailure } from './errors';
import type { HttpFailure } from './errors';

interface ApiRequest {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Where a route's command input comes from: declared with the command (src/contract/commands). */
export type ApiRequestShape = RestRequest;

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

/** "idempotencyKey" → "idempotency_key", for the code of a header that disagrees with the body. */
function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * The command's input from the request, by the declared shape: the body (or one
 * field of it), then path parameters, query parameters and headers in their
 * fields. A header and the body naming one field differently is refused.
 */
export function inputFrom(shape: RestRequest, request: ApiRequest): Record<string, unknown> {
  const { body } = shape;
  const input: Record<string, unknown> =
    body === 'input'
      ? { ...bodyObject(request.body) }
      : body === 'none'
        ? {}
        : { [body.field]: request.body };
  for (const [param, field] of Object.entries(shape.params ?? {}))
    input[field] = request.params[param];
  for (const [name, { field, flag }] of Object.entries(shape.query ?? {})) {
    const value = request.query[name];
    // A flag is set by the text `true` only (erasure cannot be undone: the caller says so).
    if (flag) input[field] = value === 'true' ? true : undefined;
    else input[field] = value ?? '';
  }
  for (const [header, field] of Object.entries(shape.headers ?? {})) {
    const given = request.headers[header.toLowerCase()];
    const fromHeader = Array.isArray(given) ? given[0] : given;
    if (fromHeader === undefined) continue;
    if (input[field] !== undefined && input[field] !== fromHeader) {
      throw new InputProblem(
        failure(
          400,
          `${snakeCase(field)}_mismatch`,
          field === 'idempotencyKey'
            ? msg('commands.idempotencyKeyMismatch')
            : msg('commands.headerMismatch', { header }),
          field,
        ),
      );
    }
    input[field] = fromHeader;
  }
  return input;
}

/** The REST routes, each derived from its command's declaration. */
export const API_ROUTES: readonly ApiRoute[] = REST_ROUTES.map(({ command, route }) => ({
  method: route.method,
  path: route.path,
  command,
  request: route.request,
  input: (request: ApiRequest) => inputFrom(route.request, request),
  ...(route.created
    ? {
        status: (output: CommandOutputs[CommandName]) => (route.created!(output) ? 201 : 200),
        statuses: [201, 200],
      }
    : {}),
}));

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
          return send(reply, failure(401, 'unauthorized', msg('commands.apiTokenNeeded')));
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
              return reply
                .code(route.status ? route.status(output) : 200)
                .send(withRenderedTexts(output));
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
