/**
 * The chain's catalogue in the cloud: whatever its newest `catalogue.saved`
 * (by clock) says, whether a till or the cloud wrote it. A change made in the
 * back office is a new `catalogue.saved` holding the whole new catalogue,
 * written into the chain's log as the cloud's own event (store and till
 * `cloud`, a clock after every event the cloud holds, the account as its
 * author in `staffId`), so the tills pull it like any other (see
 * cloud/programme-change.ts, which does the same for the programme).
 */
import { v7 as uuidv7 } from 'uuid';
import { Catalogue } from '../../src/core/catalogue';
import type { Product } from '../../src/core/catalogue';
import {
  EVENT_SCHEMA_VERSION,
  EventPayloads,
  eventBytes,
  maxEventBytesFor,
} from '../../src/core/events';
import type { EventEnvelope } from '../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../../src/core/hlc';
import { PRODUCT_REFUSALS } from '../../src/contract/backoffice/products';
import { msg } from '../../src/core/i18n';
import { saidText } from '../../src/core/schema-messages';
import type { BoProduct } from '../../src/contract/backoffice/products';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { appendEvents, newestHlc } from '../event-log';
import { lockChain } from '../event-rows';
import { CLOUD_ORIGIN } from '../programme-change';
import { BoError } from './errors';

export interface CurrentCatalogue {
  products: Product[];
  /** The save in force; null when the chain never saved a catalogue. */
  eventId: string | null;
  at: number | null;
  storeId: string | null;
  staffId: string | null;
}

/** How many of the newest catalogue events are tried before taking the catalogue as empty. */
const CATALOGUES_TRIED = 5;

export async function currentCatalogue(db: Queryable, chainId: string): Promise<CurrentCatalogue> {
  const rows = await db.query<{ id: string; store_id: string; payload: unknown }>(
    `SELECT id, store_id, payload FROM events WHERE chain_id = $1 AND type = 'catalogue.saved'
      ORDER BY hlc DESC, id DESC LIMIT $2`,
    [chainId, CATALOGUES_TRIED],
  );
  for (const row of rows) {
    const payload = EventPayloads['catalogue.saved'].safeParse(row.payload);
    if (payload.success)
      return {
        products: payload.data.products,
        eventId: row.id,
        at: payload.data.at,
        storeId: row.store_id,
        staffId: payload.data.staffId,
      };
    console.error(`lojal-cloud: catalogue event ${row.id} of chain ${chainId} no longer parses`);
  }
  return { products: [], eventId: null, at: null, storeId: null, staffId: null };
}

export function toBoProduct(p: Product): BoProduct {
  return {
    sku: p.sku,
    barcodes: [...p.barcodes],
    name: p.name,
    category: p.category,
    priceOre: p.priceOre,
    memberPriceOre: p.memberPriceOre ?? null,
    vatRate: p.vatRate,
    quickKey: p.quickKey,
  };
}

/**
 * A product as the catalogue keeps it, with the fields of `base` this version
 * does not know kept (a newer till wrote them: they pass on untouched).
 */
export function toProduct(p: BoProduct, base?: Product): Product {
  const known: Product = {
    sku: p.sku,
    barcodes: p.barcodes,
    name: p.name,
    category: p.category,
    priceOre: p.priceOre,
    ...(p.memberPriceOre === null ? {} : { memberPriceOre: p.memberPriceOre }),
    vatRate: p.vatRate,
    quickKey: p.quickKey,
  };
  if (!base) return known;
  const { memberPriceOre: _dropped, ...rest } = base as Product & Record<string, unknown>;
  return { ...rest, ...known } as Product;
}

/** The author's name: an account of the chain, else null (a till's staff, the first run). */
export async function authorName(
  db: Queryable,
  chainId: string,
  catalogue: CurrentCatalogue,
): Promise<string | null> {
  if (catalogue.storeId !== CLOUD_ORIGIN || catalogue.staffId === null) return null;
  const rows = await db.query<{ name: string }>(
    'SELECT name FROM accounts WHERE id = $1 AND chain_id = $2',
    [catalogue.staffId, chainId],
  );
  return rows[0]?.name ?? null;
}

/**
 * Changes the catalogue as one unit: under the chain's lock (two owners saving
 * at once each see the other's save), `change` is given the catalogue in force
 * and answers the new one (or throws), which the core's Catalogue schema must
 * take; it is written as one `catalogue.saved` by the account.
 */
export async function changeCatalogue<T>(
  db: Database,
  chainId: string,
  accountId: string,
  now: number,
  change: (
    current: CurrentCatalogue,
  ) => { products: Product[]; result: T } | { products: null; result: T },
): Promise<{ result: T; event: EventEnvelope<'catalogue.saved'> | null; total: number }> {
  return db.transaction(async (tx) => {
    await lockChain(tx, chainId);
    const current = await currentCatalogue(tx, chainId);
    const { products, result } = change(current);
    if (products === null) return { result, event: null, total: current.products.length };
    const checked = Catalogue.safeParse(products);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const said = saidText(issue);
      throw new BoError('invalid_request', issue.message, 'product', said);
    }
    const latest = await newestHlc(tx, chainId);
    const seen = latest ? decodeHlc(latest) : null;
    const clock = seen
      ? receiveHlc(null, seen, now, CLOUD_ORIGIN)
      : { wallMs: now, counter: 0, node: CLOUD_ORIGIN };
    const event: EventEnvelope<'catalogue.saved'> = {
      id: uuidv7({ msecs: now }),
      chainId,
      storeId: CLOUD_ORIGIN,
      terminalId: CLOUD_ORIGIN,
      hlc: encodeHlc(clock),
      type: 'catalogue.saved',
      memberId: null,
      // The products as given: fields a newer till wrote are kept (the schema's output would drop them).
      payload: { products, staffId: accountId, at: now },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    if (eventBytes(event) > maxEventBytesFor(event.type))
      throw new BoError(
        'invalid_request',
        'the catalogue would be too large to send to the tills',
        null,
        msg(PRODUCT_REFUSALS.catalogueTooLarge),
      );
    await appendEvents(tx, chainId, [event], now);
    return { result, event, total: products.length };
  });
}

/** The number of catalogue saves the chain holds (tests and the page's history). */
export async function catalogueSaves(db: Queryable, chainId: string): Promise<number> {
  const rows = await db.query<{ n: unknown }>(
    "SELECT count(*) AS n FROM events WHERE chain_id = $1 AND type = 'catalogue.saved'",
    [chainId],
  );
  return toInt(rows[0]?.n ?? 0);
}
