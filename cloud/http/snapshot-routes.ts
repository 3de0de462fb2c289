/** Snapshots for new tills (cloud/snapshots.ts): terminal tokens, the token's chain only. */
import type { FastifyInstance } from 'fastify';
import {
  MAX_PULL_LIMIT,
  MAX_SNAPSHOT_MEMBERS,
  ROUTES,
  SnapshotEventsQuery,
  SnapshotHeadQuery,
  SnapshotMembersQuery,
} from '../../src/sync/protocol';
import type { SnapshotEventsResponseBody, SnapshotHeadResponse } from '../../src/sync/protocol';
import { snapshotEvents, snapshotHead, snapshotMembersBody } from '../snapshots';
import type { RouteContext } from './context';
import { CloudError } from './errors';

export function registerSnapshotRoutes(app: FastifyInstance, ctx: RouteContext): void {
  async function terminal(request: Parameters<RouteContext['authorise']>[0]) {
    const who = await ctx.authorise(request, ['terminal']);
    if (who.role !== 'terminal')
      throw new CloudError(403, 'forbidden', 'only terminals take snapshots');
    return who;
  }

  app.get(ROUTES.snapshotHead, async (request): Promise<SnapshotHeadResponse> => {
    const who = await terminal(request);
    const query = SnapshotHeadQuery.parse(request.query);
    return snapshotHead(ctx.db, who.chainId, query.after);
  });

  // The body is built as JSON text around each stored ledger's text (cloud/snapshots.ts),
  // sent as it is: SnapshotMembersResponse.
  app.get(ROUTES.snapshotMembers, async (request, reply): Promise<string> => {
    const who = await terminal(request);
    const query = SnapshotMembersQuery.parse(request.query);
    const body = await snapshotMembersBody(ctx.db, who.chainId, {
      after: query.after,
      limit: Math.min(query.limit, MAX_SNAPSHOT_MEMBERS),
      ...(query.ids === undefined ? {} : { ids: query.ids }),
    });
    return reply.type('application/json; charset=utf-8').send(body);
  });

  app.get(ROUTES.snapshotEvents, async (request): Promise<SnapshotEventsResponseBody> => {
    const who = await terminal(request);
    const query = SnapshotEventsQuery.parse(request.query);
    return snapshotEvents(
      ctx.db,
      who.chainId,
      who.storeId,
      { after: query.after, upTo: query.upTo, limit: Math.min(query.limit, MAX_PULL_LIMIT) },
      ctx.now(),
    );
  });
}
