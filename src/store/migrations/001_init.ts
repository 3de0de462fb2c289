/**
 * The first schema. Migrations are TypeScript modules exporting SQL (not .sql
 * files read with `?raw`): tsx cannot load `?raw` imports, and the same code runs
 * under vitest, tsx scripts and the bundled app.
 */
export const sql = /* sql */ `
-- The append-only event log. pushed = 0 marks the sync outbox (local, not yet acknowledged).
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  chain_id TEXT NOT NULL,
  store_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  hlc TEXT NOT NULL,
  type TEXT NOT NULL,
  member_id TEXT,
  payload TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  pushed INTEGER NOT NULL DEFAULT 0,
  origin TEXT NOT NULL CHECK (origin IN ('local', 'remote'))
) STRICT;
CREATE INDEX events_hlc ON events (hlc, id);
CREATE INDEX events_member_hlc ON events (member_id, hlc, id) WHERE member_id IS NOT NULL;
CREATE INDEX events_outbox ON events (pushed, hlc) WHERE pushed = 0;
CREATE INDEX events_type_hlc ON events (type, hlc);
-- Voids and returns by the sale they belong to (the sales projection looks them up).
CREATE INDEX events_sale_ref ON events (json_extract(payload, '$.saleId'))
  WHERE type IN ('sale.voided', 'sale.returned');

-- Member projection: the folded ledger plus the columns lookups need.
-- Phone and member number are not UNIQUE on purpose: two offline tills may enrol the
-- same phone, and a synced event is never refused. The service refuses duplicates
-- locally; a clash arriving by sync is recorded in conflicts.
CREATE TABLE members (
  member_id TEXT PRIMARY KEY,
  member_number TEXT,
  qr_token TEXT,
  phone_e164 TEXT,
  first_name TEXT,
  last_name TEXT,
  -- lower-cased "first last" and "last first" for prefix search by name
  name_key TEXT,
  surname_key TEXT,
  erased INTEGER NOT NULL DEFAULT 0,
  enrolled_at INTEGER,
  ledger TEXT NOT NULL,
  updated_hlc TEXT NOT NULL
) STRICT;
CREATE INDEX members_phone ON members (phone_e164, enrolled_at, member_id)
  WHERE erased = 0 AND phone_e164 IS NOT NULL;
CREATE INDEX members_number ON members (member_number, enrolled_at, member_id)
  WHERE member_number IS NOT NULL;
CREATE UNIQUE INDEX members_qr ON members (qr_token) WHERE qr_token IS NOT NULL;
CREATE INDEX members_name ON members (name_key) WHERE erased = 0;
CREATE INDEX members_surname ON members (surname_key) WHERE erased = 0;

CREATE TABLE sales (
  sale_id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  receipt_no TEXT NOT NULL,
  member_id TEXT,
  at INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  store_id TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  staff_id TEXT,
  total_ore INTEGER NOT NULL,
  voided INTEGER NOT NULL DEFAULT 0,
  returned_ore INTEGER NOT NULL DEFAULT 0,
  -- the sale.committed payload
  payload TEXT NOT NULL,
  -- the sale.returned payloads, in clock order
  returns TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX sales_member ON sales (member_id, at) WHERE member_id IS NOT NULL;
CREATE INDEX sales_at ON sales (at, hlc);

-- Single row: the programme in force (last writer by clock wins).
CREATE TABLE programme (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL,
  hlc TEXT NOT NULL,
  programme TEXT NOT NULL
) STRICT;

CREATE TABLE catalogue (
  sku TEXT PRIMARY KEY,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  -- lower-cased, NFC name and SKU for case-insensitive search with Nordic letters
  search_key TEXT NOT NULL,
  category TEXT NOT NULL,
  barcodes TEXT NOT NULL,
  product TEXT NOT NULL
) STRICT;
CREATE TABLE barcodes (
  barcode TEXT PRIMARY KEY,
  sku TEXT NOT NULL REFERENCES catalogue (sku) ON DELETE CASCADE
) STRICT;

CREATE TABLE staff (
  staff_id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
  -- scrypt with a per-PIN salt; a PIN is never stored
  pin_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE print_jobs (
  id TEXT PRIMARY KEY,
  sale_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'copy', 'test')),
  document TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'printing', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  printed_at INTEGER
) STRICT;
CREATE INDEX print_jobs_status ON print_jobs (status, created_at);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Things two tills did that do not fit together, shown to the manager. A function of
-- the current projections (e.g. two live members share a phone), so rebuilding
-- from the log gives the same rows whatever order events arrived in.
CREATE TABLE conflicts (
  kind TEXT NOT NULL,
  conflict_key TEXT NOT NULL,
  member_ids TEXT NOT NULL,
  PRIMARY KEY (kind, conflict_key)
) STRICT;
`;
