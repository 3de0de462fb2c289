/**
 * Every failure leaves the host as a status code and `{error: {code, message, field, text, said}}`
 * (`text` rendered here in every language, `said` the catalogue message),
 * the framework's own included: unknown routes, wrong methods, bad URLs, bodies
 * that are not JSON or too large, oversized headers, text no party may store.
 */
import type { z } from 'zod';
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import { render, renderAll } from '../i18n/render';
import {
  clientErrorHandler as answerClientErrors,
  findEdgeJsonProblem,
  frameworkRefusal,
  hasIssues,
} from '../http-edge/edge';
import type { ClientErrorCode, EdgeJsonProblem, FrameworkRefusal } from '../http-edge/edge';
import { ServiceError } from '../service/service-error';
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
  said: Msg,
  field: string | null = null,
): HttpFailure {
  return {
    status,
    body: { error: { code, message: render(said, 'en'), field, text: renderAll(said), said } },
  };
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
  return failure(500, 'internal', msg('host.internal'));
}

/** What the till says for each of Fastify's own request errors (parsing, routing). */
function frameworkText(refused: FrameworkRefusal): Msg {
  const message = refused.detail;
  switch (refused.code) {
    case 'body_too_large':
      return msg('host.bodyTooLarge');
    case 'unsupported_media_type':
      return msg('host.unsupportedMediaType');
    case 'invalid_url':
      return msg('host.invalidUrl');
    case 'path_too_long':
      return msg('host.pathTooLong');
    case 'invalid_json':
      return msg('host.invalidJson', { detail: message });
    case 'bad_request':
      return msg('host.badRequest', { detail: message });
  }
}

const JSON_PROBLEM_TEXT: Readonly<Record<EdgeJsonProblem['code'], Msg>> = {
  invalid_text: msg('host.invalidText'),
  unsafe_number: msg('host.unsafeNumber'),
  too_deep: msg('host.tooDeep'),
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
  const refused = failure(400, code, field ? msg('host.atField', { said, field }) : said, field);
  refused.body.error.message = problem.message;
  return refused;
}

/** 405 for a path that exists under other methods (`allow` names them), else 404. */
export function routeNotFound(method: string, path: string, allow: string[] | null): HttpFailure {
  if (allow) {
    return failure(
      405,
      'method_not_allowed',
      msg('host.methodNotAllowed', { path, method, allow: allow.join(', ') }),
    );
  }
  return failure(404, 'not_found', msg('host.noRoute', { method, path }));
}

const CLIENT_ERROR_TEXT: Readonly<Record<ClientErrorCode, Msg>> = {
  headers_too_large: msg('host.headersTooLarge'),
  request_timeout: msg('host.requestTimeout'),
  bad_request: msg('host.notHttp'),
};

/** Errors Node's HTTP parser meets before Fastify sees a request, in the host's words. */
export const clientErrorHandler = answerClientErrors(
  (code, status) => failure(status, code, CLIENT_ERROR_TEXT[code]).body,
);
