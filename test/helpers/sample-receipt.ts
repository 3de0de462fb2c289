/** Test support: a small member receipt full of æ ø å Æ Ø Å, built by the real receipt builder. */
import { buildReceipt } from '../../src/core/receipt';
import type { ReceiptDocument, ReceiptInput, ReceiptWidth } from '../../src/core/receipt';
import { memberNumberFor } from '../../src/core/ean13';
import type { Locale } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';

export const SAMPLE_MEMBER_NUMBER = memberNumberFor('29', 7);
export const SAMPLE_QR_TOKEN = 'ABCDEFGHJKLMNPQRSTUVWXYZ23';

export function sampleReceiptInput(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    store: {
      name: 'Bakeriet på Øya',
      addressLines: ['Åsveien 3', '6010 Ålesund'],
      orgNumber: '987 654 321 MVA',
    },
    sale: {
      receiptNo: '2-0107',
      at: Date.parse('2026-06-01T08:30:00+02:00'),
      paymentMethod: 'vipps',
      evaluation: {
        lines: [
          {
            lineId: 'l1',
            sku: 'syltetoy',
            name: 'Blåbærsyltetøy',
            category: 'Pålegg',
            quantity: 1,
            unitPriceOre: 4990,
            vatRate: 15,
            listOre: 4990,
            paidOre: 4490,
            discounts: [{ benefitId: 'mp1', amountOre: 500 }],
          },
          {
            lineId: 'l2',
            sku: 'ol',
            name: 'ÆRLIG ØL FRA ÅLESUND',
            category: 'Drikke',
            quantity: 2,
            unitPriceOre: 3990,
            vatRate: 25,
            listOre: 7980,
            paidOre: 7980,
            discounts: [],
          },
        ],
        benefits: [
          {
            id: 'mp1',
            kind: 'member_price',
            amountOre: 500,
            reason: {
              nb: 'Medlemspris Blåbærsyltetøy: 44,90 kr',
              en: 'Member price Blåbærsyltetøy: NOK 44.90',
            },
          },
        ],
        vat: [
          { rate: 15, grossOre: 4490, vatOre: 586, netOre: 3904 },
          { rate: 25, grossOre: 7980, vatOre: 1596, netOre: 6384 },
        ],
        listOre: 12970,
        totalOre: 12470,
        effects: null,
      },
    },
    member: {
      memberNumber: SAMPLE_MEMBER_NUMBER,
      qrToken: SAMPLE_QR_TOKEN,
      erased: false,
      profile: { firstName: 'Åse' },
      points: { balance: 120, pending: 0 },
      tier: null,
      punchCards: [
        {
          cardId: 'kaffe',
          name: { nb: 'Kaffekort', en: 'Coffee card' },
          stamps: 3,
          of: 10,
          rewardsAvailable: [],
        },
      ],
      coupons: [],
    },
    width: 48,
    copy: false,
    memberCode: 'both',
    ...overrides,
  };
}

export function sampleReceipt(
  width: ReceiptWidth,
  overrides: Partial<ReceiptInput> = {},
): ReceiptDocument {
  const input = sampleReceiptInput({ width, ...overrides });
  const locale: Locale = input.locale ?? 'nb';
  return buildReceipt(input, (shown) => render(shown, locale));
}
