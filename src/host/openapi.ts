/**
 * The OpenAPI 3.1 document of the local API (`GET /api/v1/openapi.json`), so a
 * host POS vendor can generate a client. It is built from the route table
 * (API_ROUTES, with each route's request shape) and each command's zod input
 * schema, so a new route or command appears in it by itself. Commands whose
 * output is only a TypeScript type are described as an object, and say so.
 *
 * Served without the token, like /api/v1/health: it describes the API, holds
 * no data, and the host answers on loopback only.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { Catalogue } from '../core/catalogue';
import { Programme } from '../core/programme';
import { CommandInputs } from '../contract/commands';
import type { CommandName, CommandOutputs, ErrorBody } from '../contract/commands';
import { API_ROUTES } from './api-routes';
import type { ApiRoute } from './api-routes';

export const API_DOCUMENT_PATH = '/api/v1/openapi.json';

type JsonSchema = Record<string, unknown>;

/** Outputs that are a zod schema's output (checked by type); the others have only a TypeScript type. */
const OUTPUT_SCHEMAS: { [N in CommandName]?: z.ZodType<CommandOutputs[N]> } = {
  'programme.get': Programme,
  'programme.save': Programme,
  'catalogue.get': Catalogue,
  'catalogue.save': Catalogue,
};

const Rendered = z.object({ nb: z.string(), en: z.string(), sv: z.string() });

/** A message from the till's catalogue: its key and parameters (the till's UI renders it itself). */
const Said = z
  .object({
    key: z
      .string()
      .meta({ description: 'The message’s key in the catalogue (src/core/messages).' }),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    description: 'The same message as a key and parameters, for a client with the catalogue.',
  });

/** Every refusal of the till, the HTTP layer's own included (src/host/errors.ts). */
const ErrorResponse = z.object({
  error: z.object({
    code: z.string().meta({ description: 'What went wrong, for programs: `invalid_input`, …' }),
    message: z.string().meta({ description: 'English, for programs and logs.' }),
    field: z.string().nullable().meta({ description: 'The input at fault, dotted; or null.' }),
    text: Rendered.meta({
      description:
        'What went wrong and what to do, for the cashier, in bokmål, English and Swedish.',
    }),
    said: Said.optional(),
  }),
});

/** Every error body the till sends fits the documented shape (a compile-time check). */
export type DocumentedError = z.infer<typeof ErrorResponse>;
const fits = (body: { error: ErrorBody }): DocumentedError => body;
void fits;

const HealthResponse = z.object({
  ok: z.literal(true),
  api: z.literal('v1'),
  app: z.literal('lojal'),
});

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema, without its `$schema` line. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as JsonSchema;
}

const ERROR = { $ref: '#/components/responses/Error' };

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

function operationId(command: CommandName): string {
  return command.replace(/\.(\w)/g, (_all, letter: string) => letter.toUpperCase());
}

function responseSchema(command: CommandName): { schema: JsonSchema; note: string } {
  const schema = OUTPUT_SCHEMAS[command];
  if (schema) return { schema: jsonSchema(schema, 'output'), note: '' };
  return {
    schema: {
      type: 'object',
      description: `The output of \`${command}\`: described by a TypeScript type only (its declaration in src/contract/commands/), not a schema yet; see docs/api.md.`,
    },
    note: ' Its answer has no schema yet (a TypeScript type only).',
  };
}

function routeOperation(route: ApiRoute): Operation {
  const input = jsonSchema(CommandInputs[route.command], 'input');
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  const shape = route.request;
  // A shape naming a field the command does not take is a mistake in the table: fail loudly.
  const fieldSchema = (name: string): JsonSchema => {
    const schema = properties[name];
    if (!schema) throw new Error(`${route.method} ${route.path}: ${route.command} has no ${name}`);
    return schema;
  };
  const parameters: unknown[] = [];
  const taken = new Set<string>();
  for (const [name, field] of Object.entries(shape.params ?? {})) {
    taken.add(field);
    parameters.push({ name, in: 'path', required: true, schema: fieldSchema(field) });
  }
  for (const [name, { field, flag }] of Object.entries(shape.query ?? {})) {
    taken.add(field);
    const schema = fieldSchema(field);
    parameters.push({
      name,
      in: 'query',
      required: required.has(field),
      ...(flag ? { description: `\`true\` gives \`${field}: true\`.` } : {}),
      schema: flag ? { type: 'string', enum: ['true'] } : schema,
    });
  }
  for (const [name, field] of Object.entries(shape.headers ?? {})) {
    parameters.push({
      name,
      in: 'header',
      required: false,
      description: `Instead of \`${field}\` in the body (both given must agree).`,
      schema: fieldSchema(field),
    });
  }
  let body: JsonSchema | null = null;
  if (shape.body === 'input') {
    const headerFields = new Set(Object.values(shape.headers ?? {}));
    const rest = Object.fromEntries(Object.entries(properties).filter(([k]) => !taken.has(k)));
    // A field a header may fill is optional in the body.
    const stillRequired = [...required].filter((k) => !taken.has(k) && !headerFields.has(k));
    body = { ...input, properties: rest, required: stillRequired };
  } else if (shape.body !== 'none') {
    body = fieldSchema(shape.body.field);
  }
  const { schema, note } = responseSchema(route.command);
  const responses: Record<string, unknown> = {};
  for (const status of route.statuses ?? [200]) {
    responses[String(status)] = {
      description: status === 201 ? 'Created.' : 'Done.',
      content: { 'application/json': { schema } },
    };
  }
  Object.assign(responses, { '400': ERROR, '401': ERROR, '4XX': ERROR, '5XX': ERROR });
  return {
    operationId: operationId(route.command),
    summary: route.command,
    description: `Runs the till command \`${route.command}\` as the role \`system\` (docs/api.md).${note}`,
    tags: [route.command.split('.')[0]!],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } }
      : {}),
    responses,
  };
}

/** `/members/:id` → `/api/v1/members/{id}`. */
function openApiPath(path: string): string {
  return `/api/v1${path.replace(/:(\w+)/g, '{$1}')}`;
}

export function buildApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    '/api/v1/health': {
      get: {
        operationId: 'health',
        summary: 'health',
        description: 'For monitoring; no token needed.',
        tags: ['meta'],
        security: [],
        responses: {
          '200': {
            description: 'The till answers.',
            content: { 'application/json': { schema: jsonSchema(HealthResponse, 'output') } },
          },
          '4XX': ERROR,
          '5XX': ERROR,
        },
      },
    },
    [API_DOCUMENT_PATH]: {
      get: {
        operationId: 'openApiDocument',
        summary: 'This document',
        description: 'The OpenAPI 3.1 document of this API; no token needed.',
        tags: ['meta'],
        security: [],
        responses: {
          '200': {
            description: 'The document.',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '4XX': ERROR,
          '5XX': ERROR,
        },
      },
    },
  };
  for (const route of API_ROUTES) {
    const path = openApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: routeOperation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lojal local integration API',
      version: 'v1',
      description:
        'The till’s API for a host POS system or a script on the same machine (127.0.0.1 only). Amounts are whole øre, instants epoch milliseconds. See docs/api.md.',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        variables: { port: { default: '4780', description: 'LOJAL_PORT' } },
      },
    ],
    security: [{ apiToken: [] }],
    paths,
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The token in the file `api-token` in the till’s data folder.',
        },
      },
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
      responses: {
        Error: {
          description:
            'Refused: `{error: {code, message, field, text: {nb, en, sv}, said: {key, params}}}` (codes in docs/api.md).',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}

let built: Record<string, unknown> | null = null;

/** `GET /api/v1/openapi.json`, built once (the routes and schemas do not change while running). */
export function registerApiDocument(app: FastifyInstance): void {
  app.get(API_DOCUMENT_PATH, async () => (built ??= buildApiDocument()));
}
