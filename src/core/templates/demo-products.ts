/**
 * Builds a demo catalogue: prices typed in whole kroner, barcodes made from a
 * GS1 Norway company prefix ("70…") plus an item number, with the EAN-13 check
 * digit computed, and everything validated by the catalogue schema.
 */
import { Catalogue, type Product, type VatRate } from '../catalogue';
import { ean13CheckDigit } from '../ean13';

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  kroner: number;
  memberKroner?: number;
  vatRate: VatRate;
  quickKey?: boolean;
}

export function ean13(companyPrefix: string, item: number): string {
  const first12 = companyPrefix + String(item).padStart(12 - companyPrefix.length, '0');
  return first12 + String(ean13CheckDigit(first12));
}

export function demoCatalogue(companyPrefix: string, products: readonly DemoProduct[]): Product[] {
  return Catalogue.parse(
    products.map((p, i) => ({
      sku: p.sku,
      barcodes: [ean13(companyPrefix, i + 1)],
      name: p.name,
      category: p.category,
      priceOre: Math.round(p.kroner * 100),
      ...(p.memberKroner === undefined ? {} : { memberPriceOre: Math.round(p.memberKroner * 100) }),
      vatRate: p.vatRate,
      quickKey: p.quickKey ?? false,
    })),
  );
}
