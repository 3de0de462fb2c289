/**
 * The back office's products against the real cloud (PGlite and PostgreSQL):
 * a save is one `catalogue.saved` holding the whole catalogue, by the account,
 * that a till pulls; barcodes stay unique; a CSV import's row report and its
 * one save (or none, all or nothing); a store manager reads only.
 */
import { expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION, parseEvent } from '../../src/core/events';
import { encodeHlc } from '../../src/core/hlc';
import { testEventId } from '../../src/core/member/test-events';
import type { BoOutputs } from '../../src/contract/backoffice';
import type { ImportReport } from '../../src/contract/backoffice/products';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { Till } from '../test/cloud';

async function catalogueEvents(till: Till) {
  return (await till.pullAll())
    .map((raw) => parseEvent(raw))
    .filter((e) => e.type === 'catalogue.saved');
}

const BOLLE = {
  sku: 'bolle',
  barcodes: ['7040000000011'],
  name: 'Skolebolle',
  category: 'Bakst',
  priceOre: 3900,
  memberPriceOre: 3500,
  vatRate: 15 as const,
};

describeBackoffice('products', (cloud) => {
  it('a saved product is one catalogue save with the whole catalogue, by the account, that the till pulls', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    const session = await owner.ok('session.get');
    await owner.ok('products.save', { product: BOLLE });
    await owner.ok('products.save', {
      product: {
        ...BOLLE,
        sku: 'kaffe',
        name: 'Kaffe',
        barcodes: [],
        category: 'Drikke',
        priceOre: 3200,
        memberPriceOre: null,
        vatRate: 25,
      },
    });
    // A change of price (and of SKU) replaces the product in place.
    await owner.ok('products.save', {
      product: { ...BOLLE, sku: 'skolebolle', priceOre: 4200 },
      previousSku: 'bolle',
    });
    const saves = await catalogueEvents(till);
    expect(saves).toHaveLength(3);
    const last = saves.at(-1)!;
    if (last.type !== 'catalogue.saved') throw new Error('not a catalogue save');
    expect(last.storeId).toBe('cloud');
    expect(last.payload.staffId).toBe(session.account.accountId);
    expect(last.payload.products.map((p) => [p.sku, p.priceOre, p.memberPriceOre])).toEqual([
      ['skolebolle', 4200, 3500],
      ['kaffe', 3200, undefined],
    ]);
    const listed = await owner.ok('products.list', { search: 'BOLLE' });
    expect(listed.products.map((p) => p.sku)).toEqual(['skolebolle']);
    expect(listed).toMatchObject({
      matched: 1,
      total: 2,
      categories: ['Bakst', 'Drikke'],
      savedBy: 'Kari Eier',
    });
    expect(
      (await owner.ok('products.list', { category: 'Drikke' })).products.map((p) => p.sku),
    ).toEqual(['kaffe']);

    // Removed: the next save lacks it.
    await owner.ok('products.remove', { sku: 'kaffe' });
    const after = (await catalogueEvents(till)).at(-1)!;
    expect(after.type === 'catalogue.saved' && after.payload.products.map((p) => p.sku)).toEqual([
      'skolebolle',
    ]);
  });

  it('refuses a barcode another product holds, a SKU taken, and a member price above the price, beside the field', async () => {
    const { owner } = await cloud().chainWithOwner(['Sentrum']);
    await owner.ok('products.save', { product: BOLLE });
    const taken = await owner.call('products.save', {
      product: { ...BOLLE, sku: 'annen', name: 'Annen bolle' },
    });
    expect(taken.status).toBe(400);
    expect(errorOf(taken)).toMatchObject({
      field: 'product.barcodes',
      said: { key: 'programme.barcodeTaken' },
    });
    const sku = await owner.call('products.save', { product: { ...BOLLE, barcodes: [] } });
    expect(errorOf(sku)).toMatchObject({
      field: 'product.sku',
      said: { key: 'backoffice.products.skuTaken' },
    });
    expect(errorOf(sku).text.nb).toContain('Det finnes allerede en vare med varenummer bolle');
    const above = await owner.call('products.save', {
      product: { ...BOLLE, sku: 'dyr', barcodes: [], memberPriceOre: 9900 },
    });
    expect(errorOf(above)).toMatchObject({
      field: 'product.memberPriceOre',
      said: { key: 'programme.memberPriceAboveNormal' },
    });
    const vat = await owner.call('products.save', {
      product: { ...BOLLE, sku: 'mva', barcodes: [], vatRate: 10 },
    });
    expect(errorOf(vat).field).toBe('product.vatRate');
    expect((await owner.ok('products.list', {})).total).toBe(1);
  });

  it('a CSV import answers a row report first, then saves every valid row in one catalogue save', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    await owner.ok('products.save', { product: BOLLE });
    await owner.ok('products.save', {
      product: {
        sku: 'rug',
        barcodes: ['7040000000028'],
        name: 'Rugbrød',
        category: 'Brød',
        priceOre: 5900,
        vatRate: 15,
      },
    });
    const csv =
      '\uFEFFVarenummer;Strekkoder;Navn;Kategori;Pris;Medlemspris;MVA;Hylle\r\n' +
      'bolle;7040000000011;Skolebolle;Bakst;39,00;35;15;A1\r\n' + // unchanged
      'rug;7040000000028|7040000000035;Rugbrød;Brød;62.50;;15 %;A2\r\n' + // changed: price, barcodes
      'kanel;7040000000042 7040000000059;"Kanelsnurr; stor";Bakst;45;40;15;B\r\n' + // new
      'feil;;Feilpris;Bakst;tretti;;15;B\r\n' + // bad price
      'mvafeil;;Feil mva;Bakst;30;;10;B\r\n' + // bad VAT
      'tatt;7040000000011;Tatt kode;Bakst;30;;15;B\r\n' + // barcode of bolle
      'kanel;;Kanel igjen;Bakst;30;;15;B\r\n'; // SKU twice in the file
    const before = (await catalogueEvents(till)).length;
    const dry = await owner.ok('products.importCsv', { csv });
    expect(dry.applied).toBe(false);
    expect(dry.ignoredColumns).toEqual(['Hylle']);
    expect(dry.rows.map((r) => [r.line, r.sku, r.status])).toEqual([
      [2, 'bolle', 'unchanged'],
      [3, 'rug', 'changed'],
      [4, 'kanel', 'new'],
      [5, 'feil', 'error'],
      [6, 'mvafeil', 'error'],
      [7, 'tatt', 'error'],
      [8, 'kanel', 'error'],
    ]);
    expect(dry.rows[1]!.changes).toEqual(['priceOre', 'barcodes']);
    expect(dry.rows[3]!.problems).toEqual([
      { column: 'Pris', said: { key: 'backoffice.products.kroner' } },
    ]);
    expect(dry.rows[4]!.problems.map((p) => [p.column, p.said.key])).toEqual([
      ['MVA', 'backoffice.products.vatRate'],
    ]);
    expect(dry.rows[5]!.problems[0]!.said).toEqual({
      key: 'programme.barcodeTaken',
      params: { barcode: '7040000000011', other: 'bolle' },
    });
    expect(dry.rows[6]!.problems[0]!.said).toEqual({
      key: 'backoffice.products.skuTwiceInFile',
      params: { sku: 'kanel', line: 4 },
    });
    expect(dry.counts).toEqual({ new: 1, changed: 1, unchanged: 1, error: 4 });
    expect(dry.total).toBe(3);
    expect(await catalogueEvents(till)).toHaveLength(before);

    // All or nothing: nothing, since rows are wrong.
    const none: ImportReport = await owner.ok('products.importCsv', {
      csv,
      apply: true,
      allOrNothing: true,
    });
    expect(none.applied).toBe(false);
    expect(await catalogueEvents(till)).toHaveLength(before);

    const applied = await owner.ok('products.importCsv', { csv, apply: true });
    expect(applied).toMatchObject({ applied: true, total: 3 });
    const saves = await catalogueEvents(till);
    expect(saves).toHaveLength(before + 1);
    const last = saves.at(-1)!;
    if (last.type !== 'catalogue.saved') throw new Error('not a catalogue save');
    expect(last.payload.products.map((p) => [p.sku, p.name, p.priceOre, p.barcodes])).toEqual([
      ['bolle', 'Skolebolle', 3900, ['7040000000011']],
      ['rug', 'Rugbrød', 6250, ['7040000000028', '7040000000035']],
      ['kanel', 'Kanelsnurr; stor', 4500, ['7040000000042', '7040000000059']],
    ]);
  });

  it('reads an English header, commas and quotes; a file without the needed columns is refused as a whole', async () => {
    const { owner } = await cloud().chainWithOwner(['Sentrum']);
    const report = await owner.ok('products.importCsv', {
      csv: 'sku,barcodes,name,category,price,member_price,vat,quick_key\n"latte","","Caffè latte, stor",Coffee,"49.50",45,25,yes\n',
      apply: true,
    });
    expect(report.rows.map((r) => r.status)).toEqual(['new']);
    const list: BoOutputs['products.list'] = await owner.ok('products.list', {});
    expect(list.products).toEqual([
      {
        sku: 'latte',
        barcodes: [],
        name: 'Caffè latte, stor',
        category: 'Coffee',
        priceOre: 4950,
        memberPriceOre: 4500,
        vatRate: 25,
        quickKey: true,
      },
    ]);
    const missing = await owner.ok('products.importCsv', { csv: 'navn;pris\nBolle;10\n' });
    expect(missing.rows).toEqual([]);
    expect(missing.fileProblems[0]).toMatchObject({
      key: 'backoffice.products.columnsMissing',
      params: { columns: 'varenummer, kategori, mva' },
    });
  });

  it('a change keeps what a newer till wrote into a product (fields this version does not know)', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    const till = await cloud().pair(stores[0]!.storeCode);
    const at = Date.now() - 60_000;
    const saved = {
      id: testEventId(at),
      ...till.origin,
      hlc: encodeHlc({ wallMs: at, counter: 0, node: till.origin.terminalId }),
      type: 'catalogue.saved',
      memberId: null,
      payload: {
        products: [{ ...BOLLE, quickKey: false, shelf: 'A1', allergens: ['gluten'] }],
        staffId: null,
        at,
      },
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
    expect((await till.push([saved])).rejected).toEqual([]);
    await owner.ok('products.save', {
      product: { ...BOLLE, priceOre: 4500, memberPriceOre: null },
      previousSku: 'bolle',
    });
    const raw = (await till.pullRaw()) as Array<{
      type: string;
      storeId: string;
      payload: { products: unknown[] };
    }>;
    const last = raw.filter((e) => e.type === 'catalogue.saved').at(-1)!;
    expect(last.storeId).toBe('cloud');
    expect(last.payload.products).toEqual(
      [
        {
          ...BOLLE,
          memberPriceOre: undefined,
          priceOre: 4500,
          quickKey: false,
          shelf: 'A1',
          allergens: ['gluten'],
        },
      ].map(({ memberPriceOre: _none, ...p }) => p),
    );
  });

  it('a store manager reads the catalogue and changes nothing', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum']);
    await owner.ok('products.save', { product: BOLLE });
    const { browser } = await cloud().storeManager(owner, [stores[0]!.storeId]);
    expect((await browser.ok('products.list', {})).products.map((p) => p.sku)).toEqual(['bolle']);
    for (const [name, input] of [
      ['products.save', { product: { ...BOLLE, priceOre: 1 }, previousSku: 'bolle' }],
      ['products.remove', { sku: 'bolle' }],
      ['products.importCsv', { csv: 'sku;name;category;price;vat\nx;X;Y;1;25\n', apply: true }],
    ] as const) {
      const answer = await browser.call(name, input);
      expect(answer.status, name).toBe(403);
    }
    expect((await owner.ok('products.list', {})).products[0]!.priceOre).toBe(3900);
  });
});
