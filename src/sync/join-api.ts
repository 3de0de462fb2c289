/**
 * Self-enrolment's two till routes (cloud/self-enrol/routes.ts) as the till
 * calls them, through the cloud API's one request function (its token,
 * timeouts and failure kinds): ask for a join request for the open basket,
 * read its outcome.
 */
import type { z } from 'zod';
import { JOIN_ROUTES, JoinStartResponse, JoinStatusResponse } from './protocol';

type Request = <S extends z.ZodType>(
  schema: S,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
) => Promise<z.infer<S>>;

export interface JoinApi {
  start(basketId: string): Promise<JoinStartResponse>;
  status(requestId: string): Promise<JoinStatusResponse>;
}

export function joinApi(request: Request): JoinApi {
  return {
    start: (basketId) => request(JoinStartResponse, 'POST', JOIN_ROUTES.requests, { basketId }),
    status: (requestId) =>
      request(
        JoinStatusResponse,
        'GET',
        JOIN_ROUTES.request.replace(':id', encodeURIComponent(requestId)),
      ),
  };
}
