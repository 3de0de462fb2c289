/** The product catalogue the till sells from. Prices include VAT, in øre. */
import { z } from 'zod';
import { msg } from './i18n';
import { boundedText, LIMITS } from './limits';
import { issueSaying, says } from './schema-messages';

export const VAT_RATES = [25, 15, 12, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

const price = z
  .number()
  .int()
  .nonnegative()
  .max(
    LIMITS.maxUnitPriceOre,
    says(msg('programme.priceTooHigh', { max: LIMITS.maxUnitPriceOre / 100 })),
  );

type Shape = Record<string, z.ZodType>;
type ObjectMaker = <S extends Shape>(shape: S) => z.ZodObject<S>;

function catalogueSchemas(object: ObjectMaker) {
  const Product = object({
    sku: boundedText(64).min(1),
    /** GTIN/EAN codes that scan to this product. */
    barcodes: z
      .array(z.string().regex(/^\d{8,14}$/, says(msg('programme.barcodeDigits'))))
      .max(100)
      .default([]),
    name: boundedText(120).min(1),
    category: boundedText(64).min(1),
    priceOre: price,
    /** "Medlemspris": applied when a member is attached to the sale. */
    memberPriceOre: price.optional(),
    vatRate: z.union([z.literal(25), z.literal(15), z.literal(12), z.literal(0)]),
    /** Shown as a quick key on the checkout screen (bread, coffee...). */
    quickKey: z.boolean().default(false),
  }).refine((p) => p.memberPriceOre === undefined || p.memberPriceOre <= p.priceOre, {
    message: says(msg('programme.memberPriceAboveNormal')),
    path: ['memberPriceOre'],
  });

  const Catalogue = z.array(Product).superRefine((products, ctx) => {
    const skus = new Set<string>();
    const codes = new Map<string, string>();
    products.forEach((p, i) => {
      if (skus.has(p.sku))
        ctx.addIssue(issueSaying(msg('programme.skuTwice', { sku: p.sku }), [i, 'sku']));
      skus.add(p.sku);
      for (const b of p.barcodes) {
        const other = codes.get(b);
        if (other && other !== p.sku) {
          ctx.addIssue(
            issueSaying(msg('programme.barcodeTaken', { barcode: b, other }), [i, 'barcodes']),
          );
        }
        codes.set(b, p.sku);
      }
    });
  });
  return { Product, Catalogue };
}

/** A product as a till takes it in (unknown fields are not kept from input). */
export const Product = catalogueSchemas((shape) => z.object(shape)).Product;
export type Product = z.infer<typeof Product>;
export type ProductInput = z.input<typeof Product>;
export const Catalogue = catalogueSchemas((shape) => z.object(shape)).Catalogue;
/**
 * The catalogue as a `catalogue.saved` event carries it: products keep fields
 * this version does not know (a newer till wrote them) and pass them on. The
 * static type stays the known shape.
 */
export const CatalogueInEvents = catalogueSchemas(
  (shape) => z.looseObject(shape) as unknown as z.ZodObject<typeof shape>,
).Catalogue;
export type Catalogue = z.infer<typeof Catalogue>;
