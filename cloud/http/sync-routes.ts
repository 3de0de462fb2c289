/** Pairing, push and pull. */
import type { FastifyInstance } from 'fastify';
import {
  PairRequest,
  PullQuery,
  PushRequest,
  QuarantineReport,
  ROUTES,
} from '../../src/sync/protocol';
import type {
  PairResponse,
  PullResponseBody,
  PushResponse,
  QuarantineResponse,
  UnpairResponse,
} from '../../src/sync/protocol';
import { pairTerminal, revokeCredential, SlotsExhaustedError } from '../chains';
import { noteTerminalSeen, pullEvents, pushEvents } from '../event-log';
import { recordRefusals } from '../refusals';
import type { RouteContext } from './context';
import { CloudError } from './errors';

export function registerSyncRoutes(
  app: FastifyInstance,
  ctx: RouteContext,
  /** After a push's transaction committed events: the chain's other tills are told (announce.ts). */
  onPushed: (chainId: string, terminalId: string) => void = () => undefined,
): void {
  app.post(ROUTES.pair, async (request): Promise<PairResponse> => {
    ctx.admitAnonymous(request);
    const input = PairRequest.parse(request.body);
    // A till pairing again sends its current token: it keeps its terminal id and slot.
    const current = await ctx.optionalCredential(request);
    let paired;
    try {
      paired = await pairTerminal(ctx.db, input, ctx.now(), current);
    } catch (error) {
      if (error instanceof SlotsExhaustedError)
        throw new CloudError(409, 'slots_exhausted', error.message, 'storeCode');
      throw error;
    }
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

  app.post(ROUTES.unpair, async (request): Promise<UnpairResponse> => {
    const who = await ctx.authorise(request, ['terminal']);
    await revokeCredential(ctx.db, who.key, ctx.now());
    return { revoked: true };
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
    const pushed = await pushEvents(ctx.db, who, input.events, ctx.now());
    if (pushed.acked.length > 0) onPushed(who.chainId, who.terminalId);
    return pushed;
  });

  app.post(ROUTES.quarantine, async (request): Promise<QuarantineResponse> => {
    const who = await ctx.authorise(request, ['terminal']);
    if (who.role !== 'terminal')
      throw new CloudError(403, 'forbidden', 'only terminals report quarantined events');
    const input = QuarantineReport.parse(request.body);
    await ctx.db.transaction((tx) =>
      recordRefusals(
        tx,
        who,
        input.events.map((e) => ({
          source: 'quarantine',
          eventId: e.id,
          type: e.type,
          code: e.code,
          message: e.reason,
        })),
        ctx.now(),
      ),
    );
    return { recorded: input.events.length };
  });

  app.get(ROUTES.pull, async (request): Promise<PullResponseBody> => {
    const who = await ctx.authorise(request, ['terminal', 'admin']);
    const query = PullQuery.parse(request.query);
    if (who.role === 'terminal') await noteTerminalSeen(ctx.db, who.terminalId, ctx.now());
    return pullEvents(
      ctx.db,
      who.chainId,
      query.after,
      Math.min(query.limit, ctx.limits.maxPullLimit),
    );
  });
}
