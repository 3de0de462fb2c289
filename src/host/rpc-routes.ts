/**
 * `POST /rpc/:command`: the browser-mode UI's transport. The body is the
 * command's input; the session token from `session.login` rides in
 * `Authorization: Bearer`. Answers the output, or `{error}` with its status.
 */
import type { FastifyInstance } from 'fastify';
import type { TillService } from '../service/types';
import { bearerToken } from './api-token';
import { ANONYMOUS_SESSION, OPEN_COMMANDS, callWithRawInput, isCommandName } from './commands';
import { failure, toHttpFailure } from './errors';

export function registerRpcRoutes(app: FastifyInstance, service: TillService): void {
  app.post<{ Params: { command: string } }>('/rpc/:command', async (request, reply) => {
    const name = request.params.command;
    if (!isCommandName(name)) {
      const notFound = failure(404, 'unknown_command', `There is no command called "${name}".`);
      return reply.code(notFound.status).send(notFound.body);
    }
    const token = bearerToken(request.headers.authorization);
    const session = token ? service.sessionFromToken(token) : null;
    if (!session && !OPEN_COMMANDS.has(name)) {
      const refused = failure(401, 'unauthorized', 'Log in again: the session has ended.');
      return reply.code(refused.status).send(refused.body);
    }
    try {
      const output = await callWithRawInput(
        service,
        name,
        request.body,
        session ?? ANONYMOUS_SESSION,
      );
      return reply.code(200).send(output);
    } catch (error) {
      const failed = toHttpFailure(error);
      return reply.code(failed.status).send(failed.body);
    }
  });
}
