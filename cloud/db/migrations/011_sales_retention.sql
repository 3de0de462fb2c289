-- How many days a till keeps other stores' sales in its event log once folded
-- into its members (docs/architecture.md, "Sync": new tills from snapshots and
-- retention). The till's own store's sales stay; a new till's snapshot brings
-- its own store's sales of the same period. Told to tills in the snapshot head.
ALTER TABLE chains ADD COLUMN sales_retention_days integer NOT NULL DEFAULT 90
  CHECK (sales_retention_days BETWEEN 1 AND 3660);
