/**
 * The OpenAPI 3.1 document of the cloud's routes (`GET /v1/openapi.json`),
 * built from the wire contract: ROUTES and the zod schemas of
 * src/sync/protocol.ts, the same ones the routes parse with. The table below
 * ties each route to its schemas and tokens; it must name every key of ROUTES
 * (by type), and a test holds its methods and tokens to what the running cloud
 * answers. Served without a token: it describes the protocol, holds no data.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AnnouncementQuery,
  AnnouncementResponse,
  ConflictsResponse,
  ErrorResponse,
  HealthResponse,
  MemberLookupQuery,
  MemberPageLinkQuery,
  MemberPageLinkResponse,
  MemberLookupResponse,
  PairRequest,
  PairResponse,
  ProgrammeResponse,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  QuarantineReport,
  QuarantineResponse,
  RefusedQuery,
  RefusedResponse,
  ROUTES,
  SaveProgrammeRequest,
  SaveProgrammeResponse,
  SnapshotEventsQuery,
  SnapshotEventsResponse,
  SnapshotHeadQuery,
  SnapshotHeadResponse,
  SnapshotMembersQuery,
  SnapshotMembersResponse,
  UnpairResponse,
} from '../../src/sync/protocol';

type JsonSchema = Record<string, unknown>;

/**
 * Who may call: anyone, anyone with a terminal's token optional (pairing again),
 * or the tokens listed (`ctx.authorise` in the route).
 */
export type CloudAuth = 'anyone' | 'anyone_or_terminal' | ReadonlyArray<'terminal' | 'admin'>;

export interface CloudOperation {
  method: 'GET' | 'POST' | 'PUT';
  summary: string;
  auth: CloudAuth;
  /** Each property is a query parameter. */
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The body of the 200 answer; null for this document itself. */
  response: z.ZodType | null;
}

export const CLOUD_OPERATIONS: { readonly [K in keyof typeof ROUTES]: readonly CloudOperation[] } =
  {
    health: [
      {
        method: 'GET',
        summary: 'The cloud and its database answer',
        auth: 'anyone',
        response: HealthResponse,
      },
    ],
    openapi: [{ method: 'GET', summary: 'This document', auth: 'anyone', response: null }],
    pair: [
      {
        method: 'POST',
        summary:
          'Pair a till with a store by its code (its current token pairs it again as itself)',
        auth: 'anyone_or_terminal',
        body: PairRequest,
        response: PairResponse,
      },
    ],
    unpair: [
      {
        method: 'POST',
        summary: 'Revoke this terminal’s token',
        auth: ['terminal'],
        response: UnpairResponse,
      },
    ],
    push: [
      {
        method: 'POST',
        summary: 'Send the till’s events (each accepted or rejected on its own)',
        auth: ['terminal'],
        body: PushRequest,
        response: PushResponse,
      },
    ],
    pull: [
      {
        method: 'GET',
        summary: 'The chain’s events after a cursor',
        auth: ['terminal', 'admin'],
        query: PullQuery,
        response: PullResponse,
      },
    ],
    announcements: [
      {
        method: 'GET',
        summary:
          'Held until the chain has events after the cursor (or waitMs passes): the chain’s head, never the events; spaces are sent while held',
        auth: ['terminal', 'admin'],
        query: AnnouncementQuery,
        response: AnnouncementResponse,
      },
    ],
    snapshotHead: [
      {
        method: 'GET',
        summary:
          'A new till’s start: the chain’s head, how many events lie after the cursor, the sales retention',
        auth: ['terminal'],
        query: SnapshotHeadQuery,
        response: SnapshotHeadResponse,
      },
    ],
    snapshotMembers: [
      {
        method: 'GET',
        summary: 'Members’ folded ledgers, a page by member id or the members named in ids',
        auth: ['terminal'],
        query: SnapshotMembersQuery,
        response: SnapshotMembersResponse,
      },
    ],
    snapshotEvents: [
      {
        method: 'GET',
        summary: 'The chain’s configuration events and the till’s store’s recent sales',
        auth: ['terminal'],
        query: SnapshotEventsQuery,
        response: SnapshotEventsResponse,
      },
    ],
    quarantine: [
      {
        method: 'POST',
        summary: 'Report events the till pulled and could not apply',
        auth: ['terminal'],
        body: QuarantineReport,
        response: QuarantineResponse,
      },
    ],
    memberLookup: [
      {
        method: 'GET',
        summary: 'A member of the chain by phone or member number (exactly one of them)',
        auth: ['terminal', 'admin'],
        query: MemberLookupQuery,
        response: MemberLookupResponse,
      },
    ],
    memberPageLink: [
      {
        method: 'GET',
        summary: 'The member’s own page link (/m/<token>), made when first asked for',
        auth: ['terminal'],
        query: MemberPageLinkQuery,
        response: MemberPageLinkResponse,
      },
    ],
    conflicts: [
      {
        method: 'GET',
        summary: 'The chain’s open conflicts',
        auth: ['terminal', 'admin'],
        response: ConflictsResponse,
      },
    ],
    programme: [
      {
        method: 'GET',
        summary: 'The chain’s current programme',
        auth: ['terminal', 'admin'],
        response: ProgrammeResponse,
      },
      {
        method: 'PUT',
        summary: 'Save the chain’s programme (a programme.saved event the tills pull)',
        auth: ['admin'],
        body: SaveProgrammeRequest,
        response: SaveProgrammeResponse,
      },
    ],
    refused: [
      {
        method: 'GET',
        summary: 'Events the cloud refused or tills quarantined, newest first',
        auth: ['admin'],
        query: RefusedQuery,
        response: RefusedResponse,
      },
    ],
  };

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a zod schema, without its `$schema` line. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest as JsonSchema;
}

const ERROR = { $ref: '#/components/responses/Error' };

function security(auth: CloudAuth): unknown[] {
  if (auth === 'anyone') return [];
  // `{}` first: no token is fine too.
  if (auth === 'anyone_or_terminal') return [{}, { terminalToken: [] }];
  return auth.map((role) => ({ [`${role}Token`]: [] }));
}

function operation(key: string, op: CloudOperation): Record<string, unknown> {
  const parameters: unknown[] = [];
  if (op.query) {
    const query = jsonSchema(op.query, 'input');
    const required = new Set((query.required ?? []) as string[]);
    for (const [name, schema] of Object.entries(
      (query.properties ?? {}) as Record<string, JsonSchema>,
    )) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  const responses: Record<string, unknown> = {
    '200': {
      description: 'Done.',
      content: {
        'application/json': {
          schema: op.response ? jsonSchema(op.response, 'output') : { type: 'object' },
        },
      },
    },
    '400': ERROR,
  };
  if (Array.isArray(op.auth))
    Object.assign(responses, { '401': ERROR, '403': ERROR, '429': ERROR });
  Object.assign(responses, { '4XX': ERROR, '5XX': ERROR });
  return {
    // `pull`; `programmeGet` and `programmePut` where a path takes more than one method.
    operationId:
      CLOUD_OPERATIONS[key as keyof typeof ROUTES].length === 1
        ? key
        : `${key}${op.method[0]}${op.method.slice(1).toLowerCase()}`,
    summary: op.summary,
    tags: [key === 'health' || key === 'openapi' ? 'meta' : 'sync'],
    security: security(op.auth),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(op.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function buildCloudDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, path] of Object.entries(ROUTES)) {
    for (const op of CLOUD_OPERATIONS[key as keyof typeof ROUTES]) {
      paths[path] = { ...paths[path], [op.method.toLowerCase()]: operation(key, op) };
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lojal cloud sync API',
      version: 'v1',
      description:
        'The wire contract between the tills and the chain’s cloud (src/sync/protocol.ts): pairing, push and pull of events, remote member lookup, conflicts, the programme. Events travel as the envelopes of src/core/events.ts. See cloud/README.md.',
    },
    paths,
    components: {
      securitySchemes: {
        terminalToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A till’s token, given once by POST /v1/pair.',
        },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A chain’s back-office token (npm run cloud -- add-admin-token).',
        },
      },
      schemas: { Error: jsonSchema(ErrorResponse, 'output') },
      responses: {
        Error: {
          description:
            'Refused: `{error: {code, message, field, text: {nb, en}}}` (codes in cloud/README.md).',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    },
  };
}

let built: Record<string, unknown> | null = null;

/** `GET /v1/openapi.json`, built once (the contract does not change while running). */
export function registerCloudDocument(app: FastifyInstance): void {
  app.get(ROUTES.openapi, async () => (built ??= buildCloudDocument()));
}
