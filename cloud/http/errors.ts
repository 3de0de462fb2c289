/**
 * Every failure leaves the cloud as a status and `{error: {code, message, field, text}}`
 * (see protocol.ts), the framework's own included: unknown routes, wrong methods,
 * bad URLs, bodies that are not JSON or too large, oversized headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../../src/core/i18n';
import type { Text } from '../../src/core/i18n';
import {
  clientErrorHandler as answerClientErrors,
  findEdgeJsonProblem,
  frameworkRefusal,
  hasIssues,
} from '../../src/http-edge/edge';
import type { FrameworkRefusal, RouteTable } from '../../src/http-edge/edge';
import type { ErrorCode, ErrorResponse } from '../../src/sync/protocol';
import { DatabaseBusyError } from '../db/database';

export class CloudError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly headers: Record<string, string> = {},
    /** The Norwegian (and English) text; by default the code's own (CODE_TEXT_NB) and `message`. */
    readonly said: Text | null = null,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** What a shop's manager or the till's sync screen shows for each code, in Norwegian. */
const CODE_TEXT_NB: Readonly<Record<ErrorCode, string>> = {
  invalid_request: 'Skyen kunne ikke bruke forespørselen. Oppdater Lojal på kassen.',
  unauthorized:
    'Kassen er ikke koblet til skyen (ukjent eller tilbakekalt nøkkel). Koble kassen til på nytt.',
  forbidden: 'Denne nøkkelen har ikke lov til dette.',
  not_found: 'Skyen har ingen slik adresse. Sjekk skyadressen og oppdater Lojal.',
  store_code_not_found:
    'Ingen butikk har denne koden. Sjekk koden med kjeden (den ser ut som 7K4M-Q2XP).',
  slots_exhausted: 'Kjeden har ikke flere kassenumre ledig. Kontakt kjeden.',
  member_not_found: 'Ingen medlem i kjeden har dette mobilnummeret eller medlemsnummeret.',
  invalid_phone: 'Mobilnummeret er ikke gyldig.',
  batch_too_large: 'For mange hendelser i én sending. Kassen deler dem opp og prøver igjen.',
  body_too_large: 'Forespørselen er for stor for skyen. Send mindre om gangen.',
  unsupported_media_type: 'Skyen tar bare imot JSON (Content-Type: application/json).',
  rate_limited: 'For mange forespørsler. Vent litt og prøv igjen.',
  unavailable: 'Skyen er opptatt akkurat nå. Prøv igjen om litt.',
  internal: 'Noe gikk galt i skyen. Prøv igjen; hjelper ikke det, kontakt driften.',
  invalid_json: 'Innholdet er ikke gyldig JSON. Oppdater Lojal på kassen.',
  invalid_text:
    'Teksten inneholder tegn som ikke kan lagres (NUL eller ugyldig Unicode). Rett teksten.',
  unsafe_number: 'Et tall er for stort eller ikke et helt tall som kan lagres nøyaktig.',
  too_deep: 'Innholdet er nøstet for dypt.',
  invalid_url: 'Adressen har ugyldig %-koding.',
  path_too_long: 'En del av adressen er for lang.',
  method_not_allowed: 'Adressen finnes, men ikke med denne metoden.',
  headers_too_large: 'Forespørselens hoder er for store.',
  bad_request: 'Forespørselen kunne ikke leses.',
  request_timeout: 'Forespørselen kom ikke fram i tide. Prøv igjen.',
};

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export const isZodLike = hasIssues<IssueLike>;

/** A validation failure as a 400 naming the first field at fault, under `prefix` when given. */
export function invalidRequest(error: { issues: IssueLike[] }, prefix = ''): CloudError {
  const first = error.issues[0];
  const path = [prefix, ...(first?.path.map(String) ?? [])].filter((p) => p !== '').join('.');
  const message = first?.message ?? 'invalid request';
  return new CloudError(
    400,
    'invalid_request',
    message,
    path || null,
    {},
    {
      nb: path
        ? `Feltet «${path}» er ikke gyldig (${message}). Oppdater Lojal på kassen.`
        : CODE_TEXT_NB.invalid_request,
      en: message,
    },
  );
}

export function errorBody(
  code: ErrorCode,
  message: string,
  field: string | null = null,
  said: Text | null = null,
): ErrorResponse {
  return { error: { code, message, field, text: said ?? text(CODE_TEXT_NB[code], message) } };
}

/**
 * Refuses before any route runs what no party may store (a NUL, a lone
 * surrogate, an unsafe number, deep nesting) anywhere in the body, query or
 * path, naming the field. `skip` names body keys checked elsewhere: a push's
 * events are checked one by one (a bad one is refused alone, the rest of the
 * batch lands).
 */
export function checkJsonAtEdge(request: FastifyRequest, skip: ReadonlySet<string>): void {
  const problem = findEdgeJsonProblem(request, skip);
  if (!problem) return;
  const where = problem.field ? ` (${problem.field})` : '';
  throw new CloudError(
    400,
    problem.code,
    problem.message,
    problem.field,
    {},
    {
      nb: `${CODE_TEXT_NB[problem.code]}${where}`,
      en: problem.message,
    },
  );
}

/** Fastify's own request errors (parsing, routing) as the cloud's errors. */
function frameworkFailure(refused: FrameworkRefusal, bodyLimitBytes: number): CloudError {
  const { code, detail } = refused;
  switch (code) {
    case 'body_too_large':
      return new CloudError(
        413,
        code,
        `the request body is larger than this server's limit of ${bodyLimitBytes} bytes; send fewer events per push`,
      );
    case 'unsupported_media_type':
      return new CloudError(415, code, 'send the body as application/json');
    case 'invalid_json':
      return new CloudError(
        400,
        code,
        refused.notJson
          ? `the body is not JSON: ${detail}`
          : `the body is not usable JSON: ${detail}`,
      );
    case 'invalid_url':
      return new CloudError(400, code, 'the URL holds a bad %-encoding');
    case 'path_too_long':
      return new CloudError(414, code, 'a part of the URL path is too long');
    case 'bad_request':
      return new CloudError(400, code, detail);
  }
}

function send(reply: FastifyReply, error: CloudError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .send(errorBody(error.code, error.message, error.field, error.said));
}

export function errorHandler(bodyLimitBytes: number) {
  return (error: unknown, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof CloudError) return send(reply, error);
    if (error instanceof DatabaseBusyError) {
      // Nothing was stored: the client sends the same request again after the wait.
      return send(
        reply,
        new CloudError(
          503,
          'unavailable',
          `${error.message}; try again in ${error.retryAfterSeconds} s`,
          null,
          { 'retry-after': String(error.retryAfterSeconds) },
        ),
      );
    }
    if (isZodLike(error)) return send(reply, invalidRequest(error));
    const refused = error instanceof Error ? frameworkRefusal(error) : null;
    if (refused) return send(reply, frameworkFailure(refused, bodyLimitBytes));
    // Details stay in the server's log; the stack names code, never tokens or payloads.
    console.error('lojal-cloud: request failed:', error instanceof Error ? error.stack : error);
    return send(
      reply,
      new CloudError(500, 'internal', 'something went wrong in the cloud server; see its log'),
    );
  };
}

/**
 * Answers for a path no route takes: 405 with `allow` when the path exists
 * under other methods, else 404.
 */
export function notFoundHandler(routes: RouteTable) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const { path, allow } = routes.miss(request.method, request.url);
    if (allow) {
      return send(
        reply,
        new CloudError(
          405,
          'method_not_allowed',
          `${request.method} is not allowed on ${path}; use ${allow.join(', ')}`,
          null,
          { allow: allow.join(', ') },
        ),
      );
    }
    return send(reply, new CloudError(404, 'not_found', `no route ${request.method} ${path}`));
  };
}

const CLIENT_ERROR_MESSAGE = {
  headers_too_large: 'the request headers are too large',
  request_timeout: 'the request did not arrive in time',
  bad_request: 'the request is not valid HTTP',
} as const;

/** Errors Node's HTTP parser meets before Fastify sees a request, in the cloud's words. */
export const clientErrorHandler = answerClientErrors((code) =>
  errorBody(code, CLIENT_ERROR_MESSAGE[code]),
);
