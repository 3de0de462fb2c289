/**
 * Every failure leaves the host as a status code and `{error: {code, message, field, text}}`,
 * the framework's own included: unknown routes, wrong methods, bad URLs, bodies
 * that are not JSON or too large, oversized headers, text no party may store.
 */
import type { z } from 'zod';
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';
import {
  clientErrorHandler as answerClientErrors,
  findEdgeJsonProblem,
  frameworkRefusal,
  hasIssues,
} from '../http-edge/edge';
import type { ClientErrorCode, EdgeJsonProblem, FrameworkRefusal } from '../http-edge/edge';
import { ServiceError } from '../service/commands';
import type { ErrorBody } from '../contract/commands';
import { invalidInput } from '../service/errors';

export interface HttpFailure {
  status: number;
  body: { error: ErrorBody };
}

/** A refusal of the host's own (token, route, host name): `message` is the English text. */
export function failure(
  status: number,
  code: string,
  said: Text,
  field: string | null = null,
): HttpFailure {
  return { status, body: { error: { code, message: said.en, field, text: said } } };
}

/**
 * Translate whatever a command threw. ServiceErrors carry their own status;
 * validation errors that escaped the service become 400 with the field; anything
 * else is a 500 whose details stay in the server log, not in the answer.
 */
export function toHttpFailure(error: unknown): HttpFailure {
  if (error instanceof ServiceError)
    return { status: error.status, body: { error: error.toBody() } };
  if (hasIssues<z.core.$ZodIssue>(error))
    return { status: 400, body: { error: invalidInput(error).toBody() } };
  const framework = frameworkRefusal(error);
  if (framework) return failure(framework.status, framework.code, frameworkText(framework));
  console.error(
    'lojal: command failed unexpectedly:',
    error instanceof Error ? error.stack : error,
  );
  return failure(
    500,
    'internal',
    text(
      'Noe gikk galt i kassetjenesten. Prøv igjen; hjelper ikke det, se loggen.',
      'Something went wrong in the till service; see its log.',
    ),
  );
}

/** What the till says for each of Fastify's own request errors (parsing, routing). */
function frameworkText(refused: FrameworkRefusal): Text {
  const message = refused.detail;
  switch (refused.code) {
    case 'body_too_large':
      return text(
        'Forespørselen er for stor for kassen (over 5 MB). Send mindre om gangen.',
        'The request body is larger than the till takes (5 MB). Send less at a time.',
      );
    case 'unsupported_media_type':
      return text(
        'Send innholdet som JSON (Content-Type: application/json).',
        'Send the body as JSON (Content-Type: application/json).',
      );
    case 'invalid_url':
      return text(
        'Adressen har ugyldig %-koding. Kod adressen med encodeURIComponent.',
        'The URL holds a bad %-encoding. Encode it with encodeURIComponent.',
      );
    case 'path_too_long':
      return text(
        'En del av adressen er for lang (høyst 100 tegn). Sjekk id-en som sendes.',
        'A part of the URL path is too long (at most 100 characters). Check the id sent.',
      );
    case 'invalid_json':
      return text(
        `Innholdet er ikke gyldig JSON (${message}). Send et JSON-objekt.`,
        `The body is not valid JSON (${message}). Send a JSON object.`,
      );
    case 'bad_request':
      return text(
        `Kassetjenesten kunne ikke lese forespørselen (${message}).`,
        `The till service could not read the request (${message}).`,
      );
  }
}

const JSON_PROBLEM_TEXT: Readonly<Record<EdgeJsonProblem['code'], Text>> = {
  invalid_text: text(
    'Teksten inneholder tegn som ikke kan lagres (NUL eller en ugyldig Unicode-surrogat). Fjern tegnet og prøv igjen.',
    'The text holds characters that cannot be stored (a NUL or a lone surrogate). Remove them and try again.',
  ),
  unsafe_number: text(
    'Tallet er for stort til å lagres nøyaktig. Bruk et mindre tall.',
    'The number is too large to be kept exactly. Use a smaller one.',
  ),
  too_deep: text(
    'Innholdet er nøstet for dypt. Send en enklere struktur.',
    'The body is nested too deeply. Send a flatter structure.',
  ),
};

/**
 * The first thing in a request that no party may store (a NUL or lone surrogate
 * in a key or value, a number beyond 2^53, nesting too deep), as a 400 naming
 * the field; null when there is none. Checked before any command runs.
 */
export function jsonProblemFailure(parts: {
  body: unknown;
  query: unknown;
  params: unknown;
}): HttpFailure | null {
  const problem = findEdgeJsonProblem(parts);
  if (!problem) return null;
  const { code, field } = problem;
  const said = JSON_PROBLEM_TEXT[code];
  const where = field ? ` (${field})` : '';
  const refused = failure(400, code, text(`${said.nb}${where}`, `${said.en}${where}`), field);
  refused.body.error.message = problem.message;
  return refused;
}

/** 405 for a path that exists under other methods (`allow` names them), else 404. */
export function routeNotFound(method: string, path: string, allow: string[] | null): HttpFailure {
  if (allow) {
    return failure(
      405,
      'method_not_allowed',
      text(
        `${path} tar ikke imot ${method}; bruk ${allow.join(', ')}.`,
        `${path} does not take ${method}; use ${allow.join(', ')}.`,
      ),
    );
  }
  return failure(
    404,
    'not_found',
    text(`Det finnes ingen rute ${method} ${path}.`, `No route ${method} ${path}.`),
  );
}

const CLIENT_ERROR_TEXT: Readonly<Record<ClientErrorCode, Text>> = {
  headers_too_large: text(
    'Forespørselens hoder er for store. Send kortere hoder (høyst 16 kB).',
    'The request headers are too large. Send shorter headers (16 kB at most).',
  ),
  request_timeout: text(
    'Forespørselen kom ikke fram i tide. Prøv igjen.',
    'The request did not arrive in time. Try again.',
  ),
  bad_request: text('Forespørselen er ikke gyldig HTTP.', 'The request is not valid HTTP.'),
};

/** Errors Node's HTTP parser meets before Fastify sees a request, in the host's words. */
export const clientErrorHandler = answerClientErrors(
  (code, status) => failure(status, code, CLIENT_ERROR_TEXT[code]).body,
);
