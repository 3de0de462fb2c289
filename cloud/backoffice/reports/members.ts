/**
 * The reports over members (src/contract/backoffice/reports.ts), from the
 * projections of migration 013: the points liability (`member_point_lots`,
 * one indexed query) and tier movement (`member_facts`' earnings, placed by
 * the engine's tier rule in src/core). Members count at the store they
 * enrolled at: `storeIds` null for every store of the chain.
 */
import type { Queryable } from '../../db/database';
import { toInt } from '../../db/database';

export interface LiabilityQuery {
  storeIds: readonly string[] | null;
  /** The instant the balance is read at (the lots as stored are today's: now). */
  at: number;
}

export interface LiabilityRows {
  /** Points available and not expired at `at`, members enrolled at the stores. */
  points: number;
  members: number;
  /** Of those points, how many expire in each local month (YYYY-MM), soonest first. */
  expiring: Array<{ month: string; points: number }>;
}

/**
 * The points members hold: their lots' remaining points that are available
 * (past the returns window) and not expired at `at`, and the same per local
 * month of expiry (the lots' `expires_day`, counted in the chain's time zone).
 * Points spent beyond the balance offline (a conflict) are not netted here:
 * the conflicts page settles them.
 *
 * Two passes over the lots rather than one count(DISTINCT) per group: the
 * points per expiry day (a few hundred groups, hashed), and the members as
 * the distinct member ids of the lots' covering index read in its order
 * (member_point_lots_member, migration 019), with no sort either way.
 */
export async function liabilityRows(
  db: Queryable,
  chainId: string,
  query: LiabilityQuery,
): Promise<LiabilityRows> {
  const live = `l.chain_id = $1 AND l.available_at <= $3
        AND (l.expires_at IS NULL OR l.expires_at > $3)
        AND ($2::text[] IS NULL OR EXISTS (
              SELECT 1 FROM member_facts f
               WHERE f.chain_id = l.chain_id AND f.member_id = l.member_id
                 AND f.enrolled_store_id = ANY($2::text[])))`;
  const rows = await db.query<{ day: string | null; points: unknown; members: unknown }>(
    `SELECT l.expires_day::text AS day, sum(l.remaining) AS points, NULL AS members
       FROM member_point_lots l WHERE ${live}
      GROUP BY l.expires_day
     UNION ALL
     SELECT 'members', NULL, count(*)
       FROM (SELECT DISTINCT l.member_id FROM member_point_lots l WHERE ${live}) m`,
    [chainId, query.storeIds === null ? null : [...query.storeIds], query.at],
  );
  let points = 0;
  let members = 0;
  const perMonth = new Map<string, number>();
  for (const row of rows) {
    if (row.day === 'members') {
      members = toInt(row.members);
      continue;
    }
    const lotPoints = toInt(row.points);
    points += lotPoints;
    // A day of null is the lots that never expire: in the total, in no month.
    if (row.day === null) continue;
    const month = row.day.slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + lotPoints);
  }
  return {
    points,
    members,
    expiring: [...perMonth]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([month, monthPoints]) => ({ month, points: monthPoints })),
  };
}

export interface TierFactsRow {
  memberId: string;
  enrolledAt: number;
  earnLog: Array<[number, number]>;
}

/**
 * The members enrolled at the stores before `before` (an instant), neither
 * erased nor merged away, with their earnings (the tier's qualification).
 */
export async function tierFactRows(
  db: Queryable,
  chainId: string,
  query: { storeIds: readonly string[] | null; before: number },
): Promise<TierFactsRow[]> {
  const rows = await db.query<{ member_id: string; enrolled_at: unknown; earn_log: unknown }>(
    `SELECT member_id, enrolled_at, earn_log
       FROM member_facts
      WHERE chain_id = $1 AND enrolled_at < $3 AND NOT erased AND merged_into IS NULL
        AND ($2::text[] IS NULL OR enrolled_store_id = ANY($2::text[]))`,
    [chainId, query.storeIds === null ? null : [...query.storeIds], query.before],
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    enrolledAt: toInt(r.enrolled_at),
    earnLog: (typeof r.earn_log === 'string' ? JSON.parse(r.earn_log) : r.earn_log) as Array<
      [number, number]
    >,
  }));
}
