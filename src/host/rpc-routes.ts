/**
 * `POST /rpc/:command`: the browser-mode UI's transport. The body is the
 * command's input; the session token from `session.login` rides in
 * `Authorization: Bearer`. Answers the output, or `{error}` with its status.
 */
import type { FastifyInstance } from 'fastify';
import type { TillService } from '../service/types';
import { bearerToken } from './api-token';
import { relayCommand } from './relay';

export function registerRpcRoutes(app: FastifyInstance, service: TillService): void {
  app.post<{ Params: { command: string } }>('/rpc/:command', async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    const result = await relayCommand(service, request.params.command, request.body, token);
    return result.ok
      ? reply.code(200).send(result.value)
      : reply.code(result.status).send({ error: result.error });
  });
}
