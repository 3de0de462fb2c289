/**
 * A chain's saved segments (migration 014, src/contract/backoffice/segments.ts
 * says who may do what): listed to every account of the chain; an owner
 * changes or deletes any, a store manager only those they saved. A rule is
 * kept as the engine's schema parsed it, and read back through it.
 */
import { v7 as uuidv7 } from 'uuid';
import { msg } from '../../src/core/i18n';
import { SegmentRule } from '../../src/core/programme';
import type { BoSegment, BoSegmentSummary } from '../../src/contract/backoffice/segments';
import { HIDDEN_SEGMENT_ID, SEGMENTS_MAX } from '../../src/contract/backoffice/segments';
import type { SegmentRule as SegmentRuleValue } from '../../src/core/programme';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { BoError, notFound } from '../backoffice/errors';
import type { Scope } from '../backoffice/scope';

/** Who is asking: their account and scope. */
export interface Asker {
  accountId: string;
  scope: Scope;
}

type SegmentRow = {
  id: string;
  name: string;
  rule: unknown;
  created_by: string | null;
  creator_name: string | null;
  created_at: unknown;
  updated_at: unknown;
};

const SELECT_SEGMENT = `
  SELECT s.id, s.name, s.rule, s.created_by, a.name AS creator_name, s.created_at, s.updated_at
    FROM saved_segments s LEFT JOIN accounts a ON a.id = s.created_by`;

function mayChange(asker: Asker, createdBy: string | null): boolean {
  return asker.scope.role === 'owner' || createdBy === asker.accountId;
}

function summaryOf(row: SegmentRow, asker: Asker): BoSegmentSummary {
  return {
    id: row.id,
    name: row.name,
    createdBy:
      row.created_by === null ? null : { accountId: row.created_by, name: row.creator_name ?? '' },
    createdAt: toInt(row.created_at),
    updatedAt: toInt(row.updated_at),
    mayChange: mayChange(asker, row.created_by),
  };
}

/** A stored rule read back (PGlite and pg both answer jsonb parsed). */
function ruleOf(stored: unknown): SegmentRuleValue {
  return SegmentRule.parse(typeof stored === 'string' ? JSON.parse(stored) : stored);
}

export async function listSegments(db: Queryable, asker: Asker): Promise<BoSegmentSummary[]> {
  const rows = await db.query<SegmentRow>(
    `${SELECT_SEGMENT} WHERE s.chain_id = $1 ORDER BY lower(s.name), s.id`,
    [asker.scope.chainId],
  );
  return rows.map((row) => summaryOf(row, asker));
}

/** A saved segment whole, for the cloud's own use (a campaign's members). */
export async function getSegment(
  db: Queryable,
  asker: Asker,
  id: string,
): Promise<BoSegmentSummary & { rule: SegmentRuleValue }> {
  const [row] = await db.query<SegmentRow>(
    `${SELECT_SEGMENT} WHERE s.chain_id = $1 AND s.id = $2`,
    [asker.scope.chainId, id],
  );
  if (!row) throw notFound('the segment');
  return { ...summaryOf(row, asker), rule: ruleOf(row.rule) };
}

/**
 * A saved segment as the account may see it: to a store manager, the ids of
 * stores and customers outside their stores (an owner may have named them)
 * are replaced by HIDDEN_SEGMENT_ID markers.
 */
export async function viewSegment(db: Queryable, asker: Asker, id: string): Promise<BoSegment> {
  const segment = await getSegment(db, asker, id);
  if (asker.scope.role === 'owner') return { ...segment, hiddenIds: 0 };
  const { memberIds } = namedIds(segment.rule);
  const reachableStores = new Set((await asker.scope.stores(db)).map((s) => s.storeId));
  const reachableMembers = new Set<string>();
  if (memberIds.size > 0) {
    const rows = await db.query<{ member_id: string; store_ids: string[] }>(
      'SELECT member_id, store_ids FROM members WHERE chain_id = $1 AND member_id = ANY($2::text[])',
      [asker.scope.chainId, [...memberIds]],
    );
    for (const row of rows)
      if (row.store_ids.some((s) => reachableStores.has(s))) reachableMembers.add(row.member_id);
  }
  let hidden = 0;
  const shown = (ids: readonly string[], reachable: Set<string>) =>
    ids.map((id) => (reachable.has(id) ? id : `${HIDDEN_SEGMENT_ID}${++hidden}`));
  const visit = (node: SegmentRuleValue): SegmentRuleValue => ({
    ...node,
    memberIds: shown(node.memberIds, reachableMembers),
    ...(node.homeStores ? { homeStores: shown(node.homeStores, reachableStores) } : {}),
    ...(node.any ? { any: node.any.map(visit) } : {}),
    ...(node.all ? { all: node.all.map(visit) } : {}),
  });
  const rule = visit(segment.rule);
  return { ...segment, rule, hiddenIds: hidden };
}

const nameTaken = () =>
  new BoError(
    'invalid_request',
    'another segment of the chain has this name',
    'name',
    msg('backoffice.segments.nameTaken'),
  );

/** Saves a new segment (no id) or changes one; the chain's names stay unique (any case). */
export async function saveSegment(
  db: Database,
  asker: Asker,
  input: { id?: string | undefined; name: string; rule: SegmentRuleValue },
  now: number,
): Promise<BoSegment> {
  const chainId = asker.scope.chainId;
  await requireReachableIds(db, asker.scope, input.rule);
  const id = await db.transaction(async (tx) => {
    // One save of a chain's segments at a time: the name check and the cap hold.
    await tx.query('SELECT id FROM chains WHERE id = $1 FOR UPDATE', [chainId]);
    const clash = await tx.query<{ id: string }>(
      'SELECT id FROM saved_segments WHERE chain_id = $1 AND lower(name) = lower($2)',
      [chainId, input.name],
    );
    if (clash.some((c) => c.id !== input.id)) throw nameTaken();
    const rule = JSON.stringify(input.rule);
    if (input.id === undefined) {
      const [{ n } = { n: 0 }] = await tx.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM saved_segments WHERE chain_id = $1',
        [chainId],
      );
      if (toInt(n) >= SEGMENTS_MAX)
        throw new BoError(
          'invalid_request',
          `a chain keeps at most ${SEGMENTS_MAX} segments`,
          null,
          msg('backoffice.segments.tooMany', { max: SEGMENTS_MAX }),
        );
      const newId = uuidv7();
      await tx.query(
        `INSERT INTO saved_segments (chain_id, id, name, rule, created_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $6)`,
        [chainId, newId, input.name, rule, asker.accountId, now],
      );
      return newId;
    }
    const [existing] = await tx.query<{ created_by: string | null }>(
      'SELECT created_by FROM saved_segments WHERE chain_id = $1 AND id = $2',
      [chainId, input.id],
    );
    if (!existing) throw notFound('the segment');
    if (!mayChange(asker, existing.created_by)) throw notYours();
    await tx.query(
      `UPDATE saved_segments SET name = $3, rule = $4::jsonb, updated_at = $5
        WHERE chain_id = $1 AND id = $2`,
      [chainId, input.id, input.name, rule, now],
    );
    return input.id;
  });
  return viewSegment(db, asker, id);
}

/** Every id a rule names, at every level of its groups. */
function namedIds(rule: SegmentRuleValue): { memberIds: Set<string>; storeIds: Set<string> } {
  const memberIds = new Set<string>();
  const storeIds = new Set<string>();
  const visit = (node: SegmentRuleValue) => {
    for (const id of node.memberIds ?? []) memberIds.add(id);
    for (const id of node.homeStores ?? []) storeIds.add(id);
    for (const group of [...(node.any ?? []), ...(node.all ?? [])]) visit(group);
  };
  visit(rule);
  return { memberIds, storeIds };
}

/**
 * A saved rule may name only stores and members the account reaches: the
 * chain's (a store manager: their stores, and members enrolled or buying
 * there). A segment is shown back whole, so an id from outside would be
 * echoed to the account; it is refused as not found, not named.
 */
async function requireReachableIds(
  db: Queryable,
  scope: Scope,
  rule: SegmentRuleValue,
): Promise<void> {
  const { memberIds, storeIds } = namedIds(rule);
  if (storeIds.size > 0) await scope.requireStores(db, [...storeIds]);
  if (memberIds.size === 0) return;
  const reachable = new Set((await scope.stores(db)).map((s) => s.storeId));
  const rows = await db.query<{ member_id: string; store_ids: string[] }>(
    'SELECT member_id, store_ids FROM members WHERE chain_id = $1 AND member_id = ANY($2::text[])',
    [scope.chainId, [...memberIds]],
  );
  const found = new Map(rows.map((r) => [r.member_id, r.store_ids]));
  for (const id of memberIds) {
    const stores = found.get(id);
    const reached =
      stores !== undefined && (scope.role === 'owner' || stores.some((s) => reachable.has(s)));
    if (!reached) throw notFound('a member');
  }
}

const notYours = () =>
  new BoError(
    'forbidden',
    'a store manager changes only the segments they saved',
    null,
    msg('backoffice.segments.notYours'),
  );

export async function deleteSegment(
  db: Database,
  asker: Asker,
  id: string,
): Promise<{ id: string; deleted: true }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ created_by: string | null }>(
      'SELECT created_by FROM saved_segments WHERE chain_id = $1 AND id = $2 FOR UPDATE',
      [asker.scope.chainId, id],
    );
    if (!existing) throw notFound('the segment');
    if (!mayChange(asker, existing.created_by)) throw notYours();
    await tx.query('DELETE FROM saved_segments WHERE chain_id = $1 AND id = $2', [
      asker.scope.chainId,
      id,
    ]);
    return { id, deleted: true as const };
  });
}
