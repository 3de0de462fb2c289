/**
 * Chain-wide configuration: the programme and the catalogue. The newest save by
 * clock wins, whatever order saves arrive in.
 */
import type { EventEnvelope } from '../../core/events';
import type { Catalogue } from '../../core/catalogue';
import type { Db } from '../db';
import { configMayHaveChanged } from '../config-revision';
import { getSetting, SettingKeys, setSetting } from '../settings';
import { searchKey } from './members';

export function projectProgrammeSaved(db: Db, event: EventEnvelope<'programme.saved'>): void {
  configMayHaveChanged(db);
  const current = db.prepare('SELECT hlc FROM programme WHERE id = 1').get() as
    { hlc: string } | undefined;
  if (!current || event.hlc > current.hlc) {
    db.prepare(
      `INSERT INTO programme (id, version, hlc, programme) VALUES (1, 0, ?, ?)
       ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, programme = excluded.programme`,
    ).run(event.hlc, JSON.stringify(event.payload.programme));
  }
  // The version counts the saves up to the one in force, so a late older save
  // still counts and a rebuild gives the same number.
  db.prepare(PROGRAMME_VERSION_SQL).run();
}

/** Counted on the partial index events_programme_hlc (migration 004). */
export const PROGRAMME_VERSION_SQL = `UPDATE programme SET version = (
    SELECT count(*) FROM events WHERE type = 'programme.saved' AND hlc <= programme.hlc)
  WHERE id = 1`;

export function projectCatalogueSaved(db: Db, event: EventEnvelope<'catalogue.saved'>): void {
  const current = getSetting(db, SettingKeys.catalogueHlc);
  if (current !== null && current >= event.hlc) return;
  configMayHaveChanged(db);
  writeCatalogue(db, event.payload.products);
  setSetting(db, SettingKeys.catalogueHlc, event.hlc);
}

function writeCatalogue(db: Db, products: Catalogue): void {
  db.prepare('DELETE FROM barcodes').run();
  db.prepare('DELETE FROM catalogue').run();
  const product = db.prepare(
    `INSERT INTO catalogue (sku, position, name, search_key, category, barcodes, product)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const barcode = db.prepare('INSERT INTO barcodes (barcode, sku) VALUES (?, ?)');
  products.forEach((p, position) => {
    product.run(
      p.sku,
      position,
      p.name,
      searchKey(`${p.name} ${p.sku}`),
      p.category,
      JSON.stringify(p.barcodes),
      JSON.stringify(p),
    );
    for (const code of p.barcodes) barcode.run(code, p.sku);
  });
}
