/** The snapshot routes as the till calls them (through the cloud API's one request path). */
import type { z } from 'zod';
import { PullPage, ROUTES, SnapshotHeadResponse, SnapshotMembersResponse } from './protocol';

/** The cloud API's request: its schema check, its errors, its token. */
export type CloudGet = <S extends z.ZodType>(schema: S, path: string) => Promise<z.infer<S>>;

export interface SnapshotApi {
  head(after: string): Promise<SnapshotHeadResponse>;
  /** Each ledger as it came (deflated): read one by one as it is installed (src/sync/snapshot.ts). */
  members(
    query: { after: string; limit: number } | { ids: readonly string[] },
  ): Promise<SnapshotMembersResponse>;
  /** The snapshot's events after `after`, up to the head `upTo` read before the first page. */
  events(after: string, upTo: string, limit: number): Promise<PullPage>;
}

export function snapshotApi(get: CloudGet): SnapshotApi {
  return {
    head: (after) =>
      get(SnapshotHeadResponse, `${ROUTES.snapshotHead}?after=${encodeURIComponent(after)}`),
    members(query) {
      const search =
        'ids' in query
          ? `ids=${query.ids.map(encodeURIComponent).join(',')}`
          : `after=${encodeURIComponent(query.after)}&limit=${query.limit}`;
      return get(SnapshotMembersResponse, `${ROUTES.snapshotMembers}?${search}`);
    },
    events: (after, upTo, limit) =>
      get(
        PullPage,
        `${ROUTES.snapshotEvents}?after=${encodeURIComponent(after)}&upTo=${encodeURIComponent(upTo)}&limit=${limit}`,
      ),
  };
}
