/** Reading the catalogue projection and the programme in force. */
import type { Product } from '../core/catalogue';
import type { Programme } from '../core/programme';
import type { ProgrammePublication } from '../core/programme-in-force';
import { reading } from './db';
import type { Db, Readable } from './db';
import { searchKey } from './projections/members';
import { keptPerRevision } from './config-revision';
import { pluckStatement } from './statements';

function productFrom(json: string): Product {
  return JSON.parse(json) as Product;
}

export function allProducts(handle: Readable): Product[] {
  const db = reading(handle);
  const rows = db
    .prepare('SELECT product FROM catalogue ORDER BY position')
    .pluck()
    .all() as string[];
  return rows.map(productFrom);
}

/** Unknown SKUs are remembered too; past this many entries the cache starts again. */
const PRODUCTS_KEPT = 20_000;
const productsBySku = keptPerRevision(() => new Map<string, Product | null>());

/**
 * A basket resolves every line on every scan, so products are parsed once per
 * connection and kept until the catalogue may have changed (a save, a rebuild
 * or a rolled-back transaction moves the revision). The objects are shared:
 * callers must not change them.
 */
export function productBySku(db: Db, sku: string): Product | null {
  const kept = productsBySku(db);
  let product = kept.get(sku);
  if (product === undefined) {
    const json = pluckStatement(db, 'SELECT product FROM catalogue WHERE sku = ?').get(sku) as
      string | undefined;
    product = json === undefined ? null : productFrom(json);
    if (kept.size >= PRODUCTS_KEPT) kept.clear();
    kept.set(sku, product);
  }
  return product;
}

export function productByBarcode(handle: Readable, barcode: string): Product | null {
  const db = reading(handle);
  const json = pluckStatement(
    db,
    'SELECT c.product FROM barcodes b JOIN catalogue c ON c.sku = b.sku WHERE b.barcode = ?',
  ).get(barcode) as string | undefined;
  return json === undefined ? null : productFrom(json);
}

/**
 * Products whose name or SKU contains the text, case-insensitively and with Nordic
 * letters folded the same way on both sides. Names that start with it come first.
 */
export function searchProducts(handle: Readable, query: string, limit: number): Product[] {
  const db = reading(handle);
  const key = searchKey(query);
  if (key === '') return [];
  const pattern = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT product FROM catalogue WHERE search_key LIKE ? ESCAPE '\\'
       ORDER BY instr(search_key, ?) <> 1, position LIMIT ?`,
    )
    .pluck()
    .all(pattern, key, limit) as string[];
  return rows.map(productFrom);
}

export interface StoredProgramme {
  programme: Programme;
  version: number;
  hlc: string;
}

export function currentProgramme(db: Db): StoredProgramme | null {
  const row = db.prepare('SELECT programme, version, hlc FROM programme WHERE id = 1').get() as
    { programme: string; version: number; hlc: string } | undefined;
  if (!row) return null;
  // Validated by parseEvent when its programme.saved event was appended.
  const programme = JSON.parse(row.programme) as Programme;
  return { programme, version: row.version, hlc: row.hlc };
}

/** A programme version as saved, without its rules (read for every version, parsed for one). */
export interface StoredPublication extends ProgrammePublication {
  programme: () => Programme;
}

/**
 * Every programme version this till holds, with when and where it applies
 * (src/core/programme-in-force.ts chooses among them); each version's rules
 * are read only when asked for. Read on the partial index events_programme_hlc.
 */
export function programmePublications(db: Db): StoredPublication[] {
  const rows = db
    .prepare(
      `SELECT id, hlc, json_extract(payload, '$.at') AS at, json_extract(payload, '$.from') AS from_ms,
              json_extract(payload, '$.stores') AS stores
         FROM events WHERE type = 'programme.saved' ORDER BY hlc`,
    )
    .all() as Array<{
    id: string;
    hlc: string;
    at: number;
    from_ms: number | null;
    stores: string | null;
  }>;
  const programmeOf = db.prepare(
    "SELECT json_extract(payload, '$.programme') FROM events WHERE id = ?",
  );
  return rows.map((row) => ({
    eventId: row.id,
    hlc: row.hlc,
    at: row.at,
    from: row.from_ms ?? undefined,
    stores: row.stores === null ? undefined : (JSON.parse(row.stores) as string[]),
    // Validated by parseEvent when the event was appended.
    programme: () => JSON.parse(programmeOf.pluck().get(row.id) as string) as Programme,
  }));
}

/** The clock of the programme save in force (cheap: lets callers cache the parsed programme). */
export function programmeHlc(db: Db): string | null {
  const hlc = pluckStatement(db, 'SELECT hlc FROM programme WHERE id = 1').get() as
    string | undefined;
  return hlc ?? null;
}
