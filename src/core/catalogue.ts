/** The product catalogue the till sells from. Prices include VAT, in øre. */
import { z } from 'zod';
import { text } from './i18n';
import { issueSaying, says } from './schema-messages';

export const VAT_RATES = [25, 15, 12, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const Product = z
  .object({
    sku: z.string().min(1).max(64),
    /** GTIN/EAN codes that scan to this product. */
    barcodes: z
      .array(
        z
          .string()
          .regex(
            /^\d{8,14}$/,
            says(text('En strekkode har 8–14 sifre.', 'barcodes are 8–14 digits')),
          ),
      )
      .default([]),
    name: z.string().min(1).max(120),
    category: z.string().min(1).max(64),
    priceOre: z.number().int().nonnegative(),
    /** "Medlemspris": applied when a member is attached to the sale. */
    memberPriceOre: z.number().int().nonnegative().optional(),
    vatRate: z.union([z.literal(25), z.literal(15), z.literal(12), z.literal(0)]),
    /** Shown as a quick key on the checkout screen (bread, coffee...). */
    quickKey: z.boolean().default(false),
  })
  .refine((p) => p.memberPriceOre === undefined || p.memberPriceOre <= p.priceOre, {
    message: says(
      text(
        'Medlemsprisen kan ikke være høyere enn ordinær pris.',
        'a member price cannot be higher than the normal price',
      ),
    ),
    path: ['memberPriceOre'],
  });
export type Product = z.infer<typeof Product>;
export type ProductInput = z.input<typeof Product>;

export const Catalogue = z.array(Product).superRefine((products, ctx) => {
  const skus = new Set<string>();
  const codes = new Map<string, string>();
  products.forEach((p, i) => {
    if (skus.has(p.sku))
      ctx.addIssue(
        issueSaying(text(`Varenummeret ${p.sku} står to ganger.`, `SKU ${p.sku} is listed twice`), [
          i,
          'sku',
        ]),
      );
    skus.add(p.sku);
    for (const b of p.barcodes) {
      const other = codes.get(b);
      if (other && other !== p.sku) {
        ctx.addIssue(
          issueSaying(
            text(
              `Strekkoden ${b} hører også til varen ${other}.`,
              `barcode ${b} belongs to ${other} too`,
            ),
            [i, 'barcodes'],
          ),
        );
      }
      codes.set(b, p.sku);
    }
  });
});
export type Catalogue = z.infer<typeof Catalogue>;
