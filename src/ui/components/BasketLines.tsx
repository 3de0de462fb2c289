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
  /** Empty the basket and drop the member (a new customer). */
  onClear(): void;
  canClear: boolean;
}

export function BasketLines(props: BasketLinesProps) {
  const { lines, evaluation, catalogue, onQuantity, onClear, canClear } = props;
  const { t, money, say } = useI18n();
  const evaluated = new Map((evaluation?.lines ?? []).map((line) => [line.lineId, line]));
  const benefits = new Map((evaluation?.benefits ?? []).map((b) => [b.id, b]));

  return (
    <section className="panel basket" aria-label={t('checkout.basket')}>
      <div className="panel-head">
        <h2 className="section">{t('checkout.basket')}</h2>
        <button type="button" className="btn btn-small" disabled={!canClear} onClick={onClear}>
          {t('checkout.clear')}
        </button>
      </div>
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
                {priced && priced.discounts.length > 0 && (
                  <div className="line-discounts">
                    {priced.discounts.map((discount) => {
                      const benefit = benefits.get(discount.benefitId);
                      return (
                        <div key={discount.benefitId} className="line-discount">
                          <span>{benefit ? say(benefit.reason) : discount.benefitId}</span>
                          <span>−{money(discount.amountOre)}</span>
                        </div>
                      );
                    })}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
