import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents } from './append';
import { allProducts, productBySku, searchProducts } from './catalogue';
import { openDatabase } from './db';
import { inTransaction } from './statements';
import type { Db } from './db';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
  const product = (sku: string, name: string) => ({
    sku,
    name,
    category: 'bakst',
    priceOre: 100,
    vatRate: 15 as const,
  });
  appendEvents(db, [
    testTill().catalogueSaved(Date.UTC(2026, 0, 1), [
      product('GROV-1', 'Grovbrød'),
      product('SKOLE', 'Skolebolle'),
      product('BOLLE', 'Hveteboller 6 stk'),
      product('COMBO', 'Bolle og kaffe'),
      product('KAFFE', 'Kaffe, stor'),
      product('AEBLE', 'Æblekake'),
      product('PCT', '100% rug'),
    ]),
  ]);
});
afterEach(() => {
  db.close();
  tmp.remove();
});

describe('product search', () => {
  const skus = (q: string) => searchProducts(db, q, 20).map((p) => p.sku);

  it('matches name or SKU anywhere, case-insensitively, names starting with it first', () => {
    expect(skus('kaffe')).toEqual(['KAFFE', 'COMBO']);
    expect(skus('KAFFE')).toEqual(['KAFFE', 'COMBO']);
    expect(skus('bolle')).toEqual(['COMBO', 'SKOLE', 'BOLLE']);
    expect(skus('grov-1')).toEqual(['GROV-1']);
  });

  it('folds Nordic letters the same way on both sides', () => {
    expect(skus('GROVBRØD')).toEqual(['GROV-1']);
    expect(skus('æble')).toEqual(['AEBLE']);
    expect(skus('ÆBLE')).toEqual(['AEBLE']);
  });

  it('takes LIKE wildcards literally', () => {
    expect(skus('%')).toEqual(['PCT']);
    expect(skus('_')).toEqual([]);
  });

  it('keeps the catalogue order and finds products by SKU', () => {
    expect(allProducts(db).map((p) => p.sku)).toEqual([
      'GROV-1',
      'SKOLE',
      'BOLLE',
      'COMBO',
      'KAFFE',
      'AEBLE',
      'PCT',
    ]);
    expect(productBySku(db, 'KAFFE')?.name).toBe('Kaffe, stor');
    expect(productBySku(db, 'nope')).toBeNull();
    expect(searchProducts(db, 'e', 2)).toHaveLength(2);
  });
});

describe('product by SKU (kept parsed per connection)', () => {
  const priced = (sku: string, priceOre: number) => ({
    sku,
    name: sku,
    category: 'bakst',
    priceOre,
    vatRate: 15 as const,
  });

  it('answers a newer catalogue at once, and the old one again when its save is rolled back', () => {
    expect(productBySku(db, 'KAFFE')?.priceOre).toBe(100);
    expect(productBySku(db, 'NY')).toBeNull();
    appendEvents(db, [
      testTill().catalogueSaved(Date.UTC(2026, 0, 2), [priced('KAFFE', 3900), priced('NY', 1)]),
    ]);
    expect(productBySku(db, 'KAFFE')?.priceOre).toBe(3900);
    expect(productBySku(db, 'NY')?.priceOre).toBe(1);
    expect(() =>
      inTransaction(db, () => {
        appendEvents(db, [
          testTill().catalogueSaved(Date.UTC(2026, 0, 3), [priced('KAFFE', 5000)]),
        ]);
        expect(productBySku(db, 'KAFFE')?.priceOre).toBe(5000);
        throw new Error('the till lost power');
      }),
    ).toThrow(/lost power/);
    expect(productBySku(db, 'KAFFE')?.priceOre).toBe(3900);
    expect(productBySku(db, 'NY')?.priceOre).toBe(1);
  });
});
