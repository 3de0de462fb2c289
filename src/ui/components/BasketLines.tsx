/** The basket: each line with its quantity (+/−), price, and every discount with its reason. */
import type { Product } from '../../core/catalogue';
import type { Evaluation } from '../../core/basket-types';
import type { BasketLineState } from '../hooks/useBasket';
import { useI18n } from '../i18n';

interface BasketLinesProps {
  lines: BasketLineState[];
  evaluation: Evaluation | null;
  catalogue: ReadonlyMap<string, Product>;
  onQuantity(lineId: string, quantity: number): void;
}

export function BasketLines({ lines, evaluation, catalogue, onQuantity }: BasketLinesProps) {
  const { t, money, pick } = useI18n();
  const evaluated = new Map((evaluation?.lines ?? []).map((line) => [line.lineId, line]));
  const benefits = new Map((evaluation?.benefits ?? []).map((b) => [b.id, b]));

  return (
    <section className="panel basket" aria-label={t('checkout.basket')}>
      <h2>{t('checkout.basket')}</h2>
      {lines.length === 0 ? (
        <p className="empty">{t('checkout.empty')}</p>
      ) : (
        <ul data-testid="basket-lines">
          {lines.map((line) => {
            const priced = evaluated.get(line.lineId);
            const name = priced?.name ?? catalogue.get(line.sku)?.name ?? line.sku;
            const unit = priced?.unitPriceOre ?? catalogue.get(line.sku)?.priceOre ?? 0;
            return (
              <li
                key={line.lineId}
                className="basket-line"
                data-testid="basket-line"
                data-sku={line.sku}
              >
                <div>
                  <div className="line-name">{name}</div>
                  <div className="line-detail">
                    {t('checkout.unitPrice', { quantity: line.quantity, price: money(unit) })}
                  </div>
                  {priced?.discounts.map((discount) => {
                    const benefit = benefits.get(discount.benefitId);
                    return (
                      <div key={discount.benefitId} className="line-discount">
                        {benefit?.kind === 'member_price' ? `${t('checkout.memberPrice')}: ` : ''}
                        {benefit ? pick(benefit.reason) : discount.benefitId} −
                        {money(discount.amountOre)}
                      </div>
                    );
                  })}
                </div>
                <div className="qty">
                  <button
                    type="button"
                    className="btn"
                    aria-label={t('checkout.decrease', { name })}
                    onClick={() => onQuantity(line.lineId, line.quantity - 1)}
                  >
                    −
                  </button>
                  <output aria-label={t('checkout.quantity')} data-testid="line-quantity">
                    {line.quantity}
                  </output>
                  <button
                    type="button"
                    className="btn"
                    aria-label={t('checkout.increase', { name })}
                    onClick={() => onQuantity(line.lineId, line.quantity + 1)}
                  >
                    +
                  </button>
                </div>
                <div className="line-amount">
                  {priced && priced.paidOre !== priced.listOre && <s>{money(priced.listOre)}</s>}
                  <span className="paid">
                    {money(priced ? priced.paidOre : unit * line.quantity)}
                  </span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
