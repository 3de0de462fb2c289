/** The chain's products: listed to any account, changed by an owner (one catalogue save each). */
import type { Product } from '../../../src/core/catalogue';
import { PRODUCT_REFUSALS } from '../../../src/contract/backoffice/products';
import { msg } from '../../../src/core/i18n';
import { parseProductsCsv } from '../../../src/contract/backoffice/products';
import type {
  BoProduct,
  ImportReport,
  ImportRow,
  ImportRowStatus,
  ParsedCsv,
} from '../../../src/contract/backoffice/products';
import { LIST_MAX } from '../../../src/contract/backoffice/products';
import { BoError, notFound } from '../errors';
import { authorName, changeCatalogue, currentCatalogue, toBoProduct, toProduct } from '../products';
import type { BoHandlers } from './types';

const FIELDS: Array<keyof BoProduct> = [
  'name',
  'category',
  'priceOre',
  'memberPriceOre',
  'vatRate',
  'barcodes',
  'quickKey',
];

function changedFields(before: BoProduct, after: BoProduct): Array<keyof BoProduct> {
  return FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

function folded(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('nb');
}

/**
 * What a CSV file's rows do to the catalogue, in file order: each valid row
 * adds a product or replaces the one with its SKU (fields a newer till wrote
 * kept). A SKU the file names twice, or a barcode another product holds
 * (after the rows before it), makes the row wrong; wrong rows change nothing.
 */
export function planImport(
  current: readonly Product[],
  parsed: ParsedCsv,
): { rows: ImportRow[]; products: Product[]; counts: Record<ImportRowStatus, number> } {
  const products = [...current];
  const at = new Map(products.map((p, i) => [p.sku, i]));
  const holder = new Map<string, string>();
  for (const p of products) for (const code of p.barcodes) holder.set(code, p.sku);
  const skuLine = new Map<string, number>();
  const counts: Record<ImportRowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  const rows = parsed.rows.map((row): ImportRow => {
    const base = { line: row.line, sku: row.sku, name: row.name, changes: [] };
    if (!row.product) {
      counts.error += 1;
      return { ...base, status: 'error', problems: row.problems };
    }
    const product = row.product;
    const problems: ImportRow['problems'] = [];
    const earlier = skuLine.get(product.sku);
    if (earlier !== undefined)
      problems.push({
        column: null,
        said: msg(PRODUCT_REFUSALS.skuTwiceInFile, { sku: product.sku, line: earlier }),
      });
    for (const code of product.barcodes) {
      const other = holder.get(code);
      if (other !== undefined && other !== product.sku)
        problems.push({
          column: null,
          said: msg(PRODUCT_REFUSALS.barcodeTaken, { barcode: code, other }),
        });
    }
    if (problems.length > 0) {
      counts.error += 1;
      return { ...base, status: 'error', problems };
    }
    skuLine.set(product.sku, row.line);
    const index = at.get(product.sku);
    const next: BoProduct = { ...product };
    if (index === undefined) {
      at.set(product.sku, products.length);
      products.push(toProduct(next));
      for (const code of product.barcodes) holder.set(code, product.sku);
      counts.new += 1;
      return { ...base, status: 'new', problems: [] };
    }
    const before = products[index]!;
    const changes = changedFields(toBoProduct(before), next);
    if (changes.length === 0) {
      counts.unchanged += 1;
      return { ...base, status: 'unchanged', problems: [] };
    }
    for (const code of before.barcodes) if (holder.get(code) === before.sku) holder.delete(code);
    for (const code of product.barcodes) holder.set(code, product.sku);
    products[index] = toProduct(next, before);
    counts.changed += 1;
    return { ...base, status: 'changed', problems: [], changes };
  });
  return { rows, products, counts };
}

export const productHandlers = {
  'products.list': async (input, ctx) => {
    const catalogue = await currentCatalogue(ctx.db, ctx.scope.chainId);
    const search = folded(input.search.trim());
    const matching = catalogue.products.filter(
      (p) =>
        (input.category === null || p.category === input.category) &&
        (search === '' ||
          folded(p.name).includes(search) ||
          folded(p.sku).includes(search) ||
          p.barcodes.some((b) => b.includes(search))),
    );
    return {
      products: matching.slice(0, LIST_MAX).map(toBoProduct),
      matched: matching.length,
      total: catalogue.products.length,
      categories: [...new Set(catalogue.products.map((p) => p.category))].sort((a, b) =>
        a.localeCompare(b, 'nb'),
      ),
      savedAt: catalogue.at,
      savedBy: await authorName(ctx.db, ctx.scope.chainId, catalogue),
    };
  },

  'products.save': async (input, ctx) => {
    const product: BoProduct = { ...input.product };
    const { event, total } = await changeCatalogue(
      ctx.db,
      ctx.scope.chainId,
      ctx.account.accountId,
      ctx.now,
      (current) => {
        const products = [...current.products];
        // A new product names no previous SKU: its SKU must be free.
        const index =
          input.previousSku === null ? -1 : products.findIndex((p) => p.sku === input.previousSku);
        if (input.previousSku !== null && index < 0) throw notFound('the product');
        const clash = products.findIndex((p) => p.sku === product.sku);
        if (clash >= 0 && clash !== index)
          throw new BoError(
            'invalid_request',
            `a product with item number ${product.sku} exists already`,
            'product.sku',
            msg(PRODUCT_REFUSALS.skuTaken, { sku: product.sku }),
          );
        for (const code of product.barcodes) {
          const other = products.find((p, i) => i !== index && p.barcodes.includes(code));
          if (other)
            throw new BoError(
              'invalid_request',
              `barcode ${code} belongs to ${other.sku} too`,
              'product.barcodes',
              msg(PRODUCT_REFUSALS.barcodeTaken, { barcode: code, other: other.sku }),
            );
        }
        if (index >= 0) products[index] = toProduct(product, products[index]);
        else products.push(toProduct(product));
        return { products, result: null };
      },
    );
    return { product, total, savedAt: event!.payload.at };
  },

  'products.remove': async (input, ctx) => {
    const { event, total } = await changeCatalogue(
      ctx.db,
      ctx.scope.chainId,
      ctx.account.accountId,
      ctx.now,
      (current) => {
        if (!current.products.some((p) => p.sku === input.sku)) throw notFound('the product');
        return { products: current.products.filter((p) => p.sku !== input.sku), result: null };
      },
    );
    return { sku: input.sku, total, savedAt: event!.payload.at };
  },

  'products.importCsv': async (input, ctx) => {
    const parsed = parseProductsCsv(input.csv);
    if (!input.apply) {
      // A dry run changes nothing: read without the chain's lock (pushes do not wait for it).
      const current = await currentCatalogue(ctx.db, ctx.scope.chainId);
      const plan = planImport(current.products, parsed);
      return {
        fileProblems: parsed.fileProblems,
        ignoredColumns: parsed.ignoredColumns,
        rows: plan.rows,
        counts: plan.counts,
        applied: false,
        total: plan.products.length,
      };
    }
    const { result } = await changeCatalogue<ImportReport>(
      ctx.db,
      ctx.scope.chainId,
      ctx.account.accountId,
      ctx.now,
      (current) => {
        const plan = planImport(current.products, parsed);
        const report = (applied: boolean, total: number): ImportReport => ({
          fileProblems: parsed.fileProblems,
          ignoredColumns: parsed.ignoredColumns,
          rows: plan.rows,
          counts: plan.counts,
          applied,
          total,
        });
        const changes = plan.counts.new + plan.counts.changed;
        const refused = input.allOrNothing && plan.counts.error > 0;
        if (refused || changes === 0 || parsed.fileProblems.length > 0)
          return { products: null, result: report(false, current.products.length) };
        return { products: plan.products, result: report(true, plan.products.length) };
      },
    );
    return result;
  },
} satisfies Pick<
  BoHandlers,
  'products.list' | 'products.save' | 'products.remove' | 'products.importCsv'
>;
