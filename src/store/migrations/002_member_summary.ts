/**
 * Summary columns on members (src/store/projections/member-summary.ts): a member
 * lookup answers from them without parsing the ledger JSON. Existing rows are
 * filled from their ledgers here, with the same rules as the projection (a
 * test holds the two to each other).
 */
export const backfill = /* sql */ `
UPDATE members SET
  points_balance = (
    SELECT coalesce(sum(json_extract(lot.value, '$.remaining')), 0)
    FROM json_each(members.ledger, '$.lots') AS lot
  ) - json_extract(ledger, '$.pointsDeficit'),
  points_valid_from = (
    SELECT max(json_extract(lot.value, '$.availableAt'))
    FROM json_each(members.ledger, '$.lots') AS lot
    WHERE json_extract(lot.value, '$.remaining') <> 0
  ),
  points_valid_until = (
    SELECT min(json_extract(lot.value, '$.expiresAt'))
    FROM json_each(members.ledger, '$.lots') AS lot
    WHERE json_extract(lot.value, '$.remaining') <> 0
  ),
  points_earned = CASE
    WHEN EXISTS (
      SELECT 1 FROM json_each(members.ledger, '$.earnLog') AS entry
      WHERE json_extract(entry.value, '$.points') < 0
    ) THEN NULL
    ELSE (
      SELECT coalesce(sum(json_extract(entry.value, '$.points')), 0)
      FROM json_each(members.ledger, '$.earnLog') AS entry
    )
  END;
`;

export const sql = /* sql */ `
ALTER TABLE members ADD COLUMN points_balance INTEGER;
ALTER TABLE members ADD COLUMN points_valid_from INTEGER;
ALTER TABLE members ADD COLUMN points_valid_until INTEGER;
ALTER TABLE members ADD COLUMN points_earned INTEGER;
${backfill}`;
