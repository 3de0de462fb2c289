/**
 * A push asks which of its sales have a void or return stored already (one
 * that arrived first). That probe must cost what the batch holds, not what the
 * chain has gathered: a year-old chain keeps every void and return it ever had
 * in sale_facts. Shown by the probe's plan on a chain with 20,000 of them,
 * whose statistics are not yet gathered (as after a large import or a day of
 * returns, before autovacuum comes by).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStore } from '../chains';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { UNDO_PROBE } from './store';

const NOW = Date.UTC(2026, 11, 7, 12);
const UNDONE = 20_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  Plans?: PlanNode[];
}

/** Rows the plan's scans of sale_facts (its table or indexes) produced, over all their loops. */
function saleFactRowsRead(node: PlanNode): number {
  const own =
    node['Relation Name'] === 'sale_facts' || node['Index Name']?.startsWith('sale_facts')
      ? node['Actual Rows'] * node['Actual Loops']
      : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + saleFactRowsRead(child), 0);
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'the probe for voids and returns that arrived first', () => {
    let instance: DatabaseInstance;
    let db: Database;
    let chainId: string;

    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
      chainId = (await addStore(db, { chain: 'Probekjeden', store: 'Sentrum' }, NOW)).chainId;
      // The chain's voids (even) and returns (odd) of sales s-0 … s-19999.
      await db.query(
        `INSERT INTO sale_facts (chain_id, booking, kind, event_id, hlc, sale_id, return_id, store_id,
                                 terminal_id, staff_id, member_id, at, day, amount_ore, receipts,
                                 coupon_ids, reward_ids, stamps, points_earned, points_redeemed, updated_at)
         SELECT $1, CASE WHEN n % 2 = 0 THEN 'void:s-' || n ELSE 'return:r-' || n END,
                CASE WHEN n % 2 = 0 THEN 'void' ELSE 'return' END, 'e-' || n, lpad(n::text, 20, '0'),
                's-' || n, CASE WHEN n % 2 = 0 THEN NULL ELSE 'r-' || n END, 'store', 'till', NULL, NULL,
                $2::bigint, '2026-12-07', 0, 0, '{}', '{}', '{}'::jsonb, 0, 0, $2::bigint
           FROM generate_series(0, $3::int - 1) AS n`,
        [chainId, NOW, UNDONE],
      );
    }, 120_000);

    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    it('reads only the batch’s own sales, however many voids and returns the chain holds', async () => {
      // A batch of 500 sales: three of them have a void or return stored.
      const sales = [
        's-10',
        's-11',
        's-12345',
        ...Array.from({ length: 497 }, (_, i) => `new-${i}`),
      ];
      const found = await db.query<{ sale_id: string }>(UNDO_PROBE, [chainId, sales]);
      expect(found.map((r) => r.sale_id).sort()).toEqual(['s-10', 's-11', 's-12345']);

      const [explained] = await db.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${UNDO_PROBE}`,
        [chainId, sales],
      );
      const plan = explained!['QUERY PLAN'][0]!.Plan;
      // Three rows found, give or take the plan's rounding of rows per loop (0.01 × 500).
      // Before: a join that read all 20,000 (and sorted them) on every batch.
      expect(saleFactRowsRead(plan)).toBeLessThanOrEqual(10);
    });
  });
}
