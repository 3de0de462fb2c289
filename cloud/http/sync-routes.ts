/** Pairing, push and pull. */
import type { FastifyInstance } from 'fastify';
import { PairRequest, PullQuery, PushRequest, ROUTES } from '../../src/sync/protocol';
import type { PairResponse, PullResponseBody, PushResponse } from '../../src/sync/protocol';
import { pairTerminal } from '../chains';
import { pullEvents, pushEvents } from '../event-log';
import type { RouteContext } from './context';
import { CloudError } from './errors';

export function registerSyncRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post(ROUTES.pair, async (request): Promise<PairResponse> => {
    ctx.admitAnonymous(request);
    const input = PairRequest.parse(request.body);
    const paired = await pairTerminal(ctx.db, input, ctx.now());
    if (!paired) {
      throw new CloudError(
        404,
        'store_code_not_found',
        'no store has this code; check it with the chain (it looks like 7K4M-Q2XP)',
        'storeCode',
      );
    }
    return paired;
  });

  app.post(ROUTES.push, async (request): Promise<PushResponse> => {
    const who = await ctx.authorise(request, ['terminal']);
    if (who.role !== 'terminal')
      throw new CloudError(403, 'forbidden', 'only terminals push events');
    const input = PushRequest.parse(request.body);
    if (input.terminalId !== undefined && input.terminalId !== who.terminalId) {
      throw new CloudError(
        400,
        'invalid_request',
        "terminalId is not this token's terminal",
        'terminalId',
      );
    }
    const max = ctx.limits.maxEventsPerPush;
    if (input.events.length > max) {
      throw new CloudError(
        400,
        'batch_too_large',
        `a push holds at most ${max} events; this one had ${input.events.length}: split it`,
        'events',
      );
    }
    return pushEvents(ctx.db, who, input.events, ctx.now());
  });

  app.get(ROUTES.pull, async (request): Promise<PullResponseBody> => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    const query = PullQuery.parse(request.query);
    return pullEvents(
      ctx.db,
      who.chainId,
      query.after,
      Math.min(query.limit, ctx.limits.maxPullLimit),
    );
  });
}
